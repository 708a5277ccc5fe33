//! The "follow us" bar, as markup: a `<nav>` named by the bar's title (or,
//! inside a publisher's page, whose landmarks are its own, a named group),
//! with an icon link per network, opening in a new tab. A link the URL
//! policy refuses is left out: a follow button that goes nowhere helps no
//! one.

mod icons;

use self::icons::icon_path;
use crate::article::{Network, SocialBar};
use crate::markup::Markup;
use crate::messages::Messages;
use crate::url_policy::{self, UrlUse};

/// The bar; `landmarks` when the page's landmarks are the viewer's.
pub fn social_bar(m: &mut Markup, bar: &SocialBar, words: &Messages, landmarks: bool) {
    let title = bar.title.as_deref().unwrap_or(words.follow_us);
    if landmarks {
        m.open("nav");
    } else {
        m.open("div").attr("role", "group");
    }
    m.class("social-bar").attr("aria-label", title);
    m.open("p")
        .class("social-bar__title")
        .attr("aria-hidden", "true")
        .text(title)
        .close();
    m.open("ul").class("social-bar__links");
    for link in &bar.links {
        let Some(href) = url_policy::allow(&link.url, UrlUse::Link) else {
            continue;
        };
        let word = match link.network {
            Network::Email => words.email,
            _ => words.website,
        };
        let name = link
            .label
            .as_deref()
            .unwrap_or_else(|| link.network.brand().unwrap_or(word));
        m.open("li").open("a");
        m.class("social-bar__link")
            .attr("data-network", link.network.key())
            .attr("href", href)
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer")
            .attr("aria-label", format!("{name} {}", words.opens_in_new_tab));
        m.open("svg")
            .attr("viewBox", "0 0 24 24")
            .attr("width", "20")
            .attr("height", "20")
            .attr("aria-hidden", "true")
            .attr("focusable", "false");
        m.open("path")
            .attr("fill", "currentColor")
            .attr("d", icon_path(link.network))
            .close()
            .close();
        m.open("span")
            .class("social-bar__name")
            .attr("dir", "auto")
            .text(name)
            .close()
            .close()
            .close();
    }
    m.close().close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::SocialLink;
    use crate::markup::{Element, Node};
    use crate::messages::{AR, EN};

    fn bar(landmarks: bool, words: &'static Messages) -> Element {
        let bar = SocialBar {
            title: None,
            links: vec![
                SocialLink {
                    network: Network::Facebook,
                    url: "https://www.facebook.com/news".into(),
                    label: None,
                },
                SocialLink {
                    network: Network::X,
                    url: "javascript:alert(1)".into(),
                    label: None,
                },
                SocialLink {
                    network: Network::Email,
                    url: "mailto:desk@news.example".into(),
                    label: None,
                },
                SocialLink {
                    network: Network::Other,
                    url: "https://news.example/".into(),
                    label: Some("Newsletter".into()),
                },
            ],
        };
        let mut m = Markup::default();
        social_bar(&mut m, &bar, words, landmarks);
        match m.tree().remove(0) {
            Node::Element(e) => e,
            Node::Text(_) => panic!(),
        }
    }

    #[test]
    fn a_named_nav_of_safe_new_tab_links_with_icons() {
        let nav = bar(true, &EN);
        assert_eq!(
            (nav.name, nav.get("aria-label")),
            ("nav", Some("Follow us"))
        );
        let links: Vec<_> = nav
            .elements()
            .into_iter()
            .filter(|e| e.name == "a")
            .collect();
        let labels: Vec<_> = links.iter().map(|a| a.get("aria-label").unwrap()).collect();
        assert_eq!(
            labels,
            [
                "Facebook (opens in a new tab)",
                "Email (opens in a new tab)",
                "Newsletter (opens in a new tab)"
            ]
        );
        for a in &links {
            assert_eq!(
                (a.get("target"), a.get("rel")),
                (Some("_blank"), Some("noopener noreferrer"))
            );
            let svg = a.elements().into_iter().find(|e| e.name == "svg").unwrap();
            assert_eq!(svg.get("aria-hidden"), Some("true"));
        }
    }

    #[test]
    fn inside_a_publishers_page_it_is_a_group_in_the_storys_language() {
        let group = bar(false, &AR);
        assert_eq!(
            (group.name, group.get("role"), group.get("aria-label")),
            ("div", Some("group"), Some("تابعونا"))
        );
    }
}
