//! The page the viewer runs in: its address, its `<meta>` settings, its
//! history. Relative URLs are resolved by the browser's own URL parser
//! (`web_sys::Url`), after the [URL policy](article_core::url_policy) has
//! judged the string; the rules for writing addresses are the core's
//! ([`article_core::address`]).

use article_core::address::{address_for, page_dir};
use article_core::config::Config;
use article_core::url_policy::{self, UrlUse};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The page's own URL.
pub fn url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// A parameter of the page's address.
pub fn param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The `src` the current address asks for, if any.
pub fn requested_src() -> Option<String> {
    param("src").filter(|s| !s.trim().is_empty())
}

/// Resolves `raw` against `base` with the browser's URL parser, after the URL
/// policy has allowed it. `None` if refused or unparseable.
pub fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    url_policy::resolve_with(raw, base, url_use, |raw, base| {
        Some(web_sys::Url::new_with_base(raw, base).ok()?.href())
    })
}

/// The origin (`https://news.example`) of an absolute URL, or `""`.
pub fn origin(url: &str) -> String {
    web_sys::Url::new(url)
        .map(|u| u.origin())
        .unwrap_or_default()
}

/// Whether `embed.js` started the viewer (a publisher's page): it records
/// its directory in `articleViewerBase`, and mounts the viewers itself.
pub fn embedded() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"articleViewerBase".into())
        .is_ok_and(|v| v.is_string())
}

/// Tells the publisher's page what happened to the viewer in `host`: the
/// event `article-viewer:{name}`, bubbling out of the shadow root
/// (composed), with `detail` as its `detail` object.
pub fn announce(host: &web_sys::Element, name: &str, detail: &[(&str, wasm_bindgen::JsValue)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) =
        web_sys::CustomEvent::new_with_event_init_dict(&format!("article-viewer:{name}"), &init)
    {
        let _ = host.dispatch_event(&event);
    }
}

