//! JSON Feed 1.1 (and 1.0) as a story: each item becomes one.
//!
//! `title` is the headline (else the start of `summary`), `summary` the
//! standfirst, `content_html` the body (else `content_text`, a paragraph per
//! blank-line-separated run), `date_published` / `date_modified` the times,
//! `url` (else `external_url`) the original, `authors[].name` (1.1, or
//! `author.name` in 1.0) the byline, `image` the lead image, `tags` the
//! tags, `language` (the item's, else the feed's) the language.

use article_core::url_policy::{Resolve, UrlUse};
use serde_json::{json, Value};

use crate::html;
use crate::story::{headline_of, present, time, Item, Source};
use crate::Unreadable;

pub fn is_feed(value: &Value) -> bool {
    value["version"]
        .as_str()
        .is_some_and(|v| v.starts_with("https://jsonfeed.org/version/"))
}

pub fn read(feed: &Value, document: &str, resolve: Resolve<'_>) -> Result<Source, Unreadable> {
    let text = |v: &Value| v.as_str().map(html::collapse).and_then(present);
    let items: Vec<Item> = feed["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| {
            let id = match &item["id"] {
                Value::String(s) if !s.trim().is_empty() => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return None,
            };
            let link = item["url"]
                .as_str()
                .or(item["external_url"].as_str())
                .and_then(|u| resolve(u, document, UrlUse::Link));
            let base = link.clone().unwrap_or_else(|| document.to_owned());
            let base = base.as_str();
            let standfirst = text(&item["summary"]);
            let body = match (item["content_html"].as_str(), item["content_text"].as_str()) {
                (Some(content), _) => html::blocks(content, base, resolve),
                (None, Some(content)) => paragraphs(content),
                (None, None) => Vec::new(),
            };
            let headline = headline_of(
                text(&item["title"]).unwrap_or_default(),
                standfirst.as_deref(),
                &body,
            )?;
            let authors = match item["authors"].as_array() {
                Some(authors) => authors.iter().filter_map(|a| text(&a["name"])).collect(),
                None => text(&item["author"]["name"]).into_iter().collect(),
            };
            Some(Item {
                id,
                headline,
                standfirst,
                body,
                published: time(item["date_published"].as_str()),
                updated: time(item["date_modified"].as_str()),
                link,
                authors,
                image: item["image"]
                    .as_str()
                    .and_then(|src| resolve(src, base, UrlUse::Resource))
                    .map(|src| (src, String::new())),
                section: None,
                tags: item["tags"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(text)
                    .collect(),
                lang: text(&item["language"]),
                protected: false,
            })
        })
        .collect();
    if items.is_empty() {
        return Err(Unreadable(
            "a JSON Feed without an item that has an id and a title".into(),
        ));
    }
    Ok(Source {
        title: text(&feed["title"]),
        lang: text(&feed["language"]),
        items,
        lead: false,
    })
}

/// Plain text as paragraphs: one per run separated by a blank line.
pub fn paragraphs(text: &str) -> Vec<Value> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(html::collapse)
        .filter(|p| !p.is_empty())
        .map(|p| json!({"type": "paragraph", "text": p}))
        .collect()
}

/// Plain text as paragraphs, one per line (JSON-LD's `articleBody`).
pub fn paragraphs_by_line(text: &str) -> Vec<Value> {
    text.lines()
        .map(html::collapse)
        .filter(|p| !p.is_empty())
        .map(|p| json!({"type": "paragraph", "text": p}))
        .collect()
}
