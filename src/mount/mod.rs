//! Mounting viewers into the page, in each of the three ways of use.
//!
//! - The standalone page (`index.html`): one viewer in `<body>`, keeping the
//!   address and the document title.
//! - A publisher's page that loads `embed.js`: a viewer in each
//!   `<article-viewer>` and `<div data-article-viewer>`, whenever it appears,
//!   changes or leaves ([`hosts`]).
//! - The iframe page (`embed.html`, `<body data-embed="frame">`): one viewer
//!   without chrome, posting its content height to the parent at the origin
//!   the host named (`?host=`), never to `*`.

mod hosts;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use article_core::embed::{self, Mode, ViewerOptions};

use crate::browser::page;
use crate::ui::viewer::Viewer;

/// Mounts the viewer this page asks for. A publisher's page, which loaded
/// `embed.js`, asks for its viewers itself, element by element
/// ([`hosts::mount_viewer`]).
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if page::embedded() {
        return;
    }
    let frame = document
        .body()
        .and_then(|b| b.get_attribute("data-embed"))
        .is_some_and(|v| v == "frame");
    if frame {
        mount_frame();
    } else {
        // `?theme=light|dark` pins a theme, as `data-theme` does for an embed.
        let theme = page::param("theme").filter(|t| t == "light" || t == "dark");
        if let (Some(theme), Some(root)) = (theme, document.document_element()) {
            let _ = root.set_attribute("data-theme", &theme);
        }
        let options = ViewerOptions {
            low_data: embed::asks_low_data(page::param("data")) || page::saves_data(),
            ..ViewerOptions::standalone(page::requested_src())
        };
        leptos::mount::mount_to_body(move || view! { <Viewer options=options /> });
    }
}

fn mount_frame() {
    let mut options = ViewerOptions::frame(page::param);
    options.low_data |= page::saves_data();
    let host_origin = match &options.mode {
        Mode::Frame { host_origin } => host_origin.clone(),
        _ => None,
    };
    leptos::mount::mount_to_body(move || view! { <Viewer options=options /> });
    if let Some(origin) = host_origin {
        post_heights(origin);
    }
}

/// Posts the content height to the parent now and after every change of
/// content or width.
fn post_heights(origin: String) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let measured = body.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &embed::HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &origin);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    post.forget();
}
