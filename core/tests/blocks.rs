//! The newsroom blocks of format v1 (pull quotes, tables, galleries,
//! embeds, videos, key points, fact boxes, related links) and corrections,
//! decoded natively: each field where it belongs, blank meaning absent, and
//! a broken block dropped with its path while the rest of the story stays.
#![cfg(not(target_arch = "wasm32"))]

use article_core::article::{
    decode, Article, Block, Embed, Factbox, Gallery, KeyPoints, Provider, Quote, Related, Table,
    Video,
};

fn story(blocks: &str, extra: &str) -> Article {
    decode(&format!(
        r#"{{"schema_version": 1, "id": "a", "headline": "H", {extra}
            "published": "2025-10-15T11:50:00+03:00",
            "body": [{blocks}, {{"type": "paragraph", "text": "Still here."}}]}}"#
    ))
    .unwrap()
}

fn first(blocks: &str) -> Block {
    story(blocks, "").body.remove(0)
}

/// The story keeps only its closing paragraph, and says why the block went.
fn dropped(block: &str, path_and_reason: &str) {
    let article = story(block, "");
    assert_eq!(article.body.len(), 1, "{block}");
    assert!(
        article.problems.iter().any(|p| p.contains(path_and_reason)),
        "{block}: {:?}",
        article.problems
    );
}

