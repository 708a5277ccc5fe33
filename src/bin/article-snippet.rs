//! Turns an article JSON (or a WordPress post, a JSON Feed, an RSS or Atom
//! feed, an article page: converted first, see `formats/`) into HTML that shows the story before any script
//! runs, natively, with the core's one HTML writer (the Embed control in the
//! browser uses the same, and gives the same snippet):
//!
//! ```text
//! cargo run --bin article-snippet -- ARTICLE.json --src URL --viewer URL [--page URL] [--integrity HASH]
//! ```
//!
//! prints the inline embed for a publisher's page or CMS: the viewer's
//! `<div data-article-viewer>` with the story inside it, which `embed.js`
//! (in the directory `--viewer`) takes over in place. `--src` is the
//! article's address as the page will write it (`data-src`), `--page` the
//! address of the page the snippet goes into (default: `--src`, which must
//! then be absolute), `--integrity` the `sha384-…` hash of that viewer's
//! `embed.js` (its `index.html` carries it in
//! `<meta name="article-viewer-embed-integrity">`), which the snippet then
//! pins. On its standard error it says the `style-src` source
//! that allows the snippet's stylesheet under a strict policy, and the
//! `frame-src` and `media-src` sources a story's embeds and videos need.
//!
//! ```text
//! cargo run --bin article-snippet -- ARTICLE.json --src URL --standalone
//! ```
//!
//! prints the viewer's own page's story as JSON (`html`, `title`,
//! `description`, `lang`, `dir`): the release build's prerender of the
//! default story into `index.html` (scripts/post-build.mjs), `--src` being
//! relative to that page.
//!
//! ```text
//! cargo run --bin article-snippet -- --css
//! ```
//!
//! prints the stylesheet as the snippet carries it, which the build inlines
//! into the viewer's own page, where the Embed control reads it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(out) => {
            println!("{out}");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("article-snippet: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: Vec<String>) -> Result<String, String> {
    use article_core::embed::ViewerOptions;
    use article_viewer::prerender::{css, render, snippet, Place};

    let mut file = None;
    let (mut src, mut viewer, mut page, mut standalone) = (None, None, None, false);
    let mut integrity = None;
    if args.first().is_some_and(|a| a == "--css") {
        return Ok(css());
    }
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--src" => src = Some(value("--src")?),
            "--viewer" => viewer = Some(value("--viewer")?),
            "--page" => page = Some(value("--page")?),
            "--integrity" => integrity = Some(value("--integrity")?),
            "--standalone" => standalone = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag}\n{USAGE}"))
            }
            _ if file.is_none() => file = Some(arg),
            _ => return Err(USAGE.to_owned()),
        }
    }
    let file = file.ok_or(USAGE)?;
    let src = src.ok_or(USAGE)?;
    let json = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
    let failed = |e: article_core::fetch::LoadError| format!("{file}: {}", e.detail());
    // The players an embed may load (after the reader asks), and videos
    // from the page's origin or any https: one.
    eprintln!(
        "article-snippet: for a strict Content-Security-Policy: frame-src {}; media-src 'self' https:",
        article_core::players::PLAYER_ORIGINS.join(" ")
    );
    if standalone {
        // The page's address is not known at build time: render for a
        // stand-in and make the links relative to the page again.
        const PAGE: &str = "https://viewer.invalid/";
        let place = Place {
            page: &format!("{PAGE}index.html"),
            viewer_dir: PAGE,
            integrity: None,
        };
        let rendered =
            render(&json, ViewerOptions::standalone(Some(src)), &place).map_err(failed)?;
        let out = serde_json::json!({
            "html": rendered.html.replace(PAGE, ""),
            "title": rendered.title,
            "description": rendered.description,
            "lang": rendered.lang,
            "dir": rendered.dir,
        });
        return Ok(out.to_string());
    }
    let viewer = viewer.ok_or(USAGE)?;
    let viewer_dir = if viewer.ends_with('/') {
        viewer
    } else {
        format!("{viewer}/")
    };
    let page = page.unwrap_or_else(|| src.clone());
    let place = Place {
        page: &page,
        viewer_dir: &viewer_dir,
        integrity: integrity.as_deref(),
    };
    let html = snippet(&json, &src, &place).map_err(failed)?;
    // A host page with a strict policy allows the snippet's one inline
    // stylesheet by its hash.
    if let Some((css, _)) = html
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
    {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(css.as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        eprintln!(
            "article-snippet: for a strict Content-Security-Policy: style-src 'sha256-{hash}'"
        );
    }
    Ok(html)
}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str =
    "usage: article-snippet ARTICLE.json --src URL --viewer URL [--page URL] [--integrity HASH]
       article-snippet ARTICLE.json --src URL --standalone
       article-snippet --css";

/// A native tool: nothing to do in the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
