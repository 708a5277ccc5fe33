//! An HTML article page: its schema.org JSON-LD (`NewsArticle` and its
//! kinds, `LiveBlogPosting`, `Article`, `BlogPosting`, also inside an
//! `@graph`), with Open Graph and the page's own `<meta>` only filling the
//! gaps. A page without one is no story.
//!
//! The JSON-LD's `headline`, `description` (the standfirst),
//! `articleBody` (text, a paragraph per line), `datePublished`,
//! `dateModified`, `author`, `image`, `url`, `inLanguage`,
//! `articleSection`, `keywords`. Without an `articleBody`, the page's
//! first `<article>` (else `<main>`) goes through the allow-list as any
//! publisher HTML does. A `LiveBlogPosting`'s `liveBlogUpdate`s are its
//! timeline, each opening in place.

use article_core::url_policy::{Resolve, UrlUse};
use serde_json::Value;

use crate::dates::rfc3339_or_gmt;
use crate::html::{self, Event, Walker};
use crate::story::{headline_of, headline_or, present, Item, Source};
use crate::Unreadable;

/// What the page's head says, and where its story is.
#[derive(Default)]
struct Page {
    lang: Option<String>,
    base: Option<String>,
    canonical: Option<String>,
    /// `og:…`, `article:…`, `description`, `author`: the first of each.
    meta: Vec<(String, String)>,
    json_ld: Vec<String>,
    title: String,
}

impl Page {
    fn meta(&self, key: &str) -> Option<String> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| html::collapse(v))
            .and_then(present)
    }
}

