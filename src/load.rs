//! Loading an article: the one fetch function, and what its failures mean.
//!
//! [`LoadError`], the [`Limits`] and the [`retry_delay_ms`] policy are pure and
//! tested natively; [`fetch_article`] is the thin browser part: a timeout
//! through an `AbortController`, a size cap counted as the bytes arrive, and
//! up to two retries for answers that say "try again later".

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::format::{self, Article, DecodeError, Timeline};
use crate::messages::Messages;
use crate::timers::Timer;

/// How long and how large a load may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub timeout_ms: u32,
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout_ms: 10_000,
            max_bytes: 2 * 1024 * 1024,
        }
    }
}

/// Retries after a failed answer, at most this many.
pub const MAX_RETRIES: u32 = 2;
/// A `Retry-After` longer than this is not waited for: the reader is told.
pub const MAX_RETRY_WAIT_MS: u32 = 10_000;

/// How long to wait before retry number `attempt + 1` after `status`, or
/// `None` if no retry: only 408, 429 and 5xx are retried, at most
/// [`MAX_RETRIES`] times, after `Retry-After` when the server gave one
/// (in seconds), else after 0.5 s then 1.5 s.
pub fn retry_delay_ms(status: u16, attempt: u32, retry_after_secs: Option<f64>) -> Option<u32> {
    let retryable = matches!(status, 408 | 429 | 500..=599);
    if !retryable || attempt >= MAX_RETRIES {
        return None;
    }
    let backoff = 500 * 3u32.pow(attempt);
    let wait = match retry_after_secs {
        Some(secs) if secs.is_finite() => (secs.max(0.0) * 1000.0).min(f64::from(u32::MAX)) as u32,
        _ => backoff,
    };
    (wait <= MAX_RETRY_WAIT_MS).then_some(wait)
}

/// Why an article could not be shown, in the terms a reader is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Offline, DNS, CORS: the request never got an answer.
    Network(String),
    /// 404 or 410.
    NotFound(u16),
    /// 401 or 403.
    Unavailable(u16),
    /// 408, 429, 5xx, after the retries.
    Busy(u16),
    /// No complete answer within the time limit.
    Timeout(u32),
    /// The answer is larger than the size cap (bytes seen so far, or declared).
    TooLarge(u64),
    /// Any other status that is not a success.
    Http(u16),
    /// The answer is not an article.
    Unreadable(String),
    /// An article, but not one a reader could read.
    Incomplete(String),
    /// A `schema_version` from the future.
    Unsupported(u32),
    /// The URL policy refused the source before anything was fetched.
    RefusedSource(String),
}

impl LoadError {
    /// The error for a response status that is not a success.
    pub fn from_status(status: u16) -> LoadError {
        match status {
            404 | 410 => LoadError::NotFound(status),
            401 | 403 => LoadError::Unavailable(status),
            408 | 429 | 500..=599 => LoadError::Busy(status),
            _ => LoadError::Http(status),
        }
    }

    /// The sentence shown to the reader.
    pub fn message(&self, m: &'static Messages) -> &'static str {
        match self {
            LoadError::Network(_) => m.error_network,
            LoadError::NotFound(_) => m.error_not_found,
            LoadError::Unavailable(_) => m.error_unavailable,
            LoadError::Busy(_) => m.error_busy,
            LoadError::Timeout(_) => m.error_timeout,
            LoadError::TooLarge(_) => m.error_too_large,
            LoadError::Http(_) => m.error_network,
            LoadError::Unreadable(_) => m.error_unreadable,
            LoadError::Incomplete(_) => m.error_incomplete,
            LoadError::Unsupported(_) => m.error_unsupported,
            LoadError::RefusedSource(_) => m.error_refused_source,
        }
    }

    /// The technical detail, for the "Details" disclosure and the console.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Network(d) => format!("network error: {d}"),
            LoadError::NotFound(s)
            | LoadError::Unavailable(s)
            | LoadError::Busy(s)
            | LoadError::Http(s) => format!("HTTP status {s}"),
            LoadError::Timeout(ms) => format!("no answer within {ms} ms"),
            LoadError::TooLarge(n) => format!("larger than the limit ({n} bytes or more)"),
            LoadError::Unreadable(d) | LoadError::Incomplete(d) => d.clone(),
            LoadError::Unsupported(v) => format!("schema_version {v}"),
            LoadError::RefusedSource(src) => format!("refused source: {src}"),
        }
    }

    /// Whether trying again could help: a story may be published, a server
    /// may recover, a file may finish uploading. Refusals by this viewer's own
    /// rules will not change on a retry.
    pub fn can_retry(&self) -> bool {
        !matches!(
            self,
            LoadError::RefusedSource(_) | LoadError::Unsupported(_) | LoadError::TooLarge(_)
        )
    }
}

