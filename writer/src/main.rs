//! The writer of the snippet that carries its story, compiled to a wasm of
//! its own: the core's one HTML writer ([`article_core::ahead::snippet`]),
//! the same code `article-snippet` runs natively, with the browser's `URL`
//! as its URL parser.
//!
//! Why a module apart: only a publisher who opens the Embed control needs
//! it, and in the viewer's main module it cost every reader about 5 KB of
//! gzip (the date writer, the frame, the HTML writer and the stylesheet's
//! compaction; measured 2026-12-07 with `node tests/size.mjs`). The main
//! module loads it with `import()` when the control opens
//! (`src/ui/embed_code.rs`).

#[cfg(target_arch = "wasm32")]
use article_core::ahead::{self, Place};
#[cfg(target_arch = "wasm32")]
use article_core::url_policy::{self, UrlUse};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// The snippet for the article JSON `json`, fetched from `src` (absolute),
/// for a page at `page`, a viewer in `viewer_dir` whose `embed.js` has the
/// hash `integrity`, carrying the stylesheet `css`. An error says why, in a
/// sentence.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = writeSnippet)]
pub fn write_snippet(
    json: &str,
    src: &str,
    page: &str,
    viewer_dir: &str,
    integrity: Option<String>,
    css: &str,
) -> Result<String, JsValue> {
    let article = article_core::article::decode(json).map_err(|e| JsValue::from(e.to_string()))?;
    let place = Place {
        integrity: integrity.as_deref(),
        page,
        viewer_dir,
    };
    // As the command writes it (the release build's inline stylesheet is
    // already so; a debug build's is not).
    let css = ahead::compact_css(css);
    ahead::snippet(&article, src, &place, &css, &resolve)
        .ok_or_else(|| JsValue::from(format!("refused address: {src}")))
}

/// `raw` joined to `base` by the browser's URL parser, if the URL policy
/// allows it for `url_use` before and after.
#[cfg(target_arch = "wasm32")]
fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    url_policy::resolve_with(raw, base, url_use, |raw, base| {
        Some(web_sys::Url::new_with_base(raw, base).ok()?.href())
    })
}

/// Nothing to start: the module is called, not run.
fn main() {}
