//! JSON in and out, for untrusted documents: a pull reader that the article
//! decoder drives field by field, and the escaping the JSON-LD writer needs.
//!
//! Why not serde and serde_json, which the rest of the Rust world uses: in
//! the browser they were the largest single cost of the wasm. Measured on
//! the release build (`node tests/size.mjs`, 2026-11-27): the derived
//! deserializers, serde_json's reader and its error formatting came to about
//! 83 KB of the 515 KB wasm before wasm-opt; with this reader and the
//! hand-written decoder in [`crate::article`] the shipped js + wasm went from
//! 214.3 KB to 205.0 KB gzip (the decoder's own code is about 25 KB of it
//! before wasm-opt). The reader keeps serde_json's
//! guarantees where they matter to a reader of the page: the whole document
//! must be JSON (RFC 8259, nothing after it), a string may not hold a lone
//! surrogate, a field the decoder knows may not appear twice, and an error
//! says where it is (a byte offset, turned into a path such as
//! `body[3].text` only when something fails). Its messages follow
//! serde_json's wording (``invalid type: integer `5`, expected a string``).
//! serde_json stays a native dependency (the snippet command, tests).
//!
//! Nesting is not limited here: the decoder refuses documents nested deeper
//! than 128 levels before reading them, so the reader's recursion is bounded.

use std::borrow::Cow;

/// Why a value could not be read, and where (a byte offset into the text).
/// `corrupt` says the bytes themselves are broken — bad syntax, a lone
/// surrogate, a repeated field — which condemns the whole document; otherwise
/// the value is well-formed JSON of the wrong shape, and only the item that
/// holds it is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub corrupt: bool,
    pub message: String,
}

