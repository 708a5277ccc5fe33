//! Publishers' HTML onto the format's typed blocks, through an allow-list.
//!
//! The HTML is hostile. It is tokenized by a WHATWG tokenizer (html5gum:
//! character references decoded, `script`, `style` and the other raw-text
//! elements read as the browser would) and never becomes a DOM, let alone
//! HTML again: each token is an event for the [`Walker`], which keeps what
//! the allow-list names and turns it into the blocks of article format v1,
//! whose texts the viewer renders as text.
//!
//! - `p`, `div` and the other sectioning elements: paragraphs, with `a`,
//!   `strong`/`b`, `em`/`i` as spans; `br` ends a paragraph;
//! - `h1`–`h6`: sub-headings; `blockquote`: a quote; `ul`/`ol`: lists;
//!   `table`: a table (`th` in its first row: the header);
//! - `img` (lazy images' `data-src`, `data-lazy-src` and `srcset`
//!   understood), inside or outside a `figure` with its `figcaption`;
//! - WordPress's embed figures and the providers' own iframes and
//!   blockquotes: `embed` blocks, which the viewer loads only on a click;
//! - `script`, `style`, `template`, other `iframe`s, `object`, `embed`,
//!   `svg`, `math`, `form`, `noscript`, comments: nothing at all;
//! - anything else: its text.
//!
//! Every URL goes through the one URL policy, joined to the document's base.
//! The Atom `xhtml` content, already parsed by the XML parser, feeds the
//! same walker (`crate::xml`).

use article_core::url_policy::{Resolve, UrlUse};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use serde_json::{json, Map, Value};

/// The blocks of the HTML fragment `html`, its URLs joined to `base`.
pub fn blocks(html: &str, base: &str, resolve: Resolve<'_>) -> Vec<Value> {
    let mut walker = Walker::new(base, resolve);
    tokens(html, &mut |event| walker.event(event));
    walker.finish()
}

/// The text of the HTML fragment `html` (a title, an excerpt): character
/// references decoded, tags dropped, whitespace collapsed.
pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut skip = Skip::default();
    tokens(html, &mut |event| match event {
        Event::Start(name, _, void) => {
            skip.start(&name, void);
            if !skip.active() && is_block(&name) {
                out.push(' ');
            }
        }
        Event::End(name) => {
            skip.end(&name);
        }
        Event::Text(t) if !skip.active() => out.push_str(&t),
        Event::Text(_) => {}
    });
    collapse(&out)
}

/// What the tokenizer says, in owned UTF-8.
pub enum Event {
    /// A start tag: its name (lower case), its attributes, whether it has no
    /// end tag (void, or written self-closing).
    Start(String, Vec<(String, String)>, bool),
    End(String),
    Text(String),
}

/// Feeds `html`'s tokens to `each`, comments and doctypes left out.
pub fn tokens(html: &str, each: &mut dyn FnMut(Event)) {
    let mut emitter = DefaultEmitter::default();
    // `script`, `style`, `textarea`, `title`… read as raw text, as the
    // browser would: a `<p>` inside a `<script>` is no paragraph.
    emitter.naively_switch_states(true);
    let utf8 = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = utf8(&tag.name);
                let void = tag.self_closing || is_void(&name);
                let attributes = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| (utf8(k), utf8(&v.value)))
                    .collect();
                each(Event::Start(name, attributes, void));
            }
            Token::EndTag(tag) => each(Event::End(utf8(&tag.name))),
            Token::String(text) => each(Event::Text(utf8(&text.value))),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "figure"
            | "figcaption"
    )
}

/// Elements whose content gives nothing: their text is code, styling,
/// another document or a control, never the story.
fn gives_nothing(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "form"
            | "noscript"
            | "head"
            | "title"
            | "textarea"
            | "select"
            | "button"
            | "audio"
            | "video"
            | "canvas"
            | "map"
            | "frameset"
            | "noembed"
            | "noframes"
            | "xmp"
            | "plaintext"
    )
}

/// Inside an element that gives nothing, until its end tag (counting
/// nested ones of the same name). An element left open hides the rest: the
/// safe way to be wrong.
#[derive(Default)]
struct Skip {
    name: Option<String>,
    depth: usize,
}

impl Skip {
    fn active(&self) -> bool {
        self.name.is_some()
    }

