//! Markup: elements, attributes and text as a stream of instructions (open
//! an element, give it an attribute, add text, close it), which the core
//! writes for what the viewer shows — the story, the social bar — and the
//! browser shell builds with `createElement`, `setAttribute` and text nodes
//! (`src/browser/markup.rs`), never as HTML; natively, for the HTML written
//! ahead of time, its [tree](Markup::tree) becomes Leptos views.
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
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::ShowImage,
        Action::Load,
        Action::Always,
        Action::Open,
        Action::Share,
        Action::Copy,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Action::ShowImage => "show-image",
            Action::Load => "load",
            Action::Always => "always",
            Action::Open => "open",
            Action::Share => "share",
            Action::Copy => "copy",
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
