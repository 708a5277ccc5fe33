//! Each format read from the samples that ship in `public/sources/`, field
//! by field; hostile documents read without a panic, and nothing they hold
//! gets through as markup or as a refused address.

use super::*;
use article_core::article::{decode, Block};
use serde_json::Value;

/// The native resolver, as `article-snippet` has it.
pub fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    article_core::url_policy::resolve_with(raw, base, url_use, |raw, base| {
        Some(url::Url::parse(base).ok()?.join(raw).ok()?.to_string())
    })
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../public/sources/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The sample `name` converted (from `url`), as JSON and as the viewer
/// decodes it.
fn convert_sample(name: &str, url: &str) -> (Value, article_core::article::Article) {
    let json = convert(&sample(name), url, &resolve).unwrap();
    let article = decode(&json).unwrap_or_else(|e| panic!("{name}: {e}\n{json}"));
    assert!(
        article.problems.is_empty(),
        "{name}: {:?}",
        article.problems
    );
    (serde_json::from_str(&json).unwrap(), article)
}

fn block_types(doc: &Value) -> Vec<&str> {
    doc["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["type"].as_str().unwrap())
        .collect()
}

#[test]
fn the_samples_are_told_apart_by_what_they_hold() {
    for (name, expected) in [
        ("wordpress-post.json", Kind::WordPressPost),
        ("wordpress-posts.json", Kind::WordPressCollection),
        ("feed.json", Kind::JsonFeed),
        ("feed.rss", Kind::Rss),
        ("feed.atom", Kind::Atom),
        ("article-page.html", Kind::HtmlPage),
    ] {
        assert_eq!(kind(&sample(name)), expected, "{name}");
    }
    let own = std::fs::read_to_string(format!(
        "{}/../public/articles/syria-russia-moscow-visit.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(kind(&own), Kind::Article);
    for other in [
        "",
        "hello",
        "{}",
        "[]",
        "[1,2]",
        "{\"title\": \"x\"}",
        "<svg/>",
        "<?xml version=\"1.0\"?><x/>",
    ] {
        assert_eq!(kind(other), Kind::Unknown, "{other}");
        assert!(
            convert(other, "https://news.example/x", &resolve).is_err(),
            "{other}"
        );
    }
}

#[test]
fn a_wordpress_post_maps_field_by_field() {
    let url = "https://news.example/wp-json/wp/v2/posts/123?_embed";
    let (doc, article) = convert_sample("wordpress-post.json", url);
    assert_eq!(
        article.headline,
        "Sample: the new tram line opens – and it’s free this weekend"
    );
    assert!(article
        .standfirst
        .as_deref()
        .unwrap()
        .starts_with("A sample WordPress post that ships with the viewer: the city’s first"));
    assert_eq!(doc["published"], "2025-10-15T08:05:00Z");
    assert_eq!(doc["updated"], "2025-10-15T09:10:00Z");
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://news.example/2025/10/sample-tram-line-opens/")
    );
    assert_eq!(article.byline[0].name, "Sample Desk");
    assert_eq!(article.section.as_deref(), Some("City"));
    assert_eq!(article.tags, ["Transport", "Harbour"]);
    let image = article.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://news.example/wp-content/uploads/2025/10/tram.svg"
    );
    assert_eq!(image.alt, "A tram at the harbour stop");
    assert_eq!(
        block_types(&doc),
        [
            "paragraph",
            "heading",
            "paragraph",
            "image",
            "list",
            "quote",
            "table",
            "embed",
            "paragraph",
            "paragraph"
        ]
    );
    let body = &doc["body"];
    assert_eq!(
        body[0]["spans"][1],
        serde_json::json!({"text": "Saturday morning", "bold": true})
    );
    assert_eq!(
        body[2]["spans"][1]["href"],
        "https://news.example/tag/harbour/"
    );
    // The lazy image's real address, not the placeholder.
    assert_eq!(
        body[3]["src"],
        "https://news.example/wp-content/uploads/2025/10/tram.svg"
    );
    assert_eq!(
        body[3]["caption"],
        "The first tram on a test run. (Sample image)"
    );
    assert_eq!(body[4]["items"].as_array().unwrap().len(), 3);
    assert_eq!(
        body[5]["text"],
        "We have waited forty years for this line. A resident"
    );
    assert_eq!(
        body[6]["header"],
        serde_json::json!(["Stop", "Minutes from the harbour"])
    );
    assert_eq!(body[6]["rows"][2], serde_json::json!(["University", "22"]));
    assert_eq!(body[6]["caption"], "Journey times on line 9");
    assert_eq!(body[7]["provider"], "youtube");
    assert_eq!(
        body[7]["url"],
        "https://www.youtube.com/watch?v=jNQXAC9IVRw"
    );
    // The script gave nothing; the paragraph with an `onclick` its text.
    assert_eq!(body[8]["text"], "Tickets are needed again from Monday.");
    assert!(!doc.to_string().contains("alert"));
    // Where it came from, linking to the original.
    assert_eq!(
        body[9]["spans"][1],
        serde_json::json!({"text": "news.example", "href": "https://news.example/2025/10/sample-tram-line-opens/"})
    );
    assert!(matches!(article.body[7], Block::Embed(_)));
    assert!(article.timeline.is_none(), "one post, no timeline");
}

#[test]
fn a_wordpress_collection_is_the_newest_post_and_a_timeline_of_all() {
    let url = "https://news.example/wp-json/wp/v2/posts?_embed";
    let (_, article) = convert_sample("wordpress-posts.json", url);
    assert_eq!(article.id, "123", "the newest");
    let timeline = article.timeline.unwrap();
    let ids: Vec<_> = timeline
        .entries
        .iter()
        .map(|e| e.id.clone().unwrap())
        .collect();
    assert_eq!(ids, ["123", "124", "125", "126"], "newest first");
    assert_eq!(
        timeline.entries[1].article.as_deref(),
        Some("https://news.example/wp-json/wp/v2/posts?_embed#item=124")
    );
    // An entry opens its post from the same document.
    let (_, second) = convert_sample(
        "wordpress-posts.json",
        timeline.entries[1].article.as_deref().unwrap(),
    );
    assert_eq!(
        second.headline,
        "Sample: the market hall keeps longer hours"
    );
    // A protected post says so.
    let (doc, protected) = convert_sample("wordpress-posts.json", &format!("{url}#item=126"));
    assert!(
        doc["body"][0]["text"]
            .as_str()
            .unwrap()
            .contains("protected by a password"),
        "{doc}"
    );
    assert_eq!(protected.headline, "Sample: a members-only briefing");
}

#[test]
fn a_json_feed_is_its_newest_item_and_a_timeline() {
    let url = "https://news.example/feed.json";
    let (doc, article) = convert_sample("feed.json", url);
    assert_eq!(article.headline, "Sample: the lighthouse museum reopens");
    assert_eq!(article.lang, "en-GB");
    assert_eq!(
        article.standfirst.as_deref(),
        Some("A sample JSON Feed item: the museum opens its doors again after a year of repairs.")
    );
    assert_eq!(doc["published"], "2025-10-15T11:45:00+03:00");
    assert_eq!(doc["updated"], "2025-10-15T12:00:00+03:00");
    assert_eq!(article.byline[0].name, "Sample Desk");
    assert_eq!(article.tags, ["Culture", "Harbour"]);
    assert_eq!(
        block_types(&doc),
        ["paragraph", "heading", "list", "image", "paragraph"]
    );
    assert_eq!(doc["body"][2]["ordered"], true);
    // Relative to the item's own address.
    assert_eq!(
        doc["body"][3]["src"],
        "https://news.example/2025/10/media/lighthouse.svg"
    );
    assert_eq!(
        article.timeline.as_ref().unwrap().title.as_deref(),
        Some("News Example — latest (sample JSON Feed)")
    );
    let (text_doc, text_item) = convert_sample("feed.json", &format!("{url}#item=2"));
    assert_eq!(
        text_item.headline,
        "Sample: the winter ferry timetable starts"
    );
    assert_eq!(
        block_types(&text_doc),
        ["paragraph", "paragraph", "paragraph"],
        "content_text: one per paragraph, then the credit"
    );
    let (_, numbered) = convert_sample("feed.json", &format!("{url}#item=3"));
    assert_eq!(numbered.id, "3", "a number id as written");
}

#[test]
fn an_rss_feed_maps_field_by_field() {
    let url = "https://news.example/city/feed/";
    let (doc, article) = convert_sample("feed.rss", url);
    assert_eq!(
        article.headline,
        "Sample: night buses return to the old town"
    );
    assert_eq!(article.lang, "en-gb");
    assert_eq!(doc["published"], "2025-10-15T08:40:00+00:00");
    assert_eq!(article.byline[0].name, "Sample Desk");
    assert_eq!(
        article.standfirst.as_deref(),
        Some("Night buses run again from Friday. […]")
    );
    assert_eq!(
        article.image.as_ref().unwrap().src,
        "https://news.example/media/night-bus.svg"
    );
    assert_eq!(
        block_types(&doc),
        ["paragraph", "heading", "list", "paragraph", "paragraph"]
    );
    assert_eq!(
        doc["body"][3]["spans"][1]["href"],
        "https://news.example/transport/night-buses/"
    );
    let timeline = article.timeline.unwrap();
    assert_eq!(timeline.entries.len(), 3);
    assert_eq!(
        timeline.entries[0].id.as_deref(),
        Some("https://news.example/?p=301")
    );
    let second = timeline.entries[1].article.clone().unwrap();
    let (doc2, river) = convert_sample("feed.rss", &second);
    assert_eq!(river.headline, "Sample: the river path is open again");
    assert_eq!(river.byline[0].name, "Sample Desk", "from `mail (Name)`");
    assert_eq!(
        doc2["body"][0]["spans"][1],
        serde_json::json!({"text": "Sample content.", "bold": true})
    );
    assert_eq!(doc2["published"], "2025-10-15T07:10:00+00:00");
}

#[test]
fn an_atom_feed_maps_field_by_field_with_xml_base() {
    let url = "https://news.example/harbour/atom.xml";
    let (doc, article) = convert_sample("feed.atom", url);
    assert_eq!(article.headline, "Sample: tall ships arrive early");
    assert_eq!(article.lang, "en-GB");
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://news.example/2025/10/tall-ships")
    );
    assert_eq!(
        article.standfirst.as_deref(),
        Some("Three tall ships arrive a day ahead of the festival.")
    );
    assert_eq!(doc["published"], "2025-10-15T10:50:00+03:00");
    assert_eq!(doc["updated"], "2025-10-15T11:00:00+03:00");
    assert_eq!(article.tags, ["Harbour"]);
    assert_eq!(
        block_types(&doc),
        ["paragraph", "image", "quote", "paragraph"]
    );
    // xml:base on the feed and on the entry.
    assert_eq!(
        doc["body"][1]["src"],
        "https://news.example/2025/10/media/tall-ships.svg"
    );
    let entries = article.timeline.unwrap().entries;
    let (html_doc, notice) = convert_sample("feed.atom", entries[1].article.as_deref().unwrap());
    assert_eq!(
        notice.headline,
        "Sample: the harbour master's weekly notice"
    );
    assert_eq!(
        html_doc["published"], "2025-10-15T09:30:00+03:00",
        "updated when not published"
    );
    assert_eq!(
        html_doc["body"][0]["spans"][1]["href"],
        "https://news.example/notices/42"
    );
    let (text_doc, _) = convert_sample("feed.atom", entries[2].article.as_deref().unwrap());
    assert_eq!(
        block_types(&text_doc),
        ["paragraph", "paragraph", "paragraph"]
    );
}

