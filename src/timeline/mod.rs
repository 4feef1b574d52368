//! The timeline of a theater and the state of one day.
//!
//! [`Timeline`] holds a theater, the cutoff and what every day shares (the
//! events indexed by place, the area builder, the highway lines);
//! [`Timeline::day`] gives a [`Day`]: who holds each place on that date
//! (the as-of rule, [`asof`]), the control field, and — computed once, on
//! demand — the control areas, the front line and the highway stretches.
//! Every output reads a `Day` (or a sequence of them) and computes nothing
//! of the state itself.
//!
//! ```
//! use frontline::timeline::Timeline;
//! let t = frontline::theater::Theater::embedded().unwrap();
//! let tl = Timeline::new(&t, 15.0);
//! let day = tl.day("2020-02-08".parse().unwrap());
//! assert!(day.held().len() > 20);
//! let m5 = day.roads().iter().find(|r| r.road == "M5").unwrap();
//! assert!(m5.km_of("government") > 100.0);
//! assert!(day.areas().front_km() > 100.0);
//! ```

pub mod asof;
mod route;
mod series;

pub use asof::{state_on, Held, History, PlacePeriod};
pub use route::{Route, RoutePart};
pub use series::{change_log, first_full, road_series};

use crate::areas::{AreaBuilder, Areas};
use crate::control::{ControlField, ControlPoint};
use crate::date::Date;
use crate::factions::Controller;
use crate::report::{report_with, RoadReport};
use crate::roads::RoadLine;
use crate::theater::Theater;
use geo::Point;
use std::sync::OnceLock;

/// A theater's events over time, under one cutoff.
#[derive(Debug)]
pub struct Timeline<'t> {
    theater: &'t Theater,
    cutoff_km: f64,
    history: History<'t>,
    builder: AreaBuilder,
    roads: Vec<RoadLine>,
}

/// `[from, until)`: a stretch of days with the same state. `until` is `None`
/// for the last one (still valid).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// First day of the next period.
    pub until: Option<Date>,
}

impl Period {
    /// Whether any day of the period falls within `from..=to` (either end
    /// open when `None`).
    ///
    /// ```
    /// use frontline::timeline::Period;
    /// let d = |s: &str| s.parse().unwrap();
    /// let p = Period { from: d("2020-02-01"), until: Some(d("2020-02-05")) };
    /// assert!(p.overlaps(Some(d("2020-02-04")), None));
    /// assert!(!p.overlaps(Some(d("2020-02-05")), None)); // until is exclusive
    /// assert!(!p.overlaps(None, Some(d("2020-01-31"))));
    /// ```
    pub fn overlaps(&self, from: Option<Date>, to: Option<Date>) -> bool {
        from.is_none_or(|f| self.until.is_none_or(|u| u > f)) && to.is_none_or(|t| self.from <= t)
    }
}

impl<'t> Timeline<'t> {
    /// The timeline of `theater` with a nearest-place cutoff in km.
    pub fn new(theater: &'t Theater, cutoff_km: f64) -> Timeline<'t> {
        Timeline {
            theater,
            cutoff_km,
            history: History::new(&theater.events),
            builder: AreaBuilder::new(theater),
            roads: theater
                .roads
                .refs()
                .into_iter()
                .filter_map(|r| theater.roads.road_line(&r))
                .collect(),
        }
    }

    /// The theater.
    pub fn theater(&self) -> &'t Theater {
        self.theater
    }

    /// The cutoff, km.
    pub fn cutoff_km(&self) -> f64 {
        self.cutoff_km
    }

    /// The events indexed by place (the as-of rule).
    pub fn history(&self) -> &History<'t> {
        &self.history
    }

    /// Every highway of the theater, in ref order.
    pub fn roads(&self) -> &[RoadLine] {
        &self.roads
    }

    /// The state of `date`.
    pub fn day(&self, date: Date) -> Day<'_> {
        let held = self.history.on(date);
        let gaz = &self.theater.gazetteer;
        let points = held
            .iter()
            .filter_map(|h| {
                let p = gaz.get(h.place)?;
                Some(ControlPoint {
                    place: p.id.clone(),
                    name: p.name.clone(),
                    at: Point::new(p.lon, p.lat),
                    controller: h.controller.clone(),
                    since: h.since,
                    source: h.event.source.clone(),
                    confidence: h.event.confidence,
                })
            })
            .collect();
        Day {
            timeline: self,
            date,
            held,
            field: ControlField::with_margin(
                points,
                self.cutoff_km,
                self.theater.settings.hull_margin_km,
            ),
            areas: OnceLock::new(),
            roads: OnceLock::new(),
        }
    }

    /// Every day from `from` to `to`, both included.
    pub fn days(&self, from: Date, to: Date) -> impl Iterator<Item = Day<'_>> + '_ {
        let n = from.days_until(to) + 1;
        (0..n.max(0)).map(move |i| self.day(from.add_days(i)))
    }

    /// The dates on which the state changes: every event date, sorted.
    pub fn change_dates(&self) -> Vec<Date> {
        self.history.change_dates()
    }

    /// The timeline cut into periods between consecutive event dates.
    pub fn periods(&self) -> Vec<Period> {
        let dates = self.change_dates();
        dates
            .iter()
            .enumerate()
            .map(|(i, &from)| Period {
                from,
                until: dates.get(i + 1).copied(),
            })
            .collect()
    }

    /// First and last event dates, if there are events.
    pub fn span(&self) -> Option<(Date, Date)> {
        let d = &self.theater.events;
        Some((d.first()?.date, d.last()?.date))
    }
}

