//! RSS 2.0 and Atom 1.0 feeds, parsed by quick-xml into a small read-only
//! tree (`tree`: namespaces understood, no DTD, nothing fetched).
//!
//! RSS: an item's `title`, `content:encoded` (else `description`) as the
//! body, `description` as the standfirst when there is a body besides,
//! `pubDate`, `dc:creator` / `author`, `link` (else a permalink `guid`),
//! `category`, an image `enclosure` or `media:content`; the channel's
//! `title` and `language`.
//!
//! Atom: an entry's `title`, `content` of type `html`, `xhtml` or `text`
//! (else `summary`), `summary` as the standfirst, `published` and
//! `updated`, `author/name`, the `alternate` link, `category/@term`; the
//! feed's `title` and `xml:lang`. Relative addresses are joined to
//! `xml:base` where the document sets it, as Atom says.

use article_core::url_policy::{Resolve, UrlUse};
mod tree;

use tree::{Document, Node};

use crate::dates::rfc2822;
use crate::html::{self, Event, Walker};
use crate::jsonfeed::paragraphs;
use crate::story::{headline_of, present, time, Item, Source};
use crate::Unreadable;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const MEDIA: &str = "http://search.yahoo.com/mrss/";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

pub fn read(text: &str, document: &str, resolve: Resolve<'_>) -> Result<Source, Unreadable> {
    let doc = Document::parse(text).map_err(|e| Unreadable(format!("not well-formed XML: {e}")))?;
    let root = doc.root_element();
    let source = match root.tag_name().name() {
        "rss" => rss(root, document, resolve),
        "feed" => atom(root, document, resolve),
        other => {
            return Err(Unreadable(format!(
                "an XML document whose root is <{other}>, not a feed"
            )))
        }
    };
    if source.items.is_empty() {
        return Err(Unreadable(
            "a feed without an item that has a title or a text".into(),
        ));
    }
    Ok(source)
}

/// The text of the first child named `name` in `ns` (no namespace: `None`).
fn child<'a>(node: Node<'a>, ns: Option<&str>, name: &str) -> Option<Node<'a>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name && c.tag_name().namespace() == ns)
}

fn child_text(node: Node<'_>, ns: Option<&str>, name: &str) -> Option<String> {
    child(node, ns, name).map(|c| all_text(c)).and_then(present)
}

/// Every text inside `node`, CDATA included.
fn all_text(node: Node<'_>) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

fn rss(root: Node<'_>, document: &str, resolve: Resolve<'_>) -> Source {
    let Some(channel) = child(root, None, "channel") else {
        return Source::default();
    };
    let items = channel
        .children()
        .filter(|c| {
            c.is_element() && c.tag_name().name() == "item" && c.tag_name().namespace().is_none()
        })
        .filter_map(|item| rss_item(item, document, resolve))
        .collect();
    Source {
        title: child_text(channel, None, "title").map(|t| html::collapse(&t)),
        lang: child_text(channel, None, "language").map(|t| html::collapse(&t)),
        items,
        lead: false,
    }
}

fn rss_item(item: Node<'_>, document: &str, resolve: Resolve<'_>) -> Option<Item> {
    let guid = child(item, None, "guid");
    let permalink = guid.filter(|g| g.attribute("isPermaLink") != Some("false"));
    let link = child_text(item, None, "link")
        .or_else(|| permalink.map(all_text))
        .and_then(|l| resolve(l.trim(), document, UrlUse::Link));
    let base = link.as_deref().unwrap_or(document);
    let description = child_text(item, None, "description");
    let encoded = child_text(item, Some(CONTENT), "encoded");
    let (body, standfirst) = match (&encoded, &description) {
        (Some(content), description) => (
            html::blocks(content, base, resolve),
            description.as_deref().map(html::text).and_then(present),
        ),
        (None, Some(description)) => (html::blocks(description, base, resolve), None),
        (None, None) => (Vec::new(), None),
    };
    let title = child_text(item, None, "title")
        .map(|t| html::text(&t))
        .unwrap_or_default();
    let headline = headline_of(title, standfirst.as_deref(), &body)?;
    let id = guid
        .map(all_text)
        .and_then(present)
        .map(|g| g.trim().to_owned())
        .or_else(|| link.clone())
        .unwrap_or_else(|| headline.clone());
    let authors = item
        .children()
        .filter(|c| {
            c.is_element()
                && ((c.tag_name().name() == "creator" && c.tag_name().namespace() == Some(DC))
                    || (c.tag_name().name() == "author" && c.tag_name().namespace().is_none()))
        })
        .filter_map(|c| present(html::collapse(&all_text(c))))
        .map(|name| rss_author(&name))
        .collect();
    let image = item
        .children()
        .filter(|c| c.is_element())
        .find(|c| {
            let name = c.tag_name();
            let image_type = c.attribute("type").is_some_and(|t| t.starts_with("image/"));
            (name.name() == "enclosure" && name.namespace().is_none() && image_type)
                || (name.namespace() == Some(MEDIA)
                    && (name.name() == "thumbnail"
                        || (name.name() == "content"
                            && (image_type || c.attribute("medium") == Some("image")))))
        })
        .and_then(|c| c.attribute("url"))
        .and_then(|src| resolve(src, base, UrlUse::Resource))
        .map(|src| (src, String::new()));
    Some(Item {
        id,
        headline,
        standfirst,
        body,
        published: child_text(item, None, "pubDate")
            .or_else(|| child_text(item, Some(DC), "date"))
            .and_then(|d| rfc2822(&d)),
        updated: None,
        link,
        authors,
        image,
        section: None,
        tags: item
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "category")
            .filter_map(|c| present(html::collapse(&all_text(c))))
            .collect(),
        lang: None,
        protected: false,
    })
}

