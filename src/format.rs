//! Article format v1: the JSON the viewer reads, as typed Rust.
//!
//! Pure Rust, no browser APIs: everything here is tested natively. The
//! published JSON Schema (`public/schema/article-v1.json`) describes the same
//! shape; `tests/format.rs` checks that every sample agrees with both.
//!
//! Forward compatibility: unknown fields are ignored, an unknown body block
//! type decodes as [`Block::Unknown`] and renders nothing, an unknown social
//! network becomes [`Network::Other`].

use serde::{Deserialize, Deserializer};
use std::fmt;

use crate::time::Timestamp;

/// The only schema version this viewer understands.
pub const SCHEMA_VERSION: u32 = 1;

/// One story, with its social bar and timeline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Article {
    pub schema_version: u32,
    pub id: String,
    /// BCP 47 language tag, e.g. `en`, `ar-SY`.
    pub lang: String,
    #[serde(default)]
    pub dir: Option<Direction>,
    pub headline: String,
    #[serde(default)]
    pub standfirst: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub byline: Vec<Author>,
    pub published: Timestamp,
    #[serde(default)]
    pub updated: Option<Timestamp>,
    #[serde(default)]
    pub canonical_url: Option<String>,
    #[serde(default)]
    pub image: Option<Image>,
    pub body: Vec<Block>,
    #[serde(default)]
    pub social: Option<SocialBar>,
    #[serde(default)]
    pub timeline: Option<Timeline>,
}

impl Article {
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

/// One block of the story's body, tagged by `type`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph(Paragraph),
    Heading {
        text: String,
    },
    Quote {
        text: String,
        #[serde(default)]
        cite: Option<String>,
    },
    Image(Image),
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<String>,
    },
    /// A block type from a later version of the format: rendered as nothing.
    #[serde(other)]
    Unknown,
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SocialBar {
    #[serde(default)]
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

    /// The network's own name, used when a link has no `label`.
    pub fn name(self) -> &'static str {
        match self {
            Network::Facebook => "Facebook",
            Network::X => "X",
            Network::Instagram => "Instagram",
            Network::Telegram => "Telegram",
            Network::WhatsApp => "WhatsApp",
            Network::YouTube => "YouTube",
            Network::TikTok => "TikTok",
            Network::LinkedIn => "LinkedIn",
            Network::Rss => "RSS",
            Network::Email => "Email",
            Network::Other => "Website",
        }
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Timeline {
    #[serde(default)]
    pub title: Option<String>,
    pub entries: Vec<TimelineEntry>,
}

impl Timeline {
    /// The entries to show, newest first whatever the order in the JSON
    /// (entries with the same time keep their order). An entry without a
    /// headline, or with only a placeholder "-", is left out: a list of dashes
    /// tells a reader nothing.
    pub fn newest_first(&self) -> Vec<&TimelineEntry> {
        let mut entries: Vec<&TimelineEntry> = self
            .entries
            .iter()
            .filter(|e| !matches!(e.headline.trim(), "" | "-" | "–" | "—"))
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.time.epoch_seconds()));
        entries
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TimelineEntry {
    #[serde(default)]
    pub id: Option<String>,
    pub time: Timestamp,
    pub headline: String,
    /// An outside link.
    #[serde(default)]
    pub url: Option<String>,
    /// Another article JSON, opened inside the viewer.
    #[serde(default)]
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

/// Decodes and checks an article document.
pub fn decode(json: &str) -> Result<Article, DecodeError> {
    // A byte order mark is not JSON, but some servers send one.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let article: Article =
        serde_json::from_str(json).map_err(|e| DecodeError::Malformed(e.to_string()))?;
    if article.schema_version != SCHEMA_VERSION {
        return Err(DecodeError::UnsupportedVersion(article.schema_version));
    }
    if article.headline.trim().is_empty() {
        return Err(DecodeError::Incomplete("the headline is empty"));
    }
    if !article.body.iter().any(|b| !matches!(b, Block::Unknown)) {
        return Err(DecodeError::Incomplete("the body has no readable block"));
    }
    Ok(article)
}
