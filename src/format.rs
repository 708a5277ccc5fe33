//! Article format v1: the JSON the viewer reads, as typed Rust.
//!
//! Pure Rust, no browser APIs: everything here is tested natively. The
//! published JSON Schema (`public/schema/article-v1.json`) describes the same
//! shape; `tests/format.rs` checks that every sample agrees with both.
//!
//! Forward compatibility: unknown fields are ignored, an unknown body block
//! type decodes as [`Block::Unknown`] and renders nothing, an unknown social
//! network becomes [`Network::Other`].
//!
//! Every byte is untrusted. Decoding never panics; it is two-layered: serde
//! reads the document's shape (lists of items kept as raw JSON), then each
//! body block, social link and timeline entry is decoded on its own, so one
//! bad item is dropped — and reported with its path, e.g.
//! `body[3].text: invalid type: integer `5`, expected a string` — while the
//! rest is shown. Only a missing headline or an empty body is fatal.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use std::fmt;

use crate::time::Timestamp;

/// The only schema version this viewer understands.
pub const SCHEMA_VERSION: u32 = 1;

/// One story, with its social bar and timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    /// BCP 47 language tag, e.g. `en`, `ar-SY`.
    pub lang: String,
    pub dir: Option<Direction>,
    pub headline: String,
    pub standfirst: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub byline: Vec<Author>,
    /// `None` when the document's value is not a valid RFC 3339 time.
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub canonical_url: Option<String>,
    pub image: Option<Image>,
    pub body: Vec<Block>,
    pub social: Option<SocialBar>,
    pub timeline: Option<Timeline>,
    /// What was dropped while decoding, each with its path, for the console.
    pub problems: Vec<String>,
}

impl Article {
    /// Words of the body a reader reads.
    pub fn word_count(&self) -> usize {
        let words = |t: &str| t.split_whitespace().count();
        self.body
            .iter()
            .map(|block| match block {
                Block::Paragraph(p) => p.spans.iter().map(|s| words(&s.text)).sum(),
                Block::Heading { text } | Block::Quote { text, .. } => words(text),
                Block::List { items, .. } => items.iter().map(|i| words(i)).sum(),
                Block::Image(image) => image.caption.as_deref().map_or(0, words),
                Block::Unknown => 0,
            })
            .sum()
    }

    /// Minutes to read the body at 200 words a minute, at least one.
    pub fn reading_minutes(&self) -> u32 {
        (self.word_count().div_ceil(200)).max(1) as u32
    }

    /// Text direction: the explicit `dir`, else the one usual for `lang`.
    pub fn direction(&self) -> Direction {
        self.dir.unwrap_or_else(|| Direction::for_lang(&self.lang))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The direction a language is written in, from its BCP 47 tag.
    pub fn for_lang(lang: &str) -> Direction {
        let mut subtags = lang.split(['-', '_']).map(|s| s.to_ascii_lowercase());
        let primary = subtags.next().unwrap_or_default();
        // A script subtag overrides the language's usual script (e.g. `az-Arab`).
        for subtag in subtags {
            if subtag.len() == 4 {
                return match subtag.as_str() {
                    "arab" | "hebr" | "syrc" | "thaa" | "nkoo" | "adlm" | "rohg" => Direction::Rtl,
                    _ => Direction::Ltr,
                };
            }
        }
        match primary.as_str() {
            "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "iw" | "ks" | "ps" | "sd" | "ug" | "ur"
            | "yi" => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Author {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
}

/// One block of the story's body, tagged by `type` in the JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Heading {
        text: String,
    },
    Quote {
        text: String,
        cite: Option<String>,
    },
    Image(Image),
    List {
        ordered: bool,
        items: Vec<String>,
    },
    /// A block type from a later version of the format: rendered as nothing.
    Unknown,
}

// The fields of each block type. Blocks are read in two steps, the tag and
// then these, so that an error names its field (`body[3].text`): serde's own
// internally tagged enums buffer the fields and lose the path.
#[derive(Deserialize)]
struct BlockTag {
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Deserialize)]
struct HeadingFields {
    text: String,
}

#[derive(Deserialize)]
struct QuoteFields {
    text: String,
    #[serde(default)]
    cite: Option<String>,
}

#[derive(Deserialize)]
struct ListFields {
    #[serde(default)]
    ordered: bool,
    items: Vec<String>,
}

fn read_block(json: &str, path: &str) -> Result<Block, ReadError> {
    let tag: BlockTag = read(json, path)?;
    Ok(match tag.kind.as_str() {
        "paragraph" => Block::Paragraph(read(json, path)?),
        "heading" => Block::Heading {
            text: read::<HeadingFields>(json, path)?.text,
        },
        "quote" => {
            let q: QuoteFields = read(json, path)?;
            Block::Quote {
                text: q.text,
                cite: q.cite,
            }
        }
        "image" => Block::Image(read(json, path)?),
        "list" => {
            let l: ListFields = read(json, path)?;
            Block::List {
                ordered: l.ordered,
                items: l.items,
            }
        }
        _ => Block::Unknown,
    })
}

/// A paragraph is either plain `text` or a run of `spans`.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub spans: Vec<Span>,
}

