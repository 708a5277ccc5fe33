//! A timeline's poller: fetches the source now and, when live, again as the
//! [`Schedule`] says — never while the tab is hidden or the reader has
//! paused, at once when the tab shows again if a check is due. What a fetched
//! timeline does to the screen is [`live::arrive`]'s to say.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_core::article::TimelineEntry;
use article_core::fetch::{TimelineFetch, Validators};
use article_core::live::{self, Arrival, Merged, Outcome, Schedule};
use article_core::time::Timestamp;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::timers::{sleep, Wake};
use crate::browser::{fetch, page};
use crate::ui::ViewerContext;

/// The signals a poll updates.
#[derive(Clone, Copy)]
pub struct Updates {
    pub entries: RwSignal<Vec<TimelineEntry>>,
    pub pending: RwSignal<Option<Merged>>,
    pub failed: RwSignal<bool>,
    pub fetching: RwSignal<bool>,
    pub paused: RwSignal<bool>,
    pub checked: RwSignal<Option<Timestamp>>,
}

impl Updates {
    fn arrived(self, incoming: Vec<TimelineEntry>) {
        self.failed.set(false);
        match self
            .entries
            .with_untracked(|shown| live::arrive(shown, incoming))
        {
            Arrival::Show(entries) | Arrival::Correct(entries) => self.entries.set(entries),
            Arrival::Hold(merged) => self.pending.set(Some(merged)),
            Arrival::Unchanged => {}
        }
    }
}

/// The polling task's shared state: stopped when the timeline goes away,
/// woken early when the tab shows again or the reader resumes.
pub struct Poller {
    alive: Cell<bool>,
    /// When the next poll is due, in epoch milliseconds.
    due: Cell<f64>,
    wake: RefCell<Option<Wake>>,
    in_flight: RefCell<Option<web_sys::AbortController>>,
    on_visibility: RefCell<Option<Closure<dyn FnMut()>>>,
}

impl Poller {
    /// Starts polling `url` (absolute, allowed).
    pub fn start(
        url: String,
        schedule: Schedule,
        context: ViewerContext,
        updates: Updates,
    ) -> Rc<Poller> {
        let poller = Rc::new(Poller {
            alive: Cell::new(true),
            due: Cell::new(page::now_ms()),
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
        if let Some(document) = page::document() {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                listener.as_ref().unchecked_ref(),
            );
        }
        *poller.on_visibility.borrow_mut() = Some(listener);
        spawn_local(poll(poller.clone(), url, schedule, context, updates));
        poller
    }

    fn wake(&self) {
        if let Some(wake) = self.wake.borrow_mut().take() {
            wake.wake();
        }
    }

    /// The reader paused or resumed: a resumed timeline checks at once.
    pub fn woken_by_reader(&self, paused: bool) {
        if !paused {
            self.due.set(page::now_ms());
        }
        self.wake();
    }

    /// Sleeps `ms`, or until woken; the timer goes with the sleep.
    async fn sleep(&self, ms: Option<f64>) {
        let (pause, wake) = sleep(ms.map(|ms| ms.clamp(0.0, f64::from(u32::MAX)) as u32));
        *self.wake.borrow_mut() = Some(wake);
        pause.await;
    }

    pub fn stop(&self) {
        self.alive.set(false);
        if let Some(controller) = self.in_flight.borrow_mut().take() {
            controller.abort();
        }
        if let (Some(listener), Some(document)) =
            (self.on_visibility.borrow_mut().take(), page::document())
        {
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

async fn poll(
    poller: Rc<Poller>,
    url: String,
    mut schedule: Schedule,
    context: ViewerContext,
    updates: Updates,
) {
    let mut validators = Validators::default();
    loop {
        if !poller.alive.get() {
            return;
        }
        if page::hidden() || updates.paused.try_get_untracked().unwrap_or(true) {
            poller.sleep(None).await;
            continue;
        }
        let wait = poller.due.get() - page::now_ms();
        if wait > 0.0 {
            poller.sleep(Some(wait)).await;
            continue;
        }
        let Ok(controller) = web_sys::AbortController::new() else {
            return;
        };
        *poller.in_flight.borrow_mut() = Some(controller.clone());
        updates.fetching.set(true);
        let (limits, allowed) = (context.config.with_value(|c| c.limits), |to: &str| {
            context
                .config
                .with_value(|c| page::fetchable(c, to, to).is_some())
        });
        let result = fetch::timeline(&url, limits, &validators, &controller, allowed).await;
        poller.in_flight.borrow_mut().take();
        if !poller.alive.get() {
            return;
        }
        let outcome = match result {
            Ok(TimelineFetch::NotModified) => Outcome::Answered,
            Ok(TimelineFetch::Updated {
                timeline,
                problems,
                validators: fresh,
            }) => {
                for problem in &problems {
                    leptos::logging::warn!("{url}: {problem}");
                }
                validators = fresh;
                updates.arrived(timeline.newest_first());
                Outcome::Answered
            }
            Err(e) => {
                leptos::logging::warn!(
                    "could not update the timeline from {url}: {}",
                    e.error.detail()
                );
                updates.failed.set(true);
                Outcome::Failed {
                    retry_after_secs: e.retry_after_secs,
                }
            }
        };
        if outcome == Outcome::Answered {
            updates.checked.set(now_timestamp());
        }
        updates.fetching.set(false);
        let Some(next) = schedule.after(outcome) else {
            return;
        };
        poller.due.set(page::now_ms() + f64::from(next));
    }
}
