//! Mounting viewers into the page, in each of the three ways of use.
//!
//! - The standalone page (`index.html`): one viewer in `<body>`, keeping the
//!   address and the document title.
//! - A publisher's page with `<div data-article-viewer data-src="…">`
//!   elements: a viewer in each, inside its own shadow root, so that no CSS
//!   crosses in either direction. One stylesheet, which `embed.js` fetched
//!   beside the wasm, is shared by every shadow root (`adoptedStyleSheets`):
//!   it is in place before the first viewer renders, so there is no flash of
//!   unstyled content, and it works when the script comes from a CDN. An
//!   element that carries its story (the snippet made ahead of time, in a
//!   declarative shadow root) keeps showing it until the viewer has its own.
//! - The iframe page (`embed.html`, `<body data-embed="frame">`): one viewer
//!   without chrome, posting its content height to the parent at the origin
//!   the host named (`?host=`), never to `*`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use article_core::embed::{self, Mode, ViewerOptions};

use crate::browser::page;
use crate::ui::viewer::Viewer;

/// Mounts the viewers this page asks for.
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let hosts = document.query_selector_all("[data-article-viewer]").ok();
    if let Some(hosts) = hosts.filter(|h| h.length() > 0) {
        let sheet = shared_sheet();
        for i in 0..hosts.length() {
            if let Some(host) = hosts
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                mount_inline(&document, &host, sheet.as_ref());
            }
        }
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

/// The viewer's stylesheet for shadow roots, which `embed.js` fetched beside
/// the wasm (`articleViewerSheet`). Not compiled in: the viewer's own pages
/// have it inline already, and as its own file it costs no wasm and
/// compresses as CSS.
fn shared_sheet() -> Option<web_sys::CssStyleSheet> {
    let sheet = js_sys::Reflect::get(&js_sys::global(), &"articleViewerSheet".into()).ok()?;
    let sheet = sheet.dyn_into::<web_sys::CssStyleSheet>().ok();
    if sheet.is_none() {
        leptos::logging::error!("article viewer: no stylesheet; load the viewer with embed.js");
    }
    sheet
}

fn mount_inline(
    document: &web_sys::Document,
    host: &web_sys::Element,
    sheet: Option<&web_sys::CssStyleSheet>,
) {
    // A snippet that carries its story arrives with a declarative shadow
    // root holding it: the viewer takes that root over.
    let (shadow, prerendered) = match host.shadow_root() {
        Some(existing) => match existing.query_selector("[data-prerendered]") {
            Ok(Some(_))
                if existing
                    .query_selector("[data-live]")
                    .ok()
                    .flatten()
                    .is_none() =>
            {
                (existing, true)
            }
            _ => return, // already a viewer
        },
        None => {
            match host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)) {
                Ok(shadow) => (shadow, false),
                Err(_) => return,
            }
        }
    };
    if let Some(sheet) = sheet {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
    }
    let Some(container) = document
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = container.set_attribute("data-live", "");
    // The story already on screen stays until the live one can replace it
    // (see `browser::page::take_over`).
    container.set_hidden(prerendered);
    if shadow.prepend_with_node_1(&container).is_err() {
        return;
    }
    let mut options = ViewerOptions::from_attributes(|name| host.get_attribute(name));
    options.low_data |= page::saves_data();
    // The viewer lives as long as the page.
    std::mem::forget(leptos::mount::mount_to(
        container,
        move || view! { <Viewer options=options /> },
    ));
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
