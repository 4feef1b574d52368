//! The as-of rule, once: a place's controller on day D is the one in its
//! latest event dated on or before D (a later line on the same day wins);
//! with no such event it is unknown. "Since" is the first day of the
//! unbroken run of that controller, so a repeated status report does not
//! reset it.

use crate::date::Date;
use crate::events::Event;
use crate::factions::Controller;

/// A place's control on a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Held<'a> {
    /// Gazetteer id.
    pub place: &'a str,
    /// A faction or contested.
    pub controller: &'a Controller,
    /// First day of the unbroken run of this controller.
    pub since: Date,
    /// The deciding event.
    #[serde(skip)]
    pub event: &'a Event,
}

/// One event of a place with the start of the run it belongs to.
#[derive(Debug, Clone, Copy)]
struct Step<'e> {
    event: &'e Event,
    since: Date,
}

/// The events indexed by place, in (date, line) order, each with the start
/// of its controller's run: the state of any day is a binary search per
/// place instead of a scan of every event.
///
/// ```
/// use frontline::timeline::History;
/// let t = frontline::theater::Theater::embedded().unwrap();
/// let h = History::new(&t.events);
/// let saraqib = h.on("2020-02-08".parse().unwrap())
///     .into_iter().find(|x| x.place == "164816").unwrap();
/// assert_eq!(saraqib.controller.as_str(), "government");
/// assert_eq!(saraqib.since.to_string(), "2020-02-06"); // SANA video and SOHR: held from 6 Feb
/// ```
#[derive(Debug, Clone, Default)]
pub struct History<'e> {
    /// Sorted by place id.
    places: Vec<(&'e str, Vec<Step<'e>>)>,
}

/// The period during which one event decides its place's controller.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacePeriod<'e> {
    /// The deciding event.
    pub event: &'e Event,
    /// Until this day (exclusive): the place's next event on a later day;
    /// `None` while still valid.
    pub until: Option<Date>,
}

impl<'e> History<'e> {
    /// Index `events` (any order).
    pub fn new(events: &'e [Event]) -> History<'e> {
        let mut by_place: std::collections::HashMap<&str, Vec<&Event>> =
            std::collections::HashMap::new();
        for e in events {
            by_place.entry(e.place.as_str()).or_default().push(e);
        }
        let mut places: Vec<(&str, Vec<Step<'_>>)> = by_place
            .into_iter()
            .map(|(place, mut evs)| {
                evs.sort_by_key(|e| (e.date, e.line));
                let mut steps: Vec<Step<'_>> = Vec::with_capacity(evs.len());
                for e in evs {
                    let since = match steps.last() {
                        Some(prev) if prev.event.controller == e.controller => prev.since,
                        _ => e.date,
                    };
                    steps.push(Step { event: e, since });
                }
                (place, steps)
            })
            .collect();
        places.sort_unstable_by(|a, b| a.0.cmp(b.0));
        History { places }
    }

    /// Every place with an event on or before `date`, with its controller
    /// then. Sorted by place id.
    pub fn on(&self, date: Date) -> Vec<Held<'e>> {
        self.places
            .iter()
            .filter_map(|(place, steps)| {
                let k = steps.partition_point(|s| s.event.date <= date);
                let s = steps.get(k.checked_sub(1)?)?;
                Some(Held {
                    place,
                    controller: &s.event.controller,
                    since: s.since,
                    event: s.event,
                })
            })
            .collect()
    }

    /// Per place (sorted by id), the events that decide it for a while, in
    /// date order: an event followed by another on the same day never
    /// decides anything.
    pub fn periods(&self) -> impl Iterator<Item = (&'e str, Vec<PlacePeriod<'e>>)> + '_ {
        self.places.iter().map(|(place, steps)| {
            let mut out = Vec::new();
            for (i, s) in steps.iter().enumerate() {
                let next = steps.get(i + 1).map(|n| n.event.date);
                if next == Some(s.event.date) {
                    continue;
                }
                out.push(PlacePeriod {
                    event: s.event,
                    until: next,
                });
            }
            (*place, out)
        })
    }

    /// The days on which the state changes: every event date, sorted.
    pub fn change_dates(&self) -> Vec<Date> {
        let mut d: Vec<Date> = self
            .places
            .iter()
            .flat_map(|(_, s)| s.iter().map(|s| s.event.date))
            .collect();
        d.sort_unstable();
        d.dedup();
        d
    }
}

/// The as-of rule for one day, without keeping the index (sorted by place
/// id). To ask about many days, build a [`History`] once.
pub fn state_on(events: &[Event], date: Date) -> Vec<Held<'_>> {
    History::new(events).on(date)
}
