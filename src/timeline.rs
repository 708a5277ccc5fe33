//! The headline timeline: recent headlines with their times, newest first.

use leptos::prelude::*;

use crate::format::{Timeline as TimelineData, TimelineEntry};
use crate::intl;
use crate::messages::Messages;
use crate::navigation;
use crate::url_policy::{self, UrlUse};

/// `<section>` named by its title, with an `<ol>` of entries. An entry with
/// `article` opens that story inside the viewer through `on_open` (given the
/// article's absolute URL); one with `url` is an ordinary outside link.
#[component]
pub fn Timeline(
    timeline: TimelineData,
    /// The absolute URL of the article this timeline came with: relative
    /// `article` URLs are resolved against it.
    base: String,
    /// The page whose `?src=` opens an article: what an entry's address is,
    /// for opening it in a new tab or sharing it.
    viewer_page: String,
    messages: &'static Messages,
    /// The language times are written in.
    lang: String,
    on_open: Callback<String>,
    /// A named region of the page, or inside a publisher's page, whose
    /// landmarks are its own, a plain section under its heading.
    #[prop(default = true)]
    landmark: bool,
) -> impl IntoView {
    let title = timeline
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| messages.latest.to_owned());
    let entries = timeline
        .newest_first()
        .into_iter()
        .enumerate()
        .map(|(i, entry)| entry_view(entry, i, &base, &viewer_page, &lang, on_open))
        .collect_view();
    let label = landmark.then(|| title.clone());
    view! {
        <section class="timeline" aria-label=label>
            <h2 class="timeline__title">{title}</h2>
            <ol class="timeline__entries">{entries}</ol>
        </section>
    }
}

fn entry_view(
    entry: &TimelineEntry,
    index: usize,
    base: &str,
    page: &str,
    lang: &str,
    on_open: Callback<String>,
) -> impl IntoView {
    // Every entry has a permalink: its story's address, its outside link, or
    // at least its own place in the page.
    let anchor = entry_anchor(entry.id.as_deref(), index);
    // An entry whose time is invalid is shown without one, never with a guess.
    let time = entry.time.as_ref().map(|t| {
        view! {
            <time class="timeline__time" datetime=t.as_str().to_owned()>{intl::clock(t, lang)}</time>
        }
    });
    // `dir="auto"`: a headline may be in another script than the page.
    let headline =
        view! { <span class="timeline__headline" dir="auto">{entry.headline.clone()}</span> };
    let article = entry
        .article
        .as_deref()
        .and_then(|a| navigation::resolve(a, base, UrlUse::Resource));
    let link = match (
        article,
        entry
            .url
            .as_deref()
            .and_then(|u| url_policy::allow(u, UrlUse::Link)),
    ) {
        (Some(resolved), _) => {
            let href = navigation::address_for(&resolved, page);
            let open = move |ev: leptos::ev::MouseEvent| {
                // Let the browser handle new-tab and new-window clicks itself.
                if ev.button() != 0
                    || ev.ctrl_key()
                    || ev.meta_key()
                    || ev.shift_key()
                    || ev.alt_key()
                {
                    return;
                }
                ev.prevent_default();
                on_open.run(resolved.clone());
            };
            view! { <a class="timeline__link" href=href on:click=open>{time}{headline}</a> }
                .into_any()
        }
        (None, Some(url)) => {
            view! { <a class="timeline__link" href=url>{time}{headline}</a> }.into_any()
        }
        (None, None) => {
            let href = format!("#{anchor}");
            view! { <a class="timeline__link" href=href>{time}{headline}</a> }.into_any()
        }
    };
    view! { <li class="timeline__entry" id=anchor>{link}</li> }
}

/// An element id for an entry: from its `id` (letters, digits, `-`, `_`
/// only), else from its place in the list.
pub fn entry_anchor(id: Option<&str>, index: usize) -> String {
    let clean: String = id
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(64)
        .collect();
    if clean.is_empty() {
        format!("entry-{}", index + 1)
    } else {
        format!("entry-{clean}")
    }
}
