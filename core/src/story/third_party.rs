//! Content from a third party (a video, a post, a track) behind a click:
//! until the reader presses "Load content from YouTube", nothing is
//! requested from the provider — the placeholder says whose content it is,
//! that the provider may use cookies, and links to it. The player is then
//! built from the id in the block's `url` ([`crate::players`]), never from
//! the `url` itself. A reader may choose to always load a provider's
//! content on this device; the same checkbox undoes it.

use super::{Action, Markup, Settings};
use crate::article::Embed;
use crate::players::{self, Player, Shape};
use crate::url_policy::UrlUse;

pub(super) fn embed(m: &mut Markup, e: &Embed, settings: &Settings) {
    let words = settings.messages;
    let link = (settings.resolve)(&e.url, UrlUse::Link);
    let player = players::player(e.provider, &e.url);
    m.open("figure").class("story__embed");
    let (Some(brand), Some(href), Some(player)) = (e.provider.brand(), link.clone(), player) else {
        // A provider or an address the viewer can't load: a link to it,
        // or just its title.
        m.open("p").class("story__embed-title").attr("dir", "auto");
        if let Some(href) = link {
            m.open("a")
                .attr("href", href)
                .text(e.title.as_str())
                .close();
        } else {
            m.text(e.title.as_str());
        }
        m.close();
        caption(m, &e.caption);
        m.close();
        return;
    };
    let named = |text: &str| text.replace("{provider}", brand);
    m.attr("data-provider", e.provider.key())
        .attr("data-url", e.url.as_str())
        .attr("data-title", e.title.as_str());
    m.open("p")
        .class("story__embed-title")
        .attr("dir", "auto")
        .text(e.title.as_str())
        .close();
    let always = (settings.always)(e.provider);
    if always {
        player_frame(m, &e.title, &player);
    } else {
        // The placeholder: whose content it is, and the button that loads it.
        m.open("div").class("story__consent");
        let thumbnail = e
            .thumbnail
            .as_deref()
            .filter(|_| !settings.low_data)
            .and_then(|t| (settings.resolve)(t, UrlUse::Resource));
        if let Some(src) = thumbnail {
            m.open("img")
                .class("story__embed-thumbnail")
                .attr("src", src)
                .attr("alt", "")
                .attr("loading", "lazy")
                .attr("decoding", "async")
                .close();
        }
        m.leaf("p", "story__embed-notice", &named(words.embed_notice));
        m.open("button")
            .attr("type", "button")
            .class("story__load")
            .attr("data-action", Action::Load.key())
            .text(named(words.load_embed))
            .close()
            .close();
    }
    caption(m, &e.caption);
    m.open("p").class("story__embed-tools");
    m.open("a")
        .class("story__embed-link")
        .attr("href", href)
        .text(named(words.open_at))
        .close()
        .text(" ");
    m.open("label")
        .class("story__always")
        .open("input")
        .attr("type", "checkbox")
        .attr("data-action", Action::Always.key());
    if always {
        m.attr("checked", "");
    }
    m.close()
        .text(" ")
        .text(named(words.always_load))
        .close()
        .close()
        .close();
}

fn caption(m: &mut Markup, caption: &Option<String>) {
    if let Some(caption) = caption {
        m.open("figcaption")
            .attr("dir", "auto")
            .text(caption.as_str())
            .close();
    }
}

/// The provider's player in a frame with its box reserved: scripts for the
/// player, nothing else it doesn't need.
pub fn player_frame(m: &mut Markup, title: &str, player: &Player) {
    m.open("div").class(match player.shape {
        Shape::Wide => "story__player story__player--wide",
        Shape::Tall => "story__player story__player--tall",
        Shape::Post => "story__player story__player--post",
        Shape::Audio => "story__player story__player--audio",
        Shape::List => "story__player story__player--list",
    });
    m.open("iframe")
        .attr("src", player.src.as_str())
        .attr("title", title)
        .attr(
            "sandbox",
            "allow-scripts allow-same-origin allow-popups allow-presentation",
        )
        .attr("referrerpolicy", "strict-origin-when-cross-origin")
        .attr("allow", "fullscreen; picture-in-picture")
        .attr("allowfullscreen", "")
        .close()
        .close();
}
