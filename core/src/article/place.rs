//! Where in a document an error is, as a path (`body[3].text`), for the
//! reader's "Details" and the console.
//!
//! The reader says where an error is as a byte offset; this turns that
//! position into a path by walking the text up to it. The work is done only
//! for an item that failed, so decoding a good document pays nothing.
//! (`serde_path_to_error` does the same by wrapping every deserializer, on
//! every item, and cost about 8 KB of gzipped wasm with its generic code.)

/// The path of the value at byte `offset` of `json`: keys joined by `.`,
/// array indices in brackets; `""` for the document itself.
pub(super) fn path_at(json: &str, offset: usize) -> String {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize },
    }
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                // A string in an object, where a key is expected, is its key.
                if let Some(Frame::Object { key }) = stack.last_mut() {
                    let rest = json.get(i + 1..).unwrap_or_default();
                    let after = rest.trim_start_matches([' ', '\n', '\r', '\t']);
                    if key.is_none() && after.starts_with(':') {
                        *key = Some(json[start..i.min(bytes.len())].to_owned());
                    }
                }
            }
            b'{' => stack.push(Frame::Object { key: None }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            // Inside an object but before any key: the object itself.
            Frame::Object { key: None } => break,
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Joins the path of an item and a path inside it: `body[3]` + `text`.
pub(super) fn join(outer: &str, inner: &str) -> String {
    match (outer.is_empty(), inner.is_empty()) {
        (_, true) => outer.to_owned(),
        (true, false) => inner.to_owned(),
        (false, false) if inner.starts_with('[') => format!("{outer}{inner}"),
        (false, false) => format!("{outer}.{inner}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(json: &str, marker: &str) -> String {
        path_at(json, json.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn paths_name_keys_and_indices() {
        let doc = r#"{"body": [{"type": "p"}, {"type": "quote", "text": 5}], "x": 1}"#;
        assert_eq!(at(doc, "\"text\": 5"), "body[1].text");
        assert_eq!(at(doc, "\"type\": \"p\""), "body[0].type");
        assert_eq!(at(doc, "\"x\": 1"), "x");
        assert_eq!(path_at(doc, 0), "");
    }

    #[test]
    fn a_finished_object_is_its_parents_place() {
        let item = r#"{"items": ["a", 3]}"#;
        assert_eq!(at(item, "3"), "items[1]");
        // A missing field is found at the end of its object.
        assert_eq!(path_at(item, item.len()), "");
        let list = r#"[{"a": 1}, {"b": 2}]"#;
        assert_eq!(at(list, "{\"b\": 2}"), "[1]");
    }

    #[test]
    fn strings_with_brackets_and_escapes_are_not_structure() {
        let doc = r#"{"a": "x,[{\"]", "b": [1, 2]}"#;
        assert_eq!(at(doc, "[1, 2"), "b[1]");
    }

    #[test]
    fn paths_join() {
        assert_eq!(join("body[2]", "text"), "body[2].text");
        assert_eq!(join("body[4]", "[1]"), "body[4][1]");
        assert_eq!(join("", "headline"), "headline");
        assert_eq!(join("body[1]", ""), "body[1]");
    }
}
