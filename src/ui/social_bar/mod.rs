//! The "follow us" bar: one link per network of the publisher.

use leptos::prelude::*;

mod icons;

use article_core::article::{Network, SocialBar as SocialBarData};
use article_core::url_policy::{self, UrlUse};

use self::icons::icon_path;
use super::viewer_context;

/// `<nav>` named by the bar's title, with an icon link per network, or
/// inside a publisher's page, whose landmarks are its own, a named group. A
/// link the URL policy refuses is left out: a follow button that goes
/// nowhere helps no one.
#[component]
pub fn SocialBar(bar: SocialBarData) -> impl IntoView {
    let context = viewer_context();
    let messages = context.messages.get_untracked();
    let title = bar.title.unwrap_or_else(|| messages.follow_us.to_owned());
    let links = bar
        .links
        .into_iter()
        .filter_map(|link| {
            let href = url_policy::allow(&link.url, UrlUse::Link)?;
            let name = link.label.unwrap_or_else(|| {
                    let word = match link.network {
                        Network::Email => messages.email,
                        _ => messages.website,
                    };
                    link.network.brand().unwrap_or(word).to_owned()
                });
            let label = format!("{name} {}", messages.opens_in_new_tab);
            Some(view! {
                <li>
                    <a
                        class="social-bar__link"
                        data-network=link.network.key()
                        href=href
                        target="_blank"
                        rel="noopener noreferrer"
                        aria-label=label
                    >
                        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                            <path fill="currentColor" d=icon_path(link.network)></path>
                        </svg>
                        <span class="social-bar__name" dir="auto">{name}</span>
                    </a>
                </li>
            })
        })
        .collect_view();
    let label = title.clone();
    let contents = view! {
        <p class="social-bar__title" aria-hidden="true">{title}</p>
        <ul class="social-bar__links">{links}</ul>
    };
    if context.landmarks {
        view! { <nav class="social-bar" aria-label=label>{contents}</nav> }.into_any()
    } else {
        view! { <div class="social-bar" role="group" aria-label=label>{contents}</div> }.into_any()
    }
}
