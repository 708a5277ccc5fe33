//! Article format v1: the JSON the viewer reads, as typed Rust.
//!
//! The published JSON Schema (`public/schema/article-v1.json`) describes the
//! same shape; `core/tests/format.rs` checks that every sample agrees with
//! both. Forward compatibility: unknown fields are ignored, an unknown body
//! block type decodes as [`Block::Unknown`] and renders nothing, an unknown
//! social network becomes [`Network::Other`].
//!
//! - [`model`](self::Article): the typed article;
//! - `decode`: from text to the model in one pass, item by item;
//! - `feed`: JSON Feed items as timeline entries (and, for a live blog's
//!   source, as updates: `decode/live_blog.rs`);
//! - `place`: where an error is, as a path.

mod decode;
mod feed;
mod model;
mod place;

pub use decode::{decode, decode_timeline, is_foreign, DecodeError};
#[cfg(feature = "live-blog")]
pub use decode::{decode_deferred, decode_updates, read_updates, Unread};
pub use feed::JSON_FEED_VERSION;
pub use model::*;