/// Reads one JSON text from start to end, a value at a time.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    /// The fields read so far of each object being read, innermost last:
    /// one list for the whole document, not one allocation per object.
    known: Vec<Cow<'a, str>>,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            known: Vec::new(),
        }
    }

    /// The whole text being read.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Where the reader is, to come back to with [`Reader::reset`].
    pub fn mark(&mut self) -> usize {
        self.whitespace();
        self.pos
    }

    pub fn reset(&mut self, at: usize) {
        self.pos = at;
    }

    /// Nothing but whitespace may follow the value.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.syntax("trailing characters")),
        }
    }

    /// A well-formed value of the wrong shape here.
    pub fn error(&self, at: usize, message: String) -> Error {
        Error {
            at,
            corrupt: false,
            message,
        }
    }

    /// A field the object just read did not have.
    pub fn missing(&self, field: &str) -> Error {
        self.error(self.pos, format!("missing field `{field}`"))
    }

    /// Consumes a `null` and says so; anything else is left to read.
    pub fn null(&mut self) -> Result<bool, Error> {
        if self.peek() == Some(b'n') {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn bool(&mut self) -> Result<bool, Error> {
        match self.peek() {
            Some(b't') => self.literal("true").map(|()| true),
            Some(b'f') => self.literal("false").map(|()| false),
            _ => Err(self.invalid("a boolean")),
        }
    }

    /// A string, borrowed from the text when it has no escapes.
    pub fn str(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.peek() != Some(b'"') {
            return Err(self.invalid("a string"));
        }
        self.string_here()
    }

    pub fn string(&mut self) -> Result<String, Error> {
        self.str().map(Cow::into_owned)
    }

    /// A string, or `null` as absent.
    pub fn optional_string(&mut self) -> Result<Option<String>, Error> {
        if self.null()? {
            return Ok(None);
        }
        self.string().map(Some)
    }

    /// A number as written (checked against JSON's grammar and finite).
    pub fn number(&mut self) -> Result<&'a str, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.invalid("a number"));
        }
        self.number_here()
    }

    /// A number as `f64`, near enough for the settings it is used for (a
    /// poll interval in seconds): not correctly rounded in the last bit.
    /// (The standard library's correctly rounded parser brings about 7 KB of
    /// tables and code into the wasm.)
    pub fn f64(&mut self) -> Result<f64, Error> {
        let text = self.number()?;
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
            None => (digits, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut value = 0.0;
        for d in whole.bytes().chain(fraction.bytes()) {
            value = value * 10.0 + f64::from(d - b'0');
        }
        let scale = exponent.saturating_sub(fraction.len() as i32);
        value *= 10f64.powi(scale);
        Ok(if negative { -value } else { value })
    }

    pub fn u32(&mut self) -> Result<u32, Error> {
        let at = self.mark();
        let text = self.number()?;
        if text.contains(['.', 'e', 'E']) {
            return Err(self.error(
                at,
                format!("invalid type: floating point `{text}`, expected u32"),
            ));
        }
        text.parse()
            .map_err(|_| self.error(at, format!("invalid value: integer `{text}`, expected u32")))
    }

    /// An object: `field` is called with each key and the reader at its
    /// value, and says whether it read the value (a field it knows) or left
    /// it (skipped here). A known field given twice is corrupt.
    pub fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<bool, Error>,
    ) -> Result<(), Error> {
        if self.peek() != Some(b'{') {
            return Err(self.invalid("a map"));
        }
        self.pos += 1;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        // The keys this object knew go above `outer`, and are gone when it ends.
        let outer = self.known.len();
        let read = loop {
            if self.peek() != Some(b'"') {
                break Err(self.syntax("key must be a string"));
            }
            let key_at = self.pos;
            let key = match self.string_here() {
                Ok(key) => key,
                Err(e) => break Err(e),
            };
            if self.peek() != Some(b':') {
                break Err(self.syntax("expected `:`"));
            }
            self.pos += 1;
            let known = match field(self, &key) {
                Ok(known) => known,
                Err(e) => break Err(e),
            };
            if !known {
                if let Err(e) = self.skip() {
                    break Err(e);
                }
            } else if self.known[outer..].contains(&key) {
                break Err(Error {
                    at: key_at,
                    corrupt: true,
                    message: format!("duplicate field `{key}`"),
                });
            } else {
                self.known.push(key);
            }
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break Ok(());
                }
                _ => break Err(self.syntax("expected `,` or `}`")),
            }
        };
        self.known.truncate(outer);
        read
    }

    /// An array: `item` reads each value, given its index.
    pub fn array(
        &mut self,
        item: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.peek() != Some(b'[') {
            return Err(self.invalid("a sequence"));
        }
        self.pos += 1;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        let mut index = 0;
        loop {
            self.whitespace();
            item(self, index)?;
            index += 1;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.syntax("expected `,` or `]`")),
            }
        }
    }

    /// Part of an array: from item `index`, at `at` (the array's `[` for
    /// the first, else where the last part stopped), at most `count` items
    /// read by `item`; where the rest begins and its index, if any remain.
    pub fn array_part(
        &mut self,
        at: usize,
        index: usize,
        count: usize,
        item: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<(), Error>,
    ) -> Result<Option<(usize, usize)>, Error> {
        self.pos = at;
        if index == 0 {
            if self.peek() != Some(b'[') {
                return Err(self.invalid("a sequence"));
            }
            self.pos += 1;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(None);
            }
        }
        let mut i = index;
        loop {
            if i - index == count {
                return Ok(Some((self.mark(), i)));
            }
            self.whitespace();
            item(self, i)?;
            i += 1;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(None);
                }
                _ => return Err(self.syntax("expected `,` or `]`")),
            }
        }
    }

    /// An array of strings.
    pub fn strings(&mut self) -> Result<Vec<String>, Error> {
        let mut out = Vec::new();
        self.array(&mut |r, _| {
            out.push(r.string()?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Passes over one value, checking that it is well-formed.
    pub fn skip(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'{') => self.object(&mut |_, _| Ok(false)),
            Some(b'[') => self.array(&mut |r, _| r.skip()),
            Some(b'"') => self.string_here().map(drop),
            Some(b't') => self.literal("true"),
            Some(b'f') => self.literal("false"),
            Some(b'n') => self.literal("null"),
            Some(b'-' | b'0'..=b'9') => self.number_here().map(drop),
            None => Err(self.syntax("EOF while parsing a value")),
            Some(_) => Err(self.syntax("expected value")),
        }
    }

    fn whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.whitespace();
        self.text.as_bytes().get(self.pos).copied()
    }

    fn syntax(&self, message: &str) -> Error {
        Error {
            at: self.pos,
            corrupt: true,
            message: message.to_owned(),
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), Error> {
        if !self.text[self.pos..].starts_with(word) {
            return Err(self.syntax("expected value"));
        }
        self.pos += word.len();
        Ok(())
    }

    /// The value here is not what was expected: says what it is instead, as
    /// serde_json would, or why it is not JSON at all.
    fn invalid(&mut self, expected: &str) -> Error {
        let at = self.mark();
        let found = match self.peek() {
            Some(b'{') => Ok("map".to_owned()),
            Some(b'[') => Ok("sequence".to_owned()),
            // Quoted as written, not as Rust's `Debug` would escape it: that
            // machinery and its Unicode tables cost the wasm 2 KB.
            Some(b'"') => self.string_here().map(|s| format!("string \"{s}\"")),
            Some(b't' | b'f') => self.bool().map(|b| format!("boolean `{b}`")),
            Some(b'n') => self.literal("null").map(|()| "null".to_owned()),
            Some(b'-' | b'0'..=b'9') => self.number_here().map(|n| {
                let kind = if n.contains(['.', 'e', 'E']) {
                    "floating point"
                } else {
                    "integer"
                };
                format!("{kind} `{n}`")
            }),
            None => Err(self.syntax("EOF while parsing a value")),
            Some(_) => Err(self.syntax("expected value")),
        };
        self.pos = at;
        match found {
            Ok(found) => self.error(at, format!("invalid type: {found}, expected {expected}")),
            Err(e) => e,
        }
    }

    fn number_here(&mut self) -> Result<&'a str, Error> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = |i: &mut usize| {
            let from = *i;
            while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > from
        };
        let mut i = start;
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let leading_zero = bytes.get(i) == Some(&b'0');
        let whole = i;
        if !digits(&mut i) || (leading_zero && i - whole > 1) {
            self.pos = i;
            return Err(self.syntax("invalid number"));
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                self.pos = i;
                return Err(self.syntax("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            if !digits(&mut i) {
                self.pos = i;
                return Err(self.syntax("invalid number"));
            }
        }
        let text = &self.text[start..i];
        if out_of_range(text) {
            return Err(self.syntax("number out of range"));
        }
        self.pos = i;
        Ok(text)
    }

    /// The string starting at the reader's `"`.
    fn string_here(&mut self) -> Result<Cow<'a, str>, Error> {
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let mut run = start;
        let mut owned: Option<String> = None;
        let mut i = start;
        loop {
            match bytes.get(i) {
                None => {
                    self.pos = i;
                    return Err(self.syntax("EOF while parsing a string"));
                }
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(&self.text[start..i]),
                        Some(mut s) => {
                            s.push_str(&self.text[run..i]);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..i]);
                    self.pos = i;
                    let c = match bytes.get(i + 1) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let (c, len) = self.unicode_escape(i)?;
                            i += len - 2;
                            c
                        }
                        _ => return Err(self.syntax("invalid escape")),
                    };
                    s.push(c);
                    i += 2;
                    run = i;
                }
                Some(0..=0x1f) => {
                    self.pos = i;
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                Some(_) => i += 1,
            }
        }
    }

    /// `\uXXXX` at `i`, or a surrogate pair `\uXXXX\uXXXX`: the character
    /// and the escape's length. A lone surrogate is corrupt.
    fn unicode_escape(&self, i: usize) -> Result<(char, usize), Error> {
        let hex = |at: usize| {
            self.text
                .get(at..at + 4)
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
        };
        let bad = |message| Error {
            at: i,
            corrupt: true,
            message: format!("{message} in hex escape"),
        };
        let first = hex(i + 2).ok_or_else(|| bad("invalid"))?;
        match first {
            0xD800..=0xDBFF => {
                let second = match self.text.get(i + 6..i + 8) {
                    Some("\\u") => hex(i + 8).ok_or_else(|| bad("invalid"))?,
                    _ => return Err(bad("lone leading surrogate")),
                };
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(bad("lone leading surrogate"));
                }
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                char::from_u32(c)
                    .map(|c| (c, 12))
                    .ok_or_else(|| bad("invalid"))
            }
            0xDC00..=0xDFFF => Err(bad("lone trailing surrogate")),
            _ => char::from_u32(first)
                .map(|c| (c, 6))
                .ok_or_else(|| bad("invalid")),
        }
    }
}

