//! The components: the [`Viewer`](viewer::Viewer) and the three things it
//! renders — the [`story`], the [`social_bar`] and the [`timeline`].
//!
//! What every component needs from the viewer around it (the catalogue in
//! the story's language, whether the page's landmarks are the viewer's, how
//! to open another story) comes from one [`ViewerContext`], not from props
//! passed down.

mod controls;
pub mod embed_code;
pub mod social_bar;
pub mod story;
pub mod timeline;
pub mod viewer;

use article_core::config::Config;
use article_core::messages::Messages;
use leptos::prelude::*;

/// What the viewer provides to every component inside it.
#[derive(Clone, Copy)]
pub struct ViewerContext {
    /// The interface strings: the publisher's language, else the story's.
    pub messages: Signal<&'static Messages>,
    /// The interface's language tag (the publisher's, else the story's
    /// `lang`), for numbers in its digits.
    pub lang: Signal<String>,
    /// The page's landmarks (`<nav>`, named regions) are the viewer's; not
    /// inside a publisher's page, which has its own.
    pub landmarks: bool,
    /// The page is the viewer's own: its title may count waiting updates.
    pub owns_document: bool,
    /// The page whose `?src=` opens an article: what a timeline entry's
    /// address is, for opening it in a new tab or sharing it.
    pub viewer_page: StoredValue<String>,
    /// The reader asked for less data: images wait for a tap, polling slows.
    pub low_data: bool,
    /// The page's settings: which sources may be fetched from, how long and
    /// how large a fetch may be.
    pub config: StoredValue<Config>,
    /// Opens the story at an absolute URL in place.
    pub open: Callback<String>,
    /// The publisher's element the viewer lives in, which hears of what
    /// happens in it ([`ViewerContext::announce`]); none on a page of the
    /// viewer's own.
    pub host: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// A live blog's updates are on their way (the live module loading):
    /// a snippet's story, which has them, stays until they are shown.
    pub live_pending: RwSignal<bool>,
}

impl ViewerContext {
    /// A context with one fixed catalogue, landmarks and the default settings,
    /// opening stories with `open`: for a component on its own.
    pub fn fixed(messages: &'static Messages, open: Callback<String>) -> ViewerContext {
        ViewerContext {
            messages: Signal::stored(messages),
            lang: Signal::stored(messages.lang.to_owned()),
            landmarks: true,
            owns_document: false,
            viewer_page: StoredValue::new(String::new()),
            low_data: false,
            config: StoredValue::new(Config::default()),
            open,
            host: StoredValue::new_local(None),
            live_pending: RwSignal::new(false),
        }
    }

    /// Dispatches `article-viewer:{name}` on the publisher's element, if the
    /// viewer is in one.
    pub fn announce(&self, name: &str, detail: &[(&str, wasm_bindgen::JsValue)]) {
        announce(self.host, name, detail);
    }
}

/// Dispatches `article-viewer:{name}` on `host`, if there is one.
pub fn announce(
    host: StoredValue<Option<web_sys::Element>, LocalStorage>,
    name: &str,
    detail: &[(&str, wasm_bindgen::JsValue)],
) {
    host.with_value(|host| {
        if let Some(host) = host {
            crate::browser::page::announce(host, name, detail);
        }
    });
}

/// The context of the viewer this component is in.
pub fn viewer_context() -> ViewerContext {
    expect_context()
}

/// The catalogue of the story being built. Components are built anew for
/// each story, so they read it once.
pub fn messages() -> &'static Messages {
    viewer_context().messages.get_untracked()
}
