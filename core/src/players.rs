//! The players of third-party content: which addresses of each provider an
//! `embed` block may name, and the player the viewer builds from them.
//!
//! The block's `url` is never a frame's address. It is read for an id of a
//! known shape on the provider's own hosts (exact names: a look-alike host,
//! credentials or a port give no player), and the player's address is
//! written here from that id, on the player's origin. A `url` that gives no
//! id stays a link. The release's `frame-src` lists exactly
//! [`PLAYER_ORIGINS`].

use crate::article::Provider;
use crate::url_policy::{self, UrlUse};

/// Every origin a player is loaded from; the release CSP's `frame-src`.
pub const PLAYER_ORIGINS: [&str; 7] = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://platform.twitter.com",
    "https://www.instagram.com",
    "https://www.tiktok.com",
    "https://open.spotify.com",
    "https://w.soundcloud.com",
];

/// The box a player's frame reserves before it loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// 16:9, the default.
    Wide,
    /// 9:16, a phone-shaped video.
    Tall,
    /// A post: about as tall as it is wide.
    Post,
    /// A one-line audio player.
    Audio,
    /// An audio player with a track list.
    List,
}

/// A player to load: its address and its box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    pub src: String,
    pub shape: Shape,
}

/// The player for `url` at `provider`, if `url` is one of its known shapes.
pub fn player(provider: Provider, url: &str) -> Option<Player> {
    let url = url_policy::allow(url, UrlUse::Link)?;
    let (host, path, query) = parts(&url)?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (src, shape) = match (provider, host, segments.as_slice()) {
        (Provider::YouTube, "youtube.com", ["watch"]) => {
            let id = query
                .split('&')
                .find_map(|pair| pair.strip_prefix("v="))
                .filter(|id| youtube_id(id))?;
            (youtube(id), Shape::Wide)
        }
        (Provider::YouTube, "youtube.com", ["embed" | "live", id]) if youtube_id(id) => {
            (youtube(id), Shape::Wide)
        }
        (Provider::YouTube, "youtube.com", ["shorts", id]) if youtube_id(id) => {
            (youtube(id), Shape::Tall)
        }
        (Provider::YouTube, "youtu.be", [id]) if youtube_id(id) => (youtube(id), Shape::Wide),
        (Provider::Vimeo, "vimeo.com", [id]) if digits(id) => (
            format!("https://player.vimeo.com/video/{id}?dnt=1"),
            Shape::Wide,
        ),
        (Provider::X, "x.com" | "twitter.com", [user, "status", id]) if word(user) && digits(id) => (
            format!("https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true"),
            Shape::Post,
        ),
        (Provider::Instagram, "instagram.com", ["p" | "reel", id]) if word(id) => (
            format!("https://www.instagram.com/p/{id}/embed/"),
            Shape::Post,
        ),
        (Provider::TikTok, "tiktok.com", [user, "video", id])
            if user.starts_with('@') && word(&user[1..]) && digits(id) =>
        {
            (format!("https://www.tiktok.com/embed/v2/{id}"), Shape::Tall)
        }
        (Provider::Spotify, "open.spotify.com", [kind, id])
            if matches!(*kind, "track" | "album" | "playlist" | "episode" | "show")
                && word(id) =>
        {
            let shape = if matches!(*kind, "track" | "episode") {
                Shape::Audio
            } else {
                Shape::List
            };
            (format!("https://open.spotify.com/embed/{kind}/{id}"), shape)
        }
        (Provider::SoundCloud, "soundcloud.com", [user, track]) if word(user) && word(track) => (
            format!(
                "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F{user}%2F{track}&visual=false"
            ),
            Shape::Audio,
        ),
        _ => return None,
    };
    Some(Player { src, shape })
}

/// Host, path and query of an absolute `http(s)` URL with a plain host (no
/// credentials, no port, nothing a browser would read otherwise).
fn parts(url: &str) -> Option<(&str, &str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let rest = rest.split('#').next().unwrap_or_default();
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let plain = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-'));
    // A backslash is a slash to a browser: refuse rather than guess.
    (plain && !path.contains('\\')).then_some((host, path, query))
}

fn youtube(id: &str) -> String {
    format!("https://www.youtube-nocookie.com/embed/{id}")
}

