//! RFC 3339 timestamps and HTTP dates, parsed without a date library.
//!
//! The viewer needs two things from a time: the exact string to put in
//! `<time datetime>` and the instant, to sort by and to hand to the
//! browser's `Intl`, which shows it in the reader's zone. A full date-time
//! crate would cost more wasm than this whole module.

use std::fmt;

/// A moment written as RFC 3339 with an offset, e.g. `2025-10-15T11:50:00+03:00`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp {
    raw: String,
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    /// Offset from UTC in minutes (`Z` is 0).
    offset_minutes: i16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(&'static str);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an RFC 3339 date-time: {}", self.0)
    }
}

impl std::error::Error for TimestampError {}

impl Timestamp {
    pub fn parse(raw: &str) -> Result<Timestamp, TimestampError> {
        let b = raw.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Result<u32, TimestampError> {
            let part = b.get(range).ok_or(TimestampError("too short"))?;
            if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
                return Err(TimestampError("expected digits"));
            }
            Ok(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
        };
        let expect = |at: usize, allowed: &[u8], what: &'static str| match b.get(at) {
            Some(c) if allowed.contains(c) => Ok(()),
            _ => Err(TimestampError(what)),
        };
        let year = digits(0..4)?;
        expect(4, b"-", "expected '-' after the year")?;
        let month = digits(5..7)?;
        expect(7, b"-", "expected '-' after the month")?;
        let day = digits(8..10)?;
        expect(10, b"Tt ", "expected 'T' between date and time")?;
        let hour = digits(11..13)?;
        expect(13, b":", "expected ':' after the hour")?;
        let minute = digits(14..16)?;
        expect(16, b":", "expected ':' after the minutes")?;
        let second = digits(17..19)?;
        let mut at = 19;
        if b.get(at) == Some(&b'.') {
            at += 1;
            let start = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start {
                return Err(TimestampError("expected digits after '.'"));
            }
        }
        let offset_minutes = match b.get(at) {
            Some(b'Z' | b'z') if at + 1 == b.len() => 0,
            Some(sign @ (b'+' | b'-')) if at + 6 == b.len() => {
                let hours = digits(at + 1..at + 3)?;
                expect(at + 3, b":", "expected ':' in the offset")?;
                let minutes = digits(at + 4..at + 6)?;
                if hours > 23 || minutes > 59 {
                    return Err(TimestampError("offset out of range"));
                }
                let total = (hours * 60 + minutes) as i16;
                if *sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            _ => return Err(TimestampError("expected an offset such as 'Z' or '+03:00'")),
        };
        if !(1..=12).contains(&month) {
            return Err(TimestampError("month out of range"));
        }
        if day == 0 || day > days_in_month(year as i32, month as u8) {
            return Err(TimestampError("day out of range"));
        }
        // 60 allows a leap second.
        if hour > 23 || minute > 59 || second > 60 {
            return Err(TimestampError("time out of range"));
        }
        Ok(Timestamp {
            raw: raw.to_owned(),
            year: year as i32,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            offset_minutes,
        })
    }

    /// The value exactly as written, for `<time datetime>`.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn epoch_seconds(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }

    /// Milliseconds since the epoch (whole seconds: the viewer never shows
    /// fractions), the value a JavaScript `Date` takes.
    pub fn epoch_millis(&self) -> f64 {
        self.epoch_seconds() as f64 * 1000.0
    }

    /// The offset it was written with, in minutes east of UTC.
    pub fn offset_minutes(&self) -> i32 {
        i32::from(self.offset_minutes)
    }

