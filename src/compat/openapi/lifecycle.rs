//! The deprecation and stability policy: dates, sunsets and `x-stability-level`.
//!
//! An element may be removed once consumers have had notice: it was deprecated in the old
//! revision and either its `x-sunset` date has passed, or it has been deprecated for at least
//! `deprecation_days` (180 by default, [`DEFAULT_DEPRECATION_DAYS`]) since its `x-deprecated-at`
//! date. Dates are `YYYY-MM-DD` (a full RFC 3339 timestamp is read by its date) and compared
//! with `CheckOptions::today`, or the system date when that is unset, so fixtures and CI runs can
//! pin the day. Operations marked `x-stability-level: draft` or `alpha` make no promise and may
//! change freely; `beta` and `stable` (the default) do.

use std::time::{SystemTime, UNIX_EPOCH};

use indexmap::IndexMap;
use serde_json::Value;

/// Days an element must have been deprecated (from `x-deprecated-at`) before it may be removed,
/// when the `breaking` configuration sets no `deprecation_days`. oasdiff's default for stable
/// endpoints is the same half year.
pub const DEFAULT_DEPRECATION_DAYS: u32 = 180;

/// A calendar day as days since 1970-01-01.
pub type Day = i64;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day, as `YYYY-MM-DD`.
pub fn civil_text(day: Day) -> String {
    let z = day + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses `YYYY-MM-DD` (or the date of an RFC 3339 timestamp).
pub fn parse_date(text: &str) -> Option<Day> {
    let t = text.trim();
    let date = t.get(..10)?;
    if t.len() > 10 && !matches!(t.as_bytes()[10], b'T' | b't' | b' ') {
        return None;
    }
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = date[..4].parse().ok()?;
    let m: u32 = date[5..7].parse().ok()?;
    let d: u32 = date[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&d)
        .then(|| days_from_civil(y, m, d))
}

/// Today: `CheckOptions::today` when given (and readable), else the system clock's date (UTC).
pub fn today(option: Option<&str>) -> Day {
    if let Some(day) = option.and_then(parse_date) {
        return day;
    }
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    secs.div_euclid(86_400)
}

/// A date extension as written: absent, readable, or not a date.
#[derive(Clone, Debug, PartialEq)]
pub enum DateExt {
    Absent,
    Date(Day, String),
    Unreadable(String),
}

impl DateExt {
    pub fn of(extensions: &IndexMap<String, Value>, key: &str) -> DateExt {
        match extensions.get(key) {
            None | Some(Value::Null) => DateExt::Absent,
            Some(v) => {
                let text = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                match parse_date(&text) {
                    Some(d) => DateExt::Date(d, text),
                    None => DateExt::Unreadable(text),
                }
            }
        }
    }

    pub fn from_text(text: Option<&str>) -> DateExt {
        match text {
            None => DateExt::Absent,
            Some(t) => match parse_date(t) {
                Some(d) => DateExt::Date(d, t.to_string()),
                None => DateExt::Unreadable(t.to_string()),
            },
        }
    }

    pub fn day(&self) -> Option<Day> {
        match self {
            DateExt::Date(d, _) => Some(*d),
            _ => None,
        }
    }

    pub fn is_unreadable(&self) -> bool {
        matches!(self, DateExt::Unreadable(_))
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            DateExt::Absent => None,
            DateExt::Date(_, t) | DateExt::Unreadable(t) => Some(t),
        }
    }
}

/// The deprecation policy of one comparison.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    pub today: Day,
    pub days: u32,
}

/// What the policy says about removing an element deprecated in the old revision.
#[derive(Clone, Debug, PartialEq)]
pub enum Removal {
    /// Never deprecated: removing it breaks consumers without notice.
    NotDeprecated,
    /// Deprecated, but the notice period is not over (`until` is the first day it may go, when
    /// known).
    TooEarly { until: Option<Day> },
    /// A date is not readable, so the notice period cannot be checked.
    Unreadable(String),
    /// Deprecated long enough.
    Allowed,
}

