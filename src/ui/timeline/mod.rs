//! The headline timeline: recent headlines with their times, newest first,
//! grouped by the reader's day; live when the publisher says so.
//!
//! Times are the reader's, through `Intl`. Entries are a keyed list: "Show
//! more", inserting updates and midnight touch only what changed (a new
//! entry, a day heading's word, a time's format). A live timeline's
//! [`poller`] never moves what the reader is reading: new entries wait behind
//! a "3 new updates" button. Long timelines show a page of entries at a time.

mod entry;
mod poller;

use std::rc::Rc;

use article_core::article::{Timeline as TimelineData, TimelineEntry};
use article_core::live::{self, Merged, Schedule};
use article_core::time::Timestamp;
use article_core::timeline::{days, visible_count};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use self::entry::{Clock, Entry};
use self::poller::{Poller, Updates};
use super::viewer_context;
use crate::browser::timers::Timer;
use crate::browser::{intl, page};

/// `<section>` named by its title, a day heading and an `<ol>` of entries
/// per day. An entry with `article` opens that story inside the viewer; one
/// with `url` is an ordinary outside link.
#[component]
pub fn Timeline(
    timeline: TimelineData,
    /// The absolute URL of the article this timeline came with: relative
    /// `article` URLs are resolved against it.
    base: String,
    /// The timeline's `source`, resolved and allowed by the viewer.
    #[prop(default = None)]
    source: Option<String>,
) -> impl IntoView {
    let context = viewer_context();
    let messages = context.messages.get_untracked();
    let title = timeline
        .title
        .clone()
        .unwrap_or_else(|| messages.latest.to_owned());
    // Live: the source is polled, and the reader may pause it.
    let live = timeline.live && source.is_some();
    let interval = if context.low_data {
        live::low_data_interval(timeline.interval)
    } else {
        timeline.interval
    };
    let schedule = Schedule::new(timeline.live, interval);
    let entries = RwSignal::new(timeline.newest_first());
    // Updates that arrived and wait for the reader's button.
    let pending: RwSignal<Option<Merged>> = RwSignal::new(None);
    let pages = RwSignal::new(0usize);
    let paused = RwSignal::new(false);
    let failed = RwSignal::new(false);
    // A request to the source is in flight.
    let fetching = RwSignal::new(source.is_some());
    // When the source last answered, for "Updated 12:04".
    let checked: RwSignal<Option<Timestamp>> = RwSignal::new(None);

    // "5 min ago" is refreshed every minute; the day headings at midnight.
    let now = RwSignal::new(page::now_ms());
    let tick = SendWrapper::new(Timer::every(60_000, move || {
        now.try_set(page::now_ms());
    }));
    on_cleanup(move || drop(tick));
    let today = Memo::new(move |_| intl::local_day(now.get()));
    let clock = Clock { today, now };

    let poller: Option<Rc<Poller>> = source.map(|url| {
        let updates = Updates {
            entries,
            pending,
            failed,
            fetching,
            paused,
            checked,
        };
        let poller = Poller::start(url, schedule, context, updates);
        let stop = SendWrapper::new(poller.clone());
        on_cleanup(move || stop.stop());
        poller
    });
    if context.owns_document {
        count_in_title(pending);
    }

    // The entries shown, by the reader's day: `(day, entries)`.
    let shown_days = Memo::new(move |_| {
        let shown = visible_count(entries.with(Vec::len), pages.get());
        entries.with(|all| {
            days(&all[..shown], intl::local_day)
                .into_iter()
                .map(|d| (d.day, d.entries.into_iter().cloned().collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    });
    let day_entries = move |day: Option<i64>| {
        shown_days.with(|days| {
            days.iter()
                .find(|(d, _)| *d == day)
                .map(|(_, e)| e.clone())
                .unwrap_or_default()
        })
    };
    let base = StoredValue::new(base);
    let list = view! {
        <For each=move || shown_days.with(|days| days.iter().map(|(d, e)| (*d, e[0].time.clone())).collect::<Vec<_>>())
            key=|(day, _)| *day
            children=move |(day, first_time)| {
                let heading = day.zip(first_time).map(|(d, ts)| view! {
                    <h3 class="timeline__day-heading">{move || intl::day_heading(&ts, today.get() - d)}</h3>
                });
                view! {
                    <div class="timeline__day">
                        {heading}
                        <ol class="timeline__entries">
                            <For each=move || day_entries(day) key=TimelineEntry::clone
                                children=move |entry| view! { <Entry entry=entry day=day base=base clock=clock /> } />
                        </ol>
                    </div>
                }
            } />
    };

    let number = move |n: usize| {
        context
            .lang
            .with_untracked(|lang| intl::number(u32::try_from(n).unwrap_or(u32::MAX), lang))
    };
    let new_count = move || pending.with(|p| p.as_ref().map_or(0, |m| m.new));
    let section = NodeRef::<leptos::html::Section>::new();
    let insert = move |_| {
        if let Some(merged) = pending.get_untracked() {
            entries.set(merged.entries);
            pending.set(None);
            // The button is gone: the reader continues at the newest entry.
            request_animation_frame(move || focus_entry(section, 0));
        }
    };
    let pause = {
        let poller = poller.clone();
        move |_| {
            let now_paused = !paused.get_untracked();
            paused.set(now_paused);
            if let Some(p) = &poller {
                p.woken_by_reader(now_paused);
            }
        }
    };
    // The next page; focus moves to its first entry, where reading goes on.
    let show_more = move |_| {
        let first_new = visible_count(entries.with_untracked(Vec::len), pages.get_untracked());
        pages.update(|p| *p += 1);
        request_animation_frame(move || focus_entry(section, first_new));
    };
    let label = context.landmarks.then(|| title.clone());
    view! {
        <section class="timeline" aria-label=label aria-busy=move || fetching.get().to_string() node_ref=section>
            <div class="timeline__header">
                <h2 class="timeline__title">{title}</h2>
                {live.then(|| view! {
                    <button type="button" class="timeline__pause"
                        aria-pressed=move || paused.get().to_string() on:click=pause>
                        {messages.pause_updates}
                    </button>
                })}
            </div>
            {move || live.then(|| checked.get()).flatten().map(|t| view! {
                <p class="timeline__checked">
                    {messages.updated} " "
                    <time datetime=t.as_str().to_owned() title=intl::full(&t)>{intl::clock(&t)}</time>
                </p>
            })}
            <div class="timeline__updates" aria-live="polite">
                {move || (new_count() > 0).then(|| {
                    let n = new_count();
                    view! {
                        <button type="button" class="timeline__new" on:click=insert>
                            {messages.new_updates(n, &number(n))}
                        </button>
                    }
                })}
            </div>
            {move || (failed.get() && entries.with(Vec::is_empty)).then(|| view! {
                <p class="timeline__status" role="status">{messages.timeline_failed}</p>
            })}
            {list}
            {move || {
                let total = entries.with(Vec::len);
                (visible_count(total, pages.get()) < total).then(|| view! {
                    <button type="button" class="timeline__more" on:click=show_more>
                        {messages.show_more}
                    </button>
                })
            }}
        </section>
    }
}

/// Moves focus to the link of the `index`th entry shown.
fn focus_entry(section: NodeRef<leptos::html::Section>, index: usize) {
    let link = section
        .get_untracked()
        .and_then(|s| s.query_selector_all(".timeline__link").ok())
        .and_then(|links| links.item(u32::try_from(index).ok()?))
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}

/// "(3) Headline" while three updates wait, in a page of the viewer's own.
fn count_in_title(pending: RwSignal<Option<Merged>>) {
    let added = StoredValue::new(String::new());
    let set = move |n: usize| {
        let Some(document) = page::document() else {
            return;
        };
        let current = document.title();
        let base = added.with_value(|p| current.strip_prefix(p.as_str()).map(str::to_owned));
        let base = base.unwrap_or(current);
        let titled = live::title_with_count(&base, n);
        added.set_value(titled[..titled.len() - base.len()].to_owned());
        document.set_title(&titled);
    };
    Effect::new(move |_| set(pending.with(|p| p.as_ref().map_or(0, |m| m.new))));
    on_cleanup(move || {
        if added.try_with_value(|p| !p.is_empty()).unwrap_or(false) {
            set(0);
        }
    });
}