#[test]
fn an_article_page_reads_its_json_ld_and_its_article() {
    let url = "https://news.example/2025/10/observatory-dome/";
    let (doc, article) = convert_sample("article-page.html", url);
    assert_eq!(
        article.headline, "Sample: the old observatory opens its dome",
        "JSON-LD before Open Graph"
    );
    assert_eq!(article.lang, "en-GB");
    assert!(article
        .standfirst
        .as_deref()
        .unwrap()
        .starts_with("A sample article page that ships"));
    assert_eq!(doc["published"], "2025-10-15T10:20:00+03:00");
    assert_eq!(article.byline[0].name, "Sample Desk");
    assert_eq!(article.section.as_deref(), Some("Science"));
    assert_eq!(article.tags, ["Astronomy", "Heritage"]);
    assert_eq!(
        article.image.as_ref().unwrap().src,
        "https://news.example/2025/10/media/observatory.svg",
        "against <base>"
    );
    assert_eq!(article.canonical_url.as_deref(), Some(url));
    // The <article>, minus its own headline, the ad frame and the form.
    assert_eq!(
        block_types(&doc),
        ["paragraph", "image", "heading", "paragraph", "paragraph"]
    );
    assert_eq!(doc["body"][1]["caption"], "The dome opens at dusk.");
    assert!(!doc.to_string().contains("Subscribe"));
    assert!(
        !doc.to_string().contains("Home"),
        "the nav is outside the article"
    );
}

