//! The story's body as elements: what each block becomes — which element,
//! which attributes, which interface words — decided here and tested
//! natively. The browser shell builds exactly this tree with
//! `createElement`, `setAttribute` and text nodes (never HTML), and the
//! native render writes the same tree; neither decides anything of its own.
//!
//! Why a tree and not one component per block: each Leptos view is its own
//! generic code in the wasm, and a newsroom's block types are many. Built
//! from this tree, a new block costs a few hundred bytes of plain Rust
//! instead of a few kilobytes of view code (measured when the blocks issue
//! added eight types; see the README, "Performance").
//!
//! Every string here came from the network: it is only ever a text node or
//! an attribute value, and every `href` and `src` went through the
//! [URL policy](crate::url_policy) and was resolved against the story's own
//! address (a relative image is next to its article, not to the page). The
//! few controls inside the story (share, show an image, load a third
//! party's content, open a related story) carry a `data-action`
//! ([`Action`]) that the shell's one listener acts on.

mod blocks;
mod corrections;
mod header;
mod media;
mod table;
mod third_party;

use crate::article::{Article, Provider};
use crate::messages::Messages;
use crate::time::Timestamp;
use crate::url_policy::UrlUse;

pub use self::third_party::player_frame;

/// The body as a stream of instructions to build it: open an element, give
/// it an attribute, add text, close it. (A stream, not a tree of owned
/// nodes: each step is one push, which keeps the code that writes it small;
/// [`Markup::tree`] gives the tree, for the native render and for tests.)
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markup {
    pub ops: Vec<Op>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A new element, the child of the one open, open until its `Close`.
    Open(&'static str),
    /// An attribute of the element open.
    Attr(&'static str, String),
    /// Text, shown as text whatever it holds.
    Text(String),
    Close,
}

impl Markup {
    pub fn open(&mut self, name: &'static str) -> &mut Markup {
        self.ops.push(Op::Open(name));
        self
    }

    pub fn attr(&mut self, name: &'static str, value: impl Into<String>) -> &mut Markup {
        self.ops.push(Op::Attr(name, value.into()));
        self
    }

    pub fn class(&mut self, class: &'static str) -> &mut Markup {
        self.attr("class", class)
    }

    pub fn text(&mut self, text: impl Into<String>) -> &mut Markup {
        self.ops.push(Op::Text(text.into()));
        self
    }

    pub fn close(&mut self) -> &mut Markup {
        self.ops.push(Op::Close);
        self
    }

    /// An element holding only `text`: `<name class="…">text</name>`.
    pub fn leaf(&mut self, name: &'static str, class: &'static str, text: &str) -> &mut Markup {
        self.open(name);
        if !class.is_empty() {
            self.class(class);
        }
        self.text(text).close()
    }

    /// The markup as HTML, for the story written ahead of time: every text
    /// and attribute value escaped, so what it holds stays text.
    pub fn html(&self) -> String {
        const VOID: [&str; 6] = ["img", "input", "track", "br", "hr", "source"];
        let mut out = String::new();
        let mut open: Vec<&str> = Vec::new();
        let mut in_tag = false;
        for op in &self.ops {
            if in_tag && !matches!(op, Op::Attr(..)) {
                out.push('>');
                in_tag = false;
            }
            match op {
                Op::Open(name) => {
                    out.push('<');
                    out.push_str(name);
                    open.push(name);
                    in_tag = true;
                }
                Op::Attr(name, value) => {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape(&mut out, value);
                    out.push('"');
                }
                Op::Text(text) => escape(&mut out, text),
                Op::Close => {
                    if let Some(name) = open.pop() {
                        if !VOID.contains(&name) {
                            out.push_str("</");
                            out.push_str(name);
                            out.push('>');
                        }
                    }
                }
            }
        }
        if in_tag {
            out.push('>');
        }
        out
    }

    /// The elements and texts as a tree.
    pub fn tree(&self) -> Vec<Node> {
        let mut stack: Vec<Element> = vec![Element::new("")];
        for op in &self.ops {
            let top = stack.len() - 1;
            match op {
                Op::Open(name) => stack.push(Element::new(name)),
                Op::Attr(name, value) => stack[top].attributes.push((name, value.clone())),
                Op::Text(text) => stack[top].children.push(Node::Text(text.clone())),
                Op::Close if top > 0 => {
                    let done = stack.pop().unwrap_or_else(|| Element::new(""));
                    stack[top - 1].children.push(Node::Element(done));
                }
                Op::Close => {}
            }
        }
        while stack.len() > 1 {
            let done = stack.pop().unwrap_or_else(|| Element::new(""));
            let top = stack.len() - 1;
            stack[top].children.push(Node::Element(done));
        }
        stack.pop().map(|root| root.children).unwrap_or_default()
    }
}

/// Escapes text for an HTML text node or a quoted attribute value.
fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// An element of [`Markup::tree`]: its name, its attributes in order, its
/// children.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub name: &'static str,
    pub attributes: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn new(name: &'static str) -> Element {
        Element {
            name,
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// The value of attribute `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Its text, as a reader reads it.
    pub fn text(&self) -> String {
        self.children.iter().map(Node::text).collect()
    }

    /// This element and every element inside it, in document order.
    pub fn elements(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for child in &self.children {
            if let Node::Element(e) = child {
                out.extend(e.elements());
            }
        }
        out
    }
}

impl Node {
    pub fn text(&self) -> String {
        match self {
            Node::Text(text) => text.clone(),
            Node::Element(e) => e.text(),
        }
    }
}

/// What a control inside the body does when pressed; its `data-action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// "Show image" for a reader who asked for less data: the image before
    /// it gets its `src` from its `data-src`.
    ShowImage,
    /// "Load content from …": the embed around it becomes its player.
    Load,
    /// "Always load content from …": a checkbox kept per provider.
    Always,
    /// A related story opened in place from its `data-article`.
    Open,
    /// The story's address (`data-url`) to the share sheet or the clipboard.
    Share,
}

impl Action {
    pub const ALL: [Action; 5] = [
        Action::ShowImage,
        Action::Load,
        Action::Always,
        Action::Open,
        Action::Share,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Action::ShowImage => "show-image",
            Action::Load => "load",
            Action::Always => "always",
            Action::Open => "open",
            Action::Share => "share",
        }
    }

    pub fn from_key(key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == key)
    }
}

