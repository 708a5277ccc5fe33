//! A live timeline's rules: how often to poll, how to back off, how an
//! update merges into what the reader sees, how many entries are new, and how
//! recent a time is in words.
//!
//! The browser's poller (timers, `visibilitychange`, conditional requests)
//! only asks this module what to do.

use crate::article::TimelineEntry;
use crate::fetch::MAX_RETRIES;
use crate::timeline::sort_newest_first;

/// Seconds between polls when the publisher does not say.
pub const DEFAULT_INTERVAL_SECS: f64 = 30.0;
/// No publisher may make readers poll more often than this.
pub const MIN_INTERVAL_SECS: f64 = 10.0;
/// Nor so rarely that "live" means nothing.
pub const MAX_INTERVAL_SECS: f64 = 3600.0;
/// A reader who asked for less data is polled at most this often.
pub const LOW_DATA_MIN_INTERVAL_SECS: f64 = 60.0;
/// However many failures, a poll is tried again within this.
pub const MAX_BACKOFF_MS: u32 = 10 * 60 * 1000;

/// The poll interval, from the publisher's `interval` (seconds): 30 s when
/// absent or not a number, never under 10 s nor over an hour.
pub fn poll_interval_ms(requested_secs: Option<f64>) -> u32 {
    let secs = requested_secs
        .filter(|s| s.is_finite())
        .unwrap_or(DEFAULT_INTERVAL_SECS)
        .clamp(MIN_INTERVAL_SECS, MAX_INTERVAL_SECS);
    (secs * 1000.0) as u32
}

/// The publisher's `interval` for a reader who asked for less data: at
/// least a minute.
pub fn low_data_interval(requested_secs: Option<f64>) -> Option<f64> {
    let secs = requested_secs
        .filter(|s| s.is_finite())
        .unwrap_or(DEFAULT_INTERVAL_SECS);
    Some(secs.max(LOW_DATA_MIN_INTERVAL_SECS))
}

/// How long to wait before the next poll after `failures` failures in a
/// row: the interval, doubled for each failure up to ten minutes, or longer
/// if the server's `Retry-After` says so.
pub fn next_poll_ms(interval_ms: u32, failures: u32, retry_after_secs: Option<f64>) -> u32 {
    let backoff = if failures == 0 {
        interval_ms
    } else {
        let factor = 2u64.saturating_pow(failures.min(16));
        (u64::from(interval_ms) * factor).min(u64::from(MAX_BACKOFF_MS.max(interval_ms))) as u32
    };
    let asked = retry_after_secs
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(|s| (s * 1000.0).min(f64::from(MAX_BACKOFF_MS)) as u32)
        .unwrap_or(0);
    backoff.max(asked)
}

/// When the next poll is due: the rules of [`next_poll_ms`] kept with their
/// state. A timeline that is not live is fetched once, with a few tries.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    live: bool,
    interval_ms: u32,
    failures: u32,
}

/// How a poll went, as far as the schedule cares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// An answer: new entries, or 304 Not Modified.
    Answered,
    /// No usable answer; the server may have said when to come back.
    Failed { retry_after_secs: Option<f64> },
}

impl Schedule {
    /// `requested_secs` is the publisher's `interval`.
    pub fn new(live: bool, requested_secs: Option<f64>) -> Schedule {
        Schedule {
            live,
            interval_ms: poll_interval_ms(requested_secs),
            failures: 0,
        }
    }

    /// Milliseconds until the next poll after `outcome`, or `None` when
    /// there is none.
    pub fn after(&mut self, outcome: Outcome) -> Option<u32> {
        let retry_after = match outcome {
            Outcome::Answered => {
                self.failures = 0;
                None
            }
            Outcome::Failed { retry_after_secs } => {
                self.failures += 1;
                retry_after_secs
            }
        };
        if !self.live && (self.failures == 0 || self.failures > MAX_RETRIES) {
            return None;
        }
        Some(next_poll_ms(self.interval_ms, self.failures, retry_after))
    }
}

/// What a fetched timeline does to the one on screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    /// Nothing was shown yet: show these.
    Show(Vec<TimelineEntry>),
    /// New entries: held behind the "n new updates" button.
    Hold(Merged),
    /// No new entries, but corrections to shown ones: applied in place.
    Correct(Vec<TimelineEntry>),
    /// Nothing changed.
    Unchanged,
}

