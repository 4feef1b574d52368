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
  frontline route Saraqib \"Maarat al-Numan\" --date 2020-01-20 --json

Each stretch is given by its distance from the start of the route (km 0 is
the first town). Exit status 1 when --faction is given and that faction
cannot pass (the output says where it is blocked); 2 for an unknown town or
faction.";

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
    if let Some(fac) = &a.faction {
        if t.faction(fac).is_none() {
            let ids: Vec<&str> = t.factions.iter().map(|f| f.id.as_str()).collect();
            return Err(Error::Usage(format!(
                "`{}` is not a faction of this theater\n  hint: use one of: {}",
                shorten(fac),
                ids.join(", ")
            )));
        }
    }
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
        let mut at = 0.0;
        let mut segment = String::new();
        // (from km, to km, first segment start, last segment end, holders)
        let mut blocked: Vec<(f64, f64, String, String, Vec<Controller>)> = Vec::new();
        for p in &r.parts {
            let name = format!("{}–{}", p.segment_from, p.segment_to);
            if name != segment {
                outln!("  {name} [{}]", p.refs);
                segment = name;
            }
            outln!(
                "    km {:.1}–{:.1} ({:.1} km): {}{}",
                at,
                at + p.km,
                p.km,
                t.controller_name(p.controller.as_str()),
                p.deciding_place
                    .as_deref()
                    .map_or(String::new(), |n| format!(" (nearest held place: {n})")),
            );
            if let Some(fac) = &a.faction {
                if p.controller.as_str() != fac {
                    // Contiguous blocked stretches make one range.
                    match blocked.last_mut() {
                        Some(b) if (b.1 - at).abs() < 1e-9 => {
                            b.1 = at + p.km;
                            b.3.clone_from(&p.segment_to);
                            if !b.4.contains(&p.controller) {
                                b.4.push(p.controller.clone());
                            }
                        }
                        _ => blocked.push((
                            at,
                            at + p.km,
                            p.segment_from.clone(),
                            p.segment_to.clone(),
                            vec![p.controller.clone()],
                        )),
                    }
                }
            }
            at += p.km;
        }
        if let (Some(fac), Some(ok)) = (&a.faction, passable) {
            if ok {
                outln!("{fac} convoy can pass: yes");
            } else {
                let at: Vec<String> = blocked
                    .iter()
                    .map(|(a, b, from, to, who)| {
                        let who: Vec<String> =
                            who.iter().map(|c| t.controller_name(c.as_str())).collect();
                        format!(
                            "km {a:.1}–{b:.1} between {from} and {to} ({})",
                            who.join(", ")
                        )
                    })
                    .collect();
                outln!("{fac} convoy can pass: no; blocked at {}", at.join("; "));
            }
        }
    }
    Ok(if passable == Some(false) {
        EXIT_NOT_FOUND
    } else {
        EXIT_OK
    })
}

/// A user's value, shortened for an error message.
fn shorten(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}
