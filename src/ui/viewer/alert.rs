//! What failed, in the reader's words, with the technical detail folded away
//! and Retry where trying again could help.

use article_core::fetch::LoadError;
use article_core::time::Timestamp;
use leptos::prelude::*;

use crate::browser::intl;
use crate::ui::messages;

#[component]
pub fn LoadAlert(
    error: LoadError,
    retry: Callback<()>,
    /// With no story on screen, the failure is what the page is about.
    as_heading: bool,
) -> impl IntoView {
    let m = messages();
    let message = error.message(m);
    view! {
        <div class="viewer__alert" role="alert">
            {if as_heading {
                view! { <h1 class="viewer__alert-message">{message}</h1> }.into_any()
            } else {
                view! { <p class="viewer__alert-message">{message}</p> }.into_any()
            }}
            <details class="viewer__alert-details">
                <summary>{m.details}</summary>
                <p>{error.detail()}</p>
            </details>
            {error.can_retry().then(|| view! {
                <button type="button" class="viewer__retry" on:click=move |_| retry.run(())>
                    {m.retry}
                </button>
            })}
        </div>
    }
}

/// Offline, the story on screen is the copy saved earlier: says so, and when,
/// with Retry for when the network is back.
#[component]
pub fn OfflineCopy(saved: Timestamp, retry: Callback<()>) -> impl IntoView {
    let m = messages();
    view! {
        <div class="viewer__offline" role="status">
            <p>{m.offline_copy.replace("{time}", &intl::clock(&saved))}</p>
            <button type="button" class="viewer__retry" on:click=move |_| retry.run(())>
                {m.retry}
            </button>
        </div>
    }
}
