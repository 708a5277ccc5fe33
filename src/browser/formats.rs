//! The formats module's client: a document that is not article JSON
//! (a WordPress post, a feed, an article page) goes to the formats module
//! (`formats/`), which turns it into article JSON v1 in a Web Worker of its
//! own, started the first time one is needed: the default story and every
//! article JSON never download it, and a 500-item feed never blocks the
//! page.
//!
//! The worker is the page's `articleViewerFormats`, a few lines of script
//! the build writes into the viewer's own pages and into `embed.js`
//! (scripts/post-build.mjs): it fetches the worker's script with its
//! integrity and starts it from a `blob:` URL, so that a viewer embedded
//! from another origin has it too; the script checks its wasm's integrity
//! in turn. In script, not here: the main module every reader downloads
//! stays as it was (the same client in Rust cost 3.8 KB of gzip, measured
//! 2026-12-07 with `node tests/size.mjs`).
//!
//! The last document converted is kept, so that a feed's entries open in
//! place from what was already fetched (`…#item=<id>`).

use std::cell::RefCell;

use article_core::fetch::LoadError;
use js_sys::{Array, Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The last document converted: its address (no fragment) and text.
    static LAST: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
}

/// The text of the document at `url` (its fragment aside), if it is the
/// last one converted.
pub fn kept(url: &str) -> Option<String> {
    let document = url.split('#').next()?;
    LAST.with(|last| {
        let last = last.borrow();
        (last.0 == document).then(|| last.1.clone())
    })
}

/// `text`, fetched from `url`, as article JSON v1 (with `timeline`, a
/// timeline document).
pub async fn convert(text: &str, url: &str, timeline: bool) -> Result<String, LoadError> {
    let why = |e: JsValue| e.as_string().unwrap_or_default();
    let client: Function = js_sys::Reflect::get(&js_sys::global(), &"articleViewerFormats".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| LoadError::NotAStory("no formats module".into()))?;
    let asked = client
        .call3(&JsValue::NULL, &text.into(), &url.into(), &timeline.into())
        .map_err(|e| LoadError::Network(why(e)))?;
    let answer: Array = JsFuture::from(Promise::from(asked))
        .await
        .map_err(|e| LoadError::Network(why(e)))?
        .unchecked_into();
    if let Some(json) = answer.get(0).as_string() {
        if !timeline {
            let document = url.split('#').next().unwrap_or(url);
            LAST.with(|last| last.replace((document.to_owned(), text.to_owned())));
        }
        return Ok(json);
    }
    let why = why(answer.get(1));
    Err(if answer.get(2).is_truthy() {
        LoadError::NotAStory(why)
    } else {
        LoadError::Network(why)
    })
}
