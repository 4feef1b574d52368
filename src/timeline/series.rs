//! Over days: a road's daily reports, the change log between them, and the
//! first day a faction held a whole road.

use super::Timeline;
use crate::date::Date;
use crate::report::{changes, RoadReport};
use crate::roads::RoadLine;
use rayon::prelude::*;

/// The report of `line` for every day from `from` to `to` (both included),
/// computed in parallel, returned in date order.
///
/// ```
/// use frontline::timeline::{road_series, Timeline};
/// let t = frontline::theater::Theater::embedded().unwrap();
/// let tl = Timeline::new(&t, 15.0);
/// let m5 = t.roads.road_line("M5").unwrap();
/// let days = road_series(&tl, &m5, "2020-02-01".parse().unwrap(), "2020-02-10".parse().unwrap());
/// assert_eq!(days.len(), 10);
/// assert!(days[9].km_of("government") > days[0].km_of("government"));
/// ```
pub fn road_series(tl: &Timeline<'_>, line: &RoadLine, from: Date, to: Date) -> Vec<RoadReport> {
    let n = from.days_until(to) + 1;
    (0..n.max(0))
        .into_par_iter()
        .map(|i| tl.day(from.add_days(i)).report(line))
        .collect()
}

/// For each report after the first, the stretches whose controller changed
/// since the report before (see [`changes`]); the first day has none.
///
/// ```
/// use frontline::timeline::{change_log, road_series, Timeline};
/// let t = frontline::theater::Theater::embedded().unwrap();
/// let tl = Timeline::new(&t, 15.0);
/// let m5 = t.roads.road_line("M5").unwrap();
/// let days = road_series(&tl, &m5, "2020-02-07".parse().unwrap(), "2020-02-08".parse().unwrap());
/// let log = change_log(&days);
/// assert!(log[0].is_empty());
/// assert!(log[1].iter().any(|l| l.starts_with("2020-02-08:") && l.contains("now government")));
/// ```
pub fn change_log(reports: &[RoadReport]) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); reports.len().min(1)];
    out.extend(reports.windows(2).map(|w| changes(&w[0], &w[1])));
    out
}

/// The first day from `from` to `to` on which `faction` held the whole of
/// `line`, with that day's report.
///
/// ```
/// use frontline::timeline::{first_full, Timeline};
/// let t = frontline::theater::Theater::embedded().unwrap();
/// let tl = Timeline::new(&t, 15.0);
/// let m5 = t.roads.road_line("M5").unwrap();
/// let (from, to) = tl.span().unwrap();
/// let r = first_full(&tl, &m5, "government", from, to).unwrap();
/// assert_eq!(r.date.to_string(), "2020-02-11");
/// ```
pub fn first_full(
    tl: &Timeline<'_>,
    line: &RoadLine,
    faction: &str,
    from: Date,
    to: Date,
) -> Option<RoadReport> {
    let mut d = from;
    while d <= to {
        let r = tl.day(d).report(line);
        if (r.km_of(faction) - r.length_km).abs() < 0.001 {
            return Some(r);
        }
        d = d.add_days(1);
    }
    None
}
