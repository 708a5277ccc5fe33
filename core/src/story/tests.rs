//! What each block becomes, natively: the same tree the browser builds.

use super::*;
use crate::article::decode;
use crate::messages::{AR, EN, FR};

struct Options {
    messages: &'static Messages,
    low_data: bool,
    always: bool,
}

const PLAIN: Options = Options {
    messages: &EN,
    low_data: false,
    always: false,
};

/// The story's tree for an article whose body is `blocks` (JSON).
fn story_of(blocks: &str, extra: &str, options: Options) -> Element {
    let json = format!(
        r#"{{"schema_version": 1, "id": "a", "headline": "H", {extra}
        "published": "2025-10-15T11:50:00+03:00", "body": [{blocks}]}}"#
    );
    let article = decode(&json).unwrap();
    let always = options.always;
    let markup = story(
        &article,
        &Settings {
            messages: options.messages,
            low_data: options.low_data,
            always: &|_| always,
            resolve: &|u, use_| crate::url_policy::allow(u, use_),
            open: &|a| {
                Some((
                    format!("viewer.html?src={a}"),
                    format!("https://news.example/{a}"),
                ))
            },
            time: &|t| format!("at {}", t.clock()),
            full: &|t| t.as_str().to_owned(),
            clock: &|t| t.clock(),
            ago: &|_| None,
            live_blog: super::LiveView::AHEAD,
            number: &|n| n.to_string(),
            share_url: "viewer.html?src=a.json",
        },
    );
    Element {
        name: "article",
        attributes: Vec::new(),
        children: markup.tree(),
    }
}

fn body(blocks: &str) -> Element {
    story_of(blocks, "", PLAIN)
}

fn all<'a>(root: &'a Element, name: &str) -> Vec<&'a Element> {
    root.elements()
        .into_iter()
        .filter(|e| e.name == name)
        .collect()
}

fn one<'a>(root: &'a Element, name: &str) -> &'a Element {
    let found = all(root, name);
    assert_eq!(found.len(), 1, "one <{name}> in {root:#?}");
    found[0]
}

fn with_class<'a>(root: &'a Element, class: &str) -> Vec<&'a Element> {
    root.elements()
        .into_iter()
        .filter(|e| {
            e.get("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
        .collect()
}

#[test]
fn paragraph_spans_nest_as_written_and_refused_links_are_text() {
    let story = body(
        r#"{"type": "paragraph", "spans": [
            {"text": "plain "}, {"text": "all", "bold": true, "italic": true, "href": "https://e.example/"},
            {"text": " bad", "href": "javascript:alert(1)"}]}"#,
    );
    let a = one(&story, "a");
    assert_eq!(a.get("href"), Some("https://e.example/"));
    assert_eq!(a.children.len(), 1);
    assert_eq!(one(a, "strong").text(), "all");
    assert_eq!(one(a, "em").text(), "all");
    let p = with_class(&story, "story__body")[0].children.clone();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].text(), "plain all bad");
}

