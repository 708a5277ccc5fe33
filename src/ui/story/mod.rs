//! The story: headline, standfirst, byline, times, the lead image, the
//! body's blocks and the corrections, as the core's markup
//! ([`article_core::story`]) says — built with `createElement` and text
//! nodes in the browser, written as HTML ahead of time — and its
//! controls behind one listener (`ui/controls.rs`).
//!
//! Every string is rendered as text; every `href` and `src` goes through the
//! URL policy, and what it refuses shows as plain text (an image as its alt).
//! Blank fields were already made absent by decoding.

use std::sync::Arc;

use article_core::address::address_for;
use article_core::article::Article;
use article_core::story::{self, Markup, Settings};
use article_core::url_policy::UrlUse;
use leptos::prelude::*;

use super::viewer_context;
use crate::browser::{intl, page};

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
            number: &|n| intl::number(n, &article.lang),
            share_url: &share_url,
        },
    );
    built(markup)
}

/// The `<article>`, its content built from `markup` when the element is.
fn built(markup: Markup) -> impl IntoView {
    use crate::browser::markup::fill;
    let context = viewer_context();
    view! {
        <article
            class="story"
            id="story"
            use:fill=std::rc::Rc::new(markup)
            on:click=move |ev| crate::ui::controls::clicked(ev, context)
            on:change=crate::ui::controls::changed
        />
    }
}