/// How `incoming` (newest first) arrives on a screen showing `shown`.
pub fn arrive(shown: &[TimelineEntry], incoming: Vec<TimelineEntry>) -> Arrival {
    if shown.is_empty() {
        return Arrival::Show(incoming);
    }
    let merged = merge(shown, &incoming);
    if merged.new > 0 {
        Arrival::Hold(merged)
    } else if merged.entries != shown {
        Arrival::Correct(merged.entries)
    } else {
        Arrival::Unchanged
    }
}

/// An update merged into what is on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// Everything, newest first: entries the update brings replace the
    /// versions on screen; entries it no longer lists stay.
    pub entries: Vec<TimelineEntry>,
    /// How many of them the reader has not seen.
    pub new: usize,
}

/// Merges `incoming` (a fetched timeline) into `shown`.
pub fn merge(shown: &[TimelineEntry], incoming: &[TimelineEntry]) -> Merged {
    let seen: std::collections::HashSet<String> = shown.iter().map(TimelineEntry::key).collect();
    let incoming_keys: std::collections::HashSet<String> =
        incoming.iter().map(TimelineEntry::key).collect();
    let new = incoming_keys.difference(&seen).count();
    let mut entries = incoming.to_vec();
    entries.extend(
        shown
            .iter()
            .filter(|e| !incoming_keys.contains(&e.key()))
            .cloned(),
    );
    sort_newest_first(&mut entries);
    Merged { entries, new }
}

/// The document title with the count of waiting updates: "(3) Headline".
pub fn title_with_count(title: &str, new: usize) -> String {
    if new == 0 {
        title.to_owned()
    } else {
        format!("({new}) {title}")
    }
}

