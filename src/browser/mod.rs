//! The browser's services, each behind a small Rust face: the page and its
//! address, `<head>`, fetching, `Intl`, timers, building the core's markup.
//! Nothing here decides a rule: it asks the core.
//!
//! Natively, where the viewer renders HTML ahead of time, `page` and `intl`
//! are their [`ahead`]-of-time faces: the same functions, for a given page and
//! reader.

#[cfg(not(target_arch = "wasm32"))]
pub mod ahead;
pub mod fetch;
pub mod head;
#[cfg_attr(not(target_arch = "wasm32"), path = "intl_ahead.rs")]
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod markup;
#[cfg_attr(not(target_arch = "wasm32"), path = "page_ahead.rs")]
pub mod page;
pub mod timers;
