//! The document's metadata for the story on screen: description, canonical
//! link and a schema.org `NewsArticle` in JSON-LD. The shell writes them into
//! `<head>` where the viewer owns the document (not inside a publisher's
//! page).

use serde_json::json;

use crate::article::{Article, Block};
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

/// A schema.org `NewsArticle` describing the story.
pub fn json_ld(article: &Article, page_url: &str) -> String {
    let safe = |u: &str| url_policy::allow(u, UrlUse::Resource);
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": description(article),
        "inLanguage": article.lang,
        "mainEntityOfPage": canonical(article, page_url),
        "wordCount": article.word_count(),
        "author": article.byline.iter().map(|a| {
            let mut author = json!({"@type": "Person", "name": a.name});
            if let Some(url) = a.url.as_deref().and_then(safe) {
                author["url"] = url.into();
            }
            author
        }).collect::<Vec<_>>(),
    });
    if let Some(p) = &article.published {
        doc["datePublished"] = p.as_str().into();
    }
    if let Some(u) = &article.updated {
        doc["dateModified"] = u.as_str().into();
    }
    if let Some(section) = &article.section {
        doc["articleSection"] = section.as_str().into();
    }
    if !article.tags.is_empty() {
        doc["keywords"] = article.tags.join(", ").into();
    }
    if let Some(src) = article.image.as_ref().and_then(|i| safe(&i.src)) {
        doc["image"] = json!([src]);
    }
    doc.to_string()
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
