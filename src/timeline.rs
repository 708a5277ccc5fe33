//! The headline timeline: recent headlines with their times, newest first,
//! grouped by the reader's day; live when the publisher says so.
//!
//! Times are the reader's, through `Intl` (see [`crate::intl`]). A live
//! timeline polls its `source` with conditional requests, backs off on
//! errors, sleeps while the tab is hidden and while the reader has paused it,
//! and never moves what the reader is reading: new entries wait behind a
//! "3 new updates" button. The rules are in [`crate::live`]; this is the
//! browser part. Long timelines show a page of entries at a time.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::format::{Timeline as TimelineData, TimelineEntry};
use crate::intl;
use crate::live::{self, Merged};
use crate::load::{self, Limits, TimelineFetch, Validators};
use crate::messages::Messages;
use crate::navigation;
use crate::time::Timestamp;
use crate::timers::Timer;
use crate::url_policy::{self, UrlUse};

/// `<section>` named by its title, a day heading and an `<ol>` of entries
/// per day. An entry with `article` opens that story inside the viewer
/// through `on_open` (given the article's absolute URL); one with `url` is an
/// ordinary outside link.
#[component]
pub fn Timeline(
    timeline: TimelineData,
    /// The absolute URL of the article this timeline came with: relative
    /// `article` URLs are resolved against it.
    base: String,
    /// The page whose `?src=` opens an article: what an entry's address is,
    /// for opening it in a new tab or sharing it.
    viewer_page: String,
    messages: &'static Messages,
    /// The interface's language, for its numbers.
    lang: String,
    on_open: Callback<String>,
    /// A named region of the page, or inside a publisher's page, whose
    /// landmarks are its own, a plain section under its heading.
    #[prop(default = true)]
    landmark: bool,
    /// The timeline's `source`, resolved and allowed by the viewer.
    #[prop(default = None)]
    source: Option<String>,
    /// The page is the viewer's own: its title counts waiting updates.
    #[prop(optional)]
    owns_title: bool,
    #[prop(optional)] limits: Limits,
) -> impl IntoView {
    let title = timeline
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| messages.latest.to_owned());
    let live_mode = timeline.live && source.is_some();
    let (live, interval) = (timeline.live, timeline.interval);
    let entries = RwSignal::new(timeline.newest_first());
    let pending: RwSignal<Option<Merged>> = RwSignal::new(None);
    let pages = RwSignal::new(0usize);
    let paused = RwSignal::new(false);
    let failed = RwSignal::new(false);
    // A request to the source is in flight.
    let waiting = RwSignal::new(source.is_some());
    // When the source last answered, for "Updated 12:04".
    let checked: RwSignal<Option<Timestamp>> = RwSignal::new(None);

    // "5 min ago" is refreshed every minute; the day headings at midnight.
    let now = RwSignal::new(intl::now());
    let tick = SendWrapper::new(Timer::every(60_000, move || {
        now.try_set(intl::now());
    }));
    on_cleanup(move || drop(tick));
    let today = Memo::new(move |_| intl::local_day(now.get()));

    let poller = source.map(|url| {
        let poller = Poller::new();
        let updates = Updates {
            entries,
            pending,
            failed,
            waiting,
            paused,
            checked,
        };
        spawn_local(poll(
            poller.clone(),
            url,
            live,
            live::poll_interval_ms(interval),
            limits,
            updates,
        ));
        let stop = SendWrapper::new(poller.clone());
        on_cleanup(move || stop.stop());
        poller
    });
    if owns_title {
        count_in_title(pending);
    }

    let base = StoredValue::new(base);
    let viewer_page = StoredValue::new(viewer_page);
    let list = move || {
        let today = today.get();
        let now_ms = now.get_untracked();
        let shown = live::visible_count(entries.with(Vec::len), pages.get());
        entries.with(|all| {
            days(&all[..shown])
                .into_iter()
                .map(|(day, group)| {
                    let heading = day.map(|(d, ts)| {
                        view! { <h3 class="timeline__day-heading">{intl::day_heading(ts, today - d)}</h3> }
                    });
                    // Today's entries show the clock time; older ones the date too.
                    let is_today = day.is_some_and(|(d, _)| d == today);
                    let items = group
                        .iter()
                        .map(|&(i, entry)| {
                            let when = Moment {
                                is_today,
                                now_ms,
                                now,
                            };
                            base.with_value(|b| {
                                viewer_page.with_value(|p| {
                                    entry_view(entry, i, b, p, when, on_open)
                                })
                            })
                        })
                        .collect_view();
                    view! {
                        <div class="timeline__day">
                            {heading}
                            <ol class="timeline__entries">{items}</ol>
                        </div>
                    }
                })
                .collect_view()
        })
    };

    let number = move |n: usize| intl::number(u32::try_from(n).unwrap_or(u32::MAX), &lang);
    let waiting_count = move || pending.with(|p| p.as_ref().map_or(0, |m| m.new));
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
                if !now_paused {
                    p.due.set(intl::now());
                }
                p.wake();
            }
        }
    };
    // The next page; focus moves to its first entry, where reading goes on.
    let show_more = move |_| {
        let first_new =
            live::visible_count(entries.with_untracked(Vec::len), pages.get_untracked());
        pages.update(|p| *p += 1);
        request_animation_frame(move || focus_entry(section, first_new));
    };
    let label = landmark.then(|| title.clone());
    view! {
        <section class="timeline" aria-label=label aria-busy=move || waiting.get().to_string() node_ref=section>
            <div class="timeline__header">
                <h2 class="timeline__title">{title}</h2>
                {live_mode.then(|| view! {
                    <button type="button" class="timeline__pause"
                        aria-pressed=move || paused.get().to_string() on:click=pause>
                        {messages.pause_updates}
                    </button>
                })}
            </div>
            {move || live_mode.then(|| checked.get()).flatten().map(|t| view! {
                <p class="timeline__checked">
                    {messages.updated} " "
                    <time datetime=t.as_str().to_owned() title=intl::full(&t)>{intl::clock(&t)}</time>
                </p>
            })}
            <div class="timeline__updates" aria-live="polite">
                {move || (waiting_count() > 0).then(|| {
                    let n = waiting_count();
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
                (live::visible_count(total, pages.get()) < total).then(|| view! {
                    <button type="button" class="timeline__more" on:click=show_more>
                        {messages.show_more}
                    </button>
                })
            }}
        </section>
    }
}