#[test]
fn a_live_blog_page_is_its_story_and_its_updates() {
    let page = r#"<html lang="en"><head><script type="application/ld+json">
    {"@context":"https://schema.org","@type":"LiveBlogPosting","headline":"Storm live","articleBody":"Follow the storm.",
     "datePublished":"2025-10-15T06:00:00Z",
     "liveBlogUpdate":[{"@type":"BlogPosting","headline":"Winds ease","articleBody":"Gusts below 60 km/h.","datePublished":"2025-10-15T09:00:00Z","url":"https://news.example/live#u2"},
                       {"@type":"BlogPosting","articleBody":"Schools closed.","datePublished":"2025-10-15T07:00:00Z","url":"https://news.example/live#u1"}]}
    </script></head><body></body></html>"#;
    let json = convert(page, "https://news.example/live", &resolve).unwrap();
    let article = decode(&json).unwrap();
    assert_eq!(
        article.headline, "Storm live",
        "the page, not its newest update"
    );
    let entries = article.timeline.unwrap().entries;
    assert_eq!(
        entries
            .iter()
            .map(|e| e.headline.as_str())
            .collect::<Vec<_>>(),
        ["Winds ease", "Schools closed.", "Storm live"]
    );
    let update = convert(page, entries[0].article.as_deref().unwrap(), &resolve).unwrap();
    assert_eq!(decode(&update).unwrap().headline, "Winds ease");
}

