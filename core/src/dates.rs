//! Dates in words without a browser, for the HTML the viewer writes ahead of
//! time (the snippet, the build's prerender).
//!
//! In the browser, times are the reader's and `Intl` writes them. Ahead of
//! time there is no reader: the story is written for one in the publisher's
//! language and in the zone of the story's own offset, and the viewer
//! rewrites every time for the real reader when it takes over. So this
//! module writes exactly what `Intl.DateTimeFormat` writes, with the options
//! the viewer uses, for the languages whose patterns it knows (English as in
//! the United States and elsewhere, French), checked against Chromium's
//! output in the tests. Any other language gets the numeric
//! `2025-10-15 08:50`, which the viewer then replaces; a locale-data crate
//! would be the alternative, at a size out of proportion for a build tool.

/// A moment in the reader's zone: the civil date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Local {
    pub year: i64,
    /// 1–12.
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    /// 0 = Sunday.
    pub weekday: u8,
    /// Days since 1970-01-01 of this date.
    pub day_number: i64,
    pub offset_minutes: i32,
}

impl Local {
    /// `epoch_millis` at `offset_minutes` east of UTC.
    pub fn at(epoch_millis: f64, offset_minutes: i32) -> Local {
        let local_ms = epoch_millis as i64 + i64::from(offset_minutes) * 60_000;
        let day_number = local_ms.div_euclid(86_400_000);
        let in_day = local_ms.rem_euclid(86_400_000) / 60_000;
        let (year, month, day) = civil_from_days(day_number);
        Local {
            year,
            month,
            day,
            hour: (in_day / 60) as u8,
            minute: (in_day % 60) as u8,
            // 1970-01-01 was a Thursday.
            weekday: (day_number + 4).rem_euclid(7) as u8,
            day_number,
            offset_minutes,
        }
    }
}

/// How a language writes dates, as far as this module knows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `en-US` and plain `en`: "October 15, 2025 at 8:50 AM".
    EnUs,
    /// Every other English: "15 October 2025 at 08:50".
    EnGb,
    Fr,
    /// Unknown: numeric.
    Numeric,
}

fn style(lang: &str) -> Style {
    let lang = lang.to_ascii_lowercase();
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    match primary {
        "en" if lang == "en" || lang.starts_with("en-us") => Style::EnUs,
        "en" => Style::EnGb,
        "fr" => Style::Fr,
        _ => Style::Numeric,
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const WEEKDAYS_FR: [&str; 7] = [
    "dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
];

fn month_en(t: &Local) -> &'static str {
    MONTHS_EN[usize::from(t.month - 1)]
}

fn short_en(t: &Local) -> &'static str {
    &month_en(t)[..3]
}

/// `08:50`.
fn clock24(t: &Local) -> String {
    format!("{:02}:{:02}", t.hour, t.minute)
}

/// `8:50 AM` (`two_digit`: `08:50 AM`).
fn clock12(t: &Local, two_digit: bool) -> String {
    let hour = match t.hour % 12 {
        0 => 12,
        h => h,
    };
    let half = if t.hour < 12 { "AM" } else { "PM" };
    if two_digit {
        format!("{hour:02}:{:02} {half}", t.minute)
    } else {
        format!("{hour}:{:02} {half}", t.minute)
    }
}

fn numeric(t: &Local) -> String {
    format!("{:04}-{:02}-{:02} {}", t.year, t.month, t.day, clock24(t))
}

fn numeric_date(t: &Local) -> String {
    format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)
}

/// The dateline: `dateStyle: long, timeStyle: short`.
pub fn long_date_time(t: &Local, lang: &str) -> String {
    match style(lang) {
        Style::EnUs => format!(
            "{} {}, {} at {}",
            month_en(t),
            t.day,
            t.year,
            clock12(t, false)
        ),
        Style::EnGb => format!("{} {} {} at {}", t.day, month_en(t), t.year, clock24(t)),
        Style::Fr => format!(
            "{} {} {} à {}",
            t.day,
            MONTHS_FR[usize::from(t.month - 1)],
            t.year,
            clock24(t)
        ),
        Style::Numeric => numeric(t),
    }
}

