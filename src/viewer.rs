//! The viewer: which article is shown, loading it, and moving between them.
//!
//! One component serves every way of use ([`ViewerOptions`]): the standalone
//! page, a viewer inside a publisher's element, the iframe page. Loading keeps
//! what is on screen until the new story has arrived; a failure shows an
//! alert above it and never clears it. Only the newest request may change the
//! screen, so a slow old answer cannot replace the story the reader asked for
//! last.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::config;
use crate::embed::{Mode, ViewerOptions};
use crate::embed_code::EmbedCode;
use crate::format::Article;
use crate::load::{self, LoadError};
use crate::messages::{self, Messages};
use crate::metadata;
use crate::navigation::{self, DEFAULT_SRC};
use crate::social_bar::SocialBar;
use crate::story::Story;
use crate::timeline::Timeline;
use crate::url_policy::UrlUse;

/// An article on screen, with the absolute URL it came from.
#[derive(Clone)]
struct Shown {
    src: String,
    article: Article,
}

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed { src: String, error: LoadError },
}

#[component]
pub fn Viewer(options: ViewerOptions) -> impl IntoView {
    let shown: RwSignal<Option<Shown>> = RwSignal::new(None);
    let status = RwSignal::new(Status::Loading);
    let latest_request = StoredValue::new(0u64);
    let in_flight = StoredValue::new_local(None::<web_sys::AbortController>);
    let config = StoredValue::new(config::from_page());
    let root = NodeRef::<leptos::html::Div>::new();
    let owns_document = options.owns_document();
    let history = options.history;
    let sections = options.sections;
    let ui_lang = StoredValue::new(options.lang.clone());

    // `raw` is a `src` as written (relative to the page); `move_focus` is set
    // when the reader navigated, so the new headline gets focus.
    let current = StoredValue::new(String::new());
    let load = move |raw: String, move_focus: bool| {
        latest_request.update_value(|n| *n += 1);
        let request = latest_request.get_value();
        // A newer navigation cancels the older request.
        if let Some(old) = in_flight.get_value() {
            old.abort();
        }
        let page = navigation::page_url();
        let resolved = navigation::resolve(&raw, &page, UrlUse::Resource);
        current.set_value(resolved.clone().unwrap_or_else(|| raw.clone()));
        let allowed = resolved.filter(|url| source_allowed(url, config));
        let (Some(url), Ok(controller)) = (allowed, web_sys::AbortController::new()) else {
            status.set(Status::Failed {
                error: LoadError::RefusedSource(raw.clone()),
                src: raw,
            });
            return;
        };
        in_flight.set_value(Some(controller.clone()));
        status.set(Status::Loading);
        spawn_local(async move {
            let result =
                load::fetch_article(&url, config.with_value(|c| c.limits), &controller).await;
            if latest_request.get_value() != request {
                return;
            }
            in_flight.set_value(None);
            match result {
                Ok(article) => {
                    for problem in &article.problems {
                        leptos::logging::warn!("{url}: {problem}");
                    }
                    if owns_document {
                        metadata::apply(&article, &navigation::page_url());
                    }
                    shown.set(Some(Shown { src: url, article }));
                    status.set(Status::Ready);
                    if move_focus {
                        request_animation_frame(move || focus_headline(root));
                    }
                }
                Err(error) => {
                    leptos::logging::warn!("could not load {url}: {}", error.detail());
                    status.set(Status::Failed { src: raw, error });
                }
            }
        });
    };

    let first = options
        .src
        .clone()
        .unwrap_or_else(|| DEFAULT_SRC.to_owned());
    load(first.clone(), false);
    if history {
        // Back and Forward: the address already names the article to show.
        let _ = window_event_listener(leptos::ev::popstate, move |_| {
            load(
                navigation::requested_src().unwrap_or_else(|| first.clone()),
                true,
            )
        });
    }

    let open = Callback::new(move |url: String| {
        if history {
            navigation::push_article(&url);
        }
        load(url, true);
    });
    let retry = Callback::new(move |src: String| load(src, false));
    // Where a timeline link's address leads when opened in a new tab: this
    // page when it keeps the address, else the standalone viewer.
    let viewer_page = if history {
        navigation::page_url()
    } else {
        navigation::standalone_page()
    };

    let messages = move || -> &'static Messages {
        let article_lang = shown.with(|s| s.as_ref().map(|s| s.article.lang.clone()));
        ui_lang.with_value(|ui| {
            messages::for_lang(ui.as_deref().or(article_lang.as_deref()).unwrap_or("en"))
        })
    };
    let lang = move || shown.with(|s| s.as_ref().map(|s| s.article.lang.clone()));
    let dir = move || shown.with(|s| s.as_ref().map(|s| s.article.direction().as_str()));
    let busy = move || (status.get() == Status::Loading).to_string();
    let standalone = options.mode == Mode::Standalone;
    // In an iframe, the main landmark is named after the story, so that it
    // stays distinct from the host page's own `<main>`.
    let framed = matches!(options.mode, Mode::Frame { .. });
    let main_label = move || {
        framed
            .then(|| shown.with(|s| s.as_ref().map(|s| s.article.headline.clone())))
            .flatten()
    };
    // Inside a publisher's page, the page's landmarks are its own.
    let landmarks = options.mode != Mode::Inline;
    if standalone && options.src.is_some() {
        // Another story was asked for: the prerendered default is not it.
        remove_prerendered();
    } else if standalone {
        // The release build prerenders the default story into the page; it
        // gives way once this viewer has something of its own to show.
        Effect::new(move |_| {
            if status.get() != Status::Loading {
                remove_prerendered();
            }
        });
    }
    let share_url = move |src: &str| {
        if history {
            navigation::page_url()
        } else {
            navigation::address_for(src, &navigation::standalone_page())
        }
    };

    let content = view! {
        <>
                <div class="viewer__story">
                    {move || match status.get() {
                        Status::Failed { src, error } => {
                            // With no story on screen, the failure is what the page is about.
                            let as_heading = shown.with(Option::is_none);
                            Some(view! {
                                <LoadAlert error=error src=src messages=messages() retry=retry as_heading=as_heading />
                            })
                        }
                        _ => None,
                    }}
                    {move || match shown.get() {
                        Some(Shown { article, src }) => {
                            let m = messages();
                            let social = article.social.clone().filter(|_| sections.social);
                            let headline = article.headline.clone();
                            let share = share_url(&src);
                            view! {
                                {social.map(|bar| view! { <SocialBar bar=bar messages=m landmark=landmarks /> })}
                                {sections.story.then(|| view! { <Story article=article messages=m share_url=share /> })}
                                {standalone.then(|| view! { <EmbedCode src=src headline=headline messages=m /> })}
                            }
                            .into_any()
                        }
                        None if status.get() == Status::Loading => {
                            view! { <Skeleton messages=messages() /> }.into_any()
                        }
                        None => ().into_any(),
                    }}
                </div>
                {move || shown.get().filter(|_| sections.timeline).and_then(|Shown { src, article }| {
                    let m = messages();
                    let viewer_page = viewer_page.clone();
                    let lang = ui_lang.with_value(|ui| ui.clone()).unwrap_or(article.lang.clone());
                    let timeline = article.timeline?;
                    let source = timeline.source.as_deref().and_then(|s| allowed_source(s, &src, config));
                    let limits = config.with_value(|c| c.limits);
                    Some(view! {
                        <Timeline timeline=timeline base=src viewer_page=viewer_page messages=m lang=lang
                            on_open=open landmark=landmarks source=source owns_title=standalone limits=limits />
                    })
                })}
        </>
    };
    // A page of its own has one `<main>` and a skip link; inside a publisher's
    // page the viewer is a plain block, as the page has its own landmarks.
    if options.mode == Mode::Inline {
        view! {
            <div class="viewer-frame" node_ref=root>
                <div class="viewer" lang=lang dir=dir aria-busy=busy>{content}</div>
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="viewer-frame" node_ref=root>
                {move || (standalone && shown.with(Option::is_some)).then(|| view! {
                    <a class="skip-link" href="#story">{messages().skip_to_story}</a>
                })}
                <main class="viewer" lang=lang dir=dir aria-busy=busy aria-label=main_label>{content}</main>
            </div>
        }
        .into_any()
    }
}

