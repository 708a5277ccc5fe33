//! The Embed control's writer, compiled to a wasm of its own: the snippet
//! that carries its story, by the core's one HTML writer
//! ([`article_core::ahead::snippet`]) — the same code `article-snippet`
//! runs natively, with the browser's `URL` as its URL parser — and the
//! control's forms around both snippets, built into the control.
//!
//! Why a module apart: only a publisher who opens the Embed control needs
//! it. In the viewer's main module the snippet writer cost every reader
//! about 5 KB of gzip (the date writer, the frame, the HTML writer and the
//! stylesheet's compaction), and the forms, the short snippets and the
//! fetch of the story about 3 KB more (measured 2026-12-07 with `node
//! tests/size.mjs`; the latter moved here to pay for live blogs). The main
//! module loads it when the control opens (`src/ui/embed_code.rs`,
//! `src/browser/modules.rs`).

#[cfg(target_arch = "wasm32")]
#[path = "../../src/browser/markup.rs"]
#[allow(dead_code)]
mod markup;

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

/// Writes both snippets for the story at `src` (absolute) into the Embed
/// control `details`, in the interface's language `lang`: the inline one
/// that carries its story (else, with the console saying why, the short one
/// that names it) and the iframe's, each with its Copy button.
#[cfg(target_arch = "wasm32")]
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = writeEmbedForms)]
pub async fn write_embed_forms(
    details: web_sys::Element,
    src: String,
    headline: String,
    viewer_dir: String,
    integrity: Option<String>,
    lang: String,
    max_bytes: f64,
) {
    use article_core::embed;
    use article_core::markup::Markup;
    let css = viewer_css().await.unwrap_or_default();
    let inline = match story_json(&src, max_bytes).await.and_then(|json| {
        write_snippet(&json, &src, &src, &viewer_dir, integrity.clone(), &css)
            .map_err(|e| e.as_string().unwrap_or_default())
    }) {
        Ok(snippet) => snippet,
        Err(why) => {
            web_sys::console::error_1(
                &format!("article viewer: the story's snippet could not be written: {why}").into(),
            );
            embed::inline_snippet(&viewer_dir, integrity.as_deref(), &src)
        }
    };
    let iframe = embed::iframe_snippet(&viewer_dir, &src, &headline);
    // Opened twice while writing: written once.
    if details.query_selector("textarea").ok().flatten().is_some() {
        return;
    }
    let mut forms = Markup::default();
    let words = article_core::messages::for_lang(&lang);
    embed::embed_forms(&mut forms, &inline, &iframe, words);
    markup::build(&details, &forms);
    copies(&details, words);
}

/// Each form's Copy: its snippet to the clipboard, else selected for the
/// publisher to copy, and saying which.
#[cfg(target_arch = "wasm32")]
fn copies(details: &web_sys::Element, words: &'static article_core::messages::Messages) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let copy = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-action=\"copy\"]").ok().flatten());
        let Some(button) = button else { return };
        let area = button
            .parent_element()
            .and_then(|form| form.query_selector("textarea").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        let Some(area) = area else { return };
        let status = button.next_element_sibling();
        wasm_bindgen_futures::spawn_local(async move {
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let copied = match clipboard {
                Some(c) => JsFuture::from(c.write_text(&area.value())).await.is_ok(),
                None => false,
            };
            if !copied {
                area.select();
            }
            if let Some(status) = status {
                status.set_text_content(Some(if copied {
                    words.copied
                } else {
                    words.copy_by_hand
                }));
            }
        });
    });
    let _ = details.add_event_listener_with_callback("click", copy.as_ref().unchecked_ref());
    // The control lives as long as the page's story: so does its listener.
    copy.forget();
}

/// The viewer's stylesheet, for the snippet: the release build inlines it
/// into `<style data-article-viewer-css>` as the snippet carries it; a
/// debug build links it, and it is fetched (compacted then as the command
/// does, [`ahead::compact_css`]).
#[cfg(target_arch = "wasm32")]
async fn viewer_css() -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let document = web_sys::window()?.document()?;
    if let Some(style) = document
        .query_selector("style[data-article-viewer-css]")
        .ok()
        .flatten()
    {
        return style.text_content();
    }
    let href = document
        .query_selector("link[rel=\"stylesheet\"]")
        .ok()??
        .get_attribute("href")?;
    let url = resolve(&href, &document.url().ok()?, UrlUse::Resource)?;
    let response: web_sys::Response = JsFuture::from(web_sys::window()?.fetch_with_str(&url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The story's JSON, as the page fetched it (from the browser's cache),
/// at most `max_bytes` long.
#[cfg(target_arch = "wasm32")]
async fn story_json(src: &str, max_bytes: f64) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{src} could not be fetched"))
    };
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(src))
        .await
        .and_then(JsCast::dyn_into)
        .map_err(failed)?;
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?
        .as_string()
        .unwrap_or_default();
    if text.len() as f64 > max_bytes {
        return Err(format!("{src} is larger than {max_bytes} bytes"));
    }
    Ok(text)
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
