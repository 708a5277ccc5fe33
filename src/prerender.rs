//! The viewer written as HTML ahead of time, natively: the core's one
//! writer ([`article_core::ahead`]) for a story in a file, with the `url`
//! crate as its URL parser. It makes the publisher's snippet
//! (`article-snippet`) and the build's prerender of the default story into
//! `index.html`; the Embed control makes the same snippet in the browser
//! with the same writer.

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
    let article = article_from(json.to_vec())?;
    let written = options.src.clone().unwrap_or_default();
    let src =
        resolve(&written, place.page, UrlUse::Resource).ok_or(LoadError::RefusedSource(written))?;
    Ok(ahead::render(&article, &options, &src, place, &resolve))
}

/// The inline snippet a publisher pastes: the viewer's element carrying the
/// story, for the article in `json` at `src` (as the page will write it in
/// `data-src`).
pub fn snippet(json: &[u8], src: &str, place: &Place) -> Result<String, LoadError> {
    let article = article_from(json.to_vec())?;
    ahead::snippet(&article, src, place, &css(), &resolve)
        .ok_or_else(|| LoadError::RefusedSource(src.to_owned()))
}

/// The stylesheet as the snippet and the viewer's own page carry it.
pub fn css() -> String {
    ahead::compact_css(STYLE)
}
