//! The one fetch: articles and timeline sources over the network, with a
//! timeout through an `AbortController` and a size cap counted as the bytes
//! arrive. What to retry, when, and what a failure means is the core's
//! fetch policy ([`article_core::fetch`]); this is the browser part.

use std::cell::Cell;
use std::rc::Rc;

use article_core::article::{decode, decode_timeline, is_foreign, Article};
use article_core::fetch::{
    self, check_declared_length, retry_after_secs, retry_delay_ms, Limits, LoadError, PollError,
    TimelineFetch, Validators, TIMELINE_MAX_BYTES,
};
use article_core::time::Timestamp;
use gloo_net::http::{Request, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::timers::{sleep, Timer};
use super::{formats, page};

/// An article that loaded, and when it was saved if it is the copy the
/// viewer's service worker kept for offline reading.
pub type Loaded = (Article, Option<Timestamp>);

/// The header the viewer's service worker (`sw.js`, written by the release
/// build) adds to a saved copy it answers with offline: when it was saved.
const SAVED_HEADER: &str = "X-Article-Viewer-Saved";

/// Fetches and decodes the article at an absolute URL. `cancel` aborts it
/// (a newer navigation); the timeout aborts it too, and says so. Answers that
/// say "try again later" are retried as the policy says. An answer that was
/// redirected to an address `allowed` refuses is refused like that address.
/// With `keep`, an article that decoded is handed to the viewer's service
/// worker, which keeps it for reading offline.
pub async fn article(
    url: &str,
    limits: Limits,
    cancel: &web_sys::AbortController,
    allowed: impl Fn(&str) -> bool,
    keep: bool,
) -> Result<Loaded, LoadError> {
    let (timer, timed_out) = abort_after(limits.timeout_ms, cancel);
    let result = article_with_retries(url, limits, &cancel.signal(), &allowed, keep).await;
    drop(timer);
    match result {
        Err(LoadError::Network(_)) if timed_out.get() => Err(LoadError::Timeout(limits.timeout_ms)),
        other => other,
    }
}

async fn article_with_retries(
    url: &str,
    limits: Limits,
    signal: &web_sys::AbortSignal,
    allowed: &dyn Fn(&str) -> bool,
    keep: bool,
) -> Result<Loaded, LoadError> {
    // A feed's entry opens in place, from the feed already fetched.
    let (text, saved) = match formats::kept(url) {
        Some(text) => (text, None),
        None => fetch_text(url, limits, signal, allowed).await?,
    };
    let converted = match is_foreign(&text) {
        true => Some(formats::convert(&text, url, false).await?),
        false => None,
    };
    let article = decode(converted.as_deref().unwrap_or(&text))?;
    if keep && saved.is_none() {
        page::keep_offline(url, &text);
    }
    Ok((article, saved))
}

/// The text of the document at `url`, and when it was saved if it is the
/// copy the viewer's service worker kept.
async fn fetch_text(
    url: &str,
    limits: Limits,
    signal: &web_sys::AbortSignal,
    allowed: &dyn Fn(&str) -> bool,
) -> Result<(String, Option<Timestamp>), LoadError> {
    let mut attempt = 0;
    loop {
        let response = Request::get(url)
            .header("Accept", ACCEPT)
            .abort_signal(Some(signal))
            .send()
            .await
            .map_err(|e| {
                if page::offline() {
                    LoadError::Offline
                } else {
                    LoadError::Network(detail(e))
                }
            })?;
        let status = response.status();
        refuse_redirect(&response, allowed)?;
        if response.ok() {
            let saved = response
                .headers()
                .get(SAVED_HEADER)
                .and_then(|at| Timestamp::parse(&at).ok());
            let text = fetch::body_text(read_capped(&response, limits.max_bytes).await?)?;
            return Ok((text, saved));
        }
        let Some(wait) = retry_delay_ms(status, attempt, retry_after(&response)) else {
            return Err(LoadError::from_status(status));
        };
        // Waits, unless the request is cancelled meanwhile.
        let (pause, wake) = sleep(Some(wait));
        signal.set_onabort(wake.as_function());
        pause.await;
        signal.set_onabort(None);
        if signal.aborted() {
            return Err(LoadError::Network("aborted".to_owned()));
        }
        attempt += 1;
    }
}

/// What an article fetch accepts: article JSON, and every format the
/// formats module reads.
const ACCEPT: &str = "application/json, */*";

/// One conditional request for a timeline source (a timeline document or a
/// JSON Feed): `If-None-Match` / `If-Modified-Since` from the last answer,
/// the timeout and size cap of an article fetch, no retries (the poller
/// backs off itself).
pub async fn timeline(
    url: &str,
    limits: Limits,
    validators: &Validators,
    cancel: &web_sys::AbortController,
    allowed: impl Fn(&str) -> bool,
) -> Result<TimelineFetch, PollError> {
    let (_timer, timed_out) = abort_after(limits.timeout_ms, cancel);
    // Conditional headers set by the page make the browser pass a 304
    // through instead of answering from its own cache.
    let mut request = Request::get(url)
        .header("Accept", "application/feed+json, application/json")
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(Some(&cancel.signal()));
    if let Some(etag) = &validators.etag {
        request = request.header("If-None-Match", etag);
    }
    if let Some(date) = &validators.last_modified {
        request = request.header("If-Modified-Since", date);
    }
    let response = request.send().await.map_err(|e| {
        PollError::from(if timed_out.get() {
            LoadError::Timeout(limits.timeout_ms)
        } else {
            LoadError::Network(detail(e))
        })
    })?;
    refuse_redirect(&response, &allowed)?;
    let status = response.status();
    if status == 304 {
        return Ok(TimelineFetch::NotModified);
    }
    if !response.ok() {
        return Err(PollError {
            error: LoadError::from_status(status),
            retry_after_secs: retry_after(&response),
        });
    }
    let header = |name: &str| response.headers().get(name).filter(|v| !v.is_empty());
    let validators = Validators {
        etag: header("ETag"),
        last_modified: header("Last-Modified"),
    };
    let bytes = read_capped(&response, limits.max_bytes.max(TIMELINE_MAX_BYTES)).await?;
    let text = fetch::body_text(bytes)?;
    // A timeline document or a JSON Feed is JSON with `{`; a feed in XML or
    // a collection of posts goes to the formats module.
    let converted = match text.trim_start().starts_with('{') {
        false => Some(formats::convert(&text, url, true).await?),
        true => None,
    };
    let (timeline, problems) =
        decode_timeline(converted.as_deref().unwrap_or(&text)).map_err(LoadError::from)?;
    Ok(TimelineFetch::Updated {
        timeline,
        problems,
        validators,
    })
}

/// The browser follows redirects itself: where the answer came from is
/// checked again, so that a redirect cannot lead past the page's sources.
/// What a failed request says, for the reader's "Details". Not gloo-net's
/// own `Display`: its JSON variant would bring serde_json's error messages
/// into the wasm, for a variant a request never returns.
pub fn detail(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(e) => e.message,
        gloo_net::Error::GlooError(message) => message,
        gloo_net::Error::SerdeError(_) => String::new(),
    }
}