impl From<DecodeError> for LoadError {
    fn from(e: DecodeError) -> LoadError {
        match e {
            DecodeError::Malformed(_) => LoadError::Unreadable(e.to_string()),
            DecodeError::Incomplete(_) => LoadError::Incomplete(e.to_string()),
            DecodeError::UnsupportedVersion(v) => LoadError::Unsupported(v),
        }
    }
}

/// Fetches and decodes the article at an absolute URL. `cancel` aborts it
/// (a newer navigation); the timeout aborts it too, and says so.
pub async fn fetch_article(
    url: &str,
    limits: Limits,
    cancel: &web_sys::AbortController,
) -> Result<Article, LoadError> {
    let (timer, timed_out) = abort_after(limits.timeout_ms, cancel);
    let result = fetch_with_retries(url, limits, &cancel.signal()).await;
    drop(timer);
    match result {
        Err(LoadError::Network(_)) if timed_out.get() => Err(LoadError::Timeout(limits.timeout_ms)),
        other => other,
    }
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

async fn fetch_with_retries(
    url: &str,
    limits: Limits,
    signal: &web_sys::AbortSignal,
) -> Result<Article, LoadError> {
    let mut attempt = 0;
    loop {
        let response = gloo_net::http::Request::get(url)
            .header("Accept", "application/json")
            .abort_signal(Some(signal))
            .send()
            .await
            .map_err(|e| LoadError::Network(e.to_string()))?;
        let status = response.status();
        if response.ok() {
            let text = read_text(&response, limits.max_bytes).await?;
            return Ok(format::decode(&text)?);
        }
        match retry_delay_ms(status, attempt, retry_after(&response)) {
            Some(wait) => {
                sleep(wait, signal).await;
                if signal.aborted() {
                    return Err(LoadError::Network("aborted".to_owned()));
                }
                attempt += 1;
            }
            None => return Err(LoadError::from_status(status)),
        }
    }
}

/// A timeline source may be larger than an article: a long feed.
pub const TIMELINE_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// What the server said about the version it sent, to ask next time only
/// for something newer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A timeline source's answer.
pub enum TimelineFetch {
    /// 304: nothing new since the validators' version.
    NotModified,
    Updated {
        timeline: Timeline,
        problems: Vec<String>,
        validators: Validators,
    },
}

/// A failed poll, with how long the server asked us to wait.
pub struct PollError {
    pub error: LoadError,
    pub retry_after_secs: Option<f64>,
}

/// One conditional request for a timeline source (a timeline document or a
/// JSON Feed): `If-None-Match` / `If-Modified-Since` from the last answer,
/// the timeout and size cap of an article fetch, no retries (the poller
/// backs off itself).
pub async fn fetch_timeline(
    url: &str,
    limits: Limits,
    validators: &Validators,
    cancel: &web_sys::AbortController,
) -> Result<TimelineFetch, PollError> {
    let plain = |error: LoadError| PollError {
        error,
        retry_after_secs: None,
    };
    let (_timer, timed_out) = abort_after(limits.timeout_ms, cancel);
    // Conditional headers set by the page make the browser pass a 304
    // through instead of answering from its own cache.
    let mut request = gloo_net::http::Request::get(url)
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
        plain(if timed_out.get() {
            LoadError::Timeout(limits.timeout_ms)
        } else {
            LoadError::Network(e.to_string())
        })
    })?;
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
    let text = read_text(&response, limits.max_bytes.max(TIMELINE_MAX_BYTES))
        .await
        .map_err(plain)?;
    let (timeline, problems) =
        format::decode_timeline(&text).map_err(|e| plain(LoadError::from(e)))?;
    Ok(TimelineFetch::Updated {
        timeline,
        problems,
        validators,
    })
}

