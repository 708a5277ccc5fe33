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

use crate::fetch::Limits;

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

impl Config {
    /// The configuration from the page's `<meta>` values (`setting` gives the
    /// `content` of the `<meta name>` it is asked for) and the origins given
    /// at build time. A limit that is not a positive number is the default.
    pub fn from_settings(
        setting: impl Fn(&str) -> Option<String>,
        build_sources: Option<&str>,
    ) -> Config {
        let mut sources: Option<Vec<String>> = build_sources.map(parse_origins);
        if let Some(list) = setting("article-viewer-sources") {
            sources
                .get_or_insert_with(Vec::new)
                .extend(parse_origins(&list));
        }
        let positive = |name: &str| {
            setting(name)
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|&n| n > 0)
        };
        let defaults = Limits::default();
        Config {
            limits: Limits {
                timeout_ms: positive("article-viewer-timeout-ms")
                    .and_then(|ms| u32::try_from(ms).ok())
                    .unwrap_or(defaults.timeout_ms),
                max_bytes: positive("article-viewer-max-bytes").unwrap_or(defaults.max_bytes),
            },
            sources,
        }
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
    fn settings_come_from_the_page_and_the_build() {
        let page = |name: &str| match name {
            "article-viewer-sources" => Some("https://cdn.example".to_owned()),
            "article-viewer-timeout-ms" => Some(" 2500 ".to_owned()),
            "article-viewer-max-bytes" => Some("-1".to_owned()),
            _ => None,
        };
        let config = Config::from_settings(page, Some("https://news.example"));
        assert_eq!(config.limits.timeout_ms, 2500);
        assert_eq!(config.limits.max_bytes, Limits::default().max_bytes);
        assert!(config.allows_source("https://news.example", "https://page.example"));
        assert!(config.allows_source("https://cdn.example", "https://page.example"));
        assert!(!config.allows_source("https://other.example", "https://page.example"));
        assert_eq!(Config::from_settings(|_| None, None), Config::default());
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
