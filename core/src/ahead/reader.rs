//! The reader the HTML is written for ahead of time: the story's language
//! and the zone of its `published` offset, with no today — every entry
//! carries its date and every day heading is a date, never "Today", which
//! would go stale — so the same story gives the same HTML whenever and
//! wherever it is written (the command, the build, the Embed control in any
//! reader's browser).

use crate::article::Article;
use crate::dates::{self, Local};
use crate::time::Timestamp;

/// Who the HTML is written for.
#[derive(Clone, Debug)]
pub struct Reader {
    /// The reader's language tag, as `Intl` would get it.
    pub lang: String,
    /// The reader's zone, as an offset east of UTC in minutes.
    pub offset_minutes: i32,
}

impl Reader {
    /// A reader of `article`'s language (or the interface's, `lang`) in the
    /// zone of its `published` offset.
    pub fn of(article: &Article, lang: Option<&str>) -> Reader {
        Reader {
            lang: lang.unwrap_or(&article.lang).to_owned(),
            offset_minutes: article
                .published
                .as_ref()
                .map_or(0, Timestamp::offset_minutes),
        }
    }

    fn local(&self, ts: &Timestamp) -> Local {
        Local::at(ts.epoch_millis(), self.offset_minutes)
    }

    /// "15 October 2025 at 11:50".
    pub fn long_date_time(&self, ts: &Timestamp) -> String {
        dates::long_date_time(&self.local(ts), &self.lang)
    }

    pub fn clock(&self, ts: &Timestamp) -> String {
        dates::clock(&self.local(ts), &self.lang)
    }

    pub fn date_clock(&self, ts: &Timestamp) -> String {
        dates::date_clock(&self.local(ts), &self.lang)
    }

    /// The full moment with its zone, for a tooltip.
    pub fn full(&self, ts: &Timestamp) -> String {
        dates::full(&self.local(ts), &self.lang)
    }

    /// The reader's day of a moment.
    pub fn local_day(&self, epoch_millis: f64) -> i64 {
        Local::at(epoch_millis, self.offset_minutes).day_number
    }

    /// A day's heading: its date.
    pub fn day(&self, ts: &Timestamp) -> String {
        dates::day(&self.local(ts), &self.lang)
    }

    pub fn number(&self, n: usize) -> String {
        dates::number(u32::try_from(n).unwrap_or(u32::MAX), &self.lang)
    }
}
