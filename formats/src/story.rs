//! What every format is read into — items of a source — and the article
//! JSON v1 written from them.

use article_core::time::Timestamp;
use article_core::url_policy::{Resolve, UrlUse};
use serde_json::{json, Map, Value};

use crate::html::host;
use crate::Unreadable;

/// A document read, whatever its format: one item (a post, an article
/// page) or many (a feed, a collection).
#[derive(Debug, Default)]
pub struct Source {
    /// The feed's or the site's title.
    pub title: Option<String>,
    /// The document's language (BCP 47), if it says.
    pub lang: Option<String>,
    /// Most documents hold one story; a feed's items are many.
    pub items: Vec<Item>,
    /// The first item is the story when the address names none (a live
    /// blog's page, whose updates are its timeline); else the newest is.
    pub lead: bool,
}

/// One story of a source, every text already text and every URL absolute
/// and allowed.
#[derive(Debug, Default)]
pub struct Item {
    pub id: String,
    pub headline: String,
    pub standfirst: Option<String>,
    /// Blocks of article format v1.
    pub body: Vec<Value>,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    /// The original's address.
    pub link: Option<String>,
    pub authors: Vec<String>,
    /// The lead image: address and text alternative.
    pub image: Option<(String, String)>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub lang: Option<String>,
    /// A post whose content is behind a password.
    pub protected: bool,
}

impl Item {
    /// When it was last touched, for "newest".
    fn latest(&self) -> i64 {
        self.published
            .as_ref()
            .or(self.updated.as_ref())
            .map_or(i64::MIN, Timestamp::epoch_seconds)
    }
}

/// A time as the format's RFC 3339, if it is one.
pub fn time(raw: Option<&str>) -> Option<Timestamp> {
    Timestamp::parse(raw?.trim()).ok()
}

/// Blank means absent.
pub fn present(text: impl Into<String>) -> Option<String> {
    let text = text.into();
    (!text.trim().is_empty()).then_some(text)
}

/// The headline a story without one gets: the start of its standfirst.
pub fn headline_or(headline: String, standfirst: Option<&str>) -> String {
    if !headline.trim().is_empty() {
        return headline;
    }
    let words = standfirst.unwrap_or_default();
    if words.chars().count() <= 90 {
        return words.to_owned();
    }
    let cut: String = words.chars().take(89).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// An item's headline: its title, else the start of its standfirst, else of
/// its first block's text; `None` when all are blank (no item then).
pub fn headline_of(title: String, standfirst: Option<&str>, body: &[Value]) -> Option<String> {
    let first = body.first().and_then(|b| b["text"].as_str());
    present(headline_or(title, standfirst.or(first)))
}

/// The article JSON v1 for the item `item` of `source` (the newest when
/// `None`, or when no item has that id), fetched from `document`.
pub fn article(
    source: &Source,
    document: &str,
    item: Option<&str>,
    resolve: Resolve<'_>,
) -> Result<String, Unreadable> {
    let newest = source
        .items
        .iter()
        .enumerate()
        .max_by_key(|(i, item)| (item.latest(), std::cmp::Reverse(*i)))
        .map(|(_, item)| item);
    let first = source.items.first().filter(|_| source.lead);
    let chosen = item
        .and_then(|id| source.items.iter().find(|it| it.id == id))
        .or(first)
        .or(newest)
        .ok_or_else(|| Unreadable("the document holds no story".into()))?;
    let lang = chosen
        .lang
        .clone()
        .or_else(|| source.lang.clone())
        .unwrap_or_else(|| "en".into());
    let mut doc = Map::new();
    doc.insert("schema_version".into(), 1.into());
    doc.insert("id".into(), chosen.id.clone().into());
    doc.insert("lang".into(), lang.clone().into());
    doc.insert("headline".into(), chosen.headline.clone().into());
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            doc.insert(key.into(), value);
        }
    };
    put("standfirst", chosen.standfirst.clone().map(Into::into));
    put("section", chosen.section.clone().map(Into::into));
    put(
        "tags",
        (!chosen.tags.is_empty()).then(|| chosen.tags.clone().into()),
    );
    put(
        "byline",
        (!chosen.authors.is_empty()).then(|| {
            chosen
                .authors
                .iter()
                .map(|name| json!({"name": name}))
                .collect()
        }),
    );
    put(
        "published",
        chosen.published.as_ref().map(|t| t.as_str().into()),
    );
    put(
        "updated",
        chosen.updated.as_ref().map(|t| t.as_str().into()),
    );
    put("canonical_url", chosen.link.clone().map(Into::into));
    put(
        "image",
        chosen
            .image
            .as_ref()
            .map(|(src, alt)| json!({"src": src, "alt": alt})),
    );
    let mut body = chosen.body.clone();
    if chosen.protected {
        body.push(json!({"type": "paragraph", "text": words(&lang).protected}));
    } else if body.is_empty() {
        if let Some(standfirst) = &chosen.standfirst {
            body.push(json!({"type": "paragraph", "text": standfirst}));
        }
    }
    body.push(credit(
        chosen.link.as_deref().unwrap_or(document),
        &lang,
        resolve,
    ));
    put("body", Some(body.into()));
    if source.items.len() > 1 {
        put("timeline", Some(timeline(source, document)));
    }
    Ok(Value::Object(doc).to_string())
}

