//! The headline timeline: recent headlines with their times, newest first,
//! grouped by the reader's day; live when the publisher says so.
//!
//! The core writes every element ([`article_core::timeline::markup`]), the
//! same functions that write the timeline ahead of time; this component
//! builds them and keeps them live with a few large pieces instead of a
//! component per entry: one effect per part of the section (the entries
//! shown, the "Updated" line, the waiting updates' button, the pause
//! control, "Show more"), the entries kept by key ([`list`]), so that "Show
//! more", inserting updates and midnight touch only what changed. Times are
//! the reader's, through `Intl`. A live timeline's [`poller`] never moves
//! what the reader is reading: new entries wait behind a "3 new updates"
//! button. Its controls act through the one listener of the core's
//! controls.

mod list;
mod poller;

use std::rc::Rc;

use article_core::article::{Timeline as TimelineData, TimelineEntry};
use article_core::live::{self, Merged, Schedule};
use article_core::markup::{Action, Markup};
use article_core::time::Timestamp;
use article_core::timeline::markup::{self as written, Settings, State};
use article_core::timeline::visible_count;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use self::list::List;
use self::poller::{Poller, Updates};
use super::{viewer_context, ViewerContext};
use crate::browser::timers::Timer;
use crate::browser::{intl, markup, page};

/// What the timeline shows, as signals the poller and the reader change.
#[derive(Clone, Copy)]
struct Shown {
    entries: RwSignal<Vec<TimelineEntry>>,
    pending: RwSignal<Option<Merged>>,
    pages: RwSignal<usize>,
    paused: RwSignal<bool>,
    failed: RwSignal<bool>,
    fetching: RwSignal<bool>,
    checked: RwSignal<Option<Timestamp>>,
    /// The clock "5 min ago" follows, ticking every minute.
    now: RwSignal<f64>,
}

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
    let shown = Shown {
        entries: RwSignal::new(timeline.newest_first()),
        pending: RwSignal::new(None),
        pages: RwSignal::new(0),
        paused: RwSignal::new(false),
        failed: RwSignal::new(false),
        fetching: RwSignal::new(source.is_some()),
        checked: RwSignal::new(None),
        now: RwSignal::new(page::now_ms()),
    };
    // "5 min ago" is refreshed every minute; the day headings at midnight.
    let now = shown.now;
    let tick = SendWrapper::new(Timer::every(60_000, move || {
        now.try_set(page::now_ms());
    }));
    on_cleanup(move || drop(tick));

    let poller: Option<Rc<Poller>> = source.map(|url| {
        let updates = Updates {
            entries: shown.entries,
            pending: shown.pending,
            failed: shown.failed,
            fetching: shown.fetching,
            paused: shown.paused,
            checked: shown.checked,
        };
        let poller = Poller::start(url, schedule, context, updates);
        let stop = SendWrapper::new(poller.clone());
        on_cleanup(move || stop.stop());
        poller
    });
    if context.owns_document {
        count_in_title(shown.pending);
    }
    // Updates arrived: the publisher's page, if in one, hears how many wait.
    if live && context.host.with_value(Option::is_some) {
        let pending = shown.pending;
        Effect::new(move |_| {
            let count = pending.with(|p| p.as_ref().map_or(0, |m| m.new));
            if count > 0 {
                context.announce("update", &[("count", (count as f64).into())]);
            }
        });
    }
    let writer = Rc::new(Writer {
        context,
        base,
        title,
        live,
    });
    let poller = StoredValue::new_local(poller);
    let on_click = {
        let writer = writer.clone();
        move |ev: leptos::ev::MouseEvent| clicked(ev, &writer, shown, poller)
    };
    let built = keep_live(writer.clone(), shown);
    // Built with the element, so the timeline is there as soon as it is.
    // Leptos may keep the element for the next story's timeline: what it
    // held goes first.
    let build = move |slot: web_sys::Element| {
        slot.set_text_content(None);
        let checked = shown.checked.get_untracked();
        shown.entries.with_untracked(|entries| {
            let state = writer.state(shown, entries, checked.as_ref());
            writer.with_settings(page::now_ms(), |s| {
                let mut m = Markup::default();
                written::timeline(&mut m, &state, s);
                let section = markup::build(&slot, &m);
                let list = section
                    .as_ref()
                    .and_then(|section| List::adopt(section, &state, s));
                built.set_value(section.zip(list));
            });
        });
    };
    view! { <div class="timeline-slot" use:build on:click=on_click /> }
}

