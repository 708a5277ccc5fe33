//! Which article the address asks for, and moving between articles.
//!
//! The address is the state: `?src=URL` names the article, so a reload, a
//! shared link and Back all show the same story. Resolution of relative URLs
//! is left to the browser's own URL parser (`web_sys::Url`), after the
//! [URL policy](crate::url_policy) has judged the string.

use crate::url_policy::{self, UrlUse};

/// The article shown when the address has no `src`.
pub const DEFAULT_SRC: &str = "articles/syria-russia-moscow-visit.json";

/// The shortest `src` value that names `resolved` from a page whose directory
/// is `page_dir` (both absolute): same-directory articles stay readable
/// (`?src=articles/x.json`), others keep their full URL.
pub fn src_param(resolved: &str, page_dir: &str) -> String {
    match resolved.strip_prefix(page_dir) {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !rest.starts_with("//") => {
            rest.to_owned()
        }
        _ => resolved.to_owned(),
    }
}

/// The directory of a page URL: everything up to the last `/` of its path.
pub fn page_dir(page_url: &str) -> &str {
    let without_query = page_url.split(['?', '#']).next().unwrap_or(page_url);
    match without_query.rfind('/') {
        Some(i) => &without_query[..=i],
        None => without_query,
    }
}

/// Resolves `raw` against `base` with the browser's URL parser, after the URL
/// policy has allowed it. `None` if refused or unparseable.
pub fn resolve(raw: &str, base: &str, url_use: UrlUse) -> Option<String> {
    let allowed = url_policy::allow(raw, url_use)?;
    let url = web_sys::Url::new_with_base(&allowed, base).ok()?;
    // Resolution cannot invent a scheme, but check the result all the same.
    url_policy::allow(&url.href(), url_use)?;
    Some(url.href())
}

/// The origin (`https://news.example`) of an absolute URL, or `""`.
pub fn origin(url: &str) -> String {
    web_sys::Url::new(url)
        .map(|u| u.origin())
        .unwrap_or_default()
}

/// The `src` the current address asks for, if any.
pub fn requested_src() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("src").filter(|s| !s.trim().is_empty())
}

/// The standalone viewer's page (`…/index.html`), next to the script that
/// `embed.js` loaded (it records its directory in `articleViewerBase`).
pub fn standalone_page() -> String {
    let base = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"articleViewerBase".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| page_dir(&page_url()).to_owned());
    format!("{base}index.html")
}

/// The page's own URL.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The address of this page showing the article at `resolved`: the page URL
/// `page` with its `src` parameter set.
pub fn address_for(resolved: &str, page: &str) -> String {
    match web_sys::Url::new(page) {
        Ok(url) => {
            url.search_params()
                .set("src", &src_param(resolved, page_dir(page)));
            url.set_hash("");
            url.href()
        }
        Err(_) => resolved.to_owned(),
    }
}

/// Adds a history entry whose address names the article at `resolved`.
pub fn push_article(resolved: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let address = address_for(resolved, &page_url());
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_directory_articles_keep_a_short_src() {
        let dir = page_dir("http://127.0.0.1:8080/index.html?src=x#top");
        assert_eq!(dir, "http://127.0.0.1:8080/");
        assert_eq!(
            src_param("http://127.0.0.1:8080/articles/a.json", dir),
            "articles/a.json"
        );
    }

    #[test]
    fn other_places_keep_the_full_url() {
        let dir = "http://127.0.0.1:8080/viewer/";
        assert_eq!(
            src_param("https://news.example/a.json", dir),
            "https://news.example/a.json"
        );
        assert_eq!(
            src_param("http://127.0.0.1:8080/other/a.json", dir),
            "http://127.0.0.1:8080/other/a.json"
        );
    }
}
