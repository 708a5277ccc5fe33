//! Viewers in a publisher's page: one in each `<article-viewer src="…">` and
//! each `<div data-article-viewer data-src="…">`, whenever it appears — at
//! load, inserted later by a single-page site, moved — and gone when it
//! leaves. `embed.js` defines the element and watches the page; it calls
//! [`mount_viewer`] and [`unmount_viewer`], which are all the wasm exports.
//!
//! Each viewer lives in its element's shadow root, so that no CSS crosses
//! in either direction. One stylesheet, which `embed.js` fetched beside the
//! wasm, is shared by every shadow root (`adoptedStyleSheets`): it is in
//! place before the first viewer renders, so there is no flash of unstyled
//! content, and it works when the script comes from a CDN. An element that
//! carries its story (the snippet made ahead of time, in a declarative
//! shadow root) keeps showing it until the viewer has its own.
//!
//! A viewer unmounted is disposed of: its reactive owner and everything
//! under it (effects, the timeline's poller and timers, listeners), its
//! request in flight aborted, its nodes removed.

use std::any::Any;
use std::cell::RefCell;

use article_core::embed::ViewerOptions;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::browser::page;
use crate::ui::viewer::Viewer;

thread_local! {
    /// The viewers on the page, by element: what unmounting one drops.
    static MOUNTED: RefCell<Vec<(Element, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// Starts a viewer in `host` (an `<article-viewer>` or a
/// `<div data-article-viewer>`), unless it has one.
#[wasm_bindgen(js_name = mountViewer)]
pub fn mount_viewer(host: Element) {
    if MOUNTED.with(|m| m.borrow().iter().any(|(h, _)| *h == host)) {
        return;
    }
    if let Some(viewer) = mount(&host) {
        MOUNTED.with(|m| m.borrow_mut().push((host, viewer)));
    }
}

/// Stops the viewer in `host` and lets go of everything it held; its
/// element may get a new one later.
#[wasm_bindgen(js_name = unmountViewer)]
pub fn unmount_viewer(host: Element) {
    let gone = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|(h, _)| *h == host)?;
        Some(m.swap_remove(at))
    });
    // Dropped here, outside the borrow: its cleanups may run code of ours.
    drop(gone);
    if let Some(Ok(Some(live))) = host.shadow_root().map(|r| r.query_selector("[data-live]")) {
        live.remove();
    }
}

/// A viewer's options from its element: `src`, `theme`, `sections`,
/// `lang`, `data` on `<article-viewer>`, the same with `data-` on a
/// `<div data-article-viewer>`.
fn options(host: &Element) -> ViewerOptions {
    let custom = host.tag_name().eq_ignore_ascii_case("article-viewer");
    let mut options = ViewerOptions::from_attributes(|name| {
        let name = if custom {
            name.strip_prefix("data-").unwrap_or(name)
        } else {
            name
        };
        host.get_attribute(name)
    });
    options.low_data |= page::saves_data();
    options
}

fn mount(host: &Element) -> Option<Box<dyn Any>> {
    let document = host.owner_document()?;
    // A snippet that carries its story arrives with a declarative shadow
    // root holding it; an element put back keeps the root it had.
    let shadow = match host.shadow_root() {
        Some(existing) => existing,
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .ok()?,
    };
    if shadow.query_selector("[data-live]").ok()?.is_some() {
        return None;
    }
    let prerendered = shadow.query_selector("[data-prerendered]").ok()?.is_some();
    if let Some(sheet) = shared_sheet() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let container = document
        .create_element("div")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = container.set_attribute("data-live", "");
    // The story already on screen stays until the live one can replace it
    // (see `browser::page::take_over`).
    container.set_hidden(prerendered);
    shadow.prepend_with_node_1(&container).ok()?;
    let options = options(host);
    let host = host.clone();
    let handle = leptos::mount::mount_to(
        container,
        move || view! { <Viewer options=options host=host /> },
    );
    Some(Box::new(handle))
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
