//! A live blog's parts of the story: the **Live** / **Ended** label by the
//! headline, the key events under the standfirst, and after the body the
//! updates — the pinned one first, then the others newest first (or
//! oldest first, as the reader chose), with "Since your last visit"
//! between the updates new to this device and those already seen. Each
//! update is an `<article id="update-<id>">` with its time, headline,
//! author, body and its own Share.
//!
//! Ahead of time every update is written; the browser writes the first
//! [`LiveView::first`] rows with the story and the rest in slices after
//! it ([`arrange`], [`row`]), so that a blog of thousands of updates opens
//! without a long task.

pub use super::LiveView;
use super::{blocks, Action, Markup, Settings};
use crate::article::{Block, LiveBlog, LiveStatus, Update};
use crate::messages::live_blog as blog_words;

/// A row of the stream after the pinned updates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row<'a> {
    /// An update, with its position in the blog as written (which makes
    /// the ids inside it unique).
    Update(usize, &'a Update),
    /// The marker between the updates new to this device and those seen.
    SinceYourLastVisit,
}

/// The pinned updates, newest first, and the stream of the others in the
/// reader's order with the marker where the updates already seen begin: it
/// shows only when both sides have an update.
pub fn arrange<'a>(blog: &'a LiveBlog, view: &LiveView) -> (Vec<Row<'a>>, Vec<Row<'a>>) {
    let mut all: Vec<(usize, &Update)> = blog.updates.iter().enumerate().collect();
    // Newest first; equal times as written.
    all.sort_by_cached_key(|(_, u)| std::cmp::Reverse(u.time.epoch_seconds()));
    let (pinned, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|(_, u)| u.pinned);
    let mut stream: Vec<Row> = rest.iter().map(|&(i, u)| Row::Update(i, u)).collect();
    if let Some(seen) = view.seen {
        let new = rest
            .iter()
            .take_while(|(_, u)| u.time.epoch_seconds() > seen)
            .count();
        if new > 0 && new < rest.len() {
            stream.insert(new, Row::SinceYourLastVisit);
        }
    }
    if view.oldest_first {
        stream.reverse();
    }
    let pinned = pinned.into_iter().map(|(i, u)| Row::Update(i, u)).collect();
    (pinned, stream)
}

/// The newest update's time, in epoch seconds: what this visit has seen.
pub fn newest(blog: &LiveBlog) -> Option<i64> {
    blog.updates.iter().map(|u| u.time.epoch_seconds()).max()
}

/// **Live**, or **Ended** with when coverage ended, by the headline.
pub fn label(m: &mut Markup, blog: &LiveBlog, s: &Settings) {
    let words = blog_words::for_lang(s.messages.lang);
    m.open("p").class("live-blog__status");
    match blog.status {
        LiveStatus::Live => {
            m.leaf(
                "span",
                "live-blog__label live-blog__label--live",
                words.live,
            );
        }
        LiveStatus::Ended => {
            m.leaf("span", "live-blog__label", words.ended);
            if let Some(end) = &blog.coverage_end {
                m.text(" ");
                m.open("time")
                    .attr("datetime", end.as_str())
                    .attr("title", (s.full)(end))
                    .text((s.time)(end))
                    .close();
            }
        }
    }
    m.close();
}

/// The key events, each a link to its update, newest first.
pub fn key_events(m: &mut Markup, blog: &LiveBlog, s: &Settings) {
    let mut keys: Vec<&Update> = blog.updates.iter().filter(|u| u.key).collect();
    if keys.is_empty() {
        return;
    }
    // Newest first, as the stream reads by default.
    keys.sort_by_cached_key(|u| std::cmp::Reverse(u.time.epoch_seconds()));
    m.open("div")
        .class("live-blog__key-events")
        .attr("role", "group")
        .attr("aria-labelledby", "live-blog-key-events");
    m.open("h2")
        .class("live-blog__key-title")
        .attr("id", "live-blog-key-events")
        .text(blog_words::for_lang(s.messages.lang).key_events)
        .close();
    m.open("ol");
    for u in keys {
        m.open("li")
            .open("a")
            .attr("href", format!("#{}", u.anchor()))
            .attr("data-action", Action::Goto.key());
        m.open("time")
            .attr("datetime", u.time.as_str())
            .text((s.clock)(&u.time))
            .close()
            .text(" ");
        m.open("span")
            .attr("dir", "auto")
            .text(summary(u))
            .close()
            .close()
            .close();
    }
    m.close().close();
}

