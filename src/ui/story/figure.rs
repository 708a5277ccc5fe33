//! An image with its width and height reserved, so nothing below it jumps
//! when it arrives. A refused `src` shows the alt text instead. For a reader
//! who asked for less data, the image waits for a tap on "Show image" (its
//! alt text beside the button says what it is).

use article_core::article::Image;
use article_core::url_policy::{self, UrlUse};
use leptos::prelude::*;

use crate::ui::viewer_context;

#[component]
pub fn Figure(image: Image) -> impl IntoView {
    let Image {
        src,
        alt,
        caption,
        credit,
        width,
        height,
    } = image;
    let context = viewer_context();
    let low = context.low_data;
    let picture = match url_policy::allow(&src, UrlUse::Resource) {
        Some(src) => {
            // Less data: no `src` until the reader asks; the button, in the
            // paragraph after the image, gives the image its `src`.
            let show = {
                let src = src.clone();
                move |ev: leptos::ev::MouseEvent| {
                    use wasm_bindgen::JsCast;
                    let ask = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|button| button.parent_element());
                    if let Some(ask) = ask {
                        if let Some(img) = ask.previous_element_sibling() {
                            let _ = img.set_attribute("src", &src);
                            let _ = img.remove_attribute("hidden");
                        }
                        ask.remove();
                    }
                }
            };
            let asked = low.then(|| alt.clone());
            view! {
                <img
                    src=(!low).then_some(src)
                    hidden=low
                    alt=alt
                    width=width.map(|w| w.to_string())
                    height=height.map(|h| h.to_string())
                    loading="lazy"
                    decoding="async"
                />
                {asked.map(|alt| view! {
                    <p class="story__missing-image">
                        <button type="button" class="story__show-image" on:click=show>
                            {context.messages.get_untracked().show_image}
                        </button>
                        " " {alt}
                    </p>
                })}
            }
            .into_any()
        }
        None => view! { <p class="story__missing-image">{alt}</p> }.into_any(),
    };
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class="story__figure">
            {picture}
            {has_caption.then(|| view! {
                <figcaption dir="auto">
                    {caption}
                    {credit.map(|c| view! { " " <span class="story__credit">{c}</span> })}
                </figcaption>
            })}
        </figure>
    }
}
