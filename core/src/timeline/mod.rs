//! The headline timeline's rules: order, identity, day groups and pages;
//! and, in [`markup`], its elements.
//!
//! What the reader's local day of a moment is, only the browser knows
//! (`Intl` and the reader's zone): [`days`] is handed that as a function.

pub mod markup;

use crate::address::address_for;
use crate::article::{Timeline, TimelineEntry};
use crate::time::Timestamp;
use crate::url_policy::{self, Resolve, UrlUse};

impl Timeline {
    /// The entries newest first, whatever the order in the JSON. Entries with
    /// the same time keep their order; entries without a valid time follow.
    pub fn newest_first(self) -> Vec<TimelineEntry> {
        let mut entries = self.entries;
        sort_newest_first(&mut entries);
        entries
    }
}

/// Sorts entries newest first; equal times keep their order, entries without
/// a valid time go last.
pub fn sort_newest_first(entries: &mut [TimelineEntry]) {
    // Each entry's instant computed once, not at every comparison.
    entries.sort_by_cached_key(|e| {
        std::cmp::Reverse(e.time.as_ref().map_or(i64::MIN, Timestamp::epoch_seconds))
    });
}

impl TimelineEntry {
    /// What makes two versions of an entry the same entry: its id, else its
    /// link, else its time and headline.
    pub fn key(&self) -> String {
        match (&self.id, &self.article, &self.url) {
            (Some(id), _, _) => format!("id:{id}"),
            (None, Some(a), _) => format!("article:{a}"),
            (None, None, Some(u)) => format!("url:{u}"),
            (None, None, None) => format!(
                "text:{}|{}",
                self.time.as_ref().map_or("", Timestamp::as_str),
                self.headline
            ),
        }
    }

    /// Where the entry leads: its story's address in the viewer's page
    /// `viewer_page`, with the story's resolved URL to open it in place;
    /// else its outside link; else its own place in the page, so that
    /// every entry has a permalink. `base` is the article that lists it.
    pub fn link(
        &self,
        base: &str,
        viewer_page: &str,
        resolve: Resolve,
    ) -> (String, Option<String>) {
        if let Some(resolved) = self
            .article
            .as_deref()
            .and_then(|a| resolve(a, base, UrlUse::Resource))
        {
            return (address_for(&resolved, viewer_page), Some(resolved));
        }
        let href = self
            .url
            .as_deref()
            .and_then(|u| url_policy::allow(u, UrlUse::Link))
            .unwrap_or_else(|| format!("#{}", self.anchor()));
        (href, None)
    }

    /// The entry's element id, its permalink in the page: from its `id`
    /// (letters, digits, `-`, `_` only), else from its [`key`](Self::key), so
    /// that it stays the same when entries arrive above it.
    pub fn anchor(&self) -> String {
        let clean: String = self
            .id
            .as_deref()
            .unwrap_or_default()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(64)
            .collect();
        if clean.is_empty() {
            let hash = fnv1a(&self.key());
            let hex: String = (0..8)
                .rev()
                .map(|i| char::from_digit((hash >> (i * 4)) & 0xf, 16).unwrap_or('0'))
                .collect();
            format!("entry-{hex}")
        } else {
            format!("entry-{clean}")
        }
    }
}

/// A short, stable hash (FNV-1a, 32 bits): the same text gives the same
/// anchor in every browser and every build.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// One day's entries, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Day<'a> {
    /// The reader's local day (days since 1970-01-01 of that calendar date),
    /// or `None` for the entries without a time, which come last.
    pub day: Option<i64>,
    pub entries: Vec<&'a TimelineEntry>,
}

/// Entries grouped by the reader's local day, in order; `local_day` gives
/// the day of a moment in epoch milliseconds.
pub fn days(entries: &[TimelineEntry], local_day: impl Fn(f64) -> i64) -> Vec<Day<'_>> {
    let mut groups: Vec<Day<'_>> = Vec::new();
    for entry in entries {
        let day = entry.time.as_ref().map(|t| local_day(t.epoch_millis()));
        match groups.last_mut() {
            Some(last) if last.day == day => last.entries.push(entry),
            _ => groups.push(Day {
                day,
                entries: vec![entry],
            }),
        }
    }
    groups
}

/// Entries shown at first, and added by each "Show more".
pub const PAGE_SIZE: usize = 100;

/// How many entries show after `pages` presses of "Show more".
pub fn visible_count(total: usize, pages: usize) -> usize {
    total.min(PAGE_SIZE.saturating_mul(pages.saturating_add(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn entry(id: Option<&str>, time: &str, headline: &str) -> TimelineEntry {
        TimelineEntry {
            id: id.map(str::to_owned),
            time: Timestamp::parse(time).ok(),
            headline: headline.to_owned(),
            url: None,
            article: None,
        }
    }

    #[test]
    fn anchors_come_from_ids_cleaned_else_a_stable_hash() {
        let with_id = entry(Some("a b<script>/9"), "2025-10-15T11:00:00Z", "H");
        assert_eq!(with_id.anchor(), "entry-abscript9");
        let without = entry(None, "2025-10-15T11:00:00Z", "H");
        let again = entry(None, "2025-10-15T11:00:00Z", "H");
        assert_eq!(without.anchor(), again.anchor());
        assert!(without.anchor().starts_with("entry-"));
        assert_ne!(
            without.anchor(),
            entry(None, "2025-10-15T11:00:00Z", "Other").anchor()
        );
        assert_eq!(
            entry(Some("<>"), "x", "H").anchor().len(),
            "entry-".len() + 8
        );
    }

    #[test]
    fn days_group_consecutive_entries_of_the_same_local_day() {
        let entries = [
            entry(Some("a"), "2025-10-15T23:30:00Z", "A"),
            entry(Some("b"), "2025-10-15T20:00:00Z", "B"),
            entry(Some("c"), "2025-10-14T10:00:00Z", "C"),
            entry(Some("d"), "not a time", "D"),
        ];
        // A reader at +03:00: 23:30 UTC is already the 16th.
        let day = |ms: f64| ((ms + 3.0 * 3_600_000.0) / 86_400_000.0).floor() as i64;
        let groups = days(&entries, day);
        let shape: Vec<(Option<i64>, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.day,
                    g.entries.iter().map(|e| e.headline.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (Some(20377), vec!["A"]),
                (Some(20376), vec!["B"]),
                (Some(20375), vec!["C"]),
                (None, vec!["D"]),
            ]
        );
    }

    #[test]
    fn show_more_pages_through_the_entries() {
        assert_eq!(visible_count(9, 0), 9);
        assert_eq!(visible_count(100_000, 0), PAGE_SIZE);
        assert_eq!(visible_count(100_000, 2), 3 * PAGE_SIZE);
        assert_eq!(visible_count(250, 5), 250);
    }
}
