use super::*;
use crate::tests::resolve;

fn walk(html: &str) -> Vec<Value> {
    blocks(html, "https://news.example/a/", &resolve)
}

#[test]
fn what_gives_nothing_gives_nothing() {
    for html in [
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        "<template><p>hidden</p></template>",
        "<iframe src=https://ads.example/></iframe>",
        "<object data=x><p>fallback</p></object>",
        "<embed src=x>",
        "<svg><p>in svg</p><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mi>x</mi></math>",
        "<form><p>subscribe</p></form>",
        "<!-- a comment -->",
        "<noscript><p>no</p></noscript>",
    ] {
        assert!(walk(html).is_empty(), "{html}: {:?}", walk(html));
    }
    // Nested ones of the same name count.
    assert_eq!(
        walk("<svg><svg></svg><p>still svg</p></svg><p>out</p>"),
        vec![json!({"type": "paragraph", "text": "out"})]
    );
}

#[test]
fn other_elements_give_their_text() {
    assert_eq!(
        walk("<p><span style=color:red onclick=alert(1)>Hello</span> <u>world</u></p>"),
        vec![json!({"type": "paragraph", "text": "Hello world"})]
    );
    assert_eq!(
        text("Fish &amp; chips &#8211; <b>hot</b>"),
        "Fish & chips – hot"
    );
}

#[test]
fn refused_addresses_leave_their_text() {
    let blocks = walk("<p><a href=\"javascript:alert(1)\">click</a> <a href=\" JaVaScRiPt:alert(1)\">again</a> <a href='data:text/html,x'>data</a></p><img src='javascript:x' alt=a>");
    assert_eq!(
        blocks,
        vec![json!({"type": "paragraph", "text": "click again data"})]
    );
}

#[test]
fn spans_lists_tables_and_figures() {
    assert_eq!(
        walk("<p>A <a href='b'>link</a>, <strong>bold <em>both</em></strong>.<br>Next</p>"),
        vec![
            json!({"type": "paragraph", "spans": [
                {"text": "A "}, {"text": "link", "href": "https://news.example/a/b"}, {"text": ", "},
                {"text": "bold ", "bold": true}, {"text": "both", "bold": true, "italic": true}, {"text": "."}
            ]}),
            json!({"type": "paragraph", "text": "Next"}),
        ]
    );
    assert_eq!(
        walk("<ol><li>One<ul><li>One a</li></ul></li><li>Two</li></ol>"),
        vec![json!({"type": "list", "ordered": true, "items": ["One", "One a", "Two"]})]
    );
    assert_eq!(
        walk("<figure><img srcset='s.png 400w, l.png 1600w' src=s.png alt='A'><figcaption>Cap</figcaption></figure>"),
        vec![json!({"type": "image", "src": "https://news.example/a/l.png", "alt": "A", "caption": "Cap"})]
    );
    assert_eq!(
        walk("<h3>Sub</h3><blockquote>Quoted</blockquote>"),
        vec![
            json!({"type": "heading", "text": "Sub"}),
            json!({"type": "quote", "text": "Quoted"})
        ]
    );
}

#[test]
fn providers_players_and_posts_become_embeds() {
    assert_eq!(
        walk("<iframe src='https://www.youtube-nocookie.com/embed/abc_1?rel=0'></iframe>")[0]
            ["url"],
        "https://www.youtube.com/watch?v=abc_1"
    );
    assert_eq!(
        walk("<iframe src='https://player.vimeo.com/video/42'></iframe>")[0]["url"],
        "https://vimeo.com/42"
    );
    let tweet = walk("<blockquote class='twitter-tweet'><p>Hello</p>&mdash; Someone <a href='https://twitter.com/s/status/1'>Oct 15</a></blockquote><script src='https://platform.twitter.com/widgets.js'></script>");
    assert_eq!(
        tweet,
        vec![
            json!({"type": "embed", "provider": "x", "url": "https://twitter.com/s/status/1", "title": "Hello — Someone Oct 15"})
        ]
    );
}

#[test]
fn srcset_takes_the_widest_and_never_breaks_on_odd_descriptors() {
    assert_eq!(
        best_of_srcset("a.png 1x, b.png 1.5x, c.png 2x"),
        Some("c.png")
    );
    assert_eq!(best_of_srcset("a.png 1600w, b.png 800w"), Some("a.png"));
    assert_eq!(best_of_srcset("a.png"), Some("a.png"));
    // A descriptor ending in a character of several bytes, or no number.
    assert_eq!(best_of_srcset("a.png 1é, b.png 2x"), Some("b.png"));
    assert_eq!(best_of_srcset("a.png ww, b.png x"), None);
}
