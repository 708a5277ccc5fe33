//! The page and the reader when the viewer renders HTML ahead of time,
//! natively (the snippet command, the build's prerender): there is no
//! browser, so the page's address and the reader are given — a reader in the
//! publisher's language and in the zone of the story's own offset — and the
//! live viewer rewrites what depends on the real one when it takes over.

use std::cell::RefCell;

/// Who the HTML is written for, and where it will live.
#[derive(Clone, Debug, Default)]
pub struct Reader {
    /// The absolute address of the page the HTML goes into.
    pub page: String,
    /// The viewer's directory (where `index.html` and `embed.js` are).
    pub viewer_dir: String,
    /// The reader's language tag, as `Intl` would get it.
    pub lang: String,
    /// The reader's zone, as an offset east of UTC in minutes.
    pub offset_minutes: i32,
}

thread_local! {
    static READER: RefCell<Reader> = RefCell::new(Reader::default());
}

/// Runs `f` with `reader` as the page's reader.
pub fn with_reader<T>(reader: Reader, f: impl FnOnce() -> T) -> T {
    let old = READER.with(|r| r.replace(reader));
    let out = f();
    READER.with(|r| r.replace(old));
    out
}

pub fn reader() -> Reader {
    READER.with(|r| r.borrow().clone())
}