/// What the body's elements depend on besides the article.
pub struct Settings<'a> {
    pub messages: &'static Messages,
    /// The reader asked for less data: images wait for "Show image".
    pub low_data: bool,
    /// The providers whose content this reader chose to always load.
    pub always: &'a dyn Fn(Provider) -> bool,
    /// A `href` or `src` of the story made absolute against the story's own
    /// address, if the URL policy allows it for that use.
    pub resolve: &'a dyn Fn(&str, UrlUse) -> Option<String>,
    /// A related story's `article`: its address in the viewer and its
    /// resolved URL, if it may be opened.
    pub open: &'a dyn Fn(&str) -> Option<(String, String)>,
    /// A time in words for the reader ("15 October 2025 at 12:40").
    pub time: &'a dyn Fn(&Timestamp) -> String,
    /// A time in full, with its zone, for a tooltip.
    pub full: &'a dyn Fn(&Timestamp) -> String,
    /// A number in the interface language's digits.
    pub number: &'a dyn Fn(u32) -> String,
    /// The address that shows this story, for the Share button.
    pub share_url: &'a str,
}

/// The story: its header, the lead image, the body's blocks, the
/// corrections (what goes inside its `<article>`).
pub fn story(article: &Article, settings: &Settings) -> Markup {
    let mut m = Markup::default();
    header::header(&mut m, article, settings);
    if let Some(image) = &article.image {
        media::figure(&mut m, image, true, settings);
    }
    m.open("div").class("story__body");
    for (i, block) in article.body.iter().enumerate() {
        blocks::block(&mut m, block, i, settings);
    }
    m.close();
    corrections::corrections(&mut m, &article.corrections, settings);
    m
}

#[cfg(test)]
mod tests;
