//! A live blog's `live_blog`, and the documents its `source` answers with
//! (`{ "updates": [...] }`, or a JSON Feed whose items are updates).
//!
//! As everywhere in decoding, one bad update is dropped with its path
//! (``live_blog.updates[3].time: …``) and the rest are shown; inside an
//! update, one bad block is dropped and the update stays while it has a
//! block to show. An update needs an `id` (unique: a repeated one is
//! dropped), a valid `time` and a readable `body`.

use std::collections::HashSet;

use super::{author, block, describe, is_feed, At, Decoder};
use crate::article::model::{present, Block, LiveBlog, LiveStatus, Paragraph, Span, Update};
use crate::json::{Error, Reader};
use crate::time::Timestamp;

/// A live blog's updates not read yet (see [`super::decode_deferred`]):
/// where the next begins, its index, and the ids read so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Unread {
    at: usize,
    index: usize,
    ids: HashSet<String>,
}

/// Reads at most `count` of the updates `unread` says are left in `json`
/// (the same text the article was decoded from): the updates, what was
/// dropped, and what is still unread. A document broken past where the
/// first reading looked leaves the rest unread, and says so.
pub fn read_updates(
    json: &str,
    mut unread: Unread,
    count: usize,
) -> (Vec<Update>, Vec<String>, Option<Unread>) {
    let mut decoder = Decoder {
        problems: Vec::new(),
        defer: false,
    };
    let mut r = Reader::new(json);
    let mut out = Vec::new();
    let read = decoder.updates_part(
        &mut r,
        json,
        "live_blog.updates",
        false,
        (unread.at, unread.index, count),
        &mut unread.ids,
        &mut out,
    );
    let rest = match read {
        Ok(Some((at, index))) => Some(Unread {
            at,
            index,
            ..unread
        }),
        Ok(None) => None,
        Err(e) => {
            decoder.problems.push(format!(
                "dropped the rest of live_blog.updates: {}",
                e.message
            ));
            None
        }
    };
    (out, decoder.problems, rest)
}

