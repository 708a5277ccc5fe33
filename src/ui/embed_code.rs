//! The standalone viewer's "Embed" control: the markup that embeds the
//! current article, in both forms, ready to copy.
//!
//! The inline form carries the story itself (see
//! [`article_core::embed::story_snippet`]): when the control opens, the
//! story on screen — the viewer's own rendering, built from text nodes,
//! never from parsed HTML — is copied into the snippet
//! ([`page::story_markup`]), with times as this reader sees them; the
//! viewer rewrites them for each reader when it takes over. `cargo run
//! --bin article-snippet` makes the same snippet without a browser.

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
    let inline_area = NodeRef::<leptos::html::Textarea>::new();
    // Opening the control puts the story on screen into the inline snippet.
    let with_story = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        if let (Some((css, shadow, light)), Some(area)) = (
            open.then(page::story_markup).flatten(),
            inline_area.get_untracked(),
        ) {
            area.set_value(&embed::story_snippet(
                &viewer_dir,
                integrity.as_deref(),
                &src,
                &css,
                &shadow,
                &light,
            ));
        }
    };
    view! {
        <details class="embed-code" on:toggle=with_story>
            <summary>{messages.embed}</summary>
            <CodeBox label=messages.embed_inline code=inline area=inline_area />
            <CodeBox label=messages.embed_iframe code=iframe />
        </details>
    }
}

/// A read-only snippet with a Copy button that says when it has copied.
#[component]
fn CodeBox(
    label: &'static str,
    code: String,
    #[prop(optional)] area: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let messages = messages();
    let status = RwSignal::new("");
    let copy = {
        move |_| {
            // What the box holds now.
            let Some(code) = area.get_untracked().map(|a| a.value()) else {
                return;
            };
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
