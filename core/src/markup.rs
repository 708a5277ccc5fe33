//! Markup: elements, attributes and text as a stream of instructions (open
//! an element, give it an attribute, add text, close it), which the core
//! writes for what the viewer shows — the story, the social bar — and the
//! browser shell builds with `createElement`, `setAttribute` and text nodes
//! (`src/browser/markup.rs`), never as HTML. For the HTML written ahead of
//! time — the snippet command, the build's prerender and the Embed control,
//! natively and in the browser alike — [`Markup::html`] writes it, escaping
//! every text and attribute as any server-side renderer does: one writer,
//! so the three agree byte for byte.
//!
//! A stream rather than a tree of owned nodes: each step is one push, which
//! keeps the code that writes markup small in the wasm;
//! [`Markup::tree`] gives the tree, for tests.

/// Elements and text, in document order.
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

    /// The markup as HTML: every text and attribute value escaped, void
    /// elements without an end tag, an element left open closed at the end.
    /// Names are the core's own constants, never the network's.
    pub fn html(&self) -> String {
        let mut out = String::with_capacity(self.ops.len() * 16);
        self.write_html(&mut out);
        out
    }

    /// [`html`](Self::html), at the end of `out`.
    pub fn write_html(&self, out: &mut String) {
        let mut open: Vec<&'static str> = Vec::new();
        // The start tag written so far still takes attributes.
        let mut in_tag = false;
        for op in &self.ops {
            match op {
                Op::Attr(name, value) if in_tag => {
                    out.push(' ');
                    out.push_str(name);
                    if !value.is_empty() {
                        out.push_str("=\"");
                        escape_into(out, value, true);
                        out.push('"');
                    }
                    continue;
                }
                Op::Attr(..) => continue,
                _ => {}
            }
            if in_tag {
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
                Op::Text(text) => escape_into(out, text, false),
                Op::Close => close_tag(out, open.pop()),
                Op::Attr(..) => {}
            }
        }
        if in_tag {
            out.push('>');
        }
        while let Some(name) = open.pop() {
            close_tag(out, Some(name));
        }
    }

    /// Appends `other`'s elements and texts.
    pub fn append(&mut self, other: Markup) -> &mut Markup {
        self.ops.extend(other.ops);
        self
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

/// HTML's void elements among those the core writes: no end tag.
const VOID: [&str; 6] = ["img", "input", "track", "br", "source", "meta"];

fn close_tag(out: &mut String, name: Option<&'static str>) {
    if let Some(name) = name.filter(|n| !VOID.contains(n)) {
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }
}

/// Escapes `text` for element content or, with `attribute`, a
/// double-quoted attribute value. A NUL, which no parser keeps, becomes
/// U+FFFD as the HTML parser would make it.
pub fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\0' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
}

/// What a control in the markup does when pressed (its `data-action`): the
/// shell's one listener per built piece acts on it.
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
    /// The Embed control: its snippet (the `<textarea>` beside it) to the
    /// clipboard.
    Copy,
    /// A live timeline's "Pause updates", a toggle.
    Pause,
    /// "3 new updates": the waiting entries go in.
    Insert,
    /// The timeline's next page.
    More,
    /// The Embed control opened: its snippets are written.
    Embed,
    /// A live blog's "Oldest first", a toggle.
    Order,
    /// A link to an update of the live blog: it scrolls there and takes focus.
    Goto,
}

impl Action {
    pub const ALL: [Action; 12] = [
        Action::ShowImage,
        Action::Load,
        Action::Always,
        Action::Open,
        Action::Share,
        Action::Copy,
        Action::Pause,
        Action::Insert,
        Action::More,
        Action::Embed,
        Action::Order,
        Action::Goto,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Action::ShowImage => "show-image",
            Action::Load => "load",
            Action::Always => "always",
            Action::Open => "open",
            Action::Share => "share",
            Action::Copy => "copy",
            Action::Pause => "pause",
            Action::Insert => "insert",
            Action::More => "more",
            Action::Embed => "embed",
            Action::Order => "order",
            Action::Goto => "goto",
        }
    }

    pub fn from_key(key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == key)
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
