//! A live blog's source, polled as the main module polls a live timeline:
//! now and then as the core's [`Schedule`] says (its interval, backoff and
//! the server's `Retry-After`), with conditional requests (`If-None-Match`,
//! `If-Modified-Since`), never while the tab is hidden or the reader has
//! paused, at once when the tab shows again if a check is due, each request
//! aborted after the viewer's timeout and refused past its size cap. What
//! arrives goes to the blog.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_core::article::{decode_updates, Update};
use article_core::fetch::{check_declared_length, retry_after_secs, Limits, TIMELINE_MAX_BYTES};
use article_core::live::{Outcome, Schedule};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::timers::{sleep, Timer, Wake};

pub struct Poll {
    alive: Cell<bool>,
    /// When the next poll is due, in epoch milliseconds.
    due: Cell<f64>,
    wake: RefCell<Option<Wake>>,
    in_flight: RefCell<Option<web_sys::AbortController>>,
    on_visibility: RefCell<Option<Closure<dyn FnMut()>>>,
}

/// What the last answer said of its version, for the next request.
#[derive(Default)]
struct Validators {
    etag: Option<String>,
    last_modified: Option<String>,
}

enum Answer {
    NotModified,
    Updated(String, Validators),
}

impl Poll {
    /// Starts polling `url` (absolute, allowed by the viewer).
    pub fn start(
        url: String,
        schedule: Schedule,
        arrived: Rc<dyn Fn(Vec<Update>)>,
        paused: Rc<dyn Fn() -> bool>,
    ) -> Rc<Poll> {
        let poll = Rc::new(Poll {
            alive: Cell::new(true),
            due: Cell::new(js_sys::Date::now()),
            wake: RefCell::new(None),
            in_flight: RefCell::new(None),
            on_visibility: RefCell::new(None),
        });
        let weak = Rc::downgrade(&poll);
        let listener = Closure::<dyn FnMut()>::new(move || {
            if let Some(p) = weak.upgrade() {
                p.wake();
            }
        });
        if let Some(document) = document() {
            let _ = document.add_event_listener_with_callback(
                "visibilitychange",
                listener.as_ref().unchecked_ref(),
            );
        }
        *poll.on_visibility.borrow_mut() = Some(listener);
        spawn_local(run(poll.clone(), url, schedule, arrived, paused));
        poll
    }

    fn wake(&self) {
        if let Some(wake) = self.wake.borrow_mut().take() {
            wake.wake();
        }
    }

    /// The reader paused or resumed: a resumed blog checks at once.
    pub fn woken_by_reader(&self, paused: bool) {
        if !paused {
            self.due.set(js_sys::Date::now());
        }
        self.wake();
    }

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
            (self.on_visibility.borrow_mut().take(), document())
        {
            let _ = document.remove_event_listener_with_callback(
                "visibilitychange",
                listener.as_ref().unchecked_ref(),
            );
        }
        self.wake();
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// `document.hidden`, read through the object so that a test may stand in
/// for a hidden tab.
fn hidden() -> bool {
    document()
        .and_then(|d| js_sys::Reflect::get(&d, &"hidden".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

async fn run(
    poll: Rc<Poll>,
    url: String,
    mut schedule: Schedule,
    arrived: Rc<dyn Fn(Vec<Update>)>,
    paused: Rc<dyn Fn() -> bool>,
) {
    let mut validators = Validators::default();
    loop {
        if !poll.alive.get() {
            return;
        }
        if hidden() || paused() {
            poll.sleep(None).await;
            continue;
        }
        let wait = poll.due.get() - js_sys::Date::now();
        if wait > 0.0 {
            poll.sleep(Some(wait)).await;
            continue;
        }
        let Ok(controller) = web_sys::AbortController::new() else {
            return;
        };
        *poll.in_flight.borrow_mut() = Some(controller.clone());
        let answer = request(&url, &validators, &controller).await;
        poll.in_flight.borrow_mut().take();
        if !poll.alive.get() {
            return;
        }
        let outcome = match answer {
            Ok(Answer::NotModified) => Outcome::Answered,
            Ok(Answer::Updated(text, fresh)) => match decode_updates(&text) {
                Ok((updates, problems)) => {
                    for problem in &problems {
                        warn(&format!("{url}: {problem}"));
                    }
                    validators = fresh;
                    arrived(updates);
                    Outcome::Answered
                }
                Err(e) => {
                    warn(&format!("could not update the live blog from {url}: {e}"));
                    Outcome::Failed {
                        retry_after_secs: None,
                    }
                }
            },
            Err((why, retry_after_secs)) => {
                warn(&format!("could not update the live blog from {url}: {why}"));
                Outcome::Failed { retry_after_secs }
            }
        };
        let Some(next) = schedule.after(outcome) else {
            return;
        };
        poll.due.set(js_sys::Date::now() + f64::from(next));
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// One conditional request; a failure says why, and how long the server
/// asked to wait.
async fn request(
    url: &str,
    validators: &Validators,
    cancel: &web_sys::AbortController,
) -> Result<Answer, (String, Option<f64>)> {
    let limits = Limits::default();
    let failed = |why: String| (why, None);
    let abort = cancel.clone();
    let _timeout = Timer::once(limits.timeout_ms, move || abort.abort());
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    init.set_signal(Some(&cancel.signal()));
    let request = web_sys::Request::new_with_str_and_init(url, &init)
        .map_err(|_| failed("bad address".into()))?;
    let headers = request.headers();
    let _ = headers.set("Accept", "application/feed+json, application/json");
    if let Some(etag) = &validators.etag {
        let _ = headers.set("If-None-Match", etag);
    }
    if let Some(date) = &validators.last_modified {
        let _ = headers.set("If-Modified-Since", date);
    }
    let window = web_sys::window().ok_or_else(|| failed("no window".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .and_then(JsCast::dyn_into)
        .map_err(|_| failed("the request failed".into()))?;
    // A redirect may not lead elsewhere than the source the viewer allowed.
    if origin(&response.url()) != origin(url) {
        return Err(failed(format!("redirected to {}", response.url())));
    }
    let status = response.status();
    if status == 304 {
        return Ok(Answer::NotModified);
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .ok()
            .flatten()
            .filter(|v| !v.is_empty())
    };
    if !response.ok() {
        let retry = header("Retry-After").and_then(|v| retry_after_secs(&v, js_sys::Date::now()));
        return Err((format!("HTTP {status}"), retry));
    }
    check_declared_length(
        header("Content-Length").as_deref(),
        limits.max_bytes.max(TIMELINE_MAX_BYTES),
    )
    .map_err(|e| failed(e.detail()))?;
    let text = JsFuture::from(response.text().map_err(|_| failed("no body".into()))?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| failed("the body could not be read".into()))?;
    if text.len() as u64 > limits.max_bytes.max(TIMELINE_MAX_BYTES) {
        return Err(failed("too large".into()));
    }
    let fresh = Validators {
        etag: header("ETag"),
        last_modified: header("Last-Modified"),
    };
    Ok(Answer::Updated(text, fresh))
}

fn origin(url: &str) -> String {
    web_sys::Url::new(url)
        .map(|u| u.origin())
        .unwrap_or_default()
}
