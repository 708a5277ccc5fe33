//! The viewer written ahead of time, natively: one writer for the command,
//! the prerender and the Embed control.

use super::*;
use crate::article::decode;
use crate::markup::{Markup, Node};

const SEED: &str = include_str!("../../../public/articles/syria-russia-moscow-visit.json");

/// A WHATWG-like join, enough for these tests' absolute and relative paths.
fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    let raw = crate::url_policy::allow(raw, url_use)?;
    if raw.contains("://") || raw.starts_with("mailto:") {
        return Some(raw);
    }
    let dir = crate::address::page_dir(base);
    Some(format!("{dir}{raw}"))
}

fn place() -> Place<'static> {
    Place {
        integrity: Some("sha384-pinned"),
        page: "https://news.example/2025/story.html",
        viewer_dir: "https://viewer.example/av/",
    }
}

fn seed() -> Article {
    decode(SEED).unwrap()
}

#[test]
fn html_escapes_every_text_and_attribute_and_closes_what_it_opened() {
    let mut m = Markup::default();
    m.open("p")
        .attr("title", "a \"b\" & <c>")
        .text("</p><script>alert(1)</script>\0")
        .open("img")
        .attr("alt", "")
        .close()
        .open("span")
        .attr("hidden", "");
    assert_eq!(
        m.html(),
        "<p title=\"a &quot;b&quot; &amp; &lt;c&gt;\">&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;\u{fffd}<img alt><span hidden></span></p>"
    );
}

#[test]
fn the_snippet_carries_the_whole_story_twice_and_its_timeline() {
    let html = snippet(
        &seed(),
        "https://viewer.example/av/articles/seed.json",
        &place(),
        "p{}",
        &resolve,
    )
    .unwrap();
    assert!(html.starts_with(
        "<script type=\"module\" src=\"https://viewer.example/av/embed.js\" integrity=\"sha384-pinned\" crossorigin=\"anonymous\"></script>"
    ));
    let headline = "<h1 class=\"story__headline\" tabindex=\"-1\">Syrian president seeks to redefine ties with Russia during Moscow visit</h1>";
    assert_eq!(html.matches(headline).count(), 2);
    assert_eq!(
        html.matches("<div data-prerendered class=\"viewer-frame\">")
            .count(),
        1
    );
    // Written for a reader in the story's zone (+03:00), with no today:
    // every entry carries its date, true whenever it is read.
    assert!(html.contains(
        "<time class=\"timeline__time\" datetime=\"2025-10-15T11:50:00+03:00\" title=\"Wednesday, 15 October 2025 at 11:50 GMT+3\">15 Oct, 11:50</time>"
    ));
    assert_eq!(
        html.matches("<h3 class=\"timeline__day-heading\">Wednesday, 15 October 2025</h3>")
            .count(),
        2
    );
    // Nine entries, each twice; a story opens in the viewer's own page.
    assert_eq!(html.matches("class=\"timeline__entry\"").count(), 18);
    assert!(html.contains(
        "href=\"https://viewer.example/av/index.html?src=articles%2Fsample-city-budget.json\" data-action=\"open\""
    ));
    // An inline viewer adds no landmarks to the publisher's page.
    assert!(!html.contains("<main"));
    assert!(!html.contains("aria-label=\"Latest\""));
}

#[test]
fn the_same_story_gives_the_same_snippet_whenever_it_is_written() {
    let a = snippet(
        &seed(),
        "https://viewer.example/av/articles/seed.json",
        &place(),
        "p{}",
        &resolve,
    );
    let b = snippet(
        &seed(),
        "https://viewer.example/av/articles/seed.json",
        &place(),
        "p{}",
        &resolve,
    );
    assert_eq!(a, b);
    assert!(snippet(&seed(), "javascript:alert(1)", &place(), "", &resolve).is_none());
}

#[test]
fn the_standalone_page_has_its_landmarks_skip_link_and_embed_control() {
    let options = ViewerOptions::standalone(Some("articles/seed.json".into()));
    let place = Place {
        integrity: None,
        page: "https://viewer.example/av/index.html",
        viewer_dir: "https://viewer.example/av/",
    };
    let r = render(
        &seed(),
        &options,
        "https://viewer.example/av/articles/seed.json",
        &place,
        &resolve,
    );
    assert!(r
        .html
        .starts_with("<div class=\"viewer-frame\"><a class=\"skip-link\" href=\"#story\">"));
    assert!(r
        .html
        .contains("</a><main class=\"viewer\" lang=\"en-GB\" dir=\"ltr\" aria-busy=\"false\">"));
    assert!(r
        .html
        .contains("<section class=\"timeline\" aria-label=\"Latest\" aria-busy=\"false\">"));
    assert!(r.html.contains(
        "<details class=\"embed-code\"><summary data-action=\"embed\">Embed</summary></details>"
    ));
    assert_eq!((r.lang.as_str(), r.dir), ("en-GB", "ltr"));
    assert!(r.json_ld.contains("NewsArticle"));
}

#[test]
fn sections_leave_out_what_the_publisher_left_out() {
    let options = ViewerOptions::from_attributes(|n| match n {
        "data-src" => Some("seed.json".into()),
        "data-sections" => Some("timeline".into()),
        _ => None,
    });
    let r = render(
        &seed(),
        &options,
        "https://news.example/seed.json",
        &place(),
        &resolve,
    );
    assert!(!r.html.contains("class=\"story\""));
    assert!(!r.html.contains("social-bar"));
    assert!(r.html.contains("class=\"timeline\""));
}

#[test]
fn the_compact_stylesheet_keeps_every_rule_without_comments() {
    let css = "/* a */\n  :root {\n    --x: 1; /* b */\n  }\n\n  p { color: red }\n";
    assert_eq!(compact_css(css), ":root {\n--x: 1;\n}\np { color: red }");
    assert_eq!(compact_css(&compact_css(css)), compact_css(css));
}

#[test]
fn the_first_page_of_a_long_timeline_and_show_more() {
    let mut article = seed();
    let t = article.timeline.as_mut().unwrap();
    let one = t.entries[5].clone();
    t.entries = (0..250)
        .map(|i| crate::article::TimelineEntry {
            id: Some(format!("e{i}")),
            ..one.clone()
        })
        .collect();
    let r = render(
        &article,
        &ViewerOptions::standalone(None),
        "https://viewer.example/av/a.json",
        &place(),
        &resolve,
    );
    assert_eq!(r.html.matches("class=\"timeline__entry\"").count(), 100);
    assert!(r.html.contains(
        "<button type=\"button\" class=\"timeline__more\" data-action=\"more\">Show more</button>"
    ));
    // The tree agrees with the HTML: one section, its days in one box.
    let mut m = Markup::default();
    frame(
        &mut m,
        &article,
        &ViewerOptions::standalone(None),
        "https://viewer.example/av/a.json",
        &place(),
        &resolve,
    );
    let Node::Element(root) = &m.tree()[0] else {
        panic!()
    };
    let sections = root
        .elements()
        .into_iter()
        .filter(|e| e.name == "section")
        .count();
    assert_eq!(sections, 1);
}
