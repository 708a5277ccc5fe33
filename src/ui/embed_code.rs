//! The standalone viewer's "Embed" control: the markup that embeds the
//! current article, in both forms, ready to copy.
//!
//! The inline form is the snippet that carries its story — the same HTML
//! `article-snippet` writes for that story, byte for byte, written by the
//! same function of the core ([`article_core::ahead::snippet`]) from the
//! story in hand, never from the page's DOM. It is written when the reader
//! first opens the control: it is the whole story again.

use std::sync::Arc;

use article_core::address::page_dir;
use article_core::ahead::{self, Place};
use article_core::article::Article;
use article_core::embed;
use article_core::markup::Markup;
use article_core::messages::Messages;
use leptos::prelude::*;

use super::viewer_context;
use crate::browser::markup::fill;
use crate::browser::{markup, page};

#[component]
pub fn EmbedCode(
    /// The absolute URL of the article shown.
    src: String,
    article: Arc<Article>,
) -> impl IntoView {
    let context = viewer_context();
    let mut control = Markup::default();
    embed::embed_code(&mut control, context.messages.get_untracked());
    let story = StoredValue::new((src, article));
    let clicked = move |ev: leptos::ev::MouseEvent| {
        let summary = super::controls::control_of(&ev, article_core::markup::Action::Embed);
        match summary.and_then(|s| s.parent_element()) {
            Some(details) if details.query_selector("textarea").ok().flatten().is_none() => {
                let words = context.messages.get_untracked();
                story.with_value(|(src, article)| {
                    write_forms(details, src.clone(), article.clone(), words)
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

/// Writes both snippets into the control, once the viewer's stylesheet
/// (which the snippet carries) is in hand.
fn write_forms(
    details: web_sys::Element,
    src: String,
    article: Arc<Article>,
    words: &'static Messages,
) {
    leptos::task::spawn_local(async move {
        let Some(css) = page::viewer_css().await else {
            return;
        };
        // Written for the page the command writes for by default: the
        // article's own address.
        let viewer_dir = page_dir(&page::url()).to_owned();
        let integrity = page::meta("article-viewer-embed-integrity");
        let place = Place {
            integrity: integrity.as_deref(),
            page: &src,
            viewer_dir: &viewer_dir,
        };
        let inline = ahead::snippet(&article, &src, &place, &css, &page::resolve)
            .unwrap_or_else(|| embed::inline_snippet(&viewer_dir, place.integrity, &src));
        let iframe = embed::iframe_snippet(&viewer_dir, &src, &article.headline);
        if details.query_selector("textarea").ok().flatten().is_some() {
            return;
        }
        let mut forms = Markup::default();
        embed::embed_forms(&mut forms, &inline, &iframe, words);
        markup::build(&details, &forms);
    });
}
