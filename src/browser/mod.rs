//! The browser's services, each behind a small Rust face: the page and its
//! address, `<head>`, fetching, `Intl`, timers, building the core's markup.
//! Nothing here decides a rule: it asks the core.

pub mod fetch;
pub mod formats;
pub mod head;
pub mod intl;
pub mod markup;
pub mod modules;
pub mod page;
pub mod timers;
