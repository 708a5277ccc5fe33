//! Live blogs, compiled to a wasm of their own: a story whose body is
//! followed by timestamped updates, with its key events, a pinned update,
//! "Since your last visit", permalinks and a live source.
//!
//! Why a module apart: only a reader of a live blog needs it. In the
//! viewer's main module the decoder, the markup and the live behaviour of
//! live blogs measured 17.5 KB of gzip for every reader (2026-12-07,
//! `node tests/size.mjs`), against a main module whose budget only goes
//! down. The main module decodes a live blog's story as any other (its
//! `live_blog` passed over), builds it, and loads this module with
//! `import()`-like loading of its script and wasm (`src/browser/modules.rs`)
//! to add what is live: it hands over the built `<article class="story">`
//! and the document's text, which this module reads again with the
//! `live-blog` feature of the core — the same decoding, markup and JSON-LD
//! as the snippet command and the writer module, which write every update
//! ahead of time.
//!
//! Times and numbers go through the browser's `Intl` and elements are built
//! with `createElement` and text nodes, by the main module's own two files
//! and timers (`src/browser/intl.rs`, `src/browser/markup.rs`,
//! `src/browser/timers.rs`), compiled here too.

#[cfg(target_arch = "wasm32")]
mod blog;
#[cfg(target_arch = "wasm32")]
#[path = "../../src/browser/intl.rs"]
#[allow(dead_code)]
mod intl;
#[cfg(target_arch = "wasm32")]
#[path = "../../src/browser/markup.rs"]
#[allow(dead_code)]
mod markup;
#[cfg(target_arch = "wasm32")]
mod poll;
#[cfg(target_arch = "wasm32")]
#[path = "../../src/browser/timers.rs"]
#[allow(dead_code)]
mod timers;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// A live blog on screen, for the main module to stop when the story goes.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub struct LiveBlog(std::rc::Rc<blog::Blog>);

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
impl LiveBlog {
    /// The story went away: polling, timers and listeners stop.
    pub fn stop(&self) {
        self.0.stop();
    }
}

/// Makes the story built in `story` (an `<article class="story">`) live,
/// from its document `text`. `options` says for whom and where: `lang`
/// (the interface's), `base` (the story's absolute URL), `share` (the
/// address that shows it), `viewerPage`, `lowData`, `ownsDocument`,
/// `source` (the live source, resolved and allowed by the viewer, or
/// null), `host` (the publisher's element, or null).
/// It resolves once the updates are shown (or the blog was stopped first).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = mountLiveBlog)]
pub async fn mount_live_blog(
    story: web_sys::Element,
    text: String,
    options: JsValue,
) -> Result<LiveBlog, JsValue> {
    // Its updates are read a part per task, after this one.
    let article =
        article_core::article::decode_deferred(&text).map_err(|e| JsValue::from(e.to_string()))?;
    for problem in &article.problems {
        web_sys::console::warn_1(&problem.into());
    }
    let (blog, shown) = blog::Blog::mount(story, article, text, &blog::Options::read(&options))
        .ok_or_else(|| JsValue::from("not a live blog"))?;
    wasm_bindgen_futures::JsFuture::from(shown).await?;
    Ok(LiveBlog(blog))
}

/// Nothing to start: the module is called, not run.
fn main() {}