fn youtube_id(id: &str) -> bool {
    id.len() == 11 && word(id)
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit())
}

/// An id or a handle: letters, digits, `_`, `-`, `.`.
fn word(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && s != "."
        && s != ".."
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(provider: Provider, url: &str) -> Option<String> {
        player(provider, url).map(|p| p.src)
    }

    #[test]
    fn each_provider_known_shape_gives_a_player_on_its_origin() {
        let cases = [
            (Provider::YouTube, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
            (Provider::YouTube, "https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
            (Provider::YouTube, "https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
            (Provider::Vimeo, "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
            (Provider::X, "https://x.com/newsroom/status/1850000000000000000", "https://platform.twitter.com/embed/Tweet.html?id=1850000000000000000&dnt=true"),
            (Provider::X, "https://twitter.com/newsroom/status/20", "https://platform.twitter.com/embed/Tweet.html?id=20&dnt=true"),
            (Provider::Instagram, "https://www.instagram.com/p/C1a2B3c4D5e/", "https://www.instagram.com/p/C1a2B3c4D5e/embed/"),
            (Provider::TikTok, "https://www.tiktok.com/@newsroom/video/7300000000000000000", "https://www.tiktok.com/embed/v2/7300000000000000000"),
            (Provider::Spotify, "https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk", "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"),
            (Provider::SoundCloud, "https://soundcloud.com/newsroom/morning-briefing", "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnewsroom%2Fmorning-briefing&visual=false"),
        ];
        for (provider, url, expected) in cases {
            let made = src(provider, url);
            assert_eq!(made.as_deref(), Some(expected), "{url}");
            assert!(PLAYER_ORIGINS
                .iter()
                .any(|o| expected.starts_with(&format!("{o}/"))));
        }
    }

    #[test]
    fn hostile_or_unknown_urls_give_no_player() {
        for (provider, url) in [
            (
                Provider::YouTube,
                "javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ",
            ),
            (
                Provider::YouTube,
                "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            ),
            (
                Provider::YouTube,
                "https://evil.example/www.youtube.com/watch?v=dQw4w9WgXcQ",
            ),
            (
                Provider::YouTube,
                "https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
            ),
            (
                Provider::YouTube,
                "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
            ),
            (
                Provider::YouTube,
                "https://WWW.YOUTUBE.COM.evil.example/watch?v=dQw4w9WgXcQ",
            ),
            (
                Provider::YouTube,
                "https://youtube.com/watch?v=dQw4w9WgXcQ\"><script>",
            ),
            (Provider::YouTube, "https://youtube.com/watch?v=short"),
            (Provider::YouTube, "https://youtu.be/../../evil"),
            (
                Provider::YouTube,
                "https://youtu.be\\@evil.example/dQw4w9WgXcQ",
            ),
            // A provider mismatch: a YouTube address named as Vimeo.
            (
                Provider::Vimeo,
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            ),
            (Provider::X, "https://x.com/newsroom/status/12a"),
            (Provider::TikTok, "https://www.tiktok.com/newsroom/video/1"),
            (Provider::Spotify, "https://open.spotify.com/user/someone"),
            (
                Provider::SoundCloud,
                "https://soundcloud.com/newsroom/track/extra",
            ),
            (
                Provider::Other,
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            ),
            (
                Provider::YouTube,
                "data:text/html,<script>alert(1)</script>",
            ),
            (Provider::YouTube, "//www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ] {
            assert_eq!(src(provider, url), None, "{url}");
        }
    }

    #[test]
    fn shapes_follow_the_content() {
        let shape = |p, u| player(p, u).unwrap().shape;
        assert_eq!(
            shape(Provider::YouTube, "https://youtu.be/dQw4w9WgXcQ"),
            Shape::Wide
        );
        assert_eq!(
            shape(Provider::TikTok, "https://www.tiktok.com/@a/video/1"),
            Shape::Tall
        );
        assert_eq!(
            shape(Provider::Spotify, "https://open.spotify.com/track/abc"),
            Shape::Audio
        );
        assert_eq!(
            shape(Provider::Spotify, "https://open.spotify.com/album/abc"),
            Shape::List
        );
    }
}
