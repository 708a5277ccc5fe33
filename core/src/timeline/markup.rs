//! The timeline as elements: the section, its live controls, a day per
//! heading and the entries of the page shown — written here once, for the
//! browser (which builds it and keeps it live) and for the HTML written
//! ahead of time (the snippet command, the prerender, the Embed control).
//!
//! The shell rebuilds only the piece that changed: the whole [`timeline`]
//! on a new story, one [`entry`] or [`day`] as entries arrive, the
//! [`checked`] line, the [`new_button`] and the [`more`] button. Each piece
//! has its own function so that both ways of building agree on every
//! element and attribute.
//!
//! What only the reader's browser knows — their day, their zone's clock,
//! "5 min ago" — comes in [`Settings`], as functions.

use super::{days, visible_count, Day};
use crate::article::TimelineEntry;
use crate::markup::{Action, Markup};
use crate::messages::Messages;
use crate::time::Timestamp;

/// What the timeline's elements depend on besides its entries.
pub struct Settings<'a> {
    pub messages: &'static Messages,
    /// The page's landmarks are the viewer's: the section is a named region.
    pub landmarks: bool,
    /// The reader's local day of a moment in epoch milliseconds.
    pub local_day: &'a dyn Fn(f64) -> i64,
    /// The reader's today; `None` ahead of time, when no day is today and
    /// every entry carries its date, true whenever it is read.
    pub today: Option<i64>,
    /// The clock time ("11:50").
    pub clock: &'a dyn Fn(&Timestamp) -> String,
    /// The date and clock time, for an entry of another day.
    pub date_clock: &'a dyn Fn(&Timestamp) -> String,
    /// The full moment with its zone, for a tooltip.
    pub full: &'a dyn Fn(&Timestamp) -> String,
    /// A day's heading: the moment, and how many days ago its day is (if
    /// there is a today).
    pub day_heading: &'a dyn Fn(&Timestamp, Option<i64>) -> String,
    /// "5 min ago" for a moment in epoch milliseconds; `None` ahead of time,
    /// when the words would be stale by the time they are read.
    pub ago: &'a dyn Fn(f64) -> Option<String>,
    /// A number in the interface language's digits.
    pub number: &'a dyn Fn(usize) -> String,
    /// Where an entry leads: its address, and the resolved URL of the story
    /// it opens in place, if it opens one.
    pub link: &'a dyn Fn(&TimelineEntry) -> (String, Option<String>),
}

/// What the timeline shows besides its entries.
pub struct State<'a> {
    pub title: &'a str,
    /// Polled from a source: the pause control and "Updated" show.
    pub live: bool,
    pub paused: bool,
    /// A request to the source is on its way.
    pub busy: bool,
    /// When the source last answered.
    pub checked: Option<&'a Timestamp>,
    /// Updates waiting behind the reader's button.
    pub new_count: usize,
    /// The source failed and there is nothing to show.
    pub failed: bool,
    /// Every entry, newest first.
    pub entries: &'a [TimelineEntry],
    /// Presses of "Show more".
    pub pages: usize,
}

impl State<'_> {
    /// The entries of the pages shown.
    pub fn shown(&self) -> &[TimelineEntry] {
        &self.entries[..visible_count(self.entries.len(), self.pages)]
    }

    /// Whether "Show more" has more to show.
    pub fn has_more(&self) -> bool {
        self.shown().len() < self.entries.len()
    }
}

/// The whole timeline: `<section>` named by its title, its header, the
/// live region for updates, a `<div>` per day with its heading and `<ol>`,
/// and "Show more".
pub fn timeline(m: &mut Markup, state: &State, s: &Settings) {
    m.open("section").class("timeline");
    if s.landmarks {
        m.attr("aria-label", state.title);
    }
    m.attr("aria-busy", if state.busy { "true" } else { "false" });
    header(m, state, s);
    checked(m, state, s);
    m.open("div")
        .class("timeline__updates")
        .attr("aria-live", "polite");
    new_button(m, state, s);
    m.close();
    status(m, state, s);
    m.open("div").class("timeline__days");
    for day in days(state.shown(), s.local_day) {
        self::day(m, &day, s);
    }
    m.close();
    more(m, state, s);
    m.close();
}

/// The title, and the pause control of a live timeline.
pub fn header(m: &mut Markup, state: &State, s: &Settings) {
    m.open("div").class("timeline__header");
    m.leaf("h2", "timeline__title", state.title);
    if state.live {
        m.open("button")
            .attr("type", "button")
            .class("timeline__pause")
            .attr("aria-pressed", if state.paused { "true" } else { "false" })
            .attr("data-action", Action::Pause.key())
            .text(s.messages.pause_updates)
            .close();
    }
    m.close();
}

/// "Updated 12:04": when a live timeline's source last answered.
pub fn checked(m: &mut Markup, state: &State, s: &Settings) {
    let Some(t) = state.checked.filter(|_| state.live) else {
        return;
    };
    m.open("p").class("timeline__checked");
    m.text(format!("{} ", s.messages.updated));
    time(m, t, "", (s.clock)(t), s);
    m.close();
}

