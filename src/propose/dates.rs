//! Dates written relative to an article: « mercredi », « hier », "on
//! Thursday", «الثلاثاء», « fin janvier », "January 29", "three weeks ago".

use super::lang::DateWords;
use super::text::{Lexicon, Tok};
use crate::date::Date;

/// The article's publication date: a day, or only a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PubDate {
    /// A known day.
    Day(Date),
    /// Only the year and month are known (`date 2020-02`).
    Month(i32, u32),
}

impl PubDate {
    /// Parse `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse(s: &str) -> Option<PubDate> {
        let s = s.trim();
        if let Ok(d) = s.parse::<Date>() {
            return Some(PubDate::Day(d));
        }
        let (y, m) = s.split_once('-')?;
        let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
        (y.to_string().len() == 4 && (1..=12).contains(&m) && m.to_string().len() <= 2)
            .then_some(PubDate::Month(y, m))
    }
    fn year_month(self) -> (i32, u32) {
        match self {
            PubDate::Day(d) => {
                let (y, m, _) = d.ymd();
                (y, m)
            }
            PubDate::Month(y, m) => (y, m),
        }
    }
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateExpr {
    /// Token index where it starts.
    pub at: usize,
    /// The day, if it can be resolved against the publication date.
    pub date: Option<Date>,
    /// Only approximate (« fin janvier »: the month's last day).
    pub approximate: bool,
    /// Told as time ago ("three weeks ago").
    pub ago: bool,
    /// A day relative to the publication: "yesterday", « hier », «أمس».
    pub relative: bool,
}

#[derive(Clone, Copy)]
enum W {
    Month(u32),
    Weekday(u32),
    Relative(i32),
    Number(i32),
    Unit(i32),
    AgoBefore,
    AgoAfter,
    Late,
    Period,
    InPeriod,
}

/// Date words of every language, ready to match.
pub struct DateLexicon(Lexicon<W>);

impl Default for DateLexicon {
    fn default() -> Self {
        let mut lx = Lexicon::default();
        for d in super::lang::all_dates() {
            let DateWords {
                months,
                weekdays,
                relative,
                numbers,
                units,
                ago_before,
                ago_after,
                late,
                past_periods,
                in_period,
            } = d;
            months.iter().for_each(|(p, m)| lx.add(p, W::Month(*m)));
            weekdays.iter().for_each(|(p, m)| lx.add(p, W::Weekday(*m)));
            relative
                .iter()
                .for_each(|(p, m)| lx.add(p, W::Relative(*m)));
            numbers.iter().for_each(|(p, m)| lx.add(p, W::Number(*m)));
            units.iter().for_each(|(p, m)| lx.add(p, W::Unit(*m)));
            ago_before.iter().for_each(|p| lx.add(p, W::AgoBefore));
            ago_after.iter().for_each(|p| lx.add(p, W::AgoAfter));
            late.iter().for_each(|p| lx.add(p, W::Late));
            past_periods.iter().for_each(|p| lx.add(p, W::Period));
            in_period.iter().for_each(|p| lx.add(p, W::InPeriod));
        }
        DateLexicon(lx)
    }
}

fn day_number(t: &Tok) -> Option<u32> {
    if t.norm == "1er" {
        return Some(1);
    }
    let d: u32 = t
        .norm
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<u32>>>()
        .filter(|v| !v.is_empty() && v.len() <= 2)?
        .into_iter()
        .fold(0, |a, d| a * 10 + d);
    (1..=31).contains(&d).then_some(d)
}

