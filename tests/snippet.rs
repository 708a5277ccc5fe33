//! The snippet and the prerender, written natively by the core's one HTML
//! writer (no browser): what a publisher pastes and a crawler reads.
#![cfg(not(target_arch = "wasm32"))]

use article_viewer::prerender::{render, snippet, Place};

const SEED: &[u8] = include_bytes!("../public/articles/syria-russia-moscow-visit.json");

fn place() -> Place<'static> {
    Place {
        page: "https://publisher.example/news/story.html",
        viewer_dir: "https://viewer.example/av/",
        integrity: Some("sha384-pinned"),
    }
}

#[test]
fn the_snippet_carries_the_whole_story_as_html() {
    let html = snippet(
        SEED,
        "https://viewer.example/av/articles/seed.json",
        &place(),
    )
    .unwrap();
    // The script that takes it over, and the element with its address.
    assert!(html.starts_with(
        "<script type=\"module\" src=\"https://viewer.example/av/embed.js\" integrity=\"sha384-pinned\" crossorigin=\"anonymous\"></script>"
    ));
    assert!(html.contains(
        "<div data-article-viewer data-src=\"https://viewer.example/av/articles/seed.json\"><template shadowrootmode=\"open\"><style>"
    ));
    // Twice: in the shadow root (styled, marked for the takeover) and as the
    // element's own children.
    let headline = "<h1 class=\"story__headline\" tabindex=\"-1\">Syrian president seeks to redefine ties with Russia during Moscow visit";
    assert_eq!(html.matches(headline).count(), 2);
    assert_eq!(
        html.matches("<div data-prerendered class=\"viewer-frame\">")
            .count(),
        1
    );
    // Standfirst-less seed: the section, the dateline for a reader in the
    // story's zone, the body's sub-headings, the social bar, the timeline's
    // headlines as links into the viewer's page.
    assert!(html.contains(">Middle East</p>"));
    assert!(html.contains(
        "<time datetime=\"2025-10-15T11:50:00+03:00\" title=\"Wednesday, 15 October 2025 at 11:50 GMT+3\">15 October 2025 at 11:50</time>"
    ));
    assert!(html.contains(">Key topics: military bases and Assad’s extradition</h2>"));
    assert!(html.contains("href=\"https://www.facebook.com/\""));
    assert_eq!(html.matches("class=\"timeline__link\"").count(), 18);
    assert!(html.contains(
        "href=\"https://viewer.example/av/index.html?src=articles%2Fsample-city-budget.json\""
    ));
    // The stylesheet travels without its comments.
    assert!(!html.contains("/*"));
}

