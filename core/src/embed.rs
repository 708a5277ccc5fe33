//! Embedding: how a viewer is configured by its publisher, and the markup a
//! publisher copies to embed one.
//!
//! The options are read from attribute or query values handed in by the
//! shell, which mounts the viewers; the snippets are strings; the Embed
//! control that offers them is markup.

use crate::markup::{Action, Markup};
use crate::messages::Messages;

/// Which parts of the viewer show (`data-sections="story,social,timeline"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections {
    pub story: bool,
    pub social: bool,
    pub timeline: bool,
}

impl Default for Sections {
    fn default() -> Sections {
        Sections {
            story: true,
            social: true,
            timeline: true,
        }
    }
}

impl Sections {
    /// Parses a comma- or space-separated list; unknown names are ignored, and
    /// a list naming nothing known shows everything rather than an empty box.
    pub fn parse(list: &str) -> Sections {
        let mut sections = Sections {
            story: false,
            social: false,
            timeline: false,
        };
        for name in list.split([',', ' ']).map(str::trim) {
            match name.to_ascii_lowercase().as_str() {
                "story" => sections.story = true,
                "social" => sections.social = true,
                "timeline" => sections.timeline = true,
                _ => {}
            }
        }
        if sections
            == (Sections {
                story: false,
                social: false,
                timeline: false,
            })
        {
            Sections::default()
        } else {
            sections
        }
    }
}

/// Where a viewer lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The viewer's own page (`index.html`).
    Standalone,
    /// Inside an element of a publisher's page (`data-article-viewer`).
    Inline,
    /// The chrome-less page in a publisher's iframe (`embed.html`), posting its
    /// height to `host_origin`.
    Frame { host_origin: Option<String> },
}

/// Everything that makes one viewer differ from another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewerOptions {
    pub mode: Mode,
    /// The article to show first (`data-src`, or `?src=`).
    pub src: Option<String>,
    /// The interface language, when the publisher sets one (`data-lang`);
    /// otherwise the article's.
    pub lang: Option<String>,
    pub sections: Sections,
    /// Whether navigating adds to the page's history and address.
    pub history: bool,
    /// The reader asked for less data: images wait for a tap, polling slows.
    pub low_data: bool,
}

impl ViewerOptions {
    pub fn standalone(src: Option<String>) -> ViewerOptions {
        ViewerOptions {
            mode: Mode::Standalone,
            src,
            lang: None,
            sections: Sections::default(),
            history: true,
            low_data: false,
        }
    }

    /// An inline viewer's options from its element's `data-*` attributes.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> ViewerOptions {
        let non_empty = |name: &str| attribute(name).filter(|v| !v.trim().is_empty());
        ViewerOptions {
            mode: Mode::Inline,
            src: non_empty("data-src"),
            lang: non_empty("data-lang"),
            sections: non_empty("data-sections")
                .map(|s| Sections::parse(&s))
                .unwrap_or_default(),
            history: non_empty("data-history").is_some_and(|h| h.trim().eq_ignore_ascii_case("on")),
            low_data: asks_low_data(attribute("data-data")),
        }
    }

    /// The iframe page's options from its address's query (`param` gives a
    /// parameter's value): `?src=`, `?lang=`, `?sections=`, `?host=`. Its
    /// history is the host's, so navigating never touches it.
    pub fn frame(param: impl Fn(&str) -> Option<String>) -> ViewerOptions {
        let non_empty = |name: &str| param(name).filter(|v| !v.trim().is_empty());
        ViewerOptions {
            mode: Mode::Frame {
                host_origin: param("host").and_then(|h| host_origin(&h)),
            },
            src: non_empty("src"),
            lang: non_empty("lang"),
            sections: non_empty("sections")
                .map(|s| Sections::parse(&s))
                .unwrap_or_default(),
            history: false,
            low_data: asks_low_data(param("data")),
        }
    }

    /// Whether the document's title follows the story: only on pages that
    /// are the viewer's own.
    pub fn owns_document(&self) -> bool {
        !matches!(self.mode, Mode::Inline)
    }
}

