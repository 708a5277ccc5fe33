//! The story: headline, standfirst, byline, times, the lead image, the
//! body's blocks and the corrections, as the core's markup
//! ([`article_core::story`]) says — built with `createElement` and text
//! nodes in the browser, written as HTML ahead of time — and its controls
//! behind one listener (`ui/controls.rs`).
//!
//! A live blog's label, key events and updates are the live module's
//! (`live/`, loaded only for a live blog): once the story is built, it is
//! handed the story's element and its document, and adds them.
//!
//! Every string is rendered as text; every `href` and `src` goes through the
//! URL policy, and what it refuses shows as plain text (an image as its alt).
//! Blank fields were already made absent by decoding.

use std::sync::Arc;

use article_core::address::address_for;
use article_core::article::Article;
use article_core::story::{self, LiveView, Settings};
use article_core::url_policy::UrlUse;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{viewer_context, ViewerContext};
use crate::browser::{intl, markup, modules, page};

#[component]
pub fn Story(
    #[prop(into)] article: Arc<Article>,
    /// The address that shows this story, for the Share button.
    share_url: String,
    /// The story's own URL as written, for its related stories' `article`.
    base: String,
) -> impl IntoView {
    let context = viewer_context();
    // A related story opens in place, as a timeline entry does.
    let open = |raw: &str| {
        let resolved = page::resolve(raw, &base, UrlUse::Resource)?;
        let href = context
            .viewer_page
            .with_value(|p| address_for(&resolved, p));
        Some((href, resolved))
    };
    let markup = story::story(
        &article,
        &Settings {
            messages: context.messages.get_untracked(),
            low_data: context.low_data,
            always: &|p| page::always_loads(p.key()),
            resolve: &|raw, url_use| page::resolve(raw, &base, url_use),
            open: &open,
            time: &intl::long_date_time,
            full: &intl::full,
            // A live blog's, written by the live module.
            clock: &intl::clock,
            ago: &|_| None,
            live_blog: LiveView::AHEAD,
            number: &|n| intl::number(n, &article.lang),
            share_url: &share_url,
        },
    );
    // The live blog, once the live module has it: stopped with the story.
    let live = StoredValue::new_local(None::<JsValue>);
    on_cleanup(move || {
        if let Some(blog) = live.try_get_value().flatten() {
            call(&blog, "stop");
        }
    });
    let fill = move |element: web_sys::Element| {
        element.set_text_content(None);
        markup::build(&element, &markup);
        if let Some((text, source)) = article.live_text.clone() {
            let options = live_options(context, &base, &share_url, source.as_deref());
            context.live_pending.set(true);
            leptos::task::spawn_local(async move {
                let mounted = mount_live(&element, &text, &options).await;
                context.live_pending.try_set(false);
                match mounted {
                    // Gone already (the reader moved on): stopped at once.
                    Ok(blog) if live.try_set_value(Some(blog.clone())).is_some() => {
                        call(&blog, "stop")
                    }
                    Ok(_) => {}
                    // The story stays; the reader hears why its updates do not show.
                    Err(e) => {
                        leptos::logging::warn!("the live blog did not load: {e:?}");
                        let mut m = story::Markup::default();
                        m.open("p")
                            .class("live-blog__failed")
                            .attr("role", "status")
                            .text(context.messages.get_untracked().live_failed)
                            .close();
                        markup::build(&element, &m);
                    }
                }
            });
        }
    };
    view! {
        <article
            class="story"
            id="story"
            use:fill
            on:click=move |ev| crate::ui::controls::clicked(ev, context)
            on:change=crate::ui::controls::changed
        />
    }
}

/// What the live module needs to know of the reader and the page: its
/// `source` is the one the viewer allows, resolved, or none.
fn live_options(
    context: ViewerContext,
    base: &str,
    share: &str,
    source: Option<&str>,
) -> js_sys::Object {
    let options = js_sys::Object::new();
    let source = source.and_then(|raw| {
        let allowed = context.config.with_value(|c| page::fetchable(c, raw, base));
        if allowed.is_none() {
            leptos::logging::warn!("live blog source refused: {raw}");
        }
        allowed
    });
    let host = context.host.with_value(|h| h.clone());
    for (key, value) in [
        ("lang", JsValue::from(context.lang.get_untracked())),
        ("base", base.into()),
        ("share", share.into()),
        ("viewerPage", context.viewer_page.get_value().into()),
        ("lowData", context.low_data.into()),
        ("ownsDocument", context.owns_document.into()),
        ("source", source.map_or(JsValue::NULL, Into::into)),
        ("host", host.map_or(JsValue::NULL, Into::into)),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value);
    }
    options
}

/// The live module's `mountLiveBlog` on the story built in `story`: the
/// live blog, once its updates show.
async fn mount_live(
    story: &web_sys::Element,
    text: &str,
    options: &js_sys::Object,
) -> Result<JsValue, JsValue> {
    let mount = modules::export(&page::viewer_dir(), "article-live", "mountLiveBlog").await?;
    let mounted = mount.call3(&JsValue::NULL, story, &text.into(), options)?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(mounted)).await
}

/// Calls `object.name()`, if it has it.
fn call(object: &JsValue, name: &str) {
    if let Ok(f) = js_sys::Reflect::get(object, &name.into()) {
        if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
            let _ = f.call0(object);
        }
    }
}
