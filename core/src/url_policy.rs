//! The one URL policy: every `href` and `src` the viewer writes passes here.
//!
//! Strings come from the network and are untrusted. A URL is judged the way a
//! browser will read it (WHATWG URL parsing: leading and trailing C0 controls
//! and spaces dropped, tabs and newlines removed anywhere, the scheme
//! case-insensitive), and the cleaned string is what gets used, so what was
//! judged is what the browser sees. Anything not allowed is refused and the
//! caller renders plain text (or an image's alt text) instead.

/// What a URL is going to be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// A link the reader may follow: `http:`, `https:`, `mailto:`, relative.
    Link,
    /// An image or a document to fetch: `http:`, `https:`, relative.
    Resource,
}

/// Returns the URL to write into the page, or `None` if it must not be used.
pub fn allow(raw: &str, url_use: UrlUse) -> Option<String> {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    match scheme(&cleaned) {
        None => Some(cleaned),
        Some(s) if s.eq_ignore_ascii_case("https") || s.eq_ignore_ascii_case("http") => {
            Some(cleaned)
        }
        Some(s) if url_use == UrlUse::Link && s.eq_ignore_ascii_case("mailto") => Some(cleaned),
        Some(_) => None,
    }
}

/// The scheme of an absolute URL, or `None` for a relative one.
///
/// A scheme is an ASCII letter followed by letters, digits, `+`, `-` or `.`,
/// ended by `:` before any `/`, `?` or `#`.
fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let candidate = &url[..end];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    let valid = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Anything else before the colon (`/`, `?`, `#`, `%`, …) makes it a path.
    valid.then_some(candidate)
}

/// `raw` joined to `base` by `join` (a WHATWG URL parser: the browser's
/// `URL`, natively the `url` crate), if the policy allows it for `url_use`
/// before the join and after: resolution cannot invent a scheme, but the
/// result is checked all the same. The one place every caller's
/// [`Resolve`] comes from.
pub fn resolve_with(
    raw: &str,
    base: &str,
    url_use: UrlUse,
    join: impl FnOnce(&str, &str) -> Option<String>,
) -> Option<String> {
    let joined = join(&allow(raw, url_use)?, base)?;
    allow(&joined, url_use)?;
    Some(joined)
}

/// Joins `raw` to `base` and checks the result against the URL policy for
/// its use: `Some(absolute URL)` if it may be used. The URL parser is the
/// caller's (the browser's `URL`, natively the `url` crate): both follow
/// the WHATWG URL standard.
pub type Resolve<'a> = &'a dyn Fn(&str, &str, UrlUse) -> Option<String>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resolved_address_passes_the_policy_before_and_after_the_join() {
        let join = |raw: &str, base: &str| Some(format!("{base}{raw}"));
        assert_eq!(
            resolve_with("b.json", "https://news.example/", UrlUse::Resource, join),
            Some("https://news.example/b.json".to_owned())
        );
        // Refused before the parser sees it.
        assert_eq!(
            resolve_with("javascript:alert(1)", "https://x/", UrlUse::Link, |_, _| {
                panic!("joined a refused address")
            }),
            None
        );
        // A parser that produced a refused address: refused after.
        assert_eq!(
            resolve_with("a", "https://x/", UrlUse::Link, |_, _| Some(
                "javascript:x".into()
            )),
            None
        );
    }

    #[test]
    fn allows_web_mail_and_relative_links() {
        for ok in [
            "https://example.com/a?b#c",
            "HTTP://example.com",
            "mailto:desk@example.com",
            "articles/next.json",
            "/articles/next.json",
            "//cdn.example.com/x.png",
            "?src=a.json",
            "#top",
            "./a:b",
        ] {
            assert!(allow(ok, UrlUse::Link).is_some(), "{ok:?} was refused");
        }
    }

    #[test]
    fn refuses_script_and_data_urls_however_disguised() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav\r\nascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "  ",
        ] {
            assert_eq!(allow(bad, UrlUse::Link), None, "{bad:?} was allowed");
        }
    }

    #[test]
    fn images_may_not_use_mailto() {
        assert_eq!(allow("mailto:a@example.com", UrlUse::Resource), None);
        assert!(allow("img/a.jpg", UrlUse::Resource).is_some());
    }

    #[test]
    fn returns_the_cleaned_url_the_browser_will_see() {
        assert_eq!(
            allow("  ht\ttps://example.com/\n", UrlUse::Link).as_deref(),
            Some("https://example.com/")
        );
    }

    #[test]
    fn encoded_schemes_are_harmless_relative_paths() {
        // The browser does not decode these before finding the scheme: they are
        // paths under the current page, never script.
        for s in ["%6Aavascript:alert(1)", "javascript&colon;alert(1)"] {
            let out = allow(s, UrlUse::Link).unwrap();
            assert_eq!(scheme(&out), None);
        }
    }
}
