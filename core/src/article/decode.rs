//! Decoding: from untrusted text to a checked [`Article`] or [`Timeline`].
//!
//! Decoding never panics, and it is two-layered: serde reads the document's
//! shape ([`super::raw`], lists of items kept as raw JSON), then each body
//! block, social link and timeline entry is decoded on its own, so one bad
//! item is dropped — and reported with its path, e.g.
//! `body[3].text: invalid type: integer `5`, expected a string` — while the
//! rest is shown. Broken bytes (bad syntax, a lone surrogate, a duplicate
//! key, nesting deeper than 128) condemn the whole document. Only a missing
//! headline or a body with nothing readable is fatal otherwise.

use std::collections::HashSet;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::feed::{is_feed, RawFeedItem};
use super::model::*;
use super::place;
use super::raw::{RawArticle, RawTimeline, RawTimelineEntry, VersionProbe};
use crate::time::Timestamp;

/// Why a document is not a usable article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape; the message names the place.
    Malformed(String),
    /// A `schema_version` this viewer does not know.
    UnsupportedVersion(u32),
    /// Well-formed, but nothing a reader could read.
    Incomplete(&'static str),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Malformed(detail) => write!(f, "not a valid article: {detail}"),
            DecodeError::UnsupportedVersion(v) => {
                write!(
                    f,
                    "schema_version {v} is not supported (expected {SCHEMA_VERSION})"
                )
            }
            DecodeError::Incomplete(what) => write!(f, "incomplete article: {what}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes and checks an article document.
pub fn decode(json: &str) -> Result<Article, DecodeError> {
    refuse_deep_nesting(json)?;
    // One pass reads the document's shape and its version together. A
    // later version may have another shape: when the shape does not read,
    // the version is looked at alone, so that the reader hears "newer
    // format", not a type error.
    let raw: RawArticle = match read_borrowed(json, At::path("")) {
        Ok(raw) => raw,
        Err(shape) => {
            let probe: VersionProbe = read(json, At::path(""))?;
            check_version(probe.schema_version.as_ref())?;
            return Err(shape.into());
        }
    };
    check_version(raw.schema_version.as_ref())?;
    Decoder::default().article(raw)
}

/// Decodes a timeline document fetched from a timeline's `source`: a
/// `{title?, entries}` object as in an article, or a JSON Feed 1.x. Returns
/// the timeline and what was dropped.
pub fn decode_timeline(json: &str) -> Result<(Timeline, Vec<String>), DecodeError> {
    refuse_deep_nesting(json)?;
    let raw: RawTimeline = read_borrowed(json, At::path(""))?;
    let mut decoder = Decoder::default();
    let timeline = decoder.timeline(raw, "")?;
    Ok((timeline, decoder.problems))
}

/// Where a value is in the document: a path and, for a list's item, its
/// index. Written out only when something there is wrong, so a good
/// document of 10,000 entries formats no path at all.
#[derive(Clone, Copy)]
struct At<'a> {
    path: &'a str,
    index: Option<usize>,
}

impl<'a> At<'a> {
    fn path(path: &'a str) -> At<'a> {
        At { path, index: None }
    }

    fn item(path: &'a str, index: usize) -> At<'a> {
        At {
            path,
            index: Some(index),
        }
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path)?;
        match self.index {
            Some(i) => write!(f, "[{i}]"),
            None => Ok(()),
        }
    }
}

/// Version 1, or why not.
fn check_version(version: Option<&serde_json::Number>) -> Result<(), DecodeError> {
    let Some(version) = version else {
        return Err(DecodeError::Malformed(
            "schema_version is missing".to_owned(),
        ));
    };
    if version.as_u64() != Some(u64::from(SCHEMA_VERSION)) {
        let shown = version.as_u64().and_then(|n| u32::try_from(n).ok());
        return Err(DecodeError::UnsupportedVersion(shown.unwrap_or(u32::MAX)));
    }
    Ok(())
}

/// Collects what was dropped, with its path, while decoding one document.
#[derive(Default)]
struct Decoder {
    problems: Vec<String>,
}

impl Decoder {
    fn article(mut self, raw: RawArticle<'_>) -> Result<Article, DecodeError> {
        let headline = raw
            .headline
            .filter(|h| !h.trim().is_empty())
            .ok_or(DecodeError::Incomplete("the headline is missing or empty"))?;
        let body = self.each(&raw.body.unwrap_or_default(), "body", read_block)?;
        let body: Vec<Block> = body
            .into_iter()
            .filter(|b| !matches!(b, Block::Unknown))
            .collect();
        if body.is_empty() {
            return Err(DecodeError::Incomplete("the body has no readable block"));
        }
        let social = match raw.social {
            Some(bar) => Some(SocialBar {
                title: present(bar.title),
                links: self.each(&bar.links, "social.links", |json, at| {
                    let link: SocialLink = read(json, at)?;
                    Ok(SocialLink {
                        label: present(link.label),
                        ..link
                    })
                })?,
            }),
            None => None,
        };
        let timeline = match raw.timeline {
            Some(t) => Some(self.timeline(t, "timeline.")?),
            None => None,
        };
        if raw.published.is_none() {
            self.problems.push("published is missing".to_owned());
        }
        let published = self.timestamp(raw.published, "published")?;
        let updated = self.timestamp(raw.updated, "updated")?;
        let image = match raw.image {
            Some(i) => self.optional(i.get(), At::path("image"), read_image)?,
            None => None,
        };
        let byline: Vec<Author> = self.each(&raw.byline, "byline", read)?;
        Ok(Article {
            id: raw.id,
            lang: present(raw.lang).unwrap_or_else(|| "en".to_owned()),
            dir: raw.dir,
            headline,
            standfirst: present(raw.standfirst),
            section: present(raw.section),
            tags: raw
                .tags
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect(),
            byline: byline
                .into_iter()
                .filter(|a| !a.name.trim().is_empty())
                .map(|a| Author {
                    url: present(a.url),
                    ..a
                })
                .collect(),
            published,
            updated,
            canonical_url: present(raw.canonical_url),
            image,
            body,
            social,
            timeline,
            problems: self.problems,
        })
    }

    /// A timeline object, inline or fetched: its entries, or a JSON Feed's items.
    fn timeline(&mut self, raw: RawTimeline<'_>, path: &str) -> Result<Timeline, DecodeError> {
        let entries = if is_feed(raw.version.as_deref()) {
            self.entries::<RawFeedItem>(&raw.items, &format!("{path}items"))?
        } else {
            self.entries::<RawTimelineEntry>(&raw.entries, &format!("{path}entries"))?
        };
        Ok(Timeline {
            title: present(raw.title),
            entries,
            source: present(raw.source),
            live: raw.live,
            interval: raw.interval,
        })
    }

    /// Timeline entries (or JSON Feed items): bad ones dropped, placeholders
    /// ("-") and repeated ids left out, an invalid time kept as no time.
    fn entries<R: DeserializeOwned + Into<RawTimelineEntry>>(
        &mut self,
        items: &[&RawValue],
        path: &str,
    ) -> Result<Vec<TimelineEntry>, DecodeError> {
        let mut seen_ids = HashSet::new();
        let mut entries = Vec::with_capacity(items.len());
        for (i, raw) in items.iter().enumerate() {
            let at = At::item(path, i);
            let Some(e) = self.optional::<R>(raw.get(), at, read)? else {
                continue;
            };
            let e: RawTimelineEntry = e.into();
            let e = RawTimelineEntry {
                id: present(e.id),
                url: present(e.url),
                article: present(e.article),
                ..e
            };
            if is_placeholder(&e.headline) {
                continue;
            }
            if let Some(id) = &e.id {
                if !seen_ids.insert(id.clone()) {
                    self.problems
                        .push(format!("dropped {at}: duplicate id \"{id}\""));
                    continue;
                }
            }
            let time = match e.time {
                Some(t) => Timestamp::parse(&t)
                    .map_err(|err| self.problems.push(format!("ignored {at}.time: {err}")))
                    .ok(),
                None => None,
            };
            entries.push(TimelineEntry {
                id: e.id,
                time,
                headline: e.headline,
                url: e.url,
                article: e.article,
            });
        }
        Ok(entries)
    }

    /// A time the document got wrong is left out (and reported), not guessed.
    fn timestamp(
        &mut self,
        raw: Option<&RawValue>,
        path: &str,
    ) -> Result<Option<Timestamp>, DecodeError> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        self.optional(raw.get(), At::path(path), |json, at| {
            let text: String = read(json, at)?;
            Timestamp::parse(&text).map_err(|e| ReadError {
                text: format!("{at}: {e}"),
                corrupt: false,
            })
        })
    }

    /// Reads an optional item: a bad one is dropped and reported, a corrupt
    /// one condemns the document.
    fn optional<T>(
        &mut self,
        json: &str,
        at: At<'_>,
        read_one: impl Fn(&str, At<'_>) -> Result<T, ReadError>,
    ) -> Result<Option<T>, DecodeError> {
        match read_one(json, at) {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.corrupt => Err(e.into()),
            Err(e) => {
                self.problems.push(format!("dropped {}", e.text));
                Ok(None)
            }
        }
    }

    /// Reads each item of a list with `read_one`, dropping (and reporting)
    /// the bad ones.
    fn each<T>(
        &mut self,
        items: &[&RawValue],
        path: &str,
        read_one: impl Fn(&str, At<'_>) -> Result<T, ReadError>,
    ) -> Result<Vec<T>, DecodeError> {
        let mut out = Vec::with_capacity(items.len());
        for (i, raw) in items.iter().enumerate() {
            if let Some(item) = self.optional(raw.get(), At::item(path, i), &read_one)? {
                out.push(item);
            }
        }
        Ok(out)
    }
}

/// A body block: its `type` first, then that type's fields, so an error
/// names its field (`body[3].text`). A block whose text is blank has
/// nothing to show and is dropped like a broken one.
fn read_block(json: &str, at: At<'_>) -> Result<Block, ReadError> {
    #[derive(Deserialize)]
    struct Tag {
        #[serde(rename = "type")]
        kind: String,
    }
    let blank = || ReadError {
        text: format!("{at}.text: blank"),
        corrupt: false,
    };
    let tag: Tag = read(json, at)?;
    Ok(match tag.kind.as_str() {
        "paragraph" => {
            let paragraph: Paragraph = read(json, at)?;
            let spans = paragraph
                .spans
                .into_iter()
                .map(|span| Span {
                    href: present(span.href),
                    ..span
                })
                .collect();
            Block::Paragraph(Paragraph { spans })
        }
        "heading" => {
            let heading: Heading = read(json, at)?;
            if heading.text.trim().is_empty() {
                return Err(blank());
            }
            Block::Heading(heading)
        }
        "quote" => {
            let quote: Quote = read(json, at)?;
            if quote.text.trim().is_empty() {
                return Err(blank());
            }
            Block::Quote(Quote {
                cite: present(quote.cite),
                ..quote
            })
        }
        "image" => Block::Image(read_image(json, at)?),
        "list" => Block::List(read(json, at)?),
        _ => Block::Unknown,
    })
}

/// An image, its caption and credit absent when blank.
fn read_image(json: &str, at: At<'_>) -> Result<Image, ReadError> {
    let image: Image = read(json, at)?;
    Ok(Image {
        caption: present(image.caption),
        credit: present(image.credit),
        ..image
    })
}

fn is_placeholder(headline: &str) -> bool {
    matches!(headline.trim(), "" | "-" | "–" | "—")
}

/// Why one value could not be read: `text` names the place
/// (`body[3].text: invalid type…`); `corrupt` says the bytes themselves are
/// broken (bad syntax, a lone surrogate, a duplicate key), which condemns the
/// whole document rather than one item.
#[derive(Debug)]
struct ReadError {
    text: String,
    corrupt: bool,
}

impl From<ReadError> for DecodeError {
    fn from(e: ReadError) -> DecodeError {
        DecodeError::Malformed(e.text)
    }
}

/// Reads one owned value (see [`read_borrowed`]).
fn read<T: DeserializeOwned>(json: &str, at: At<'_>) -> Result<T, ReadError> {
    read_borrowed(json, at)
}

/// Reads one value from the whole of `json`; an error is told as
/// `{path}.{place inside}: {what}`. The document's shape borrows its items'
/// raw text from `json` instead of copying it.
fn read_borrowed<'de, T: Deserialize<'de>>(json: &'de str, at: At<'_>) -> Result<T, ReadError> {
    serde_json::from_str(json).map_err(|e| {
        let corrupt = !e.is_data() || e.to_string().starts_with("duplicate field");
        let offset = place::offset_of(json, e.line(), e.column());
        let inner = place::path_at(json, offset);
        let at = place::join(&at.to_string(), &inner);
        // "… at line 1 column 20": a place in one item's text, which the path says better.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(what, _)| what);
        let text = if at.is_empty() {
            message.to_owned()
        } else {
            format!("{at}: {message}")
        };
        ReadError { text, corrupt }
    })
}

/// serde_json's own recursion limit; deeper documents are refused whole,
/// wherever the nesting is.
const MAX_NESTING: usize = 128;

fn refuse_deep_nesting(json: &str) -> Result<(), DecodeError> {
    if nesting_depth(json) > MAX_NESTING {
        return Err(DecodeError::Malformed(format!(
            "nested deeper than {MAX_NESTING} levels"
        )));
    }
    Ok(())
}

/// The deepest nesting of arrays and objects, counted without parsing.
fn nesting_depth(json: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in json.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}
