//! The "follow us" bar, as the core's markup says
//! ([`article_core::social_bar`]).

use article_core::article::SocialBar as SocialBarData;
use article_core::markup::Markup;
use article_core::social_bar::social_bar;
use leptos::prelude::*;

use super::viewer_context;

#[component]
pub fn SocialBar(bar: SocialBarData) -> impl IntoView {
    let context = viewer_context();
    let mut markup = Markup::default();
    social_bar(
        &mut markup,
        &bar,
        context.messages.get_untracked(),
        context.landmarks,
    );
    slot(markup)
}

/// A box (`display: contents`) the bar is built into.
fn slot(markup: Markup) -> impl IntoView {
    use crate::browser::markup::fill;
    view! { <div class="social-bar-slot" use:fill=std::rc::Rc::new(markup) /> }
}