/// "3 new updates", while updates wait for the reader.
pub fn new_button(m: &mut Markup, state: &State, s: &Settings) {
    if state.new_count == 0 {
        return;
    }
    m.open("button")
        .attr("type", "button")
        .class("timeline__new")
        .attr("data-action", Action::Insert.key())
        .text(
            s.messages
                .new_updates(state.new_count, &(s.number)(state.new_count)),
        )
        .close();
}

/// The source failed and there is nothing else to show.
pub fn status(m: &mut Markup, state: &State, s: &Settings) {
    if state.failed && state.entries.is_empty() {
        m.open("p")
            .class("timeline__status")
            .attr("role", "status")
            .text(s.messages.timeline_failed)
            .close();
    }
}

/// "Show more", while entries remain beyond the pages shown.
pub fn more(m: &mut Markup, state: &State, s: &Settings) {
    if state.has_more() {
        m.open("button")
            .attr("type", "button")
            .class("timeline__more")
            .attr("data-action", Action::More.key())
            .text(s.messages.show_more)
            .close();
    }
}

/// One day: its heading (none for the entries without a time) and its
/// entries.
pub fn day(m: &mut Markup, day: &Day, s: &Settings) {
    m.open("div").class("timeline__day");
    day_heading(m, day, s);
    m.open("ol").class("timeline__entries");
    for e in &day.entries {
        entry(m, e, day.day, s);
    }
    m.close().close();
}

/// A day's heading: "Today", "Yesterday", else the date.
pub fn day_heading(m: &mut Markup, day: &Day, s: &Settings) {
    let first = day.entries.first().and_then(|e| e.time.as_ref());
    if let (Some(key), Some(t)) = (day.day, first) {
        m.leaf(
            "h3",
            "timeline__day-heading",
            &(s.day_heading)(t, s.today.map(|today| today - key)),
        );
    }
}

/// One entry: `<li>` with its permalink id, and a link holding its time
/// (today's the clock time, older ones the date too, and "5 min ago" for
/// the last 24 hours) and its headline. An entry whose time is invalid is
/// shown without one, never with a guess.
pub fn entry(m: &mut Markup, e: &TimelineEntry, day: Option<i64>, s: &Settings) {
    m.open("li").class("timeline__entry").attr("id", e.anchor());
    entry_link(m, e, day, s);
    m.close();
}

/// What is inside an entry's `<li>`: rebuilt in place when its words change
/// (every minute for "5 min ago", at midnight), the `<li>` kept.
pub fn entry_link(m: &mut Markup, e: &TimelineEntry, day: Option<i64>, s: &Settings) {
    let (href, article) = (s.link)(e);
    m.open("a").class("timeline__link").attr("href", href);
    if let Some(article) = article {
        m.attr("data-action", Action::Open.key())
            .attr("data-article", article);
    }
    if let Some(t) = &e.time {
        let words = if day.is_some() && day == s.today {
            (s.clock)(t)
        } else {
            (s.date_clock)(t)
        };
        time(m, t, "timeline__time", words, s);
        if let Some(ago) = (s.ago)(t.epoch_millis()) {
            m.leaf("span", "timeline__ago", &ago);
        }
    }
    // `dir="auto"`: a headline may be in another script than the page.
    m.open("span")
        .class("timeline__headline")
        .attr("dir", "auto")
        .text(e.headline.as_str())
        .close();
    m.close();
}

