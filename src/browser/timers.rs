//! The one timer mechanism: `setTimeout` and `setInterval` that are cleared
//! when their owner drops them, and a sleep built on them.
//!
//! Timer ids are kept as the JavaScript values they are: an environment may
//! hand out ids beyond `i32` (fake clocks in tests start at 10^12), and an id
//! cut to fit would clear nothing, leaving a timer to call a dropped closure.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub struct Timer(Option<Running>);

struct Running {
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
        Timer(Some(Running {
            id,
            clear,
            _callback: callback,
        }))
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(Running { id, clear, .. }) = &self.0 {
            if let Some(clear) = global_fn(clear) {
                let _ = clear.call1(&JsValue::UNDEFINED, id);
            }
        }
    }
}

/// Ends a [`Sleep`] early.
#[derive(Clone)]
pub struct Wake(Option<js_sys::Function>);

impl Wake {
    pub fn wake(&self) {
        if let Some(resolve) = &self.0 {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }

    /// The JavaScript function that wakes, for an event handler.
    pub fn as_function(&self) -> Option<&js_sys::Function> {
        self.0.as_ref()
    }
}

/// Resolves after its time, or when woken; dropping it clears its timer.
pub struct Sleep {
    promise: JsFuture,
    _timer: Option<Timer>,
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.promise).poll(cx).map(|_| ())
    }
}

/// A sleep of `ms` (`None`: until woken), and the handle that wakes it.
pub fn sleep(ms: Option<u32>) -> (Sleep, Wake) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
    // The executor runs the promise's body at once, so `resolve` is set.
    let wake = Wake(resolve);
    let timer = ms.map(|ms| {
        let wake = wake.clone();
        Timer::once(ms, move || wake.wake())
    });
    let sleep = Sleep {
        promise: JsFuture::from(promise),
        _timer: timer,
    };
    (sleep, wake)
}
