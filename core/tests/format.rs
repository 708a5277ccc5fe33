//! The article format, checked natively: every sample parses and validates
//! against the published JSON Schema, and the format tolerates what later
//! versions may add.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use article_core::article::{
    decode, decode_timeline, Block, DecodeError, Direction, Network, JSON_FEED_VERSION,
};

/// A file the viewer ships, from the workspace's `public/`.
fn shipped(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public")
        .join(path)
}

fn samples() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(shipped("articles"))
        .expect("public/articles exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 4,
        "the default article and at least three samples ship"
    );
    paths
}

fn schema_errors(doc: &serde_json::Value) -> Option<String> {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(shipped("schema/article-v1.json")).unwrap())
            .unwrap();
    compiler.add_resource("article-v1.json", schema).unwrap();
    let index = compiler.compile("article-v1.json", &mut schemas).unwrap();
    schemas.validate(doc, index).err().map(|e| format!("{e:#}"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap()
}

#[test]
fn every_sample_parses() {
    for path in samples() {
        let article = decode(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!article.headline.is_empty());
    }
}

#[test]
fn every_sample_validates_against_the_schema() {
    for path in samples() {
        let doc: serde_json::Value = serde_json::from_str(&read(&path)).unwrap();
        if let Some(errors) = schema_errors(&doc) {
            panic!("{} does not match the schema:\n{errors}", path.display());
        }
    }
}

#[test]
fn the_schema_rejects_what_the_viewer_rejects() {
    let base: serde_json::Value =
        serde_json::from_str(&read(&shipped("articles/sample-city-budget.json"))).unwrap();
    let broken = [
        ("/headline", serde_json::Value::Null),
        ("/headline", "".into()),
        ("/body", serde_json::json!([])),
        ("/schema_version", 2.into()),
    ];
    for (pointer, value) in broken {
        let mut doc = base.clone();
        *doc.pointer_mut(pointer).unwrap() = value;
        assert!(
            schema_errors(&doc).is_some(),
            "schema accepted a bad {pointer}"
        );
        assert!(
            decode(&doc.to_string()).is_err(),
            "viewer accepted a bad {pointer}"
        );
    }
}

#[test]
fn default_article_is_the_seed_story() {
    let article = decode(&read(&shipped("articles/syria-russia-moscow-visit.json"))).unwrap();
    assert_eq!(
        article.headline,
        "Syrian president seeks to redefine ties with Russia during Moscow visit"
    );
    assert_eq!(article.published.unwrap().date(), "2025-10-15");
    let headings: Vec<&str> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some(h.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "Key topics: military bases and Assad’s extradition",
            "Assad’s life in Moscow",
            "A pragmatic approach to rebuilding"
        ]
    );
    let social = article.social.unwrap();
    assert_eq!(social.links[0].network, Network::Facebook);
    let timeline = article.timeline.unwrap();
    let clocks: Vec<String> = timeline
        .clone()
        .newest_first()
        .iter()
        .map(|e| e.time.as_ref().unwrap().clock())
        .collect();
    // The reference page's nine times, in its order: nothing added.
    assert_eq!(
        clocks,
        ["11:50", "11:30", "11:20", "11:00", "10:50", "10:30", "10:20", "10:00", "09:50"]
    );
    assert_eq!(
        timeline
            .entries
            .iter()
            .map(|e| e.time.as_ref().unwrap().clock())
            .collect::<Vec<_>>(),
        clocks,
        "written in the reference page's order too"
    );
    let linked = timeline
        .entries
        .iter()
        .filter(|e| e.article.is_some())
        .count();
    assert!(
        linked >= 4,
        "at least three sample stories open from the timeline"
    );
}