/// `<time>` with the value exactly as written and the full moment as its
/// tooltip.
fn time(m: &mut Markup, t: &Timestamp, class: &'static str, words: String, s: &Settings) {
    m.open("time");
    if !class.is_empty() {
        m.class(class);
    }
    m.attr("datetime", t.as_str())
        .attr("title", (s.full)(t))
        .text(words)
        .close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::{Element, Node};
    use crate::messages::EN;

    fn entry(id: &str, time: &str, article: Option<&str>) -> TimelineEntry {
        TimelineEntry {
            id: Some(id.to_owned()),
            time: Timestamp::parse(time).ok(),
            headline: format!("Headline {id}"),
            url: None,
            article: article.map(str::to_owned),
        }
    }

    /// Days at UTC; "now" is 2025-10-15 12:00 UTC.
    fn with_settings<T>(f: impl FnOnce(&Settings) -> T) -> T {
        const NOW: f64 = 1_760_529_600_000.0;
        let day = |ms: f64| (ms / 86_400_000.0).floor() as i64;
        let link = |e: &TimelineEntry| match &e.article {
            Some(a) => (
                format!("index.html?src={a}"),
                Some(format!("https://x.example/{a}")),
            ),
            None => (format!("#{}", e.anchor()), None),
        };
        f(&Settings {
            messages: &EN,
            landmarks: true,
            local_day: &day,
            today: Some(day(NOW)),
            clock: &|t| t.clock(),
            date_clock: &|t| format!("{} {}", t.date(), t.clock()),
            full: &|t| t.as_str().to_owned(),
            day_heading: &|_, ago| format!("{} days ago", ago.unwrap_or(-1)),
            ago: &|ms| crate::live::relative(NOW - ms).map(|(v, u)| format!("{v} {u}")),
            number: &|n| n.to_string(),
            link: &link,
        })
    }

    fn root(m: &Markup) -> Element {
        match m.tree().into_iter().next() {
            Some(Node::Element(e)) => e,
            other => panic!("{other:?}"),
        }
    }

    fn state(entries: &[TimelineEntry]) -> State<'_> {
        State {
            title: "Latest",
            live: false,
            paused: false,
            busy: false,
            checked: None,
            new_count: 0,
            failed: false,
            entries,
            pages: 0,
        }
    }

    #[test]
    fn entries_are_grouped_by_day_today_by_clock_older_with_the_date() {
        let entries = [
            entry("a", "2025-10-15T11:55:00Z", Some("a.json")),
            entry("b", "2025-10-14T09:00:00Z", None),
        ];
        let mut m = Markup::default();
        with_settings(|s| timeline(&mut m, &state(&entries), s));
        let section = root(&m);
        assert_eq!(section.get("aria-label"), Some("Latest"));
        let all = section.elements();
        let headings: Vec<String> = all
            .iter()
            .filter(|e| e.name == "h3")
            .map(|e| e.text())
            .collect();
        assert_eq!(headings, ["0 days ago", "1 days ago"]);
        let times: Vec<String> = all
            .iter()
            .filter(|e| e.name == "time")
            .map(|e| e.text())
            .collect();
        assert_eq!(times, ["11:55", "2025-10-14 09:00"]);
        // "5 min ago" for the last 24 hours only.
        let ago: Vec<String> = all
            .iter()
            .filter(|e| e.get("class") == Some("timeline__ago"))
            .map(|e| e.text())
            .collect();
        assert_eq!(ago, ["-5 minute"]);
        // A story opens in place; an entry without a link links to itself.
        let links: Vec<(Option<&str>, Option<&str>)> = all
            .iter()
            .filter(|e| e.name == "a")
            .map(|e| (e.get("href"), e.get("data-article")))
            .collect();
        assert_eq!(
            links,
            [
                (
                    Some("index.html?src=a.json"),
                    Some("https://x.example/a.json")
                ),
                (Some("#entry-b"), None)
            ]
        );
        assert!(
            !all.iter().any(|e| e.name == "button"),
            "nothing live, nothing more"
        );
    }

    #[test]
    fn a_live_timeline_has_its_pause_control_its_last_check_and_waiting_updates() {
        let entries = [entry("a", "2025-10-15T11:55:00Z", None)];
        let checked = Timestamp::parse("2025-10-15T12:04:00Z").unwrap();
        let live = State {
            live: true,
            paused: true,
            busy: true,
            checked: Some(&checked),
            new_count: 3,
            ..state(&entries)
        };
        let mut m = Markup::default();
        with_settings(|s| timeline(&mut m, &live, s));
        let section = root(&m);
        assert_eq!(section.get("aria-busy"), Some("true"));
        let all = section.elements();
        let pause = all
            .iter()
            .find(|e| e.get("class") == Some("timeline__pause"))
            .unwrap();
        assert_eq!(
            (pause.get("aria-pressed"), pause.text().as_str()),
            (Some("true"), "Pause updates")
        );
        let updated = all
            .iter()
            .find(|e| e.get("class") == Some("timeline__checked"))
            .unwrap();
        assert_eq!(updated.text(), "Updated 12:04");
        let region = all
            .iter()
            .find(|e| e.get("aria-live") == Some("polite"))
            .unwrap();
        assert_eq!(region.text(), "3 new updates");
    }

    #[test]
    fn a_failed_empty_source_says_so_and_long_timelines_page() {
        let mut m = Markup::default();
        let failed = State {
            failed: true,
            ..state(&[])
        };
        with_settings(|s| timeline(&mut m, &failed, s));
        let status = root(&m)
            .elements()
            .into_iter()
            .find(|e| e.get("role") == Some("status"))
            .cloned();
        assert_eq!(
            status.map(|e| e.text()).as_deref(),
            Some(EN.timeline_failed)
        );

        let many: Vec<TimelineEntry> = (0..150)
            .map(|i| entry(&format!("e{i}"), "2025-10-15T11:00:00Z", None))
            .collect();
        for (pages, shown, more) in [(0, 100, true), (1, 150, false)] {
            let mut m = Markup::default();
            with_settings(|s| {
                timeline(
                    &mut m,
                    &State {
                        pages,
                        ..state(&many)
                    },
                    s,
                )
            });
            let all = root(&m).elements().into_iter().cloned().collect::<Vec<_>>();
            assert_eq!(all.iter().filter(|e| e.name == "li").count(), shown);
            assert_eq!(
                all.iter().any(|e| e.get("data-action") == Some("more")),
                more
            );
        }
    }
}
