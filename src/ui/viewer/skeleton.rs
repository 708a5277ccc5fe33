//! Grey blocks the size of a story, so the page does not jump when it arrives.

use leptos::prelude::*;

use crate::ui::messages;

#[component]
pub fn Skeleton() -> impl IntoView {
    view! {
        <div class="skeleton">
            <p class="visually-hidden" role="status">{messages().loading}</p>
            <div class="skeleton__line skeleton__line--headline" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--headline skeleton__line--short" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--meta" aria-hidden="true"></div>
            <div class="skeleton__line" aria-hidden="true"></div>
            <div class="skeleton__line" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--short" aria-hidden="true"></div>
        </div>
    }
}
