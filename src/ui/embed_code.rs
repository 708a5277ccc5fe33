//! The standalone viewer's "Embed" control: the markup that embeds the
//! current article, in both forms, ready to copy.
//!
//! The inline form is the snippet that carries its story — the same HTML
//! `article-snippet` writes for that story, byte for byte, written by the
//! same function of the core ([`article_core::ahead::snippet`]) from the
//! story's own JSON, never from the page's DOM. That writer is a module of
//! its own (`writer/`, `article-writer.js` beside the viewer): the control
//! loads it when a publisher first opens it, so readers never download it.

use article_core::address::page_dir;
use article_core::embed;
use article_core::markup::{Action, Markup};
use article_core::messages::Messages;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::viewer_context;
use crate::browser::markup::fill;
use crate::browser::{fetch, markup, modules, page};

#[component]
pub fn EmbedCode(
    /// The absolute URL of the article shown.
    src: String,
    headline: String,
) -> impl IntoView {
    let context = viewer_context();
    let mut control = Markup::default();
    embed::embed_code(&mut control, context.messages.get_untracked());
    let story = StoredValue::new((src, headline));
    let clicked = move |ev: leptos::ev::MouseEvent| {
        let summary = super::controls::control_of(&ev, Action::Embed);
        match summary.and_then(|s| s.parent_element()) {
            Some(details) if details.query_selector("textarea").ok().flatten().is_none() => {
                let words = context.messages.get_untracked();
                let max_bytes = context.config.with_value(|c| c.limits.max_bytes);
                story.with_value(|(src, headline)| {
                    let (src, headline) = (src.clone(), headline.clone());
                    leptos::task::spawn_local(async move {
                        write_forms(&details, &src, &headline, max_bytes, words).await;
                    });
                });
            }
            Some(_) => {}
            None => super::controls::clicked(ev, context),
        }
    };
    view! {
        <div
            class="embed-code-slot"
            use:fill=std::rc::Rc::new(control)
            on:click=clicked
        />
    }
}

/// Writes both snippets into the control. Should the writer not load, the
/// inline form is the short one that names the article, and the console
/// says why.
async fn write_forms(
    details: &web_sys::Element,
    src: &str,
    headline: &str,
    max_bytes: u64,
    words: &'static Messages,
) {
    let viewer_dir = page_dir(&page::url()).to_owned();
    let integrity = page::meta("article-viewer-embed-integrity");
    let inline = match story_snippet(src, &viewer_dir, integrity.as_deref(), max_bytes).await {
        Ok(snippet) => snippet,
        Err(why) => {
            leptos::logging::error!(
                "article viewer: the story's snippet could not be written: {why}"
            );
            embed::inline_snippet(&viewer_dir, integrity.as_deref(), src)
        }
    };
    let iframe = embed::iframe_snippet(&viewer_dir, src, headline);
    if details.query_selector("textarea").ok().flatten().is_some() {
        return;
    }
    let mut forms = Markup::default();
    embed::embed_forms(&mut forms, &inline, &iframe, words);
    markup::build(details, &forms);
}

/// The snippet that carries the story at `src`, from the writer module:
/// written for the page the command writes for by default (the article's
/// own address), with the stylesheet of this page.
async fn story_snippet(
    src: &str,
    viewer_dir: &str,
    integrity: Option<&str>,
    max_bytes: u64,
) -> Result<String, String> {
    let css = page::viewer_css().await.ok_or("no stylesheet")?;
    let response = gloo_net::http::Request::get(src)
        .send()
        .await
        .map_err(fetch::detail)?;
    let json = response.text().await.map_err(fetch::detail)?;
    if json.len() as u64 > max_bytes {
        return Err(format!("{src} is larger than {max_bytes} bytes"));
    }
    let write = writer(viewer_dir).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the writer did not load".to_owned())
    })?;
    let args = js_sys::Array::new();
    for arg in [
        json.into(),
        src.into(),
        src.into(),
        viewer_dir.into(),
        integrity.map_or(JsValue::UNDEFINED, Into::into),
        css.into(),
    ] {
        args.push(&arg);
    }
    write
        .apply(&JsValue::NULL, &args)
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "the writer failed".to_owned())
        })?
        .as_string()
        .ok_or_else(|| "the writer gave no snippet".to_owned())
}

/// The writer module's `writeSnippet`, loaded once.
async fn writer(viewer_dir: &str) -> Result<js_sys::Function, JsValue> {
    modules::export(
        viewer_dir,
        "article-writer",
        "articleViewerWriter",
        "writeSnippet",
    )
    .await
}
