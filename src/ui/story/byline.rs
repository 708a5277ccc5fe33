//! "By A, B & C", each name a link when it has a safe `url`.

use article_core::article::Author;
use article_core::url_policy::{self, UrlUse};
use leptos::prelude::*;

use crate::ui::messages;

#[component]
pub fn Byline(authors: Vec<Author>) -> impl IntoView {
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
    Some(view! { <p class="story__byline">{messages().by} " " {names}</p> })
}
