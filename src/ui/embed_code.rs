//! The standalone viewer's "Embed" control: the markup that embeds the
//! current article, in both forms, ready to copy
//! ([`article_core::embed::embed_code`]).
//!
//! The inline form pins `embed.js` by its hash. The snippet that carries
//! its story is made by `cargo run --bin article-snippet`, rendered by these
//! same components ahead of time: the browser never turns the page's DOM
//! back into HTML.

use article_core::address::page_dir;
use article_core::embed;
use article_core::markup::Markup;
use leptos::prelude::*;

use super::messages;
use crate::browser::page;

#[component]
pub fn EmbedCode(
    /// The absolute URL of the article shown.
    src: String,
    headline: String,
) -> impl IntoView {
    let words = messages();
    let viewer_dir = page_dir(&page::url()).to_owned();
    let iframe = embed::iframe_snippet(&viewer_dir, &src, &headline);
    // The hash of this build's embed.js, which the build writes into the page.
    let integrity = page::meta("article-viewer-embed-integrity");
    let inline = embed::inline_snippet(&viewer_dir, integrity.as_deref(), &src);
    let mut markup = Markup::default();
    embed::embed_code(&mut markup, &inline, &iframe, words);
    built(markup)
}

/// Built from the markup; its Copy buttons behind the one listener of the
/// core's controls (`ui/controls.rs`).
#[cfg(target_arch = "wasm32")]
fn built(markup: Markup) -> impl IntoView {
    use crate::browser::markup::fill;
    let context = super::viewer_context();
    view! {
        <div
            class="embed-code-slot"
            use:fill=std::rc::Rc::new(markup)
            on:click=move |ev| super::controls::clicked(ev, context)
        />
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn built(markup: Markup) -> impl IntoView {
    view! { <div class="embed-code-slot">{super::ahead(&markup)}</div> }
}