impl<'de> Deserialize<'de> for Paragraph {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            text: Option<String>,
            #[serde(default)]
            spans: Option<Vec<Span>>,
        }
        let raw = Raw::deserialize(deserializer)?;
        match (raw.spans, raw.text) {
            (Some(spans), _) => Ok(Paragraph { spans }),
            (None, Some(text)) => Ok(Paragraph {
                spans: vec![Span::plain(text)],
            }),
            (None, None) => Err(serde::de::Error::custom(
                "a paragraph needs `text` or `spans`",
            )),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Span {
    pub text: String,
    #[serde(default)]
    pub href: Option<String>,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
}

impl Span {
    pub fn plain(text: String) -> Span {
        Span {
            text,
            href: None,
            bold: false,
            italic: false,
        }
    }
}

/// The publisher's "follow us" networks.
#[derive(Debug, Clone, PartialEq)]
pub struct SocialBar {
    pub title: Option<String>,
    pub links: Vec<SocialLink>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SocialLink {
    pub network: Network,
    pub url: String,
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Network {
    Facebook,
    X,
    Instagram,
    Telegram,
    WhatsApp,
    YouTube,
    TikTok,
    LinkedIn,
    Rss,
    Email,
    Other,
}

impl Network {
    pub const ALL: [Network; 11] = [
        Network::Facebook,
        Network::X,
        Network::Instagram,
        Network::Telegram,
        Network::WhatsApp,
        Network::YouTube,
        Network::TikTok,
        Network::LinkedIn,
        Network::Rss,
        Network::Email,
        Network::Other,
    ];

    /// The value used in the JSON.
    pub fn key(self) -> &'static str {
        match self {
            Network::Facebook => "facebook",
            Network::X => "x",
            Network::Instagram => "instagram",
            Network::Telegram => "telegram",
            Network::WhatsApp => "whatsapp",
            Network::YouTube => "youtube",
            Network::TikTok => "tiktok",
            Network::LinkedIn => "linkedin",
            Network::Rss => "rss",
            Network::Email => "email",
            Network::Other => "other",
        }
    }

    /// The network's own (brand) name, used when a link has no `label`;
    /// `None` for `email` and `other`, whose names are interface words from
    /// the message catalogue.
    pub fn brand(self) -> Option<&'static str> {
        Some(match self {
            Network::Facebook => "Facebook",
            Network::X => "X",
            Network::Instagram => "Instagram",
            Network::Telegram => "Telegram",
            Network::WhatsApp => "WhatsApp",
            Network::YouTube => "YouTube",
            Network::TikTok => "TikTok",
            Network::LinkedIn => "LinkedIn",
            Network::Rss => "RSS",
            Network::Email | Network::Other => return None,
        })
    }
}

impl<'de> Deserialize<'de> for Network {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        // Networks added by later versions of the format still get a link.
        Ok(Network::ALL
            .into_iter()
            .find(|n| n.key() == key)
            .unwrap_or(Network::Other))
    }
}

/// Recent headlines with their times.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub title: Option<String>,
    pub entries: Vec<TimelineEntry>,
    /// A document the entries come from (a timeline or a JSON Feed), as
    /// written: relative to the article.
    pub source: Option<String>,
    /// Poll `source` for new entries.
    pub live: bool,
    /// Seconds between polls, as the publisher asked; see
    /// [`crate::live::poll_interval_ms`] for the bounds.
    pub interval: Option<f64>,
}