/// What writes this timeline's elements: the viewer's context, the article
/// the entries are relative to, and the settings of the timeline itself.
struct Writer {
    context: ViewerContext,
    base: String,
    title: String,
    live: bool,
}

impl Writer {
    /// The core's settings for this reader, now.
    fn with_settings<T>(&self, now: f64, f: impl FnOnce(&Settings) -> T) -> T {
        let messages = self.context.messages.get_untracked();
        let lang = self.context.lang.get_untracked();
        let viewer_page = self.context.viewer_page.get_value();
        let link = |e: &TimelineEntry| e.link(&self.base, &viewer_page, &page::resolve);
        let number = |n: usize| intl::number(u32::try_from(n).unwrap_or(u32::MAX), &lang);
        let ago = |ms: f64| {
            live::relative(now - ms).and_then(|(value, unit)| intl::relative(value, unit))
        };
        f(&Settings {
            messages,
            landmarks: self.context.landmarks,
            local_day: &intl::local_day,
            today: Some(intl::local_day(now)),
            clock: &intl::clock,
            date_clock: &intl::date_clock,
            full: &intl::full,
            day_heading: &intl::day_heading,
            ago: &ago,
            number: &number,
            link: &link,
        })
    }

    fn state<'a>(
        &'a self,
        shown: Shown,
        entries: &'a [TimelineEntry],
        checked: Option<&'a Timestamp>,
    ) -> State<'a> {
        State {
            title: &self.title,
            live: self.live,
            paused: shown.paused.get_untracked(),
            busy: shown.fetching.get_untracked(),
            checked,
            new_count: shown
                .pending
                .with_untracked(|p| p.as_ref().map_or(0, |m| m.new)),
            failed: shown.failed.get_untracked(),
            entries,
            pages: shown.pages.get_untracked(),
        }
    }
}

/// The timeline's section and its entries once built; each part kept in
/// step with what it shows.
type Built = StoredValue<Option<(web_sys::Element, List)>, LocalStorage>;

fn keep_live(writer: Rc<Writer>, shown: Shown) -> Built {
    let built: Built = StoredValue::new_local(None);
    // The entries shown, kept by key as entries arrive, pages open, days
    // turn and minutes pass.
    {
        let writer = writer.clone();
        Effect::new(move |first: Option<()>| {
            let now = shown.now.get();
            shown.pages.track();
            shown.entries.track();
            if first.is_none() {
                return;
            }
            shown.entries.with_untracked(|entries| {
                let state = writer.state(shown, entries, None);
                writer.with_settings(now, |s| {
                    built.update_value(|built| {
                        if let Some((_, list)) = built {
                            list.update(&state, s);
                        }
                    })
                });
            });
        });
    }
    let section = move || built.with_value(|b| b.as_ref().map(|(section, _)| section.clone()));
    // The pieces around the entries, each rebuilt when what it shows changes.
    let part = move |class: &'static str,
                     write: fn(&mut Markup, &State, &Settings),
                     track: Box<dyn Fn()>| {
        let writer = writer.clone();
        // Its markup as last built: a part whose words did not change is
        // left alone, so focus on it stays and a live region says nothing
        // again.
        Effect::new(move |last: Option<Option<Markup>>| {
            track();
            let section = section()?;
            let checked = shown.checked.get_untracked();
            let m = shown.entries.with_untracked(|entries| {
                let state = writer.state(shown, entries, checked.as_ref());
                writer.with_settings(page::now_ms(), |s| {
                    let mut m = Markup::default();
                    write(&mut m, &state, s);
                    m
                })
            });
            // The first run sees what was just built with the section.
            if let Some(last) = &last {
                if last.as_ref() != Some(&m) {
                    replace_part(&section, class, &m);
                }
            }
            Some(m)
        });
    };
    part(
        "timeline__updates",
        |m, state, s| {
            m.open("div")
                .class("timeline__updates")
                .attr("aria-live", "polite");
            written::new_button(m, state, s);
            m.close();
        },
        Box::new(move || shown.pending.track()),
    );
    part(
        "timeline__checked",
        written::checked,
        Box::new(move || shown.checked.track()),
    );
    part(
        "timeline__status",
        written::status,
        Box::new(move || {
            shown.failed.track();
            shown.entries.track();
        }),
    );
    part(
        "timeline__more",
        written::more,
        Box::new(move || {
            shown.pages.track();
            shown.entries.track();
        }),
    );
    // Two attributes: the section's aria-busy, the pause control's
    // aria-pressed.
    Effect::new(move |_| {
        let busy = shown.fetching.get();
        let paused = shown.paused.get();
        if let Some(section) = section() {
            let _ = section.set_attribute("aria-busy", if busy { "true" } else { "false" });
            if let Ok(Some(pause)) = section.query_selector(".timeline__pause") {
                let _ = pause.set_attribute("aria-pressed", if paused { "true" } else { "false" });
            }
        }
    });
    built
}