    /// Whether `name` starts (or continues) something skipped.
    fn start(&mut self, name: &str, void: bool) -> bool {
        match &self.name {
            Some(skipped) => {
                if skipped == name && !void {
                    self.depth += 1;
                }
                true
            }
            None if gives_nothing(name) => {
                if !void {
                    self.name = Some(name.to_owned());
                    self.depth = 1;
                }
                true
            }
            None => false,
        }
    }

    /// Whether `name`'s end tag belongs to something skipped.
    fn end(&mut self, name: &str) -> bool {
        match &self.name {
            Some(skipped) => {
                if skipped == name {
                    self.depth -= 1;
                    if self.depth == 0 {
                        self.name = None;
                    }
                }
                true
            }
            None => false,
        }
    }
}

/// Whitespace runs as one space, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A span of a paragraph being written.
struct Span {
    text: String,
    href: Option<String>,
    bold: bool,
    italic: bool,
}

/// Where text goes that is not a paragraph's: a heading, a quote, a list
/// item, a table cell, a caption.
#[derive(PartialEq, Clone, Copy)]
enum Capture {
    Heading,
    Quote,
    Item,
    Cell,
    Caption,
    /// A provider's blockquote (a post on X, Instagram): its text is the
    /// embed's title.
    EmbedQuote,
    /// WordPress's embed wrapper, whose text is the content's address.
    EmbedUrl,
}

#[derive(Default)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    /// The row being read has only `th` cells so far.
    row_all_th: bool,
    caption: Option<String>,
}

#[derive(Default)]
struct Figure {
    image: Option<Map<String, Value>>,
    embed: Option<(String, String)>,
    caption: String,
    /// The figure is WordPress's embed block (`wp-block-embed`).
    wp_embed: Option<String>,
    /// How many blocks were written before it: a table inside it takes its
    /// caption.
    start: usize,
}

/// The walk: the open elements that matter, the blocks written so far.
pub struct Walker<'a> {
    base: String,
    resolve: Resolve<'a>,
    blocks: Vec<Value>,
    spans: Vec<Span>,
    bold: usize,
    italic: usize,
    links: Vec<Option<String>>,
    skip: Skip,
    capture: Option<(Capture, String)>,
    /// Open lists: ordered, items so far.
    lists: Vec<(bool, Vec<String>)>,
    table: Option<Table>,
    figure: Option<Figure>,
    /// An open provider blockquote: its provider and address.
    embed_quote: Option<(String, String)>,
}