/// The `version` of a JSON Feed 1.x document begins with this.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1";

impl Timeline {
    /// The entries newest first, whatever the order in the JSON. Entries with
    /// the same time keep their order; entries without a valid time follow.
    pub fn newest_first(self) -> Vec<TimelineEntry> {
        let mut entries = self.entries;
        sort_newest_first(&mut entries);
        entries
    }
}

/// Sorts entries newest first; equal times keep their order, entries without
/// a valid time go last.
pub fn sort_newest_first(entries: &mut [TimelineEntry]) {
    entries.sort_by_key(|e| {
        std::cmp::Reverse(e.time.as_ref().map_or(i64::MIN, Timestamp::epoch_seconds))
    });
}

impl TimelineEntry {
    /// What makes two versions of an entry the same entry: its id, else its
    /// link, else its time and headline.
    pub fn key(&self) -> String {
        match (&self.id, &self.article, &self.url) {
            (Some(id), _, _) => format!("id:{id}"),
            (None, Some(a), _) => format!("article:{a}"),
            (None, None, Some(u)) => format!("url:{u}"),
            (None, None, None) => format!(
                "text:{}|{}",
                self.time.as_ref().map_or("", Timestamp::as_str),
                self.headline
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub id: Option<String>,
    /// `None` when the entry's time is not a valid RFC 3339 time: the entry is
    /// still shown, without a time.
    pub time: Option<Timestamp>,
    pub headline: String,
    /// An outside link.
    pub url: Option<String>,
    /// Another article JSON, opened inside the viewer.
    pub article: Option<String>,
}

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

/// The document's shape, before its items are checked one by one.
#[derive(Deserialize)]
struct RawArticle<'a> {
    #[serde(default)]
    id: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    dir: Option<Direction>,
    #[serde(default)]
    headline: Option<String>,
    #[serde(default)]
    standfirst: Option<String>,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default, borrow)]
    byline: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    published: Option<&'a RawValue>,
    #[serde(default, borrow)]
    updated: Option<&'a RawValue>,
    #[serde(default)]
    canonical_url: Option<String>,
    #[serde(default, borrow)]
    image: Option<&'a RawValue>,
    #[serde(default, borrow)]
    body: Option<Vec<&'a RawValue>>,
    #[serde(default, borrow)]
    social: Option<RawSocialBar<'a>>,
    #[serde(default, borrow)]
    timeline: Option<RawTimeline<'a>>,
}

#[derive(Deserialize)]
struct RawSocialBar<'a> {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, borrow)]
    links: Vec<&'a RawValue>,
}

/// A timeline, or a JSON Feed (told apart by its `version`).
#[derive(Deserialize)]
struct RawTimeline<'a> {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, borrow)]
    entries: Vec<&'a RawValue>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    live: bool,
    #[serde(default)]
    interval: Option<f64>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default, borrow)]
    items: Vec<&'a RawValue>,
}

/// A JSON Feed 1.1 item: only what a headline timeline shows.
#[derive(Deserialize)]
struct RawFeedItem {
    /// A string; some feeds write a number, which means the same. (Kept raw:
    /// an untagged enum would cost the wasm serde's whole buffering layer.)
    id: Box<RawValue>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    external_url: Option<String>,
    #[serde(default)]
    date_published: Option<String>,
    #[serde(default)]
    date_modified: Option<String>,
}

#[derive(Deserialize)]
struct RawTimelineEntry {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    time: Option<String>,
    headline: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    article: Option<String>,
}

#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    schema_version: Option<serde_json::Number>,
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
fn read<T: serde::de::DeserializeOwned>(json: &str, path: &str) -> Result<T, ReadError> {
    read_borrowed(json, path)
}

/// Reads one value, naming the place of any error: `{path}.{inner path}: …`.
/// The document's shape borrows its items' raw text instead of copying it.
fn read_borrowed<'de, T: Deserialize<'de>>(json: &'de str, path: &str) -> Result<T, ReadError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.path().to_string();
        let at = match (path.is_empty(), inner.as_str()) {
            (true, ".") => String::new(),
            (true, _) => format!("{inner}: "),
            (false, ".") => format!("{path}: "),
            (false, _) if inner.starts_with('[') => format!("{path}{inner}: "),
            (false, _) => format!("{path}.{inner}: "),
        };
        let error = e.into_inner();
        let corrupt = !error.is_data() || error.to_string().starts_with("duplicate field");
        ReadError {
            text: format!("{at}{error}"),
            corrupt,
        }
    })?;
    de.end().map_err(|e| ReadError {
        text: format!("{path}: {e}"),
        corrupt: true,
    })?;
    Ok(value)
}

