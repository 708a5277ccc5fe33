//! Components in a real headless Chromium (wasm-bindgen-test): what each one
//! puts in the DOM, as a reader and a screen reader meet it.
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use article_core::article::{decode, Article};
use article_core::messages::{self, Messages, EN};
use article_viewer::{SocialBar, Story, Timeline, ViewerContext};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh `<div>` of the test page, inside a viewer's
/// context with the English catalogue, and returns the div.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> HtmlElement {
    mount_in(ViewerContext::fixed(&EN, Callback::new(|_| {})), f)
}

/// Mounts a view inside the given viewer context.
fn mount_in<V: IntoView + 'static>(
    context: ViewerContext,
    f: impl FnOnce() -> V + 'static,
) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    // Keep the view alive for the rest of the test run.
    std::mem::forget(leptos::mount::mount_to(host.clone(), move || {
        provide_context(context);
        f()
    }));
    host
}

/// The context of a viewer in `messages`'s language.
fn in_language(messages: &'static Messages) -> ViewerContext {
    ViewerContext::fixed(messages, Callback::new(|_| {}))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn article(extra: &str) -> Article {
    decode(&format!(
        r#"{{
        "schema_version": 1, "id": "t", "lang": "en", {extra}
        "published": "2025-10-15T11:50:00+03:00"
    }}"#
    ))
    .unwrap()
}

#[wasm_bindgen_test]
fn story_renders_blocks_in_order_with_their_roles() {
    let a = article(
        r#""headline": "The headline", "standfirst": "The standfirst",
        "byline": [{"name": "Ada"}, {"name": "Ben", "url": "https://example.com/ben"}],
        "updated": "2025-10-15T12:10:00+03:00",
        "body": [
            {"type": "paragraph", "text": "First."},
            {"type": "heading", "text": "A sub-heading"},
            {"type": "quote", "text": "Said.", "cite": "Someone"},
            {"type": "image", "src": "img/a.jpg", "alt": "A picture", "width": 640, "height": 360, "caption": "Cap"},
            {"type": "list", "ordered": true, "items": ["one", "two"]},
            {"type": "carousel", "items": [1, 2]},
            {"type": "paragraph", "spans": [{"text": "bold", "bold": true}, {"text": " and "}, {"text": "link", "href": "https://example.com/", "italic": true}]}
        ],"#,
    );
    let host = mount(
        move || view! { <Story article=a share_url="http://127.0.0.1:1/?src=t.json".to_owned() base="http://127.0.0.1:1/t.json".to_owned() /> },
    );
    assert_eq!(texts(&host, "article h1"), ["The headline"]);
    assert_eq!(texts(&host, ".story__standfirst"), ["The standfirst"]);
    assert_eq!(texts(&host, ".story__byline"), ["By Ada & Ben"]);
    assert_eq!(texts(&host, ".story__reading-time"), ["1 min read"]);
    assert_eq!(texts(&host, ".share__button"), ["Share"]);
    assert_eq!(
        one(&host, ".story__byline a")
            .get_attribute("href")
            .unwrap(),
        "https://example.com/ben"
    );
    let times = all(&host, ".story__dateline time");
    assert_eq!(times.len(), 2, "published and updated");
    assert_eq!(
        times[0].get_attribute("datetime").unwrap(),
        "2025-10-15T11:50:00+03:00"
    );
    assert!(
        times[0].text_content().unwrap().contains("2025"),
        "{:?}",
        times[0].text_content()
    );
    // The reader's zone (scripts/test runs this in Asia/Kolkata, +05:30).
    assert_eq!(
        spaced(&times[0].text_content().unwrap()),
        "October 15, 2025 at 2:20 PM"
    );
    assert_eq!(
        spaced(&times[0].get_attribute("title").unwrap()),
        "Wednesday, October 15, 2025 at 2:20 PM GMT+5:30",
        "the tooltip names the zone"
    );
    let body: Vec<String> = all(&host, ".story__body > *")
        .iter()
        .map(|e| e.tag_name())
        .collect();
    assert_eq!(
        body,
        ["P", "H2", "FIGURE", "FIGURE", "OL", "P"],
        "unknown block renders nothing"
    );
    assert_eq!(texts(&host, "blockquote"), ["Said."]);
    let img = one(&host, ".story__body img");
    assert_eq!(img.get_attribute("alt").unwrap(), "A picture");
    assert_eq!(img.get_attribute("width").unwrap(), "640");
    assert_eq!(img.get_attribute("height").unwrap(), "360");
    assert_eq!(texts(&host, ".story__body strong"), ["bold"]);
    assert_eq!(texts(&host, ".story__body a em"), ["link"]);
}