/// Whether a number (already checked against JSON's grammar) is too large
/// for an `f64`, as serde_json refuses it: its decimal exponent, once its
/// digits are read as `0.d1d2…`, passes 308, or is 309 with digits past
/// `f64::MAX`'s `0.17976931348623157`.
fn out_of_range(number: &str) -> bool {
    let digits = number.trim_start_matches('-');
    let (mantissa, exponent) = match digits.split_once(['e', 'E']) {
        Some((m, e)) => (m, e),
        None => (digits, "0"),
    };
    let exponent: i64 = match exponent.trim_start_matches('+').parse() {
        Ok(e) => e,
        // More exponent digits than an i64 holds: huge unless negative
        // (or the number is zero).
        Err(_) => {
            return !exponent.starts_with('-')
                && mantissa.bytes().any(|b| b.is_ascii_digit() && b != b'0')
        }
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The digits as 0.d1d2… × 10^magnitude.
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0');
    if significant.is_empty() {
        return false;
    }
    let leading_zeros = (digits.len() - significant.len()) as i64;
    let magnitude = exponent.saturating_add(whole.len() as i64 - leading_zeros);
    magnitude > 309 || (magnitude == 309 && significant.trim_end_matches('0') > "17976931348623157")
}

/// Appends `text` as a JSON string. `<`, `>` and `&` are escaped too, so the
/// result is safe inside an HTML `<script>` element.
pub fn quote(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{0}'..='\u{1f}' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<(), Error> {
        let mut r = Reader::new(text);
        r.skip()?;
        r.end()
    }

    #[test]
    fn reads_what_rfc_8259_allows() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0.5e+10",
            "1E-2",
            r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#,
            r#"{"a": [1, {"b": null}], "c": {}}"#,
            "[]",
            "\t[ 1 ,2\r\n]",
        ] {
            assert_eq!(read(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn refuses_what_it_does_not() {
        for text in [
            "",
            "nul",
            "01",
            "1.",
            "-",
            "1e",
            "+1",
            ".5",
            "1e400",
            "[1,]",
            "{\"a\" 1}",
            "{a: 1}",
            "{\"a\": 1,}",
            "[1 2]",
            "\"abc",
            "\"a\u{1}\"",
            r#""\x""#,
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\u0041""#,
            r#""\u12""#,
            "1 2",
            "\u{feff}{}",
            "NaN",
        ] {
            let e = read(text).unwrap_err();
            assert!(e.corrupt, "{text}: {e:?}");
        }
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut r = Reader::new(r#"["plain", "tab\there"]"#);
        let mut seen = Vec::new();
        r.array(&mut |r, _| {
            seen.push(r.str()?);
            Ok(())
        })
        .unwrap();
        assert!(matches!(seen[0], Cow::Borrowed("plain")));
        assert_eq!(seen[1], "tab\there");
    }

    #[test]
    fn a_value_of_the_wrong_shape_says_what_it_is_and_where() {
        let text = r#"{"a": 5, "b": "x", "c": 1.5, "d": [], "e": null}"#;
        let expect = |key: &str, found: &str| {
            let mut r = Reader::new(text);
            let mut error = None;
            r.object(&mut |r, k| {
                if k == key {
                    error = r.string().err();
                    r.skip()?;
                    return Ok(true);
                }
                Ok(false)
            })
            .unwrap();
            let e = error.unwrap();
            assert!(!e.corrupt);
            assert_eq!(
                e.message,
                format!("invalid type: {found}, expected a string")
            );
            assert_eq!(
                e.at,
                text.find(&format!("\"{key}\": ")).unwrap() + key.len() + 4
            );
        };
        expect("a", "integer `5`");
        expect("c", "floating point `1.5`");
        expect("d", "sequence");
        expect("e", "null");
        let mut r = Reader::new("true");
        assert_eq!(
            r.number().unwrap_err().message,
            "invalid type: boolean `true`, expected a number"
        );
    }

    #[test]
    fn a_known_field_twice_is_corrupt_an_unknown_one_is_not() {
        let text = r#"{"x": 1, "x": 2, "a": 1, "a": 2}"#;
        let mut r = Reader::new(text);
        let e = r
            .object(&mut |r, k| {
                if k == "a" {
                    r.skip()?;
                    return Ok(true);
                }
                Ok(false)
            })
            .unwrap_err();
        assert!(e.corrupt);
        assert_eq!(e.message, "duplicate field `a`");
        assert_eq!(e.at, text.rfind("\"a\"").unwrap());
    }

    #[test]
    fn numbers_out_of_f64s_range_are_refused_as_serde_json_does() {
        for (text, refused) in [
            ("1e308", false),
            ("1.7976931348623157e308", false),
            ("1.7976931348623159e308", true),
            ("17976931348623157e292", false),
            ("2e308", true),
            ("1e309", true),
            ("-1e400", true),
            ("0.00001e313", false),
            ("0.0001e313", true),
            ("1e-400", false),
            ("0e99999999999999999999", false),
            ("1e99999999999999999999", true),
            ("1e-99999999999999999999", false),
            ("123456789012345678901234567890", false),
        ] {
            assert_eq!(read(text).is_err(), refused, "{text}");
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                refused,
                "serde_json on {text}"
            );
        }
    }

    #[test]
    fn numbers_as_f64_are_near_enough() {
        for (text, value) in [
            ("10", 10.0),
            ("-2.5", -2.5),
            ("30.25", 30.25),
            ("1e3", 1000.0),
            ("15E-1", 1.5),
            ("0.001", 0.001),
        ] {
            let read = Reader::new(text).f64().unwrap();
            assert!(
                (read - value).abs() <= value.abs() * 1e-12,
                "{text}: {read}"
            );
        }
    }

    #[test]
    fn numbers_as_u32() {
        let u32_of = |t: &str| Reader::new(t).u32();
        assert_eq!(u32_of("640"), Ok(640));
        assert!(u32_of("-1").unwrap_err().message.contains("invalid value"));
        assert!(u32_of("4294967296").is_err());
        assert!(u32_of("1.5")
            .unwrap_err()
            .message
            .contains("floating point"));
    }

    #[test]
    fn quoting_is_json_and_safe_in_a_script_element() {
        let mut out = String::new();
        quote(&mut out, "a\"b\\c\n</script><!--&\u{2028}é");
        assert_eq!(
            out,
            r#""a\"b\\c\n\u003c/script\u003e\u003c!--\u0026\u2028é""#
        );
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "a\"b\\c\n</script><!--&\u{2028}é");
    }
}
