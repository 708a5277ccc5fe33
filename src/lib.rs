//! An article viewer for the web.
//!
//! The pure core — the article [`format`], [`time`]stamps, the
//! [`url_policy`], the [`messages`] catalogue, what a [`load`] failure
//! means — has no browser APIs and is tested natively. The browser shell is
//! the [`viewer`] and the three things it renders — the [`story`], the
//! [`social_bar`] and the [`timeline`] — [`mount`]ed standalone, inline in
//! a publisher's page or in an iframe ([`embed`]).

pub mod config;
pub mod embed;
pub mod embed_code;
pub mod format;
pub mod intl;
pub mod live;
pub mod load;
pub mod messages;
pub mod metadata;
pub mod mount;
pub mod navigation;
pub mod share;
pub mod social_bar;
pub mod social_icons;
pub mod story;
pub mod time;
pub mod timeline;
pub mod timers;
pub mod url_policy;
pub mod viewer;

/// Mounts the viewers the page asks for (see [`mount`]).
pub fn start() {
    mount::start();
}
