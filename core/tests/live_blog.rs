//! Live blogs, natively: decoding (ids unique, a broken update dropped with
//! its path, blank means absent), the order (pinned first, newest or oldest
//! first), "Since your last visit", the markup a reader sees, the JSON-LD
//! and the HTML written ahead of time.
#![cfg(not(target_arch = "wasm32"))]

use article_core::ahead::{render, Place};
use article_core::article::{decode, decode_updates, Article, LiveStatus};
use article_core::embed::ViewerOptions;
use article_core::markup::{Element, Node};
use article_core::messages::{live_blog as blog_words, EN};
use article_core::metadata::json_ld;
use article_core::story::live_blog::{arrange, newest, LiveView, Row};
use article_core::story::{story, Settings};
use article_core::url_policy::{self, UrlUse};

const SAMPLE: &str = include_str!("../../public/articles/sample-live-blog.json");
const SAMPLE_SOURCE: &str = include_str!("../../public/feeds/sample-live-blog-updates.json");

fn blog(updates: &str, extra: &str) -> Article {
    let json = format!(
        r#"{{"schema_version": 1, "id": "b", "headline": "Live", "published": "2025-10-15T09:00:00+03:00",
        "body": [{{"type": "paragraph", "text": "Intro"}}],
        "live_blog": {{ {extra} "updates": [{updates}] }} }}"#
    );
    decode(&json).unwrap_or_else(|e| panic!("{e}"))
}

fn update(id: &str, time: &str, more: &str) -> String {
    format!(
        r#"{{"id": "{id}", "time": "2025-10-15T{time}:00+03:00", {more} "body": [{{"type": "paragraph", "text": "Text of {id}"}}]}}"#
    )
}

fn ids(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .map(|r| match r {
            Row::Update(_, u) => u.id.clone(),
            Row::SinceYourLastVisit => "|".to_owned(),
        })
        .collect()
}

fn view(oldest_first: bool, seen: Option<&str>) -> LiveView {
    LiveView {
        oldest_first,
        seen: seen.map(|t| {
            article_core::time::Timestamp::parse(&format!("2025-10-15T{t}:00+03:00"))
                .unwrap()
                .epoch_seconds()
        }),
        first: usize::MAX,
    }
}

#[test]
fn decodes_every_field_and_blank_means_absent() {
    let a = blog(
        &update(
            "a1",
            "11:50",
            r#""headline": "  ", "key": true, "pinned": false, "author": {"name": "Reporter"},"#,
        ),
        r#""status": "live", "coverage_start": "2025-10-15T06:00:00+03:00", "coverage_end": null, "source": "u.json", "interval": 30,"#,
    );
    let b = a.live_blog.unwrap();
    assert_eq!(b.status, LiveStatus::Live);
    assert_eq!(
        b.coverage_start.as_ref().map(|t| t.as_str()),
        Some("2025-10-15T06:00:00+03:00")
    );
    assert!(b.coverage_end.is_none());
    assert_eq!(b.source.as_deref(), Some("u.json"));
    assert_eq!(b.interval, Some(30.0));
    assert!(b.polled());
    let u = &b.updates[0];
    assert_eq!(u.id, "a1");
    assert_eq!(u.headline, None, "a blank headline is no headline");
    assert!(u.key && !u.pinned);
    assert_eq!(u.author.as_ref().map(|a| a.name.as_str()), Some("Reporter"));
    assert_eq!(u.anchor(), "update-a1");
}