/// Reads an optional item: a bad one is dropped and reported, a corrupt one
/// condemns the document.
fn read_optional<T>(
    json: &str,
    path: &str,
    problems: &mut Vec<String>,
    read_one: impl Fn(&str, &str) -> Result<T, ReadError>,
) -> Result<Option<T>, DecodeError> {
    match read_one(json, path) {
        Ok(value) => Ok(Some(value)),
        Err(e) if e.corrupt => Err(e.into()),
        Err(e) => {
            problems.push(format!("dropped {}", e.text));
            Ok(None)
        }
    }
}

/// Reads each item of a list with `read_one`, dropping (and reporting) the
/// bad ones.
fn read_each<T>(
    items: &[&RawValue],
    path: &str,
    problems: &mut Vec<String>,
    read_one: impl Fn(&str, &str) -> Result<T, ReadError>,
) -> Result<Vec<T>, DecodeError> {
    let mut out = Vec::with_capacity(items.len());
    for (i, raw) in items.iter().enumerate() {
        if let Some(item) = read_optional(raw.get(), &format!("{path}[{i}]"), problems, &read_one)?
        {
            out.push(item);
        }
    }
    Ok(out)
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

/// A time the document got wrong is left out (and reported), not guessed.
fn read_timestamp(
    raw: Option<&RawValue>,
    path: &str,
    problems: &mut Vec<String>,
) -> Result<Option<Timestamp>, DecodeError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    read_optional(raw.get(), path, problems, |json, path| {
        let text: String = read(json, path)?;
        Timestamp::parse(&text).map_err(|e| ReadError {
            text: format!("{path}: {e}"),
            corrupt: false,
        })
    })
}

/// One entry as read, before the checks every entry gets.
struct EntryFields {
    id: Option<String>,
    time: Option<String>,
    headline: String,
    url: Option<String>,
    article: Option<String>,
}

impl From<RawTimelineEntry> for EntryFields {
    fn from(e: RawTimelineEntry) -> EntryFields {
        EntryFields {
            id: e.id,
            time: e.time,
            headline: e.headline,
            url: e.url,
            article: e.article,
        }
    }
}

impl From<RawFeedItem> for EntryFields {
    fn from(item: RawFeedItem) -> EntryFields {
        let pick = |a: Option<String>, b: Option<String>| {
            a.filter(|s| !s.trim().is_empty())
                .or(b.filter(|s| !s.trim().is_empty()))
        };
        EntryFields {
            id: serde_json::from_str::<String>(item.id.get())
                .ok()
                .or_else(|| {
                    let raw = item.id.get();
                    raw.starts_with(|c: char| c == '-' || c.is_ascii_digit())
                        .then(|| raw.to_owned())
                }),
            time: pick(item.date_published, item.date_modified),
            headline: pick(item.title, item.summary).unwrap_or_default(),
            url: pick(item.url, item.external_url),
            article: None,
        }
    }
}

