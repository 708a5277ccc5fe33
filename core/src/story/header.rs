//! The story's header: section, headline, standfirst, byline ("By A, B &
//! C", each name a link when it has a safe `url`), when it was published
//! and updated (a time the document got wrong is left out rather than
//! guessed), reading time and the Share button.

use super::{Action, Markup, Settings};
use crate::article::Article;
use crate::messages::Messages;
use crate::time::Timestamp;
use crate::url_policy::UrlUse;

pub(super) fn header(m: &mut Markup, article: &Article, settings: &Settings) {
    let words = settings.messages;
    m.open("header").class("story__header");
    if let Some(section) = &article.section {
        m.leaf("p", "story__section", section);
    }
    #[cfg(feature = "live-blog")]
    if let Some(blog) = &article.live_blog {
        super::live_blog::label(m, blog, settings);
    }
    // tabindex lets in-app navigation move focus to the new headline.
    m.open("h1")
        .class("story__headline")
        .attr("tabindex", "-1")
        .text(article.headline.as_str())
        .close();
    if let Some(standfirst) = &article.standfirst {
        m.leaf("p", "story__standfirst", standfirst);
    }
    #[cfg(feature = "live-blog")]
    if let Some(blog) = &article.live_blog {
        super::live_blog::key_events(m, blog, settings);
    }
    let count = article.byline.len();
    if count > 0 {
        m.open("p").class("story__byline").text(words.by).text(" ");
        for (i, author) in article.byline.iter().enumerate() {
            match i {
                0 => {}
                _ if i + 1 == count => {
                    m.text(" & ");
                }
                _ => {
                    m.text(", ");
                }
            }
            match author
                .url
                .as_deref()
                .and_then(|u| (settings.resolve)(u, UrlUse::Link))
            {
                Some(href) => m.open("a").attr("rel", "author").attr("href", href),
                None => m.open("span"),
            };
            m.attr("dir", "auto").text(author.name.as_str()).close();
        }
        m.close();
    }
    dateline(m, article, settings);
    let reading = words.reading_time(&(settings.number)(article.reading_minutes()));
    m.open("p").class("story__tools");
    m.leaf("span", "story__reading-time", &reading).text(" ");
    share(m, settings.share_url, words);
    m.close().close();
}

/// The Share button for `url`, and the status that says the link was copied
/// (the story's, and each live blog update's).
pub(super) fn share(m: &mut Markup, url: &str, words: &Messages) {
    m.open("span")
        .class("share")
        .open("button")
        .attr("type", "button")
        .class("share__button")
        .attr("data-action", Action::Share.key())
        .attr("data-url", url)
        .text(words.share)
        .close();
    m.open("span")
        .class("share__status")
        .attr("role", "status")
        .close()
        .close();
}

/// Published and, if later, updated, in the reader's zone; the tooltip
/// names the zone.
fn dateline(m: &mut Markup, article: &Article, settings: &Settings) {
    let published = article.published.as_ref();
    let updated = article
        .updated
        .as_ref()
        .filter(|u| published.is_none_or(|p| u.epoch_seconds() > p.epoch_seconds()));
    if published.is_none() && updated.is_none() {
        return;
    }
    m.open("p").class("story__dateline");
    let stamp = |m: &mut Markup, label: &str, class: &'static str, t: &Timestamp| {
        m.open("span").class(class).text(label).text(" ");
        m.open("time")
            .attr("datetime", t.as_str())
            .attr("title", (settings.full)(t))
            .text((settings.time)(t))
            .close()
            .close();
    };
    if let Some(p) = published {
        stamp(m, settings.messages.published, "story__published", p);
    }
    if let Some(u) = updated {
        if published.is_some() {
            m.text(" ");
        }
        stamp(m, settings.messages.updated, "story__updated", u);
    }
    m.close();
}