pub fn read(text: &str, document: &str, resolve: Resolve<'_>) -> Result<Source, Unreadable> {
    let mut page = Page::default();
    // Inside the JSON-LD script being read, the title, the story.
    let (mut in_json_ld, mut in_title) = (false, false);
    let mut story: Option<(String, usize)> = None;
    let mut story_done = false;
    let mut events: Vec<Event> = Vec::new();
    html::tokens(text, &mut |event| {
        if let Some((name, depth)) = &mut story {
            match &event {
                Event::Start(n, _, void) if n == name && !void => *depth += 1,
                Event::End(n) if n == name => {
                    *depth -= 1;
                    if *depth == 0 {
                        story = None;
                        story_done = true;
                        return;
                    }
                }
                _ => {}
            }
            events.push(event);
            return;
        }
        match event {
            Event::Start(name, attributes, _) => {
                let attr = |key: &str| {
                    attributes
                        .iter()
                        .find(|(k, _)| k == key)
                        .map(|(_, v)| v.clone())
                };
                match name.as_str() {
                    "html" => page.lang = attr("lang").and_then(present),
                    "base" if page.base.is_none() => page.base = attr("href"),
                    "link"
                        if attr("rel").is_some_and(|r| {
                            r.split_whitespace()
                                .any(|r| r.eq_ignore_ascii_case("canonical"))
                        }) =>
                    {
                        page.canonical = page.canonical.take().or(attr("href"))
                    }
                    "meta" => {
                        if let (Some(key), Some(content)) =
                            (attr("property").or(attr("name")), attr("content"))
                        {
                            page.meta.push((key.to_ascii_lowercase(), content));
                        }
                    }
                    "script" => {
                        in_json_ld = attr("type")
                            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                        if in_json_ld {
                            page.json_ld.push(String::new());
                        }
                    }
                    "title" => in_title = true,
                    "article" | "main" if !story_done => story = Some((name, 1)),
                    _ => {}
                }
            }
            Event::End(name) => match name.as_str() {
                "script" => in_json_ld = false,
                "title" => in_title = false,
                _ => {}
            },
            Event::Text(text) => {
                if in_json_ld {
                    if let Some(last) = page.json_ld.last_mut() {
                        last.push_str(&text);
                    }
                } else if in_title {
                    page.title.push_str(&text);
                }
            }
        }
    });
    let base = page
        .base
        .as_deref()
        .and_then(|b| resolve(b, document, UrlUse::Link))
        .unwrap_or_else(|| document.to_owned());
    // A page is a story when its JSON-LD says so: a login page, a home
    // page or an error page is not one, whatever its title.
    let ld = page
        .json_ld
        .iter()
        .filter_map(|text| serde_json::from_str::<Value>(text).ok())
        .find_map(|value| find_story(&value).cloned())
        .ok_or_else(|| {
            Unreadable("an HTML page without a schema.org article in its JSON-LD".into())
        })?;
    let string = |v: &Value| match v {
        Value::String(s) => present(html::collapse(s)),
        Value::Array(list) => list
            .iter()
            .find_map(|v| v.as_str().map(html::collapse).and_then(present)),
        _ => None,
    };
    let standfirst = string(&ld["description"])
        .or_else(|| page.meta("og:description"))
        .or_else(|| page.meta("description"));
    let headline = headline_or(
        string(&ld["headline"])
            .or_else(|| string(&ld["name"]))
            .or_else(|| page.meta("og:title"))
            .unwrap_or_else(|| html::collapse(&page.title)),
        standfirst.as_deref(),
    );
    if headline.trim().is_empty() {
        return Err(Unreadable(
            "an HTML page without a headline: no JSON-LD article, no title".into(),
        ));
    }
    let link = string(&ld["url"])
        .or_else(|| string(&ld["mainEntityOfPage"]["@id"]))
        .or_else(|| string(&ld["mainEntityOfPage"]))
        .or_else(|| page.meta("og:url"))
        .or(page.canonical.clone())
        .and_then(|u| resolve(&u, &base, UrlUse::Link))
        .or_else(|| resolve(document, document, UrlUse::Link));
    let body = match string(&ld["articleBody"]) {
        Some(_) => ld["articleBody"]
            .as_str()
            .map(crate::jsonfeed::paragraphs_by_line)
            .unwrap_or_default(),
        None => {
            let mut walker = Walker::new(&base, resolve);
            for event in events {
                walker.event(event);
            }
            let mut blocks = walker.finish();
            // The page's own headline is the story's, not its first block.
            if blocks
                .first()
                .is_some_and(|b| b["type"] == "heading" && b["text"] == headline.as_str())
            {
                blocks.remove(0);
            }
            blocks
        }
    };
    let authors = names(&ld["author"])
        .into_iter()
        .chain(page.meta("author").filter(|_| ld["author"].is_null()))
        .collect();
    let image = image(&ld["image"])
        .or_else(|| page.meta("og:image"))
        .and_then(|src| resolve(&src, &base, UrlUse::Resource))
        .map(|src| (src, String::new()));
    let when = |v: &Value, meta: &str| {
        string(v)
            .or_else(|| page.meta(meta))
            .and_then(|t| rfc3339_or_gmt(&t))
    };
    let lang = string(&ld["inLanguage"]).or(page.lang.clone());
    let lead = Item {
        id: link.clone().unwrap_or_else(|| document.to_owned()),
        headline,
        standfirst,
        body,
        published: when(&ld["datePublished"], "article:published_time"),
        updated: when(&ld["dateModified"], "article:modified_time"),
        link: link.clone(),
        authors,
        image,
        section: string(&ld["articleSection"]).or_else(|| page.meta("article:section")),
        tags: match &ld["keywords"] {
            Value::String(s) => s
                .split(',')
                .map(html::collapse)
                .filter(|t| !t.is_empty())
                .collect(),
            Value::Array(list) => list
                .iter()
                .filter_map(|v| v.as_str().map(html::collapse))
                .filter(|t| !t.is_empty())
                .collect(),
            _ => Vec::new(),
        },
        lang: lang.clone(),
        protected: false,
    };
    let mut items = vec![lead];
    // A live blog's updates: its timeline.
    for (i, update) in ld["liveBlogUpdate"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let body = update["articleBody"]
            .as_str()
            .map(crate::jsonfeed::paragraphs_by_line)
            .unwrap_or_default();
        let Some(headline) =
            headline_of(string(&update["headline"]).unwrap_or_default(), None, &body)
        else {
            continue;
        };
        if body.is_empty() {
            continue;
        }
        let url = string(&update["url"]).and_then(|u| resolve(&u, &base, UrlUse::Link));
        items.push(Item {
            id: string(&update["@id"])
                .or_else(|| {
                    url.as_ref()
                        .and_then(|u| u.split_once('#').map(|(_, f)| f.to_owned()))
                })
                .unwrap_or_else(|| format!("update-{}", i + 1)),
            headline,
            body,
            published: string(&update["datePublished"]).and_then(|t| rfc3339_or_gmt(&t)),
            link: url.or_else(|| link.clone()),
            authors: names(&update["author"]),
            lang: lang.clone(),
            ..Item::default()
        });
    }
    Ok(Source {
        title: page.meta("og:site_name"),
        lang,
        items,
        lead: true,
    })
}

const STORY_TYPES: [&str; 10] = [
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "Report",
];

/// The first story in a JSON-LD value: itself, an item of a list or of its
/// `@graph`.
fn find_story(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(list) => list.iter().find_map(find_story),
        Value::Object(o) => {
            let is_story = match &o.get("@type") {
                Some(Value::String(t)) => STORY_TYPES.contains(&t.as_str()),
                Some(Value::Array(types)) => types
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| STORY_TYPES.contains(&t))),
                _ => false,
            };
            if is_story {
                Some(value)
            } else {
                o.get("@graph").and_then(find_story)
            }
        }
        _ => None,
    }
}

/// The names of a JSON-LD `author`: a name, a `Person`, or a list of them.
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => present(html::collapse(s)).into_iter().collect(),
        Value::Array(list) => list.iter().flat_map(names).collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(html::collapse)
            .and_then(present)
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// A JSON-LD `image`: an address, an `ImageObject`, or a list (the first).
fn image(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => present(s.trim()),
        Value::Array(list) => list.iter().find_map(image),
        Value::Object(o) => o.get("url").or(o.get("contentUrl")).and_then(image),
        _ => None,
    }
}
