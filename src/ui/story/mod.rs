//! The story: headline, standfirst, byline, times and the body's blocks.
//!
//! Every string is rendered as text; every `href` and `src` goes through the
//! URL policy, and what it refuses shows as plain text (an image as its alt).
//! Blank fields were already made absent by decoding.

mod blocks;
mod byline;
mod dateline;
mod figure;
mod share;

use std::sync::Arc;

use article_core::article::Article;
use leptos::prelude::*;

use self::blocks::BodyBlock;
use self::byline::Byline;
use self::dateline::Dateline;
use self::figure::Figure;
use self::share::ShareButton;
use super::messages;
use crate::browser::intl;

#[component]
pub fn Story(
    #[prop(into)] article: Arc<Article>,
    /// The address that shows this story, for the Share button.
    share_url: String,
) -> impl IntoView {
    let m = messages();
    let reading_time = m.reading_time(&intl::number(article.reading_minutes(), &article.lang));
    let blocks = article
        .body
        .iter()
        .map(|block| view! { <BodyBlock block=block.clone() /> })
        .collect_view();
    view! {
        <article class="story" id="story">
            <header class="story__header">
                {article.section.clone().map(|s| view! { <p class="story__section">{s}</p> })}
                // tabindex lets in-app navigation move focus to the new headline.
                <h1 class="story__headline" tabindex="-1">{article.headline.clone()}</h1>
                {article.standfirst.clone().map(|s| view! { <p class="story__standfirst">{s}</p> })}
                <Byline authors=article.byline.clone() />
                <Dateline published=article.published.clone() updated=article.updated.clone() />
                <p class="story__tools">
                    <span class="story__reading-time">{reading_time}</span>
                    <ShareButton url=share_url title=article.headline.clone() />
                </p>
            </header>
            {article.image.clone().map(|image| view! { <Figure image=image /> })}
            <div class="story__body">{blocks}</div>
        </article>
    }
}
