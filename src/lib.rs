#![recursion_limit = "256"]
//! An article viewer for the web: the browser shell around
//! [`article_core`], which decides everything that can be decided without a
//! browser.
//!
//! - [`mount`]: the three ways of use — the viewer's own page, inline in a
//!   publisher's page (in shadow roots), the iframe page;
//! - `ui`: the components — the viewer, and the three things it renders: the
//!   story, the social bar and the timeline;
//! - `browser`: the page, `<head>`, fetching, `Intl`, timers;
//! - [`prerender`] (natively): the core's HTML writer for a story in a
//!   file, for the publisher's snippet and the build's prerender.
//!
//! Natively there is no browser: only the prerender is built, with no
//! Leptos at all.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod mount;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::social_bar::SocialBar;
#[cfg(target_arch = "wasm32")]
pub use ui::story::Story;
#[cfg(target_arch = "wasm32")]
pub use ui::timeline::Timeline;
#[cfg(target_arch = "wasm32")]
pub use ui::ViewerContext;

/// Mounts the viewers the page asks for.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    mount::start();
}
