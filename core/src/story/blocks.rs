//! Each body block as the element a reader expects; a block type from a
//! later format renders nothing.

use super::media::{figure, gallery, video};
use super::table::table;
use super::third_party::embed;
use super::{Action, Markup, Settings};
use crate::article::{Block, Factbox, Heading, KeyPoints, List, Quote, Related, Span};
use crate::url_policy::UrlUse;

/// Block `index` of the body (its index makes the ids of the headings that
/// name a box unique in the story).
pub(super) fn block(m: &mut Markup, block: &Block, index: usize, settings: &Settings) {
    let words = settings.messages;
    match block {
        Block::Paragraph(p) => {
            m.open("p");
            for s in &p.spans {
                span(m, s, settings);
            }
            m.close();
        }
        Block::Heading(Heading { text }) => {
            m.leaf("h2", "story__subheading", text);
        }
        Block::Quote(quote) => quoted(m, quote, "story__quote"),
        Block::PullQuote(quote) => quoted(m, quote, "story__pullquote"),
        Block::Image(image) => figure(m, image, true, settings),
        Block::List(List { ordered, items }) => list(m, *ordered, items),
        Block::Table(t) => table(m, t, words),
        Block::Gallery(g) => gallery(m, g, settings),
        Block::Embed(e) => embed(m, e, settings),
        Block::Video(v) => video(m, v, settings),
        Block::KeyPoints(KeyPoints { title, items }) => {
            let title = title.as_deref().unwrap_or(words.key_points);
            boxed(m, "div", "story__key-points", title, index);
            list(m, false, items);
            m.close();
        }
        Block::Factbox(Factbox { title, body }) => {
            boxed(m, "aside", "story__factbox", title, index);
            for b in body {
                self::block(m, b, index, settings);
            }
            m.close();
        }
        Block::Related(r) => related(m, r, index, settings),
        Block::Unknown => {}
    }
}

/// A run of text, bold, italic and linked as the span says.
fn span(m: &mut Markup, span: &Span, settings: &Settings) {
    let href = span
        .href
        .as_deref()
        .and_then(|h| (settings.resolve)(h, UrlUse::Link));
    let wraps = [
        (href.is_some(), "a"),
        (span.bold, "strong"),
        (span.italic, "em"),
    ];
    for (on, name) in wraps {
        if on {
            m.open(name);
            if name == "a" {
                m.attr("href", href.clone().unwrap_or_default());
            }
        }
    }
    m.text(span.text.as_str());
    for (on, _) in wraps {
        if on {
            m.close();
        }
    }
}

fn quoted(m: &mut Markup, Quote { text, cite }: &Quote, class: &'static str) {
    m.open("figure").class(class).open("blockquote");
    m.leaf("p", "", text).close();
    if let Some(cite) = cite {
        m.open("figcaption")
            .attr("dir", "auto")
            .text(cite.as_str())
            .close();
    }
    m.close();
}

fn list(m: &mut Markup, ordered: bool, items: &[String]) {
    m.open(if ordered { "ol" } else { "ul" });
    for item in items {
        m.leaf("li", "", item);
    }
    m.close();
}

/// Opens a box set apart from the text, named by its heading.
fn boxed(m: &mut Markup, name: &'static str, class: &'static str, title: &str, index: usize) {
    let id = format!("{class}-{index}");
    m.open(name)
        .class(class)
        .attr("aria-labelledby", id.as_str());
    m.open("h2")
        .class("story__box-title")
        .attr("id", id)
        .text(title)
        .close();
}

/// Related stories: one opened in place, else an outside link, else text.
fn related(m: &mut Markup, r: &Related, index: usize, settings: &Settings) {
    let title = r.title.as_deref().unwrap_or(settings.messages.related);
    boxed(m, "div", "story__related", title, index);
    m.open("ul");
    for link in &r.links {
        m.open("li").attr("dir", "auto");
        let opened = link.article.as_deref().and_then(|a| (settings.open)(a));
        let outside = link
            .url
            .as_deref()
            .and_then(|u| (settings.resolve)(u, UrlUse::Link));
        match (opened, outside) {
            (Some((href, article)), _) => {
                m.open("a")
                    .attr("href", href)
                    .attr("data-action", Action::Open.key())
                    .attr("data-article", article);
            }
            (None, Some(href)) => {
                m.open("a").attr("href", href);
            }
            (None, None) => {
                m.text(link.title.as_str()).close();
                continue;
            }
        }
        m.text(link.title.as_str()).close().close();
    }
    m.close().close();
}