#[test]
fn an_ended_blog_is_not_polled_and_a_status_it_does_not_know_is_not_live() {
    let ended = blog(
        "",
        r#""coverage_end": "2025-10-15T18:00:00+03:00", "source": "u.json","#,
    );
    let b = ended.live_blog.unwrap();
    assert_eq!(b.status, LiveStatus::Ended, "coverage ended: ended");
    assert!(!b.polled());
    let odd = blog("", r#""status": "paused", "source": "u.json","#);
    assert_eq!(odd.live_blog.unwrap().status, LiveStatus::Ended);
    assert!(odd.problems.iter().any(|p| p.contains("live_blog.status")));
}

#[test]
fn a_broken_update_is_dropped_with_its_path_and_the_rest_are_shown() {
    let updates = [
        update("a", "09:00", ""),
        // No time.
        r#"{"id": "b", "body": [{"type": "paragraph", "text": "x"}]}"#.to_owned(),
        // A time that is not one.
        r#"{"id": "c", "time": "yesterday", "body": [{"type": "paragraph", "text": "x"}]}"#
            .to_owned(),
        // A blank id.
        r#"{"id": " ", "time": "2025-10-15T09:00:00+03:00", "body": [{"type": "paragraph", "text": "x"}]}"#.to_owned(),
        // Nothing readable in its body.
        r#"{"id": "e", "time": "2025-10-15T09:00:00+03:00", "body": [{"type": "video"}]}"#.to_owned(),
        // The same id again.
        update("a", "10:00", ""),
        // One bad block: the block goes, the update stays.
        r#"{"id": "g", "time": "2025-10-15T09:30:00+03:00", "body": [{"type": "paragraph", "text": 5}, {"type": "paragraph", "text": "kept"}]}"#.to_owned(),
    ]
    .join(",");
    let a = blog(&updates, "");
    let b = a.live_blog.as_ref().unwrap();
    let kept: Vec<&str> = b.updates.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(kept, ["a", "g"]);
    let problems = a.problems.join("\n");
    for path in [
        "live_blog.updates[1]",
        "live_blog.updates[2].time",
        "live_blog.updates[3]",
        "live_blog.updates[4].body[0]",
        "live_blog.updates[4]: missing field `body`",
        "live_blog.updates[6].body[0].text",
    ] {
        assert!(problems.contains(path), "{path} in:\n{problems}");
    }
    assert!(
        problems.contains("dropped live_blog.updates[5]: duplicate id \"a\""),
        "{problems}"
    );
    assert_eq!(b.updates[1].body.len(), 1);
}

#[test]
fn pinned_first_then_newest_first_or_oldest_first() {
    let updates = [
        update("a", "09:00", ""),
        update("p", "09:30", r#""pinned": true,"#),
        update("c", "11:00", ""),
        update("b", "10:00", ""),
        update("b2", "10:00", ""),
    ]
    .join(",");
    let a = blog(&updates, "");
    let b = a.live_blog.as_ref().unwrap();
    let (pinned, stream) = arrange(b, &view(false, None));
    assert_eq!(ids(&pinned), ["p"]);
    assert_eq!(
        ids(&stream),
        ["c", "b", "b2", "a"],
        "equal times as written"
    );
    let (_, stream) = arrange(b, &view(true, None));
    assert_eq!(ids(&stream), ["a", "b2", "b", "c"]);
}

#[test]
fn since_your_last_visit_sits_between_the_new_and_the_seen() {
    let updates = [
        update("a", "09:00", ""),
        update("b", "10:00", ""),
        update("c", "11:00", ""),
        update("d", "12:00", ""),
    ]
    .join(",");
    let a = blog(&updates, "");
    let b = a.live_blog.as_ref().unwrap();
    let (_, stream) = arrange(b, &view(false, Some("10:00")));
    assert_eq!(ids(&stream), ["d", "c", "|", "b", "a"]);
    let (_, stream) = arrange(b, &view(true, Some("10:00")));
    assert_eq!(ids(&stream), ["a", "b", "|", "c", "d"]);
    // A first visit, nothing new, everything new: no marker.
    for seen in [None, Some("12:00"), Some("08:00")] {
        let (_, stream) = arrange(b, &view(false, seen));
        assert!(!ids(&stream).contains(&"|".to_owned()), "{seen:?}");
    }
    assert_eq!(
        newest(b),
        Some(
            article_core::time::Timestamp::parse("2025-10-15T12:00:00+03:00")
                .unwrap()
                .epoch_seconds()
        )
    );
}

fn tree(article: &Article, live: LiveView, ago: bool) -> Element {
    let markup = story(
        article,
        &Settings {
            messages: &EN,
            low_data: false,
            always: &|_| false,
            resolve: &|u, use_| url_policy::allow(u, use_),
            open: &|_| None,
            time: &|t| format!("at {}", t.clock()),
            full: &|t| t.as_str().to_owned(),
            clock: &|t| t.clock(),
            ago: &|_| ago.then(|| "5 min ago".to_owned()),
            live_blog: live,
            number: &|n| n.to_string(),
            share_url: "https://viewer.example/?src=b.json#item=x",
        },
    );
    Element {
        name: "article",
        attributes: Vec::new(),
        children: markup.tree(),
    }
}

fn by_class<'a>(root: &'a Element, class: &str) -> Vec<&'a Element> {
    root.elements()
        .into_iter()
        .filter(|e| {
            e.get("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
        .collect()
}

#[test]
fn a_reader_sees_the_label_key_events_pinned_and_each_update_with_its_link_and_share() {
    let a = decode(SAMPLE).unwrap();
    let root = tree(&a, view(false, Some("10:50")), true);
    let label = by_class(&root, "live-blog__status");
    assert_eq!(label[0].text(), "Live");
    // Key events, newest first, each a link to its update.
    let keys = by_class(&root, "live-blog__key-events");
    let links: Vec<(&str, String)> = keys[0]
        .elements()
        .into_iter()
        .filter(|e| e.name == "a")
        .map(|e| (e.get("href").unwrap(), e.text()))
        .collect();
    assert_eq!(
        links,
        [
            ("#update-s5", "11:20 Music stage moves indoors".to_owned()),
            ("#update-s3", "10:15 The tall ship arrives".to_owned()),
        ]
    );
    let updates: Vec<&Element> = root
        .elements()
        .into_iter()
        .filter(|e| e.name == "article" && e.get("id").is_some())
        .collect();
    let order: Vec<&str> = updates.iter().map(|u| u.get("id").unwrap()).collect();
    assert_eq!(
        order,
        [
            "update-s6",
            "update-s5",
            "update-s4",
            "update-s3",
            "update-s2",
            "update-s1"
        ],
        "the pinned update first, then newest first"
    );
    assert!(updates[0].text().starts_with("Pinned"));
    let s3 = updates[3];
    assert_eq!(s3.get("tabindex"), Some("-1"), "it can take focus");
    let time = s3
        .elements()
        .into_iter()
        .find(|e| e.name == "time")
        .unwrap();
    assert_eq!(time.get("datetime"), Some("2025-10-15T10:15:00+03:00"));
    assert_eq!(time.text(), "5 min ago");
    let share = by_class(s3, "share__button");
    assert_eq!(
        share[0].get("data-url"),
        Some("https://viewer.example/?src=b.json#update-s3"),
        "the address with the update's fragment"
    );
    assert!(s3.text().contains("By Sample Reporter"));
    assert!(
        s3.elements().iter().any(|e| e.name == "img"),
        "every block type"
    );
    // The marker between the new (after 10:50) and the seen.
    let stream = by_class(&root, "live-blog__updates");
    let marks: Vec<String> = stream[0]
        .children
        .iter()
        .filter_map(|n| match n {
            Node::Element(e) => Some(
                e.get("id")
                    .map_or_else(|| e.get("role").unwrap().to_owned(), str::to_owned),
            ),
            Node::Text(_) => None,
        })
        .collect();
    assert_eq!(
        marks,
        [
            "update-s5",
            "separator",
            "update-s4",
            "update-s3",
            "update-s2",
            "update-s1"
        ]
    );
    let since = by_class(&root, "live-blog__since");
    assert_eq!(since[0].get("aria-label"), Some("Since your last visit"));
    let order = by_class(&root, "live-blog__order");
    assert_eq!(order[0].get("aria-pressed"), Some("false"));
    assert_eq!(by_class(&root, "live-blog__pause").len(), 1, "live: Pause");
}

#[test]
fn ahead_of_time_every_update_is_written_with_its_time_in_words() {
    let a = decode(SAMPLE).unwrap();
    let root = tree(&a, LiveView::AHEAD, false);
    let updates = by_class(&root, "update");
    assert_eq!(updates.len(), 6);
    assert!(by_class(&root, "live-blog__since").is_empty());
    let time = updates[1]
        .elements()
        .into_iter()
        .find(|e| e.name == "time")
        .unwrap();
    assert_eq!(time.text(), "at 11:20");
    // Only the first items, for the browser to build the rest after.
    let first = tree(
        &a,
        LiveView {
            first: 2,
            ..LiveView::AHEAD
        },
        false,
    );
    assert_eq!(by_class(&first, "update").len(), 3, "the pinned and two");
}

#[test]
fn the_snippet_and_prerender_carry_every_update_as_html() {
    let a = decode(SAMPLE).unwrap();
    let place = Place {
        integrity: None,
        page: "https://news.example/live.html",
        viewer_dir: "https://viewer.example/av/",
    };
    let resolve = |raw: &str, base: &str, use_: UrlUse| {
        let raw = url_policy::allow(raw, use_)?;
        if raw.contains("://") {
            return Some(raw);
        }
        Some(format!("{}{raw}", &base[..base.rfind('/')? + 1]))
    };
    let r = render(
        &a,
        &ViewerOptions::standalone(None),
        "https://viewer.example/av/articles/sample-live-blog.json",
        &place,
        &resolve,
    );
    assert_eq!(r.html.matches("<article class=\"update").count(), 6);
    for u in &a.live_blog.as_ref().unwrap().updates {
        assert!(
            r.html.contains(&format!("id=\"update-{}\"", u.id)),
            "{}",
            u.id
        );
    }
    assert!(r.html.contains("Gates open at the harbour"));
    assert!(r.json_ld.contains("\"@type\":\"LiveBlogPosting\""));
}

#[test]
fn json_ld_is_a_live_blog_posting_with_an_update_each() {
    let a = decode(SAMPLE).unwrap();
    let ld: serde_json::Value =
        serde_json::from_str(&json_ld(&a, "https://news.example/live.html#top")).unwrap();
    assert_eq!(ld["@type"], "LiveBlogPosting");
    assert_eq!(ld["coverageStartTime"], "2025-10-15T09:00:00+03:00");
    assert!(ld.get("coverageEndTime").is_none());
    let updates = ld["liveBlogUpdate"].as_array().unwrap();
    assert_eq!(updates.len(), 6);
    let first = &updates[0];
    assert_eq!(first["@type"], "BlogPosting");
    assert_eq!(first["headline"], "How to follow the festival");
    assert_eq!(first["datePublished"], "2025-10-15T11:45:00+03:00");
    assert_eq!(first["url"], "https://news.example/live.html#update-s6");
    assert!(first["articleBody"]
        .as_str()
        .unwrap()
        .starts_with("Sample content: this live blog"));
    // An update without a headline is named by the start of its text.
    let s2 = updates
        .iter()
        .find(|u| u["url"].as_str().unwrap().ends_with("s2"))
        .unwrap();
    assert!(s2["headline"]
        .as_str()
        .unwrap()
        .starts_with("Sample content: queues"));
    // An ended blog says when coverage ended.
    let ended = blog(
        "",
        r#""status": "ended", "coverage_end": "2025-10-15T18:00:00+03:00","#,
    );
    let ld: serde_json::Value =
        serde_json::from_str(&json_ld(&ended, "https://n.example/")).unwrap();
    assert_eq!(ld["coverageEndTime"], "2025-10-15T18:00:00+03:00");
}

#[test]
fn an_ended_blog_says_so_with_when_in_every_language() {
    let a = blog(
        &update("a", "09:00", ""),
        r#""status": "ended", "coverage_end": "2025-10-15T18:00:00+03:00","#,
    );
    let root = tree(&a, LiveView::AHEAD, false);
    assert_eq!(
        by_class(&root, "live-blog__status")[0].text(),
        "Ended at 18:00"
    );
    assert!(by_class(&root, "live-blog__pause").is_empty(), "not polled");
    let ar = blog_words::for_lang("ar");
    for words in [
        ar.live,
        ar.ended,
        ar.since_last_visit,
        ar.oldest_first,
        ar.key_events,
    ] {
        assert!(!words.is_empty() && words.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)));
    }
}

#[test]
fn a_source_answers_with_updates_or_a_json_feed() {
    let (updates, problems) = decode_updates(SAMPLE_SOURCE).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let shipped = decode(SAMPLE).unwrap().live_blog.unwrap().updates;
    assert!(
        updates.len() > shipped.len(),
        "the sample's source has an update the story does not, for the reader's button"
    );
    let feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [
        {"id": 7, "title": "Seven", "content_text": "One.\n\nTwo.", "date_published": "2025-10-15T12:00:00+03:00", "authors": [{"name": "R"}]},
        {"id": "h", "content_html": "<p>only HTML</p>", "date_published": "2025-10-15T12:00:00+03:00"},
        {"id": "n", "summary": "No time"}
    ]}"#;
    let (updates, problems) = decode_updates(feed).unwrap();
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].id, "7");
    assert_eq!(updates[0].headline.as_deref(), Some("Seven"));
    assert_eq!(updates[0].body.len(), 2, "a paragraph per part");
    assert_eq!(updates[0].author.as_ref().unwrap().name, "R");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("dropped items[1]"));
    assert!(decode_updates("[]").is_err());
}