/// The state of the theater on one date. Built by [`Timeline::day`]; the
/// areas and the highway stretches are computed on first use and kept.
#[derive(Debug)]
pub struct Day<'a> {
    timeline: &'a Timeline<'a>,
    date: Date,
    held: Vec<Held<'a>>,
    field: ControlField,
    areas: OnceLock<Areas>,
    roads: OnceLock<Vec<RoadReport>>,
}

impl<'a> Day<'a> {
    /// The date.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The theater.
    pub fn theater(&self) -> &'a Theater {
        self.timeline.theater
    }

    /// The timeline this day belongs to.
    pub fn timeline(&self) -> &'a Timeline<'a> {
        self.timeline
    }

    /// The cutoff, km.
    pub fn cutoff_km(&self) -> f64 {
        self.timeline.cutoff_km
    }

    /// Every place with a known controller, sorted by place id.
    pub fn held(&self) -> &[Held<'a>] {
        &self.held
    }

    /// The control points and cutoff: "who holds this point?".
    pub fn field(&self) -> &ControlField {
        &self.field
    }

    /// Control areas and the front line (computed once).
    pub fn areas(&self) -> &Areas {
        self.areas
            .get_or_init(|| self.timeline.builder.build(&self.field))
    }

    /// Who holds each stretch of every highway, in the order of
    /// [`Timeline::roads`] (computed once).
    pub fn roads(&self) -> &[RoadReport] {
        self.roads
            .get_or_init(|| self.timeline.roads.iter().map(|l| self.report(l)).collect())
    }

    /// Who holds each stretch of any road line (a whole highway, or the part
    /// between two towns).
    pub fn report(&self, line: &RoadLine) -> RoadReport {
        report_with(self.theater(), line, &self.field, self.date)
    }
}

/// A place whose holder differs between two days.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceChange<'a> {
    /// Gazetteer id.
    pub place: &'a str,
    /// The holder on the earlier day.
    pub from: &'a Controller,
    /// The holder on the later day.
    pub to: &'a Controller,
    /// First day of the new holder's run.
    pub since: Date,
    /// Source of the event that decides the new holder.
    pub source: &'a str,
}

impl<'a> Day<'a> {
    /// The places held by someone on both `earlier` and this day, by a
    /// different controller, sorted by the day of the change, then place
    /// id. A place that was unknown and is now known is not a change.
    ///
    /// ```
    /// use frontline::timeline::Timeline;
    /// let t = frontline::theater::Theater::embedded().unwrap();
    /// let tl = Timeline::new(&t, 30.0);
    /// let (d0, d1) = (tl.day("2020-02-04".parse().unwrap()), tl.day("2020-02-08".parse().unwrap()));
    /// let ch = d1.changes_since(&d0);
    /// let saraqib = ch.iter().find(|c| c.place == "164816").unwrap();
    /// assert_eq!(saraqib.to.as_str(), "government");
    /// ```
    pub fn changes_since(&self, earlier: &Day<'a>) -> Vec<PlaceChange<'a>> {
        let mut out = Vec::new();
        for h in &self.held {
            let Ok(i) = earlier.held.binary_search_by(|e| e.place.cmp(h.place)) else {
                continue;
            };
            let e = &earlier.held[i];
            if e.controller != h.controller {
                out.push(PlaceChange {
                    place: h.place,
                    from: e.controller,
                    to: h.controller,
                    since: h.since,
                    source: &h.event.source,
                });
            }
        }
        out.sort_by(|a, b| a.since.cmp(&b.since).then(a.place.cmp(b.place)));
        out
    }
}
