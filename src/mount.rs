//! Mounting viewers into the page, in each of the three ways of use.
//!
//! - The standalone page (`index.html`): one viewer in `<body>`, keeping the
//!   address and the document title.
//! - A publisher's page with `<div data-article-viewer data-src="…">`
//!   elements: a viewer in each, inside its own shadow root, so that no CSS
//!   crosses in either direction. The stylesheet is compiled in and shared by
//!   every shadow root (`adoptedStyleSheets`): no request, no flash of
//!   unstyled content, and it works when the script comes from a CDN.
//! - The iframe page (`embed.html`, `<body data-embed="frame">`): one viewer
//!   without chrome, posting its content height to the parent at the origin
//!   the host named (`?host=`), never to `*`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use article_core::embed::{self, Mode, ViewerOptions};

use crate::browser::page;
use crate::ui::viewer::Viewer;

/// The viewer's stylesheet, for shadow roots.
const STYLE: &str = include_str!("../style/viewer.css");

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
        let options = ViewerOptions::standalone(page::requested_src());
        leptos::mount::mount_to_body(move || view! { <Viewer options=options /> });
    }
}

fn shared_sheet() -> Option<web_sys::CssStyleSheet> {
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(STYLE).ok()?;
    Some(sheet)
}

fn mount_inline(
    document: &web_sys::Document,
    host: &web_sys::Element,
    sheet: Option<&web_sys::CssStyleSheet>,
) {
    if host.shadow_root().is_some() {
        return; // already a viewer
    }
    let Ok(shadow) =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
    else {
        return;
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
    if shadow.append_child(&container).is_err() {
        return;
    }
    let options = ViewerOptions::from_attributes(|name| host.get_attribute(name));
    // The viewer lives as long as the page.
    std::mem::forget(leptos::mount::mount_to(
        container,
        move || view! { <Viewer options=options /> },
    ));
}

fn mount_frame() {
    let options = ViewerOptions::frame(page::param);
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
