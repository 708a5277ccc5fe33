//! An article viewer for the web: the browser shell around
//! [`article_core`], which decides everything that can be decided without a
//! browser.
//!
//! - [`mount`]: the three ways of use — the viewer's own page, inline in a
//!   publisher's page (in shadow roots), the iframe page;
//! - `ui`: the components — the viewer, and the three things it renders: the
//!   story, the social bar and the timeline;
//! - `browser`: the page, `<head>`, fetching, `Intl`, timers.

mod browser;
mod mount;
mod ui;

pub use ui::social_bar::SocialBar;
pub use ui::story::Story;
pub use ui::timeline::Timeline;
pub use ui::ViewerContext;

/// Mounts the viewers the page asks for.
pub fn start() {
    mount::start();
}
