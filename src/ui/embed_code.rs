//! The standalone viewer's "Embed" control: the markup that embeds the
//! current article, in both forms, ready to copy.
//!
//! The inline form pins `embed.js` by its hash. The snippet that carries
//! its story is made by `cargo run --bin article-snippet`, rendered by these
//! same components ahead of time: the browser never turns the page's DOM
//! back into HTML.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use article_core::address::page_dir;
use article_core::embed;

use super::messages;
use crate::browser::page;

#[component]
pub fn EmbedCode(
    /// The absolute URL of the article shown.
    src: String,
    headline: String,
) -> impl IntoView {
    let messages = messages();
    let viewer_dir = page_dir(&page::url()).to_owned();
    let iframe = embed::iframe_snippet(&viewer_dir, &src, &headline);
    // The hash of this build's embed.js, which the build writes into the page.
    let integrity = page::meta("article-viewer-embed-integrity");
    let inline = embed::inline_snippet(&viewer_dir, integrity.as_deref(), &src);
    view! {
        <details class="embed-code">
            <summary>{messages.embed}</summary>
            <CodeBox label=messages.embed_inline code=inline />
            <CodeBox label=messages.embed_iframe code=iframe />
        </details>
    }
}

/// A read-only snippet with a Copy button that says when it has copied.
#[component]
fn CodeBox(label: &'static str, code: String) -> impl IntoView {
    let messages = messages();
    let status = RwSignal::new("");
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy = {
        let code = code.clone();
        move |_| {
            let code = code.clone();
            leptos::task::spawn_local(async move {
                let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
                let copied = match clipboard {
                    Some(c) => JsFuture::from(c.write_text(&code)).await.is_ok(),
                    None => false,
                };
                if copied {
                    status.set(messages.copied);
                } else if let Some(area) = area.get_untracked() {
                    // No clipboard access: select it for the reader to copy.
                    area.select();
                    status.set(messages.copy_by_hand);
                }
            });
        }
    };
    view! {
        <div class="embed-code__form">
            <label>
                {label}
                <textarea node_ref=area readonly spellcheck="false" dir="ltr" prop:value=code></textarea>
            </label>
            <button type="button" class="embed-code__copy" on:click=copy>{messages.copy}</button>
            <span class="embed-code__status" role="status">{move || status.get()}</span>
        </div>
    }
}
