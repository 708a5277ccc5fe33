//! The standalone viewer's "Embed" control: the markup that embeds the
//! current article, in both forms, ready to copy.
//!
//! The inline form is the snippet that carries its story — the same HTML
//! `article-snippet` writes for that story, byte for byte, written by the
//! same function of the core ([`article_core::ahead::snippet`]) from the
//! story's own JSON, never from the page's DOM. That writer, and the forms
//! around both snippets, are a module of their own (`writer/`,
//! `article-writer.js` beside the viewer): the control loads it when a
//! publisher first opens it, so readers never download it.

use article_core::address::page_dir;
use article_core::embed;
use article_core::markup::{Action, Markup};
use article_core::messages::Messages;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::viewer_context;
use crate::browser::markup::fill;
use crate::browser::{markup, modules, page};

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

/// Has the writer module write both snippets into the control; should it
/// not load, the control says so, and the console why.
async fn write_forms(
    details: &web_sys::Element,
    src: &str,
    headline: &str,
    max_bytes: u64,
    words: &'static Messages,
) {
    let viewer_dir = page_dir(&page::url()).to_owned();
    let integrity = page::meta("article-viewer-embed-integrity");
    let written = async {
        let write = modules::export(&viewer_dir, "article-writer", "writeEmbedForms").await?;
        let args = js_sys::Array::new();
        for arg in [
            JsValue::from(details),
            src.into(),
            headline.into(),
            viewer_dir.as_str().into(),
            integrity.map_or(JsValue::UNDEFINED, Into::into),
            words.lang.into(),
            (max_bytes as f64).into(),
        ] {
            args.push(&arg);
        }
        let done = write.apply(&JsValue::NULL, &args)?;
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(done)).await
    };
    if let Err(why) = written.await {
        leptos::logging::error!("article viewer: the embed code could not be written: {why:?}");
        let mut m = Markup::default();
        m.leaf("p", "embed-code__status", words.embed_failed);
        markup::build(details, &m);
    }
}
