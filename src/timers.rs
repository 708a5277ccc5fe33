//! `setTimeout` and `setInterval` that are cleared when dropped.
//!
//! Timer ids are kept as the JavaScript values they are: an environment may
//! hand out ids beyond `i32` (fake clocks in tests start at 10^12), and an id
//! cut to fit would clear nothing, leaving a timer to call a dropped closure.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub struct Timer {
    id: JsValue,
    clear: &'static str,
    _callback: Closure<dyn FnMut()>,
}

fn global_fn(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&js_sys::global(), &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

impl Timer {
    /// Calls `f` once, after `ms`.
    pub fn once(ms: u32, f: impl FnOnce() + 'static) -> Timer {
        let mut f = Some(f);
        Timer::start("setTimeout", "clearTimeout", ms, move || {
            if let Some(f) = f.take() {
                f();
            }
        })
    }

    /// Calls `f` every `ms`.
    pub fn every(ms: u32, f: impl FnMut() + 'static) -> Timer {
        Timer::start("setInterval", "clearInterval", ms, f)
    }

    fn start(set: &str, clear: &'static str, ms: u32, f: impl FnMut() + 'static) -> Timer {
        let callback = Closure::<dyn FnMut()>::new(f);
        let id = global_fn(set)
            .and_then(|set| {
                set.call2(
                    &JsValue::UNDEFINED,
                    callback.as_ref(),
                    &JsValue::from(ms.min(i32::MAX as u32)),
                )
                .ok()
            })
            .unwrap_or(JsValue::UNDEFINED);
        Timer {
            id,
            clear,
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(clear) = global_fn(self.clear) {
            let _ = clear.call1(&JsValue::UNDEFINED, &self.id);
        }
    }
}