#[wasm_bindgen_test]
fn markup_in_any_field_shows_as_text() {
    let payload = r#"<img src=x onerror=alert(1)><b>bold</b>"#;
    let escaped = payload.replace('"', "\\\"");
    let a = article(&format!(
        r#""headline": "{escaped}", "standfirst": "{escaped}",
        "body": [{{"type": "paragraph", "text": "{escaped}"}}, {{"type": "heading", "text": "{escaped}"}}],"#
    ));
    let host = mount(
        move || view! { <Story article=a share_url="http://127.0.0.1:1/?src=t.json".to_owned() base="http://127.0.0.1:1/t.json".to_owned() /> },
    );
    assert_eq!(texts(&host, "h1"), [payload]);
    assert_eq!(texts(&host, ".story__body p"), [payload]);
    assert!(
        all(&host, "img, b").is_empty(),
        "markup was parsed: {}",
        host.inner_html()
    );
}

#[wasm_bindgen_test]
fn refused_urls_render_as_text_and_alt() {
    let a = article(
        r#""headline": "H", "byline": [{"name": "Eve", "url": "javascript:alert(1)"}],
        "body": [
            {"type": "paragraph", "spans": [{"text": "click", "href": " JaVa\tScRiPt:alert(1)"}]},
            {"type": "image", "src": "data:image/svg+xml,<svg onload=alert(1)>", "alt": "The alt text"}
        ],"#,
    );
    let host = mount(
        move || view! { <Story article=a share_url="http://127.0.0.1:1/?src=t.json".to_owned() base="http://127.0.0.1:1/t.json".to_owned() /> },
    );
    assert!(all(&host, "a").is_empty(), "a refused URL became a link");
    assert!(all(&host, "img").is_empty(), "a refused image was loaded");
    assert_eq!(texts(&host, ".story__body p"), ["click", "The alt text"]);
    assert_eq!(texts(&host, ".story__byline"), ["By Eve"]);
}

