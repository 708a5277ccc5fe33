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

#[cfg(target_arch = "wasm32")]
fn built(markup: Markup) -> impl IntoView {
    use crate::browser::markup::fill;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let words = messages();
    // Copy: to the clipboard, else selected for the reader to copy, and
    // saying which.
    let copy = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-action=\"copy\"]").ok().flatten())
        else {
            return;
        };
        let form = button.parent_element();
        let area = form
            .as_ref()
            .and_then(|f| f.query_selector("textarea").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        let status = button.next_element_sibling();
        let Some(area) = area else { return };
        leptos::task::spawn_local(async move {
            let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
            let copied = match clipboard {
                Some(c) => JsFuture::from(c.write_text(&area.value())).await.is_ok(),
                None => false,
            };
            if !copied {
                // No clipboard access: select it for the reader to copy.
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
    };
    view! { <div class="embed-code-slot" use:fill=std::rc::Rc::new(markup) on:click=copy /> }
}

#[cfg(not(target_arch = "wasm32"))]
fn built(markup: Markup) -> impl IntoView {
    view! { <div class="embed-code-slot" inner_html=markup.html() /> }
}
