//! The viewer: which article is shown, loading it, and moving between them.
//!
//! One component serves every way of use ([`ViewerOptions`]): the standalone
//! page, a viewer inside a publisher's element, the iframe page. The
//! [`StoryLoader`] keeps the last story that loaded on screen while another
//! loads and when one fails, with an [alert](alert::LoadAlert) above it.

mod alert;
mod loader;
mod skeleton;

use article_core::address::{address_for, DEFAULT_SRC};
use article_core::embed::{Mode, ViewerOptions};
use article_core::fetch::LoadError;
use article_core::messages;
use leptos::prelude::*;

use self::alert::{LoadAlert, OfflineCopy};
pub use self::loader::Shown;
use self::loader::StoryLoader;
use self::skeleton::Skeleton;
use super::embed_code::EmbedCode;
use super::social_bar::SocialBar;
use super::story::Story;
use super::timeline::Timeline;
use super::{announce, ViewerContext};
use crate::browser::timers::Timer;
use crate::browser::{head, page};

#[component]
pub fn Viewer(
    options: ViewerOptions,
    /// A story already in hand, shown instead of fetching the first: how the
    /// viewer renders HTML ahead of time, natively.
    #[prop(optional)]
    story: Option<Shown>,
    /// The publisher's element the viewer lives in, which hears of what
    /// happens in it (`article-viewer:load`, `:error`, `:open`, `:update`).
    #[prop(optional)]
    host: Option<web_sys::Element>,
) -> impl IntoView {
    // Only a publisher's element hears of what happens: the viewer's own
    // pages watch for nothing to tell.
    let tells = host.is_some();
    let host = StoredValue::new_local(host);
    let owns_document = options.owns_document();
    // The viewer's own pages (not a publisher's) keep stories for offline,
    // with the service worker of release builds.
    let keep = options.mode != Mode::Inline && !cfg!(debug_assertions);
    let loader = StoryLoader::new(page::config(), keep);
    let root = NodeRef::<leptos::html::Div>::new();
    // Where a prerendered story stays when the first load fails.
    let kept = NodeRef::<leptos::html::Div>::new();
    let ViewerOptions {
        mode,
        src,
        lang: ui_lang,
        sections,
        history,
        low_data,
    } = options;
    let first = src.clone().unwrap_or_else(|| DEFAULT_SRC.to_owned());
    let StoryLoader { shown, failure, .. } = loader;
    // Unmounted (the publisher's page removed it): the request in flight
    // goes too.
    on_cleanup(move || loader.stop());
    // `src` as written (relative to the page); `move_focus` when the reader
    // navigated, so the new headline gets focus, as a page load would.
    let load = move |src: String, move_focus: bool| {
        loader.load(src, move |story| {
            if owns_document {
                head::apply(&story.article, &page::url());
            }
            if move_focus {
                request_animation_frame(move || focus_headline(root));
            }
        })
    };
    match story {
        Some(story) => loader.show(story),
        None => load(first.clone(), false),
    }
    let loading = move || loader.loading();
    if history {
        // Back and Forward: the address already names the article to show.
        // A move within the same article (the skip link, an entry's
        // permalink: only the fragment changed) is not a new story.
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            let src = page::requested_src().unwrap_or_else(|| first.clone());
            if src != loader.current_src() {
                load(src, true)
            }
        });
    }
    let open = Callback::new(move |url: String| {
        if history {
            page::push_article(&url);
        }
        if tells {
            let from = shown.with_untracked(|s| s.as_ref().map(|s| s.src.clone()));
            let from = from.map_or(wasm_bindgen::JsValue::NULL, Into::into);
            announce(
                host,
                "open",
                &[("src", url.as_str().into()), ("from", from)],
            );
        }
        load(url, true);
    });
    let retry = Callback::new(move |()| load(loader.current_src(), false));
    if keep {
        // Back online: a saved copy, or a story that needed a connection,
        // is fetched again, once the network has had a second to settle
        // (the event can come before requests get through).
        let settle = StoredValue::new_local(None::<Timer>);
        let _ = window_event_listener(leptos::ev::online, move |_| {
            let again = move || {
                let stale = shown.with_untracked(|s| s.as_ref().is_some_and(|s| s.saved.is_some()));
                if stale || failure.with_untracked(|f| f == &Some(LoadError::Offline)) {
                    retry.run(());
                }
            };
            settle.set_value(Some(Timer::once(1000, again)));
        });
    }
    // Where a timeline link's address leads when opened in a new tab: this
    // page when it keeps the address, else the standalone viewer.
    let viewer_page = if history {
        page::url()
    } else {
        page::standalone_page()
    };

    let story_lang = move || shown.with(|s| s.as_ref().map(|s| s.article.lang.clone()));
    let interface_lang = {
        let ui_lang = ui_lang.clone();
        Signal::derive(move || {
            ui_lang
                .clone()
                .or_else(story_lang)
                .unwrap_or_else(|| "en".to_owned())
        })
    };
    let catalogue = Signal::derive(move || interface_lang.with(|lang| messages::for_lang(lang)));
    let live_pending = RwSignal::new(false);
    provide_context(ViewerContext {
        messages: catalogue,
        lang: interface_lang,
        landmarks: mode != Mode::Inline,
        owns_document,
        viewer_page: StoredValue::new(viewer_page),
        low_data,
        config: loader.config,
        open,
        host,
        live_pending,
    });
    if tells {
        // A story on screen, for the publisher's page.
        Effect::new(move |_| {
            shown.with(|story| {
                if let Some(story) = story {
                    announce_load(host, story);
                }
            })
        });
        // A failure, in the reader's words, for the publisher's page.
        Effect::new(move |_| {
            if let Some(error) = failure.get() {
                let message = error.message(catalogue.get_untracked());
                let src = loader.current_src();
                announce(
                    host,
                    "error",
                    &[("src", src.into()), ("message", message.into())],
                );
            }
        });
    }

    let dir = move || shown.with(|s| s.as_ref().map(|s| s.article.direction().as_str()));
    let busy = move || loading().to_string();
    let standalone = mode == Mode::Standalone;
    // The default story, prerendered into the page, stays if the first load fails.
    let had_prerendered = standalone && src.is_none() && page::prerendered();
    if standalone && src.is_some() {
        // Another story was asked for: the prerendered default is not it.
        page::remove_prerendered();
    } else if mode == Mode::Inline {
        // A publisher's snippet may carry the story, rendered ahead of time:
        // this viewer takes its place once its own first load is done (a
        // live blog's, once its updates are shown too).
        Effect::new(move |_| {
            if !loading() && !live_pending.get() {
                if let Some(frame) = root.get() {
                    page::take_over(&frame, shown.with(Option::is_some));
                }
            }
        });
    } else if standalone {
        // The release build prerenders the default story into the page; it
        // gives way once this viewer has a story of its own to show. If the
        // first load fails, the prerendered story stays, under the alert.
        Effect::new(move |_| {
            if !loading() {
                match (shown.with(Option::is_some), kept.get()) {
                    (true, keep) => {
                        page::remove_prerendered();
                        if let Some(keep) = keep {
                            keep.set_text_content(None);
                        }
                    }
                    (false, Some(keep)) => page::keep_prerendered(&keep),
                    (false, None) => {}
                }
            }
        });
    }
    let share_url = move |src: &str| {
        if history {
            page::url()
        } else {
            address_for(src, &page::standalone_page())
        }
    };

    let content = view! {
        <div class="viewer__story">
            {move || failure.get().map(|error| {
                // With no story on screen (not even the prerendered one,
                // which stays), the failure is what the page is about.
                let as_heading = shown.with(Option::is_none) && !had_prerendered;
                view! { <LoadAlert error=error retry=retry as_heading=as_heading /> }
            })}
            {move || match shown.get() {
                Some(Shown { article, src, saved }) => {
                    let social = article.social.clone().filter(|_| sections.social);
                    let share = share_url(&src);
                    let headline = article.headline.clone();
                    view! {
                        {saved.map(|at| view! { <OfflineCopy saved=at retry=retry /> })}
                        {social.map(|bar| view! { <SocialBar bar=bar /> })}
                        {sections.story.then(|| view! { <Story article=article share_url=share base=src.clone() /> })}
                        {standalone.then(|| view! { <EmbedCode src=src headline=headline /> })}
                    }
                    .into_any()
                }
                None if loading() => view! { <Skeleton /> }.into_any(),
                None => ().into_any(),
            }}
            <div class="viewer__kept" node_ref=kept></div>
        </div>
        {move || shown.get().filter(|_| sections.timeline).and_then(|Shown { src, article, .. }| {
            let timeline = article.timeline.clone()?;
            let source = timeline.source.as_deref().and_then(|s| allowed_source(loader, s, &src));
            Some(view! { <Timeline timeline=timeline base=src source=source /> })
        })}
    };
    // A page of its own has one `<main>` and a skip link; inside a publisher's
    // page the viewer is a plain block, as the page has its own landmarks.
    if mode == Mode::Inline {
        view! {
            <div class="viewer-frame" node_ref=root>
                <div class="viewer" lang=story_lang dir=dir aria-busy=busy>{content}</div>
            </div>
        }
        .into_any()
    } else {
        // In an iframe, the main landmark is named after the story, so that it
        // stays distinct from the host page's own `<main>`.
        let framed = matches!(mode, Mode::Frame { .. });
        let main_label = move || {
            framed
                .then(|| shown.with(|s| s.as_ref().map(|s| s.article.headline.clone())))
                .flatten()
        };
        view! {
            <div class="viewer-frame" node_ref=root>
                {move || (standalone && shown.with(Option::is_some)).then(|| view! {
                    <a class="skip-link" href="#story">{catalogue.get().skip_to_story}</a>
                })}
                <main class="viewer" lang=story_lang dir=dir aria-busy=busy aria-label=main_label>{content}</main>
            </div>
        }
        .into_any()
    }
}

/// `article-viewer:load`: a story is on screen.
fn announce_load(host: StoredValue<Option<web_sys::Element>, LocalStorage>, story: &Shown) {
    let detail = [
        ("src", story.src.as_str().into()),
        ("id", story.article.id.as_str().into()),
        ("headline", story.article.headline.as_str().into()),
    ];
    announce(host, "load", &detail);
}

/// A timeline `source`, resolved against its article and checked like an
/// article's own address; a refused one is reported and not fetched.
fn allowed_source(loader: StoryLoader, source: &str, article: &str) -> Option<String> {
    let allowed = loader.allowed(source, article);
    if allowed.is_none() {
        leptos::logging::warn!("timeline source refused: {source}");
    }
    allowed
}

/// Moves focus to the new headline and the top of the story, as a page load
/// would, so keyboard and screen-reader users start reading where it begins.
fn focus_headline(root: NodeRef<leptos::html::Div>) {
    let Some(main) = root.get_untracked() else {
        return;
    };
    if let Ok(Some(h1)) = main.query_selector(".story__headline") {
        if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
            let _ = h1.focus();
            h1.scroll_into_view();
        }
    }
}