#[test]
fn a_pullquote_keeps_its_cite_and_blank_cite_is_absent() {
    assert_eq!(
        first(r#"{"type": "pullquote", "text": "Words.", "cite": "Her"}"#),
        Block::PullQuote(Quote {
            text: "Words.".into(),
            cite: Some("Her".into())
        })
    );
    assert_eq!(
        first(r#"{"type": "pullquote", "text": "Words.", "cite": "  "}"#),
        Block::PullQuote(Quote {
            text: "Words.".into(),
            cite: None
        })
    );
    dropped(r#"{"type": "pullquote", "text": " "}"#, "body[0].text");
}

#[test]
fn a_table_reads_caption_header_rows_and_row_headers() {
    assert_eq!(
        first(
            r#"{"type": "table", "caption": "Seats", "header": ["Party", "Seats"], "rows": [["Blue", "12"], ["Green"]], "row_headers": true}"#
        ),
        Block::Table(Table {
            caption: Some("Seats".into()),
            header: vec!["Party".into(), "Seats".into()],
            rows: vec![vec!["Blue".into(), "12".into()], vec!["Green".into()]],
            row_headers: true,
        })
    );
    let Block::Table(plain) = first(r#"{"type": "table", "header": null, "rows": [["a"]]}"#) else {
        panic!()
    };
    assert!(plain.header.is_empty() && !plain.row_headers && plain.caption.is_none());
    dropped(r#"{"type": "table", "rows": []}"#, "`rows` is empty");
    dropped(
        r#"{"type": "table", "caption": "x"}"#,
        "missing field `rows`",
    );
    dropped(
        r#"{"type": "table", "rows": [["a", 1]]}"#,
        "body[0].rows[0][1]",
    );
}

#[test]
fn a_gallery_reads_its_images_as_images() {
    let Block::Gallery(Gallery { caption, images }) = first(
        r#"{"type": "gallery", "caption": "Day one", "images": [
            {"src": "a.jpg", "alt": "A", "width": 1200, "height": 800, "caption": "First", "credit": "Desk"},
            {"src": "b.jpg", "alt": ""}]}"#,
    ) else {
        panic!()
    };
    assert_eq!(caption.as_deref(), Some("Day one"));
    assert_eq!(images.len(), 2);
    assert_eq!((images[0].width, images[0].height), (Some(1200), Some(800)));
    assert_eq!(images[0].credit.as_deref(), Some("Desk"));
    assert_eq!(
        images[1].alt, "",
        "an empty alt is the publisher saying decorative"
    );
    dropped(r#"{"type": "gallery", "images": []}"#, "`images` is empty");
    dropped(
        r#"{"type": "gallery", "images": [{"src": "a.jpg"}]}"#,
        "missing field `alt`",
    );
}

#[test]
fn an_embed_reads_its_provider_and_an_unknown_provider_is_other() {
    assert_eq!(
        first(
            r#"{"type": "embed", "provider": "youtube", "url": "https://youtu.be/dQw4w9WgXcQ", "title": "Clip", "caption": "", "thumbnail": "still.jpg"}"#
        ),
        Block::Embed(Embed {
            provider: Provider::YouTube,
            url: "https://youtu.be/dQw4w9WgXcQ".into(),
            title: "Clip".into(),
            caption: None,
            thumbnail: Some("still.jpg".into()),
        })
    );
    for provider in Provider::ALL {
        let Block::Embed(e) = first(&format!(
            r#"{{"type": "embed", "provider": "{}", "url": "u", "title": "T"}}"#,
            provider.key()
        )) else {
            panic!()
        };
        assert_eq!(e.provider, provider);
    }
    let Block::Embed(e) =
        first(r#"{"type": "embed", "provider": "myspace", "url": "u", "title": "T"}"#)
    else {
        panic!()
    };
    assert_eq!(e.provider, Provider::Other);
    dropped(
        r#"{"type": "embed", "provider": "youtube", "url": "u"}"#,
        "missing field `title`",
    );
    dropped(
        r#"{"type": "embed", "provider": "youtube", "title": "T"}"#,
        "missing field `url`",
    );
}

#[test]
fn a_video_reads_its_source_poster_size_and_captions() {
    assert_eq!(
        first(
            r#"{"type": "video", "src": "v.webm", "title": "V", "poster": "p.jpg", "width": 640, "height": 360,
                 "captions": [{"src": "v.vtt", "lang": "en", "label": "English"}]}"#
        ),
        Block::Video(Video {
            src: "v.webm".into(),
            title: "V".into(),
            poster: Some("p.jpg".into()),
            width: Some(640),
            height: Some(360),
            captions: vec![article_core::article::Captions {
                src: "v.vtt".into(),
                lang: "en".into(),
                label: "English".into()
            }],
        })
    );
    dropped(r#"{"type": "video", "title": "V"}"#, "missing field `src`");
    dropped(
        r#"{"type": "video", "src": "v.webm", "title": "V", "captions": [{"src": "v.vtt"}]}"#,
        "body[0].captions[0]",
    );
}

#[test]
fn key_points_drop_blank_items_and_need_one() {
    assert_eq!(
        first(r#"{"type": "key_points", "items": ["One", " ", "Two"]}"#),
        Block::KeyPoints(KeyPoints {
            title: None,
            items: vec!["One".into(), "Two".into()]
        })
    );
    dropped(
        r#"{"type": "key_points", "title": "T", "items": [" "]}"#,
        "`items` is empty",
    );
}

#[test]
fn a_factbox_holds_paragraphs_and_lists_only() {
    let Block::Factbox(Factbox { title, body }) = first(
        r#"{"type": "factbox", "title": "Getting there", "body": [
            {"type": "paragraph", "text": "By tram."}, {"type": "image", "src": "x.jpg", "alt": "x"},
            {"type": "list", "items": ["Tram 3"]}, {"type": "hologram"}]}"#,
    ) else {
        panic!()
    };
    assert_eq!(title, "Getting there");
    assert_eq!(body.len(), 2);
    assert!(matches!(body[0], Block::Paragraph(_)) && matches!(body[1], Block::List(_)));
    dropped(
        r#"{"type": "factbox", "title": "T", "body": [{"type": "image", "src": "x.jpg", "alt": "x"}]}"#,
        "`body` is empty",
    );
    dropped(
        r#"{"type": "factbox", "body": [{"type": "paragraph", "text": "x"}]}"#,
        "missing field `title`",
    );
}

#[test]
fn related_links_need_a_title_and_blank_addresses_are_absent() {
    let Block::Related(Related { title, links }) = first(
        r#"{"type": "related", "links": [{"title": "In the viewer", "article": "b.json", "url": " "}, {"title": "Out", "url": "https://e.example/"}]}"#,
    ) else {
        panic!()
    };
    assert_eq!(title, None);
    assert_eq!(links[0].article.as_deref(), Some("b.json"));
    assert_eq!(links[0].url, None);
    assert_eq!(links[1].url.as_deref(), Some("https://e.example/"));
    dropped(
        r#"{"type": "related", "links": [{"url": "https://e.example/"}]}"#,
        "missing field `title`",
    );
}

#[test]
fn corrections_are_read_and_a_bad_one_is_dropped_with_its_path() {
    let article = story(
        r#"{"type": "paragraph", "text": "P"}"#,
        r#""corrections": [
            {"time": "2025-10-15T12:40:00+03:00", "text": "We got the time wrong."},
            {"time": "yesterday", "text": "x"},
            {"time": "2025-10-15T13:00:00+03:00", "text": " "}],"#,
    );
    assert_eq!(article.corrections.len(), 1);
    assert_eq!(
        article.corrections[0].time.as_str(),
        "2025-10-15T12:40:00+03:00"
    );
    assert_eq!(article.corrections[0].text, "We got the time wrong.");
    assert!(
        article
            .problems
            .iter()
            .any(|p| p.contains("corrections[1].time")),
        "{:?}",
        article.problems
    );
    assert!(
        article
            .problems
            .iter()
            .any(|p| p.contains("corrections[2]")),
        "{:?}",
        article.problems
    );
    assert!(story(
        r#"{"type": "paragraph", "text": "P"}"#,
        r#""corrections": null,"#
    )
    .corrections
    .is_empty());
}

#[test]
fn the_new_blocks_count_toward_reading_time() {
    let article = story(
        r#"{"type": "table", "header": ["one two"], "rows": [["three four five"]]},
           {"type": "key_points", "items": ["six seven"]}, {"type": "pullquote", "text": "eight"}"#,
        "",
    );
    assert_eq!(article.word_count(), 8 + 2);
}
