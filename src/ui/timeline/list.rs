//! The entries on screen, kept by key: a day's `<div>` by its day, an
//! entry's `<li>` by its anchor. When what is shown changes (updates
//! inserted, another page, a minute or a day gone by) an entry already on
//! screen keeps its node, rebuilt inside only if its words changed; only new
//! entries and days are built, from the core's markup.

use article_core::article::TimelineEntry;
use article_core::markup::Markup;
use article_core::timeline::markup::{self as written, Settings, State};
use article_core::timeline::{days, Day};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::browser::markup;

/// Entries on screen by anchor, sorted, each taken out once.
#[derive(Default)]
struct Items(Vec<(String, Option<Item>)>);

impl Items {
    fn remove(&mut self, anchor: &str) -> Option<Item> {
        let at = self
            .0
            .binary_search_by(|(a, _)| a.as_str().cmp(anchor))
            .ok()?;
        self.0[at].1.take()
    }
}

/// An entry on screen, and what its words were written from.
struct Item {
    li: Element,
    entry: TimelineEntry,
    today: bool,
    ago: Option<String>,
}

/// A day on screen.
struct DayBox {
    key: Option<i64>,
    div: Element,
    ol: Element,
    heading: Option<String>,
    items: Vec<Item>,
}

pub struct List {
    days_box: Element,
    days: Vec<DayBox>,
}

impl List {
    /// The list just built in `section` from `state`, taken in hand.
    pub fn adopt(section: &Element, state: &State, s: &Settings) -> Option<List> {
        let days_box = section.query_selector(".timeline__days").ok()??;
        let mut list = List {
            days_box: days_box.clone(),
            days: Vec::new(),
        };
        let mut divs = children(&days_box).into_iter();
        for day in days(state.shown(), s.local_day) {
            list.days.push(adopt_day(divs.next()?, &day, s)?);
        }
        Some(list)
    }

    /// Brings the list on screen in step with `state`.
    pub fn update(&mut self, state: &State, s: &Settings) {
        let mut old_days: Vec<DayBox> = self.days.drain(..).collect();
        let mut old_items = Items::default();
        for d in &mut old_days {
            old_items
                .0
                .extend(d.items.drain(..).map(|i| (i.entry.anchor(), Some(i))));
        }
        old_items.0.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut kept_days = Vec::new();
        for day in days(state.shown(), s.local_day) {
            let kept = match old_days
                .iter()
                .position(|d| d.key == day.day)
                .map(|at| old_days.swap_remove(at))
            {
                Some(mut d) => {
                    d.retitle(&day, s);
                    let items = day
                        .entries
                        .iter()
                        .filter_map(|e| match old_items.remove(&e.anchor()) {
                            Some(item) => Some(item.refresh(e, day.day, s)),
                            None => new_item(&d.ol, e, day.day, s),
                        })
                        .collect();
                    d.items = items;
                    order(&d.ol, d.items.iter().map(|i| &i.li));
                    Some(d)
                }
                None => {
                    // A day not on screen yet: built whole. An entry that was
                    // shown under another day (its time corrected) is built
                    // anew.
                    let mut m = Markup::default();
                    written::day(&mut m, &day, s);
                    let built = markup::build(&self.days_box, &m);
                    for e in &day.entries {
                        if let Some(gone) = old_items.remove(&e.anchor()) {
                            gone.li.remove();
                        }
                    }
                    built.and_then(|div| adopt_day(div, &day, s))
                }
            };
            kept_days.extend(kept);
        }
        for gone in old_days {
            gone.div.remove();
        }
        for gone in old_items.0.into_iter().filter_map(|(_, i)| i) {
            gone.li.remove();
        }
        order(&self.days_box, kept_days.iter().map(|d| &d.div));
        self.days = kept_days;
    }
}

impl DayBox {
    /// A new heading if its words changed (at midnight "Today" becomes
    /// "Yesterday").
    fn retitle(&mut self, day: &Day, s: &Settings) {
        let heading = heading_words(day, s);
        if heading == self.heading {
            return;
        }
        if self.heading.is_some() {
            if let Some(old) = self.div.first_element_child() {
                old.remove();
            }
        }
        let mut m = Markup::default();
        written::day_heading(&mut m, day, s);
        if let Some(document) = self.div.owner_document() {
            let fragment = document.create_document_fragment();
            markup::build(&fragment, &m);
            let _ = self.div.insert_before(&fragment, Some(&self.ol));
        }
        self.heading = heading;
    }
}

impl Item {
    /// This entry as `entry` now reads, its `<li>` kept; rebuilt inside only
    /// if its words changed.
    fn refresh(mut self, entry: &TimelineEntry, day: Option<i64>, s: &Settings) -> Item {
        let today = day.is_some() && day == s.today;
        let ago = ago(entry, s);
        if self.entry != *entry || self.today != today || self.ago != ago {
            let mut m = Markup::default();
            written::entry_link(&mut m, entry, day, s);
            self.li.set_text_content(None);
            markup::build(&self.li, &m);
            self.entry = entry.clone();
            self.today = today;
            self.ago = ago;
        }
        self
    }
}

/// A new entry's `<li>`, built at the end of `ol` (put in order after).
fn new_item(ol: &Element, entry: &TimelineEntry, day: Option<i64>, s: &Settings) -> Option<Item> {
    let mut m = Markup::default();
    written::entry(&mut m, entry, day, s);
    let li = markup::build(ol, &m)?;
    Some(Item {
        li,
        entry: entry.clone(),
        today: day.is_some() && day == s.today,
        ago: ago(entry, s),
    })
}

/// A day's `<div>` as the core built it, with its entries' `<li>`s.
fn adopt_day(div: Element, day: &Day, s: &Settings) -> Option<DayBox> {
    let ol = div.last_element_child()?;
    let items = children(&ol)
        .into_iter()
        .zip(&day.entries)
        .map(|(li, e)| Item {
            li,
            entry: (*e).clone(),
            today: day.day.is_some() && day.day == s.today,
            ago: ago(e, s),
        })
        .collect();
    Some(DayBox {
        key: day.day,
        div,
        ol,
        heading: heading_words(day, s),
        items,
    })
}

fn ago(entry: &TimelineEntry, s: &Settings) -> Option<String> {
    entry.time.as_ref().and_then(|t| (s.ago)(t.epoch_millis()))
}

fn heading_words(day: &Day, s: &Settings) -> Option<String> {
    let first = day.entries.first().and_then(|e| e.time.as_ref())?;
    day.day
        .map(|key| (s.day_heading)(first, s.today.map(|today| today - key)))
}

fn children(parent: &Element) -> Vec<Element> {
    let list = parent.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Puts `wanted` in this order at the start of `parent`, moving only the
/// nodes out of place (a node moved keeps its identity, and its focus
/// where the browser allows).
fn order<'a>(parent: &Element, wanted: impl Iterator<Item = &'a Element>) {
    let mut next: Option<Node> = parent.first_child();
    for element in wanted {
        let node: &Node = element.unchecked_ref();
        if next.as_ref() == Some(node) {
            next = node.next_sibling();
        } else {
            let _ = parent.insert_before(node, next.as_ref());
        }
    }
}
