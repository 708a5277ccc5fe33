//! Builds the core's [`Markup`] into the page with `createElement`,
//! `setAttribute` and text nodes: what a string holds is never read as HTML.

use article_core::markup::{Markup, Op};
use web_sys::{Element, Node};

/// A directive (`use:fill=markup`): builds `markup` into the element in
/// place of what it held (Leptos may keep an element for the next story and
/// run its directive again).
pub fn fill(parent: Element, markup: std::rc::Rc<Markup>) {
    parent.set_text_content(None);
    build(&parent, &markup);
}

/// Builds `markup` at the end of `parent` (an element or a fragment); the
/// first element it built.
pub fn build(parent: &Node, markup: &Markup) -> Option<Element> {
    let document = parent.owner_document()?;
    let mut open: Vec<Node> = vec![parent.clone()];
    let mut first = None;
    for op in &markup.ops {
        let top = open.last()?;
        match op {
            // The names are the core's own constants; icons are SVG.
            Op::Open(name) => {
                let element = if matches!(*name, "svg" | "path") {
                    document.create_element_ns(Some("http://www.w3.org/2000/svg"), name)
                } else {
                    document.create_element(name)
                }
                .ok()?;
                let _ = top.append_child(&element);
                first.get_or_insert_with(|| element.clone());
                open.push(element.into());
            }
            Op::Attr(name, value) => {
                if let Some(element) = wasm_bindgen::JsCast::dyn_ref::<Element>(top) {
                    let _ = element.set_attribute(name, value);
                }
            }
            Op::Text(text) => {
                let _ = top.append_child(&document.create_text_node(text));
            }
            Op::Close => {
                if open.len() > 1 {
                    open.pop();
                }
            }
        }
    }
    first
}