/// How long ago, in the largest whole unit `Intl.RelativeTimeFormat` says it
/// in: `(-5, "minute")` for five minutes ago. `None` once it is a day or more
/// ago (or in the future by more than a minute): those show only the time.
pub fn relative(age_ms: f64) -> Option<(f64, &'static str)> {
    const MINUTE: f64 = 60_000.0;
    if !(-MINUTE..24.0 * 60.0 * MINUTE).contains(&age_ms) {
        return None;
    }
    let minutes = (age_ms.max(0.0) / MINUTE).floor();
    Some(if minutes < 1.0 {
        (0.0, "second")
    } else if minutes < 60.0 {
        (-minutes, "minute")
    } else {
        (-(minutes / 60.0).floor(), "hour")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Timestamp;

    fn entry(id: &str, time: &str, headline: &str) -> TimelineEntry {
        TimelineEntry {
            id: Some(id.to_owned()),
            time: Timestamp::parse(time).ok(),
            headline: headline.to_owned(),
            url: None,
            article: None,
        }
    }

    #[test]
    fn interval_defaults_to_30_s_and_never_goes_under_10_s() {
        assert_eq!(poll_interval_ms(None), 30_000);
        assert_eq!(poll_interval_ms(Some(60.0)), 60_000);
        assert_eq!(poll_interval_ms(Some(1.0)), 10_000);
        assert_eq!(poll_interval_ms(Some(-5.0)), 10_000);
        assert_eq!(poll_interval_ms(Some(f64::NAN)), 30_000);
        assert_eq!(poll_interval_ms(Some(1e12)), 3_600_000);
    }

    #[test]
    fn errors_back_off_exponentially_up_to_ten_minutes() {
        assert_eq!(next_poll_ms(30_000, 0, None), 30_000);
        assert_eq!(next_poll_ms(30_000, 1, None), 60_000);
        assert_eq!(next_poll_ms(30_000, 2, None), 120_000);
        assert_eq!(next_poll_ms(30_000, 40, None), MAX_BACKOFF_MS);
        // Retry-After asks for longer: it wins; shorter: the backoff wins.
        assert_eq!(next_poll_ms(30_000, 1, Some(300.0)), 300_000);
        assert_eq!(next_poll_ms(30_000, 1, Some(5.0)), 60_000);
        // An hourly timeline does not poll faster because it failed.
        assert_eq!(next_poll_ms(3_600_000, 3, None), 3_600_000);
    }

    #[test]
    fn merge_counts_only_unseen_entries_and_keeps_old_ones() {
        let shown = vec![
            entry("b", "2025-10-15T11:00:00Z", "B"),
            entry("a", "2025-10-15T10:00:00Z", "A"),
        ];
        let incoming = vec![
            entry("c", "2025-10-15T12:00:00Z", "C"),
            entry("b", "2025-10-15T11:00:00Z", "B, corrected"),
        ];
        let merged = merge(&shown, &incoming);
        assert_eq!(merged.new, 1);
        let headlines: Vec<&str> = merged.entries.iter().map(|e| e.headline.as_str()).collect();
        assert_eq!(headlines, ["C", "B, corrected", "A"]);
        assert_eq!(merge(&merged.entries, &incoming).new, 0);
    }

    #[test]
    fn title_shows_the_count_only_when_there_is_one() {
        assert_eq!(title_with_count("Headline", 0), "Headline");
        assert_eq!(title_with_count("Headline", 3), "(3) Headline");
    }

    #[test]
    fn less_data_polls_at_most_once_a_minute() {
        assert_eq!(poll_interval_ms(low_data_interval(Some(10.0))), 60_000);
        assert_eq!(poll_interval_ms(low_data_interval(None)), 60_000);
        assert_eq!(poll_interval_ms(low_data_interval(Some(f64::NAN))), 60_000);
        assert_eq!(poll_interval_ms(low_data_interval(Some(300.0))), 300_000);
    }

    #[test]
    fn relative_time_uses_the_largest_whole_unit_for_a_day() {
        assert_eq!(relative(20_000.0), Some((0.0, "second")));
        assert_eq!(relative(5.5 * 60_000.0), Some((-5.0, "minute")));
        assert_eq!(relative(125.0 * 60_000.0), Some((-2.0, "hour")));
        assert_eq!(relative(24.0 * 3_600_000.0), None);
        assert_eq!(relative(-30_000.0), Some((0.0, "second")));
        assert_eq!(relative(-3_600_000.0), None);
    }

    #[test]
    fn a_live_schedule_polls_every_interval_and_backs_off() {
        let mut s = Schedule::new(true, Some(10.0));
        assert_eq!(s.after(Outcome::Answered), Some(10_000));
        let failed = Outcome::Failed {
            retry_after_secs: None,
        };
        assert_eq!(s.after(failed), Some(20_000));
        assert_eq!(s.after(failed), Some(40_000));
        assert_eq!(s.after(failed), Some(80_000));
        assert_eq!(s.after(Outcome::Answered), Some(10_000), "reset");
        let asked = Outcome::Failed {
            retry_after_secs: Some(120.0),
        };
        assert_eq!(s.after(asked), Some(120_000));
    }

    #[test]
    fn a_timeline_that_is_not_live_is_fetched_once_with_a_few_tries() {
        let mut s = Schedule::new(false, None);
        assert_eq!(s.after(Outcome::Answered), None);
        let mut s = Schedule::new(false, None);
        let failed = Outcome::Failed {
            retry_after_secs: None,
        };
        assert_eq!(s.after(failed), Some(60_000));
        assert_eq!(s.after(failed), Some(120_000));
        assert_eq!(
            s.after(failed),
            None,
            "gives up after {MAX_RETRIES} retries"
        );
    }

    #[test]
    fn arrivals_show_hold_correct_or_change_nothing() {
        let shown = vec![entry("a", "2025-10-15T10:00:00Z", "A")];
        assert_eq!(arrive(&[], shown.clone()), Arrival::Show(shown.clone()));
        assert_eq!(arrive(&shown, shown.clone()), Arrival::Unchanged);
        let corrected = vec![entry("a", "2025-10-15T10:00:00Z", "A, corrected")];
        assert_eq!(
            arrive(&shown, corrected.clone()),
            Arrival::Correct(corrected)
        );
        let newer = vec![
            entry("b", "2025-10-15T11:00:00Z", "B"),
            entry("a", "2025-10-15T10:00:00Z", "A"),
        ];
        match arrive(&shown, newer) {
            Arrival::Hold(merged) => {
                assert_eq!(merged.new, 1);
                assert_eq!(merged.entries.len(), 2);
            }
            other => panic!("expected Hold, got {other:?}"),
        }
    }
}
