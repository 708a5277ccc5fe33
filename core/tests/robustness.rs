//! Hostile and broken input, natively: decoding never panics and says where a
//! document is wrong; bad items are dropped, the rest kept; the URL policy
//! never lets a script URL through, however it is disguised.
//!
//! The property tests run 2,000 cases each by default; for a longer run:
//! `PROPTEST_CASES=1000000 cargo test --release --test robustness`.
#![cfg(not(target_arch = "wasm32"))]

use article_core::article::{decode, Block, DecodeError};
use article_core::json::Reader;
use article_core::url_policy::{allow, UrlUse};
use proptest::prelude::*;

const MINIMAL: &str = r#"{"schema_version": 1, "id": "a", "lang": "en", "headline": "H",
  "published": "2025-10-15T11:50:00+03:00", "body": [{"type": "paragraph", "text": "P"}]}"#;

fn with_body(blocks: &str) -> String {
    MINIMAL.replace(r#"[{"type": "paragraph", "text": "P"}]"#, blocks)
}

fn with_field(field: &str, json: &str) -> String {
    MINIMAL.replacen(
        r#""id": "a","#,
        &format!(r#""id": "a", "{field}": {json},"#),
        1,
    )
}

fn malformed(doc: &str) -> String {
    match decode(doc) {
        Err(DecodeError::Malformed(detail)) => detail,
        other => panic!("expected Malformed for {:.80?}, got {other:?}", doc),
    }
}

#[test]
fn broken_documents_are_unreadable_never_a_panic() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_in_body = with_body(&format!(
        r#"[{{"type": "paragraph", "text": "P", "x": {}1{}}}]"#,
        "[".repeat(500),
        "]".repeat(500)
    ));
    let truncated = &MINIMAL[..MINIMAL.len() / 2];
    for doc in [
        "",
        "   ",
        "<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>",
        truncated,
        "null",
        "[]",
        "\"a string\"",
        "{}",
        &deep,
        &deep_in_body,
        &MINIMAL.replace(r#""H""#, r#""\ud800""#),
        &MINIMAL.replace(r#""P""#, r#""\udc00x""#),
        &MINIMAL.replacen(
            r#""headline": "H","#,
            r#""headline": "H", "headline": "Again","#,
            1,
        ),
        &with_body(r#"[{"type": "paragraph", "text": "P", "text": "Q"}]"#),
        &format!("{MINIMAL} trailing"),
        "\u{feff}\u{feff}{}",
        "{\"schema_version\": 1e400}",
    ] {
        malformed(doc);
    }
}

#[test]
fn errors_name_the_field_path() {
    let doc = MINIMAL.replace(r#""headline": "H""#, r#""headline": 5"#);
    let detail = malformed(&doc);
    assert!(
        detail.starts_with("headline: invalid type: integer `5`"),
        "{detail}"
    );
}

#[test]
fn a_bad_block_is_dropped_with_its_path_and_the_rest_shown() {
    let doc = with_body(
        r#"[{"type": "paragraph", "text": "one"}, {"type": "heading"},
            {"type": "quote", "text": 5}, {"type": "paragraph", "text": "four"},
            {"type": "list", "items": ["a", 3]}, {"type": "image", "alt": "no src"}]"#,
    );
    let article = decode(&doc).unwrap();
    assert_eq!(article.body.len(), 2);
    assert!(matches!(&article.body[1], Block::Paragraph(p) if p.spans[0].text == "four"));
    let problems = article.problems.join("\n");
    for path in ["body[1]", "body[2].text", "body[4].items[1]", "body[5]"] {
        assert!(problems.contains(path), "no {path} in:\n{problems}");
    }
    assert!(
        problems.contains("body[2].text: invalid type: integer `5`, expected a string"),
        "{problems}"
    );
}

#[test]
fn bad_links_and_entries_are_dropped_the_rest_kept() {
    let doc = with_field(
        "social",
        r#"{"links": [{"network": "facebook"}, {"network": "x", "url": "https://x.example"}, 7]}"#,
    );
    let article = decode(&doc).unwrap();
    assert_eq!(article.social.unwrap().links.len(), 1);
    assert!(article
        .problems
        .iter()
        .any(|p| p.contains("social.links[0]")));

    let doc = with_field(
        "timeline",
        r#"{"entries": [
            {"id": "a", "time": "2025-10-15T11:50:00+03:00", "headline": "First"},
            {"id": "a", "time": "2025-10-15T11:40:00+03:00", "headline": "Duplicate id"},
            {"id": "b", "time": "not a time", "headline": "No time"},
            {"id": "c", "time": "2025-02-30T10:00:00Z", "headline": "Out of range"},
            {"id": "d", "time": "2025-10-15T11:00:00+03:00", "headline": "-"},
            {"id": "e", "time": "2025-10-15T11:00:00+03:00", "headline": "  "},
            {"id": "f", "time": "2025-10-15T10:00:00+03:00"},
            {"id": "g", "time": "2025-10-15T10:00:00+03:00", "headline": "Last"}
        ]}"#,
    );
    let article = decode(&doc).unwrap();
    let timeline = article.timeline.unwrap();
    let sorted = timeline.newest_first();
    let shown: Vec<(&str, bool)> = sorted
        .iter()
        .map(|e| (e.headline.as_str(), e.time.is_some()))
        .collect();
    assert_eq!(
        shown,
        [
            ("First", true),
            ("Last", true),
            ("No time", false),
            ("Out of range", false)
        ]
    );
}

#[test]
fn what_is_fatal_is_only_what_leaves_nothing_to_read() {
    let no_headline = MINIMAL.replace(r#""headline": "H","#, "");
    assert!(matches!(
        decode(&no_headline),
        Err(DecodeError::Incomplete(_))
    ));
    let only_bad_blocks = with_body(r#"[{"type": "paragraph"}, {"type": "poll"}]"#);
    assert!(matches!(
        decode(&only_bad_blocks),
        Err(DecodeError::Incomplete(_))
    ));
    let bad_published = MINIMAL.replace("2025-10-15T11:50:00+03:00", "last Tuesday");
    let article = decode(&bad_published).unwrap();
    assert_eq!(article.published, None);
    assert!(
        article
            .problems
            .iter()
            .any(|p| p.contains("published: not an RFC 3339")),
        "{:?}",
        article.problems
    );
    assert!(matches!(
        decode(&MINIMAL.replace(": 1,", ": 2,")),
        Err(DecodeError::UnsupportedVersion(2))
    ));
}

#[test]
fn huge_strings_decode() {
    let long = "x".repeat(100_000);
    let doc = MINIMAL.replace(r#""H""#, &format!("\"{long}\""));
    assert_eq!(decode(&doc).unwrap().headline.len(), 100_000);
}

/// What a browser takes for the scheme of a URL (WHATWG: leading C0 controls
/// and spaces dropped, tab and newline removed, scheme case-insensitive).
fn browser_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find(':')?;
    let scheme = &cleaned[..end];
    let mut chars = scheme.chars();
    let ok = chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    ok.then(|| scheme.to_ascii_lowercase())
}

/// A dangerous scheme in random case, with controls before it and tabs and
/// newlines inside it.
fn disguised(scheme: &'static str) -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(
            prop_oneof![Just('\u{0}'), Just('\u{1f}'), Just(' '), Just('\u{8}')],
            0..4,
        ),
        proptest::collection::vec(
            (
                any::<bool>(),
                prop_oneof![Just(""), Just("\t"), Just("\n"), Just("\r\n")],
            ),
            scheme.len(),
        ),
        ".*",
    )
        .prop_map(move |(lead, per_char, tail)| {
            let mut s: String = lead.into_iter().collect();
            for (c, (upper, gap)) in scheme.chars().zip(per_char) {
                s.push(if upper { c.to_ascii_uppercase() } else { c });
                s.push_str(gap);
            }
            s.push(':');
            s.push_str(&tail);
            s
        })
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[\"\\\\/\u{0}-\u{1f}\u{7f}-\u{ffff}a ]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z\"\\\\\u{e9}]{0,4}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            collect_strings(v, out);
        }),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000),
        ..ProptestConfig::default()
    })]

    #[test]
    fn decode_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn decode_never_panics_on_near_articles(
        cut in 0usize..400,
        insert in "[\\[\\]{}\":,0-9a-z\\\\ ]{0,8}",
    ) {
        let base = with_field("timeline", r#"{"entries": [{"time": "2025-10-15T11:50:00Z", "headline": "T", "article": "x.json"}]}"#);
        let at = cut.min(base.len());
        let at = (0..=at).rev().find(|&i| base.is_char_boundary(i)).unwrap_or(0);
        let doc = format!("{}{}{}", &base[..at], insert, &base[at..]);
        let _ = decode(&doc);
    }

    /// The hand-written reader and serde_json agree on what is JSON, and on
    /// what a string says, on text made of JSON's own pieces.
    #[test]
    fn the_reader_agrees_with_serde_json(
        text in "([\\[\\]{}:, \n]|\"|\\\\[\"\\\\/bfnrtux]|[0-9.eE+-]|true|false|null|\\\\u[dD][89abAB][0-9a-f]{2}|\\\\u[dD][c-fC-F][0-9a-f]{2}|\\\\u00[0-9a-f]{2}|[a-z\u{e9}\u{1f600}\u{1}]){0,24}",
    ) {
        let ours = {
            let mut r = Reader::new(&text);
            r.skip().and_then(|()| r.end())
        };
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} / {:?}", text, ours, theirs);
        if let Ok(serde_json::Value::String(s)) = theirs {
            prop_assert_eq!(Reader::new(&text).str().unwrap(), s);
        }
    }

    /// On real JSON (any value, any string, written compactly or pretty)
    /// and on the same text with one byte cut out, the reader and serde_json
    /// agree; every string reads back as written.
    #[test]
    fn the_reader_agrees_with_serde_json_on_documents(value in json_value(), pretty in any::<bool>(), cut in any::<prop::sample::Index>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let mut r = Reader::new(&text);
        prop_assert_eq!(r.skip().and_then(|()| r.end()), Ok(()));
        let mut strings = Vec::new();
        collect_strings(&value, &mut strings);
        for s in strings {
            let written = serde_json::to_string(&s).unwrap();
            prop_assert_eq!(Reader::new(&written).str().unwrap(), s);
        }
        let at = cut.index(text.len());
        if text.is_char_boundary(at) && text.is_char_boundary(at + 1) {
            let broken = format!("{}{}", &text[..at], &text[at + 1..]);
            let mut r = Reader::new(&broken);
            let ours = r.skip().and_then(|()| r.end());
            let theirs = serde_json::from_str::<serde_json::Value>(&broken);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} / {:?}", broken, ours, theirs);
        }
    }

    /// Numbers, near and past the largest `f64`: refused exactly when
    /// serde_json refuses them.
    #[test]
    fn the_reader_agrees_with_serde_json_on_numbers(text in "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,20})?([eE][+-]?(30[0-9]|29[0-9]|3[1-9][0-9]|[0-9]{1,2}))?") {
        let mut r = Reader::new(&text);
        let ours = r.skip().and_then(|()| r.end());
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} / {:?}", text, ours, theirs);
    }

    #[test]
    fn script_urls_are_always_refused(url in prop_oneof![disguised("javascript"), disguised("data"), disguised("vbscript")]) {
        prop_assert_eq!(allow(&url, UrlUse::Link), None);
        prop_assert_eq!(allow(&url, UrlUse::Resource), None);
    }

    #[test]
    fn allowed_urls_only_have_safe_schemes(url in ".*") {
        for url_use in [UrlUse::Link, UrlUse::Resource] {
            if let Some(out) = allow(&url, url_use) {
                let scheme = browser_scheme(&out);
                prop_assert!(
                    matches!(scheme.as_deref(), None | Some("http" | "https" | "mailto")),
                    "{:?} became {:?}", url, out
                );
            }
        }
    }
}

/// What goes to the formats module: other formats' documents, never an
/// article (even a broken one) nor a body that is no document at all.
#[test]
fn other_formats_are_told_from_broken_articles() {
    use article_core::article::is_foreign;
    for foreign in [
        "<rss version=\"2.0\"></rss>",
        "\u{feff}<?xml version=\"1.0\"?><feed/>",
        "<!doctype html><html></html>",
        "[{\"title\": {\"rendered\": \"x\"}}]",
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}",
        "{\"title\": {\"rendered\": \"x\"}, \"content\": {\"rendered\": \"\"}}",
    ] {
        assert!(is_foreign(foreign), "{foreign}");
    }
    for ours in [
        "{\"schema_version\": 1, \"headline\": \"x\"}",
        "{\"headline\": \"x\", \"schema_version\": 2}",
        "{\"schema_version\": 1, \"body\": [}",
        "",
        "   ",
        "hello",
        "42",
    ] {
        assert!(!is_foreign(ours), "{ours}");
    }
}
