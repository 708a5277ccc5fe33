//! Loading an article: the one fetch function, and what its failures mean.
//!
//! [`LoadError`] and its mapping from HTTP statuses are pure and tested
//! natively; [`fetch_article`] is the thin browser part.

use crate::format::{self, Article, DecodeError};
use crate::messages::Messages;

/// Why an article could not be shown, in the terms a reader is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Offline, DNS, CORS: the request never got an answer.
    Network(String),
    /// 404 or 410.
    NotFound(u16),
    /// 401 or 403.
    Unavailable(u16),
    /// 408, 429, 5xx.
    Busy(u16),
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
            LoadError::RefusedSource(_) | LoadError::Unsupported(_)
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

/// Fetches and decodes the article at an absolute URL.
pub async fn fetch_article(url: &str) -> Result<Article, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::from_status(response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    Ok(format::decode(&text)?)
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
    }
}