    /// `HH:MM` as the publisher wrote it.
    pub fn clock(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// `YYYY-MM-DD` as the publisher wrote it.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Seconds since the epoch of an HTTP date (RFC 9110 §5.6.7), in any of its
/// three forms: `Sun, 06 Nov 1994 08:49:37 GMT`, the obsolete
/// `Sunday, 06-Nov-94 08:49:37 GMT` and asctime's `Sun Nov  6 08:49:37 1994`.
pub fn http_date_epoch_seconds(value: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month_of = |name: &str| MONTHS.iter().position(|m| *m == name).map(|i| i as u8 + 1);
    let words: Vec<&str> = value.split_whitespace().collect();
    let (day, month, year, clock) = match words.as_slice() {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        [_, day, month, year, clock, "GMT"] => (
            day.parse().ok()?,
            month_of(month)?,
            year.parse().ok()?,
            *clock,
        ),
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (two-digit years: 19xx from 70)
        [_, date, clock, "GMT"] => {
            let mut parts = date.split('-');
            let day = parts.next()?.parse().ok()?;
            let month = month_of(parts.next()?)?;
            let yy: i32 = parts.next()?.parse().ok()?;
            let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
            (day, month, year, *clock)
        }
        // asctime: Sun Nov  6 08:49:37 1994
        [_, month, day, clock, year] => (
            day.parse().ok()?,
            month_of(month)?,
            year.parse().ok()?,
            *clock,
        ),
        _ => return None,
    };
    let mut hms = clock.split(':').map(|p| p.parse::<u8>().ok());
    let (hour, minute, second) = (hms.next()??, hms.next()??, hms.next()??);
    let valid = hms.next().is_none()
        && (1..=12).contains(&month)
        && day >= 1
        && u32::from(day) <= days_in_month(year, month)
        && hour < 24
        && minute < 60
        && second <= 60;
    valid.then(|| {
        days_from_civil(year, month, day) * 86_400
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second)
    })
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offset_and_sorts_by_instant() {
        let t = Timestamp::parse("2025-10-15T11:50:00+03:00").unwrap();
        assert_eq!(t.clock(), "11:50");
        assert_eq!(t.date(), "2025-10-15");
        assert_eq!(t.epoch_seconds(), 1_760_518_200);
        let utc = Timestamp::parse("2025-10-15T08:50:00Z").unwrap();
        assert_eq!(t.epoch_seconds(), utc.epoch_seconds());
    }

    #[test]
    fn keeps_the_string_as_written() {
        let raw = "2025-10-15T09:50:00.250-04:30";
        assert_eq!(Timestamp::parse(raw).unwrap().as_str(), raw);
    }

    #[test]
    fn epoch_is_zero_at_1970() {
        let t = Timestamp::parse("1970-01-01T00:00:00Z").unwrap();
        assert_eq!(t.epoch_seconds(), 0);
        let leap = Timestamp::parse("2024-02-29T00:00:00Z").unwrap();
        assert_eq!(leap.epoch_seconds(), 1_709_164_800);
    }

    #[test]
    fn http_dates_in_all_three_forms() {
        let expected = Some(784_111_777);
        assert_eq!(
            http_date_epoch_seconds("Sun, 06 Nov 1994 08:49:37 GMT"),
            expected
        );
        assert_eq!(
            http_date_epoch_seconds("Sunday, 06-Nov-94 08:49:37 GMT"),
            expected
        );
        assert_eq!(
            http_date_epoch_seconds("Sun Nov  6 08:49:37 1994"),
            expected
        );
        for bad in [
            "",
            "tomorrow",
            "Sun, 06 Nov 1994 08:49:37 PST",
            "Sun, 31 Feb 1994 08:49:37 GMT",
        ] {
            assert_eq!(http_date_epoch_seconds(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rejects_what_is_not_rfc_3339() {
        for bad in [
            "",
            "2025-10-15",
            "2025-10-15T11:50:00",
            "2025-10-15T11:50+03:00",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-10-15T24:00:00Z",
            "2025-10-15T11:50:00+3:00",
            "2025-10-15T11:50:00Zjunk",
            "yesterday",
            "٢٠٢٥-10-15T11:50:00Z",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }
}
