//! A live blog in the browser: the core's live-blog markup added to the
//! story the main module built, and kept live.
//!
//! - The stream past its first rows is built in slices after the story,
//!   one short task each, so a blog of thousands of updates opens without
//!   a long task; a reader's action that needs them all (the order toggle,
//!   putting new updates in) builds the rest first.
//! - "Oldest first" reverses the stream in place and is kept on the device
//!   for this blog, as is the newest update seen, which places "Since your
//!   last visit" on the next visit (nothing leaves the device).
//! - A link to an update (`#update-<id>`: a key event, an update's time, an
//!   address opened with one) scrolls to it and gives it focus; on the
//!   viewer's own page it is a history entry, and Back returns focus to
//!   the link.
//! - A live blog with a `source` is polled as a live timeline is
//!   ([`crate::poll`]: the core's schedule and backoff, conditional
//!   requests, never while the tab is hidden, Pause): new updates wait behind
//!   "3 new updates", never moving what the reader is reading; an edited
//!   update is corrected in place.
//! - "5 min ago" is refreshed every minute.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use article_core::address::address_for;
use article_core::article::{read_updates, Article, Unread, Update};
use article_core::live::{self, Schedule};
use article_core::markup::{Action, Markup};
use article_core::messages;
use article_core::metadata::json_ld;
use article_core::story::live_blog::{self as written, arrange, LiveView, Row};
use article_core::story::Settings;
use article_core::time::Timestamp;
use article_core::url_policy::{self, UrlUse};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::poll::Poll;
use crate::timers::Timer;
use crate::{intl, markup};

/// Rows of the stream written with the story; the rest follow in slices.
const FIRST: usize = 20;
/// Rows built per task after the story.
const SLICE: usize = 60;
/// Updates read per task.
const READ: usize = 150;

/// What the main module says of the reader and the page.
pub struct Options {
    /// The interface's language tag.
    lang: String,
    /// The story's absolute URL: relative addresses in it are against it.
    base: String,
    /// The address that shows this story, for Share.
    share: String,
    /// Where a related story opens, for a new tab.
    viewer_page: String,
    low_data: bool,
    /// The viewer's own page: a link to an update is a history entry.
    owns_document: bool,
    /// The live source, resolved and allowed by the viewer.
    source: Option<String>,
    /// The publisher's element, which hears `article-viewer:update`.
    host: Option<Element>,
}

impl Options {
    pub fn read(options: &JsValue) -> Options {
        let get = |key: &str| js_sys::Reflect::get(options, &key.into()).unwrap_or_default();
        let text = |key: &str| get(key).as_string();
        Options {
            lang: text("lang").unwrap_or_else(|| "en".to_owned()),
            base: text("base").unwrap_or_default(),
            share: text("share").unwrap_or_default(),
            viewer_page: text("viewerPage").unwrap_or_default(),
            low_data: get("lowData").is_truthy(),
            owns_document: get("ownsDocument").is_truthy(),
            source: text("source"),
            host: get("host").dyn_into().ok(),
        }
    }
}

pub struct Blog {
    /// The story, its updates read in parts from `text` ([`Blog::read`]).
    article: RefCell<Article>,
    text: String,
    /// The story's `<article>`, as the main module built it.
    story: Element,
    /// The live source, if the blog is polled.
    source: Option<String>,
    options: Options,
    view: LiveView,
    /// Where this blog's choices are kept on the device.
    key: String,
    paused: Cell<bool>,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// The `.live-blog` section, once built.
    section: Option<Element>,
    oldest_first: bool,
    /// Rows of the stream built so far.
    built: usize,
    slicer: Option<Timer>,
    /// An update to land on once it is built.
    target: Option<String>,
    /// Where Back returns focus: the link that led to an update.
    back_to: Option<HtmlElement>,
    /// Every update on screen: its id and digest.
    shown: Vec<(String, u64)>,
    /// Arrived from the source, behind the reader's button.
    waiting: Vec<Update>,
    poller: Option<Rc<Poll>>,
    tick: Option<Timer>,
    on_popstate: Option<Closure<dyn FnMut()>>,
    on_click: Option<Closure<dyn FnMut(web_sys::MouseEvent)>>,
    /// Updates still to read, and the task that reads the next part.
    unread: Option<Unread>,
    reader: Option<Timer>,
    /// Resolves the promise [`Blog::mount`] gave, once the updates show.
    on_shown: Option<js_sys::Function>,
}

