//! The formats' times as the format's RFC 3339: RSS's RFC 822 dates
//! (`Wed, 15 Oct 2025 11:50:00 +0300`, with the obsolete zone names and
//! two-digit years RFC 2822 still reads), WordPress's `date_gmt` (UTC
//! without an offset), and RFC 3339 as Atom and JSON Feed write it.

use article_core::time::Timestamp;

/// An RFC 3339 time as written, or WordPress's offset-less UTC time.
pub fn rfc3339_or_gmt(raw: &str) -> Option<Timestamp> {
    let raw = raw.trim();
    Timestamp::parse(raw)
        .ok()
        .or_else(|| Timestamp::parse(&format!("{raw}Z")).ok())
}

/// An RFC 822 / RFC 2822 date, else an RFC 3339 one (feeds mix them up).
pub fn rfc2822(raw: &str) -> Option<Timestamp> {
    let raw = raw.trim();
    if let Ok(t) = Timestamp::parse(raw) {
        return Some(t);
    }
    // The day's name is optional and says nothing the date does not.
    let rest = match raw.split_once(',') {
        Some((_, rest)) => rest,
        None => raw,
    };
    let mut parts = rest.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.get(..3)?.to_ascii_lowercase();
    let month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == month)?
        + 1;
    let year: u32 = parts.next()?.parse().ok()?;
    let year = match year {
        0..=49 => 2000 + year,
        50..=999 => 1900 + year,
        y => y,
    };
    let clock = parts.next()?;
    let mut hms = clock.split(':');
    let hour: u32 = hms.next()?.parse().ok()?;
    let minute: u32 = hms.next()?.parse().ok()?;
    let second: u32 = hms.next().map_or(Some(0), |s| s.parse().ok())?;
    let offset = zone(parts.next().unwrap_or("GMT"))?;
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs();
    Timestamp::parse(&format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{sign}{:02}:{:02}",
        offset / 60,
        offset % 60
    ))
    .ok()
}

/// A zone as minutes east of UTC: `+0300`, or one of RFC 822's names.
fn zone(raw: &str) -> Option<i32> {
    if let Some(sign) = raw.chars().next().filter(|c| matches!(c, '+' | '-')) {
        let digits = raw.get(1..)?.replace(':', "");
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let minutes = digits[..2].parse::<i32>().ok()? * 60 + digits[2..].parse::<i32>().ok()?;
        return Some(if sign == '-' { -minutes } else { minutes });
    }
    Some(match raw.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => 0,
        "EST" => -5 * 60,
        "EDT" => -4 * 60,
        "CST" => -6 * 60,
        "CDT" => -5 * 60,
        "MST" => -7 * 60,
        "MDT" => -6 * 60,
        "PST" => -8 * 60,
        "PDT" => -7 * 60,
        // Military zones and anything else: RFC 2822 says treat as UTC.
        _ => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_dates_become_rfc3339() {
        let t = rfc2822("Wed, 15 Oct 2025 11:50:00 +0300").unwrap();
        assert_eq!(t.as_str(), "2025-10-15T11:50:00+03:00");
        assert_eq!(
            rfc2822("15 Oct 2025 08:50 GMT").unwrap().as_str(),
            "2025-10-15T08:50:00+00:00"
        );
        assert_eq!(
            rfc2822("Wed, 15 Oct 25 04:50:00 EDT").unwrap().as_str(),
            "2025-10-15T04:50:00-04:00"
        );
        assert_eq!(
            rfc2822("2025-10-15T11:50:00+03:00").unwrap().as_str(),
            "2025-10-15T11:50:00+03:00"
        );
        for broken in [
            "",
            "yesterday",
            "Wed, 32 Oct 2025 11:50:00 GMT",
            "15 Foo 2025 10:00 GMT",
            "15 Oct 2025 25:00 GMT",
            "15 Oct 2025 10:00 +03",
        ] {
            assert!(rfc2822(broken).is_none(), "{broken}");
        }
    }

    #[test]
    fn wordpress_gmt_is_utc() {
        let t = rfc3339_or_gmt("2025-10-15T08:50:00").unwrap();
        assert_eq!(t.as_str(), "2025-10-15T08:50:00Z");
        assert_eq!(t.offset_minutes(), 0);
        assert!(rfc3339_or_gmt("0000-00-00 00:00:00").is_none());
    }
}