#[wasm_bindgen_test]
fn social_bar_is_a_named_nav_of_safe_new_tab_links() {
    let a = article(
        r#""headline": "H", "body": [{"type": "paragraph", "text": "P"}],
        "social": {"links": [
            {"network": "facebook", "url": "https://www.facebook.com/example"},
            {"network": "rss", "url": "feed.xml", "label": "Our feed"},
            {"network": "x", "url": "javascript:alert(1)"}
        ]},"#,
    );
    let bar = a.social.unwrap();
    let host = mount(move || view! { <SocialBar bar=bar /> });
    let nav = one(&host, "nav");
    assert_eq!(nav.get_attribute("aria-label").unwrap(), "Follow us");
    let links = all(&nav, "a");
    assert_eq!(links.len(), 2, "the javascript: link is left out");
    for link in &links {
        assert_eq!(link.get_attribute("target").unwrap(), "_blank");
        assert_eq!(link.get_attribute("rel").unwrap(), "noopener noreferrer");
        assert!(
            link.query_selector("svg path").unwrap().is_some(),
            "inline icon"
        );
    }
    assert!(links[0]
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Facebook"));
    assert_eq!(
        links[0].get_attribute("href").unwrap(),
        "https://www.facebook.com/example"
    );
    assert!(links[1]
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Our feed"));
}

#[wasm_bindgen_test]
fn social_bar_title_and_language_come_from_the_article() {
    let a = article(
        r#""headline": "H", "body": [{"type": "paragraph", "text": "P"}],
        "social": {"title": "Find us", "links": [{"network": "telegram", "url": "https://t.me/x"}]},"#,
    );
    let bar = a.social.unwrap();
    let host = mount(move || view! { <SocialBar bar=bar /> });
    assert_eq!(
        one(&host, "nav").get_attribute("aria-label").unwrap(),
        "Find us"
    );
    let ar = messages::for_lang("ar");
    let bar = article(
        r#""headline": "H", "body": [{"type": "paragraph", "text": "P"}],
        "social": {"links": [{"network": "telegram", "url": "https://t.me/x"}]},"#,
    )
    .social
    .unwrap();
    let host = mount_in(in_language(ar), move || view! { <SocialBar bar=bar /> });
    assert_eq!(
        one(&host, "nav").get_attribute("aria-label").unwrap(),
        ar.follow_us
    );
}

#[wasm_bindgen_test]
fn timeline_lists_entries_newest_first_and_opens_articles_in_place() {
    let a = article(
        r#""headline": "H", "body": [{"type": "paragraph", "text": "P"}],
        "timeline": {"entries": [
            {"time": "2025-10-15T09:50:00+03:00", "headline": "Oldest", "url": "https://example.com/old"},
            {"time": "2025-10-15T11:50:00+03:00", "headline": "Newest", "article": "next.json"},
            {"time": "2025-10-15T10:20:00+03:00", "headline": "-"},
            {"time": "2025-10-15T10:50:00+03:00", "headline": "Plain"}
        ]},"#,
    );
    let timeline = a.timeline.unwrap();
    let opened = Arc::new(Mutex::new(Vec::<String>::new()));
    let record = opened.clone();
    let on_open = Callback::new(move |url: String| record.lock().unwrap().push(url));
    let context = ViewerContext {
        viewer_page: StoredValue::new("http://127.0.0.1:1/index.html".to_owned()),
        ..ViewerContext::fixed(&EN, on_open)
    };
    let host = mount_in(context, move || {
        view! {
            <Timeline
                timeline=timeline
                base="http://127.0.0.1:1/articles/this.json".to_owned()
            />
        }
    });
    let section = one(&host, "section");
    assert_eq!(section.get_attribute("aria-label").unwrap(), "Latest");
    assert_eq!(texts(&section, "h2"), ["Latest"]);
    assert_eq!(
        texts(&section, "ol > li .timeline__headline"),
        ["Newest", "Plain", "Oldest"]
    );
    let datetimes: Vec<String> = all(&section, "ol > li time")
        .iter()
        .map(|t| t.get_attribute("datetime").unwrap())
        .collect();
    assert_eq!(
        datetimes,
        [
            "2025-10-15T11:50:00+03:00",
            "2025-10-15T10:50:00+03:00",
            "2025-10-15T09:50:00+03:00"
        ]
    );
    // In the reader's zone (Asia/Kolkata, +05:30), under the reader's day.
    assert_eq!(texts(&section, "h3"), ["Wednesday, October 15, 2025"]);
    let times: Vec<String> = texts(&section, "ol > li time")
        .iter()
        .map(|t| spaced(t))
        .collect();
    assert_eq!(
        times,
        ["Oct 15, 02:20 PM", "Oct 15, 01:20 PM", "Oct 15, 12:20 PM"]
    );

    let newest: HtmlElement = one(&section, "li:first-child a").unchecked_into();
    assert_eq!(
        newest.get_attribute("href").unwrap(),
        "http://127.0.0.1:1/index.html?src=articles%2Fnext.json"
    );
    newest.click();
    assert_eq!(
        *opened.lock().unwrap(),
        ["http://127.0.0.1:1/articles/next.json"]
    );
    assert_eq!(
        one(&section, "li:last-child a")
            .get_attribute("href")
            .unwrap(),
        "https://example.com/old"
    );
    // Without url or article, the permalink is the entry's own place.
    let plain = one(&section, "li:nth-child(2)");
    assert_eq!(
        one(&plain, "a").get_attribute("href").unwrap(),
        format!("#{}", plain.id())
    );
    assert!(plain.id().starts_with("entry-"));
}

/// Intl puts narrow no-break spaces before "PM": plain spaces, to compare.
fn spaced(text: &str) -> String {
    text.replace(['\u{202f}', '\u{a0}'], " ")
}