/// What failed, in the reader's words, with the technical detail folded away.
#[component]
fn LoadAlert(
    error: LoadError,
    src: String,
    messages: &'static Messages,
    retry: Callback<String>,
    as_heading: bool,
) -> impl IntoView {
    let can_retry = error.can_retry();
    let message = error.message(messages);
    view! {
        <div class="viewer__alert" role="alert">
            {if as_heading {
                view! { <h1 class="viewer__alert-message">{message}</h1> }.into_any()
            } else {
                view! { <p class="viewer__alert-message">{message}</p> }.into_any()
            }}
            <details class="viewer__alert-details">
                <summary>{messages.details}</summary>
                <p>{error.detail()}</p>
            </details>
            {can_retry.then(|| view! {
                <button type="button" class="viewer__retry" on:click=move |_| retry.run(src.clone())>
                    {messages.retry}
                </button>
            })}
        </div>
    }
}

/// Grey blocks the size of a story, so the page does not jump when it arrives.
#[component]
fn Skeleton(messages: &'static Messages) -> impl IntoView {
    view! {
        <div class="skeleton">
            <p class="visually-hidden" role="status">{messages.loading}</p>
            <div class="skeleton__line skeleton__line--headline" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--headline skeleton__line--short" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--meta" aria-hidden="true"></div>
            <div class="skeleton__line" aria-hidden="true"></div>
            <div class="skeleton__line" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--short" aria-hidden="true"></div>
        </div>
    }
}

/// Whether the allow-list lets the viewer fetch from `url`'s origin.
fn source_allowed(url: &str, config: StoredValue<config::Config>) -> bool {
    let page_origin = navigation::origin(&navigation::page_url());
    config.with_value(|c| c.allows_source(&navigation::origin(url), &page_origin))
}

/// A timeline `source`, resolved against its article and checked like an
/// article's own address; a refused one is reported and not fetched.
fn allowed_source(
    source: &str,
    article: &str,
    config: StoredValue<config::Config>,
) -> Option<String> {
    let allowed = navigation::resolve(source, article, UrlUse::Resource)
        .filter(|url| source_allowed(url, config));
    if allowed.is_none() {
        leptos::logging::warn!("timeline source refused: {source}");
    }
    allowed
}

fn remove_prerendered() {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-prerendered]").ok().flatten());
    if let Some(element) = found {
        element.remove();
    }
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