/// The items as a timeline, newest first, each opening in place.
pub fn timeline(source: &Source, document: &str) -> Value {
    // Newest first; items of the same time as in the document. (An unstable
    // sort with the position as tie-break: the stable one is 1 KB more.)
    let mut items: Vec<(usize, &Item)> = source.items.iter().enumerate().collect();
    items.sort_unstable_by_key(|(i, item)| (std::cmp::Reverse(item.latest()), *i));
    let entries: Vec<Value> = items
        .iter()
        .map(|(_, item)| {
            let mut entry = json!({
                "id": item.id,
                "headline": item.headline,
                "article": format!("{document}#item={}", percent_encode(&item.id)),
            });
            if let Some(time) = item.published.as_ref().or(item.updated.as_ref()) {
                entry["time"] = time.as_str().into();
            }
            entry
        })
        .collect();
    let mut timeline = json!({ "entries": entries });
    if let Some(title) = &source.title {
        timeline["title"] = title.clone().into();
    }
    timeline
}

/// "From news.example", linking to the original: where the story came from.
fn credit(original: &str, lang: &str, resolve: Resolve<'_>) -> Value {
    let href = resolve(original, original, UrlUse::Link);
    let site = href
        .as_deref()
        .and_then(host)
        .unwrap_or_else(|| original.to_owned());
    let mut link = json!({ "text": site });
    if let Some(href) = href {
        link["href"] = href.into();
    }
    json!({"type": "paragraph", "spans": [{"text": words(lang).from, "italic": true}, link]})
}

struct Words {
    from: &'static str,
    protected: &'static str,
}

/// The module's own few words, in the story's language (the viewer's
/// catalogue languages), English otherwise.
fn words(lang: &str) -> Words {
    match lang.split(['-', '_']).next().unwrap_or_default() {
        "ar" => Words {
            from: "المصدر: ",
            protected: "هذا المنشور محمي بكلمة مرور: اقرأه على موقع الناشر.",
        },
        "fr" => Words {
            from: "Source : ",
            protected:
                "Cet article est protégé par un mot de passe : lisez-le sur le site de l’éditeur.",
        },
        _ => Words {
            from: "From ",
            protected: "This post is protected by a password: read it on the publisher’s site.",
        },
    }
}

/// An id as a fragment's value: everything but unreserved characters
/// percent-encoded.
pub fn percent_encode(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The inverse of [`percent_encode`]; broken escapes are kept as written.
pub fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|b| hex(*b)),
            bytes.get(i + 2).and_then(|b| hex(*b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