/// The answer's `Retry-After`, in seconds.
fn retry_after(response: &gloo_net::http::Response) -> Option<f64> {
    retry_after_secs(&response.headers().get("Retry-After")?)
}

/// `Retry-After` as seconds: either a number or an HTTP date.
fn retry_after_secs(value: &str) -> Option<f64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return Some(secs);
    }
    let when = js_sys::Date::parse(value);
    (!when.is_nan()).then(|| (when - js_sys::Date::now()) / 1000.0)
}

/// The body as text, within `max_bytes`.
async fn read_text(
    response: &gloo_net::http::Response,
    max_bytes: u64,
) -> Result<String, LoadError> {
    let bytes = read_capped(response, max_bytes).await?;
    // Invalid UTF-8 is not JSON: unreadable, like any other bad byte.
    String::from_utf8(bytes).map_err(|e| LoadError::Unreadable(format!("not UTF-8: {e}")))
}

/// Reads the body, refusing it as soon as it passes `max_bytes`: on the
/// declared `Content-Length` before reading, else by counting the chunks.
async fn read_capped(
    response: &gloo_net::http::Response,
    max_bytes: u64,
) -> Result<Vec<u8>, LoadError> {
    if let Some(declared) = response
        .headers()
        .get("Content-Length")
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        if declared > max_bytes {
            return Err(LoadError::TooLarge(declared));
        }
    }
    let network = |e: JsValue| LoadError::Network(format!("{e:?}"));
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

/// Resolves after `ms`, or as soon as `signal` aborts.
async fn sleep(ms: u32, signal: &web_sys::AbortSignal) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.min(i32::MAX as u32) as i32,
            );
        }
        signal.set_onabort(Some(&resolve));
    });
    let _ = JsFuture::from(promise).await;
    signal.set_onabort(None);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::EN;

    #[test]
    fn statuses_map_to_what_the_reader_is_told() {
        assert_eq!(LoadError::from_status(404).message(&EN), EN.error_not_found);
        assert_eq!(LoadError::from_status(410).message(&EN), EN.error_not_found);
        assert_eq!(
            LoadError::from_status(403).message(&EN),
            EN.error_unavailable
        );
        assert_eq!(LoadError::from_status(503).message(&EN), EN.error_busy);
        assert_eq!(LoadError::from_status(429).message(&EN), EN.error_busy);
    }

    #[test]
    fn only_transient_failures_offer_retry() {
        assert!(LoadError::from_status(503).can_retry());
        assert!(LoadError::Network("offline".into()).can_retry());
        assert!(LoadError::from_status(404).can_retry());
        assert!(!LoadError::RefusedSource("javascript:x".into()).can_retry());
        assert!(!LoadError::Unsupported(2).can_retry());
        assert!(LoadError::Timeout(10_000).can_retry());
    }

    #[test]
    fn retries_only_answers_that_say_try_later() {
        for status in [408, 429, 500, 502, 503, 504] {
            assert_eq!(retry_delay_ms(status, 0, None), Some(500), "{status}");
            assert_eq!(retry_delay_ms(status, 1, None), Some(1500), "{status}");
            assert_eq!(retry_delay_ms(status, 2, None), None, "at most two retries");
        }
        for status in [400, 401, 403, 404, 410, 451] {
            assert_eq!(retry_delay_ms(status, 0, None), None, "{status}");
        }
    }

    #[test]
    fn retry_after_is_honoured_within_reason() {
        assert_eq!(retry_delay_ms(503, 0, Some(2.0)), Some(2000));
        assert_eq!(retry_delay_ms(429, 0, Some(0.0)), Some(0));
        assert_eq!(retry_delay_ms(429, 0, Some(-5.0)), Some(0));
        assert_eq!(
            retry_delay_ms(503, 0, Some(3600.0)),
            None,
            "an hour is not worth waiting for"
        );
        assert_eq!(retry_delay_ms(503, 0, Some(f64::NAN)), Some(500));
    }
}