impl Blog {
    /// The live blog of `article` (decoded from `text`, its updates
    /// deferred) added to the story built in `story`: its label now, its
    /// updates once read, a part per task.
    pub fn mount(
        story: Element,
        mut article: Article,
        text: String,
        options: &Options,
    ) -> Option<(Rc<Blog>, js_sys::Promise)> {
        let blog = article.live_blog.as_mut()?;
        let unread = blog.unread.take();
        let source = options.source.clone().filter(|_| blog.polled());
        let key = format!("article-viewer:live-blog:{}", options.base);
        let kept = stored(&key).unwrap_or_default();
        let mut kept = kept.split(' ');
        let seen = kept.next().and_then(|s| s.parse::<i64>().ok());
        let oldest_first = kept.next() == Some("oldest");
        let view = LiveView {
            oldest_first,
            seen,
            first: FIRST,
        };
        let this = Rc::new(Blog {
            view,
            key,
            paused: Cell::new(false),
            state: RefCell::new(State {
                oldest_first,
                unread,
                ..State::default()
            }),
            article: RefCell::new(article),
            text,
            story,
            source,
            options: Options {
                lang: options.lang.clone(),
                base: options.base.clone(),
                share: options.share.clone(),
                viewer_page: options.viewer_page.clone(),
                low_data: options.low_data,
                owns_document: options.owns_document,
                source: None,
                host: options.host.clone(),
            },
        });
        let mut on_shown = None;
        let shown = js_sys::Promise::new(&mut |resolve, _| on_shown = Some(resolve));
        this.state.borrow_mut().on_shown = on_shown;
        this.write_label();
        this.read();
        Some((this, shown))
    }

    /// The updates show (or never will): the main module hears it.
    fn shown(&self) {
        if let Some(resolve) = self.state.borrow_mut().on_shown.take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }

    /// The next part of the updates, in a task of its own; once all are
    /// read, the blog is written.
    fn read(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let next = Timer::once(0, move || {
            let Some(blog) = weak.upgrade() else {
                return;
            };
            let Some(unread) = blog.state.borrow_mut().unread.take() else {
                blog.ready();
                return;
            };
            let (updates, problems, rest) = read_updates(&blog.text, unread, READ);
            for problem in &problems {
                web_sys::console::warn_1(&problem.into());
            }
            if let Some(live) = blog.article.borrow_mut().live_blog.as_mut() {
                live.updates.extend(updates);
            }
            blog.state.borrow_mut().unread = rest;
            blog.read();
        });
        self.state.borrow_mut().reader = Some(next);
    }

    /// Every update read: written, kept live.
    fn ready(self: &Rc<Self>) {
        let (shown, newest) = {
            let article = self.article.borrow();
            let Some(blog) = article.live_blog.as_ref() else {
                return;
            };
            let shown = blog
                .updates
                .iter()
                .map(|u| (u.id.clone(), u.digest))
                .collect();
            (shown, written::newest(blog))
        };
        self.state.borrow_mut().shown = shown;
        self.keep(newest.max(self.view.seen));
        self.write_into(&self.story);
        self.built(self.story.clone(), self.source.clone());
        self.shown();
    }

    /// The core's settings for this reader, now.
    fn with_settings<T>(&self, f: impl FnOnce(&Article, &Settings) -> T) -> T {
        let o = &self.options;
        let article = &*self.article.borrow();
        let resolve = |raw: &str, url_use| resolve(raw, &o.base, url_use);
        let open = |raw: &str| {
            let resolved = resolve(raw, UrlUse::Resource)?;
            Some((address_for(&resolved, &o.viewer_page), resolved))
        };
        let now = js_sys::Date::now();
        let ago = |t: &Timestamp| {
            live::relative(now - t.epoch_millis()).and_then(|(v, unit)| intl::relative(v, unit))
        };
        f(
            article,
            &Settings {
                messages: messages::for_lang(&o.lang),
                low_data: o.low_data,
                always: &|p| always_loads(p.key()),
                resolve: &resolve,
                open: &open,
                time: &intl::long_date_time,
                full: &intl::full,
                clock: &intl::clock,
                ago: &ago,
                live_blog: self.view,
                number: &|n| intl::number(n, &article.lang),
                share_url: &o.share,
            },
        )
    }

