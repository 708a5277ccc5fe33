//! Times and numbers, ahead of time (see [`super::ahead`]): written by
//! [`article_core::dates`] as `Intl` writes them for the given reader.

use article_core::dates::{self, Local};
use article_core::time::Timestamp;

use super::ahead::reader;

fn local(ts: &Timestamp) -> (Local, String) {
    let r = reader();
    (Local::at(ts.epoch_millis(), r.offset_minutes), r.lang)
}

pub fn long_date_time(ts: &Timestamp) -> String {
    let (t, lang) = local(ts);
    dates::long_date_time(&t, &lang)
}

pub fn clock(ts: &Timestamp) -> String {
    let (t, lang) = local(ts);
    dates::clock(&t, &lang)
}

pub fn date_clock(ts: &Timestamp) -> String {
    let (t, lang) = local(ts);
    dates::date_clock(&t, &lang)
}

pub fn full(ts: &Timestamp) -> String {
    let (t, lang) = local(ts);
    dates::full(&t, &lang)
}

pub fn local_day(epoch_millis: f64) -> i64 {
    Local::at(epoch_millis, reader().offset_minutes).day_number
}

pub fn day_heading(ts: &Timestamp, days_ago: i64) -> String {
    let (t, lang) = local(ts);
    match dates::relative_day(days_ago, &lang) {
        Some(word) => word.to_owned(),
        None => dates::day(&t, &lang),
    }
}

/// "5 min ago" would be stale by the time the HTML is read: the live viewer
/// adds it.
pub fn relative(_value: f64, _unit: &str) -> Option<String> {
    None
}

pub fn number(n: u32, lang: &str) -> String {
    dates::number(n, lang)
}
