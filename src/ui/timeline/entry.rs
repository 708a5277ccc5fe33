//! One timeline entry: its time in the reader's zone, its headline, and a
//! link — to its story opened in place, to an outside page, or at least to
//! its own place in the page, so that every entry has a permalink.

use article_core::address::address_for;
use article_core::article::TimelineEntry;
use article_core::live;
use article_core::url_policy::{self, UrlUse};
use leptos::prelude::*;

use crate::browser::{intl, page};
use crate::ui::viewer_context;

/// The moving parts of time: the reader's today and the ticking clock that
/// "5 min ago" follows.
#[derive(Clone, Copy)]
pub struct Clock {
    pub today: Memo<i64>,
    pub now: RwSignal<f64>,
}

#[component]
pub fn Entry(
    entry: TimelineEntry,
    /// The reader's local day of the entry.
    day: Option<i64>,
    /// The article the timeline came with, for relative `article` URLs.
    base: StoredValue<String>,
    clock: Clock,
) -> impl IntoView {
    let context = viewer_context();
    let anchor = entry.anchor();
    // An entry whose time is invalid is shown without one, never with a guess.
    let time = entry.time.map(|t| {
        let ms = t.epoch_millis();
        let Clock { today, now } = clock;
        // Today's entries show the clock time; older ones the date too.
        let text = {
            let t = t.clone();
            move || {
                if day == Some(today.get()) {
                    intl::clock(&t)
                } else {
                    intl::date_clock(&t)
                }
            }
        };
        let ago = move || {
            live::relative(now.get() - ms)
                .and_then(|(v, unit)| intl::relative(v, unit))
                .map(|words| view! { <span class="timeline__ago">{words}</span> })
        };
        view! {
            <time class="timeline__time" datetime=t.as_str().to_owned() title=intl::full(&t)>{text}</time>
            {ago}
        }
    });
    // `dir="auto"`: a headline may be in another script than the page.
    let headline = view! { <span class="timeline__headline" dir="auto">{entry.headline}</span> };
    let article = entry
        .article
        .as_deref()
        .and_then(|a| base.with_value(|b| page::resolve(a, b, UrlUse::Resource)));
    // Its story's address in the viewer, else its outside link, else its
    // own place in the page.
    let href = match &article {
        Some(resolved) => context.viewer_page.with_value(|p| address_for(resolved, p)),
        None => entry
            .url
            .as_deref()
            .and_then(|u| url_policy::allow(u, UrlUse::Link))
            .unwrap_or_else(|| format!("#{anchor}")),
    };
    let open = move |ev: leptos::ev::MouseEvent| {
        // Only a story opens in place, and only on a plain click: the
        // browser handles new-tab and new-window clicks itself.
        let Some(resolved) = &article else {
            return;
        };
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        context.open.run(resolved.clone());
    };
    let link = view! { <a class="timeline__link" href=href on:click=open>{time}{headline}</a> };
    view! { <li class="timeline__entry" id=anchor>{link}</li> }
}
