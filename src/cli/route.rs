//! `frontline route`: the highway path between two towns and who holds it.

use super::args::{cutoff_arg, date_arg};
use super::{EXIT_NOT_FOUND, EXIT_OK};
use frontline::date::Date;
use frontline::error::Error;
use frontline::factions::Controller;
use frontline::theater::Theater;
use frontline::timeline::Timeline;

pub const ROUTE_HELP: &str = "\
Examples:
  frontline route Hama Aleppo --date 2020-02-08
  frontline route Latakia Saraqib --date 2020-03-10 --faction government
  frontline route Saraqib Maarat al-Numan --date 2020-01-20 --json

Exit status 1 when --faction is given and that faction cannot pass.";

#[derive(Debug, clap::Args)]
pub struct RouteArgs {
    /// Start town (any spelling, or gazetteer id).
    from: String,
    /// End town.
    to: String,
    /// The day, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    date: Date,
    /// Can a convoy of this faction pass? (every part held by it)
    #[arg(long, value_name = "FACTION")]
    faction: Option<String>,
    /// JSON output.
    #[arg(long)]
    json: bool,
    /// Distance beyond which a place decides nothing, km.
    #[arg(long, value_parser = cutoff_arg, allow_hyphen_values = true)]
    cutoff: Option<f64>,
}

pub fn run(t: &Theater, a: RouteArgs) -> Result<i32, Error> {
    let node = |name: &str| {
        t.roads.find_node(&t.gazetteer, name).ok_or_else(|| {
            let names: Vec<String> = t
                .roads
                .graph()
                .node_weights()
                .map(|n| n.name.clone())
                .collect();
            Error::Usage(format!(
                "`{name}` is not a town on the highway graph\n  hint: the towns are: {}",
                names.join(", ")
            ))
        })
    };
    let (f, to) = (node(&a.from)?, node(&a.to)?);
    let g = t.roads.graph();
    let tl = Timeline::new(t, a.cutoff.unwrap_or(t.settings.cutoff_km));
    let Some(r) = tl.day(a.date).route(f, to) else {
        eprintln!("no highway path from {} to {}", g[f].name, g[to].name);
        return Ok(EXIT_NOT_FOUND);
    };
    let parts: Vec<serde_json::Value> = r
        .parts
        .iter()
        .map(|p| {
            serde_json::json!({
                "segment_from": p.segment_from, "segment_to": p.segment_to,
                "refs": p.refs,
                "km": p.km,
                "controller": p.controller,
                "deciding_place": p.deciding_place,
                "since": p.since,
            })
        })
        .collect();
    let passable = a.faction.as_ref().map(|fac| r.passable_by(fac));
    let (km, path) = (r.km, &r.path);
    if a.json {
        outln!(
            "{}",
            serde_json::json!({"from": g[f].name, "to": g[to].name, "date": a.date, "km": (km * 1000.0).round() / 1000.0,
                "path": path, "parts": parts, "faction": a.faction, "passable": passable})
        );
    } else {
        outln!(
            "{} → {} on {}: {:.1} km via {}",
            g[f].name,
            g[to].name,
            a.date,
            km,
            path.join(" – ")
        );
        for p in &parts {
            outln!(
                "  {}–{} [{}] {:.1} km: {}{}",
                p["segment_from"].as_str().unwrap_or(""),
                p["segment_to"].as_str().unwrap_or(""),
                p["refs"].as_str().unwrap_or(""),
                p["km"].as_f64().unwrap_or(0.0),
                t.controller_name(
                    p["controller"]
                        .as_str()
                        .unwrap_or(Controller::Unknown.as_str())
                ),
                p["deciding_place"]
                    .as_str()
                    .map_or(String::new(), |n| format!(" (nearest held place: {n})")),
            );
        }
        if let (Some(fac), Some(ok)) = (&a.faction, passable) {
            outln!("{} convoy can pass: {}", fac, if ok { "yes" } else { "no" });
        }
    }
    Ok(if passable == Some(false) {
        EXIT_NOT_FOUND
    } else {
        EXIT_OK
    })
}
