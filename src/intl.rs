//! Dates and numbers in the article's language, through the browser's `Intl`.
//!
//! No locale or time-zone data ships in the wasm: the browser has it. Times
//! are shown as the publisher wrote them (their wall clock), by formatting the
//! wall-clock fields in UTC. A language tag the browser rejects falls back to
//! plain ISO-style text instead of throwing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::time::Timestamp;

/// Calls `Type.prototype.method` on `value` with `(lang, options)`, catching
/// the RangeError a malformed language tag raises. Looked up on the
/// prototype so that a primitive `value` (a number) works too.
fn to_locale_string(
    value: &JsValue,
    type_name: &str,
    method: &str,
    lang: &str,
    options: &[(&str, &str)],
) -> Option<String> {
    let opts = js_sys::Object::new();
    for (key, v) in options {
        let _ = js_sys::Reflect::set(&opts, &(*key).into(), &(*v).into());
    }
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into());
    get(&js_sys::global(), type_name)
        .and_then(|constructor| get(&constructor, "prototype"))
        .and_then(|prototype| get(&prototype, method))
        .and_then(|f| f.dyn_into::<js_sys::Function>())
        .and_then(|f| f.call2(value, &lang.into(), &opts))
        .ok()
        .and_then(|s| s.as_string())
}

fn wall_clock(ts: &Timestamp) -> JsValue {
    js_sys::Date::new(&JsValue::from_f64(ts.wall_clock_epoch_millis())).into()
}

/// "15 October 2025 at 11:50" in `lang`.
pub fn long_date_time(ts: &Timestamp, lang: &str) -> String {
    let options = [
        ("dateStyle", "long"),
        ("timeStyle", "short"),
        ("timeZone", "UTC"),
    ];
    to_locale_string(&wall_clock(ts), "Date", "toLocaleString", lang, &options)
        .unwrap_or_else(|| format!("{} {}", ts.date(), ts.clock()))
}

/// "11:50", "11:50 AM" or "١١:٥٠ ص", as `lang` writes a clock time.
pub fn clock(ts: &Timestamp, lang: &str) -> String {
    let options = [
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZone", "UTC"),
    ];
    to_locale_string(
        &wall_clock(ts),
        "Date",
        "toLocaleTimeString",
        lang,
        &options,
    )
    .unwrap_or_else(|| ts.clock())
}

/// A whole number in `lang`'s digits.
pub fn number(n: u32, lang: &str) -> String {
    to_locale_string(&JsValue::from(n), "Number", "toLocaleString", lang, &[])
        .unwrap_or_else(|| n.to_string())
}
