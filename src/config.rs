//! What the publisher sets: which sources may be loaded, and load limits.
//!
//! Set in the page with `<meta>` tags, or at build time:
//!
//! ```html
//! <meta name="article-viewer-sources" content="https://news.example https://cdn.example">
//! <meta name="article-viewer-timeout-ms" content="10000">
//! <meta name="article-viewer-max-bytes" content="2097152">
//! ```
//!
//! `ARTICLE_VIEWER_SOURCES` in the environment of the build adds origins too.
//! The page's own origin is always allowed; without any list, every `http(s)`
//! source is (the URL policy still applies).

use crate::load::Limits;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub limits: Limits,
    /// Allowed source origins (`https://news.example`); `None` allows all.
    pub sources: Option<Vec<String>>,
}

impl Config {
    /// Whether an article at `origin` may be loaded by a page at `page_origin`.
    pub fn allows_source(&self, origin: &str, page_origin: &str) -> bool {
        let origin = normalize_origin(origin);
        origin == normalize_origin(page_origin)
            || self
                .sources
                .as_ref()
                .is_none_or(|list| list.contains(&origin))
    }
}

/// Parses a list of origins separated by spaces or commas.
pub fn parse_origins(list: &str) -> Vec<String> {
    list.split([' ', ',', '\n', '\t'])
        .filter(|s| !s.is_empty())
        .map(normalize_origin)
        .collect()
}

/// `HTTPS://News.Example/` → `https://news.example`.
fn normalize_origin(origin: &str) -> String {
    origin.trim().trim_end_matches('/').to_ascii_lowercase()
}

/// The configuration of the page the viewer runs in.
pub fn from_page() -> Config {
    let meta = |name: &str| -> Option<String> {
        let document = web_sys::window()?.document()?;
        let element = document
            .query_selector(&format!("meta[name=\"{name}\"]"))
            .ok()??;
        element.get_attribute("content")
    };
    let mut sources: Option<Vec<String>> = option_env!("ARTICLE_VIEWER_SOURCES").map(parse_origins);
    if let Some(list) = meta("article-viewer-sources") {
        sources
            .get_or_insert_with(Vec::new)
            .extend(parse_origins(&list));
    }
    let defaults = Limits::default();
    Config {
        limits: Limits {
            timeout_ms: meta("article-viewer-timeout-ms")
                .and_then(|v| v.trim().parse().ok())
                .filter(|&ms| ms > 0)
                .unwrap_or(defaults.timeout_ms),
            max_bytes: meta("article-viewer-max-bytes")
                .and_then(|v| v.trim().parse().ok())
                .filter(|&n| n > 0)
                .unwrap_or(defaults.max_bytes),
        },
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_list_every_source_is_allowed() {
        let config = Config::default();
        assert!(config.allows_source("https://anywhere.example", "http://127.0.0.1:8080"));
    }

    #[test]
    fn with_a_list_only_listed_origins_and_the_page_itself() {
        let config = Config {
            sources: Some(parse_origins("https://News.Example/, https://cdn.example")),
            ..Config::default()
        };
        assert!(config.allows_source("https://news.example", "http://127.0.0.1:8080"));
        assert!(config.allows_source("https://cdn.example", "http://127.0.0.1:8080"));
        assert!(config.allows_source("http://127.0.0.1:8080", "http://127.0.0.1:8080"));
        assert!(!config.allows_source("https://evil.example", "http://127.0.0.1:8080"));
        assert!(!config.allows_source("http://news.example", "http://127.0.0.1:8080"));
    }

    #[test]
    fn an_empty_list_allows_only_the_page() {
        let config = Config {
            sources: Some(parse_origins("  ")),
            ..Config::default()
        };
        assert!(!config.allows_source("https://news.example", "https://page.example"));
        assert!(config.allows_source("https://page.example", "https://page.example"));
    }
}