/// Replaces the section's part of `class` (if there is one) with `m`, in
/// its place: the parts come in a fixed order, so a part that was not there
/// goes in before the first part that follows it.
fn replace_part(section: &web_sys::Element, class: &str, m: &Markup) {
    const ORDER: [&str; 5] = [
        "timeline__checked",
        "timeline__updates",
        "timeline__status",
        "timeline__days",
        "timeline__more",
    ];
    let direct = |c: &str| {
        section
            .query_selector(&format!(":scope > .{c}"))
            .ok()
            .flatten()
    };
    let old = direct(class);
    let after = ORDER
        .iter()
        .skip_while(|c| **c != class)
        .skip(1)
        .find_map(|c| direct(c));
    let fragment = section
        .owner_document()
        .map(|d| d.create_document_fragment());
    let Some(fragment) = fragment else {
        return;
    };
    markup::build(&fragment, m);
    if let Some(old) = old {
        let _ = section.replace_child(&fragment, &old);
    } else {
        let _ = section.insert_before(&fragment, after.as_ref().map(|a| a.as_ref()));
    }
}

/// The timeline's own controls (pause, insert the waiting updates, show
/// more); its links open their stories through the one listener of the
/// core's controls.
fn clicked(
    ev: leptos::ev::MouseEvent,
    writer: &Writer,
    shown: Shown,
    poller: StoredValue<Option<Rc<Poller>>, LocalStorage>,
) {
    let action = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-action]").ok().flatten())
        .and_then(|c| c.get_attribute("data-action"))
        .and_then(|key| Action::from_key(&key));
    let section = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    match action {
        Some(Action::Pause) => {
            let now_paused = !shown.paused.get_untracked();
            shown.paused.set(now_paused);
            poller.with_value(|p| {
                if let Some(p) = p {
                    p.woken_by_reader(now_paused);
                }
            });
        }
        Some(Action::Insert) => {
            if let Some(merged) = shown.pending.get_untracked() {
                shown.entries.set(merged.entries);
                shown.pending.set(None);
                // The button is gone: the reader continues at the newest entry.
                request_animation_frame(move || focus_entry(section, 0));
            }
        }
        Some(Action::More) => {
            // Focus moves to the first entry of the next page, where reading
            // goes on.
            let first_new = visible_count(
                shown.entries.with_untracked(Vec::len),
                shown.pages.get_untracked(),
            );
            shown.pages.update(|p| *p += 1);
            request_animation_frame(move || focus_entry(section, first_new));
        }
        _ => super::controls::clicked(ev, writer.context),
    }
}

/// Moves focus to the link of the `index`th entry shown.
fn focus_entry(section: Option<web_sys::Element>, index: usize) {
    let link = section
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