/// Timeline entries (or JSON Feed items): bad ones dropped, placeholders
/// ("-") and repeated ids left out, an invalid time kept as no time.
fn read_timeline_entries<R: serde::de::DeserializeOwned + Into<EntryFields>>(
    items: &[&RawValue],
    path: &str,
    problems: &mut Vec<String>,
) -> Result<Vec<TimelineEntry>, DecodeError> {
    let mut seen_ids = std::collections::HashSet::new();
    let mut entries = Vec::with_capacity(items.len());
    for (i, raw) in items.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let Some(e) = read_optional::<R>(raw.get(), &path, problems, read)? else {
            continue;
        };
        let e: EntryFields = e.into();
        if is_placeholder(&e.headline) {
            continue;
        }
        if let Some(id) = &e.id {
            if !seen_ids.insert(id.clone()) {
                problems.push(format!("dropped {path}: duplicate id {id:?}"));
                continue;
            }
        }
        let time = match e.time {
            Some(t) => Timestamp::parse(&t)
                .map_err(|err| problems.push(format!("ignored {path}.time: {err}")))
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

/// A timeline object, inline or fetched: its entries, or a JSON Feed's items.
fn read_timeline(
    raw: RawTimeline<'_>,
    path: &str,
    problems: &mut Vec<String>,
) -> Result<Timeline, DecodeError> {
    let entries = match &raw.version {
        Some(v) if v.starts_with(JSON_FEED_VERSION) => {
            read_timeline_entries::<RawFeedItem>(&raw.items, &format!("{path}items"), problems)?
        }
        _ => read_timeline_entries::<RawTimelineEntry>(
            &raw.entries,
            &format!("{path}entries"),
            problems,
        )?,
    };
    Ok(Timeline {
        title: raw.title,
        entries,
        source: raw.source.filter(|s| !s.trim().is_empty()),
        live: raw.live,
        interval: raw.interval,
    })
}

/// Decodes a timeline document fetched from a timeline's `source`: a
/// `{title?, entries}` object as in an article, or a JSON Feed 1.x. Returns
/// the timeline and what was dropped.
pub fn decode_timeline(json: &str) -> Result<(Timeline, Vec<String>), DecodeError> {
    refuse_deep_nesting(json)?;
    let raw: RawTimeline = read_borrowed(json, "")?;
    let mut problems = Vec::new();
    let timeline = read_timeline(raw, "", &mut problems)?;
    Ok((timeline, problems))
}

fn is_placeholder(headline: &str) -> bool {
    matches!(headline.trim(), "" | "-" | "–" | "—")
}

/// Decodes and checks an article document.
pub fn decode(json: &str) -> Result<Article, DecodeError> {
    // A byte order mark is not JSON (RFC 8259 forbids sending one): the
    // document is refused as unreadable, like any other stray byte.
    refuse_deep_nesting(json)?;
    // The version first: a later version may have a different shape, and the
    // reader should hear "newer format", not a type error.
    let probe: VersionProbe = read(json, "")?;
    let Some(version) = probe.schema_version else {
        return Err(DecodeError::Malformed(
            "schema_version is missing".to_owned(),
        ));
    };
    if version.as_u64() != Some(u64::from(SCHEMA_VERSION)) {
        let shown = version.as_u64().and_then(|n| u32::try_from(n).ok());
        return Err(DecodeError::UnsupportedVersion(shown.unwrap_or(u32::MAX)));
    }

    let raw: RawArticle = read_borrowed(json, "")?;
    let mut problems = Vec::new();

    let headline = raw.headline.unwrap_or_default();
    if headline.trim().is_empty() {
        return Err(DecodeError::Incomplete("the headline is missing or empty"));
    }
    let body: Vec<Block> = read_each(
        &raw.body.unwrap_or_default(),
        "body",
        &mut problems,
        read_block,
    )?
    .into_iter()
    .filter(|b| !matches!(b, Block::Unknown))
    .collect();
    if body.is_empty() {
        return Err(DecodeError::Incomplete("the body has no readable block"));
    }

    let social = match raw.social {
        Some(bar) => Some(SocialBar {
            title: bar.title,
            links: read_each(&bar.links, "social.links", &mut problems, read)?,
        }),
        None => None,
    };

    let timeline = match raw.timeline {
        Some(t) => Some(read_timeline(t, "timeline.", &mut problems)?),
        None => None,
    };

    if raw.published.is_none() {
        problems.push("published is missing".to_owned());
    }
    let published = read_timestamp(raw.published, "published", &mut problems)?;
    let updated = read_timestamp(raw.updated, "updated", &mut problems)?;
    let image = match raw.image {
        Some(i) => read_optional(i.get(), "image", &mut problems, read)?,
        None => None,
    };

    Ok(Article {
        id: raw.id,
        lang: raw
            .lang
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| "en".to_owned()),
        dir: raw.dir,
        headline,
        standfirst: raw.standfirst,
        section: raw.section,
        tags: raw.tags,
        byline: read_each(&raw.byline, "byline", &mut problems, read)?,
        published,
        updated,
        canonical_url: raw.canonical_url,
        image,
        body,
        social,
        timeline,
        problems,
    })
}