#[test]
fn xml_entities_and_broken_feeds() {
    let feed = |item: &str| {
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;">]><rss version="2.0"><channel><title>T</title>{item}</channel></rss>"#
        )
    };
    let json = convert(&feed("<item><guid>1</guid><title>Fish &amp; chips&#x21; &#8211; &nbsp;hot</title><description>x</description></item>"), "https://news.example/f", &resolve).unwrap();
    // The title is HTML in RSS: the entity a DTD defined reads as HTML's.
    assert_eq!(decode(&json).unwrap().headline, "Fish & chips! – hot");
    for broken in [
        "<rss><channel><item><title>open</title></channel></rss>",
        "<rss><channel></channel></rss><rss/>",
        "<rss><channel><item><title>a</title></item></channel>",
        "<x:rss><channel/></x:rss>",
        &"<a>".repeat(1000),
    ] {
        assert!(
            convert(broken, "https://news.example/f", &resolve).is_err(),
            "{broken}"
        );
    }
}

#[test]
fn a_live_timeline_source_may_be_a_feed() {
    let json = convert_timeline(
        &sample("feed.rss"),
        "https://news.example/city/feed/",
        &resolve,
    )
    .unwrap();
    let (timeline, problems) = article_core::article::decode_timeline(&json).unwrap();
    assert!(problems.is_empty());
    assert_eq!(timeline.entries.len(), 3);
    assert_eq!(
        timeline.title.as_deref(),
        Some("News Example — city (sample RSS feed)")
    );
}

