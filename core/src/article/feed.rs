//! The JSON Feed 1.1 adapter: a feed's items as timeline entries.
//!
//! `title`, else `summary`, is the headline; `url`, else `external_url`, the
//! link; `date_published`, else `date_modified`, the time. A feed is told
//! apart from a timeline by its `version`.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::model::present;
use super::raw::RawTimelineEntry;

/// The `version` of a JSON Feed 1.x document begins with this.
pub const JSON_FEED_VERSION: &str = "https://jsonfeed.org/version/1";

/// Whether a timeline's `version` says it is a JSON Feed.
pub(super) fn is_feed(version: Option<&str>) -> bool {
    version.is_some_and(|v| v.starts_with(JSON_FEED_VERSION))
}

/// A JSON Feed 1.1 item: only what a headline timeline shows.
#[derive(Deserialize)]
pub(super) struct RawFeedItem {
    /// A string; some feeds write a number, which means the same. (Kept raw:
    /// an untagged enum would cost the wasm serde's whole buffering layer.)
    id: Box<RawValue>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    external_url: Option<String>,
    #[serde(default)]
    date_published: Option<String>,
    #[serde(default)]
    date_modified: Option<String>,
}

impl From<RawFeedItem> for RawTimelineEntry {
    fn from(item: RawFeedItem) -> RawTimelineEntry {
        let raw_id = item.id.get();
        let id = serde_json::from_str::<String>(raw_id)
            .ok()
            .filter(|s| !s.trim().is_empty())
            .or_else(|| {
                raw_id
                    .starts_with(|c: char| c == '-' || c.is_ascii_digit())
                    .then(|| raw_id.to_owned())
            });
        RawTimelineEntry {
            id,
            time: present(item.date_published).or(present(item.date_modified)),
            headline: present(item.title)
                .or(present(item.summary))
                .unwrap_or_default(),
            url: present(item.url).or(present(item.external_url)),
            article: None,
        }
    }
}
