//! The body's blocks, each as the HTML element a reader expects; a block
//! type from a later format renders nothing.

use article_core::article::{Block, Heading, List, Quote, Span};
use article_core::url_policy::{self, UrlUse};
use leptos::prelude::*;

use super::figure::Figure;

#[component]
pub fn BodyBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph(p) => {
            let spans = p
                .spans
                .into_iter()
                .map(|s| view! { <Text span=s /> })
                .collect_view();
            view! { <p>{spans}</p> }.into_any()
        }
        Block::Heading(Heading { text }) => {
            view! { <h2 class="story__subheading">{text}</h2> }.into_any()
        }
        Block::Quote(Quote { text, cite }) => view! {
            <figure class="story__quote">
                <blockquote><p>{text}</p></blockquote>
                {cite.map(|c| view! { <figcaption dir="auto">{c}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::Image(image) => view! { <Figure image=image /> }.into_any(),
        Block::List(List { ordered, items }) => {
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