/// The viewer's directory: where the script that `embed.js` loaded is (it
/// records it in `articleViewerBase`), else this page's.
pub fn viewer_dir() -> String {
    window()
        .and_then(|w| js_sys::Reflect::get(&w, &"articleViewerBase".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| page_dir(&url()).to_owned())
}

/// The standalone viewer's page (`…/index.html`), beside the viewer.
pub fn standalone_page() -> String {
    format!("{}index.html", viewer_dir())
}

/// Adds a history entry whose address names the article at `resolved`.
pub fn push_article(resolved: &str) {
    let Some(window) = window() else {
        return;
    };
    let address = address_for(resolved, &url());
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// The `content` of the page's `<meta name="{name}">`.
pub fn meta(name: &str) -> Option<String> {
    document()?
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??
        .get_attribute("content")
}

/// The publisher's settings: the page's `<meta name="article-viewer-…">`
/// and `ARTICLE_VIEWER_SOURCES` from the build's environment.
pub fn config() -> Config {
    Config::from_settings(meta, option_env!("ARTICLE_VIEWER_SOURCES"))
}

/// Whether the page's settings let the viewer fetch from `url`'s origin.
pub fn source_allowed(url: &str, config: &Config) -> bool {
    config.allows_source(&origin(url), &origin(&self::url()))
}

/// `raw` resolved against `base`, if the URL policy and the page's sources
/// let the viewer fetch it: the one check for articles, timeline sources and
/// where a redirect led.
pub fn fetchable(config: &Config, raw: &str, base: &str) -> Option<String> {
    resolve(raw, base, UrlUse::Resource).filter(|url| source_allowed(url, config))
}

/// Whether the page still holds the story the release build prerendered.
pub fn prerendered() -> bool {
    document().is_some_and(|d| {
        d.query_selector("[data-prerendered]")
            .ok()
            .flatten()
            .is_some()
    })
}

/// Removes the story the release build prerendered into the page.
pub fn remove_prerendered() {
    if let Some(element) =
        document().and_then(|d| d.query_selector("[data-prerendered]").ok().flatten())
    {
        element.remove();
    }
}

/// Keeps the story the release build prerendered when the viewer's first
/// load failed: its content moves into `keep`, under the viewer's alert, and
/// its frame (with a `<main>` of its own) goes.
pub fn keep_prerendered(keep: &web_sys::Element) {
    if let Some(story) = document().and_then(|d| {
        d.query_selector("[data-prerendered] .viewer")
            .ok()
            .flatten()
    }) {
        while let Some(child) = story.first_child() {
            let _ = keep.append_child(&child);
        }
        remove_prerendered();
    }
}

/// Takes over from a story rendered ahead of time into a publisher's
/// element (the snippet): the viewer whose frame is `frame` has finished its
/// first load. With a story of its own it replaces the prerendered one in
/// place; when that load failed, the prerendered story stays, under the
/// viewer's alert, so the reader keeps what was on screen.
pub fn take_over(frame: &web_sys::Element, shown: bool) {
    use wasm_bindgen::JsCast;
    let Some(live) = frame
        .parent_element()
        .filter(|p| p.has_attribute("data-live"))
    else {
        return;
    };
    let Some(root) = frame.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok() else {
        return;
    };
    if shown {
        if let Ok(Some(prerendered)) = root.query_selector("[data-prerendered]") {
            prerendered.remove();
        }
    }
    let _ = live.remove_attribute("hidden");
}

/// Whether the browser says the reader wants less data: Save-Data
/// (`navigator.connection.saveData`) or `prefers-reduced-data: reduce`.
pub fn saves_data() -> bool {
    let Some(window) = window() else {
        return false;
    };
    let get = |target: &wasm_bindgen::JsValue, key: &str| {
        js_sys::Reflect::get(target, &key.into()).unwrap_or_default()
    };
    let connection = get(&window.navigator(), "connection");
    get(&connection, "saveData").is_truthy()
        || window
            .match_media("(prefers-reduced-data: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
}

/// The device's list of providers whose content the reader chose to always
/// load (`localStorage`, space-separated keys). Where storage is refused (a
/// sandboxed frame, a private mode that throws) nothing is remembered.
const ALWAYS_LOAD: &str = "article-viewer-always-load";

fn always_loaded() -> Option<(web_sys::Storage, String)> {
    let storage = window()?.local_storage().ok()??;
    let list = storage.get_item(ALWAYS_LOAD).ok()?.unwrap_or_default();
    Some((storage, list))
}

/// Whether this reader chose to always load `provider`'s content.
pub fn always_loads(provider: &str) -> bool {
    always_loaded().is_some_and(|(_, list)| list.split(' ').any(|p| p == provider))
}

/// Remembers (or forgets) that this reader always loads `provider`'s content.
pub fn set_always_loads(provider: &str, on: bool) {
    let Some((storage, list)) = always_loaded() else {
        return;
    };
    let mut kept: Vec<&str> = list
        .split(' ')
        .filter(|p| !p.is_empty() && *p != provider)
        .collect();
    if on {
        kept.push(provider);
    }
    let _ = storage.set_item(ALWAYS_LOAD, &kept.join(" "));
}

/// Whether the browser says it has no network.
pub fn offline() -> bool {
    window().is_some_and(|w| !w.navigator().on_line())
}

/// Hands a story that decoded to the viewer's service worker (its `sw.js`,
/// which release builds register on the viewer's own pages), to keep as the
/// copy to show offline. On a first visit the first story loads before the
/// worker runs: the latest story waits (one, never a queue) until it does.
/// Never called inside a publisher's page, nor in debug builds, which have
/// no worker.
pub fn keep_offline(url: &str, text: &str) {
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::{JsCast, JsValue};
    thread_local! {
        static WAITING: RefCell<Option<js_sys::Object>> = const { RefCell::new(None) };
        static HOOKED: Cell<bool> = const { Cell::new(false) };
    }
    fn get(target: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(target, &key.into()).unwrap_or_default()
    }
    fn post(worker: &JsValue, message: &js_sys::Object) -> bool {
        get(worker, "postMessage")
            .dyn_into::<js_sys::Function>()
            .is_ok_and(|post| post.call1(worker, message).is_ok())
    }
    let Some(window) = window() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"keep".into(), &url.into());
    let _ = js_sys::Reflect::set(&message, &"body".into(), &text.into());
    let workers = get(&window.navigator(), "serviceWorker");
    if post(&get(&workers, "controller"), &message) {
        return;
    }
    WAITING.with(|w| w.replace(Some(message)));
    let ready = get(&workers, "ready");
    let Ok(then) = get(&ready, "then").dyn_into::<js_sys::Function>() else {
        return;
    };
    if HOOKED.with(|h| h.replace(true)) {
        return;
    }
    let hand_over = wasm_bindgen::closure::Closure::once_into_js(move |registration: JsValue| {
        if let Some(message) = WAITING.with(|w| w.take()) {
            post(&get(&registration, "active"), &message);
        }
    });
    let _ = then.call1(&ready, &hand_over);
}

/// Milliseconds since the epoch, now.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// `document.hidden`, read through the object so that a test may stand in
/// for a hidden tab.
pub fn hidden() -> bool {
    document()
        .and_then(|d| js_sys::Reflect::get(&d, &"hidden".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