#[test]
fn updates_read_in_parts_are_the_updates_read_at_once() {
    let mut list: Vec<String> = (0..25)
        .map(|i| {
            update(
                &format!("u{i}"),
                &format!("{:02}:{:02}", 9 + i / 60, i % 60),
                "",
            )
        })
        .collect();
    // A repeated id and a broken update, across parts.
    list.push(update("u3", "11:00", ""));
    list.push(r#"{"id": "x", "body": []}"#.to_owned());
    let json = format!(
        r#"{{"schema_version": 1, "id": "b", "headline": "Live", "published": "2025-10-15T09:00:00+03:00",
        "body": [{{"type": "paragraph", "text": "Intro"}}], "live_blog": {{ "updates": [{}] }} }}"#,
        list.join(",")
    );
    let whole = decode(&json).unwrap();
    let deferred = article_core::article::decode_deferred(&json).unwrap();
    let mut blog = deferred.live_blog.unwrap();
    assert!(blog.updates.is_empty(), "left to read");
    let mut unread = blog.unread.take();
    let (mut problems, mut parts) = (Vec::new(), 0);
    while let Some(u) = unread {
        let (mut read, mut dropped, rest) = article_core::article::read_updates(&json, u, 4);
        assert!(read.len() <= 4);
        blog.updates.append(&mut read);
        problems.append(&mut dropped);
        unread = rest;
        parts += 1;
    }
    assert_eq!(parts, 7);
    assert_eq!(blog.updates, whole.live_blog.as_ref().unwrap().updates);
    let at_once: Vec<&String> = whole
        .problems
        .iter()
        .filter(|p| p.contains("updates["))
        .collect();
    assert_eq!(problems.iter().collect::<Vec<_>>(), at_once);
    assert!(
        problems[0].contains("live_blog.updates[25]: duplicate id \"u3\""),
        "{problems:?}"
    );
}

#[test]
fn every_live_blog_source_a_sample_names_is_shipped() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/articles");
    let mut sources = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let article = decode(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(source) = article.live_blog.and_then(|b| b.source) else {
            continue;
        };
        let shipped = dir.join(&source);
        let text = std::fs::read_to_string(&shipped)
            .unwrap_or_else(|e| panic!("{}: {source}: {e}", path.display()));
        let (updates, problems) = decode_updates(&text).unwrap();
        assert!(!updates.is_empty() && problems.is_empty(), "{source}");
        sources += 1;
    }
    assert!(sources >= 1, "the sample live blog has a live source");
}
