//! The page, ahead of time (see [`super::ahead`]): its address is given,
//! URLs are resolved by the `url` crate (the WHATWG parser the browser's
//! `URL` follows), and nothing the reader does exists yet.

use article_core::config::Config;
use article_core::url_policy::{self, UrlUse};

use super::ahead::reader;

pub fn document() -> Option<web_sys::Document> {
    None
}

pub fn url() -> String {
    reader().page
}

pub fn param(_name: &str) -> Option<String> {
    None
}

pub fn meta(_name: &str) -> Option<String> {
    None
}

pub fn requested_src() -> Option<String> {
    None
}

pub fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    let allowed = url_policy::allow(raw, url_use)?;
    let url = url::Url::parse(base).ok()?.join(&allowed).ok()?;
    url_policy::allow(url.as_str(), url_use)?;
    Some(url.into())
}

pub fn origin(url: &str) -> String {
    url::Url::parse(url)
        .map(|u| u.origin().ascii_serialization())
        .ok()
        .filter(|o| o != "null")
        .unwrap_or_default()
}

pub fn standalone_page() -> String {
    format!("{}index.html", reader().viewer_dir)
}

pub fn push_article(_resolved: &str) {}

pub fn config() -> Config {
    Config::from_settings(|_| None, option_env!("ARTICLE_VIEWER_SOURCES"))
}

pub fn source_allowed(url: &str, config: &Config) -> bool {
    config.allows_source(&origin(url), &origin(&self::url()))
}

pub fn fetchable(config: &Config, raw: &str, base: &str) -> Option<String> {
    resolve(raw, base, UrlUse::Resource).filter(|url| source_allowed(url, config))
}

pub fn remove_prerendered() {}

pub fn prerendered() -> bool {
    false
}

pub fn keep_prerendered(_keep: &web_sys::Element) {}

pub fn take_over(_frame: &web_sys::Element, _shown: bool) {}

pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0)
}

pub fn offline() -> bool {
    false
}

pub fn keep_offline(_url: &str, _text: &str) {}

pub fn saves_data() -> bool {
    false
}

pub fn hidden() -> bool {
    false
}

/// No reader's choices exist ahead of time: third-party content waits.
pub fn always_loads(_provider: &str) -> bool {
    false
}