fn year_number(t: &Tok) -> Option<i32> {
    (t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.norm.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// A day-month with the publication year, moved a year back when it would
/// fall after the publication.
fn with_year(pub_date: Option<PubDate>, month: u32, day: u32, year: Option<i32>) -> Option<Date> {
    let (py, pm) = pub_date.map(PubDate::year_month)?;
    if let Some(y) = year {
        return Date::from_ymd(y, month, day);
    }
    let y = if month > pm + 1 { py - 1 } else { py };
    Date::from_ymd(y, month, day)
}

fn last_day(y: i32, m: u32) -> Option<Date> {
    (28..=31).rev().find_map(|d| Date::from_ymd(y, m, d))
}

/// Every date expression in a sentence's tokens.
pub fn find(lx: &DateLexicon, toks: &[Tok], pub_date: Option<PubDate>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let pub_day = match pub_date {
        Some(PubDate::Day(d)) => Some(d),
        _ => None,
    };
    let w_at = |i: usize| -> Option<(usize, W)> { lx.0.at(toks, i).map(|(n, w)| (n, *w)) };
    let mut i = 0;
    while i < toks.len() {
        // "8 février", "3 February 2020", "29 كانون الثاني"
        if let Some(day) = day_number(&toks[i]) {
            if let Some((n, W::Month(m))) = toks.get(i + 1).and_then(|_| w_at(i + 1)) {
                let year = toks.get(i + 1 + n).and_then(year_number);
                out.push(DateExpr {
                    at: i,
                    date: with_year(pub_date, m, day, year),
                    approximate: false,
                    ago: false,
                    relative: false,
                });
                i += 1 + n;
                continue;
            }
        }
        match w_at(i) {
            Some((n, W::Month(m))) => {
                // "January 29"
                if let Some(day) = toks.get(i + n).and_then(day_number) {
                    // not "in May 2020" (a year is four digits, day_number refuses it)
                    out.push(DateExpr {
                        at: i,
                        date: with_year(pub_date, m, day, None),
                        approximate: false,
                        ago: false,
                        relative: false,
                    });
                    i += n + 1;
                    continue;
                }
                i += n;
            }
            Some((n, W::Late)) => {
                // « fin janvier », "late January"
                let mut k = i + n;
                while toks
                    .get(k)
                    .is_some_and(|t| t.word && matches!(t.norm.as_str(), "de" | "of" | "d"))
                {
                    k += 1;
                }
                if let Some((n2, W::Month(m))) = toks.get(k).and_then(|_| w_at(k)) {
                    let date = pub_date.and_then(|p| {
                        let (py, pm) = p.year_month();
                        let y = if m > pm + 1 { py - 1 } else { py };
                        last_day(y, m)
                    });
                    out.push(DateExpr {
                        at: i,
                        date,
                        approximate: true,
                        ago: false,
                        relative: false,
                    });
                    i = k + n2;
                    continue;
                }
                i += n;
            }
            Some((n, W::Weekday(wd))) => {
                // the latest such weekday on or before the publication day
                let date = pub_day.map(|p| {
                    let epoch_wd = 3; // 1970-01-01 was a Thursday (0 = Monday)
                    let p_wd = (Date::EPOCH.days_until(p) + epoch_wd).rem_euclid(7) as u32;
                    let back = (p_wd + 7 - wd) % 7;
                    p.add_days(-(back as i32))
                });
                out.push(DateExpr {
                    at: i,
                    date,
                    approximate: false,
                    ago: false,
                    relative: false,
                });
                i += n;
            }
            Some((n, W::Relative(r))) => {
                out.push(DateExpr {
                    at: i,
                    date: pub_day.map(|p| p.add_days(r)),
                    approximate: false,
                    ago: false,
                    relative: true,
                });
                i += n;
            }
            Some((n, W::Period)) => {
                // "this week", « la semaine dernière »: some days back, no day
                out.push(DateExpr {
                    at: i,
                    date: None,
                    approximate: true,
                    ago: true,
                    relative: false,
                });
                i += n;
            }
            Some((n, W::InPeriod)) => {
                // "in February", « en 2016 », «عام 2012»: a whole month or
                // year before the publication's is old news; the
                // publication's own month or year says nothing
                let k = i + n;
                let month = toks
                    .get(k)
                    .and_then(|_| w_at(k))
                    .and_then(|(m, w)| match w {
                        W::Month(mo) if toks.get(k + m).and_then(day_number).is_none() => {
                            Some((m, mo))
                        }
                        _ => None,
                    });
                let (len, before) = if let Some((m, mo)) = month {
                    let year = toks.get(k + m).and_then(year_number);
                    let before = pub_date.is_some_and(|p| {
                        let (py, pm) = p.year_month();
                        match year {
                            Some(y) => (y, mo) < (py, pm),
                            // any other month but the next is in the past
                            None => mo != pm && mo != pm % 12 + 1,
                        }
                    });
                    (m + usize::from(year.is_some()), before)
                } else if let Some(y) = toks.get(k).and_then(year_number) {
                    (1, pub_date.is_some_and(|p| y < p.year_month().0))
                } else {
                    (0, false)
                };
                if before {
                    out.push(DateExpr {
                        at: i,
                        date: None,
                        approximate: true,
                        ago: true,
                        relative: false,
                    });
                }
                i += n + len;
            }
            Some((n, W::AgoBefore)) => {
                if let Some((len, days)) = duration(&w_at, toks, i + n) {
                    out.push(DateExpr {
                        at: i,
                        date: pub_day.map(|p| p.add_days(-days)),
                        approximate: false,
                        ago: true,
                        relative: false,
                    });
                    i += n + len;
                    continue;
                }
                i += n;
            }
            _ => {
                if let Some((len, days)) = duration(&w_at, toks, i) {
                    if let Some((n, W::AgoAfter)) = toks.get(i + len).and_then(|_| w_at(i + len)) {
                        out.push(DateExpr {
                            at: i,
                            date: pub_day.map(|p| p.add_days(-days)),
                            approximate: false,
                            ago: true,
                            relative: false,
                        });
                        i += len + n;
                        continue;
                    }
                }
                i += 1;
            }
        }
    }
    out
}

/// "three weeks", "2 jours", "une semaine", "أسبوعين": (tokens, days).
fn duration(
    w_at: &dyn Fn(usize) -> Option<(usize, W)>,
    toks: &[Tok],
    i: usize,
) -> Option<(usize, i32)> {
    let t = toks.get(i)?;
    // a bare unit: "أسبوعين", « il y a une semaine »
    if let Some((n, W::Unit(u))) = w_at(i) {
        return Some((n, u));
    }
    let (n, count) = if let Some(d) = day_number(t) {
        (1, d as i32)
    } else if let Some((n, W::Number(c))) = w_at(i) {
        (n, c)
    } else {
        return None;
    };
    match toks.get(i + n).and_then(|_| w_at(i + n)) {
        Some((m, W::Unit(u))) => Some((n + m, count * u)),
        _ => None,
    }
}
