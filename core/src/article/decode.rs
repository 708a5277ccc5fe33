//! Decoding: from untrusted text to a checked [`Article`] or [`Timeline`].
//!
//! Decoding never panics and reads the document once, with the pull reader of
//! [`crate::json`]: the document's own fields are read as they come, and each
//! body block, byline author, social link and timeline entry is read on its
//! own, so one bad item is dropped — and reported with its path, e.g.
//! ``body[3].text: invalid type: integer `5`, expected a string`` — while the
//! rest is shown. The path is worked out only for an item that failed, so a
//! good document of 10,000 entries formats none. Broken bytes (bad syntax, a
//! lone surrogate, a repeated field, nesting deeper than 128) condemn the
//! whole document. Only a missing headline or a body with nothing readable is
//! fatal otherwise.

use std::collections::HashSet;
use std::fmt;

use super::feed::{feed_item, is_feed};
use super::model::*;
use super::place;
use crate::json::{Error, Reader};
use crate::time::Timestamp;

#[cfg(feature = "live-blog")]
mod live_blog;
#[cfg(feature = "live-blog")]
pub use live_blog::{read_updates, Unread};

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
    decode_with(json, false)
}

/// [`decode`], a live blog's updates left to read in parts
/// ([`live_blog::read_updates`], a few per task, from the same text): its
/// `live_blog.updates` empty and `live_blog.unread` where they are.
#[cfg(feature = "live-blog")]
pub fn decode_deferred(json: &str) -> Result<Article, DecodeError> {
    decode_with(json, true)
}

fn decode_with(json: &str, defer: bool) -> Result<Article, DecodeError> {
    refuse_deep_nesting(json)?;
    let mut decoder = Decoder {
        problems: Vec::new(),
        defer,
    };
    let mut r = Reader::new(json);
    let read = decoder
        .article(&mut r)
        .and_then(|doc| r.end().map(|()| doc));
    match read {
        Ok(doc) => {
            check_version(doc.schema_version)?;
            doc.finish(decoder.problems)
        }
        // A later version may have another shape: when the shape does not
        // read, the version is looked at alone, so that the reader hears
        // "newer format", not a type error.
        Err(e) => {
            if !e.corrupt {
                if let Some(version) = version_alone(json) {
                    check_version(version)?;
                }
            }
            Err(malformed(json, 0, At::path(""), &e))
        }
    }
}

/// Decodes a timeline document fetched from a timeline's `source`: a
/// `{title?, entries}` object as in an article, or a JSON Feed 1.x. Returns
/// the timeline and what was dropped.
pub fn decode_timeline(json: &str) -> Result<(Timeline, Vec<String>), DecodeError> {
    refuse_deep_nesting(json)?;
    let mut decoder = Decoder {
        problems: Vec::new(),
        defer: false,
    };
    let mut r = Reader::new(json);
    decoder
        .timeline(&mut r, "")
        .and_then(|t| r.end().map(|()| t))
        .map(|t| (t, decoder.problems))
        .map_err(|e| malformed(json, 0, At::path(""), &e))
}

#[cfg(feature = "live-blog")]
/// Decodes what a live blog's `source` answers: `{ "updates": [...] }`
/// or a JSON Feed whose items are updates. Returns the updates, as
/// written, and what was dropped.
pub fn decode_updates(json: &str) -> Result<(Vec<Update>, Vec<String>), DecodeError> {
    refuse_deep_nesting(json)?;
    let mut decoder = Decoder {
        problems: Vec::new(),
        defer: false,
    };
    let mut r = Reader::new(json);
    decoder
        .update_document(&mut r)
        .and_then(|u| r.end().map(|()| u))
        .map(|u| (u, decoder.problems))
        .map_err(|e| malformed(json, 0, At::path(""), &e))
}

/// Where a value is in the document: a path and, for a list's item, its
/// index. Written out only when something there is wrong.
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

/// `{path}.{place inside}: {what}` for an error in the value that starts at
/// `start` (the item at `at`).
fn describe(json: &str, start: usize, at: At<'_>, e: &Error) -> String {
    let inner = json
        .get(start..)
        .map(|item| place::path_at(item, e.at.saturating_sub(start)))
        .unwrap_or_default();
    let path = place::join(&at.to_string(), &inner);
    if path.is_empty() {
        e.message.clone()
    } else {
        format!("{path}: {}", e.message)
    }
}

