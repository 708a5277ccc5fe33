//! What publishers already publish, read into the viewer's own article
//! (format v1): a WordPress REST v2 post or collection of posts, a JSON
//! Feed 1.1, an RSS 2.0 or Atom 1.0 feed, an HTML article page's
//! schema.org JSON-LD. The document says what it is ([`kind`]); nothing is
//! taken from its address or its `Content-Type`.
//!
//! A module of its own. The viewer loads it, in a Web Worker, only the
//! first time a fetched document is not article JSON v1: the default story
//! and every article JSON never download it, and converting a 500-item feed
//! never blocks the page. The same code runs natively in `article-snippet`
//! and the tests; only the URL parser differs (the browser's `URL`, the
//! `url` crate), as for the core.
//!
//! The parsers are crates.io's: html5gum (a WHATWG tokenizer: the HTML is
//! walked onto typed blocks through an allow-list, `crate::html`, and never
//! becomes a DOM), quick-xml (XML as events with namespaces resolved, under
//! a small read-only tree of our own, `xml::tree`; no DTD, nothing
//! fetched), serde_json. Each candidate measured on gzip (html5gum 44.6 KB
//! against html5ever's tokenizer 132.3 KB; quick-xml 11.7 KB against
//! roxmltree 25.3 KB): the README's "Other formats" has the table.
//!
//! A feed or a collection becomes a story and its timeline: the story is
//! the item the address names (`#item=<id>`) or else the newest, and every
//! item is an entry of the timeline that opens in place, from the document
//! the viewer has already fetched.

mod dates;
mod html;
mod jsonfeed;
mod page;
mod story;
mod wordpress;
mod xml;

use std::fmt;

pub use article_core::url_policy::{Resolve, UrlUse};
pub use html::{blocks as html_blocks, text as html_text};
pub use story::{Item, Source};

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The viewer's own article JSON: nothing to convert.
    Article,
    WordPressPost,
    WordPressCollection,
    JsonFeed,
    Rss,
    Atom,
    HtmlPage,
    /// None of these.
    Unknown,
}

/// Why a document could not become a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unreadable {}

/// What the document `text` is, from its first characters and, for JSON,
/// its top-level keys.
pub fn kind(text: &str) -> Kind {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') || head.starts_with('[') {
        return serde_json::from_str(head).map_or(Kind::Unknown, |v| json_kind(&v));
    }
    if head.starts_with('<') {
        // An XML declaration, comments or a doctype may come first: the
        // root element says.
        let lower = head
            .get(..head.len().min(4096))
            .unwrap_or(head)
            .to_ascii_lowercase();
        let root = root_element(&lower);
        return match root.as_deref() {
            Some("rss") => Kind::Rss,
            Some("feed") => Kind::Atom,
            Some("html") => Kind::HtmlPage,
            Some(_) if lower.starts_with("<!doctype html") => Kind::HtmlPage,
            _ => Kind::Unknown,
        };
    }
    Kind::Unknown
}

/// What a JSON document is, from its shape.
fn json_kind(value: &serde_json::Value) -> Kind {
    match value {
        serde_json::Value::Array(items) => {
            if !items.is_empty() && items.iter().all(wordpress::is_post) {
                Kind::WordPressCollection
            } else {
                Kind::Unknown
            }
        }
        serde_json::Value::Object(o) if o.contains_key("schema_version") => Kind::Article,
        v if jsonfeed::is_feed(v) => Kind::JsonFeed,
        v if wordpress::is_post(v) => Kind::WordPressPost,
        _ => Kind::Unknown,
    }
}

/// The name of the first element of an XML or HTML document (lower case),
/// past its declaration, processing instructions, comments and doctype.
fn root_element(head: &str) -> Option<String> {
    let mut rest = head;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>")?.1;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->")?.1;
        } else if let Some(after) = rest.strip_prefix("<!") {
            // A doctype's internal subset holds `>` of its own.
            let internal = after
                .find('[')
                .is_some_and(|at| after.find('>').is_some_and(|end| at < end));
            rest = if internal {
                after.split_once("]>")?.1
            } else {
                after.split_once('>')?.1
            };
        } else if let Some(after) = rest.strip_prefix('<') {
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_'))
                .collect();
            // A prefixed root (`atom:feed`) is still a feed.
            return Some(name.rsplit(':').next().unwrap_or_default().to_owned());
        } else {
            return None;
        }
    }
}

/// The document `text`, fetched from `url` (absolute; a `#item=<id>`
/// fragment names the item to show), as article JSON v1. Every URL in it
/// is absolute and allowed by the URL policy, through `resolve`.
pub fn convert(text: &str, url: &str, resolve: Resolve<'_>) -> Result<String, Unreadable> {
    let source = read(text, url, resolve)?;
    let (document, item) = split_item(url);
    story::article(&source, document, item.as_deref(), resolve)
}

/// The document `text` as the items of a timeline `{title, entries}` (a
/// live timeline's `source` that is a feed).
pub fn convert_timeline(text: &str, url: &str, resolve: Resolve<'_>) -> Result<String, Unreadable> {
    let source = read(text, url, resolve)?;
    let (document, _) = split_item(url);
    Ok(story::timeline(&source, document).to_string())
}

/// The document read as items, whatever its format.
pub fn read(text: &str, url: &str, resolve: Resolve<'_>) -> Result<Source, Unreadable> {
    let (document, _) = split_item(url);
    let text = text.trim_start_matches('\u{feff}');
    // JSON is parsed once, here: its shape says what it is.
    let json = text.trim_start();
    let (kind, value) = if json.starts_with('{') || json.starts_with('[') {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
            Unreadable(format!(
                "not JSON (line {}, column {})",
                e.line(),
                e.column()
            ))
        })?;
        (json_kind(&value), value)
    } else {
        (kind(text), serde_json::Value::Null)
    };
    match kind {
        Kind::WordPressPost | Kind::WordPressCollection => {
            wordpress::read(&value, document, resolve)
        }
        Kind::JsonFeed => jsonfeed::read(&value, document, resolve),
        Kind::Rss | Kind::Atom => xml::read(text, document, resolve),
        Kind::HtmlPage => page::read(text, document, resolve),
        Kind::Article => Err(Unreadable("already an article in format v1".into())),
        Kind::Unknown => Err(Unreadable(
            "not a WordPress post, a JSON Feed, an RSS or Atom feed, nor an article page".into(),
        )),
    }
}

/// `url` without its `#item=<id>` fragment, and the id (percent-decoded).
pub fn split_item(url: &str) -> (&str, Option<String>) {
    match url.split_once('#') {
        Some((document, fragment)) => (
            document,
            fragment.strip_prefix("item=").map(story::percent_decode),
        ),
        None => (url, None),
    }
}

#[cfg(test)]
mod tests;