impl<'a> Walker<'a> {
    pub fn new(base: &str, resolve: Resolve<'a>) -> Walker<'a> {
        Walker {
            base: base.to_owned(),
            resolve,
            blocks: Vec::new(),
            spans: Vec::new(),
            bold: 0,
            italic: 0,
            links: Vec::new(),
            skip: Skip::default(),
            capture: None,
            lists: Vec::new(),
            table: None,
            figure: None,
            embed_quote: None,
        }
    }

    fn url(&self, raw: &str, url_use: UrlUse) -> Option<String> {
        (self.resolve)(raw.trim(), &self.base, url_use)
    }

    pub fn event(&mut self, event: Event) {
        match event {
            Event::Start(name, attributes, void) => self.start(&name, &attributes, void),
            Event::End(name) => self.end(&name),
            Event::Text(text) => self.text(&text),
        }
    }

    fn start(&mut self, name: &str, attributes: &[(String, String)], void: bool) {
        let attr = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if self.skip.active() {
            self.skip.start(name, void);
            return;
        }
        if name == "iframe" {
            // A provider's player becomes an embed behind the click; any
            // other frame gives nothing.
            if let Some(embed) = attr("src")
                .or(attr("data-src"))
                .and_then(|src| self.provider_page(src))
            {
                self.add_embed(embed);
            }
        }
        if self.skip.start(name, void) {
            return;
        }
        let class = attr("class").unwrap_or_default();
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "main" | "aside"
            | "pre" | "address" | "details" | "summary" | "dl" | "dt" | "dd" | "hr" => {
                if self.capture.is_none() {
                    self.end_paragraph();
                } else {
                    self.capture_text(" ");
                }
                if name == "div" && class.contains("wp-block-embed__wrapper") {
                    if let Some(figure) = &self.figure {
                        if figure.wp_embed.is_some() && self.capture.is_none() {
                            self.capture = Some((Capture::EmbedUrl, String::new()));
                        }
                    }
                }
            }
            "br" => {
                if self.capture.is_some() {
                    self.capture_text(" ");
                } else {
                    self.end_paragraph();
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.open_capture(Capture::Heading),
            "blockquote" => {
                if class.contains("twitter-tweet") || class.contains("instagram-media") {
                    let provider = if class.contains("twitter") {
                        "x"
                    } else {
                        "instagram"
                    };
                    let page =
                        attr("data-instgrm-permalink").and_then(|u| self.url(u, UrlUse::Link));
                    self.end_paragraph();
                    self.embed_quote = Some((provider.to_owned(), page.unwrap_or_default()));
                    self.capture = Some((Capture::EmbedQuote, String::new()));
                } else {
                    self.open_capture(Capture::Quote);
                }
            }
            "ul" | "ol" => {
                if self.lists.is_empty() {
                    self.end_paragraph();
                } else {
                    self.close_item();
                }
                self.lists.push((name == "ol", Vec::new()));
            }
            "li" => {
                if self.lists.is_empty() {
                    self.end_paragraph();
                    self.lists.push((false, Vec::new()));
                }
                self.close_item();
                self.capture = Some((Capture::Item, String::new()));
            }
            "table" => {
                self.end_paragraph();
                if self.table.is_none() {
                    self.table = Some(Table::default());
                }
            }
            "tr" => {
                self.close_cell();
                self.close_row();
                if let Some(table) = &mut self.table {
                    table.row_all_th = true;
                }
            }
            "td" | "th" => {
                self.close_cell();
                if let Some(table) = &mut self.table {
                    if name == "td" {
                        table.row_all_th = false;
                    }
                    self.capture = Some((Capture::Cell, String::new()));
                }
            }
            "caption" if self.table.is_some() => self.open_capture(Capture::Caption),
            "figure" => {
                self.end_paragraph();
                let wp_embed = class.contains("wp-block-embed").then(|| {
                    class
                        .split_whitespace()
                        .find_map(|c| c.strip_prefix("is-provider-"))
                        .unwrap_or_default()
                        .to_owned()
                });
                self.figure = Some(Figure {
                    wp_embed,
                    start: self.blocks.len(),
                    ..Figure::default()
                });
            }
            "figcaption" => self.open_capture(Capture::Caption),
            "img" => {
                if let Some(image) = self.image(&attr) {
                    match &mut self.figure {
                        Some(figure) if figure.image.is_none() => figure.image = Some(image),
                        _ => {
                            self.end_paragraph();
                            self.blocks.push(Value::Object(image));
                        }
                    }
                }
            }
            "a" => {
                let href = attr("href").and_then(|h| self.url(h, UrlUse::Link));
                if let (Some(quote), Some(href)) = (&mut self.embed_quote, &href) {
                    if quote.1.is_empty() && provider_of(href).is_some() {
                        quote.1 = href.clone();
                    }
                }
                self.links.push(href);
            }
            "strong" | "b" => self.bold += 1,
            "em" | "i" => self.italic += 1,
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if self.skip.end(name) {
            return;
        }
        match name {
            "p" | "div" | "section" | "article" | "header" | "footer" | "main" | "aside"
            | "pre" | "address" | "details" | "summary" | "dl" | "dt" | "dd" => {
                match &self.capture {
                    Some((Capture::EmbedUrl, _)) => self.close_capture(),
                    Some(_) => self.capture_text(" "),
                    None => self.end_paragraph(),
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                if matches!(self.capture, Some((Capture::Heading, _))) {
                    self.close_capture();
                }
            }
            "blockquote" => {
                if matches!(
                    self.capture,
                    Some((Capture::Quote | Capture::EmbedQuote, _))
                ) {
                    self.close_capture();
                }
            }
            "li" => self.close_item(),
            "ul" | "ol" => {
                self.close_item();
                if let Some((ordered, items)) = self.lists.pop() {
                    match self.lists.last_mut() {
                        // A nested list's items join the list around it.
                        Some((_, outer)) => outer.extend(items),
                        None if !items.is_empty() => self
                            .blocks
                            .push(json!({"type": "list", "ordered": ordered, "items": items})),
                        None => {}
                    }
                }
            }
            "td" | "th" => self.close_cell(),
            "tr" => {
                self.close_cell();
                self.close_row();
            }
            "caption" | "figcaption" => {
                if matches!(self.capture, Some((Capture::Caption, _))) {
                    self.close_capture();
                }
            }
            "table" => {
                self.close_cell();
                self.close_row();
                if let Some(table) = self.table.take() {
                    self.push_table(table);
                }
            }
            "figure" => {
                self.close_capture();
                if let Some(figure) = self.figure.take() {
                    self.push_figure(figure);
                }
            }
            "a" => {
                self.links.pop();
            }
            "strong" | "b" => self.bold = self.bold.saturating_sub(1),
            "em" | "i" => self.italic = self.italic.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip.active() {
            return;
        }
        if self.capture.is_some() {
            self.capture_text(text);
            return;
        }
        if self.table.is_some() || !self.lists.is_empty() {
            // Between cells and items: only whitespace belongs here.
            if text.trim().is_empty() {
                return;
            }
            if let Some(table) = &mut self.table {
                table.row.push(collapse(text));
                return;
            }
            self.capture = Some((Capture::Item, text.to_owned()));
            return;
        }
        let href = self.links.iter().rev().flatten().next().cloned();
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        match self.spans.last_mut() {
            Some(last) if last.href == href && last.bold == bold && last.italic == italic => {
                last.text.push_str(text)
            }
            _ => self.spans.push(Span {
                text: text.to_owned(),
                href,
                bold,
                italic,
            }),
        }
    }

    fn capture_text(&mut self, text: &str) {
        if let Some((_, captured)) = &mut self.capture {
            captured.push_str(text);
        }
    }

    fn open_capture(&mut self, capture: Capture) {
        if self.capture.is_some() {
            // Already inside one: its text joins the one open.
            self.capture_text(" ");
            return;
        }
        self.end_paragraph();
        self.capture = Some((capture, String::new()));
    }

    /// Ends the capture open, writing what it captured where it belongs.
    fn close_capture(&mut self) {
        let Some((capture, raw)) = self.capture.take() else {
            return;
        };
        let text = collapse(&raw);
        match capture {
            Capture::Heading if !text.is_empty() => {
                self.blocks.push(json!({"type": "heading", "text": text}))
            }
            Capture::Quote if !text.is_empty() => {
                self.blocks.push(json!({"type": "quote", "text": text}))
            }
            Capture::Item if !text.is_empty() => {
                if let Some((_, items)) = self.lists.last_mut() {
                    items.push(text)
                }
            }
            Capture::Cell => {
                if let Some(table) = &mut self.table {
                    table.row.push(text)
                }
            }
            Capture::Caption => match (&mut self.figure, &mut self.table) {
                (Some(figure), _) => figure.caption = text,
                (None, Some(table)) if !text.is_empty() => table.caption = Some(text),
                _ => {}
            },
            Capture::EmbedQuote => {
                if let Some((provider, url)) = self.embed_quote.take() {
                    if url.is_empty() {
                        if !text.is_empty() {
                            self.blocks.push(json!({"type": "quote", "text": text}))
                        }
                    } else {
                        let mut title = text;
                        if title.chars().count() > 200 {
                            title = title.chars().take(199).collect::<String>() + "…";
                        }
                        self.add_embed_titled(provider, url, title);
                    }
                }
            }
            Capture::EmbedUrl => {
                if let Some(embed) = self.url(&text, UrlUse::Link).and_then(|u| {
                    provider_of(&u)
                        .or_else(|| {
                            let wp = self.figure.as_ref()?.wp_embed.as_deref()?;
                            Some(provider_key(wp))
                        })
                        .map(|p| (p.to_owned(), u))
                }) {
                    if let Some(figure) = &mut self.figure {
                        figure.embed = Some(embed);
                    }
                }
            }
            _ => {}
        }
    }

    fn close_item(&mut self) {
        if matches!(self.capture, Some((Capture::Item, _))) {
            self.close_capture();
        }
    }

    fn close_cell(&mut self) {
        if matches!(self.capture, Some((Capture::Cell, _))) {
            self.close_capture();
        }
    }

    fn close_row(&mut self) {
        if let Some(table) = &mut self.table {
            let row = std::mem::take(&mut table.row);
            if row.iter().all(|c| c.is_empty()) {
                return;
            }
            if table.row_all_th && table.header.is_empty() && table.rows.is_empty() {
                table.header = row;
            } else {
                table.rows.push(row);
            }
        }
    }

    fn push_table(&mut self, table: Table) {
        if table.rows.is_empty() && table.header.is_empty() {
            return;
        }
        let mut block = json!({"type": "table", "header": table.header, "rows": table.rows});
        if let Some(caption) = table.caption {
            block["caption"] = caption.into();
        }
        self.blocks.push(block);
    }

    fn push_figure(&mut self, figure: Figure) {
        let caption = collapse(&figure.caption);
        if let Some((provider, url)) = figure.embed {
            let title = if caption.is_empty() {
                url.clone()
            } else {
                caption.clone()
            };
            let mut block =
                json!({"type": "embed", "provider": provider, "url": url, "title": title});
            if !caption.is_empty() {
                block["caption"] = caption.into();
            }
            self.blocks.push(block);
        } else if let Some(mut image) = figure.image {
            if !caption.is_empty() {
                image.insert("caption".into(), caption.into());
            }
            self.blocks.push(Value::Object(image));
        } else if caption.is_empty() {
        } else if let Some(table) = self.blocks[figure.start..]
            .iter_mut()
            .find(|b| b["type"] == "table" && b.get("caption").is_none())
        {
            table["caption"] = caption.into();
        } else {
            self.blocks
                .push(json!({"type": "paragraph", "text": caption}));
        }
    }

    /// An image block from an `img`'s attributes, if it has an address the
    /// policy allows: a lazy image's real one first.
    fn image<'t>(&self, attr: &dyn Fn(&str) -> Option<&'t str>) -> Option<Map<String, Value>> {
        let candidates = [
            attr("data-src"),
            attr("data-lazy-src"),
            attr("data-srcset").and_then(best_of_srcset),
            attr("srcset").and_then(best_of_srcset),
            attr("src").filter(|s| !s.trim_start().starts_with("data:")),
        ];
        let src = candidates
            .into_iter()
            .flatten()
            .find_map(|raw| self.url(raw, UrlUse::Resource))?;
        let mut image = Map::new();
        image.insert("type".into(), "image".into());
        image.insert("src".into(), src.into());
        image.insert(
            "alt".into(),
            collapse(attr("alt").unwrap_or_default()).into(),
        );
        for key in ["width", "height"] {
            if let Some(n) = attr(key)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .filter(|n| *n > 0)
            {
                image.insert(key.into(), n.into());
            }
        }
        Some(image)
    }

    /// The provider's page for a player's address, if it is one of theirs.
    fn provider_page(&self, src: &str) -> Option<(String, String)> {
        let url = self.url(src, UrlUse::Link)?;
        let page = player_page(&url)?;
        let provider = provider_of(&page)?;
        Some((provider.to_owned(), page))
    }

    fn add_embed(&mut self, (provider, url): (String, String)) {
        if let Some(figure) = &mut self.figure {
            if figure.embed.is_none() {
                figure.embed = Some((provider, url));
            }
            return;
        }
        let title = url.clone();
        self.add_embed_titled(provider, url, title);
    }

    fn add_embed_titled(&mut self, provider: String, url: String, title: String) {
        self.end_paragraph();
        self.blocks
            .push(json!({"type": "embed", "provider": provider, "url": url, "title": title}));
    }

    /// Writes the paragraph being read, if it has any text.
    fn end_paragraph(&mut self) {
        let spans = std::mem::take(&mut self.spans);
        // Whitespace collapsed across spans, as the browser would show it.
        let mut out: Vec<Value> = Vec::new();
        let mut last_space = true;
        for span in spans {
            let mut text = String::new();
            for c in span.text.chars() {
                if c.is_whitespace() {
                    if !last_space {
                        text.push(' ');
                    }
                    last_space = true;
                } else {
                    text.push(c);
                    last_space = false;
                }
            }
            if text.is_empty() {
                continue;
            }
            let mut value = Map::new();
            value.insert("text".into(), text.into());
            if let Some(href) = span.href {
                value.insert("href".into(), href.into());
            }
            if span.bold {
                value.insert("bold".into(), true.into());
            }
            if span.italic {
                value.insert("italic".into(), true.into());
            }
            out.push(Value::Object(value));
        }
        if let Some(Value::Object(last)) = out.last_mut() {
            if let Some(Value::String(t)) = last.get_mut("text") {
                let trimmed = t.trim_end().len();
                t.truncate(trimmed);
            }
        }
        out.retain(|s| s["text"].as_str().is_some_and(|t| !t.is_empty()));
        if out
            .iter()
            .all(|s| s["text"].as_str().is_some_and(|t| t.trim().is_empty()))
        {
            return;
        }
        let plain = out.len() == 1 && out[0].as_object().is_some_and(|o| o.len() == 1);
        if plain {
            self.blocks
                .push(json!({"type": "paragraph", "text": out[0]["text"].clone()}));
        } else {
            self.blocks.push(json!({"type": "paragraph", "spans": out}));
        }
    }

    /// The blocks, every element still open closed.
    pub fn finish(mut self) -> Vec<Value> {
        // An element that gives nothing, left open, has hidden the rest.
        self.skip = Skip::default();
        self.close_capture();
        self.close_cell();
        self.close_row();
        if let Some(table) = self.table.take() {
            self.push_table(table);
        }
        while !self.lists.is_empty() {
            self.end("ul");
        }
        if let Some(figure) = self.figure.take() {
            self.push_figure(figure);
        }
        self.end_paragraph();
        self.blocks
    }
}

/// The widest candidate of a `srcset` (`url 800w, url 1600w` or `url 2x`).
fn best_of_srcset(srcset: &str) -> Option<&str> {
    srcset
        .split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let size = parts.next().map_or(Some(1000), descriptor)?;
            Some((url, size))
        })
        .max_by_key(|(_, size)| *size)
        .map(|(url, _)| url)
}

/// A `srcset` descriptor (`800w`, `1.5x`) in thousandths, without floats
/// (the standard library's float parser and its tables were 11 KB of this
/// module's gzip).
fn descriptor(d: &str) -> Option<u64> {
    let number = d.strip_suffix(['w', 'x'])?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if number.is_empty() || whole.len() > 9 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let thousandths = fraction.bytes().chain(std::iter::repeat(b'0')).take(3);
    let fraction = thousandths.fold(0, |n, b| n * 10 + u64::from(b - b'0'));
    Some(whole.parse::<u64>().unwrap_or(0) * 1000 + fraction)
}

/// The format's provider key for a WordPress `is-provider-…` class.
fn provider_key(wp: &str) -> &'static str {
    match wp {
        "youtube" => "youtube",
        "vimeo" => "vimeo",
        "twitter" | "x" => "x",
        "instagram" => "instagram",
        "tiktok" => "tiktok",
        "spotify" => "spotify",
        "soundcloud" => "soundcloud",
        _ => "other",
    }
}

/// The host of an absolute URL, lower case, without `www.`.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    Some(host.strip_prefix("www.").map(str::to_owned).unwrap_or(host))
}