/// A timeline time today: `hour: 2-digit, minute: 2-digit`.
pub fn clock(t: &Local, lang: &str) -> String {
    match style(lang) {
        Style::EnUs => clock12(t, true),
        _ => clock24(t),
    }
}

/// A timeline time of another day: `month: short, day: numeric` and the clock.
pub fn date_clock(t: &Local, lang: &str) -> String {
    match style(lang) {
        Style::EnUs => format!("{} {}, {}", short_en(t), t.day, clock12(t, true)),
        Style::EnGb => format!("{} {}, {}", t.day, short_en(t), clock24(t)),
        Style::Fr => format!(
            "{} {}, {}",
            t.day,
            MONTHS_FR_SHORT[usize::from(t.month - 1)],
            clock24(t)
        ),
        Style::Numeric => numeric(t),
    }
}

/// A day heading: `weekday: long, day, month: long, year`.
pub fn day(t: &Local, lang: &str) -> String {
    let weekday = usize::from(t.weekday);
    match style(lang) {
        Style::EnUs => format!(
            "{}, {} {}, {}",
            WEEKDAYS_EN[weekday],
            month_en(t),
            t.day,
            t.year
        ),
        Style::EnGb => format!(
            "{}, {} {} {}",
            WEEKDAYS_EN[weekday],
            t.day,
            month_en(t),
            t.year
        ),
        Style::Fr => format!(
            "{} {} {} {}",
            WEEKDAYS_FR[weekday],
            t.day,
            MONTHS_FR[usize::from(t.month - 1)],
            t.year
        ),
        Style::Numeric => numeric_date(t),
    }
}

/// "Today" and "Yesterday" (`RelativeTimeFormat`, `numeric: auto`), capitalised
/// as the viewer shows them.
pub fn relative_day(days_ago: i64, lang: &str) -> Option<&'static str> {
    match (style(lang), days_ago) {
        (Style::EnUs | Style::EnGb, 0) => Some("Today"),
        (Style::EnUs | Style::EnGb, 1) => Some("Yesterday"),
        (Style::Fr, 0) => Some("Aujourd’hui"),
        (Style::Fr, 1) => Some("Hier"),
        _ => None,
    }
}

/// The whole moment with its zone, for a tooltip: `GMT+3` as `Intl` names a
/// fixed offset (`UTC+3` in French, `UTC` for none).
pub fn full(t: &Local, lang: &str) -> String {
    let zone = |prefix: &str| {
        let m = t.offset_minutes;
        if m == 0 {
            return "UTC".to_owned();
        }
        let sign = if m < 0 { '-' } else { '+' };
        let (h, min) = (m.abs() / 60, m.abs() % 60);
        if min == 0 {
            format!("{prefix}{sign}{h}")
        } else {
            format!("{prefix}{sign}{h}:{min:02}")
        }
    };
    match style(lang) {
        Style::EnUs => format!("{} at {} {}", day(t, lang), clock12(t, false), zone("GMT")),
        Style::EnGb => format!("{} at {} {}", day(t, lang), clock24(t), zone("GMT")),
        Style::Fr => format!("{} à {} {}", day(t, lang), clock24(t), zone("UTC")),
        Style::Numeric => format!("{} {}", numeric(t), zone("UTC")),
    }
}

/// A whole number in `lang`'s digits: Arabic-Indic for Arabic, as `Intl`
/// writes them, else ASCII.
pub fn number(n: u32, lang: &str) -> String {
    let digits = n.to_string();
    if lang
        .split(['-', '_'])
        .next()
        .is_some_and(|p| p.eq_ignore_ascii_case("ar"))
    {
        digits
            .chars()
            .map(|c| char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c))
            .collect()
    } else {
        digits
    }
}

