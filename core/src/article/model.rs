//! The article as the viewer uses it: typed, checked, and with every blank
//! text already turned into "absent", so that no renderer decides that again.

use crate::time::Timestamp;

/// The only schema version this viewer understands.
pub const SCHEMA_VERSION: u32 = 1;

/// One story, with its social bar and timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    /// BCP 47 language tag, e.g. `en`, `ar-SY`; `en` when the document has none.
    pub lang: String,
    pub dir: Option<Direction>,
    /// Never blank: an article without one is not decoded.
    pub headline: String,
    pub standfirst: Option<String>,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Only authors with a name.
    pub byline: Vec<Author>,
    /// `None` when the document's value is not a valid RFC 3339 time.
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub canonical_url: Option<String>,
    pub image: Option<Image>,
    /// At least one block, none of them [`Block::Unknown`].
    pub body: Vec<Block>,
    pub social: Option<SocialBar>,
    pub timeline: Option<Timeline>,
    /// Corrections to the story, oldest first, shown after the body.
    pub corrections: Vec<Correction>,
    /// The story is a live blog: its updates follow the body.
    #[cfg(feature = "live-blog")]
    pub live_blog: Option<LiveBlog>,
    /// Without `live-blog` (the viewer's main module): the document's text
    /// when it is a live blog, for the live module, which reads its updates,
    /// and its `source` as written, for the viewer to allow or refuse.
    #[cfg(not(feature = "live-blog"))]
    pub live_text: Option<(String, Option<String>)>,
    /// What was dropped while decoding, each with its path, for the console.
    pub problems: Vec<String>,
}

impl Article {
    /// Words of the body a reader reads.
    pub fn word_count(&self) -> usize {
        let words = |t: &str| t.split_whitespace().count();
        self.body.iter().map(|block| block.word_count(&words)).sum()
    }

    /// Minutes to read the body at 200 words a minute, at least one.
    pub fn reading_minutes(&self) -> u32 {
        (self.word_count().div_ceil(200)).max(1) as u32
    }

    /// The document is a live blog (`live_blog`).
    pub fn is_live_blog(&self) -> bool {
        #[cfg(feature = "live-blog")]
        return self.live_blog.is_some();
        #[cfg(not(feature = "live-blog"))]
        return self.live_text.is_some();
    }

    /// Text direction: the explicit `dir`, else the one usual for `lang`.
    pub fn direction(&self) -> Direction {
        self.dir.unwrap_or_else(|| Direction::for_lang(&self.lang))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Blank means absent: `Some("  ")` is `None`. Decoding passes every
/// optional text of the format through here, once, so that no renderer (nor
/// the JSON-LD) decides it again.
pub(crate) fn present(text: Option<String>) -> Option<String> {
    text.filter(|s| !s.trim().is_empty())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    /// Never blank: an author without a name is left out of the byline.
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub src: String,
    /// As written: an empty `alt` is the publisher saying "decorative".
    pub alt: String,
    pub caption: Option<String>,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// One block of the story's body, tagged by `type` in the JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Heading(Heading),
    Quote(Quote),
    Image(Image),
    List(List),
    /// A quote set apart from the text (`pullquote`).
    PullQuote(Quote),
    Table(Table),
    Gallery(Gallery),
    /// Content from a third party, loaded only when the reader asks.
    Embed(Embed),
    Video(Video),
    KeyPoints(KeyPoints),
    Factbox(Factbox),
    Related(Related),
    /// A block type from a later version of the format: rendered as nothing.
    Unknown,
}

impl Block {
    /// Words a reader reads in this block, counted by `words`.
    fn word_count(&self, words: &dyn Fn(&str) -> usize) -> usize {
        let all = |texts: &[String]| texts.iter().map(|t| words(t)).sum::<usize>();
        match self {
            Block::Paragraph(p) => p.spans.iter().map(|s| words(&s.text)).sum(),
            Block::Heading(Heading { text })
            | Block::Quote(Quote { text, .. })
            | Block::PullQuote(Quote { text, .. }) => words(text),
            Block::List(List { items, .. }) | Block::KeyPoints(KeyPoints { items, .. }) => {
                all(items)
            }
            Block::Image(image) => image.caption.as_deref().map_or(0, words),
            Block::Table(table) => {
                all(&table.header) + table.rows.iter().map(|r| all(r)).sum::<usize>()
            }
            Block::Gallery(g) => g
                .images
                .iter()
                .map(|i| i.caption.as_deref().map_or(0, words))
                .sum(),
            Block::Factbox(f) => f.body.iter().map(|b| b.word_count(words)).sum(),
            Block::Embed(_) | Block::Video(_) | Block::Related(_) | Block::Unknown => 0,
        }
    }
}

/// A table of text. `rows` may be ragged; each row is shown as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: Option<String>,
    /// The column headings; empty when the table has none.
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Each row's first cell heads its row.
    pub row_headers: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gallery {
    pub caption: Option<String>,
    /// At least one.
    pub images: Vec<Image>,
}

/// The third parties whose content an `embed` block may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    YouTube,
    Vimeo,
    X,
    Instagram,
    TikTok,
    Spotify,
    SoundCloud,
    /// Any other: shown as a link, never loaded.
    Other,
}

impl Provider {
    pub const ALL: [Provider; 8] = [
        Provider::YouTube,
        Provider::Vimeo,
        Provider::X,
        Provider::Instagram,
        Provider::TikTok,
        Provider::Spotify,
        Provider::SoundCloud,
        Provider::Other,
    ];