/// The provider whose page `url` is, if one the format knows.
pub fn provider_of(url: &str) -> Option<&'static str> {
    if !url.starts_with("https://") {
        return None;
    }
    let host = host(url)?;
    let is = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    Some(if is("youtube.com") || is("youtu.be") {
        "youtube"
    } else if is("vimeo.com") {
        "vimeo"
    } else if is("x.com") || is("twitter.com") {
        "x"
    } else if is("instagram.com") {
        "instagram"
    } else if is("tiktok.com") {
        "tiktok"
    } else if is("spotify.com") {
        "spotify"
    } else if is("soundcloud.com") {
        "soundcloud"
    } else {
        return None;
    })
}

/// The provider's page for one of its players' addresses (a frame's
/// address is never what the format holds): YouTube's `/embed/ID` is
/// `watch?v=ID`, Vimeo's `player.vimeo.com/video/ID` is `vimeo.com/ID`;
/// the others' players are their pages.
fn player_page(url: &str) -> Option<String> {
    let host = host(url)?;
    let path = url
        .split_once("://")?
        .1
        .split_once('/')
        .map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let id_after = |prefix: &str| {
        path.strip_prefix(prefix)
            .map(|id| id.split('/').next().unwrap_or_default())
            .filter(|id| {
                !id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
            .map(str::to_owned)
    };
    match host.as_str() {
        "youtube.com" | "youtube-nocookie.com" => {
            id_after("embed/").map(|id| format!("https://www.youtube.com/watch?v={id}"))
        }
        "player.vimeo.com" => id_after("video/").map(|id| format!("https://vimeo.com/{id}")),
        _ => provider_of(url).map(|_| url.to_owned()),
    }
}

#[cfg(test)]
mod tests;
