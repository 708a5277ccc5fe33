//! An article viewer for the web.
//!
//! The pure core — the article [`format`], [`time`]stamps, the
//! [`url_policy`], the [`messages`] catalogue, what a [`load`] failure
//! means — has no browser APIs and is tested natively. The browser shell is
//! the [`app`] and the three things it renders: the [`story`], the
//! [`social_bar`] and the [`timeline`].

pub mod app;
pub mod config;
pub mod dates;
pub mod format;
pub mod load;
pub mod messages;
pub mod navigation;
pub mod social_bar;
pub mod social_icons;
pub mod story;
pub mod time;
pub mod timeline;
pub mod url_policy;

/// Mounts the viewer into the page's `<body>`.
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
