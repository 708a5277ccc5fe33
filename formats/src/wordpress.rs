//! WordPress's REST API v2 (`/wp-json/wp/v2/posts/123`, or the collection
//! `/wp-json/wp/v2/posts`), with or without `_embed`.
//!
//! `title.rendered` is the headline and `excerpt.rendered` the standfirst
//! (both HTML, read as text), `content.rendered` the body, `date_gmt` and
//! `modified_gmt` the times (UTC, written without an offset), `link` the
//! original; with `_embed`, `_embedded.author[].name` the byline,
//! `_embedded["wp:featuredmedia"][0]` the image and `_embedded["wp:term"]`
//! the section (the first category) and tags. A post whose
//! `content.protected` is true says so.

use article_core::url_policy::{Resolve, UrlUse};
use serde_json::Value;

use crate::dates::rfc3339_or_gmt;
use crate::html;
use crate::story::{headline_or, present, Item, Source};
use crate::Unreadable;

/// Whether `value` looks like a post: a `title` with `rendered`, and a
/// `content` or a `link`.
pub fn is_post(value: &Value) -> bool {
    value["title"]["rendered"].is_string()
        && (value["content"].is_object() || value["link"].is_string())
}

pub fn read(value: &Value, document: &str, resolve: Resolve<'_>) -> Result<Source, Unreadable> {
    let posts: Vec<&Value> = match value {
        Value::Array(posts) => posts.iter().filter(|p| is_post(p)).collect(),
        post => vec![post],
    };
    let items: Vec<Item> = posts
        .into_iter()
        .filter_map(|post| item(post, document, resolve))
        .collect();
    if items.is_empty() {
        return Err(Unreadable(
            "a WordPress document without a post that has a title".into(),
        ));
    }
    Ok(Source {
        items,
        ..Source::default()
    })
}

fn item(post: &Value, document: &str, resolve: Resolve<'_>) -> Option<Item> {
    let string = |v: &Value| v.as_str().map(str::to_owned);
    let link = post["link"]
        .as_str()
        .and_then(|l| resolve(l, document, UrlUse::Link));
    let base = link.as_deref().unwrap_or(document);
    let standfirst = post["excerpt"]["rendered"]
        .as_str()
        .map(html::text)
        .and_then(present);
    let headline = headline_or(
        html::text(post["title"]["rendered"].as_str().unwrap_or_default()),
        standfirst.as_deref(),
    );
    if headline.trim().is_empty() {
        return None;
    }
    let id = match &post["id"] {
        Value::Number(n) => n.to_string(),
        Value::String(s) if !s.trim().is_empty() => s.clone(),
        _ => string(&post["slug"]).or_else(|| link.clone())?,
    };
    let protected = post["content"]["protected"].as_bool() == Some(true);
    let body = post["content"]["rendered"]
        .as_str()
        .map(|content| html::blocks(content, base, resolve))
        .unwrap_or_default();
    let embedded = &post["_embedded"];
    let authors = embedded["author"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["name"].as_str().map(html::collapse).and_then(present))
        .collect();
    let media = &embedded["wp:featuredmedia"][0];
    let image = media["source_url"]
        .as_str()
        .and_then(|src| resolve(src, base, UrlUse::Resource))
        .map(|src| {
            (
                src,
                html::collapse(media["alt_text"].as_str().unwrap_or_default()),
            )
        });
    // `wp:term` is a list of taxonomies: categories first, then tags.
    let terms = |taxonomy: &str| -> Vec<String> {
        embedded["wp:term"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|list| list.as_array().into_iter().flatten())
            .filter(|term| term["taxonomy"] == taxonomy)
            .filter_map(|term| term["name"].as_str().map(html::text).and_then(present))
            .collect()
    };
    Some(Item {
        id,
        headline,
        standfirst,
        body: if protected
            && post["content"]["rendered"]
                .as_str()
                .unwrap_or_default()
                .trim()
                .is_empty()
        {
            Vec::new()
        } else {
            body
        },
        published: post["date_gmt"].as_str().and_then(rfc3339_or_gmt),
        updated: post["modified_gmt"].as_str().and_then(rfc3339_or_gmt),
        link,
        authors,
        image,
        section: terms("category").into_iter().find(|c| c != "Uncategorized"),
        tags: terms("post_tag"),
        lang: None,
        protected,
    })
}
