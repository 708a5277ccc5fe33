//! A table: its caption, column headings and, when the publisher says so,
//! row headings, each cell as text. A table wider than the story scrolls
//! inside its own region (focusable, so a keyboard can scroll it, and named
//! by its caption), never the page.

use super::Markup;
use crate::article::Table;
use crate::messages::Messages;

pub(super) fn table(m: &mut Markup, t: &Table, words: &Messages) {
    m.open("div")
        .class("story__table")
        .attr("role", "region")
        .attr("tabindex", "0")
        .attr("aria-label", t.caption.as_deref().unwrap_or(words.table))
        .open("table");
    if let Some(caption) = &t.caption {
        m.leaf("caption", "", caption);
    }
    if !t.header.is_empty() {
        m.open("thead").open("tr");
        for heading in &t.header {
            m.open("th")
                .attr("scope", "col")
                .text(heading.as_str())
                .close();
        }
        m.close().close();
    }
    m.open("tbody");
    for row in &t.rows {
        m.open("tr");
        for (i, text) in row.iter().enumerate() {
            if i == 0 && t.row_headers {
                m.open("th").attr("scope", "row");
            } else {
                m.open("td");
            }
            m.text(text.as_str()).close();
        }
        m.close();
    }
    m.close().close().close();
}