#[test]
fn a_pullquote_is_a_figure_with_its_cite() {
    let story = body(r#"{"type": "pullquote", "text": "Words.", "cite": "Someone"}"#);
    let figure = with_class(&story, "story__pullquote")[0];
    assert_eq!(figure.name, "figure");
    assert_eq!(one(figure, "blockquote").text(), "Words.");
    assert_eq!(one(figure, "figcaption").text(), "Someone");
}

#[test]
fn a_table_has_headings_scoped_and_scrolls_in_a_named_region() {
    let story = body(
        r#"{"type": "table", "caption": "Results", "header": ["Party", "Seats"], "row_headers": true,
            "rows": [["Blue", "12"], ["Green", "9"]]}"#,
    );
    let region = with_class(&story, "story__table")[0];
    assert_eq!(region.get("role"), Some("region"));
    assert_eq!(region.get("tabindex"), Some("0"));
    assert_eq!(region.get("aria-label"), Some("Results"));
    assert_eq!(one(region, "caption").text(), "Results");
    let th: Vec<_> = all(region, "th")
        .iter()
        .map(|t| (t.text(), t.get("scope").unwrap().to_owned()))
        .collect();
    assert_eq!(
        th,
        [
            ("Party".into(), "col".into()),
            ("Seats".into(), "col".into()),
            ("Blue".into(), "row".into()),
            ("Green".into(), "row".into())
        ]
    );
    assert_eq!(all(region, "td").len(), 2);

    // Without row headings every cell is data; without a caption the region
    // is named by the catalogue.
    let plain = body(r#"{"type": "table", "rows": [["a", "b"]]}"#);
    assert!(all(&plain, "th").is_empty());
    assert!(all(&plain, "thead").is_empty());
    assert_eq!(
        with_class(&plain, "story__table")[0].get("aria-label"),
        Some("Table")
    );
    let french = story_of(
        r#"{"type": "table", "rows": [["a"]]}"#,
        r#""lang": "fr","#,
        Options {
            messages: &FR,
            ..PLAIN
        },
    );
    assert_eq!(
        with_class(&french, "story__table")[0].get("aria-label"),
        Some("Tableau")
    );
}

const GALLERY: &str = r#"{"type": "gallery", "caption": "Highlights", "images": [
    {"src": "a.jpg", "alt": "A", "width": 1200, "height": 800, "caption": "First"},
    {"src": "b.jpg", "alt": "B", "width": 1200, "height": 800},
    {"src": "javascript:alert(1)", "alt": "C"}]}"#;

#[test]
fn a_gallery_is_a_group_of_figures_with_boxes_reserved_and_lazy_after_the_first() {
    let story = body(GALLERY);
    let gallery = with_class(&story, "story__gallery")[0];
    assert_eq!(gallery.name, "figure");
    let figures = with_class(gallery, "story__figure");
    assert_eq!(figures.len(), 3);
    let images = all(gallery, "img");
    assert_eq!(images.len(), 2, "the refused one shows as its alt text");
    assert_eq!(images[0].get("loading"), Some("eager"));
    assert_eq!(images[1].get("loading"), Some("lazy"));
    assert_eq!(
        (images[0].get("width"), images[0].get("height")),
        (Some("1200"), Some("800"))
    );
    assert_eq!(with_class(gallery, "story__missing-image")[0].text(), "C");
    assert_eq!(gallery.children.last().unwrap().text(), "Highlights");
}

#[test]
fn with_less_data_images_wait_for_a_tap_and_videos_have_no_poster() {
    let blocks = format!(
        r#"{GALLERY}, {{"type": "video", "src": "v.webm", "title": "V", "poster": "p.jpg"}}"#
    );
    let story = story_of(
        &blocks,
        "",
        Options {
            low_data: true,
            ..PLAIN
        },
    );
    for img in all(&story, "img") {
        assert_eq!(img.get("src"), None);
        assert!(img.get("data-src").is_some());
        assert_eq!(img.get("hidden"), Some(""));
    }
    let buttons = with_class(&story, "story__show-image");
    assert_eq!(buttons.len(), 2);
    assert_eq!(buttons[0].get("data-action"), Some("show-image"));
    assert_eq!(buttons[0].text(), "Show image");
    assert_eq!(one(&story, "video").get("poster"), None);
}

#[test]
fn a_video_has_controls_loads_nothing_before_play_and_carries_its_captions() {
    let story = body(
        r#"{"type": "video", "src": "v.webm", "title": "The harbour", "poster": "p.jpg", "width": 640, "height": 360,
            "captions": [{"src": "v.en.vtt", "lang": "en", "label": "English"}, {"src": "javascript:x", "lang": "fr", "label": "Français"}]}"#,
    );
    let video = one(&story, "video");
    for (name, value) in [
        ("controls", ""),
        ("preload", "none"),
        ("src", "v.webm"),
        ("poster", "p.jpg"),
        ("width", "640"),
        ("height", "360"),
        ("aria-label", "The harbour"),
    ] {
        assert_eq!(video.get(name), Some(value), "{name}");
    }
    let track = one(video, "track");
    assert_eq!(
        (
            track.get("kind"),
            track.get("src"),
            track.get("srclang"),
            track.get("label")
        ),
        (
            Some("captions"),
            Some("v.en.vtt"),
            Some("en"),
            Some("English")
        )
    );
    let refused = body(r#"{"type": "video", "src": "javascript:alert(1)", "title": "T"}"#);
    assert!(all(&refused, "video").is_empty());
    assert_eq!(with_class(&refused, "story__video")[0].text(), "T");
}

