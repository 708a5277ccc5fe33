//! The document's metadata for the story on screen: description, canonical
//! link and a schema.org `NewsArticle` (a `LiveBlogPosting` for a live
//! blog, with every update) in JSON-LD. The shell writes them into
//! `<head>` where the viewer owns the document (not inside a publisher's
//! page).

#[cfg(feature = "live-blog")]
use crate::article::LiveBlog;
use crate::article::{Article, Block};
use crate::json::quote;
use crate::url_policy::{self, UrlUse};

/// The standfirst, else the start of the first paragraph, at most about 160
/// characters, cut at a word.
pub fn description(article: &Article) -> String {
    let text = article
        .standfirst
        .clone()
        .or_else(|| {
            article.body.iter().find_map(|b| match b {
                Block::Paragraph(p) => {
                    Some(p.spans.iter().map(|s| s.text.as_str()).collect::<String>())
                }
                _ => None,
            })
        })
        .unwrap_or_default();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 160 {
        return text;
    }
    let cut: String = text.chars().take(160).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The canonical address: the article's `canonical_url` when it is a web
/// address, else the page showing it.
pub fn canonical(article: &Article, page_url: &str) -> String {
    article
        .canonical_url
        .as_deref()
        .and_then(|u| url_policy::allow(u, UrlUse::Resource))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .unwrap_or_else(|| page_url.to_owned())
}

/// A schema.org `NewsArticle` describing the story, as JSON that is safe
/// inside a `<script>` element.
pub fn json_ld(article: &Article, page_url: &str) -> String {
    let safe = |u: &str| url_policy::allow(u, UrlUse::Resource);
    let kind = match article.is_live_blog() {
        true => "LiveBlogPosting",
        false => "NewsArticle",
    };
    let mut out = format!(r#"{{"@context":"https://schema.org","@type":"{kind}""#);
    let field = |out: &mut String, key: &str, value: &str| {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        quote(out, value);
    };
    field(&mut out, "headline", &article.headline);
    field(&mut out, "description", &description(article));
    field(&mut out, "inLanguage", &article.lang);
    field(&mut out, "mainEntityOfPage", &canonical(article, page_url));
    out.push_str(&format!(",\"wordCount\":{}", article.word_count()));
    out.push_str(",\"author\":[");
    for (i, a) in article.byline.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"@type":"Person""#);
        field(&mut out, "name", &a.name);
        if let Some(url) = a.url.as_deref().and_then(safe) {
            field(&mut out, "url", &url);
        }
        out.push('}');
    }
    out.push(']');
    if let Some(p) = &article.published {
        field(&mut out, "datePublished", p.as_str());
    }
    if let Some(u) = &article.updated {
        field(&mut out, "dateModified", u.as_str());
    }
    if let Some(section) = &article.section {
        field(&mut out, "articleSection", section);
    }
    if !article.tags.is_empty() {
        field(&mut out, "keywords", &article.tags.join(", "));
    }
    if let Some(src) = article.image.as_ref().and_then(|i| safe(&i.src)) {
        out.push_str(",\"image\":[");
        quote(&mut out, &src);
        out.push(']');
    }
    if !article.corrections.is_empty() {
        out.push_str(",\"correction\":[");
        for (i, c) in article.corrections.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(r#"{"@type":"CorrectionComment""#);
            field(&mut out, "text", &c.text);
            field(&mut out, "datePublished", c.time.as_str());
            out.push('}');
        }
        out.push(']');
    }
    // Without `live-blog`, the live module writes the updates in.
    #[cfg(feature = "live-blog")]
    if let Some(blog) = &article.live_blog {
        live_blog(&mut out, blog, &canonical(article, page_url));
    }
    out.push('}');
    out
}

#[cfg(feature = "live-blog")]
/// A live blog's coverage times and a `BlogPosting` per update, newest
/// first, each with the address of its own update.
fn live_blog(out: &mut String, blog: &LiveBlog, page: &str) {
    let field = |out: &mut String, key: &str, value: &str| {
        out.push_str(",\"");
        out.push_str(key);
        out.push_str("\":");
        quote(out, value);
    };
    if let Some(t) = &blog.coverage_start {
        field(out, "coverageStartTime", t.as_str());
    }
    if let Some(t) = &blog.coverage_end {
        field(out, "coverageEndTime", t.as_str());
    }
    let page = page.split('#').next().unwrap_or_default();
    let mut updates: Vec<_> = blog.updates.iter().collect();
    updates.sort_by_cached_key(|u| std::cmp::Reverse(u.time.epoch_seconds()));
    out.push_str(",\"liveBlogUpdate\":[");
    for (i, u) in updates.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(r#"{"@type":"BlogPosting""#);
        field(out, "headline", &crate::story::live_blog::summary(u));
        field(out, "datePublished", u.time.as_str());
        let body: Vec<String> = u.body.iter().filter_map(text_of).collect();
        field(out, "articleBody", &body.join("\n\n"));
        field(out, "url", &format!("{page}#{}", u.anchor()));
        if let Some(a) = &u.author {
            out.push_str(r#","author":{"@type":"Person""#);
            field(out, "name", &a.name);
            out.push('}');
        }
        out.push('}');
    }
    out.push(']');
}

#[cfg(feature = "live-blog")]
/// A block's text as a reader reads it, for `articleBody`.
fn text_of(block: &Block) -> Option<String> {
    match block {
        Block::Paragraph(p) => Some(p.spans.iter().map(|s| s.text.as_str()).collect()),
        Block::Heading(h) => Some(h.text.clone()),
        Block::Quote(q) | Block::PullQuote(q) => Some(q.text.clone()),
        Block::List(l) => Some(l.items.join("\n")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::decode;

    fn article(extra: &str) -> Article {
        decode(&format!(
            r#"{{"schema_version": 1, "id": "a", "lang": "en-GB", "headline": "H", {extra}
            "published": "2025-10-15T11:50:00+03:00",
            "body": [{{"type": "paragraph", "text": "One two three."}}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn json_ld_describes_the_news_article() {
        let a = article(
            r#""standfirst": "S", "byline": [{"name": "Ada", "url": "https://e.example/ada"}, {"name": "Eve", "url": "javascript:x"}],
            "updated": "2025-10-15T12:00:00+03:00", "canonical_url": "https://news.example/h",
            "image": {"src": "https://img.example/a.jpg", "alt": "A"}, "tags": ["a", "b"],"#,
        );
        let ld: serde_json::Value = serde_json::from_str(&json_ld(&a, "http://page/")).unwrap();
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], "H");
        assert_eq!(ld["description"], "S");
        assert_eq!(ld["datePublished"], "2025-10-15T11:50:00+03:00");
        assert_eq!(ld["dateModified"], "2025-10-15T12:00:00+03:00");
        assert_eq!(ld["mainEntityOfPage"], "https://news.example/h");
        assert_eq!(ld["author"][0]["url"], "https://e.example/ada");
        assert!(
            ld["author"][1].get("url").is_none(),
            "a script URL is left out"
        );
        assert_eq!(ld["image"][0], "https://img.example/a.jpg");
        assert_eq!(ld["inLanguage"], "en-GB");
        assert_eq!(ld["wordCount"], 3);
    }

    #[test]
    fn corrections_are_schema_org_correction_comments() {
        let ld = article(
            r#""corrections":[{"time":"2025-10-15T12:40:00+03:00","text":"An earlier version named the wrong minister </script>."}],"#,
        );
        let ld: serde_json::Value =
            serde_json::from_str(&json_ld(&ld, "https://news.example/")).unwrap();
        assert_eq!(ld["correction"][0]["@type"], "CorrectionComment");
        assert_eq!(
            ld["correction"][0]["datePublished"],
            "2025-10-15T12:40:00+03:00"
        );
        assert_eq!(
            ld["correction"][0]["text"],
            "An earlier version named the wrong minister </script>."
        );
        assert!(!json_ld(&article(""), "https://news.example/").contains("correction"));
    }

    #[test]
    fn blank_names_and_sections_are_absent_everywhere() {
        let a = article(
            r#""byline": [{"name": "  "}, {"name": "Ada"}], "section": " ", "tags": ["", "a"],"#,
        );
        let ld: serde_json::Value = serde_json::from_str(&json_ld(&a, "http://page/")).unwrap();
        assert_eq!(ld["author"].as_array().unwrap().len(), 1);
        assert_eq!(ld["author"][0]["name"], "Ada");
        assert!(ld.get("articleSection").is_none());
        assert_eq!(ld["keywords"], "a");
    }

    #[test]
    fn description_falls_back_to_the_first_paragraph_cut_at_a_word() {
        assert_eq!(description(&article("")), "One two three.");
        let long = "word ".repeat(100);
        let d = description(&article(&format!(r#""standfirst": "{long}","#)));
        assert!(d.chars().count() <= 161 && d.ends_with("word…"), "{d}");
    }

    #[test]
    fn canonical_prefers_a_web_address_from_the_article() {
        assert_eq!(
            canonical(
                &article(r#""canonical_url": "javascript:alert(1)","#),
                "http://p/"
            ),
            "http://p/"
        );
        assert_eq!(
            canonical(&article(r#""canonical_url": "/relative","#), "http://p/"),
            "http://p/"
        );
        assert_eq!(
            canonical(&article(""), "http://p/?src=a"),
            "http://p/?src=a"
        );
    }
}