/// RSS's `author` is an address, often `mail@example.com (Name)`: the name.
fn rss_author(raw: &str) -> String {
    match raw.split_once('(') {
        Some((_, name)) if name.ends_with(')') => name.trim_end_matches(')').trim().to_owned(),
        _ => raw.to_owned(),
    }
}

/// `node`'s base: `xml:base` on it and its ancestors, joined outward in.
fn base_of(node: Node<'_>, document: &str, resolve: Resolve<'_>) -> String {
    let bases: Vec<&str> = node
        .ancestors()
        .filter_map(|n| n.attribute((XML, "base")))
        .collect();
    let mut base = document.to_owned();
    for raw in bases.into_iter().rev() {
        if let Some(joined) = resolve(raw, &base, UrlUse::Link) {
            base = joined;
        }
    }
    base
}

fn atom(root: Node<'_>, document: &str, resolve: Resolve<'_>) -> Source {
    let items = root
        .children()
        .filter(|c| {
            c.is_element()
                && c.tag_name().name() == "entry"
                && c.tag_name().namespace() == Some(ATOM)
        })
        .filter_map(|entry| atom_entry(entry, document, resolve))
        .collect();
    Source {
        title: child(root, Some(ATOM), "title")
            .map(atom_text)
            .and_then(present),
        lang: root
            .attribute((XML, "lang"))
            .map(str::to_owned)
            .and_then(present),
        items,
        lead: false,
    }
}

/// An Atom text construct as text: `text`, `html` or `xhtml`.
fn atom_text(node: Node<'_>) -> String {
    match node.attribute("type") {
        Some("html") => html::text(&all_text(node)),
        _ => html::collapse(&all_text(node)),
    }
}

/// An Atom `content` (or `summary`) as blocks.
fn atom_blocks(node: Node<'_>, document: &str, resolve: Resolve<'_>) -> Vec<serde_json::Value> {
    let base = base_of(node, document, resolve);
    match node.attribute("type") {
        Some("html") => html::blocks(&all_text(node), &base, resolve),
        Some("xhtml") => {
            let mut walker = Walker::new(&base, resolve);
            // The content is the `div` Atom wraps it in; its own elements
            // feed the walker as the tokenizer's events would.
            for child in node.children() {
                xhtml(child, &mut walker);
            }
            walker.finish()
        }
        Some(t) if t != "text" && t != "text/plain" && !t.starts_with("text/") => Vec::new(),
        _ => paragraphs(&all_text(node)),
    }
}

fn xhtml(node: Node<'_>, walker: &mut Walker<'_>) {
    if node.is_text() {
        walker.event(Event::Text(node.text().unwrap_or_default().to_owned()));
        return;
    }
    if !node.is_element() {
        return;
    }
    let name = node.tag_name().name().to_ascii_lowercase();
    let attributes = node
        .attributes()
        .map(|(name, value)| (name.to_ascii_lowercase(), value.to_owned()))
        .collect();
    let void = !node.has_children();
    walker.event(Event::Start(name.clone(), attributes, void));
    for child in node.children() {
        xhtml(child, walker);
    }
    if !void {
        walker.event(Event::End(name));
    }
}

fn atom_entry(entry: Node<'_>, document: &str, resolve: Resolve<'_>) -> Option<Item> {
    let link = entry
        .children()
        .filter(|c| {
            c.is_element()
                && c.tag_name().name() == "link"
                && c.tag_name().namespace() == Some(ATOM)
        })
        .find(|c| matches!(c.attribute("rel"), None | Some("alternate")))
        .and_then(|c| {
            let href = c.attribute("href")?;
            resolve(href, &base_of(c, document, resolve), UrlUse::Link)
        });
    let summary = child(entry, Some(ATOM), "summary");
    let content = child(entry, Some(ATOM), "content");
    let body = match (content, summary) {
        (Some(content), _) => atom_blocks(content, document, resolve),
        (None, Some(summary)) => atom_blocks(summary, document, resolve),
        (None, None) => Vec::new(),
    };
    let standfirst = summary
        .filter(|_| content.is_some())
        .map(atom_text)
        .and_then(present);
    let title = child(entry, Some(ATOM), "title")
        .map(atom_text)
        .unwrap_or_default();
    let headline = headline_of(title, standfirst.as_deref(), &body)?;
    let id = child_text(entry, Some(ATOM), "id")
        .map(|id| id.trim().to_owned())
        .or_else(|| link.clone())
        .unwrap_or_else(|| headline.clone());
    let authors = entry
        .children()
        .filter(|c| {
            c.is_element()
                && c.tag_name().name() == "author"
                && c.tag_name().namespace() == Some(ATOM)
        })
        .filter_map(|a| child_text(a, Some(ATOM), "name"))
        .map(|n| html::collapse(&n))
        .collect();
    let published = child_text(entry, Some(ATOM), "published").and_then(|t| time(Some(&t)));
    let updated = child_text(entry, Some(ATOM), "updated").and_then(|t| time(Some(&t)));
    Some(Item {
        id,
        headline,
        standfirst,
        body,
        published: published.clone().or(updated.clone()),
        updated: if published.is_some() { updated } else { None },
        link,
        authors,
        image: None,
        section: None,
        tags: entry
            .children()
            .filter(|c| c.is_element() && c.tag_name().name() == "category")
            .filter_map(|c| {
                c.attribute("label")
                    .or(c.attribute("term"))
                    .map(html::collapse)
            })
            .filter(|t| !t.is_empty())
            .collect(),
        lang: entry
            .attribute((XML, "lang"))
            .map(str::to_owned)
            .and_then(present),
        protected: false,
    })
}