fn malformed(json: &str, start: usize, at: At<'_>, e: &Error) -> DecodeError {
    DecodeError::Malformed(describe(json, start, at, e))
}

/// Whether `text` is another format's document, for the formats module:
/// markup, a JSON list, or a JSON object without a `schema_version`
/// (article JSON, even broken, has one, and its errors are the decoder's to
/// tell, as are an empty body's or plain text's). The reading stops
/// at `schema_version`, which the viewer's documents write first: for
/// them this costs nothing.
pub fn is_foreign(text: &str) -> bool {
    // Markup, a list, or an object: what other formats' documents start
    // with. Anything else (empty, plain text) is a broken article.
    let head = text.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('<') || head.starts_with('[') {
        return true;
    }
    if !head.starts_with('{') {
        return false;
    }
    let mut ours = false;
    let _ = Reader::new(head).object(&mut |r, key| {
        if key == "schema_version" {
            ours = true;
            // Found: no need to read further.
            return Err(r.missing(key));
        }
        Ok(false)
    });
    !ours
}

/// The version of a document whose shape did not read, if it says one.
fn version_alone(json: &str) -> Option<Option<&str>> {
    let mut version = None;
    Reader::new(json)
        .object(&mut |r, key| {
            if key != "schema_version" {
                return Ok(false);
            }
            version = if r.null()? { None } else { Some(r.number()?) };
            Ok(true)
        })
        .ok()?;
    Some(version)
}

/// Version 1, or why not.
fn check_version(version: Option<&str>) -> Result<(), DecodeError> {
    let Some(version) = version else {
        return Err(DecodeError::Malformed(
            "schema_version is missing".to_owned(),
        ));
    };
    match version.parse::<u64>() {
        Ok(v) if v == u64::from(SCHEMA_VERSION) => Ok(()),
        shown => Err(DecodeError::UnsupportedVersion(
            shown
                .ok()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(u32::MAX),
        )),
    }
}

/// An article's fields as read, before the checks that need all of them.
#[derive(Default)]
struct Doc<'a> {
    schema_version: Option<&'a str>,
    id: String,
    lang: Option<String>,
    dir: Option<Direction>,
    headline: Option<String>,
    standfirst: Option<String>,
    section: Option<String>,
    tags: Vec<String>,
    byline: Vec<Author>,
    published: Option<Option<Timestamp>>,
    updated: Option<Timestamp>,
    canonical_url: Option<String>,
    image: Option<Image>,
    body: Vec<Block>,
    social: Option<SocialBar>,
    timeline: Option<Timeline>,
    corrections: Vec<Correction>,
    #[cfg(feature = "live-blog")]
    live_blog: Option<LiveBlog>,
    #[cfg(not(feature = "live-blog"))]
    live_text: Option<(String, Option<String>)>,
}

impl Doc<'_> {
    fn finish(self, mut problems: Vec<String>) -> Result<Article, DecodeError> {
        let headline = self
            .headline
            .filter(|h| !h.trim().is_empty())
            .ok_or(DecodeError::Incomplete("the headline is missing or empty"))?;
        if self.body.is_empty() {
            return Err(DecodeError::Incomplete("the body has no readable block"));
        }
        if self.published.is_none() {
            problems.push("published is missing".to_owned());
        }
        Ok(Article {
            id: self.id,
            lang: present(self.lang).unwrap_or_else(|| "en".to_owned()),
            dir: self.dir,
            headline,
            standfirst: present(self.standfirst),
            section: present(self.section),
            tags: self
                .tags
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect(),
            byline: self.byline,
            published: self.published.flatten(),
            updated: self.updated,
            canonical_url: present(self.canonical_url),
            image: self.image,
            body: self.body,
            social: self.social,
            timeline: self.timeline,
            corrections: self.corrections,
            #[cfg(feature = "live-blog")]
            live_blog: self.live_blog,
            #[cfg(not(feature = "live-blog"))]
            live_text: self.live_text,
            problems,
        })
    }
}

/// Collects what was dropped, with its path, while decoding one document.
struct Decoder {
    problems: Vec<String>,
    /// A live blog's updates are only found, to be read in parts later.
    #[cfg_attr(not(feature = "live-blog"), allow(dead_code))]
    defer: bool,
}