/// Whether a `data` setting (`?data=low`, `data-data="low"`) asks for less
/// data. The browser's own signals (Save-Data, `prefers-reduced-data`) are
/// read by the shell.
pub fn asks_low_data(setting: Option<String>) -> bool {
    setting.is_some_and(|v| v.trim().eq_ignore_ascii_case("low"))
}

/// The origin an iframe viewer may post to: an `http(s)` origin exactly
/// (`https://publisher.example`), never `*`, never a path.
pub fn host_origin(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches('/');
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let valid = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    valid.then(|| value.to_ascii_lowercase())
}

/// The message an iframe viewer posts when its content height changes.
pub const HEIGHT_MESSAGE: &str = "article-viewer:height";

/// Escapes text for a double-quoted HTML attribute or element content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::markup::escape_into(&mut out, text, true);
    out
}

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/' | b':') {
            out.push(b as char);
        } else {
            crate::address::push_percent(&mut out, b);
        }
    }
    out
}

/// The module script that starts the inline viewers, once per page, pinned
/// by `integrity` (the hash of that build's `embed.js`) when given.
fn embed_script(viewer_dir: &str, integrity: Option<&str>) -> String {
    let pinned = integrity.map_or(String::new(), |hash| {
        format!(" integrity=\"{}\" crossorigin=\"anonymous\"", escape(hash))
    });
    format!(
        "<script type=\"module\" src=\"{}embed.js\"{pinned}></script>",
        escape(viewer_dir)
    )
}

/// The inline embed: one module script (once per page) and a `<div>` per viewer.
/// `viewer_dir` is the absolute URL of the viewer's directory, ending in `/`.
pub fn inline_snippet(viewer_dir: &str, integrity: Option<&str>, src: &str) -> String {
    format!(
        "{}\n<div data-article-viewer data-src=\"{}\"></div>",
        embed_script(viewer_dir, integrity),
        escape(src)
    )
}

/// The inline embed carrying its story: the viewer's markup of the story,
/// rendered ahead of time (trusted: the viewer's own renderer's output),
/// twice inside the `<div>`:
///
/// - `shadow_html` in a declarative shadow root with the viewer's
///   stylesheet (`css`), so the story paints styled and isolated from the
///   page's CSS before any script runs, and with JavaScript off;
/// - `light_html` as the element's own children, which a shadow root hides,
///   for a page whose CMS strips `<template>`: a readable story in the
///   page's own styles, and the text crawlers index.
///
/// `embed.js` then takes the element over in place (the shadow root's story
/// stays until the live one is ready).
pub fn story_snippet(
    viewer_dir: &str,
    integrity: Option<&str>,
    src: &str,
    css: &str,
    shadow_html: &str,
    light_html: &str,
) -> String {
    format!(
        "{script}\n\
         <link rel=\"preload\" href=\"{src}\" as=\"fetch\" crossorigin=\"anonymous\">\n\
         <div data-article-viewer data-src=\"{src}\">\
         <template shadowrootmode=\"open\"><style>{css}</style>{shadow_html}</template>\
         {light_html}</div>",
        script = embed_script(viewer_dir, integrity),
        src = escape(src),
        // A stylesheet cannot end its own element early.
        css = css.replace("</", "<\\/"),
    )
}

/// The iframe embed: the frame and the host-side script that sizes it to its
/// content and tells it which origin to post to.
pub fn iframe_snippet(viewer_dir: &str, src: &str, title: &str) -> String {
    let frame_url = format!("{viewer_dir}embed.html?src={}", encode(src));
    format!(
        r#"<iframe data-article-viewer-frame="{url}" title="{title}" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" loading="lazy" style="width: 100%; height: 40rem; border: 0"></iframe>
<script type="module">
  for (const frame of document.querySelectorAll('iframe[data-article-viewer-frame]')) {{
    const url = new URL(frame.dataset.articleViewerFrame, location.href);
    url.searchParams.set('host', location.origin);
    addEventListener('message', (event) => {{
      if (event.origin !== url.origin || event.source !== frame.contentWindow) return;
      if (event.data?.type === '{HEIGHT_MESSAGE}') frame.style.height = `${{Math.ceil(event.data.height)}}px`;
    }});
    frame.src = url.href;
  }}
</script>"#,
        url = escape(&frame_url),
        title = escape(title),
    )
}