/// Every payload of the public corpus in every HTML and URL field of each
/// format: nothing gets through but text and allowed addresses.
#[test]
fn hostile_payloads_give_text_and_allowed_addresses_only() {
    let corpus: Value = serde_json::from_str(
        &std::fs::read_to_string(format!(
            "{}/../tests/fixtures/xss/payloads.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap();
    let payloads: Vec<&str> = corpus["payloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(payloads.len() >= 300);
    for payload in &payloads {
        for (doc, url) in hostile_documents(payload) {
            let Ok(json) = convert(&doc, url, &resolve) else {
                continue;
            };
            let article = decode(&json).unwrap_or_else(|e| panic!("{payload}: {e}"));
            check_urls(&serde_json::from_str(&json).unwrap(), payload);
            let _ = article;
        }
    }
}

/// Every URL-valued field of the converted article is http(s) or mailto.
fn check_urls(value: &Value, payload: &str) {
    match value {
        Value::Object(o) => {
            for (key, v) in o {
                if matches!(
                    key.as_str(),
                    "href" | "src" | "url" | "canonical_url" | "article" | "thumbnail"
                ) {
                    let url = v.as_str().unwrap_or_default();
                    assert!(
                        url.starts_with("https://")
                            || url.starts_with("http://")
                            || url.starts_with("mailto:"),
                        "{key} = {url:?} from {payload:?}"
                    );
                }
                check_urls(v, payload);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| check_urls(v, payload)),
        _ => {}
    }
}

/// The payload in each format's HTML and URL fields.
pub fn hostile_documents(payload: &str) -> Vec<(String, &'static str)> {
    let j = |s: &str| serde_json::to_string(s).unwrap();
    let x = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let p = j(payload);
    vec![
        (
            format!(
                r#"{{"id":1,"title":{{"rendered":{p}}},"excerpt":{{"rendered":{p}}},"content":{{"rendered":{p}}},"link":{p},"date_gmt":"2025-10-15T08:00:00","_embedded":{{"author":[{{"name":{p}}}],"wp:featuredmedia":[{{"source_url":{p},"alt_text":{p}}}]}}}}"#
            ),
            "https://news.example/wp-json/wp/v2/posts/1",
        ),
        (
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":{p},"items":[{{"id":"a","title":"t","url":{p},"image":{p},"content_html":{p},"summary":{p}}},{{"id":"b","title":{p},"content_html":"<p>x</p><a href={}>l</a><img src={}>","external_url":{p}}}]}}"#,
                j(&j(payload)),
                j(&j(payload))
            ),
            "https://news.example/feed.json",
        ),
        (
            format!(
                r#"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{t}</title><item><title>{t}</title><link>{t}</link><description>{t}</description><content:encoded>{t}</content:encoded><enclosure url="{t}" type="image/png"/></item></channel></rss>"#,
                t = x(payload)
            ),
            "https://news.example/feed.rss",
        ),
        (
            format!(
                r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="{t}"><entry><id>1</id><title type="html">{t}</title><link href="{t}"/><content type="html">{t}</content></entry></feed>"#,
                t = x(payload)
            ),
            "https://news.example/feed.atom",
        ),
        (
            format!(
                r#"<html><head><meta property="og:image" content="{t}"><script type="application/ld+json">{{"@type":"NewsArticle","headline":{p2},"url":{p2},"image":{p2},"articleBody":{p2}}}</script></head><body><article>{payload}</article></body></html>"#,
                t = x(payload),
                p2 = p.replace("</", "<\\/")
            ),
            "https://news.example/page.html",
        ),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// No input panics: HTML, XML and JSON of any shape.
    #[test]
    fn no_panic_on_any_text(text in "(?s).{0,300}") {
        let _ = convert(&text, "https://news.example/x", &resolve);
        let _ = convert(&format!("<rss><channel><item><description>{text}</description></item></channel></rss>"), "https://news.example/x", &resolve);
        let _ = html::blocks(&text, "https://news.example/", &resolve);
    }

    #[test]
    fn no_panic_on_tag_soup(parts in proptest::collection::vec(proptest::sample::select(vec![
        "<p>", "</p>", "<ul>", "<li>", "</ul>", "</li>", "<table>", "<tr>", "<td>", "<th>", "</table>", "<figure>",
        "</figure>", "<figcaption>", "<img src=a.png>", "<a href=/x>", "</a>", "<b>", "</b>", "<svg>", "</svg>",
        "<script>", "</script>", "<blockquote>", "</blockquote>", "<h2>", "</h2>", "text", " ", "&amp;", "<br>",
        "<iframe src=https://www.youtube.com/embed/abc>", "</iframe>", "<div class=wp-block-embed__wrapper>",
    ]), 0..60)) {
        let html = parts.concat();
        let blocks = html::blocks(&html, "https://news.example/", &resolve);
        let doc = serde_json::json!({"schema_version": 1, "id": "x", "headline": "h", "body": blocks});
        let _ = decode(&doc.to_string());
    }
}
