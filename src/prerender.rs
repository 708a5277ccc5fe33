//! The viewer written as HTML ahead of time, natively: the core's one
//! writer ([`article_core::ahead`]) for a story in a file, with the `url`
//! crate as its URL parser. It makes the publisher's snippet
//! (`article-snippet`) and the build's prerender of the default story into
//! `index.html`; the Embed control makes the same snippet in the browser
//! with the same writer.
//!
//! A WordPress post, a feed or an article page becomes the viewer's
//! article first, through the formats module's conversion
//! ([`article_formats::convert`]), the same code the browser runs in its
//! worker.

use article_core::ahead;
pub use article_core::ahead::{Place, Rendered};
use article_core::embed::ViewerOptions;
use article_core::fetch::{article_from, LoadError};
use article_core::url_policy::{self, UrlUse};

/// The viewer's stylesheet, for the snippet's shadow root.
pub const STYLE: &str = include_str!("../style/viewer.css");

/// `raw` joined to `base` by the WHATWG URL parser, if the URL policy
/// allows it for `url_use` before and after.
pub fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    url_policy::resolve_with(raw, base, url_use, |raw, base| {
        Some(url::Url::parse(base).ok()?.join(raw).ok()?.into())
    })
}

/// Renders the viewer, as `options` configure it, showing the article in
/// `json` (which `options.src` names, relative to the page).
pub fn render(json: &[u8], options: ViewerOptions, place: &Place) -> Result<Rendered, LoadError> {
    let written = options.src.clone().unwrap_or_default();
    let src =
        resolve(&written, place.page, UrlUse::Resource).ok_or(LoadError::RefusedSource(written))?;
    let article = article_from(article_json(json, &src)?)?;
    Ok(ahead::render(&article, &options, &src, place, &resolve))
}

/// The inline snippet a publisher pastes: the viewer's element carrying the
/// story, for the article in `json` at `src` (as the page will write it in
/// `data-src`).
pub fn snippet(json: &[u8], src: &str, place: &Place) -> Result<String, LoadError> {
    let absolute = resolve(src, place.page, UrlUse::Resource)
        .ok_or_else(|| LoadError::RefusedSource(src.to_owned()))?;
    let article = article_from(article_json(json, &absolute)?)?;
    ahead::snippet(&article, src, place, &css(), &resolve)
        .ok_or_else(|| LoadError::RefusedSource(src.to_owned()))
}

/// The stylesheet as the snippet and the viewer's own page carry it.
pub fn css() -> String {
    ahead::compact_css(STYLE)
}

/// The document `bytes`, fetched from `src` (absolute), as article JSON:
/// as it is, or converted from another format.
fn article_json(bytes: &[u8], src: &str) -> Result<Vec<u8>, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) if article_core::article::is_foreign(text) => {
            article_formats::convert(text, src, &resolve)
                .map(String::into_bytes)
                .map_err(|e| LoadError::NotAStory(e.to_string()))
        }
        _ => Ok(bytes.to_vec()),
    }
}
