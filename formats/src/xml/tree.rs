//! A read-only tree of an XML document, built from quick-xml's pull
//! parser with namespaces resolved: the few things the feeds' mappings ask
//! of a document (children, text, attributes by namespace, ancestors for
//! `xml:base`).
//!
//! Why not a DOM crate: roxmltree did the same for 25.3 KB of gzip in a
//! minimal wasm, quick-xml's reader for 11.7 KB (measured 2026-12-07, each
//! alone with wasm-bindgen, `-Oz` and this build's wasm-opt passes).
//! quick-xml reads no DTD: the five predefined entities and character
//! references, which is what feeds use; another entity stays as its text
//! (`&nbsp;`); nothing is ever fetched.

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

/// A namespace-qualified name: (namespace, local name).
type Name = (Option<String>, String);

enum Kind {
    Element {
        name: Name,
        attributes: Vec<(Name, String)>,
    },
    Text(String),
}

struct Item {
    parent: Option<usize>,
    kind: Kind,
    children: Vec<usize>,
}

/// A parsed document: item 0 is its root element.
pub struct Document {
    items: Vec<Item>,
}

/// Deeper than this is refused: no feed nests so, and a hostile one does
/// not recurse the walk out of its stack.
const MAX_DEPTH: usize = 256;

impl Document {
    /// The document `text`, or why it is not well-formed XML.
    pub fn parse(text: &str) -> Result<Document, String> {
        let mut reader = NsReader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        let mut items: Vec<Item> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let namespace = |r: &ResolveResult<'_>| match r {
            ResolveResult::Bound(ns) => Ok(Some(String::from_utf8_lossy(ns.0).into_owned())),
            ResolveResult::Unbound => Ok(None),
            ResolveResult::Unknown(prefix) => Err(format!(
                "unknown namespace prefix {}",
                String::from_utf8_lossy(prefix)
            )),
        };
        let push = |items: &mut Vec<Item>, open: &[usize], kind: Kind| {
            let parent = open.last().copied();
            items.push(Item {
                parent,
                kind,
                children: Vec::new(),
            });
            let id = items.len() - 1;
            if let Some(parent) = parent {
                items[parent].children.push(id);
            }
            id
        };
        let text_here = |items: &mut Vec<Item>, open: &[usize], text: &str| {
            let Some(&parent) = open.last() else { return };
            // Runs of text (and references) join the text before them.
            if let Some(&last) = items[parent].children.last() {
                if let Kind::Text(t) = &mut items[last].kind {
                    t.push_str(text);
                    return;
                }
            }
            push(items, open, Kind::Text(text.to_owned()));
        };
        loop {
            let at = reader.buffer_position();
            let (resolved, event) = reader
                .read_resolved_event()
                .map_err(|e| format!("after byte {at}: {e}"))?;
            match event {
                Event::Start(e) => {
                    if open.is_empty() && !items.is_empty() {
                        return Err("more than one root element".into());
                    }
                    if open.len() >= MAX_DEPTH {
                        return Err(format!("nested deeper than {MAX_DEPTH}"));
                    }
                    let ns = namespace(&resolved)?;
                    let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    let mut attributes = Vec::new();
                    for attribute in e.attributes() {
                        let attribute = attribute.map_err(|e| e.to_string())?;
                        if attribute.key.as_ref().starts_with(b"xmlns") {
                            continue;
                        }
                        let (r, local) = reader.resolve_attribute(attribute.key);
                        let name = (
                            namespace(&r)?,
                            String::from_utf8_lossy(local.as_ref()).into_owned(),
                        );
                        let value = attribute.unescape_value().map_err(|e| e.to_string())?;
                        attributes.push((name, value.into_owned()));
                    }
                    let kind = Kind::Element {
                        name: (ns, local),
                        attributes,
                    };
                    let id = push(&mut items, &open, kind);
                    open.push(id);
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Text(t) => {
                    let t = t.decode().map_err(|e| e.to_string())?;
                    text_here(&mut items, &open, &t);
                }
                Event::CData(t) => {
                    let t = t.decode().map_err(|e| e.to_string())?;
                    text_here(&mut items, &open, &t);
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                        Some(c) => c.to_string(),
                        // An entity a DTD would have defined (`&nbsp;`): its
                        // name, as text, rather than no story at all.
                        None => {
                            let name = r.decode().map_err(|e| e.to_string())?;
                            resolve_predefined_entity(&name)
                                .map_or_else(|| format!("&{name};"), str::to_owned)
                        }
                    };
                    text_here(&mut items, &open, &resolved);
                }
                Event::Eof => break,
                Event::Decl(_)
                | Event::PI(_)
                | Event::Comment(_)
                | Event::DocType(_)
                | Event::Empty(_) => {}
            }
        }
        if items.is_empty() {
            return Err("no root element".into());
        }
        if !open.is_empty() {
            return Err("an element was opened but never closed".into());
        }
        Ok(Document { items })
    }

    pub fn root_element(&self) -> Node<'_> {
        Node { doc: self, id: 0 }
    }
}