    /// **Live** or **Ended**, before the headline.
    fn write_label(&self) {
        let label = self.with_settings(|article, s| {
            let mut m = Markup::default();
            if let Some(blog) = &article.live_blog {
                written::label(&mut m, blog, s);
            }
            m
        });
        if let Ok(Some(headline)) = self.story.query_selector(".story__headline") {
            if let Some(fragment) = fragment_of(&headline, &label) {
                let _ = headline.before_with_node_1(&fragment);
            }
        }
    }

    /// The key events under the standfirst (else the headline), the
    /// updates after the body.
    fn write_into(&self, story: &Element) {
        let find = |selector: &str| story.query_selector(selector).ok().flatten();
        let (keys, updates) = self.with_settings(|article, s| {
            let (mut keys, mut updates) = (Markup::default(), Markup::default());
            if let Some(blog) = &article.live_blog {
                written::key_events(&mut keys, blog, s);
                written::updates(&mut updates, blog, s);
            }
            (keys, updates)
        });
        if let Some(headline) = find(".story__headline") {
            let under = find(".story__standfirst").unwrap_or(headline);
            if let Some(fragment) = fragment_of(&under, &keys) {
                let _ = under.after_with_node_1(&fragment);
            }
        }
        if let Some(body) = find(".story__body") {
            if let Some(fragment) = fragment_of(&body, &updates) {
                let _ = body.after_with_node_1(&fragment);
            }
        }
    }

    /// Kept on the device: the newest update seen and the reader's order.
    fn keep(&self, seen: Option<i64>) {
        let order = if self.state.borrow().oldest_first {
            "oldest"
        } else {
            "newest"
        };
        let seen = seen.map_or(String::new(), |s| s.to_string());
        store(&self.key, &format!("{seen} {order}"));
    }

    fn seen(&self) -> Option<i64> {
        stored(&self.key)?.split(' ').next()?.parse().ok()
    }

