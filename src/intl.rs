//! Dates and numbers in the article's language, through the browser's `Intl`.
//!
//! No locale or time-zone data ships in the wasm: the browser has it. Times
//! are shown as the publisher wrote them (their wall clock), by formatting the
//! wall-clock fields in UTC. Formatters are built once per language and kind
//! and reused: building one costs far more than formatting with it, and a
//! timeline formats thousands of times. A language tag the browser rejects
//! falls back to plain ISO-style text instead of throwing.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::time::Timestamp;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    LongDateTime,
    Clock,
    Number,
}

impl Kind {
    fn constructor(self) -> &'static str {
        match self {
            Kind::Number => "NumberFormat",
            _ => "DateTimeFormat",
        }
    }

    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::LongDateTime => &[
                ("dateStyle", "long"),
                ("timeStyle", "short"),
                ("timeZone", "UTC"),
            ],
            Kind::Clock => &[
                ("hour", "2-digit"),
                ("minute", "2-digit"),
                ("timeZone", "UTC"),
            ],
            Kind::Number => &[],
        }
    }
}

thread_local! {
    static FORMATTERS: RefCell<HashMap<(Kind, String), Option<js_sys::Function>>> =
        RefCell::new(HashMap::new());
}

/// `new Intl.<Kind>(lang, options).format`, built once; `None` if the browser
/// refuses the language tag (`Reflect.construct` catches the RangeError).
fn formatter(kind: Kind, lang: &str) -> Option<js_sys::Function> {
    FORMATTERS.with(|cache| {
        cache
            .borrow_mut()
            .entry((kind, lang.to_owned()))
            .or_insert_with(|| {
                let options = js_sys::Object::new();
                for (key, value) in kind.options() {
                    let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
                }
                let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into());
                let constructor = get(&js_sys::global(), "Intl")
                    .and_then(|intl| get(&intl, kind.constructor()))
                    .and_then(|c| c.dyn_into::<js_sys::Function>())
                    .ok()?;
                let args = js_sys::Array::of2(&lang.into(), &options);
                let instance = js_sys::Reflect::construct(&constructor, &args).ok()?;
                get(&instance, "format").ok()?.dyn_into().ok()
            })
            .clone()
    })
}

fn format(kind: Kind, lang: &str, value: &JsValue) -> Option<String> {
    formatter(kind, lang)?
        .call1(&JsValue::UNDEFINED, value)
        .ok()?
        .as_string()
}

fn wall_clock(ts: &Timestamp) -> JsValue {
    js_sys::Date::new(&JsValue::from_f64(ts.wall_clock_epoch_millis())).into()
}

/// "15 October 2025 at 11:50" in `lang`.
pub fn long_date_time(ts: &Timestamp, lang: &str) -> String {
    format(Kind::LongDateTime, lang, &wall_clock(ts))
        .unwrap_or_else(|| format!("{} {}", ts.date(), ts.clock()))
}

/// "11:50", "11:50 AM" or "١١:٥٠ ص", as `lang` writes a clock time.
pub fn clock(ts: &Timestamp, lang: &str) -> String {
    format(Kind::Clock, lang, &wall_clock(ts)).unwrap_or_else(|| ts.clock())
}

/// A whole number in `lang`'s digits.
pub fn number(n: u32, lang: &str) -> String {
    format(Kind::Number, lang, &JsValue::from(n)).unwrap_or_else(|| n.to_string())
}