/// An element or a text of a [`Document`].
#[derive(Clone, Copy)]
pub struct Node<'a> {
    doc: &'a Document,
    id: usize,
}

/// How an attribute is named: `"href"` (no namespace) or
/// `(namespace, "base")`.
pub trait AttributeName {
    fn matches(&self, name: &Name) -> bool;
}

impl AttributeName for &str {
    fn matches(&self, name: &Name) -> bool {
        name.0.is_none() && name.1 == *self
    }
}

impl AttributeName for (&str, &str) {
    fn matches(&self, name: &Name) -> bool {
        name.0.as_deref() == Some(self.0) && name.1 == self.1
    }
}

/// An element's name: its local part and namespace.
pub struct TagName<'a>(&'a Name);

impl<'a> TagName<'a> {
    pub fn name(&self) -> &'a str {
        &self.0 .1
    }

    pub fn namespace(&self) -> Option<&'a str> {
        self.0 .0.as_deref()
    }
}

impl<'a> Node<'a> {
    fn item(&self) -> &'a Item {
        &self.doc.items[self.id]
    }

    pub fn is_element(&self) -> bool {
        matches!(self.item().kind, Kind::Element { .. })
    }

    pub fn is_text(&self) -> bool {
        matches!(self.item().kind, Kind::Text(_))
    }

    /// A text node's text.
    pub fn text(&self) -> Option<&'a str> {
        match &self.item().kind {
            Kind::Text(t) => Some(t),
            Kind::Element { .. } => None,
        }
    }

    /// An element's name (a text's is empty).
    pub fn tag_name(&self) -> TagName<'a> {
        static NONE: Name = (None, String::new());
        match &self.item().kind {
            Kind::Element { name, .. } => TagName(name),
            Kind::Text(_) => TagName(&NONE),
        }
    }

    pub fn attribute(&self, key: impl AttributeName) -> Option<&'a str> {
        match &self.item().kind {
            Kind::Element { attributes, .. } => attributes
                .iter()
                .find(|(name, _)| key.matches(name))
                .map(|(_, value)| value.as_str()),
            Kind::Text(_) => None,
        }
    }

    /// The attributes: local name (lower case as written) and value.
    pub fn attributes(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        let attributes: &'a [(Name, String)] = match &self.item().kind {
            Kind::Element { attributes, .. } => attributes,
            Kind::Text(_) => &[],
        };
        attributes
            .iter()
            .map(|(name, value)| (name.1.as_str(), value.as_str()))
    }

    pub fn has_children(&self) -> bool {
        !self.item().children.is_empty()
    }

    pub fn children(&self) -> impl Iterator<Item = Node<'a>> + 'a {
        let doc = self.doc;
        self.item().children.iter().map(move |&id| Node { doc, id })
    }

    /// This node and its descendants, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = Node<'a>> + 'a {
        let doc = self.doc;
        let mut stack = vec![self.id];
        std::iter::from_fn(move || {
            let id = stack.pop()?;
            stack.extend(doc.items[id].children.iter().rev());
            Some(Node { doc, id })
        })
    }

    /// This node and the elements around it, innermost first.
    pub fn ancestors(&self) -> impl Iterator<Item = Node<'a>> + 'a {
        let doc = self.doc;
        let mut next = Some(self.id);
        std::iter::from_fn(move || {
            let id = next?;
            next = doc.items[id].parent;
            Some(Node { doc, id })
        })
    }
}