/// The update's headline, else the start of its first text.
pub fn summary(u: &Update) -> String {
    if let Some(h) = &u.headline {
        return h.clone();
    }
    let text = u
        .body
        .iter()
        .find_map(|b| match b {
            Block::Paragraph(p) => Some(p.spans.iter().map(|s| s.text.as_str()).collect()),
            Block::Heading(h) => Some(h.text.clone()),
            Block::Quote(q) | Block::PullQuote(q) => Some(q.text.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

/// The updates' section: its heading and order toggle, the place for the
/// waiting updates' button, the pinned updates, and the first
/// [`LiveView::first`] rows of the stream.
pub fn updates(m: &mut Markup, blog: &LiveBlog, s: &Settings) {
    let view = &s.live_blog;
    let words = blog_words::for_lang(s.messages.lang);
    let (pinned, stream) = arrange(blog, view);
    m.open("section")
        .class("live-blog")
        .attr("aria-labelledby", "live-blog-updates");
    m.open("div").class("live-blog__bar");
    m.open("h2")
        .class("live-blog__title")
        .attr("id", "live-blog-updates")
        .text(words.updates)
        .close();
    m.open("button")
        .attr("type", "button")
        .class("live-blog__order")
        .attr(
            "aria-pressed",
            if view.oldest_first { "true" } else { "false" },
        )
        .attr("data-action", Action::Order.key())
        .text(words.oldest_first)
        .close();
    if blog.polled() {
        m.open("button")
            .attr("type", "button")
            .class("live-blog__pause")
            .attr("aria-pressed", "false")
            .attr("data-action", Action::Pause.key())
            .text(s.messages.pause_updates)
            .close();
    }
    m.close();
    new_button(m, 0, s);
    if !pinned.is_empty() {
        m.open("div").class("live-blog__pinned");
        for p in &pinned {
            row(m, p, s);
        }
        m.close();
    }
    m.open("div").class("live-blog__updates");
    for i in stream.iter().take(view.first) {
        row(m, i, s);
    }
    m.close().close();
}

/// The live region for updates that arrived: "3 new updates", a button
/// that puts them in (none while `count` is 0).
pub fn new_button(m: &mut Markup, count: usize, s: &Settings) {
    m.open("div")
        .class("live-blog__new")
        .attr("aria-live", "polite");
    if count > 0 {
        let words = s.messages.new_updates(count, &(s.number)(count as u32));
        m.open("button")
            .attr("type", "button")
            .class("live-blog__insert")
            .attr("data-action", Action::Insert.key())
            .text(words)
            .close();
    }
    m.close();
}

/// A row of the stream, or a pinned update.
pub fn row(m: &mut Markup, row: &Row, s: &Settings) {
    match row {
        Row::SinceYourLastVisit => {
            let words = blog_words::for_lang(s.messages.lang).since_last_visit;
            m.open("div")
                .class("live-blog__since")
                .attr("role", "separator")
                .attr("aria-label", words)
                .leaf("span", "", words)
                .close();
        }
        Row::Update(position, u) => update(m, u, *position, s),
    }
}

/// `<article id="update-<id>">`: flags, time (a link to itself), headline,
/// author, body, Share.
fn update(m: &mut Markup, u: &Update, position: usize, s: &Settings) {
    let words = s.messages;
    let flags = blog_words::for_lang(words.lang);
    let anchor = u.anchor();
    m.open("article")
        .class(match (u.pinned, u.key) {
            (true, _) => "update update--pinned",
            (false, true) => "update update--key",
            _ => "update",
        })
        .attr("id", anchor.as_str())
        .attr("tabindex", "-1");
    m.open("header").class("update__header");
    if u.pinned {
        m.leaf("p", "update__flag", flags.pinned);
    } else if u.key {
        m.leaf("p", "update__flag", flags.key_event);
    }
    let when = (s.ago)(&u.time).unwrap_or_else(|| (s.time)(&u.time));
    m.open("a")
        .class("update__time")
        .attr("href", format!("#{anchor}"))
        .attr("data-action", Action::Goto.key())
        .open("time")
        .attr("datetime", u.time.as_str())
        .attr("title", (s.full)(&u.time))
        .text(when)
        .close()
        .close();
    if let Some(h) = &u.headline {
        m.open("h3")
            .class("update__headline")
            .attr("dir", "auto")
            .text(h.as_str())
            .close();
    }
    if let Some(author) = &u.author {
        m.open("p")
            .class("update__author")
            .text(words.by)
            .text(" ")
            .open("span")
            .attr("dir", "auto")
            .text(author.name.as_str())
            .close()
            .close();
    }
    m.close();
    m.open("div").class("update__body");
    for (j, block) in u.body.iter().enumerate() {
        // Ids inside are the blog's own: past the body's, by position.
        blocks::block(m, block, (position + 1) * 1000 + j, s);
    }
    m.close();
    let page = s.share_url.split('#').next().unwrap_or_default();
    m.open("p").class("update__tools");
    super::header::share(m, &format!("{page}#{anchor}"), words);
    m.close().close();
}
