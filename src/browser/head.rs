//! The document's `<head>` for the story on screen: title, description,
//! canonical link, JSON-LD, and `<html lang dir>`. What to write is the
//! core's ([`article_core::metadata`]); only pages that are the viewer's own
//! are written to.

use article_core::article::Article;
use article_core::metadata::{canonical, description, json_ld};

use super::page;

/// Writes the story's metadata into the document.
pub fn apply(article: &Article, page_url: &str) {
    let Some(document) = page::document() else {
        return;
    };
    let Some(head) = document.head() else {
        return;
    };
    document.set_title(&article.headline);
    let element = |selector: &str, tag: &str, attrs: &[(&str, &str)]| {
        if let Some(found) = head.query_selector(selector).ok().flatten() {
            return Some(found);
        }
        let el = document.create_element(tag).ok()?;
        for (k, v) in attrs {
            let _ = el.set_attribute(k, v);
        }
        let _ = head.append_child(&el);
        Some(el)
    };
    if let Some(meta) = element("meta[name=description]", "meta", &[("name", "description")]) {
        let _ = meta.set_attribute("content", &description(article));
    }
    if let Some(link) = element("link[rel=canonical]", "link", &[("rel", "canonical")]) {
        let _ = link.set_attribute("href", &canonical(article, page_url));
    }
    // A data block, not a script: never executed, so the CSP does not apply.
    if let Some(ld) = element(
        "script[type=\"application/ld+json\"]",
        "script",
        &[("type", "application/ld+json")],
    ) {
        ld.set_text_content(Some(&json_ld(article, page_url)));
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", &article.lang);
        let _ = root.set_attribute("dir", article.direction().as_str());
    }
}
