//! When the story was published and, if later, updated, in the reader's
//! zone. A time the document got wrong is left out rather than guessed.

use article_core::time::Timestamp;
use leptos::prelude::*;

use crate::browser::intl;
use crate::ui::messages;

#[component]
pub fn Dateline(published: Option<Timestamp>, updated: Option<Timestamp>) -> impl IntoView {
    let m = messages();
    let updated = updated.filter(|u| {
        published
            .as_ref()
            .is_none_or(|p| u.epoch_seconds() > p.epoch_seconds())
    });
    // The tooltip names the zone.
    let stamp = move |label: &'static str, class: &'static str, t: Timestamp| {
        view! {
            <span class=class>
                {label} " " <time datetime=t.as_str().to_owned() title=intl::full(&t)>{intl::long_date_time(&t)}</time>
            </span>
        }
    };
    let published = published.map(|p| stamp(m.published, "story__published", p));
    let updated = updated.map(|u| stamp(m.updated, "story__updated", u));
    (published.is_some() || updated.is_some())
        .then(|| view! { <p class="story__dateline">{published} {updated}</p> })
}
