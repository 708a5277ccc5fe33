//! Times in the reader's locale and time zone, numbers in the interface's
//! language, through the browser's `Intl`.
//!
//! No locale or time-zone data ships in the wasm: the browser has it, and
//! knows where and who the reader is. Formatters are built once per language
//! and kind and reused: building one costs far more than formatting with it,
//! and a timeline formats thousands of times. A language tag the browser
//! rejects falls back to plain ISO-style text instead of throwing.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use article_core::time::Timestamp;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "15 October 2025 at 08:50", the story's dateline.
    LongDateTime,
    /// "08:50" or "08:50 AM": two-digit hours, as a timeline of times reads.
    Clock,
    /// "14 Oct, 08:50": an entry of another day.
    DateClock,
    /// "Wednesday 15 October 2025": a day heading.
    Day,
    /// The whole moment with its zone, for a tooltip.
    Full,
    Number,
    /// "5 min ago", "now".
    Relative,
    /// "today", "yesterday".
    RelativeDay,
}

impl Kind {
    fn constructor(self) -> &'static str {
        match self {
            Kind::Number => "NumberFormat",
            Kind::Relative | Kind::RelativeDay => "RelativeTimeFormat",
            _ => "DateTimeFormat",
        }
    }

    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::LongDateTime => &[("dateStyle", "long"), ("timeStyle", "short")],
            Kind::Clock => &[("hour", "2-digit"), ("minute", "2-digit")],
            Kind::DateClock => &[
                ("month", "short"),
                ("day", "numeric"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
            ],
            Kind::Day => &[
                ("weekday", "long"),
                ("day", "numeric"),
                ("month", "long"),
                ("year", "numeric"),
            ],
            Kind::Full => &[
                ("weekday", "long"),
                ("day", "numeric"),
                ("month", "long"),
                ("year", "numeric"),
                ("hour", "numeric"),
                ("minute", "2-digit"),
                ("timeZoneName", "short"),
            ],
            Kind::Number => &[],
            Kind::Relative => &[("numeric", "auto"), ("style", "short")],
            Kind::RelativeDay => &[("numeric", "auto")],
        }
    }
}

thread_local! {
    /// A handful of formatters per page (kinds × languages): a list is
    /// enough, and cheaper in wasm than a hash map of its own type.
    static FORMATTERS: RefCell<Vec<(Kind, String, Option<js_sys::Function>)>> =
        const { RefCell::new(Vec::new()) };
}

/// `new Intl.<Kind>(lang, options).format`, built once; `None` if the browser
/// refuses the language tag (`Reflect.construct` catches the RangeError).
fn formatter(kind: Kind, lang: &str) -> Option<js_sys::Function> {
    FORMATTERS.with(|cache| {
        if let Some((.., format)) = cache
            .borrow()
            .iter()
            .find(|(k, l, _)| *k == kind && l == lang)
        {
            return format.clone();
        }
        let format = (|| {
            let options = js_sys::Object::new();
            for (key, value) in kind.options() {
                let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
            }
            let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into());
            let constructor = get(&js_sys::global(), "Intl")
                .and_then(|intl| get(&intl, kind.constructor()))
                .and_then(|c| c.dyn_into::<js_sys::Function>())
                .ok()?;
            // No language: the reader's own (the browser's default).
            let locale = if lang.is_empty() {
                JsValue::UNDEFINED
            } else {
                lang.into()
            };
            let args = js_sys::Array::of2(&locale, &options);
            let instance = js_sys::Reflect::construct(&constructor, &args).ok()?;
            let format: js_sys::Function = get(&instance, "format").ok()?.dyn_into().ok()?;
            // `format` of DateTimeFormat is bound; RelativeTimeFormat's is not.
            Some(format.bind0(&instance))
        })();
        cache
            .borrow_mut()
            .push((kind, lang.to_owned(), format.clone()));
        format
    })
}

fn format(kind: Kind, lang: &str, value: &JsValue) -> Option<String> {
    formatter(kind, lang)?
        .call1(&JsValue::UNDEFINED, value)
        .ok()?
        .as_string()
}

/// The reader's locale: `Intl`'s default.
const READER: &str = "";

fn instant(ts: &Timestamp) -> JsValue {
    js_sys::Date::new(&JsValue::from_f64(ts.epoch_millis())).into()
}

/// "15 October 2025 at 08:50", in the reader's locale and zone.
pub fn long_date_time(ts: &Timestamp) -> String {
    format(Kind::LongDateTime, READER, &instant(ts))
        .unwrap_or_else(|| format!("{} {}", ts.date(), ts.clock()))
}

/// "08:50" or "8:50 AM", as the reader's locale writes a clock time.
pub fn clock(ts: &Timestamp) -> String {
    format(Kind::Clock, READER, &instant(ts)).unwrap_or_else(|| ts.clock())
}

/// "14 Oct, 08:50": the date and the clock time.
pub fn date_clock(ts: &Timestamp) -> String {
    format(Kind::DateClock, READER, &instant(ts))
        .unwrap_or_else(|| format!("{} {}", ts.date(), ts.clock()))
}

/// The moment with its zone, "Wednesday 15 October 2025 at 08:50 UTC".
pub fn full(ts: &Timestamp) -> String {
    format(Kind::Full, READER, &instant(ts)).unwrap_or_else(|| ts.as_str().to_owned())
}

/// The reader's local day of a moment, as a day number (days since
/// 1970-01-01 of that calendar date), so two moments can be told to fall on
/// the same day, the day before, …
pub fn local_day(epoch_millis: f64) -> i64 {
    let d = js_sys::Date::new(&JsValue::from_f64(epoch_millis));
    let utc_midnight = js_sys::Date::utc(f64::from(d.get_full_year()), f64::from(d.get_month()))
        + f64::from(d.get_date() - 1) * 86_400_000.0;
    (utc_midnight / 86_400_000.0).floor() as i64
}

/// A day heading: "Today", "Yesterday", else "Wednesday 15 October 2025".
pub fn day_heading(ts: &Timestamp, days_ago: Option<i64>) -> String {
    let relative = days_ago
        .filter(|d| (0..=1).contains(d))
        .and_then(|days_ago| {
            let f = formatter(Kind::RelativeDay, READER)?;
            f.call2(
                &JsValue::UNDEFINED,
                &(-(days_ago as f64)).into(),
                &"day".into(),
            )
            .ok()?
            .as_string()
        });
    match relative {
        Some(word) => capitalize(&word),
        None => format(Kind::Day, READER, &instant(ts)).unwrap_or_else(|| ts.date()),
    }
}

/// "5 min ago", "now": `value` of `unit` (see [`article_core::live::relative`]).
pub fn relative(value: f64, unit: &str) -> Option<String> {
    formatter(Kind::Relative, READER)?
        .call2(&JsValue::UNDEFINED, &value.into(), &unit.into())
        .ok()?
        .as_string()
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A whole number in `lang`'s digits.
pub fn number(n: u32, lang: &str) -> String {
    format(Kind::Number, lang, &JsValue::from(n)).unwrap_or_else(|| n.to_string())
}
