//! The viewer written as HTML ahead of time, for a story in hand: the one
//! writer of the publisher's snippet — whether `article-snippet` makes it
//! natively or the Embed control makes it in the browser — and of the
//! build's prerender of the default story into `index.html`. All three paint
//! the story before any script runs, readable with JavaScript off.
//!
//! There is no reader yet: the HTML is written for one in the story's
//! language and in the zone of its `published` offset ([`reader`]), with
//! dates as the story's own day sees them; the live viewer takes over and
//! rewrites every time for the real reader. Relative times ("5 min ago")
//! and polling are the live viewer's.
//!
//! What only a URL parser knows (joining a relative address to its base)
//! is handed in as a [`Resolve`]: the `url` crate natively, the browser's
//! `URL` in the shell; both follow the WHATWG URL standard.

mod frame;
pub mod reader;

use crate::address::address_for;
use crate::article::Article;
use crate::embed::{self, Mode, ViewerOptions};
use crate::markup::Markup;
use crate::metadata;
use crate::url_policy::{Resolve, UrlUse};

pub use self::frame::frame;

/// Where the HTML goes.
pub struct Place<'a> {
    /// The hash the snippet pins `embed.js` by (`sha384-…`), if known.
    pub integrity: Option<&'a str>,
    /// The absolute address of the page the HTML goes into.
    pub page: &'a str,
    /// The viewer's directory (absolute, ending in `/`): where `embed.js`
    /// and `index.html` are.
    pub viewer_dir: &'a str,
}

impl Place<'_> {
    /// The viewer's own page, which a link opens in a new tab.
    pub fn standalone_page(&self) -> String {
        format!("{}index.html", self.viewer_dir)
    }
}

/// A story written ahead of time, and what the page's `<head>` says of it.
pub struct Rendered {
    /// The viewer's markup (`<div class="viewer-frame">…`).
    pub html: String,
    pub title: String,
    pub description: String,
    pub lang: String,
    pub dir: &'static str,
    /// The story's canonical address and its schema.org JSON-LD.
    pub canonical: String,
    pub json_ld: String,
}

/// The viewer as `options` configure it, showing `article`, which was
/// fetched from `src` (absolute).
pub fn render(
    article: &Article,
    options: &ViewerOptions,
    src: &str,
    place: &Place,
    resolve: Resolve,
) -> Rendered {
    let mut m = Markup::default();
    frame(&mut m, article, options, src, place, resolve);
    Rendered {
        html: m.html(),
        title: article.headline.clone(),
        description: metadata::description(article),
        lang: article.lang.clone(),
        dir: article.direction().as_str(),
        canonical: metadata::canonical(article, place.page),
        json_ld: metadata::json_ld(article, place.page),
    }
}

/// The inline snippet a publisher pastes: the viewer's element carrying the
/// story ([`embed::story_snippet`]) for `article`, at `src` as the page will
/// write it in `data-src`, with the viewer's stylesheet `css` (as
/// [`compact_css`] made it). `None` if the URL policy refuses `src`.
pub fn snippet(
    article: &Article,
    src: &str,
    place: &Place,
    css: &str,
    resolve: Resolve,
) -> Option<String> {
    let resolved = resolve(src, place.page, UrlUse::Resource)?;
    let options = ViewerOptions {
        mode: Mode::Inline,
        ..ViewerOptions::from_attributes(|name| (name == "data-src").then(|| src.to_owned()))
    };
    let light = render(article, &options, &resolved, place, resolve).html;
    // The viewer replaces the shadow root's copy when it takes over.
    let shadow = light.replacen(
        "<div class=\"viewer-frame\"",
        "<div data-prerendered class=\"viewer-frame\"",
        1,
    );
    Some(embed::story_snippet(
        place.viewer_dir,
        place.integrity,
        src,
        css,
        &shadow,
        &light,
    ))
}

/// The stylesheet without its comments and indentation: it travels in every
/// page that pastes a snippet, and in the viewer's own page, where the
/// Embed control finds it to write the same snippet as the command.
pub fn compact_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// The address that shows `src` in the viewer: the page itself when it
/// keeps the address, else the viewer's own page.
fn viewer_page(options: &ViewerOptions, place: &Place) -> String {
    if options.history {
        place.page.to_owned()
    } else {
        place.standalone_page()
    }
}

/// The Share button's address for the story at `src`.
fn share_url(options: &ViewerOptions, src: &str, place: &Place) -> String {
    if options.history {
        place.page.to_owned()
    } else {
        address_for(src, &place.standalone_page())
    }
}

#[cfg(test)]
mod tests;
