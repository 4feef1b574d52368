//! Calendar dates (proleptic Gregorian), written `YYYY-MM-DD`.

use std::fmt;

/// A calendar day.
///
/// ```
/// use frontline::date::Date;
/// let d: Date = "2020-02-28".parse().unwrap();
/// assert_eq!(d.add_days(2).to_string(), "2020-03-01"); // 2020 is a leap year
/// assert!("2020-02-30".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// 1970-01-01.
    pub const EPOCH: Date = Date { days: 0 };

    /// The date from year, month and day, if it exists.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || !(1..=9999).contains(&y) {
            return None;
        }
        // days from civil (Howard Hinnant's algorithm)
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date {
            days: era * 146_097 + doe - 719_468,
        })
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i32) -> Date {
        Date {
            days: self.days + n,
        }
    }

    /// Days from `self` to `other`.
    pub fn days_until(self, other: Date) -> i32 {
        other.days - self.days
    }
}

/// Why a date did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let s = s.trim();
        let b = s.as_bytes();
        let ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !ok {
            return Err(DateError(format!(
                "`{}` is not a date written YYYY-MM-DD",
                crate::error::shorten(s, 40)
            )));
        }
        let y: i32 = s[0..4].parse().unwrap_or(0);
        let m: u32 = s[5..7].parse().unwrap_or(0);
        let d: u32 = s[8..10].parse().unwrap_or(0);
        Date::from_ymd(y, m, d)
            .ok_or_else(|| DateError(format!("`{s}` is not a day of the calendar")))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_date_argument_is_not_echoed_in_full() {
        let e = "9".repeat(1 << 20).parse::<Date>().unwrap_err();
        assert!(e.0.len() < 200, "{}", e.0.len());
    }

    #[test]
    fn round_trips_every_day_of_a_leap_century() {
        let mut d: Date = "1999-12-31".parse().unwrap();
        for _ in 0..40_000 {
            let n = d.add_days(1);
            let back: Date = n.to_string().parse().unwrap();
            assert_eq!(back, n);
            assert_eq!(d.days_until(n), 1);
            d = n;
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for s in [
            "2020-13-01",
            "2019-02-29",
            "2020-00-10",
            "2020-04-31",
            "20-1-1",
            "2020/01/01",
            "",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
        assert!("2020-02-29".parse::<Date>().is_ok());
    }
}
