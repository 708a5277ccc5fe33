//! The components: the [`Viewer`](viewer::Viewer) and the three things it
//! renders — the [`story`], the [`social_bar`] and the [`timeline`].
//!
//! What every component needs from the viewer around it (the catalogue in
//! the story's language, whether the page's landmarks are the viewer's, how
//! to open another story) comes from one [`ViewerContext`], not from props
//! passed down.

#[cfg(target_arch = "wasm32")]
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
        }
    }
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

/// Markup as views, for the HTML written ahead of time (natively: the
/// snippet command and the build's prerender). Leptos's renderer writes it,
/// escaping every text and attribute as it does for any view; in the
/// browser the same markup is built by `browser::markup`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn ahead(markup: &article_core::markup::Markup) -> AnyView {
    use article_core::markup::Node;
    use leptos::tachys::html::attribute::any_attribute::{AnyAttribute, IntoAnyAttribute};
    use leptos::tachys::html::attribute::custom::custom_attribute;

    fn view_of(node: Node) -> AnyView {
        let e = match node {
            Node::Text(text) => return text.into_any(),
            Node::Element(e) => e,
        };
        let attributes: Vec<AnyAttribute> = e
            .attributes
            .into_iter()
            .map(|(name, value)| custom_attribute(name, value).into_any_attr())
            .collect();
        // Void elements by their own types, so that none gets an end tag.
        match e.name {
            "img" => return leptos::html::img().add_any_attr(attributes).into_any(),
            "input" => return leptos::html::input().add_any_attr(attributes).into_any(),
            "track" => return leptos::html::track().add_any_attr(attributes).into_any(),
            _ => {}
        }
        leptos::html::custom(e.name)
            .child(children(e.children))
            .add_any_attr(attributes)
            .into_any()
    }

    // Children folded into pairs rather than a list: a list leaves a
    // hydration marker after itself, which this HTML has no use for.
    fn children(nodes: Vec<Node>) -> AnyView {
        nodes
            .into_iter()
            .map(view_of)
            .reduce(|before, next| (before, next).into_any())
            .unwrap_or_else(|| ().into_any())
    }

    children(markup.tree())
}
