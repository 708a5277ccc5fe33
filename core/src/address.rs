//! The address is the state: `?src=URL` names the article on screen, so a
//! reload, a shared link and Back all show the same story. These are the
//! rules for writing such addresses; resolving a relative URL is left to the
//! browser's own parser, in the shell.

/// The article shown when the address has no `src`.
pub const DEFAULT_SRC: &str = "articles/syria-russia-moscow-visit.json";

/// The shortest `src` value that names `resolved` from a page whose directory
/// is `page_dir` (both absolute): same-directory articles stay readable
/// (`?src=articles/x.json`), others keep their full URL.
pub fn src_param(resolved: &str, page_dir: &str) -> String {
    match resolved.strip_prefix(page_dir) {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') && !rest.starts_with("//") => {
            rest.to_owned()
        }
        _ => resolved.to_owned(),
    }
}

/// The directory of a page URL: everything up to the last `/` of its path.
pub fn page_dir(page_url: &str) -> &str {
    let without_query = page_url.split(['?', '#']).next().unwrap_or(page_url);
    match without_query.rfind('/') {
        Some(i) => &without_query[..=i],
        None => without_query,
    }
}

/// The address of the page `page` showing the article at `resolved`: its
/// `src` parameter set (the other parameters kept), its fragment dropped,
/// the query written as the browser's `URLSearchParams` writes it.
pub fn address_for(resolved: &str, page: &str) -> String {
    if !page.contains("://") {
        return resolved.to_owned();
    }
    let without_hash = page.split('#').next().unwrap_or(page);
    let (path, query) = without_hash.split_once('?').unwrap_or((without_hash, ""));
    let value = src_param(resolved, page_dir(page));
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (form_decode(k), form_decode(v))
        })
        .collect();
    // As `URLSearchParams.set`: the first `src` takes the value, others go.
    match pairs.iter().position(|(k, _)| k == "src") {
        Some(first) => {
            pairs[first].1 = value;
            let mut i = 0;
            pairs.retain(|(k, _)| {
                i += 1;
                i - 1 == first || k != "src"
            });
        }
        None => pairs.push(("src".to_owned(), value)),
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// `application/x-www-form-urlencoded` serialisation of one name or value.
fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => push_percent(&mut out, b),
        }
    }
    out
}

/// Writes a byte as `%XX`, upper-case hex (without `format!`'s machinery,
/// which costs the wasm more than this whole function).
pub(crate) fn push_percent(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('%');
    out.push(HEX[usize::from(byte >> 4)] as char);
    out.push(HEX[usize::from(byte & 0xf)] as char);
}

/// The inverse of [`form_encode`], lenient as browsers are: a `%` not
/// followed by two hex digits stays as it is.
fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_directory_articles_keep_a_short_src() {
        let dir = page_dir("http://127.0.0.1:8080/index.html?src=x#top");
        assert_eq!(dir, "http://127.0.0.1:8080/");
        assert_eq!(
            src_param("http://127.0.0.1:8080/articles/a.json", dir),
            "articles/a.json"
        );
    }

    #[test]
    fn other_places_keep_the_full_url() {
        let dir = "http://127.0.0.1:8080/viewer/";
        assert_eq!(
            src_param("https://news.example/a.json", dir),
            "https://news.example/a.json"
        );
        assert_eq!(
            src_param("http://127.0.0.1:8080/other/a.json", dir),
            "http://127.0.0.1:8080/other/a.json"
        );
    }

    #[test]
    fn addresses_set_src_keep_other_parameters_and_drop_the_fragment() {
        let page = "http://127.0.0.1:8080/index.html?theme=dark&src=old.json&src=x#entry-1";
        assert_eq!(
            address_for("http://127.0.0.1:8080/articles/a b.json", page),
            "http://127.0.0.1:8080/index.html?theme=dark&src=articles%2Fa+b.json"
        );
        assert_eq!(
            address_for("https://news.example/a.json", "http://127.0.0.1:8080/"),
            "http://127.0.0.1:8080/?src=https%3A%2F%2Fnews.example%2Fa.json"
        );
        assert_eq!(
            address_for("https://news.example/a.json", "not a url"),
            "https://news.example/a.json"
        );
    }

    #[test]
    fn queries_are_read_as_browsers_read_them() {
        assert_eq!(form_decode("a+b%2Fc%zz%4"), "a b/c%zz%4");
        assert_eq!(form_encode("é*~"), "%C3%A9*%7E");
    }
}
