//! The viewer's frame around a story, ahead of time: the same elements the
//! live viewer builds around the same story (`src/ui/viewer`), so that the
//! takeover moves nothing — the skip link and `<main>` of a page of the
//! viewer's own, a plain block inside a publisher's page, the social bar,
//! the story, the Embed control, the timeline's first page.

use super::reader::Reader;
use super::{share_url, viewer_page, Place};
use crate::address::address_for;
use crate::article::{Article, TimelineEntry};
use crate::embed::{self, Mode, ViewerOptions};
use crate::markup::Markup;
use crate::messages;
use crate::social_bar::social_bar;
use crate::story;
use crate::timeline::markup::{self as timeline, State};
use crate::url_policy::{Resolve, UrlUse};

/// The viewer as `options` configure it, showing `article` fetched from
/// `src` (absolute), for the page and viewer of `place`.
pub fn frame(
    m: &mut Markup,
    article: &Article,
    options: &ViewerOptions,
    src: &str,
    place: &Place,
    resolve: Resolve,
) {
    let lang = options.lang.as_deref().unwrap_or(&article.lang);
    let words = messages::for_lang(lang);
    let reader = Reader::of(article, None);
    let viewer_page = viewer_page(options, place);
    let standalone = options.mode == Mode::Standalone;
    let landmarks = options.mode != Mode::Inline;

    m.open("div").class("viewer-frame");
    if standalone {
        m.open("a")
            .class("skip-link")
            .attr("href", "#story")
            .text(words.skip_to_story)
            .close();
    }
    m.open(if landmarks { "main" } else { "div" })
        .class("viewer");
    m.attr("lang", article.lang.as_str())
        .attr("dir", article.direction().as_str())
        .attr("aria-busy", "false");
    if matches!(options.mode, Mode::Frame { .. }) {
        m.attr("aria-label", article.headline.as_str());
    }

    m.open("div").class("viewer__story");
    if let Some(bar) = article.social.as_ref().filter(|_| options.sections.social) {
        m.open("div").class("social-bar-slot");
        social_bar(m, bar, words, landmarks);
        m.close();
    }
    if options.sections.story {
        let open = |raw: &str| {
            let resolved = resolve(raw, src, UrlUse::Resource)?;
            Some((address_for(&resolved, &viewer_page), resolved))
        };
        let share = share_url(options, src, place);
        let settings = story::Settings {
            messages: words,
            low_data: options.low_data,
            always: &|_| false,
            resolve: &|raw, url_use| resolve(raw, src, url_use),
            open: &open,
            time: &|t| reader.long_date_time(t),
            full: &|t| reader.full(t),
            clock: &|t| reader.clock(t),
            ago: &|_| None,
            live_blog: story::LiveView::AHEAD,
            number: &|n| reader.number(n as usize),
            share_url: &share,
        };
        m.open("article").class("story").attr("id", "story");
        m.append(story::story(article, &settings));
        m.close();
    }
    if standalone {
        m.open("div").class("embed-code-slot");
        embed::embed_code(m, words);
        m.close();
    }
    m.open("div").class("viewer__kept").close();
    m.close();

    if let Some(t) = article
        .timeline
        .as_ref()
        .filter(|_| options.sections.timeline)
    {
        let entries = t.clone().newest_first();
        let live = t.live
            && t.source
                .as_deref()
                .is_some_and(|s| resolve(s, src, UrlUse::Resource).is_some());
        let state = State {
            title: t.title.as_deref().unwrap_or(words.latest),
            live,
            paused: false,
            busy: false,
            checked: None,
            new_count: 0,
            failed: false,
            entries: &entries,
            pages: 0,
        };
        let link = |e: &TimelineEntry| e.link(src, &viewer_page, resolve);
        let settings = timeline::Settings {
            messages: words,
            landmarks,
            local_day: &|ms| reader.local_day(ms),
            today: None,
            clock: &|t| reader.clock(t),
            date_clock: &|t| reader.date_clock(t),
            full: &|t| reader.full(t),
            day_heading: &|t, _| reader.day(t),
            ago: &|_| None,
            number: &|n| reader.number(n),
            link: &link,
        };
        timeline::timeline(m, &state, &settings);
    }
    m.close().close();
}