#[test]
fn timeline_links_point_at_shipped_articles() {
    for path in samples() {
        let article = decode(&read(&path)).unwrap();
        for entry in article.timeline.iter().flat_map(|t| &t.entries) {
            if let Some(target) = &entry.article {
                assert!(
                    path.with_file_name(target).exists(),
                    "{} links to missing {target}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn timeline_sources_point_at_shipped_timelines() {
    let mut sources = 0;
    for path in samples() {
        let article = decode(&read(&path)).unwrap();
        if let Some(source) = article.timeline.and_then(|t| t.source) {
            let target = path.with_file_name(&source);
            let (timeline, problems) = decode_timeline(&read(&target))
                .unwrap_or_else(|e| panic!("{} names {source}: {e}", path.display()));
            assert!(!timeline.entries.is_empty(), "{source} has entries");
            assert!(problems.is_empty(), "{source}: {problems:?}");
            sources += 1;
        }
    }
    assert!(sources >= 1, "a sample shows a live source");
}

const MINIMAL: &str = r#"{
  "schema_version": 1, "id": "a", "lang": "en", "headline": "H",
  "published": "2025-10-15T11:50:00+03:00",
  "body": [{"type": "paragraph", "text": "P"}]
}"#;

fn with(field: &str, json: &str) -> String {
    MINIMAL.replacen(
        "\"id\": \"a\",",
        &format!("\"id\": \"a\", \"{field}\": {json},"),
        1,
    )
}

#[test]
fn unknown_block_types_are_skipped_not_fatal() {
    let doc = MINIMAL.replace(
        r#"[{"type": "paragraph", "text": "P"}]"#,
        r#"[{"type": "hologram", "src": "v.mp4", "nested": {"a": [1]}}, {"type": "paragraph", "text": "P"}]"#,
    );
    let article = decode(&doc).unwrap();
    assert_eq!(article.body.len(), 1);
    assert!(matches!(article.body[0], Block::Paragraph(_)));
}

#[test]
fn unknown_fields_are_ignored() {
    let doc = with("sponsor", r#"{"name": "x", "deep": [1, 2, {"z": null}]}"#)
        .replace(r#""text": "P""#, r#""text": "P", "footnote": 3"#);
    assert_eq!(decode(&doc).unwrap().headline, "H");
}

#[test]
fn unknown_networks_still_get_a_link() {
    let doc = with(
        "social",
        r#"{"links": [{"network": "mastodon", "url": "https://m.example/@a"}]}"#,
    );
    assert_eq!(
        decode(&doc).unwrap().social.unwrap().links[0].network,
        Network::Other
    );
}

#[test]
fn paragraphs_take_text_or_spans() {
    let doc = MINIMAL.replace(
        r#"{"type": "paragraph", "text": "P"}"#,
        r#"{"type": "paragraph", "spans": [{"text": "a "}, {"text": "b", "bold": true, "href": "https://e.example"}]}"#,
    );
    let article = decode(&doc).unwrap();
    let Block::Paragraph(p) = &article.body[0] else {
        panic!("not a paragraph")
    };
    assert_eq!(p.spans.len(), 2);
    assert!(p.spans[1].bold && !p.spans[1].italic);
    // A paragraph with neither is dropped; here that leaves nothing to read.
    let neither = MINIMAL.replace(r#""text": "P""#, r#""note": "P""#);
    assert!(matches!(decode(&neither), Err(DecodeError::Incomplete(_))));
}

#[test]
fn direction_defaults_from_the_language() {
    let ar = MINIMAL.replace(r#""lang": "en""#, r#""lang": "ar-SY""#);
    assert_eq!(decode(&ar).unwrap().direction(), Direction::Rtl);
    assert_eq!(decode(MINIMAL).unwrap().direction(), Direction::Ltr);
    let forced = with("dir", r#""rtl""#);
    assert_eq!(decode(&forced).unwrap().direction(), Direction::Rtl);
}

#[test]
fn a_story_with_nothing_to_read_is_refused() {
    let empty_headline = MINIMAL.replace(r#""headline": "H""#, r#""headline": "  ""#);
    assert!(matches!(
        decode(&empty_headline),
        Err(DecodeError::Incomplete(_))
    ));
    let only_unknown = MINIMAL.replace(r#""type": "paragraph", "text": "P""#, r#""type": "poll""#);
    assert!(matches!(
        decode(&only_unknown),
        Err(DecodeError::Incomplete(_))
    ));
    assert!(matches!(
        decode("<!doctype html><p>502"),
        Err(DecodeError::Malformed(_))
    ));
    assert!(
        matches!(
            decode(&format!("\u{feff}{MINIMAL}")),
            Err(DecodeError::Malformed(_))
        ),
        "a leading BOM is unreadable"
    );
}

#[test]
fn timeline_sorts_newest_first_and_drops_placeholders() {
    let doc = with(
        "timeline",
        r#"{"entries": [
            {"time": "2025-10-15T09:50:00+03:00", "headline": "old"},
            {"time": "2025-10-15T08:55:00Z", "headline": "newest"},
            {"time": "2025-10-15T11:00:00+03:00", "headline": "-"},
            {"time": "2025-10-15T10:00:00+03:00", "headline": "middle"}
        ]}"#,
    );
    let article = decode(&doc).unwrap();
    let timeline = article.timeline.unwrap();
    let sorted = timeline.newest_first();
    let order: Vec<&str> = sorted.iter().map(|e| e.headline.as_str()).collect();
    assert_eq!(order, ["newest", "middle", "old"]);
}

#[test]
fn a_timeline_may_come_from_a_live_source() {
    let doc = with(
        "timeline",
        r#"{"title": "Live", "source": "feeds/latest.json", "live": true, "interval": 15, "entries": []}"#,
    );
    let timeline = decode(&doc).unwrap().timeline.unwrap();
    assert_eq!(timeline.source.as_deref(), Some("feeds/latest.json"));
    assert!(timeline.live);
    assert_eq!(timeline.interval, Some(15.0));
    assert!(timeline.entries.is_empty());
}

const JSON_FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Newsroom",
  "home_page_url": "https://news.example/",
  "items": [
    {"id": "1", "title": "First", "url": "https://news.example/1", "date_published": "2025-10-15T09:00:00Z"},
    {"id": 2, "summary": "Second, summary only", "external_url": "https://elsewhere.example/2", "date_published": "2025-10-15T10:00:00+03:00"},
    {"id": "3", "content_html": "<p>no title, no summary</p>", "date_published": "2025-10-15T08:00:00Z"},
    {"title": "No id"},
    {"id": "1", "title": "Repeated id", "date_published": "2025-10-15T11:00:00Z"},
    {"id": "4", "title": "Modified only", "date_modified": "2025-10-15T06:00:00Z"}
  ]
}"#;

#[test]
fn json_feed_items_are_timeline_entries() {
    let (timeline, problems) = decode_timeline(JSON_FEED).unwrap();
    assert_eq!(timeline.title.as_deref(), Some("Newsroom"));
    let sorted = timeline.newest_first();
    let shown: Vec<(&str, Option<&str>, Option<&str>)> = sorted
        .iter()
        .map(|e| {
            (
                e.headline.as_str(),
                e.url.as_deref(),
                e.time.as_ref().map(|t| t.as_str()),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "First",
                Some("https://news.example/1"),
                Some("2025-10-15T09:00:00Z")
            ),
            (
                "Second, summary only",
                Some("https://elsewhere.example/2"),
                Some("2025-10-15T10:00:00+03:00")
            ),
            ("Modified only", None, Some("2025-10-15T06:00:00Z")),
        ]
    );
    assert_eq!(
        sorted[1].id.as_deref(),
        Some("2"),
        "numeric ids read as text"
    );
    assert!(
        problems.iter().any(|p| p.starts_with("dropped items[3]")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("items[4]: duplicate id")),
        "{problems:?}"
    );
}

#[test]
fn an_inline_timeline_may_be_a_json_feed() {
    let doc = with("timeline", JSON_FEED);
    let timeline = decode(&doc).unwrap().timeline.unwrap();
    assert_eq!(timeline.entries.len(), 3);
    assert_eq!(timeline.title.as_deref(), Some("Newsroom"));
}

#[test]
fn a_timeline_document_decodes_like_an_inline_timeline() {
    let (timeline, problems) = decode_timeline(
        r#"{"entries": [{"id": "a", "time": "2025-10-15T11:50:00+03:00", "headline": "A", "article": "a.json"}, {"headline": 5}]}"#,
    )
    .unwrap();
    assert_eq!(timeline.entries.len(), 1);
    assert_eq!(timeline.entries[0].article.as_deref(), Some("a.json"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(matches!(
        decode_timeline("{\"entries\": ["),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        decode_timeline("[1, 2]"),
        Err(DecodeError::Malformed(_))
    ));
}

#[test]
fn a_timelines_kind_does_not_depend_on_the_order_of_its_fields() {
    let feed_item =
        r#"{"id": "f", "title": "From the feed", "date_published": "2025-10-15T09:00:00Z"}"#;
    let entry = r#"{"headline": "From the entries"}"#;
    let bad = r#"{"headline": 5}"#;
    let read = |doc: &str| {
        let (timeline, problems) = decode_timeline(doc).unwrap();
        let headlines: Vec<String> = timeline.entries.into_iter().map(|e| e.headline).collect();
        (headlines, problems)
    };
    for doc in [
        // A feed's items before its version; entries (with a bad one) beside them.
        format!(
            r#"{{"items": [{feed_item}], "entries": [{entry}, {bad}], "version": "{JSON_FEED_VERSION}1.1"}}"#
        ),
        format!(
            r#"{{"entries": [{entry}, {bad}], "version": "{JSON_FEED_VERSION}1.1", "items": [{feed_item}]}}"#
        ),
        format!(
            r#"{{"version": "{JSON_FEED_VERSION}1.1", "entries": [{bad}], "items": [{feed_item}]}}"#
        ),
    ] {
        let (headlines, problems) = read(&doc);
        assert_eq!(headlines, ["From the feed"], "{doc}");
        assert!(
            problems.is_empty(),
            "the entries a feed ignores drop nothing: {problems:?}"
        );
    }
    for doc in [
        format!(r#"{{"entries": [{entry}, {bad}], "items": [{feed_item}]}}"#),
        format!(r#"{{"version": "2", "items": [{feed_item}], "entries": [{entry}, {bad}]}}"#),
    ] {
        let (headlines, problems) = read(&doc);
        assert_eq!(headlines, ["From the entries"], "{doc}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("dropped entries[1]"),
            "{problems:?}"
        );
    }
}

#[test]
fn blank_means_absent_once_for_every_renderer() {
    let doc = with(
        "standfirst",
        r#""  ", "section": "", "canonical_url": " ", "tags": ["", "a"],
        "byline": [{"name": " "}, {"name": "Ada", "url": " "}],
        "image": {"src": "a.jpg", "alt": "", "caption": " ", "credit": ""},
        "social": {"title": " ", "links": [{"network": "rss", "url": "f.xml", "label": " "}]},
        "timeline": {"title": "", "source": " ", "entries": [
            {"id": " ", "time": "2025-10-15T11:00:00Z", "headline": "H", "url": " ", "article": ""}
        ]}"#,
    )
    .replace(
        r#"[{"type": "paragraph", "text": "P"}]"#,
        r#"[{"type": "paragraph", "spans": [{"text": "P", "href": " "}]},
            {"type": "quote", "text": "Q", "cite": " "}, {"type": "heading", "text": "  "}]"#,
    );
    let a = decode(&doc).unwrap();
    assert_eq!(
        (a.standfirst, a.section, a.canonical_url),
        (None, None, None)
    );
    assert_eq!(a.tags, ["a"]);
    assert_eq!(a.byline.len(), 1, "an author without a name is left out");
    assert_eq!(a.byline[0].url, None);
    let image = a.image.unwrap();
    assert_eq!((image.caption, image.credit), (None, None));
    assert_eq!(
        image.alt, "",
        "an empty alt is the publisher's word: decorative"
    );
    let social = a.social.unwrap();
    assert_eq!((social.title, social.links[0].label.clone()), (None, None));
    let timeline = a.timeline.unwrap();
    assert_eq!((timeline.title, timeline.source), (None, None));
    let entry = &timeline.entries[0];
    assert_eq!(
        (&entry.id, &entry.url, &entry.article),
        (&None, &None, &None)
    );
    assert_eq!(a.body.len(), 2, "a blank heading has nothing to show");
    assert!(matches!(&a.body[0], Block::Paragraph(p) if p.spans[0].href.is_none()));
    assert!(matches!(&a.body[1], Block::Quote(q) if q.cite.is_none()));
}