#[test]
fn hostile_text_stays_text() {
    let json = String::from_utf8(SEED.to_vec()).unwrap().replace(
        "Syrian president seeks to redefine ties with Russia during Moscow visit",
        "</template><script>alert(1)</script><img src=x onerror=alert(2)>\\\" onmouseover=\\\"x",
    );
    let html = snippet(json.as_bytes(), "https://news.example/a.json", &place()).unwrap();
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert_eq!(html.matches("</template>").count(), 1);
    assert!(html.contains("&lt;/template&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn the_prerender_is_the_standalone_page_with_its_head() {
    let place = Place {
        page: "https://viewer.example/av/index.html",
        viewer_dir: "https://viewer.example/av/",
        integrity: None,
    };
    let options = article_core::embed::ViewerOptions::standalone(Some(
        "articles/syria-russia-moscow-visit.json".to_owned(),
    ));
    let rendered = render(SEED, options, &place).unwrap();
    assert_eq!(
        rendered.title,
        "Syrian president seeks to redefine ties with Russia during Moscow visit"
    );
    assert_eq!((rendered.lang.as_str(), rendered.dir), ("en-GB", "ltr"));
    assert!(rendered
        .description
        .starts_with("Syrian President Ahmed al-Sharaa met"));
    // The standalone page's landmarks and skip link, and its Embed control.
    assert!(rendered
        .html
        .starts_with("<div class=\"viewer-frame\"><a class=\"skip-link\" href=\"#story\">"));
    assert!(rendered
        .html
        .contains("<main class=\"viewer\" lang=\"en-GB\" dir=\"ltr\" aria-busy=\"false\">"));
    assert!(rendered.html.contains("class=\"embed-code\""));
}

#[test]
fn what_cannot_be_rendered_says_why() {
    let bad = snippet(
        b"{\"schema_version\": 1",
        "https://news.example/a.json",
        &place(),
    );
    assert!(bad.is_err());
    let refused = snippet(SEED, "javascript:alert(1)", &place());
    assert!(refused.is_err());
}

/// What publishers already publish, written as the snippet that carries its
/// story: the command reads a WordPress post, a feed item and an article page
/// through the formats module's conversion, as the browser does.
#[test]
fn the_snippet_of_a_wordpress_post_a_feed_item_and_an_article_page() {
    let sample = |name: &str| {
        std::fs::read(format!(
            "{}/public/sources/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    for (file, src, headline) in [
        (
            "wordpress-post.json",
            "https://news.example/wp-json/wp/v2/posts/123",
            "Sample: the new tram line opens – and it’s free this weekend",
        ),
        (
            "feed.rss",
            "https://news.example/city/feed/",
            "Sample: night buses return to the old town",
        ),
        (
            "feed.atom",
            "https://news.example/harbour/atom.xml#item=tag%3Anews.example%2C2025%3Afares",
            "Sample: ferry fares unchanged",
        ),
        (
            "article-page.html",
            "https://news.example/2025/10/observatory-dome/",
            "Sample: the old observatory opens its dome",
        ),
    ] {
        let html = snippet(&sample(file), src, &place())
            .unwrap_or_else(|e| panic!("{file}: {}", e.detail()));
        let h1 = format!("<h1 class=\"story__headline\" tabindex=\"-1\">{headline}</h1>");
        assert_eq!(html.matches(&h1).count(), 2, "{file}: {h1}");
        // Where it came from, and never the post's script.
        assert!(html.contains("news.example</a>"), "{file}");
        assert!(!html.contains("alert("), "{file}");
    }
    // Not a story: said so, nothing written.
    let e = snippet(
        b"<!doctype html><h1>Sign in</h1>",
        "https://news.example/login",
        &place(),
    )
    .unwrap_err();
    assert!(e.detail().contains("schema.org article"), "{}", e.detail());
}

#[test]
fn the_snippet_of_a_live_blog_carries_every_update_for_readers_without_script() {
    let blog = include_bytes!("../public/articles/sample-live-blog.json");
    let html = snippet(
        blog,
        "https://viewer.example/av/articles/sample-live-blog.json",
        &place(),
    )
    .unwrap();
    // Each update twice (the shadow root and the plain copy), with its id,
    // time and text; the label and the key events with it.
    for id in ["s1", "s2", "s3", "s4", "s5", "s6"] {
        assert_eq!(
            html.matches(&format!("id=\"update-{id}\"")).count(),
            2,
            "{id}"
        );
    }
    assert_eq!(
        html.matches("<time datetime=\"2025-10-15T10:15:00+03:00\"")
            .count(),
        2 * 2,
        "the key event's and the update's, twice"
    );
    assert_eq!(
        html.matches("tall ship came round the breakwater").count(),
        2
    );
    assert!(html.contains("<span class=\"live-blog__label live-blog__label--live\">Live</span>"));
    assert!(html.contains("<a href=\"#update-s3\" data-action=\"goto\">"));
    let page = render(
        blog,
        article_core::embed::ViewerOptions::standalone(Some(
            "articles/sample-live-blog.json".into(),
        )),
        &Place {
            page: "https://viewer.example/av/index.html",
            viewer_dir: "https://viewer.example/av/",
            integrity: None,
        },
    )
    .unwrap();
    assert!(page.json_ld.contains("\"@type\":\"LiveBlogPosting\""));
    assert_eq!(page.json_ld.matches("\"@type\":\"BlogPosting\"").count(), 6);
}