impl Decoder {
    pub(super) fn live_blog(&mut self, r: &mut Reader<'_>, json: &str) -> Result<LiveBlog, Error> {
        let mut blog = LiveBlog {
            status: LiveStatus::Live,
            coverage_start: None,
            coverage_end: None,
            updates: Vec::new(),
            source: None,
            interval: None,
            unread: None,
        };
        let mut status = None;
        r.object(&mut |r, key| {
            match key {
                "status" => status = r.optional_string()?,
                "coverage_start" | "coverage_end" if r.null()? => {}
                "coverage_start" => {
                    blog.coverage_start = self.timestamp(r, json, "live_blog.coverage_start")?
                }
                "coverage_end" => {
                    blog.coverage_end = self.timestamp(r, json, "live_blog.coverage_end")?
                }
                "updates" => {
                    if r.null()? {
                    } else if self.defer {
                        // Read later, in parts: only where they are, now.
                        let at = r.mark();
                        r.skip()?;
                        blog.unread = Some(Unread {
                            at,
                            index: 0,
                            ids: HashSet::new(),
                        });
                    } else {
                        blog.updates = self.updates(r, json, "live_blog.updates", false)?;
                    }
                }
                "source" => blog.source = present(r.optional_string()?),
                "interval" => blog.interval = if r.null()? { None } else { Some(r.f64()?) },
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        // Without a status, a blog whose coverage ended has ended.
        blog.status = match status.as_deref().map(str::trim) {
            Some("live") => LiveStatus::Live,
            Some("ended") => LiveStatus::Ended,
            None | Some("") if blog.coverage_end.is_none() => LiveStatus::Live,
            None | Some("") => LiveStatus::Ended,
            Some(other) => {
                // Not polled: a status this viewer does not know is not "live".
                self.problems.push(format!(
                    "ignored live_blog.status: unknown value \"{other}\", expected \"live\" or \"ended\""
                ));
                LiveStatus::Ended
            }
        };
        Ok(blog)
    }

    /// A source's answer: `updates`, or a JSON Feed's `items` (told apart
    /// by its `version`, which may come after them).
    pub(super) fn update_document(&mut self, r: &mut Reader<'_>) -> Result<Vec<Update>, Error> {
        let json = r.text();
        let (mut updates, mut items, mut version) = (Vec::new(), Vec::new(), None);
        r.object(&mut |r, key| {
            match key {
                "version" => version = r.optional_string()?,
                "updates" | "items" => {
                    if !r.null()? {
                        let feed = key == "items";
                        let list = self.updates(r, json, key, feed)?;
                        *(if feed { &mut items } else { &mut updates }) = list;
                    }
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        Ok(if is_feed(version.as_deref()) {
            items
        } else {
            updates
        })
    }

    /// Each update of a list (or a feed's items): the bad ones and repeated
    /// ids dropped and reported.
    fn updates(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        path: &str,
        feed: bool,
    ) -> Result<Vec<Update>, Error> {
        let mut out = Vec::new();
        let at = r.mark();
        let part = (at, 0, usize::MAX);
        let rest = self.updates_part(r, json, path, feed, part, &mut HashSet::new(), &mut out)?;
        debug_assert!(rest.is_none());
        Ok(out)
    }

    /// Part of a list of updates: `(at, index, count)` as
    /// [`Reader::array_part`] takes them; what it reads goes to `out`, its
    /// ids to `ids`.
    #[allow(clippy::too_many_arguments)]
    fn updates_part(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        path: &str,
        feed: bool,
        (at, index, count): (usize, usize, usize),
        ids: &mut HashSet<String>,
        out: &mut Vec<Update>,
    ) -> Result<Option<(usize, usize)>, Error> {
        r.array_part(at, index, count, &mut |r, i| {
            let start = r.mark();
            let read = if feed {
                feed_update(r)
            } else {
                self.update(r, json, path, i)
            };
            match read {
                Ok(mut update) => {
                    update.digest = digest(json.get(start..r.mark()).unwrap_or_default());
                    if ids.insert(update.id.clone()) {
                        out.push(update);
                    } else {
                        self.problems.push(format!(
                            "dropped {}: duplicate id \"{}\"",
                            At::item(path, i),
                            update.id
                        ));
                    }
                }
                Err(e) if e.corrupt => return Err(e),
                Err(e) => {
                    self.problems.push(format!(
                        "dropped {}",
                        describe(json, start, At::item(path, i), &e)
                    ));
                    r.reset(start);
                    r.skip()?;
                }
            }
            Ok(())
        })
    }

    /// One update; its bad blocks dropped with their path.
    fn update(
        &mut self,
        r: &mut Reader<'_>,
        json: &str,
        path: &str,
        index: usize,
    ) -> Result<Update, Error> {
        let (mut id, mut time, mut headline, mut author_, mut body) =
            (None, None, None, None, None);
        let (mut key_, mut pinned) = (false, false);
        let mut time_at = 0;
        r.object(&mut |r, key| {
            match key {
                "id" => id = present(r.optional_string()?),
                "time" => {
                    time_at = r.mark();
                    time = r.optional_string()?;
                }
                "headline" => headline = present(r.optional_string()?),
                "key" => key_ = !r.null()? && r.bool()?,
                "pinned" => pinned = !r.null()? && r.bool()?,
                "author" => {
                    if !r.null()? {
                        author_ = author(r)?;
                    }
                }
                "body" => {
                    if r.null()? {
                        return Ok(true);
                    }
                    let mut blocks = Vec::new();
                    r.array(&mut |r, j| {
                        let start = r.mark();
                        match block(r) {
                            Ok(Some(b)) => blocks.push(b),
                            Ok(None) => {}
                            Err(e) if e.corrupt => return Err(e),
                            Err(e) => {
                                let at = format!("{}.body", At::item(path, index));
                                self.problems.push(format!(
                                    "dropped {}",
                                    describe(json, start, At::item(&at, j), &e)
                                ));
                                r.reset(start);
                                r.skip()?;
                            }
                        }
                        Ok(())
                    })?;
                    body = Some(blocks);
                }
                _ => return Ok(false),
            }
            Ok(true)
        })?;
        let id = id.ok_or_else(|| r.missing("id"))?;
        let time = time.ok_or_else(|| r.missing("time"))?;
        let time = Timestamp::parse(&time).map_err(|e| r.error(time_at, e.to_string()))?;
        let body = body
            .filter(|b| !b.is_empty())
            .ok_or_else(|| r.missing("body"))?;
        Ok(Update {
            id,
            time,
            headline,
            body,
            key: key_,
            pinned,
            author: author_,
            digest: 0,
        })
    }
}

/// A JSON Feed item as an update: `title` its headline, `content_text`
/// (else `summary`) its paragraphs, one per blank-line-separated part,
/// `date_published` (else `date_modified`) its time, the first of
/// `authors` (or 1.0's `author`) its author. An item with only
/// `content_html` has nothing the viewer shows as text: dropped.
fn feed_update(r: &mut Reader<'_>) -> Result<Update, Error> {
    let (mut id, mut title, mut text, mut summary) = (None, None, None, None);
    let (mut published, mut modified, mut author_) = (None, None, None);
    let start = r.mark();
    r.object(&mut |r, key| {
        let field = match key {
            "id" => {
                let at = r.mark();
                id = match r.str() {
                    Ok(s) => present(Some(s.into_owned())),
                    Err(_) => {
                        r.reset(at);
                        Some(r.number()?.to_owned())
                    }
                };
                return Ok(true);
            }
            "authors" => {
                if !r.null()? {
                    r.array(&mut |r, i| {
                        let a = author(r)?;
                        if i == 0 {
                            author_ = a;
                        }
                        Ok(())
                    })?;
                }
                return Ok(true);
            }
            "author" => {
                if !r.null()? {
                    author_ = author(r)?;
                }
                return Ok(true);
            }
            "title" => &mut title,
            "content_text" => &mut text,
            "summary" => &mut summary,
            "date_published" => &mut published,
            "date_modified" => &mut modified,
            _ => return Ok(false),
        };
        *field = r.optional_string()?;
        Ok(true)
    })?;
    let id = id.ok_or_else(|| r.missing("id"))?;
    let time = present(published)
        .or(present(modified))
        .ok_or_else(|| r.missing("date_published"))?;
    let time = Timestamp::parse(&time).map_err(|e| r.error(start, e.to_string()))?;
    let body: Vec<Block> = present(text)
        .or(present(summary))
        .unwrap_or_default()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            Block::Paragraph(Paragraph {
                spans: vec![Span::plain(p.to_owned())],
            })
        })
        .collect();
    if body.is_empty() {
        return Err(r.missing("content_text"));
    }
    Ok(Update {
        id,
        time,
        headline: present(title),
        body,
        key: false,
        pinned: false,
        author: author_,
        digest: 0,
    })
}

/// FNV-1a over the update's text as written, whitespace aside: the same
/// update indented otherwise in another document is the same update.
fn digest(text: &str) -> u64 {
    text.bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}
