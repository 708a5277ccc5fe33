//! An image with its width and height reserved, so nothing below it jumps
//! when it arrives. A refused `src` shows the alt text instead.

use article_core::article::Image;
use article_core::url_policy::{self, UrlUse};
use leptos::prelude::*;

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
    let picture = match url_policy::allow(&src, UrlUse::Resource) {
        Some(src) => view! {
            <img
                src=src
                alt=alt
                width=width.map(|w| w.to_string())
                height=height.map(|h| h.to_string())
                loading="lazy"
                decoding="async"
            />
        }
        .into_any(),
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
