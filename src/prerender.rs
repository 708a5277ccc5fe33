//! The viewer rendered to HTML ahead of time, natively: the same components
//! as in the browser, rendered by Leptos's `ssr` renderer for a story in
//! hand. It makes the publisher's snippet (`article-snippet`) and the
//! build's prerender of the default story into `index.html`, so both paint
//! the story before any script runs and need no browser to be made.
//!
//! What only a browser knows is written for a reader in the story's own
//! language and in the zone of its `published` offset
//! ([`Reader`](crate::browser::ahead::Reader)); the live viewer takes over and
//! rewrites times for the real reader. Relative times ("5 min ago") and
//! polling are the live viewer's.

use std::sync::Arc;

use article_core::embed::{self, Mode, ViewerOptions};
use article_core::fetch::{article_from, LoadError};
use article_core::metadata;
use article_core::url_policy::UrlUse;
use leptos::prelude::*;

use crate::browser::ahead::{with_reader, Reader};
use crate::browser::page;
use crate::ui::viewer::{Shown, Viewer};

/// The viewer's stylesheet, for the snippet's shadow root.
pub const STYLE: &str = include_str!("../style/viewer.css");

/// A story rendered ahead of time, and what the page's `<head>` says of it.
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

/// Renders the viewer, as `options` configure it, showing the article in
/// `json` (which `options.src` names, relative to the page).
pub fn render(json: &[u8], options: ViewerOptions, place: &Place) -> Result<Rendered, LoadError> {
    let article = article_from(json.to_vec())?;
    let written = options.src.clone().unwrap_or_default();
    let reader = Reader {
        page: place.page.to_owned(),
        viewer_dir: place.viewer_dir.to_owned(),
        lang: article.lang.clone(),
        offset_minutes: article.published.as_ref().map_or(0, |t| t.offset_minutes()),
    };
    with_reader(reader, || {
        let src = page::resolve(&written, place.page, UrlUse::Resource)
            .ok_or_else(|| LoadError::RefusedSource(written.clone()))?;
        let rendered = Rendered {
            title: article.headline.clone(),
            description: metadata::description(&article),
            lang: article.lang.clone(),
            dir: article.direction().as_str(),
            canonical: metadata::canonical(&article, place.page),
            json_ld: metadata::json_ld(&article, place.page),
            html: String::new(),
        };
        let story = Shown {
            src,
            article: Arc::new(article),
            saved: None,
        };
        let owner = Owner::new();
        let html = owner.with(|| view! { <Viewer options=options story=story /> }.to_html());
        Ok(Rendered { html, ..rendered })
    })
}

/// The inline snippet a publisher pastes: the viewer's element carrying the
/// story ([`embed::story_snippet`]), for the article in `json` at `src`
/// (as the page will write it in `data-src`).
pub fn snippet(json: &[u8], src: &str, place: &Place) -> Result<String, LoadError> {
    let options = ViewerOptions {
        mode: Mode::Inline,
        ..ViewerOptions::from_attributes(|name| (name == "data-src").then(|| src.to_owned()))
    };
    let light = render(json, options, place)?.html;
    // The viewer replaces the shadow root's copy when it takes over.
    let shadow = light.replacen(
        "<div class=\"viewer-frame\"",
        "<div data-prerendered class=\"viewer-frame\"",
        1,
    );
    Ok(embed::story_snippet(
        place.viewer_dir,
        place.integrity,
        src,
        &compact(STYLE),
        &shadow,
        &light,
    ))
}

/// The stylesheet without its comments and indentation: it travels in every
/// page that pastes a snippet.
fn compact(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
