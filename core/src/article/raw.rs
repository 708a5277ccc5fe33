//! The document's shape as serde reads it, before its items are checked one
//! by one. Lists of items stay raw JSON (borrowed from the text, not copied),
//! so that one bad item can be dropped while the rest is shown.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::model::Direction;

#[derive(Deserialize)]
pub(super) struct VersionProbe {
    #[serde(default)]
    pub schema_version: Option<serde_json::Number>,
}

#[derive(Deserialize)]
pub(super) struct RawArticle<'a> {
    #[serde(default)]
    pub schema_version: Option<serde_json::Number>,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub dir: Option<Direction>,
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(default)]
    pub standfirst: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, borrow)]
    pub byline: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    pub published: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub updated: Option<&'a RawValue>,
    #[serde(default)]
    pub canonical_url: Option<String>,
    #[serde(default, borrow)]
    pub image: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub body: Option<Vec<&'a RawValue>>,
    #[serde(default, borrow)]
    pub social: Option<RawSocialBar<'a>>,
    #[serde(default, borrow)]
    pub timeline: Option<RawTimeline<'a>>,
}

#[derive(Deserialize)]
pub(super) struct RawSocialBar<'a> {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, borrow)]
    pub links: Vec<&'a RawValue>,
}

/// A timeline, or a JSON Feed (told apart by its `version`).
#[derive(Deserialize)]
pub(super) struct RawTimeline<'a> {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default, borrow)]
    pub entries: Vec<&'a RawValue>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub live: bool,
    #[serde(default)]
    pub interval: Option<f64>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default, borrow)]
    pub items: Vec<&'a RawValue>,
}

/// A timeline entry as written. A JSON Feed item becomes one of these too
/// (see [`super::feed`]), so both go through the same checks.
#[derive(Deserialize)]
pub(super) struct RawTimelineEntry {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub time: Option<String>,
    pub headline: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub article: Option<String>,
}