/// Entries grouped by the reader's local day, in order, each with its place
/// in the whole list; entries without a time form a last group without a
/// heading.
#[allow(clippy::type_complexity)]
fn days(
    entries: &[TimelineEntry],
) -> Vec<(Option<(i64, &Timestamp)>, Vec<(usize, &TimelineEntry)>)> {
    let mut groups: Vec<(Option<(i64, &Timestamp)>, Vec<(usize, &TimelineEntry)>)> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let day = entry
            .time
            .as_ref()
            .map(|t| (intl::local_day(t.epoch_millis()), t));
        match groups.last_mut() {
            Some((last, group)) if last.map(|d| d.0) == day.map(|d| d.0) => group.push((i, entry)),
            _ => groups.push((day, vec![(i, entry)])),
        }
    }
    groups
}

/// When the list is drawn: whether the entry is of the reader's today, the
/// moment, and the ticking clock that "5 min ago" follows.
#[derive(Clone, Copy)]
struct Moment {
    is_today: bool,
    now_ms: f64,
    now: RwSignal<f64>,
}

fn entry_view(
    entry: &TimelineEntry,
    index: usize,
    base: &str,
    page: &str,
    when: Moment,
    on_open: Callback<String>,
) -> impl IntoView {
    // Every entry has a permalink: its story's address, its outside link, or
    // at least its own place in the page.
    let anchor = entry_anchor(entry.id.as_deref(), index);
    // An entry whose time is invalid is shown without one, never with a guess.
    let time = entry.time.as_ref().map(|t| {
        let ms = t.epoch_millis();
        let text = if when.is_today {
            intl::clock(t)
        } else {
            intl::date_clock(t)
        };
        let now = when.now;
        let ago = live::relative(when.now_ms - ms).map(|_| {
            view! {
                <span class="timeline__ago">
                    {move || live::relative(now.get() - ms).and_then(|(v, unit)| intl::relative(v, unit))}
                </span>
            }
        });
        view! {
            <time class="timeline__time" datetime=t.as_str().to_owned() title=intl::full(t)>{text}</time>
            {ago}
        }
    });
    // `dir="auto"`: a headline may be in another script than the page.
    let headline =
        view! { <span class="timeline__headline" dir="auto">{entry.headline.clone()}</span> };
    let article = entry
        .article
        .as_deref()
        .and_then(|a| navigation::resolve(a, base, UrlUse::Resource));
    let link = match (
        article,
        entry
            .url
            .as_deref()
            .and_then(|u| url_policy::allow(u, UrlUse::Link)),
    ) {
        (Some(resolved), _) => {
            let href = navigation::address_for(&resolved, page);
            let open = move |ev: leptos::ev::MouseEvent| {
                // Let the browser handle new-tab and new-window clicks itself.
                if ev.button() != 0
                    || ev.ctrl_key()
                    || ev.meta_key()
                    || ev.shift_key()
                    || ev.alt_key()
                {
                    return;
                }
                ev.prevent_default();
                on_open.run(resolved.clone());
            };
            view! { <a class="timeline__link" href=href on:click=open>{time}{headline}</a> }
                .into_any()
        }
        (None, Some(url)) => {
            view! { <a class="timeline__link" href=url>{time}{headline}</a> }.into_any()
        }
        (None, None) => {
            let href = format!("#{anchor}");
            view! { <a class="timeline__link" href=href>{time}{headline}</a> }.into_any()
        }
    };
    view! { <li class="timeline__entry" id=anchor>{link}</li> }
}

