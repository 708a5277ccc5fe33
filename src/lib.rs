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
//! - [`prerender`] (natively): the same components rendered to HTML ahead of
//!   time, for the publisher's snippet and the build's prerender.

mod browser;
mod mount;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod ui;

pub use ui::social_bar::SocialBar;
pub use ui::story::Story;
pub use ui::timeline::Timeline;
pub use ui::ViewerContext;

/// Mounts the viewers the page asks for.
pub fn start() {
    mount::start();
}