/// The proleptic Gregorian date of a day number (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Timestamp;

    fn at(raw: &str, offset: i32) -> Local {
        Local::at(Timestamp::parse(raw).unwrap().epoch_millis(), offset)
    }

    // The expected strings are what Chromium 156 (ICU 78) writes for the same
    // moment, options and zone (`Etc/GMT-3` for +03:00).
    #[test]
    fn english_as_intl_writes_it() {
        let t = at("2025-10-15T11:50:00+03:00", 180);
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute),
            (2025, 10, 15, 11, 50)
        );
        assert_eq!(long_date_time(&t, "en-GB"), "15 October 2025 at 11:50");
        assert_eq!(long_date_time(&t, "en"), "October 15, 2025 at 11:50 AM");
        assert_eq!(clock(&t, "en-GB"), "11:50");
        assert_eq!(clock(&t, "en-US"), "11:50 AM");
        assert_eq!(date_clock(&t, "en-GB"), "15 Oct, 11:50");
        assert_eq!(date_clock(&t, "en"), "Oct 15, 11:50 AM");
        assert_eq!(day(&t, "en-GB"), "Wednesday, 15 October 2025");
        assert_eq!(day(&t, "en"), "Wednesday, October 15, 2025");
        assert_eq!(
            full(&t, "en-GB"),
            "Wednesday, 15 October 2025 at 11:50 GMT+3"
        );
        assert_eq!(
            full(&t, "en"),
            "Wednesday, October 15, 2025 at 11:50 AM GMT+3"
        );
    }

    #[test]
    fn french_as_intl_writes_it() {
        let t = at("2025-10-15T08:50:00+03:00", 180);
        assert_eq!(long_date_time(&t, "fr"), "15 octobre 2025 à 08:50");
        assert_eq!(date_clock(&t, "fr-FR"), "15 oct., 08:50");
        assert_eq!(day(&t, "fr"), "mercredi 15 octobre 2025");
        assert_eq!(full(&t, "fr"), "mercredi 15 octobre 2025 à 08:50 UTC+3");
    }

    #[test]
    fn the_reader_zone_moves_the_date_and_the_clock() {
        // 23:30 UTC is the next day at +03:00, and noon and midnight are 12.
        let t = at("2025-12-31T23:30:00Z", 180);
        assert_eq!((t.year, t.month, t.day, t.weekday), (2026, 1, 1, 4));
        assert_eq!(clock(&t, "en"), "02:30 AM");
        assert_eq!(clock(&at("2025-10-15T12:05:00Z", 0), "en"), "12:05 PM");
        assert_eq!(clock(&at("2025-10-15T00:05:00Z", 0), "en"), "12:05 AM");
        assert_eq!(
            full(&at("2025-10-15T00:05:00Z", 330), "en-GB"),
            "Wednesday, 15 October 2025 at 05:35 GMT+5:30"
        );
        assert_eq!(
            full(&at("2025-10-15T00:05:00Z", 0), "en-GB"),
            "Wednesday, 15 October 2025 at 00:05 UTC"
        );
        assert_eq!(at("1969-12-31T23:59:00Z", 0).day_number, -1);
    }

    #[test]
    fn unknown_languages_are_numeric_and_arabic_digits_are_arabic() {
        let t = at("2025-10-15T08:50:00+03:00", 180);
        assert_eq!(long_date_time(&t, "de"), "2025-10-15 08:50");
        assert_eq!(relative_day(0, "de"), None);
        assert_eq!(relative_day(1, "en-GB"), Some("Yesterday"));
        assert_eq!(number(4, "ar"), "٤");
        assert_eq!(number(12, "en-GB"), "12");
    }

    #[test]
    fn days_round_trip_through_the_calendar() {
        for n in [-800_000, -1, 0, 59, 365, 11_016, 20_376, 800_000] {
            let (y, m, d) = civil_from_days(n);
            let back = Timestamp::parse(&format!("{y:04}-{m:02}-{d:02}T00:00:00Z"));
            if (0..=9999).contains(&y) {
                assert_eq!(back.unwrap().epoch_seconds() / 86_400, n);
            }
        }
    }
}