/// An element id for an entry: from its `id` (letters, digits, `-`, `_`
/// only), else from its place in the list.
pub fn entry_anchor(id: Option<&str>, index: usize) -> String {
    let clean: String = id
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(64)
        .collect();
    if clean.is_empty() {
        format!("entry-{}", index + 1)
    } else {
        format!("entry-{clean}")
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
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
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

/// The signals a poll updates.
#[derive(Clone, Copy)]
struct Updates {
    entries: RwSignal<Vec<TimelineEntry>>,
    pending: RwSignal<Option<Merged>>,
    failed: RwSignal<bool>,
    waiting: RwSignal<bool>,
    paused: RwSignal<bool>,
    checked: RwSignal<Option<Timestamp>>,
}

impl Updates {
    /// A fetched timeline: shown at once when nothing is on screen, else
    /// corrections applied in place and new entries held for the button.
    fn arrived(self, incoming: Vec<TimelineEntry>) {
        self.failed.set(false);
        if self.entries.with_untracked(Vec::is_empty) {
            self.entries.set(incoming);
            return;
        }
        let merged = self
            .entries
            .with_untracked(|shown| live::merge(shown, &incoming));
        if merged.new > 0 {
            self.pending.set(Some(merged));
        } else if self
            .entries
            .with_untracked(|shown| *shown != merged.entries)
        {
            self.entries.set(merged.entries);
        }
    }
}

/// The polling task's shared state: stopped when the timeline goes away,
/// woken early when the tab shows again or the reader resumes.
struct Poller {
    alive: Cell<bool>,
    /// When the next poll is due, in epoch milliseconds.
    due: Cell<f64>,
    wake: RefCell<Option<js_sys::Function>>,
    in_flight: RefCell<Option<web_sys::AbortController>>,
    on_visibility: RefCell<Option<Closure<dyn FnMut()>>>,
}

impl Poller {
    fn new() -> Rc<Poller> {
        let poller = Rc::new(Poller {
            alive: Cell::new(true),
            due: Cell::new(0.0),
            wake: RefCell::new(None),
            in_flight: RefCell::new(None),
            on_visibility: RefCell::new(None),
        });
        let weak = Rc::downgrade(&poller);
        let listener = Closure::<dyn FnMut()>::new(move || {
            if let Some(p) = weak.upgrade() {
                p.wake();
            }
        });
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                listener.as_ref().unchecked_ref(),
            );
        }
        *poller.on_visibility.borrow_mut() = Some(listener);
        poller
    }

    fn wake(&self) {
        if let Some(resolve) = self.wake.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }

    /// Sleeps `ms`, or until woken.
    async fn sleep(&self, ms: Option<f64>) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let (Some(ms), Some(window)) = (ms, web_sys::window()) {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    &resolve,
                    ms.clamp(0.0, f64::from(i32::MAX)) as i32,
                );
            }
            *self.wake.borrow_mut() = Some(resolve);
        });
        let _ = JsFuture::from(promise).await;
    }

    fn stop(&self) {
        self.alive.set(false);
        if let Some(controller) = self.in_flight.borrow_mut().take() {
            controller.abort();
        }
        if let (Some(listener), Some(document)) = (
            self.on_visibility.borrow_mut().take(),
            web_sys::window().and_then(|w| w.document()),
        ) {
            let _ = document.remove_event_listener_with_callback(
                "visibilitychange",
                listener.as_ref().unchecked_ref(),
            );
        }
        self.wake();
    }
}