impl Decoder {
    fn article<'a>(&mut self, r: &mut Reader<'a>) -> Result<Doc<'a>, Error> {
        let mut doc = Doc::default();
        let json = r.text();
        r.object(&mut |r, key| {
            // The optional texts, read in one place (one call, not one each).
            let text = match key {
                "lang" => Some(&mut doc.lang),
                "headline" => Some(&mut doc.headline),
                "standfirst" => Some(&mut doc.standfirst),
                "section" => Some(&mut doc.section),
                "canonical_url" => Some(&mut doc.canonical_url),
                _ => None,
            };
            if let Some(field) = text {
                *field = r.optional_string()?;
                return Ok(true);
            }
            // For these, `null` is as good as absent.
            let lists = [
                "schema_version",
                "byline",
                "published",
                "updated",
                "image",
                "body",
                "corrections",
            ];
            if (lists.contains(&key) || matches!(key, "social" | "timeline" | "live_blog"))
                && r.null()?
            {
                return Ok(true);
            }
            match key {
                "schema_version" => doc.schema_version = Some(r.number()?),
                "id" => doc.id = r.string()?,
                "dir" => doc.dir = direction(r)?,
                "tags" => doc.tags = r.strings()?,
                "byline" => doc.byline = self.each_present(r, json, "byline", author)?,
                "published" => doc.published = Some(self.timestamp(r, json, "published")?),
                "updated" => doc.updated = self.timestamp(r, json, "updated")?,
                "image" => doc.image = self.optional(r, json, At::path("image"), image)?,
                "body" => doc.body = self.each_present(r, json, "body", block)?,
                "corrections" => doc.corrections = self.each(r, json, "corrections", correction)?,
                "social" => doc.social = Some(self.social(r, json)?),
                "timeline" => doc.timeline = Some(self.timeline(r, "timeline.")?),
                #[cfg(feature = "live-blog")]
                "live_blog" => doc.live_blog = Some(self.live_blog(r, json)?),
                // Its updates are the live module's to read, from the text.
                #[cfg(not(feature = "live-blog"))]
                "live_blog" => {
                    let mut source = None;
                    r.object(&mut |r, key| {
                        if key != "source" {
                            return Ok(false);
                        }
                        source = present(r.optional_string()?);
                        Ok(true)
                    })?;
                    doc.live_text = Some((json.to_owned(), source));
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(doc)
    }

    fn social(&mut self, r: &mut Reader<'_>, json: &str) -> Result<SocialBar, Error> {
        let mut bar = SocialBar {
            title: None,
            links: Vec::new(),
        };
        r.object(&mut |r, key| {
            match key {
                "title" => bar.title = present(r.optional_string()?),
                "links" => bar.links = self.each(r, json, "social.links", social_link)?,
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(bar)
    }

    /// A timeline object, inline or fetched: its entries, or a JSON Feed's
    /// items (told apart by its `version`, which may come after them).
    fn timeline(&mut self, r: &mut Reader<'_>, path: &str) -> Result<Timeline, Error> {
        let json = r.text();
        let mut timeline = Timeline {
            title: None,
            entries: Vec::new(),
            source: None,
            live: false,
            interval: None,
        };
        // A list is read as it comes when what it is is already known — a
        // timeline's `entries` (unless a feed's `version` came first), a
        // feed's `items` after its `version` — else it is passed over and
        // read once the whole object is: one pass over the long part either way
        // in documents written in the usual order.
        let (mut entries, mut items, mut version) = (None, None, None::<String>);
        r.object(&mut |r, key| {
            match key {
                "title" => timeline.title = present(r.optional_string()?),
                "source" => timeline.source = present(r.optional_string()?),
                "live" => timeline.live = r.bool()?,
                "interval" => timeline.interval = if r.null()? { None } else { Some(r.f64()?) },
                "version" => version = r.optional_string()?,
                "entries" | "items" => {
                    let feed = key == "items";
                    let slot = if feed { &mut items } else { &mut entries };
                    *slot = None;
                    if r.null()? {
                        return Ok(true);
                    }
                    let start = r.mark();
                    if feed == is_feed(version.as_deref()) && (feed || version.is_none()) {
                        let before = self.problems.len();
                        let list = self.entries(r, json, &format!("{path}{key}"), feed)?;
                        *slot = Some(Entries::Read(list, self.problems.split_off(before)));
                    } else {
                        r.skip()?;
                        *slot = Some(Entries::At(start));
                    }
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        let feed = is_feed(version.as_deref());
        match if feed { items } else { entries } {
            Some(Entries::Read(list, mut problems)) => {
                self.problems.append(&mut problems);
                timeline.entries = list;
            }
            Some(Entries::At(start)) => {
                let end = r.mark();
                r.reset(start);
                let path = format!("{path}{}", if feed { "items" } else { "entries" });
                timeline.entries = self.entries(r, json, &path, feed)?;
                r.reset(end);
            }
            None => {}
        }
        Ok(timeline)
    }

    /// Timeline entries (or JSON Feed items): bad ones dropped, placeholders
    /// ("-") and repeated ids left out, an invalid time kept as no time.
    fn entries(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        path: &str,
        feed: bool,
    ) -> Result<Vec<TimelineEntry>, Error> {
        let mut seen_ids = HashSet::new();
        let mut entries = Vec::new();
        let read_one: fn(&mut Reader<'_>) -> Result<RawEntry, Error> =
            if feed { feed_item } else { entry };
        r.array(&mut |r, i| {
            let at = At::item(path, i);
            let Some(e) = self.optional(r, json, at, read_one)? else {
                return Ok(());
            };
            if is_placeholder(&e.headline) {
                return Ok(());
            }
            if let Some(id) = &e.id {
                if !seen_ids.insert(id.clone()) {
                    self.problems
                        .push(format!("dropped {at}: duplicate id \"{id}\""));
                    return Ok(());
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
            Ok(())
        })?;
        Ok(entries)
    }

    /// A time the document got wrong is left out (and reported), not guessed.
    fn timestamp(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        path: &str,
    ) -> Result<Option<Timestamp>, Error> {
        self.optional(r, json, At::path(path), |r| {
            let at = r.mark();
            let text = r.str()?;
            Timestamp::parse(&text).map_err(|e| r.error(at, e.to_string()))
        })
    }

    /// Reads an optional item: a bad one is skipped, dropped and reported; a
    /// corrupt one condemns the document.
    fn optional<T>(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        at: At<'_>,
        read_one: impl FnOnce(&mut Reader<'_>) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        let start = r.mark();
        match read_one(r) {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.corrupt => Err(e),
            Err(e) => {
                self.problems
                    .push(format!("dropped {}", describe(json, start, at, &e)));
                r.reset(start);
                r.skip()?;
                Ok(None)
            }
        }
    }

    /// Reads each item of a list, dropping the bad ones and those `read_one`
    /// finds nothing in (an author without a name, a block of a later version).
    fn each_present<T>(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        path: &str,
        read_one: fn(&mut Reader<'_>) -> Result<Option<T>, Error>,
    ) -> Result<Vec<T>, Error> {
        Ok(self
            .each(r, json, path, read_one)?
            .into_iter()
            .flatten()
            .collect())
    }

    /// Reads each item of a list with `read_one`, dropping (and reporting)
    /// the bad ones.
    fn each<T>(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        path: &str,
        read_one: fn(&mut Reader<'_>) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let mut out = Vec::new();
        r.array(&mut |r, i| {
            if let Some(item) = self.optional(r, json, At::item(path, i), read_one)? {
                out.push(item);
            }
            Ok(())
        })?;
        Ok(out)
    }
}

/// A timeline's list: read already, with what was dropped from it, or where
/// it starts, to read once the timeline's `version` is known.
enum Entries {
    Read(Vec<TimelineEntry>, Vec<String>),
    At(usize),
}

/// A timeline entry as written. A JSON Feed item becomes one of these too
/// (see [`super::feed`]), so both go through the same checks.
pub(super) struct RawEntry {
    pub id: Option<String>,
    pub time: Option<String>,
    pub headline: String,
    pub url: Option<String>,
    pub article: Option<String>,
}

fn entry(r: &mut Reader<'_>) -> Result<RawEntry, Error> {
    let (mut id, mut time, mut headline, mut url, mut article) = (None, None, None, None, None);
    r.object(&mut |r, key| {
        let field = match key {
            "id" => &mut id,
            "time" => &mut time,
            "url" => &mut url,
            "article" => &mut article,
            "headline" => {
                headline = Some(r.string()?);
                return Ok(true);
            }
            _ => return Ok(false),
        };
        *field = r.optional_string()?;
        Ok(true)
    })?;
    Ok(RawEntry {
        id: present(id),
        time,
        headline: headline.ok_or_else(|| r.missing("headline"))?,
        url: present(url),
        article: present(article),
    })
}

fn direction(r: &mut Reader<'_>) -> Result<Option<Direction>, Error> {
    if r.null()? {
        return Ok(None);
    }
    let at = r.mark();
    match &*r.str()? {
        "ltr" => Ok(Some(Direction::Ltr)),
        "rtl" => Ok(Some(Direction::Rtl)),
        other => Err(r.error(
            at,
            format!("unknown variant `{other}`, expected `ltr` or `rtl`"),
        )),
    }
}

/// A byline's author; one without a name is left out.
fn author(r: &mut Reader<'_>) -> Result<Option<Author>, Error> {
    let (mut name, mut url) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "name" => name = Some(r.string()?),
            "url" => url = r.optional_string()?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    let name = name.ok_or_else(|| r.missing("name"))?;
    Ok((!name.trim().is_empty()).then(|| Author {
        name,
        url: present(url),
    }))
}

fn social_link(r: &mut Reader<'_>) -> Result<SocialLink, Error> {
    let (mut network, mut url, mut label) = (None, None, None);
    r.object(&mut |r, key| {
        match key {
            // Networks added by later versions of the format still get a link.
            "network" => {
                let key = r.str()?;
                network = Some(
                    Network::ALL
                        .into_iter()
                        .find(|n| n.key() == key)
                        .unwrap_or(Network::Other),
                );
            }
            "url" => url = Some(r.string()?),
            "label" => label = r.optional_string()?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(SocialLink {
        network: network.ok_or_else(|| r.missing("network"))?,
        url: url.ok_or_else(|| r.missing("url"))?,
        label: present(label),
    })
}

/// A body block: its `type` first, then that type's fields, so an error
/// names its field (`body[3].text`). A block whose text is blank has
/// nothing to show and is dropped like a broken one. An unknown type is
/// `None`: a later version's block, skipped.
fn block(r: &mut Reader<'_>) -> Result<Option<Block>, Error> {
    let start = r.mark();
    let mut kind = None;
    r.object(&mut |r, key| {
        if key != "type" {
            return Ok(false);
        }
        kind = Some(r.string()?);
        Ok(true)
    })?;
    let kind = kind.ok_or_else(|| r.missing("type"))?;
    r.reset(start);
    let mut f = Fields::default();
    r.object(&mut |r, key| {
        let at = r.mark();
        // Each kind reads its own fields; the others' are unknown to it. For
        // the lists, `null` is as good as absent.
        let list = matches!(
            key,
            "spans" | "header" | "rows" | "images" | "captions" | "body" | "links"
        );
        if list && r.null()? {
            return Ok(true);
        }
        match (kind.as_str(), key) {
            ("paragraph" | "heading" | "quote" | "pullquote", "text") => {
                f.text_at = at;
                f.text = r.optional_string()?;
            }
            ("embed" | "video" | "factbox" | "key_points" | "related", "title") => {
                f.title_at = at;
                f.title = r.optional_string()?;
            }
            ("quote" | "pullquote", "cite") => f.cite = r.optional_string()?,
            ("table" | "gallery" | "embed", "caption") => f.caption = r.optional_string()?,
            ("list", "ordered") => f.ordered = r.bool()?,
            ("table", "row_headers") => f.row_headers = r.bool()?,
            ("list" | "key_points", "items") => f.items = Some(r.strings()?),
            ("table", "header") => f.header = r.strings()?,
            ("table", "rows") => f.rows = Some(list_of(r, |r| r.strings())?),
            ("paragraph", "spans") => f.spans = Some(list_of(r, span)?),
            ("gallery", "images") => f.images = Some(list_of(r, image)?),
            ("video", "captions") => f.captions = list_of(r, captions)?,
            ("related", "links") => f.links = Some(list_of(r, related_link)?),
            ("factbox", "body") => {
                let mut body = Vec::new();
                r.array(&mut |r, _| {
                    // A factbox holds paragraphs and lists; anything else
                    // is skipped as a later version's block would be.
                    if let Some(b @ (Block::Paragraph(_) | Block::List(_))) = block(r)? {
                        body.push(b);
                    }
                    Ok(())
                })?;
                f.body = Some(body);
            }
            ("embed", "provider") => f.provider = Some(r.string()?),
            ("embed", "url") => f.url = Some(r.string()?),
            ("embed", "thumbnail") => f.thumbnail = r.optional_string()?,
            ("video", "poster") => f.poster = r.optional_string()?,
            ("image", "src" | "alt" | "caption" | "credit" | "width" | "height")
            | ("video", "src" | "width" | "height") => {
                return image_field(r, &mut f.image, key).map(|()| true)
            }
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    let end = r.mark();
    let required = |text: Option<String>, at: usize, name: &str| match text {
        Some(text) if !text.trim().is_empty() => Ok(text),
        Some(_) => Err(r.error(at, "blank".to_owned())),
        None => Err(r.missing(name)),
    };
    Ok(Some(match kind.as_str() {
        "paragraph" => Block::Paragraph(Paragraph {
            spans: match (f.spans, f.text) {
                (Some(spans), _) => spans,
                (None, Some(text)) => vec![Span::plain(text)],
                (None, None) => {
                    return Err(r.error(end, "a paragraph needs `text` or `spans`".to_owned()));
                }
            },
        }),
        "heading" => Block::Heading(Heading {
            text: required(f.text, f.text_at, "text")?,
        }),
        "quote" | "pullquote" => {
            let quote = Quote {
                text: required(f.text, f.text_at, "text")?,
                cite: present(f.cite),
            };
            if kind == "quote" {
                Block::Quote(quote)
            } else {
                Block::PullQuote(quote)
            }
        }
        "image" => Block::Image(f.image.finish(r)?),
        "list" => Block::List(List {
            ordered: f.ordered,
            items: f.items.ok_or_else(|| r.missing("items"))?,
        }),
        "table" => Block::Table(Table {
            caption: present(f.caption),
            header: f.header,
            rows: filled(r, end, f.rows, "rows")?,
            row_headers: f.row_headers,
        }),
        "gallery" => Block::Gallery(Gallery {
            caption: present(f.caption),
            images: filled(r, end, f.images, "images")?,
        }),
        "embed" => Block::Embed(Embed {
            provider: provider(f.provider.as_deref().ok_or_else(|| r.missing("provider"))?),
            url: f.url.ok_or_else(|| r.missing("url"))?,
            title: required(f.title, f.title_at, "title")?,
            caption: present(f.caption),
            thumbnail: present(f.thumbnail),
        }),
        "video" => Block::Video(Video {
            src: f.image.src.ok_or_else(|| r.missing("src"))?,
            title: required(f.title, f.title_at, "title")?,
            poster: present(f.poster),
            width: f.image.width,
            height: f.image.height,
            captions: f.captions,
        }),
        "key_points" => Block::KeyPoints(KeyPoints {
            title: present(f.title),
            items: filled(
                r,
                end,
                f.items
                    .map(|items| items.into_iter().filter(|i| !i.trim().is_empty()).collect()),
                "items",
            )?,
        }),
        "factbox" => Block::Factbox(Factbox {
            title: required(f.title, f.title_at, "title")?,
            body: filled(r, end, f.body, "body")?,
        }),
        "related" => Block::Related(Related {
            title: present(f.title),
            links: filled(r, end, f.links, "links")?,
        }),
        _ => return Ok(None),
    }))
}

/// The fields any block may have; each kind takes its own.
#[derive(Default)]
struct Fields {
    text: Option<String>,
    text_at: usize,
    title: Option<String>,
    title_at: usize,
    cite: Option<String>,
    caption: Option<String>,
    ordered: bool,
    row_headers: bool,
    items: Option<Vec<String>>,
    header: Vec<String>,
    rows: Option<Vec<Vec<String>>>,
    spans: Option<Vec<Span>>,
    images: Option<Vec<Image>>,
    captions: Vec<Captions>,
    body: Option<Vec<Block>>,
    links: Option<Vec<RelatedLink>>,
    provider: Option<String>,
    url: Option<String>,
    thumbnail: Option<String>,
    poster: Option<String>,
    /// An image's fields, and a video's `src`, `width` and `height`.
    image: ImageFields,
}

/// A list that must hold something to be worth showing.
fn filled<T>(
    r: &Reader<'_>,
    end: usize,
    list: Option<Vec<T>>,
    name: &str,
) -> Result<Vec<T>, Error> {
    match list {
        Some(list) if !list.is_empty() => Ok(list),
        Some(_) => Err(r.error(end, format!("`{name}` is empty"))),
        None => Err(r.missing(name)),
    }
}

/// An array whose every item `read_one` reads; one bad item fails it.
fn list_of<T>(
    r: &mut Reader<'_>,
    read_one: fn(&mut Reader<'_>) -> Result<T, Error>,
) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    r.array(&mut |r, _| {
        out.push(read_one(r)?);
        Ok(())
    })?;
    Ok(out)
}

/// An embed's provider; one this version doesn't know is `other` (shown
/// as a link, never loaded).
fn provider(key: &str) -> Provider {
    Provider::ALL
        .into_iter()
        .find(|p| p.key() == key)
        .unwrap_or(Provider::Other)
}

fn captions(r: &mut Reader<'_>) -> Result<Captions, Error> {
    let (mut src, mut lang, mut label) = (None, None, None);
    r.object(&mut |r, key| {
        let field = match key {
            "src" => &mut src,
            "lang" => &mut lang,
            "label" => &mut label,
            _ => return Ok(false),
        };
        *field = Some(r.string()?);
        Ok(true)
    })?;
    Ok(Captions {
        src: src.ok_or_else(|| r.missing("src"))?,
        lang: lang.ok_or_else(|| r.missing("lang"))?,
        label: label.ok_or_else(|| r.missing("label"))?,
    })
}

fn related_link(r: &mut Reader<'_>) -> Result<RelatedLink, Error> {
    let (mut title, mut url, mut article) = (None, None, None);
    r.object(&mut |r, key| {
        let field = match key {
            "title" => &mut title,
            "url" => &mut url,
            "article" => &mut article,
            _ => return Ok(false),
        };
        *field = r.optional_string()?;
        Ok(true)
    })?;
    Ok(RelatedLink {
        title: present(title).ok_or_else(|| r.missing("title"))?,
        url: present(url),
        article: present(article),
    })
}

/// A correction: when, and what was wrong.
fn correction(r: &mut Reader<'_>) -> Result<Correction, Error> {
    let (mut time, mut text) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "time" => {
                let at = r.mark();
                let raw = r.str()?;
                time = Some(Timestamp::parse(&raw).map_err(|e| r.error(at, e.to_string()))?);
            }
            "text" => text = present(r.optional_string()?),
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Correction {
        time: time.ok_or_else(|| r.missing("time"))?,
        text: text.ok_or_else(|| r.missing("text"))?,
    })
}

#[derive(Default)]
struct ImageFields {
    src: Option<String>,
    alt: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
}

impl ImageFields {
    /// An image, its caption and credit absent when blank.
    fn finish(self, r: &Reader<'_>) -> Result<Image, Error> {
        Ok(Image {
            src: self.src.ok_or_else(|| r.missing("src"))?,
            alt: self.alt.ok_or_else(|| r.missing("alt"))?,
            caption: present(self.caption),
            credit: present(self.credit),
            width: self.width,
            height: self.height,
        })
    }
}

fn image_field(r: &mut Reader<'_>, f: &mut ImageFields, key: &str) -> Result<(), Error> {
    let number = |r: &mut Reader<'_>| -> Result<Option<u32>, Error> {
        if r.null()? {
            Ok(None)
        } else {
            r.u32().map(Some)
        }
    };
    match key {
        "src" => f.src = Some(r.string()?),
        "alt" => f.alt = Some(r.string()?),
        "caption" => f.caption = r.optional_string()?,
        "credit" => f.credit = r.optional_string()?,
        "width" => f.width = number(r)?,
        _ => f.height = number(r)?,
    }
    Ok(())
}

fn image(r: &mut Reader<'_>) -> Result<Image, Error> {
    let mut f = ImageFields::default();
    r.object(&mut |r, key| match key {
        "src" | "alt" | "caption" | "credit" | "width" | "height" => {
            image_field(r, &mut f, key).map(|()| true)
        }
        _ => Ok(false),
    })?;
    f.finish(r)
}

fn span(r: &mut Reader<'_>) -> Result<Span, Error> {
    let (mut text, mut href, mut bold, mut italic) = (None, None, false, false);
    r.object(&mut |r, key| {
        match key {
            "text" => text = Some(r.string()?),
            "href" => href = r.optional_string()?,
            "bold" => bold = r.bool()?,
            "italic" => italic = r.bool()?,
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(Span {
        text: text.ok_or_else(|| r.missing("text"))?,
        href: present(href),
        bold,
        italic,
    })
}

fn is_placeholder(headline: &str) -> bool {
    matches!(headline.trim(), "" | "-" | "–" | "—")
}

/// The deepest the reader goes; deeper documents are refused whole,
/// wherever the nesting is (serde_json's limit, kept).
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