    /// The value used in the JSON.
    pub fn key(self) -> &'static str {
        match self {
            Provider::YouTube => "youtube",
            Provider::Vimeo => "vimeo",
            Provider::X => "x",
            Provider::Instagram => "instagram",
            Provider::TikTok => "tiktok",
            Provider::Spotify => "spotify",
            Provider::SoundCloud => "soundcloud",
            Provider::Other => "other",
        }
    }

    /// The provider's own name; `None` for `other`.
    pub fn brand(self) -> Option<&'static str> {
        Some(match self {
            Provider::YouTube => "YouTube",
            Provider::Vimeo => "Vimeo",
            Provider::X => "X",
            Provider::Instagram => "Instagram",
            Provider::TikTok => "TikTok",
            Provider::Spotify => "Spotify",
            Provider::SoundCloud => "SoundCloud",
            Provider::Other => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    pub provider: Provider,
    /// The content's page at the provider, as written (a link, never a
    /// frame's address).
    pub url: String,
    pub title: String,
    pub caption: Option<String>,
    /// A still the publisher hosts, shown before loading.
    pub thumbnail: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Video {
    pub src: String,
    pub title: String,
    pub poster: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub captions: Vec<Captions>,
}

/// A video's captions in one language (WebVTT).
#[derive(Debug, Clone, PartialEq)]
pub struct Captions {
    pub src: String,
    pub lang: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyPoints {
    /// `None`: the catalogue's "Key points".
    pub title: Option<String>,
    pub items: Vec<String>,
}

/// A box of background beside the story, of paragraphs and lists.
#[derive(Debug, Clone, PartialEq)]
pub struct Factbox {
    pub title: String,
    /// Paragraphs and lists only; at least one.
    pub body: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// `None`: the catalogue's "Related".
    pub title: Option<String>,
    pub links: Vec<RelatedLink>,
}

/// A related story: another article opened in the viewer, else an outside
/// page, else just its title.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedLink {
    pub title: String,
    pub url: Option<String>,
    pub article: Option<String>,
}

/// A correction to the story, published at `time`.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub time: Timestamp,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: String,
    pub cite: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub ordered: bool,
    pub items: Vec<String>,
}

/// A paragraph is either plain `text` or a run of `spans`.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub href: Option<String>,
    pub bold: bool,
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

#[derive(Debug, Clone, PartialEq)]
pub struct SocialLink {
    pub network: Network,
    pub url: String,
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

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimelineEntry {
    pub id: Option<String>,
    /// `None` when the entry's time is not a valid RFC 3339 time: the entry is
    /// still shown, without a time.
    pub time: Option<Timestamp>,
    /// Never blank nor a placeholder such as "-".
    pub headline: String,
    /// An outside link.
    pub url: Option<String>,
    /// Another article JSON, opened inside the viewer.
    pub article: Option<String>,
}

/// A live blog: a story whose body is followed by timestamped updates.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveBlog {
    pub status: LiveStatus,
    pub coverage_start: Option<Timestamp>,
    pub coverage_end: Option<Timestamp>,
    /// As written; no two with the same id.
    pub updates: Vec<Update>,
    /// A document of updates (`{ "updates": [...] }` or a JSON Feed),
    /// relative to the article, polled while the blog is live.
    pub source: Option<String>,
    /// Seconds between polls, as the publisher asked.
    pub interval: Option<f64>,
    /// Updates left to read in parts, when decoding deferred them.
    #[cfg(feature = "live-blog")]
    pub unread: Option<crate::article::Unread>,
}

impl LiveBlog {
    /// Polled: live, with a source.
    pub fn polled(&self) -> bool {
        self.status == LiveStatus::Live && self.source.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiveStatus {
    Live,
    Ended,
}

/// One update of a live blog.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    /// Never blank; unique in its blog. Its permalink is `#update-<id>`.
    pub id: String,
    pub time: Timestamp,
    pub headline: Option<String>,
    /// At least one block, none of them [`Block::Unknown`].
    pub body: Vec<Block>,
    /// A key event, listed under the standfirst.
    pub key: bool,
    /// Shown first, whatever the order.
    pub pinned: bool,
    pub author: Option<Author>,
    /// What the document wrote for it, hashed: a later version of the same
    /// update with another digest was edited.
    pub digest: u64,
}

impl Update {
    /// The fragment that links to it.
    pub fn anchor(&self) -> String {
        format!("update-{}", self.id)
    }
}
