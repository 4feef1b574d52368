//! `frontline state`: every place with a known controller on a day.

use super::args::{cutoff_arg, date_arg};
use super::EXIT_OK;
use frontline::date::Date;
use frontline::error::Error;
use frontline::theater::Theater;
use frontline::timeline::Timeline;
use std::io::Write;

pub const STATE_HELP: &str = "\
Examples:
  frontline state --date 2020-02-08
  frontline state --date 2020-02-08 --json | jq 'select(.controller==\"government\")'
  frontline state --date 2020-02-08 --json | jq 'select(.type==\"summary\") | .areas'

A place's controller on day D is the one in its latest event dated on or before D.
Places with no such event are unknown and not listed.";

#[derive(Debug, clap::Args)]
pub struct StateArgs {
    /// The day, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    date: Date,
    /// JSON Lines: one object per place ("type": "place"), then one summary
    /// ("type": "summary") with km² per controller and the front length.
    #[arg(long)]
    json: bool,
    /// Cutoff for the areas, km.
    #[arg(long, value_parser = cutoff_arg, allow_hyphen_values = true)]
    cutoff: Option<f64>,
}

pub fn run(t: &Theater, a: StateArgs) -> Result<i32, Error> {
    super::args::warn_if_outside_events(t, a.date);
    let tl = Timeline::new(t, a.cutoff.unwrap_or(t.settings.cutoff_km));
    let day = tl.day(a.date);
    let held = day.held();
    // A run that starts at a place's first event began on or before that day:
    // the data say nothing earlier, so that "since" is a first record, not
    // the day the place changed hands.
    let mut first_record: std::collections::HashMap<&str, Date> = std::collections::HashMap::new();
    for e in &t.events {
        first_record.entry(e.place.as_str()).or_insert(e.date);
    }
    let is_first = |place: &str, since: Date| first_record.get(place) == Some(&since);
    let mut out = std::io::stdout().lock();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for h in held {
        let p = t.gazetteer.get(h.place);
        let name = p.map_or(h.place, |p| p.name.as_str());
        if a.json {
            let v = serde_json::json!({
                "type": "place", "date": a.date, "place": name, "id": h.place,
                "lat": p.map(|p| p.lat), "lon": p.map(|p| p.lon),
                "controller": h.controller, "controller_name": t.controller_name(h.controller),
                "since": h.since, "since_is_first_record": is_first(h.place, h.since),
                "confidence": h.event.confidence, "source": h.event.source,
                "source_kind": h.event.source_kind,
            });
            writeln!(out, "{v}").map_err(|e| Error::io("<stdout>", e))?;
        } else {
            rows.push(vec![
                name.to_string(),
                h.place.to_string(),
                h.controller.to_string(),
                if is_first(h.place, h.since) {
                    format!("≤ {}", h.since)
                } else {
                    h.since.to_string()
                },
                h.event.confidence.as_str().to_string(),
                h.event.source.clone(),
            ]);
        }
    }
    let areas = day.areas();
    // `+ 0.0`: an empty sum is -0.0, printed as "-0.0".
    let round = |x: f64| (x * 1000.0).round() / 1000.0 + 0.0;
    if a.json {
        let v = serde_json::json!({
            "type": "summary", "date": a.date, "places": held.len(), "cutoff_km": a.cutoff.unwrap_or(t.settings.cutoff_km),
            "areas": areas.areas.iter().map(|x| serde_json::json!({
                "controller": x.controller, "km2": round(x.km2), "places": x.places})).collect::<Vec<_>>(),
            "front_km": round(areas.front_km()),
            "factions": t.factions.iter().map(|f| serde_json::json!({
                "faction": f.id, "side": f.side,
                "km2": round(areas.areas.iter().filter(|x| x.controller == f.id.as_str()).map(|x| x.km2).sum::<f64>()),
                "front_km": round(areas.fronts.iter().filter(|x| x.between.0 == f.id.as_str() || x.between.1 == f.id.as_str()).map(|x| x.km).sum::<f64>()),
            })).collect::<Vec<_>>(),
            "sides": sides(t, areas).into_iter().map(|(side, km2, front_km)| serde_json::json!({
                "side": side, "km2": round(km2), "front_km": round(front_km)})).collect::<Vec<_>>(),
            "fronts": areas.fronts.iter().map(|f| serde_json::json!({
                "between": [f.between.0, f.between.1], "km": round(f.km)})).collect::<Vec<_>>(),
        });
        writeln!(out, "{v}").map_err(|e| Error::io("<stdout>", e))?;
    }
    drop(out);
    if !a.json {
        super::table::print(
            &["place", "id", "controller", "since", "confidence", "source"],
            &rows,
        );
        if rows.iter().any(|r| r[3].starts_with('≤')) {
            outln!("\n≤ D: held on D, the place's first record in the events; the data do not say since when.");
        }
        let parts: Vec<String> = areas
            .areas
            .iter()
            .map(|x| format!("{} {:.1} km²", x.controller, x.km2))
            .collect();
        outln!(
            "\nareas (cutoff {} km): {}; front {:.1} km",
            a.cutoff.unwrap_or(t.settings.cutoff_km),
            if parts.is_empty() {
                "none".to_string()
            } else {
                parts.join(", ")
            },
            areas.front_km()
        );
    }
    Ok(EXIT_OK)
}

/// (side, km², front km) for every side of the theater's factions, in
/// order of first appearance in factions.csv; contested ground is no side.
pub(crate) fn sides(t: &Theater, areas: &frontline::areas::Areas) -> Vec<(String, f64, f64)> {
    let mut out: Vec<(String, f64, f64)> = Vec::new();
    for f in &t.factions {
        if !out.iter().any(|s| s.0 == f.side) {
            out.push((f.side.clone(), 0.0, 0.0));
        }
    }
    for s in &mut out {
        s.1 = areas
            .areas
            .iter()
            .filter(|a| t.side_of(&a.controller) == s.0 && a.controller != "contested")
            .map(|a| a.km2)
            .sum::<f64>()
            + 0.0;
        s.2 = areas
            .fronts
            .iter()
            .filter(|x| t.side_of(&x.between.0) == s.0 || t.side_of(&x.between.1) == s.0)
            .map(|x| x.km)
            .sum::<f64>()
            + 0.0;
    }
    out
}
