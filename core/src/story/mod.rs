//! The story's body as elements: what each block becomes — which element,
//! which attributes, which interface words — decided here and tested
//! natively. The browser shell builds exactly this tree with
//! `createElement`, `setAttribute` and text nodes (never HTML), and the
//! native render writes the same tree; neither decides anything of its own.
//!
//! Why a tree and not one component per block: each Leptos view is its own
//! generic code in the wasm, and a newsroom's block types are many. Built
//! from this tree, a new block costs a few hundred bytes of plain Rust
//! instead of a few kilobytes of view code (measured when the blocks issue
//! added eight types; see the README, "Performance").
//!
//! Every string here came from the network: it is only ever a text node or
//! an attribute value, and every `href` and `src` went through the
//! [URL policy](crate::url_policy) and was resolved against the story's own
//! address (a relative image is next to its article, not to the page). The
//! few controls inside the story (share, show an image, load a third
//! party's content, open a related story) carry a `data-action`
//! ([`Action`]) that the shell's one listener acts on.

mod blocks;
mod corrections;
mod header;
#[cfg(feature = "live-blog")]
pub mod live_blog;
mod media;
mod table;
mod third_party;

use crate::article::{Article, Provider};
use crate::messages::Messages;
use crate::time::Timestamp;
use crate::url_policy::UrlUse;

pub use self::third_party::player_frame;
pub use crate::markup::{Action, Element, Markup, Node, Op};

/// What the body's elements depend on besides the article.
pub struct Settings<'a> {
    pub messages: &'static Messages,
    /// The reader asked for less data: images wait for "Show image".
    pub low_data: bool,
    /// The providers whose content this reader chose to always load.
    pub always: &'a dyn Fn(Provider) -> bool,
    /// A `href` or `src` of the story made absolute against the story's own
    /// address, if the URL policy allows it for that use.
    pub resolve: &'a dyn Fn(&str, UrlUse) -> Option<String>,
    /// A related story's `article`: its address in the viewer and its
    /// resolved URL, if it may be opened.
    pub open: &'a dyn Fn(&str) -> Option<(String, String)>,
    /// A time in words for the reader ("15 October 2025 at 12:40").
    pub time: &'a dyn Fn(&Timestamp) -> String,
    /// A time in full, with its zone, for a tooltip.
    pub full: &'a dyn Fn(&Timestamp) -> String,
    /// The clock time ("11:50"), for a live blog's key events.
    pub clock: &'a dyn Fn(&Timestamp) -> String,
    /// "5 min ago" for a moment of the last 24 hours; `None` ahead of
    /// time, when the words would be stale by the time they are read.
    pub ago: &'a dyn Fn(&Timestamp) -> Option<String>,
    /// How this reader sees a live blog.
    pub live_blog: LiveView,
    /// A number in the interface language's digits.
    pub number: &'a dyn Fn(u32) -> String,
    /// The address that shows this story, for the Share button.
    pub share_url: &'a str,
}

/// How this reader sees a live blog (the `live-blog` feature writes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveView {
    /// The reader's choice, kept on the device per blog.
    pub oldest_first: bool,
    /// The newest update's time (epoch seconds) on this device's last
    /// visit; `None` on a first visit, and ahead of time.
    pub seen: Option<i64>,
    /// How many rows of the stream to write with the story.
    pub first: usize,
}

impl LiveView {
    /// Ahead of time: every update, newest first, no marker.
    pub const AHEAD: LiveView = LiveView {
        oldest_first: false,
        seen: None,
        first: usize::MAX,
    };
}

/// The story: its header, the lead image, the body's blocks, a live
/// blog's updates, the corrections (what goes inside its `<article>`).
pub fn story(article: &Article, settings: &Settings) -> Markup {
    let mut m = Markup::default();
    header::header(&mut m, article, settings);
    if let Some(image) = &article.image {
        media::figure(&mut m, image, true, settings);
    }
    m.open("div").class("story__body");
    for (i, block) in article.body.iter().enumerate() {
        blocks::block(&mut m, block, i, settings);
    }
    m.close();
    #[cfg(feature = "live-blog")]
    if let Some(blog) = &article.live_blog {
        live_blog::updates(&mut m, blog, settings);
    }
    corrections::corrections(&mut m, &article.corrections, settings);
    m
}

#[cfg(test)]
mod tests;