/// Now, as a timestamp (UTC).
fn now_timestamp() -> Option<Timestamp> {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    Timestamp::parse(&iso).ok()
}

/// `document.hidden`, read through the object so that a test may stand in
/// for a hidden tab.
fn tab_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| js_sys::Reflect::get(&d, &"hidden".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Fetches the source now, then, when live, every interval while the tab is
/// visible and the reader has not paused; errors back off.
async fn poll(
    poller: Rc<Poller>,
    url: String,
    live_mode: bool,
    interval_ms: u32,
    limits: Limits,
    updates: Updates,
) {
    let mut validators = Validators::default();
    let mut failures = 0u32;
    poller.due.set(intl::now());
    loop {
        if !poller.alive.get() {
            return;
        }
        if tab_hidden() || updates.paused.try_get_untracked().unwrap_or(true) {
            poller.sleep(None).await;
            continue;
        }
        let wait = poller.due.get() - intl::now();
        if wait > 0.0 {
            poller.sleep(Some(wait)).await;
            continue;
        }
        let Ok(controller) = web_sys::AbortController::new() else {
            return;
        };
        *poller.in_flight.borrow_mut() = Some(controller.clone());
        updates.waiting.set(true);
        let result = load::fetch_timeline(&url, limits, &validators, &controller).await;
        poller.in_flight.borrow_mut().take();
        if !poller.alive.get() {
            return;
        }
        if result.is_ok() {
            updates.checked.set(now_timestamp());
        }
        let mut retry_after = None;
        match result {
            Ok(TimelineFetch::NotModified) => failures = 0,
            Ok(TimelineFetch::Updated {
                timeline,
                problems,
                validators: fresh,
            }) => {
                for problem in &problems {
                    leptos::logging::warn!("{url}: {problem}");
                }
                failures = 0;
                validators = fresh;
                updates.arrived(timeline.newest_first());
            }
            Err(e) => {
                failures += 1;
                retry_after = e.retry_after_secs;
                leptos::logging::warn!(
                    "could not update the timeline from {url}: {}",
                    e.error.detail()
                );
                updates.failed.set(true);
            }
        }
        updates.waiting.set(false);
        // A timeline that is not live is fetched once (with a few tries).
        if !live_mode && (failures == 0 || failures > load::MAX_RETRIES) {
            return;
        }
        poller
            .due
            .set(intl::now() + f64::from(live::next_poll_ms(interval_ms, failures, retry_after)));
    }
}
