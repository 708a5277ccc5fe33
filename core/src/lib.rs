//! The article viewer's pure core: everything it decides, with no browser
//! in sight.
//!
//! - [`article`]: format v1, decoding untrusted JSON into a checked model,
//!   JSON Feed as a timeline;
//! - [`timeline`] and [`live`]: the timeline's order, identity, day groups and
//!   pages, and a live timeline's polling rules;
//! - [`fetch`]: limits, retries, `Retry-After`, what each failure means;
//! - [`url_policy`], [`address`], [`config`]: which URLs may be used, how an
//!   address names a story, which sources a page allows;
//! - [`messages`]: every interface string, per language;
//! - [`embed`], [`metadata`]: a viewer's options, the embed snippets, the
//!   document's metadata;
//! - [`time`]: RFC 3339 and HTTP dates; [`dates`]: dates in words for the
//!   HTML written ahead of time;
//! - [`markup`], [`story`], [`social_bar`], [`timeline::markup`] and
//!   [`players`]: what the viewer shows, as markup, and the third-party
//!   players an embed may load;
//! - [`ahead`]: the viewer written as HTML ahead of time — the snippet
//!   (the command's and the Embed control's) and the prerender;
//! - [`json`]: the JSON reader the decoder drives, and JSON-LD's escaping.
//!
//! It depends on the standard library only, so it builds and tests natively
//! in seconds; the viewer crate is the browser shell around it.

pub mod address;
pub mod ahead;
pub mod article;
pub mod config;
pub mod dates;
pub mod embed;
pub mod fetch;
pub mod json;
pub mod live;
pub mod markup;
pub mod messages;
pub mod metadata;
pub mod players;
pub mod social_bar;
pub mod story;
pub mod time;
pub mod timeline;
pub mod url_policy;
