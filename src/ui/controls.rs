//! What the controls in the core's markup do (the story's, the Embed
//! control's): each carries a `data-action`, and one listener on what was
//! built acts on them (no closure per image, embed or link):
//!
//! - Share: the system share sheet where the browser has the Web Share API,
//!   else the link copied to the clipboard, and saying so;
//! - Show image (less data): the image gets its `src`;
//! - Load content from …: the placeholder becomes the provider's player,
//!   built by the core from the id in the embed's `url`;
//! - Always load content from …: kept on this device per provider, and
//!   every embed of that provider in the story follows it;
//! - a related story opens in place, as a timeline entry does.
//!
//! The Embed control's Copy is its writer module's (`writer/`).

use article_core::article::Provider;
use article_core::players;
use article_core::story::{player_frame, Action, Markup};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::browser::{markup, page};
use crate::ui::ViewerContext;

/// The control a click or change was on, and what it does.
fn control(ev: &web_sys::Event) -> Option<(Element, Action)> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let control = target.closest("[data-action]").ok()??;
    let action = Action::from_key(&control.get_attribute("data-action")?)?;
    Some((control, action))
}

/// The control of `action` a click was on, if it was on one.
pub fn control_of(ev: &web_sys::Event, action: Action) -> Option<Element> {
    control(ev).filter(|(_, a)| *a == action).map(|(c, _)| c)
}

pub fn clicked(ev: web_sys::MouseEvent, context: ViewerContext) {
    let Some((control, action)) = control(&ev) else {
        return;
    };
    match action {
        Action::Share => share(&control, context),
        Action::ShowImage => {
            // The button's paragraph follows its image.
            let Some(ask) = control.parent_element() else {
                return;
            };
            if let Some(img) = ask.previous_element_sibling() {
                if let Some(src) = img.get_attribute("data-src") {
                    let _ = img.set_attribute("src", &src);
                    let _ = img.remove_attribute("hidden");
                }
            }
            ask.remove();
        }
        Action::Load => {
            let frame = control
                .closest(".story__embed")
                .ok()
                .flatten()
                .and_then(|embed| load(&embed));
            // The button is gone: focus goes to what it loaded.
            if let Some(frame) = frame.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
                let _ = frame.focus();
            }
        }
        Action::Open => {
            // Only a plain click opens in place; the browser handles
            // new-tab and new-window clicks itself.
            if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()
            {
                return;
            }
            if let Some(article) = control.get_attribute("data-article") {
                ev.prevent_default();
                context.open.run(article);
            }
        }
        // The timeline's, the live blog's and the Embed control's own (its
        // writer module's), and a change.
        Action::Copy
        | Action::Always
        | Action::Pause
        | Action::Insert
        | Action::More
        | Action::Embed
        | Action::Order
        | Action::Goto => {}
    }
}

pub fn changed(ev: web_sys::Event) {
    let Some((control, Action::Always)) = control(&ev) else {
        return;
    };
    let (Some(input), Some(embed), Some(story)) = (
        control.dyn_ref::<HtmlInputElement>(),
        control.closest(".story__embed").ok().flatten(),
        control.closest(".story").ok().flatten(),
    ) else {
        return;
    };
    let Some(provider) = embed.get_attribute("data-provider") else {
        return;
    };
    let on = input.checked();
    page::set_always_loads(&provider, on);
    // Every embed of the provider in this story follows the choice (the
    // key is the core's own constant).
    let Ok(all) = story.query_selector_all(&format!(".story__embed[data-provider=\"{provider}\"]"))
    else {
        return;
    };
    for i in 0..all.length() {
        let Some(other) = all.get(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if let Ok(Some(checkbox)) = other.query_selector("[data-action=\"always\"]") {
            if let Some(checkbox) = checkbox.dyn_ref::<HtmlInputElement>() {
                checkbox.set_checked(on);
            }
        }
        if on {
            load(&other);
        }
    }
}

/// Replaces an embed's placeholder with its player; the player's frame, if
/// one was built.
fn load(embed: &Element) -> Option<Element> {
    let consent = embed.query_selector(".story__consent").ok()??;
    let provider = embed.get_attribute("data-provider")?;
    let provider = Provider::ALL.into_iter().find(|p| p.key() == provider)?;
    let player = players::player(provider, &embed.get_attribute("data-url")?)?;
    let title = embed.get_attribute("data-title").unwrap_or_default();
    let mut built = Markup::default();
    player_frame(&mut built, &title, &player);
    // Built apart, then put in place once: a frame moved after it was
    // connected would load twice.
    let apart = embed.owner_document()?.create_element("div").ok()?;
    let player_box = markup::build(&apart, &built)?;
    consent.replace_with_with_node_1(&player_box).ok()?;
    player_box.first_element_child()
}

/// Whether `text` reached the clipboard.
async fn to_clipboard(text: &str) -> bool {
    match web_sys::window().map(|w| w.navigator().clipboard()) {
        Some(clipboard) => JsFuture::from(clipboard.write_text(text)).await.is_ok(),
        None => false,
    }
}

fn share(button: &Element, context: ViewerContext) {
    let url = button.get_attribute("data-url").unwrap_or_default();
    let title = button
        .closest(".story")
        .ok()
        .flatten()
        .and_then(|story| story.query_selector(".story__headline").ok().flatten())
        .and_then(|h| h.text_content())
        .unwrap_or_default();
    let status = button.next_element_sibling();
    let copied = context.messages.get_untracked().link_copied;
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
        if to_clipboard(&url).await {
            if let Some(status) = status {
                status.set_text_content(Some(copied));
            }
        }
    });
}
