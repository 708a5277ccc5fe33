//! The fetch policy: limits, which answers are retried and when, what each
//! failure means to the reader, and what a body must be.
//!
//! The browser's fetch (in the viewer's shell) asks this module at each step:
//! it sends the request, this decides.

use crate::article::{decode, Article, DecodeError, Timeline};
use crate::messages::Messages;
use crate::time::http_date_epoch_seconds;

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
    /// The browser says it is offline, and no copy of the story was saved.
    Offline,
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
    /// A document of another format that holds no story the formats
    /// module can read (or none of the formats it reads).
    NotAStory(String),
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
            LoadError::Offline => m.error_offline,
            LoadError::NotFound(_) => m.error_not_found,
            LoadError::Unavailable(_) => m.error_unavailable,
            LoadError::Busy(_) => m.error_busy,
            LoadError::Timeout(_) => m.error_timeout,
            LoadError::TooLarge(_) => m.error_too_large,
            LoadError::Http(_) => m.error_network,
            LoadError::Unreadable(_) => m.error_unreadable,
            LoadError::Incomplete(_) => m.error_incomplete,
            LoadError::NotAStory(_) => m.error_not_a_story,
            LoadError::Unsupported(_) => m.error_unsupported,
            LoadError::RefusedSource(_) => m.error_refused_source,
        }
    }

    /// The technical detail, for the "Details" disclosure and the console.
    pub fn detail(&self) -> String {
        match self {
            LoadError::Network(d) => format!("network error: {d}"),
            LoadError::Offline => "offline, no saved copy".to_owned(),
            LoadError::NotFound(s)
            | LoadError::Unavailable(s)
            | LoadError::Busy(s)
            | LoadError::Http(s) => format!("HTTP status {s}"),
            LoadError::Timeout(ms) => format!("no answer within {ms} ms"),
            LoadError::TooLarge(n) => format!("larger than the limit ({n} bytes or more)"),
            LoadError::Unreadable(d) | LoadError::Incomplete(d) | LoadError::NotAStory(d) => {
                d.clone()
            }
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

impl From<LoadError> for PollError {
    fn from(error: LoadError) -> PollError {
        PollError {
            error,
            retry_after_secs: None,
        }
    }
}

/// A `Content-Length` over the cap is refused before reading a byte.
pub fn check_declared_length(
    content_length: Option<&str>,
    max_bytes: u64,
) -> Result<(), LoadError> {
    match content_length.and_then(|v| v.trim().parse::<u64>().ok()) {
        Some(declared) if declared > max_bytes => Err(LoadError::TooLarge(declared)),
        _ => Ok(()),
    }
}

/// The body as text: invalid UTF-8 is not JSON, so unreadable like any
/// other bad byte.
pub fn body_text(bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| LoadError::Unreadable(format!("not UTF-8: {e}")))
}

/// Decodes a fetched article.
pub fn article_from(bytes: Vec<u8>) -> Result<Article, LoadError> {
    Ok(decode(&body_text(bytes)?)?)
}

/// `Retry-After` as seconds from `now_ms` (epoch milliseconds): either a
/// whole number of seconds (RFC 9110 §10.2.3) or an HTTP date.
pub fn retry_after_secs(value: &str, now_ms: f64) -> Option<f64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u32>() {
        return Some(f64::from(secs));
    }
    let when = http_date_epoch_seconds(value)?;
    Some(when as f64 - now_ms / 1000.0)
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
        assert!(LoadError::Offline.can_retry());
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
    fn retry_after_is_seconds_or_an_http_date() {
        let now = 1_445_412_480_000.0; // Wed, 21 Oct 2015 07:28:00 GMT
        assert_eq!(retry_after_secs(" 120 ", now), Some(120.0));
        assert_eq!(
            retry_after_secs("Wed, 21 Oct 2015 07:30:00 GMT", now),
            Some(120.0)
        );
        assert_eq!(
            retry_after_secs("Wednesday, 21-Oct-15 07:29:00 GMT", now),
            Some(60.0)
        );
        assert_eq!(
            retry_after_secs("Wed Oct 21 07:28:30 2015", now),
            Some(30.0)
        );
        assert_eq!(retry_after_secs("soon", now), None);
        assert_eq!(retry_after_secs("Wed, 32 Oct 2015 07:30:00 GMT", now), None);
    }

    #[test]
    fn bodies_are_capped_and_must_be_utf8() {
        assert_eq!(
            check_declared_length(Some("100"), 99),
            Err(LoadError::TooLarge(100))
        );
        assert_eq!(check_declared_length(Some("99"), 99), Ok(()));
        assert_eq!(check_declared_length(Some("lots"), 99), Ok(()));
        assert_eq!(check_declared_length(None, 99), Ok(()));
        assert!(matches!(
            body_text(vec![0xff, b'{']),
            Err(LoadError::Unreadable(_))
        ));
        assert_eq!(body_text(b"{}".to_vec()), Ok("{}".to_owned()));
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
