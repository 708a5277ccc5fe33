//! The "follow us" bar: one link per network of the publisher.

use leptos::prelude::*;

use crate::format::{Network, SocialBar as SocialBarData};
use crate::messages::Messages;
use crate::social_icons::icon_path;
use crate::url_policy::{self, UrlUse};

/// `<nav>` named by the bar's title, with an icon link per network. A link
/// the URL policy refuses is left out: a follow button that goes nowhere
/// helps no one.
#[component]
pub fn SocialBar(
    bar: SocialBarData,
    messages: &'static Messages,
    /// A landmark of the page (`<nav>`), or inside a publisher's page, whose
    /// landmarks are its own, a named group.
    #[prop(default = true)]
    landmark: bool,
) -> impl IntoView {
    let title = bar
        .title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| messages.follow_us.to_owned());
    let links = bar
        .links
        .into_iter()
        .filter_map(|link| {
            let href = url_policy::allow(&link.url, UrlUse::Link)?;
            let name = link
                .label
                .filter(|l| !l.trim().is_empty())
                .unwrap_or_else(|| {
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
    if landmark {
        view! { <nav class="social-bar" aria-label=label>{contents}</nav> }.into_any()
    } else {
        view! { <div class="social-bar" role="group" aria-label=label>{contents}</div> }.into_any()
    }
}
