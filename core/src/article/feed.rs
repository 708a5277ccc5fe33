//! The JSON Feed 1.1 adapter: a feed's items as timeline entries.
//!
//! `title`, else `summary`, is the headline; `url`, else `external_url`, the
//! link; `date_published`, else `date_modified`, the time. A feed is told
//! apart from a timeline by its `version`.

use super::decode::RawEntry;
use super::model::present;
use crate::json::{Error, Reader};

pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1";

pub(super) fn is_feed(version: Option<&str>) -> bool {
    version.is_some_and(|v| v.starts_with(JSON_FEED_VERSION))
}

/// One item. Its `id` is required; a string or a number identifies it
/// (a number as written), anything else leaves it without one.
pub(super) fn feed_item(r: &mut Reader<'_>) -> Result<RawEntry, Error> {
    let mut id = None;
    let (mut title, mut summary, mut url, mut external_url) = (None, None, None, None);
    let (mut published, mut modified) = (None, None);
    r.object(&mut |r, key| {
        match key {
            "id" => {
                let at = r.mark();
                id = Some(match r.str() {
                    Ok(s) => present(Some(s.into_owned())),
                    Err(_) => {
                        r.reset(at);
                        match r.number() {
                            Ok(n) => Some(n.to_owned()),
                            Err(_) => {
                                r.reset(at);
                                r.skip()?;
                                None
                            }
                        }
                    }
                });
            }
            _ => {
                let field = match key {
                    "title" => &mut title,
                    "summary" => &mut summary,
                    "url" => &mut url,
                    "external_url" => &mut external_url,
                    "date_published" => &mut published,
                    "date_modified" => &mut modified,
                    _ => return Ok(false),
                };
                *field = r.optional_string()?;
            }
        }
        Ok(true)
    })?;
    Ok(RawEntry {
        id: id.ok_or_else(|| r.missing("id"))?,
        time: present(published).or(present(modified)),
        headline: present(title).or(present(summary)).unwrap_or_default(),
        url: present(url).or(present(external_url)),
        article: None,
    })
}
