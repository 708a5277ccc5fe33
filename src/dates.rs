//! Dates in the reader's language, through the browser's `Intl`.
//!
//! No time-zone or locale data ships in the wasm: the browser has it. Times
//! are shown as the publisher wrote them (their wall clock), by formatting
//! the wall-clock fields in UTC.

use wasm_bindgen::prelude::*;

use crate::time::Timestamp;

/// "15 October 2025 at 11:50" in the article's language, or the ISO date and
/// clock if the browser cannot format it.
pub fn long_date_time(ts: &Timestamp, lang: &str) -> String {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("dateStyle", "long"),
        ("timeStyle", "short"),
        ("timeZone", "UTC"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let date = js_sys::Date::new(&JsValue::from_f64(ts.wall_clock_epoch_millis()));
    // Called through `Function::call2`, which catches: `toLocaleString` throws
    // a RangeError on a malformed language tag, and that must not abort.
    js_sys::Reflect::get(&date, &"toLocaleString".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
        .and_then(|f| f.call2(&date, &lang.into(), &options))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{} {}", ts.date(), ts.clock()))
}
