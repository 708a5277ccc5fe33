//! Corrections, after the body: "Correction, 15 October 2025 at 12:40: …",
//! the time in the reader's words and zone.

use super::{Markup, Settings};
use crate::article::Correction;

pub(super) fn corrections(m: &mut Markup, corrections: &[Correction], settings: &Settings) {
    if corrections.is_empty() {
        return;
    }
    let words = settings.messages.correction;
    let (before, after) = words.split_once("{time}").unwrap_or((words, ""));
    m.open("div").class("story__corrections");
    for c in corrections {
        m.open("p")
            .class("story__correction")
            .open("strong")
            .text(before);
        m.open("time")
            .attr("datetime", c.time.as_str())
            .text((settings.time)(&c.time))
            .close();
        m.text(after).close().text(" ");
        m.open("span")
            .attr("dir", "auto")
            .text(c.text.as_str())
            .close();
        m.close();
    }
    m.close();
}