/// The standalone viewer's "Embed" control, as markup: a disclosure whose
/// [`embed_forms`] are written when the reader first opens it (the
/// snippet that carries its story is the whole story again, written only
/// for a reader who asks).
pub fn embed_code(m: &mut Markup, words: &Messages) {
    m.open("details").class("embed-code");
    m.open("summary")
        .attr("data-action", Action::Embed.key())
        .text(words.embed)
        .close();
    m.close();
}

/// The Embed control's forms: both snippets for the story shown, each
/// read-only with a Copy button and a status that says what happened.
pub fn embed_forms(m: &mut Markup, inline: &str, iframe: &str, words: &Messages) {
    for (label, code) in [(words.embed_inline, inline), (words.embed_iframe, iframe)] {
        m.open("div")
            .class("embed-code__form")
            .open("label")
            .text(label);
        m.open("textarea")
            .attr("readonly", "")
            .attr("spellcheck", "false")
            .attr("dir", "ltr")
            .text(code)
            .close()
            .close();
        m.open("button")
            .attr("type", "button")
            .class("embed-code__copy")
            .attr("data-action", Action::Copy.key())
            .text(words.copy)
            .close();
        m.open("span")
            .class("embed-code__status")
            .attr("role", "status")
            .close()
            .close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_snippet_carries_its_story_in_and_out_of_the_shadow_root() {
        let s = story_snippet(
            "https://viewer.example/",
            Some("sha384-abc"),
            "https://news.example/a.json?x=1&y=\"",
            "p{color:red}</style><script>",
            "<h1>Story</h1>",
            "<h1>Story, plain</h1>",
        );
        assert!(s.starts_with(
            "<script type=\"module\" src=\"https://viewer.example/embed.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>"
        ));
        assert!(s.contains("data-src=\"https://news.example/a.json?x=1&amp;y=&quot;\""));
        assert!(s.contains("<template shadowrootmode=\"open\"><style>p{color:red}<\\/style><script></style><h1>Story</h1></template><h1>Story, plain</h1></div>"));
        assert_eq!(s.matches("</style>").count(), 1);
    }

    #[test]
    fn sections_parse_and_fall_back_to_everything() {
        let s = Sections::parse("story, timeline");
        assert!(s.story && s.timeline && !s.social);
        assert!(Sections::parse("SOCIAL").social);
        assert_eq!(Sections::parse("comments"), Sections::default());
        assert_eq!(Sections::parse(""), Sections::default());
    }

    #[test]
    fn attributes_configure_an_inline_viewer() {
        let attrs = |name: &str| match name {
            "data-src" => Some("a.json".to_owned()),
            "data-lang" => Some("ar".to_owned()),
            "data-sections" => Some("story".to_owned()),
            "data-history" => Some("On".to_owned()),
            "data-data" => Some(" LOW ".to_owned()),
            _ => None,
        };
        let o = ViewerOptions::from_attributes(attrs);
        assert!(o.low_data);
        assert_eq!(o.src.as_deref(), Some("a.json"));
        assert_eq!(o.lang.as_deref(), Some("ar"));
        assert!(o.sections.story && !o.sections.timeline);
        assert!(o.history);
        assert!(!o.owns_document());
        let bare = ViewerOptions::from_attributes(|_| None);
        assert!(!bare.history, "history is off by default");
        assert!(!bare.low_data, "full data by default");
        assert!(!asks_low_data(Some("full".to_owned())));
        assert_eq!(bare.sections, Sections::default());
    }

    #[test]
    fn the_iframe_page_reads_its_address() {
        let query = |name: &str| match name {
            "src" => Some("a.json".to_owned()),
            "host" => Some("https://Pub.Example".to_owned()),
            "sections" => Some("timeline".to_owned()),
            "lang" => Some(" ".to_owned()),
            _ => None,
        };
        let o = ViewerOptions::frame(query);
        assert_eq!(
            o.mode,
            Mode::Frame {
                host_origin: Some("https://pub.example".to_owned())
            }
        );
        assert_eq!(o.src.as_deref(), Some("a.json"));
        assert_eq!(o.lang, None);
        assert!(o.sections.timeline && !o.sections.story);
        assert!(!o.history && o.owns_document());
        let bad_host = ViewerOptions::frame(|n| (n == "host").then(|| "*".to_owned()));
        assert_eq!(bad_host.mode, Mode::Frame { host_origin: None });
    }

    #[test]
    fn host_origin_is_exact_or_nothing() {
        assert_eq!(
            host_origin("https://Pub.Example/").as_deref(),
            Some("https://pub.example")
        );
        assert_eq!(
            host_origin("http://127.0.0.1:4173").as_deref(),
            Some("http://127.0.0.1:4173")
        );
        for bad in [
            "*",
            "",
            "javascript:alert(1)",
            "https://a.example/path",
            "https://",
            "//a.example",
        ] {
            assert_eq!(host_origin(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn snippets_escape_what_they_quote() {
        let s = inline_snippet(
            "https://v.example/",
            Some("sha384-\"x"),
            "a.json\"><script>alert(1)</script>",
        );
        assert!(
            s.contains("data-src=\"a.json&quot;&gt;&lt;script&gt;"),
            "{s}"
        );
        assert!(s.contains(" integrity=\"sha384-&quot;x\" crossorigin=\"anonymous\">"));
        assert!(!s.contains("<script>alert"));
        // No hash known: no integrity attribute.
        assert!(inline_snippet("https://v.example/", None, "a.json")
            .starts_with("<script type=\"module\" src=\"https://v.example/embed.js\"></script>"));
        let f = iframe_snippet(
            "https://v.example/",
            "https://n.example/a b.json",
            "A \"title\"",
        );
        assert!(
            f.contains("embed.html?src=https://n.example/a%20b.json"),
            "{f}"
        );
        assert!(f.contains("title=\"A &quot;title&quot;\""));
        assert!(f.contains("sandbox=\"allow-scripts allow-same-origin"));
        assert!(!f.contains("\"*\""), "never posts to any origin");
    }

    #[test]
    fn the_embed_control_offers_both_snippets_to_copy() {
        let mut m = Markup::default();
        embed_code(&mut m, &crate::messages::FR);
        let tree = m.tree();
        let crate::markup::Node::Element(details) = &tree[0] else {
            panic!("{tree:?}")
        };
        assert_eq!(
            (details.name, details.get("class")),
            ("details", Some("embed-code"))
        );
        // Its forms are written when the reader opens it.
        let summary = &details.elements()[1];
        assert_eq!(summary.get("data-action"), Some("embed"));
        let mut m = Markup::default();
        embed_forms(
            &mut m,
            "<div data-article-viewer>",
            "<iframe>",
            &crate::messages::FR,
        );
        let forms: Vec<_> = m
            .tree()
            .into_iter()
            .filter_map(|n| match n {
                crate::markup::Node::Element(e) => Some(e),
                crate::markup::Node::Text(_) => None,
            })
            .collect();
        let all: Vec<_> = forms.iter().flat_map(|f| f.elements()).collect();
        let areas: Vec<String> = all
            .iter()
            .filter(|e| e.name == "textarea")
            .map(|e| e.text())
            .collect();
        assert_eq!(areas, ["<div data-article-viewer>", "<iframe>"]);
        let copy = all
            .iter()
            .filter(|e| e.get("data-action") == Some("copy"))
            .count();
        let status = all
            .iter()
            .filter(|e| e.get("role") == Some("status"))
            .count();
        assert_eq!((copy, status), (2, 2));
    }
}
