//! The formats module as a wasm of its own, run in a Web Worker: the same
//! conversion `article-snippet` runs natively ([`article_formats::convert`]),
//! with the browser's `URL` as its URL parser. The worker's script
//! (`article-formats-worker.js`, written by the release build around this
//! module's glue) calls [`convert`] for each document the viewer hands it.

#[cfg(target_arch = "wasm32")]
use article_formats::UrlUse;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// The document `text` fetched from `url` as article JSON v1 (`timeline`:
/// as a timeline document, for a live timeline's source). An error says
/// why, in a sentence.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn convert(text: &str, url: &str, timeline: bool) -> Result<String, JsValue> {
    let convert = if timeline {
        article_formats::convert_timeline
    } else {
        article_formats::convert
    };
    convert(text, url, &resolve).map_err(|e| JsValue::from(e.to_string()))
}

/// `raw` joined to `base` by the browser's URL parser, if the URL policy
/// allows it for `url_use` before and after.
#[cfg(target_arch = "wasm32")]
fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    article_core::url_policy::resolve_with(raw, base, url_use, |raw, base| {
        Some(web_sys::Url::new_with_base(raw, base).ok()?.href())
    })
}

/// Nothing to start: the worker calls the module.
fn main() {}
