//! The story: headline, standfirst, byline, times and the body's blocks.
//!
//! Every string is rendered as text; every `href` and `src` goes through the
//! URL policy, and what it refuses shows as plain text (an image as its alt).

use leptos::prelude::*;

use crate::format::{Article, Author, Block, Image, Span};
use crate::intl::{self, long_date_time};
use crate::messages::Messages;
use crate::share::ShareButton;
use crate::time::Timestamp;
use crate::url_policy::{self, UrlUse};

#[component]
pub fn Story(
    article: Article,
    messages: &'static Messages,
    /// The address that shows this story, for the Share button.
    share_url: String,
) -> impl IntoView {
    let lang = article.lang.clone();
    let reading_time = messages.reading_time(&intl::number(article.reading_minutes(), &lang));
    let title = article.headline.clone();
    let section = article.section.filter(|s| !s.trim().is_empty());
    let standfirst = article.standfirst.filter(|s| !s.trim().is_empty());
    let blocks = article
        .body
        .into_iter()
        .map(|block| view! { <BodyBlock block=block /> })
        .collect_view();
    view! {
        <article class="story" id="story">
            <header class="story__header">
                {section.map(|s| view! { <p class="story__section">{s}</p> })}
                // tabindex lets in-app navigation move focus to the new headline.
                <h1 class="story__headline" tabindex="-1">{article.headline}</h1>
                {standfirst.map(|s| view! { <p class="story__standfirst">{s}</p> })}
                <Byline authors=article.byline messages=messages />
                <Dateline
                    published=article.published
                    updated=article.updated
                    messages=messages
                />
                <p class="story__tools">
                    <span class="story__reading-time">{reading_time}</span>
                    <ShareButton url=share_url title=title messages=messages />
                </p>
            </header>
            {article.image.map(|image| view! { <Figure image=image /> })}
            <div class="story__body">{blocks}</div>
        </article>
    }
}

/// "By A, B and C", each name a link when it has a safe `url`.
#[component]
fn Byline(authors: Vec<Author>, messages: &'static Messages) -> impl IntoView {
    let authors: Vec<Author> = authors
        .into_iter()
        .filter(|a| !a.name.trim().is_empty())
        .collect();
    if authors.is_empty() {
        return None;
    }
    let count = authors.len();
    let names = authors
        .into_iter()
        .enumerate()
        .map(|(i, author)| {
            let separator = match i {
                0 => "",
                _ if i + 1 == count => " & ",
                _ => ", ",
            };
            let href = author
                .url
                .as_deref()
                .and_then(|u| url_policy::allow(u, UrlUse::Link));
            let name = match href {
                Some(href) => {
                    view! { <a rel="author" href=href dir="auto">{author.name}</a> }.into_any()
                }
                None => view! { <span dir="auto">{author.name}</span> }.into_any(),
            };
            view! { {separator} {name} }
        })
        .collect_view();
    Some(view! { <p class="story__byline">{messages.by} " " {names}</p> })
}

/// When the story was published and, if later, updated. A time the
/// document got wrong is left out rather than guessed.
#[component]
fn Dateline(
    published: Option<Timestamp>,
    updated: Option<Timestamp>,
    messages: &'static Messages,
) -> impl IntoView {
    let updated = updated.filter(|u| {
        published
            .as_ref()
            .is_none_or(|p| u.epoch_seconds() > p.epoch_seconds())
    });
    // In the reader's zone; the tooltip names the zone.
    let stamp = move |label: &'static str, class: &'static str, t: Timestamp| {
        view! {
            <span class=class>
                {label} " " <time datetime=t.as_str().to_owned() title=intl::full(&t)>{long_date_time(&t)}</time>
            </span>
        }
    };
    let published = published.map(|p| stamp(messages.published, "story__published", p));
    let updated = updated.map(|u| stamp(messages.updated, "story__updated", u));
    (published.is_some() || updated.is_some())
        .then(|| view! { <p class="story__dateline">{published} {updated}</p> })
}

#[component]
fn BodyBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph(p) => {
            let spans = p
                .spans
                .into_iter()
                .map(|s| view! { <Text span=s /> })
                .collect_view();
            view! { <p>{spans}</p> }.into_any()
        }
        Block::Heading { text } => view! { <h2 class="story__subheading">{text}</h2> }.into_any(),
        Block::Quote { text, cite } => view! {
            <figure class="story__quote">
                <blockquote><p>{text}</p></blockquote>
                {cite.filter(|c| !c.trim().is_empty())
                    .map(|c| view! { <figcaption dir="auto">{c}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::Image(image) => view! { <Figure image=image /> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|i| view! { <li>{i}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Unknown => ().into_any(),
    }
}

/// A run of text, bold, italic and linked as the span says.
#[component]
fn Text(span: Span) -> impl IntoView {
    let Span {
        text,
        href,
        bold,
        italic,
    } = span;
    let mut inner = view! { {text} }.into_any();
    if italic {
        inner = view! { <em>{inner}</em> }.into_any();
    }
    if bold {
        inner = view! { <strong>{inner}</strong> }.into_any();
    }
    match href
        .as_deref()
        .and_then(|h| url_policy::allow(h, UrlUse::Link))
    {
        Some(href) => view! { <a href=href>{inner}</a> }.into_any(),
        None => inner,
    }
}

/// An image with its width and height reserved, so nothing below it jumps
/// when it arrives. A refused `src` shows the alt text instead.
#[component]
fn Figure(image: Image) -> impl IntoView {
    let Image {
        src,
        alt,
        caption,
        credit,
        width,
        height,
    } = image;
    let picture = match url_policy::allow(&src, UrlUse::Resource) {
        Some(src) => view! {
            <img
                src=src
                alt=alt
                width=width.map(|w| w.to_string())
                height=height.map(|h| h.to_string())
                loading="lazy"
                decoding="async"
            />
        }
        .into_any(),
        None => view! { <p class="story__missing-image">{alt}</p> }.into_any(),
    };
    let caption = caption.filter(|c| !c.trim().is_empty());
    let credit = credit.filter(|c| !c.trim().is_empty());
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class="story__figure">
            {picture}
            {has_caption.then(|| view! {
                <figcaption dir="auto">
                    {caption}
                    {credit.map(|c| view! { " " <span class="story__credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