impl Policy {
    /// Judges the removal of an element with `deprecated` and its extensions.
    pub fn removal(&self, deprecated: bool, extensions: &IndexMap<String, Value>) -> Removal {
        if !deprecated {
            return Removal::NotDeprecated;
        }
        let sunset = DateExt::of(extensions, "x-sunset");
        let since = DateExt::of(extensions, "x-deprecated-at");
        for d in [&sunset, &since] {
            if let DateExt::Unreadable(t) = d {
                return Removal::Unreadable(t.clone());
            }
        }
        if self.days == 0 {
            return Removal::Allowed;
        }
        let by_sunset = sunset.day();
        let by_period = since.day().map(|d| d + i64::from(self.days));
        let until = match (by_sunset, by_period) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match until {
            Some(u) if u <= self.today => Removal::Allowed,
            _ => Removal::TooEarly { until },
        }
    }

    /// The earliest acceptable sunset for something deprecated today.
    pub fn earliest_sunset(&self) -> Day {
        self.today + i64::from(self.days)
    }
}

/// `x-stability-level`, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stability {
    Draft,
    Alpha,
    Beta,
    Stable,
}

impl Stability {
    /// The level of an element: `Ok(None)` when not given, `Err` with the text when unknown.
    pub fn of(extensions: &IndexMap<String, Value>) -> Result<Option<Stability>, String> {
        match extensions.get("x-stability-level") {
            None => Ok(None),
            Some(v) => Stability::parse(v.as_str().unwrap_or_default())
                .map(Some)
                .ok_or_else(|| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                }),
        }
    }

    pub fn parse(s: &str) -> Option<Stability> {
        Some(match s {
            "draft" => Stability::Draft,
            "alpha" => Stability::Alpha,
            "beta" => Stability::Beta,
            "stable" => Stability::Stable,
            _ => return None,
        })
    }

    /// Draft and alpha elements promise nothing: their breaking changes are not reported.
    pub fn may_break(extensions: &IndexMap<String, Value>) -> bool {
        matches!(
            Stability::of(extensions),
            Ok(Some(Stability::Draft | Stability::Alpha))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_bad_ones_are_refused() {
        for t in ["1970-01-01", "2000-02-29", "2024-06-30", "2100-12-31"] {
            assert_eq!(civil_text(parse_date(t).unwrap()), t);
        }
        assert_eq!(parse_date("1970-01-02"), Some(1));
        assert_eq!(parse_date("2024-06-30T12:00:00Z"), parse_date("2024-06-30"));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "next spring",
            "2024/06/30",
            "2024-06-301",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn removal_needs_a_passed_sunset_or_a_long_enough_deprecation() {
        let p = Policy {
            today: parse_date("2024-06-01").unwrap(),
            days: 180,
        };
        let ext = |pairs: &[(&str, &str)]| -> IndexMap<String, Value> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
                .collect()
        };
        assert_eq!(p.removal(false, &ext(&[])), Removal::NotDeprecated);
        assert_eq!(
            p.removal(true, &ext(&[("x-sunset", "2024-05-31")])),
            Removal::Allowed
        );
        assert!(matches!(
            p.removal(true, &ext(&[("x-sunset", "2024-06-02")])),
            Removal::TooEarly { .. }
        ));
        assert_eq!(
            p.removal(true, &ext(&[("x-deprecated-at", "2023-12-01")])),
            Removal::Allowed
        );
        assert!(matches!(
            p.removal(true, &ext(&[("x-deprecated-at", "2024-01-01")])),
            Removal::TooEarly { .. }
        ));
        assert_eq!(
            p.removal(true, &ext(&[])),
            Removal::TooEarly { until: None }
        );
        assert_eq!(
            p.removal(true, &ext(&[("x-sunset", "soon")])),
            Removal::Unreadable("soon".into())
        );
        let none = Policy { days: 0, ..p };
        assert_eq!(none.removal(true, &ext(&[])), Removal::Allowed);
    }
}
