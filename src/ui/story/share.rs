//! The Share button: the system share sheet where the browser has the Web
//! Share API, else the link copied to the clipboard, and saying so.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::messages;

#[component]
pub fn ShareButton(
    /// The address that shows this story.
    url: String,
    title: String,
) -> impl IntoView {
    let messages = messages();
    let status = RwSignal::new("");
    let share = move |_| {
        let (url, title) = (url.clone(), title.clone());
        leptos::task::spawn_local(async move {
            let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
                return;
            };
            let share_fn = js_sys::Reflect::get(&navigator, &"share".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            if let Some(share_fn) = share_fn {
                let data = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
                let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
                // A cancelled share sheet rejects: that is the reader's choice, not an error.
                if let Ok(promise) = share_fn.call1(&navigator, &data) {
                    let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
                }
                return;
            }
            if JsFuture::from(navigator.clipboard().write_text(&url))
                .await
                .is_ok()
            {
                status.set(messages.link_copied);
            }
        });
    };
    view! {
        <span class="share">
            <button type="button" class="share__button" on:click=share>{messages.share}</button>
            <span class="share__status" role="status">{move || status.get()}</span>
        </span>
    }
}