fn refuse_redirect(response: &Response, allowed: &dyn Fn(&str) -> bool) -> Result<(), LoadError> {
    let from = response.url();
    if !allowed(&from) {
        return Err(LoadError::RefusedSource(from));
    }
    Ok(())
}

/// Aborts `cancel` after `ms` unless the timer is dropped first; the flag
/// tells a timeout from any other abort.
fn abort_after(ms: u32, cancel: &web_sys::AbortController) -> (Timer, Rc<Cell<bool>>) {
    let timed_out = Rc::new(Cell::new(false));
    let flag = timed_out.clone();
    let cancel = cancel.clone();
    // No reason value: a non-Error reason makes gloo-net panic.
    let timer = Timer::once(ms, move || {
        flag.set(true);
        cancel.abort();
    });
    (timer, timed_out)
}

/// The answer's `Retry-After`, in seconds from now.
fn retry_after(response: &Response) -> Option<f64> {
    retry_after_secs(&response.headers().get("Retry-After")?, js_sys::Date::now())
}

/// Reads the body, refusing it as soon as it passes `max_bytes`: on the
/// declared `Content-Length` before reading, else by counting the chunks.
async fn read_capped(response: &Response, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    check_declared_length(
        response.headers().get("Content-Length").as_deref(),
        max_bytes,
    )?;
    let network = |e: JsValue| {
        let what = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "the body could not be read".to_owned());
        LoadError::Network(what)
    };
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|o| network(o.into()))?;
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(network)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(network)?;
        if done.as_bool().unwrap_or(true) {
            return Ok(bytes);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(network)?;
        let array: js_sys::Uint8Array = value.dyn_into().map_err(network)?;
        let total = bytes.len() as u64 + u64::from(array.length());
        if total > max_bytes {
            let _ = reader.cancel();
            return Err(LoadError::TooLarge(total));
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
}
