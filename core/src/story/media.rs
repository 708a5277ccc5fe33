//! Images, galleries and videos, each with its box reserved (width and
//! height), so nothing below it jumps when it arrives. A refused `src`
//! shows the alt text (a video its title) instead. For a reader who asked
//! for less data, an image waits for "Show image" (its alt text beside the
//! button says what it is) and a video shows no poster.

use super::{Action, Markup, Settings};
use crate::article::{Gallery, Image, Video};
use crate::url_policy::UrlUse;

/// An image in its figure; `lazy` unless it is the first of a gallery.
pub(super) fn figure(m: &mut Markup, image: &Image, lazy: bool, settings: &Settings) {
    let low = settings.low_data;
    m.open("figure").class("story__figure");
    match (settings.resolve)(&image.src, UrlUse::Resource) {
        Some(src) => {
            // Less data: no `src` until the reader asks.
            m.open("img")
                .attr(if low { "data-src" } else { "src" }, src);
            m.attr("alt", image.alt.as_str());
            size(m, image.width, image.height);
            m.attr("loading", if lazy { "lazy" } else { "eager" })
                .attr("decoding", "async");
            if low {
                m.attr("hidden", "");
            }
            m.close();
            if low {
                m.open("p")
                    .class("story__missing-image")
                    .open("button")
                    .attr("type", "button")
                    .class("story__show-image")
                    .attr("data-action", Action::ShowImage.key())
                    .text(settings.messages.show_image)
                    .close()
                    .text(" ")
                    .text(image.alt.as_str())
                    .close();
            }
        }
        None => {
            m.leaf("p", "story__missing-image", &image.alt);
        }
    }
    caption(m, image);
}

/// A figure's caption and credit, then the end of the figure.
fn caption(m: &mut Markup, image: &Image) {
    if image.caption.is_some() || image.credit.is_some() {
        m.open("figcaption").attr("dir", "auto");
        if let Some(caption) = &image.caption {
            m.text(caption.as_str());
        }
        if let Some(credit) = &image.credit {
            m.text(" ").leaf("span", "story__credit", credit);
        }
        m.close();
    }
    m.close();
}

fn size(m: &mut Markup, width: Option<u32>, height: Option<u32>) {
    if let Some(w) = width {
        m.attr("width", w.to_string());
    }
    if let Some(h) = height {
        m.attr("height", h.to_string());
    }
}

/// A group of figures; the first loads at once, the others as they near
/// the screen.
pub(super) fn gallery(m: &mut Markup, g: &Gallery, settings: &Settings) {
    // A figure of figures, named by its own caption.
    m.open("figure").class("story__gallery");
    for (i, image) in g.images.iter().enumerate() {
        figure(m, image, i > 0, settings);
    }
    if let Some(caption) = &g.caption {
        m.open("figcaption")
            .attr("dir", "auto")
            .text(caption.as_str())
            .close();
    }
    m.close();
}

/// A video with the browser's controls, nothing downloaded before play;
/// its captions as tracks.
pub(super) fn video(m: &mut Markup, v: &Video, settings: &Settings) {
    m.open("figure").class("story__video");
    if let Some(src) = (settings.resolve)(&v.src, UrlUse::Resource) {
        m.open("video")
            .attr("controls", "")
            .attr("preload", "none")
            .attr("src", src)
            .attr("aria-label", v.title.as_str());
        let poster = v
            .poster
            .as_deref()
            .filter(|_| !settings.low_data)
            .and_then(|p| (settings.resolve)(p, UrlUse::Resource));
        if let Some(poster) = poster {
            m.attr("poster", poster);
        }
        size(m, v.width, v.height);
        for c in &v.captions {
            if let Some(src) = (settings.resolve)(&c.src, UrlUse::Resource) {
                m.open("track")
                    .attr("kind", "captions")
                    .attr("src", src)
                    .attr("srclang", c.lang.as_str())
                    .attr("label", c.label.as_str())
                    .close();
            }
        }
        m.close();
    }
    m.open("figcaption")
        .attr("dir", "auto")
        .text(v.title.as_str())
        .close()
        .close();
}
