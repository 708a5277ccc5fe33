//! The viewer's modules loaded only when needed — the writer of snippets
//! (the Embed control, `writer/`) and live blogs (`live/`), each a script
//! beside the viewer and its wasm. The page's `articleViewerModule`, which
//! the build writes into the viewer's pages and `embed.js`, loads each once
//! per page however many viewers ask, its script and its wasm only if they
//! match the hashes the build gave it (`scripts/post-build.mjs`).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The function `export` of the module `name` beside the viewer, in
/// `viewer_dir`.
pub async fn export(
    viewer_dir: &str,
    name: &str,
    export: &str,
) -> Result<js_sys::Function, JsValue> {
    let load: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"articleViewerModule".into())?.dyn_into()?;
    let loading = load.call2(&JsValue::NULL, &name.into(), &viewer_dir.into())?;
    let module = JsFuture::from(js_sys::Promise::from(loading)).await?;
    js_sys::Reflect::get(&module, &export.into())?.dyn_into()
}