    /// The story was built into `story`: the rest of the stream follows,
    /// an address's update is landed on, and a live blog starts polling.
    fn built(self: &Rc<Self>, story: Element, source: Option<String>) {
        let section = story.query_selector(".live-blog").ok().flatten();
        {
            let mut state = self.state.borrow_mut();
            state.section = section;
            state.built = FIRST;
            state.target = anchor_of(&location_hash());
        }
        // The rest of the stream after this task; the address's update now
        // if it is among the first.
        self.next_slice();
        self.land();
        let weak = Rc::downgrade(self);
        let on_popstate = Closure::<dyn FnMut()>::new(move || {
            if let Some(blog) = weak.upgrade() {
                blog.popped();
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w
                .add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        }
        let weak = Rc::downgrade(self);
        let tick = Timer::every(60_000, move || {
            if let Some(blog) = weak.upgrade() {
                blog.refresh_times();
            }
        });
        let weak = Rc::downgrade(self);
        let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev| {
            if let Some(blog) = weak.upgrade() {
                blog.clicked(&ev);
            }
        });
        let _ = story.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        let poller = source.and_then(|url| self.poll(url));
        let mut state = self.state.borrow_mut();
        state.on_click = Some(on_click);
        state.on_popstate = Some(on_popstate);
        state.tick = Some(tick);
        state.poller = poller;
    }

    /// Builds the next slice of the stream, then lands on the address's
    /// update if it is built now.
    fn slice(self: &Rc<Self>) {
        if self.build_rows(SLICE) {
            self.land();
            // For search engines, once every update is on the page.
            self.describe();
        } else {
            self.next_slice();
            self.land();
        }
    }

    /// The next slice, in a task of its own.
    fn next_slice(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let next = Timer::once(0, move || {
            if let Some(blog) = weak.upgrade() {
                blog.slice();
            }
        });
        self.state.borrow_mut().slicer = Some(next);
    }

    /// On a page of the viewer's own, the JSON-LD with every update.
    fn describe(&self) {
        if !self.options.owns_document {
            return;
        }
        let ld = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector("script[type=\"application/ld+json\"]")
                .ok()
                .flatten()
        });
        if let Some(ld) = ld {
            let page = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            ld.set_text_content(Some(&json_ld(&self.article.borrow(), &page)));
        }
    }

    /// Builds up to `count` more rows of the stream; whether all are built.
    fn build_rows(&self, count: usize) -> bool {
        let (container, from) = {
            let state = self.state.borrow();
            let container = state
                .section
                .as_ref()
                .and_then(|s| s.query_selector(".live-blog__updates").ok().flatten());
            (container, state.built)
        };
        let Some(container) = container else {
            return true;
        };
        let (m, total) = self.with_settings(|article, s| {
            let mut m = Markup::default();
            let Some(blog) = &article.live_blog else {
                return (m, 0);
            };
            let (_, stream) = arrange(blog, &self.view);
            for item in stream.iter().skip(from).take(count) {
                written::row(&mut m, item, s);
            }
            (m, stream.len())
        });
        // In the order the reader sees: a reversed stream grows at its top.
        let order_flipped = self.state.borrow().oldest_first != self.view.oldest_first;
        if order_flipped {
            if let Some(fragment) = fragment_of(&container, &m) {
                reverse_children(&fragment);
                let _ = container.insert_before(&fragment, container.first_child().as_ref());
            }
        } else {
            markup::build(&container, &m);
        }
        let mut state = self.state.borrow_mut();
        state.built = from.saturating_add(count);
        if state.built >= total {
            state.slicer = None;
            true
        } else {
            false
        }
    }

    /// Every item built, now: before the order turns or updates go in.
    fn finish(&self) {
        if self.state.borrow_mut().slicer.take().is_some() {
            self.build_rows(usize::MAX);
            self.describe();
        }
    }

    /// The update of `anchor` in this blog, if built.
    fn find(&self, anchor: &str) -> Option<HtmlElement> {
        let section = self.state.borrow().section.clone()?;
        let all = section.query_selector_all("article.update").ok()?;
        (0..all.length())
            .filter_map(|i| all.get(i)?.dyn_into::<HtmlElement>().ok())
            .find(|u| u.id() == anchor)
    }

    /// The address's update, once built: scrolled to, with focus.
    fn land(&self) {
        let Some(anchor) = self.state.borrow().target.clone() else {
            return;
        };
        if let Some(update) = self.find(&anchor) {
            self.state.borrow_mut().target = None;
            focus(&update);
        } else if self.state.borrow().slicer.is_none() {
            // Every update is built and none is this one.
            self.state.borrow_mut().target = None;
        }
    }

    /// Back or Forward: to the update the address names, else back to
    /// the link that left it.
    fn popped(&self) {
        match anchor_of(&location_hash()) {
            Some(anchor) => {
                self.state.borrow_mut().target = Some(anchor);
                self.land();
            }
            None => {
                if let Some(link) = self.state.borrow_mut().back_to.take() {
                    let _ = link.focus();
                }
            }
        }
    }

    /// A control of the blog was pressed: whether it was one.
    fn clicked(self: &Rc<Self>, ev: &web_sys::MouseEvent) -> bool {
        let control = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten());
        let Some(control) = control else {
            return false;
        };
        let action = control
            .get_attribute("data-action")
            .and_then(|k| Action::from_key(&k));
        match action {
            Some(Action::Goto) => {
                // A new tab or window is the browser's.
                if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                    return true;
                }
                ev.prevent_default();
                let href = control.get_attribute("href").unwrap_or_default();
                self.go_to(&href, control.dyn_into::<HtmlElement>().ok());
            }
            Some(Action::Order) => self.turn(&control),
            Some(Action::Insert) => self.insert(),
            Some(Action::Pause) => {
                let paused = !self.paused.get();
                self.paused.set(paused);
                let _ =
                    control.set_attribute("aria-pressed", if paused { "true" } else { "false" });
                if let Some(p) = &self.state.borrow().poller {
                    p.woken_by_reader(paused);
                }
            }
            _ => return false,
        }
        true
    }

    /// To the update of `href` (`#update-<id>`), from `link`.
    fn go_to(&self, href: &str, link: Option<HtmlElement>) {
        let Some(anchor) = anchor_of(href) else {
            return;
        };
        if self.options.owns_document {
            // The address names the update: it can be shared, and Back returns.
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(href));
            }
        }
        {
            let mut state = self.state.borrow_mut();
            state.back_to = link;
            state.target = Some(anchor);
        }
        self.land();
    }

    /// "Oldest first" pressed: the stream turns around, and the choice is kept.
    fn turn(&self, button: &Element) {
        self.finish();
        let oldest = {
            let mut state = self.state.borrow_mut();
            state.oldest_first = !state.oldest_first;
            state.oldest_first
        };
        let _ = button.set_attribute("aria-pressed", if oldest { "true" } else { "false" });
        if let Some(container) = self.container() {
            reverse_children(&container);
        }
        self.keep(self.seen());
    }

    fn container(&self) -> Option<Element> {
        let section = self.state.borrow().section.clone()?;
        section.query_selector(".live-blog__updates").ok().flatten()
    }

    /// Starts polling the blog's source at `url`, which the viewer allowed.
    fn poll(self: &Rc<Self>, url: String) -> Option<Rc<Poll>> {
        let article = self.article.borrow();
        let blog = article.live_blog.as_ref()?;
        let interval = if self.options.low_data {
            live::low_data_interval(blog.interval)
        } else {
            blog.interval
        };
        let weak = Rc::downgrade(self);
        let arrived = Rc::new(move |incoming: Vec<Update>| {
            if let Some(blog) = weak.upgrade() {
                blog.arrived(incoming);
            }
        });
        let weak = Rc::downgrade(self);
        let paused = Rc::new(move || weak.upgrade().is_none_or(|b| b.paused.get()));
        Some(Poll::start(
            url,
            Schedule::new(true, interval),
            arrived,
            paused,
        ))
    }

    /// What the source has: an edited update is corrected in place, a new
    /// one waits behind the button.
    fn arrived(&self, incoming: Vec<Update>) {
        let mut corrected = Vec::new();
        let count = {
            let mut state = self.state.borrow_mut();
            for update in incoming {
                if let Some(old) = state.shown.iter_mut().find(|(id, _)| *id == update.id) {
                    if old.1 != update.digest {
                        old.1 = update.digest;
                        corrected.push(update);
                    }
                } else if let Some(old) = state.waiting.iter_mut().find(|u| u.id == update.id) {
                    *old = update;
                } else {
                    state.waiting.push(update);
                }
            }
            state.waiting.len()
        };
        for update in corrected {
            if let Some(old) = self.find(&update.anchor()) {
                let focused = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element())
                    .is_some_and(|a| old.contains(Some(&a)));
                let m = self.markup_of(&[update]);
                if let Some(fragment) = fragment_of(&old, &m) {
                    let _ = old.replace_with_with_node_1(&fragment);
                }
                // Focus stays with the update the reader was on.
                if focused {
                    if let Some(new) = self.find(&old.id()) {
                        let _ = new.focus();
                    }
                }
            }
        }
        self.new_button(count);
        if let (true, Some(host)) = (count > 0, &self.options.host) {
            announce(host, count);
        }
    }

    /// The updates' markup, each as an item; positions past the blog's
    /// own keep the ids inside them unique.
    fn markup_of(&self, updates: &[Update]) -> Markup {
        let past = self.state.borrow().shown.len() + 1;
        self.with_settings(|_, s| {
            let mut m = Markup::default();
            for (i, u) in updates.iter().enumerate() {
                written::row(&mut m, &Row::Update(past + i, u), s);
            }
            m
        })
    }

    /// "3 new updates", or nothing while none wait.
    fn new_button(&self, count: usize) {
        let Some(section) = self.state.borrow().section.clone() else {
            return;
        };
        let Ok(Some(old)) = section.query_selector(".live-blog__new") else {
            return;
        };
        let m = self.with_settings(|_, s| {
            let mut m = Markup::default();
            written::new_button(&mut m, count, s);
            m
        });
        if let Some(fragment) = fragment_of(&section, &m) {
            let _ = old.replace_with_with_node_1(&fragment);
        }
    }

    /// The waiting updates go in where the stream's newest end is; focus
    /// moves to the newest, where reading goes on.
    fn insert(&self) {
        self.finish();
        let mut waiting = std::mem::take(&mut self.state.borrow_mut().waiting);
        if waiting.is_empty() {
            return;
        }
        waiting.sort_by_cached_key(|u| std::cmp::Reverse(u.time.epoch_seconds()));
        let oldest_first = self.state.borrow().oldest_first;
        if let Some(container) = self.container() {
            let m = self.markup_of(&waiting);
            if let Some(fragment) = fragment_of(&container, &m) {
                if oldest_first {
                    reverse_children(&fragment);
                    let _ = container.append_child(&fragment);
                } else {
                    let _ = container.insert_before(&fragment, container.first_child().as_ref());
                }
            }
        }
        let newest = waiting.first().map(Update::anchor);
        let seen = waiting.iter().map(|u| u.time.epoch_seconds()).max();
        self.state
            .borrow_mut()
            .shown
            .extend(waiting.into_iter().map(|u| (u.id, u.digest)));
        self.new_button(0);
        self.keep(seen.max(self.seen()));
        if let Some(update) = newest.and_then(|a| self.find(&a)) {
            focus(&update);
        }
    }

    /// "5 min ago" as time goes by; older than a day, the time in words.
    fn refresh_times(&self) {
        let Some(section) = self.state.borrow().section.clone() else {
            return;
        };
        let Ok(times) = section.query_selector_all(".update__time time") else {
            return;
        };
        let now = js_sys::Date::now();
        for i in 0..times.length() {
            let Some(time) = times.get(i).and_then(|t| t.dyn_into::<Element>().ok()) else {
                continue;
            };
            let Some(t) = time
                .get_attribute("datetime")
                .and_then(|d| Timestamp::parse(&d).ok())
            else {
                continue;
            };
            let words = live::relative(now - t.epoch_millis())
                .and_then(|(v, unit)| intl::relative(v, unit))
                .unwrap_or_else(|| intl::long_date_time(&t));
            if time.text_content().as_deref() != Some(words.as_str()) {
                time.set_text_content(Some(&words));
            }
        }
    }

    /// The story went away: the poller, the timers and the listeners go too.
    pub fn stop(&self) {
        self.shown();
        let mut state = self.state.borrow_mut();
        if let (Some(listener), Some(section)) = (state.on_click.take(), &state.section) {
            if let Some(story) = section.parent_element() {
                let _ = story.remove_event_listener_with_callback(
                    "click",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
        if let Some(p) = state.poller.take() {
            p.stop();
        }
        state.slicer = None;
        state.reader = None;
        state.tick = None;
        if let (Some(listener), Some(w)) = (state.on_popstate.take(), web_sys::window()) {
            let _ = w
                .remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        }
    }
}

/// `update-<id>` from `#update-<id>`.
fn anchor_of(hash: &str) -> Option<String> {
    let anchor = hash.strip_prefix('#')?;
    let anchor = js_sys::decode_uri_component(anchor)
        .ok()
        .and_then(|a| a.as_string())
        .unwrap_or_else(|| anchor.to_owned());
    anchor.starts_with("update-").then_some(anchor)
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Scrolled into view, with focus (an update takes focus: `tabindex=-1`).
fn focus(update: &HtmlElement) {
    update.scroll_into_view();
    let _ = update.focus();
}

/// `m` built into a fragment of `near`'s document.
fn fragment_of(near: &web_sys::Node, m: &Markup) -> Option<web_sys::DocumentFragment> {
    let fragment = near.owner_document()?.create_document_fragment();
    markup::build(&fragment, m);
    Some(fragment)
}

/// Its children in the reverse order.
fn reverse_children(parent: &web_sys::Node) {
    let children = parent.child_nodes();
    let nodes: Vec<web_sys::Node> = (0..children.length())
        .filter_map(|i| children.get(i))
        .collect();
    for node in nodes.into_iter().rev() {
        let _ = parent.append_child(&node);
    }
}

fn stored(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(key)
        .ok()?
}

fn store(key: &str, value: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, value);
    }
}

/// `raw` joined to `base` by the browser's URL parser, if the URL policy
/// allows it for `url_use` before and after.
fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    url_policy::resolve_with(raw, base, url_use, |raw, base| {
        Some(web_sys::Url::new_with_base(raw, base).ok()?.href())
    })
}

/// Whether the reader chose to always load `provider`'s content (the main
/// module keeps the choice under this key).
fn always_loads(provider: &str) -> bool {
    stored("article-viewer-always-load").is_some_and(|l| l.split(' ').any(|p| p == provider))
}

/// `article-viewer:update` on the publisher's element: `count` wait.
fn announce(host: &Element, count: usize) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"count".into(), &(count as f64).into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) =
        web_sys::CustomEvent::new_with_event_init_dict("article-viewer:update", &init)
    {
        let _ = host.dispatch_event(&event);
    }
}