const YOUTUBE: &str = r#"{"type": "embed", "provider": "youtube", "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "title": "The clip", "caption": "What it shows", "thumbnail": "still.jpg"}"#;

#[test]
fn an_embed_is_a_placeholder_that_loads_nothing_from_the_provider() {
    let story = body(YOUTUBE);
    let embed = with_class(&story, "story__embed")[0];
    assert!(all(embed, "iframe").is_empty());
    assert_eq!(embed.get("data-provider"), Some("youtube"));
    // The only image is the publisher's still, under the URL policy.
    let images: Vec<_> = all(embed, "img")
        .iter()
        .map(|i| i.get("src").unwrap())
        .collect();
    assert_eq!(images, ["still.jpg"]);
    let text = embed.text();
    assert!(text.contains("The clip"));
    assert!(text.contains("What it shows"));
    assert!(text.contains("This content comes from YouTube, which may use cookies"));
    let button = one(embed, "button");
    assert_eq!(button.text(), "Load content from YouTube");
    assert_eq!(button.get("data-action"), Some("load"));
    let link = one(embed, "a");
    assert_eq!(
        link.get("href"),
        Some("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    );
    assert_eq!(link.text(), "Open on YouTube");
    let checkbox = one(embed, "input");
    assert_eq!(
        (checkbox.get("type"), checkbox.get("checked")),
        (Some("checkbox"), None)
    );
    assert!(embed.text().contains("Always load content from YouTube"));
}

#[test]
fn an_embed_speaks_the_story_language() {
    for (messages, lang, load) in [
        (&AR, "ar", "تحميل المحتوى من YouTube"),
        (&FR, "fr", "Charger le contenu de YouTube"),
    ] {
        let story = story_of(
            YOUTUBE,
            &format!(r#""lang": "{lang}","#),
            Options { messages, ..PLAIN },
        );
        assert_eq!(
            one(with_class(&story, "story__embed")[0], "button").text(),
            load
        );
    }
}

#[test]
fn an_embed_the_reader_always_loads_is_its_player_in_a_sandboxed_frame() {
    let story = story_of(
        YOUTUBE,
        "",
        Options {
            always: true,
            ..PLAIN
        },
    );
    let iframe = one(&story, "iframe");
    assert_eq!(
        iframe.get("src"),
        Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    );
    assert_eq!(iframe.get("title"), Some("The clip"));
    assert_eq!(
        iframe.get("sandbox"),
        Some("allow-scripts allow-same-origin allow-popups allow-presentation")
    );
    assert_eq!(iframe.get("allow"), Some("fullscreen; picture-in-picture"));
    assert_eq!(
        iframe.get("referrerpolicy"),
        Some("strict-origin-when-cross-origin")
    );
    assert!(with_class(&story, "story__player--wide").len() == 1);
    assert!(all(&story, "button")
        .iter()
        .all(|b| b.get("data-action") != Some("load")));
    assert_eq!(one(&story, "input").get("checked"), Some(""));
}

#[test]
fn a_hostile_or_unknown_embed_never_becomes_a_frame() {
    for (provider, url) in [
        ("youtube", "javascript:alert(1)"),
        (
            "youtube",
            "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        ),
        ("vimeo", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("other", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("myspace", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
    ] {
        for always in [false, true] {
            let story = story_of(
                &format!(
                    r#"{{"type": "embed", "provider": "{provider}", "url": "{url}", "title": "T"}}"#
                ),
                "",
                Options { always, ..PLAIN },
            );
            assert!(all(&story, "iframe").is_empty(), "{provider} {url}");
            assert!(all(&story, "button")
                .iter()
                .all(|b| b.get("data-action") != Some("load")));
            let embed = with_class(&story, "story__embed")[0];
            assert_eq!(embed.get("data-provider"), None);
            match all(embed, "a").first() {
                Some(a) => assert!(a.get("href").unwrap().starts_with("https://")),
                None => assert_eq!(embed.text(), "T"),
            }
        }
    }
}

#[test]
fn key_points_and_related_take_their_default_titles_from_the_catalogue() {
    for (messages, lang, key_points, related) in [
        (&EN, "en", "Key points", "Related"),
        (&AR, "ar", "النقاط الرئيسية", "ذو صلة"),
        (&FR, "fr", "Points clés", "À lire aussi"),
    ] {
        let story = story_of(
            r#"{"type": "key_points", "items": ["One", "Two"]}, {"type": "related", "links": [{"title": "T", "url": "https://e.example/"}]}"#,
            &format!(r#""lang": "{lang}","#),
            Options { messages, ..PLAIN },
        );
        let titles: Vec<_> = with_class(&story, "story__box-title")
            .iter()
            .map(|h| h.text())
            .collect();
        assert_eq!(titles, [key_points, related]);
    }
}

#[test]
fn boxes_are_named_by_their_headings() {
    let story = body(
        r#"{"type": "key_points", "title": "In short", "items": ["One"]},
           {"type": "factbox", "title": "Getting there", "body": [{"type": "paragraph", "text": "By tram."}, {"type": "list", "items": ["Tram 3"]}, {"type": "image", "src": "x.jpg", "alt": "x"}]}"#,
    );
    for (class, name, title) in [
        ("story__key-points", "div", "In short"),
        ("story__factbox", "aside", "Getting there"),
    ] {
        let boxed = with_class(&story, class)[0];
        assert_eq!(boxed.name, name);
        let heading = one(boxed, "h2");
        assert_eq!(heading.text(), title);
        assert_eq!(boxed.get("aria-labelledby"), heading.get("id"));
    }
    let factbox = with_class(&story, "story__factbox")[0];
    assert_eq!(one(factbox, "p").text(), "By tram.");
    assert_eq!(one(factbox, "li").text(), "Tram 3");
    assert!(
        all(factbox, "img").is_empty(),
        "a factbox holds paragraphs and lists"
    );
    let ids: Vec<_> = with_class(&story, "story__box-title")
        .iter()
        .map(|h| h.get("id").unwrap().to_owned())
        .collect();
    assert_ne!(ids[0], ids[1]);
}

#[test]
fn related_stories_open_in_place_link_out_or_are_text() {
    let story = body(
        r#"{"type": "related", "links": [
            {"title": "In the viewer", "article": "other.json", "url": "https://e.example/other"},
            {"title": "Outside", "url": "https://e.example/page"},
            {"title": "Refused", "url": "javascript:alert(1)"},
            {"title": "Just a title"}]}"#,
    );
    let links = all(&story, "li");
    let inside = one(links[0], "a");
    assert_eq!(inside.get("href"), Some("viewer.html?src=other.json"));
    assert_eq!(inside.get("data-action"), Some("open"));
    assert_eq!(
        inside.get("data-article"),
        Some("https://news.example/other.json")
    );
    let outside = one(links[1], "a");
    assert_eq!(outside.get("href"), Some("https://e.example/page"));
    assert_eq!(outside.get("data-action"), None);
    assert!(all(links[2], "a").is_empty());
    assert_eq!(links[2].text(), "Refused");
    assert_eq!(links[3].text(), "Just a title");
}

#[test]
fn corrections_follow_the_body_with_their_time() {
    let story = story_of(
        r#"{"type": "paragraph", "text": "Body."}"#,
        r#""corrections": [{"time": "2025-10-15T12:40:00+03:00", "text": "We got the time wrong."}],"#,
        PLAIN,
    );
    let last = story.children.last().unwrap();
    let Node::Element(corrections) = last else {
        panic!()
    };
    assert_eq!(corrections.get("class"), Some("story__corrections"));
    assert_eq!(
        corrections.text(),
        "Correction, at 12:40: We got the time wrong."
    );
    assert_eq!(
        one(corrections, "time").get("datetime"),
        Some("2025-10-15T12:40:00+03:00")
    );
    let arabic = story_of(
        r#"{"type": "paragraph", "text": "Body."}"#,
        r#""lang": "ar", "corrections": [{"time": "2025-10-15T12:40:00+03:00", "text": "x"}],"#,
        Options {
            messages: &AR,
            ..PLAIN
        },
    );
    assert!(with_class(&arabic, "story__correction")[0]
        .text()
        .starts_with("تصحيح، at 12:40:"));
}

#[test]
fn the_header_has_headline_byline_dateline_reading_time_and_share() {
    let story = story_of(
        r#"{"type": "paragraph", "text": "Body."}"#,
        r#""section": "World", "standfirst": "S", "byline": [{"name": "Ada", "url": "https://e.example/ada"}, {"name": "Bo"}, {"name": "Cy", "url": "javascript:x"}],
           "updated": "2025-10-15T12:00:00+03:00","#,
        PLAIN,
    );
    let header = one(&story, "header");
    assert_eq!(one(header, "h1").get("tabindex"), Some("-1"));
    assert_eq!(
        with_class(header, "story__byline")[0].text(),
        "By Ada, Bo & Cy"
    );
    assert_eq!(all(header, "a").len(), 1);
    assert_eq!(
        with_class(header, "story__dateline")[0].text(),
        "Published at 11:50 Updated at 12:00"
    );
    assert_eq!(
        with_class(header, "story__reading-time")[0].text(),
        "1 min read"
    );
    let share = with_class(header, "share__button")[0];
    assert_eq!(
        (share.get("data-action"), share.get("data-url")),
        (Some("share"), Some("viewer.html?src=a.json"))
    );
}

#[test]
fn actions_round_trip_through_their_keys() {
    for action in Action::ALL {
        assert_eq!(Action::from_key(action.key()), Some(action));
    }
    assert_eq!(Action::from_key("javascript"), None);
}

#[test]
fn every_address_is_resolved_against_the_story_not_the_page() {
    let json = r#"{"schema_version": 1, "id": "a", "headline": "H", "published": "2025-10-15T11:50:00+03:00",
        "image": {"src": "media/lead.jpg", "alt": "lead"},
        "body": [{"type": "paragraph", "spans": [{"text": "link", "href": "other.html"}]},
                 {"type": "video", "src": "media/v.webm", "title": "V", "captions": [{"src": "media/v.vtt", "lang": "en", "label": "English"}]}]}"#;
    let article = decode(json).unwrap();
    let resolve = |u: &str, use_| {
        let allowed = crate::url_policy::allow(u, use_)?;
        Some(format!("https://news.example/articles/{allowed}"))
    };
    let markup = story(
        &article,
        &Settings {
            messages: &EN,
            low_data: false,
            always: &|_| false,
            resolve: &resolve,
            open: &|_| None,
            time: &|t| t.clock(),
            full: &|t| t.clock(),
            clock: &|t| t.clock(),
            ago: &|_| None,
            live_blog: super::LiveView::AHEAD,
            number: &|n| n.to_string(),
            share_url: "x",
        },
    );
    let root = Element {
        name: "article",
        attributes: Vec::new(),
        children: markup.tree(),
    };
    assert_eq!(
        one(&root, "img").get("src"),
        Some("https://news.example/articles/media/lead.jpg")
    );
    assert_eq!(
        one(&root, "a").get("href"),
        Some("https://news.example/articles/other.html")
    );
    assert_eq!(
        one(&root, "video").get("src"),
        Some("https://news.example/articles/media/v.webm")
    );
    assert_eq!(
        one(&root, "track").get("src"),
        Some("https://news.example/articles/media/v.vtt")
    );
}
