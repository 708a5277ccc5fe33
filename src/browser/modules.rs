//! The viewer's modules loaded only when needed — the writer of snippets
//! (the Embed control, `writer/`) and live blogs (`live/`): each a script
//! beside the viewer that defines a global (the build says which:
//! `articleViewerWriter`, `articleViewerLive`), then its wasm, each loaded
//! once per page however many viewers ask.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::page;

thread_local! {
    /// Each module's instantiation, once started.
    static READY: RefCell<Vec<(&'static str, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// The function `export` of the module `name` (`{viewer_dir}{name}.js` and
/// `{name}_bg.wasm`), whose script defines `global`.
pub async fn export(
    viewer_dir: &str,
    name: &'static str,
    global: &str,
    export: &str,
) -> Result<js_sys::Function, JsValue> {
    let window = js_sys::global();
    let get = |key: &str| js_sys::Reflect::get(&window, &key.into());
    if get(global)?.is_undefined() {
        let document = page::document().ok_or("no document")?;
        let script = document.create_element("script")?;
        script.set_attribute("src", &format!("{viewer_dir}{name}.js"))?;
        let loaded = js_sys::Promise::new(&mut |resolve, reject| {
            let _ = script.add_event_listener_with_callback("load", &resolve);
            let _ = script.add_event_listener_with_callback("error", &reject);
        });
        document.head().ok_or("no head")?.append_child(&script)?;
        JsFuture::from(loaded).await?;
    }
    let init: js_sys::Function = get(global)?.dyn_into()?;
    // Its wasm, instantiated once: the first call starts it, every call
    // waits for it.
    let started = READY.with(|r| {
        r.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, p)| p.clone())
    });
    let ready = match started {
        Some(ready) => ready,
        None => {
            let options = js_sys::Object::new();
            js_sys::Reflect::set(
                &options,
                &"module_or_path".into(),
                &format!("{viewer_dir}{name}_bg.wasm").into(),
            )?;
            let ready = js_sys::Promise::from(init.call1(&JsValue::NULL, &options)?);
            READY.with(|r| r.borrow_mut().push((name, ready.clone())));
            ready
        }
    };
    JsFuture::from(ready).await?;
    js_sys::Reflect::get(&init, &export.into())?.dyn_into()
}
