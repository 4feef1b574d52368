//! Road-control reports: who holds which stretch of a highway on a day.
//! A day's reports come from [`crate::timeline::Day::roads`] and
//! [`crate::timeline::Day::report`].

use crate::control::ControlField;

use crate::date::Date;
use crate::factions::Controller;
use crate::roads::{stretches, RoadLine};
use crate::theater::Theater;
use serde::Serialize;

/// km and share of the road held by one controller.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    /// A faction, contested or unknown.
    pub controller: Controller,
    /// km.
    pub km: f64,
    /// Percent of the road's length.
    pub percent: f64,
}

/// One stretch in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StretchRow {
    /// Start label: the town there, or `km N`.
    pub from: String,
    /// End label.
    pub to: String,
    /// Start, km from the road's start.
    pub from_km: f64,
    /// End, km from the road's start.
    pub to_km: f64,
    /// Length, km.
    pub km: f64,
    /// A faction, contested or unknown.
    pub controller: Controller,
    /// Start of the deciding place's current control (null when unknown).
    pub since: Option<Date>,
    /// The deciding place (null when unknown).
    pub place: Option<String>,
    /// Source of the deciding event.
    pub source: Option<String>,
    /// `confirmed` or `claimed`, of the deciding event.
    pub confidence: Option<String>,
}

/// Control of one road on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadReport {
    /// Highway ref.
    pub road: String,
    /// The day.
    pub date: Date,
    /// Length of the road in the graph, km.
    pub length_km: f64,
    /// Cutoff used, km.
    pub cutoff_km: f64,
    /// Per controller: every faction, then contested, then unknown.
    pub totals: Vec<Total>,
    /// The stretches in road order.
    pub stretches: Vec<StretchRow>,
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    let r = (x * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn label(road: &RoadLine, km: f64) -> String {
    road.nodes
        .iter()
        .filter(|(k, _)| (k - km).abs() <= 1.0)
        .min_by(|a, b| (a.0 - km).abs().total_cmp(&(b.0 - km).abs()))
        .map_or_else(|| format!("km {km:.1}"), |(_, n)| n.clone())
}

/// The report for a road line under a given control field.
pub fn report_with(t: &Theater, line: &RoadLine, field: &ControlField, date: Date) -> RoadReport {
    let parts = stretches(&line.line, field);
    let length: f64 = parts.iter().map(|s| s.km()).sum();
    let mut rows: Vec<StretchRow> = Vec::new();
    for s in &parts {
        let p = s.decided_by.map(|i| &field.points()[i]);
        rows.push(StretchRow {
            from: label(line, s.from_km),
            to: label(line, s.to_km),
            from_km: round(s.from_km, 3),
            to_km: round(s.to_km, 3),
            km: round(s.km(), 3),
            controller: p.map_or(Controller::Unknown, |p| p.controller.clone()),
            since: p.map(|p| p.since),
            place: p.map(|p| p.name.clone()),
            source: p.map(|p| p.source.clone()),
            confidence: p.map(|p| p.confidence.as_str().to_string()),
        });
    }
    let totals = Controller::all(&t.factions)
        .into_iter()
        .map(|id| {
            let km: f64 = parts
                .iter()
                .filter(|s| {
                    s.decided_by
                        .map_or(&Controller::Unknown, |i| &field.points()[i].controller)
                        == &id
                })
                .map(|s| s.km())
                .sum();
            Total {
                controller: id,
                km: round(km, 3),
                percent: if length > 0.0 {
                    round(100.0 * km / length, 2)
                } else {
                    0.0
                },
            }
        })
        .collect();
    RoadReport {
        road: line.road.clone(),
        date,
        length_km: round(length, 3),
        cutoff_km: field.cutoff_km(),
        totals,
        stretches: rows,
    }
}

impl RoadReport {
    /// A Markdown report for people.
    pub fn to_markdown(&self, t: &Theater) -> String {
        let mut s = format!(
            "# {} on {}\n\nLength in the graph: {:.1} km. A point is held by whoever holds the nearest place with known control within {} km.\n\n",
            md(&self.road), self.date, self.length_km, self.cutoff_km
        );
        if let Some(first) = self.stretches.first() {
            s.push_str(&format!(
                "Kilometres are counted along the road from {} (km 0).\n\n",
                md(&first.from)
            ));
        }
        s.push_str("| from | to | km | controller | since | deciding place | source |\n|---|---|---:|---|---|---|---|\n");
        for r in &self.stretches {
            s.push_str(&format!(
                "| {} | {} | {:.1} | {} | {} | {} | {} |\n",
                md(&r.from),
                md(&r.to),
                r.km,
                md(&t.controller_name(&r.controller)),
                r.since.map_or(String::new(), |d| d.to_string()),
                md(r.place.as_deref().unwrap_or("")),
                md(r.source.as_deref().unwrap_or("")),
            ));
        }
        s.push_str("\n| controller | km | % |\n|---|---:|---:|\n");
        for x in &self.totals {
            s.push_str(&format!(
                "| {} | {:.1} | {:.1} |\n",
                md(&t.controller_name(&x.controller)),
                x.km,
                x.percent
            ));
        }
        s
    }

    /// CSV rows, one per stretch, with a header.
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = w.write_record([
            "road",
            "date",
            "from",
            "to",
            "from_km",
            "to_km",
            "km",
            "controller",
            "since",
            "place",
            "source",
        ]);
        for r in &self.stretches {
            let _ = w.write_record([
                self.road.as_str(),
                &self.date.to_string(),
                &r.from,
                &r.to,
                &format!("{:.3}", r.from_km),
                &format!("{:.3}", r.to_km),
                &format!("{:.3}", r.km),
                r.controller.as_str(),
                &r.since.map_or(String::new(), |d| d.to_string()),
                r.place.as_deref().unwrap_or(""),
                r.source.as_deref().unwrap_or(""),
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// km held by a controller.
    pub fn km_of(&self, controller: &str) -> f64 {
        self.totals
            .iter()
            .find(|t| t.controller == *controller)
            .map_or(0.0, |t| t.km)
    }
}

/// Escape text for a Markdown table cell.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', " ")
}

/// Changes between two days' reports of the same road: for each stretch of
/// `now`, the controller at its middle on the day before, when different.
pub fn changes(prev: &RoadReport, now: &RoadReport) -> Vec<String> {
    let mut out = Vec::new();
    for r in &now.stretches {
        let mid = 0.5 * (r.from_km + r.to_km);
        let was = prev
            .stretches
            .iter()
            .find(|p| p.from_km <= mid && mid <= p.to_km)
            .map_or(&Controller::Unknown, |p| &p.controller);
        if *was != r.controller {
            out.push(format!(
                "{}: {}–{}, {:.1} km, now {} (was {})",
                now.date, r.from, r.to, r.km, r.controller, was
            ));
        }
    }
    out
}
