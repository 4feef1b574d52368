//! `frontline events check`, `state`, `report`, `route` and `roads import`.

use super::{EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK};
use frontline::control::{ControlField, DEFAULT_CUTOFF_KM};
use frontline::date::Date;
use frontline::error::{read_utf8, write_atomic, Error};
use frontline::events::{parse_events, state_on};
use frontline::report::{changes, report_with, RoadReport};
use frontline::roads::{stretches, RoadNetwork};
use frontline::theater::Theater;
use std::io::Write;
use std::path::PathBuf;

pub(crate) fn date_arg(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("{e} (write YYYY-MM-DD)"))
}

pub(crate) fn cutoff_arg(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x > 0.0 && x <= 500.0 => Ok(x),
        _ => Err(format!("`{s}` is not a distance in km between 0 and 500")),
    }
}

// ---------------------------------------------------------------- events

pub const EVENTS_HELP: &str = "\
Examples:
  frontline events check my-events.csv
  frontline events check data/events.csv && echo ok

Columns: date (YYYY-MM-DD), place (a name or gazetteer id), controller (a
faction id or `contested`), confidence (confirmed|claimed), source (URL), note.
Every problem is listed with file, line and field. Exit status 2 if any.";

#[derive(Debug, clap::Subcommand)]
pub enum EventsCmd {
    /// Check an events CSV against the theater's gazetteer and factions.
    #[command(after_help = EVENTS_HELP)]
    Check {
        /// The events file (CSV, UTF-8), or - for standard input.
        file: PathBuf,
    },
    /// Append the reviewed rows of a candidates CSV (from `propose --csv`) to an events file.
    #[command(after_help = super::merge::MERGE_HELP)]
    Merge(super::merge::MergeArgs),
}

pub fn events(t: &Theater, cmd: EventsCmd) -> Result<i32, Error> {
    let file = match cmd {
        EventsCmd::Check { file } => file,
        EventsCmd::Merge(a) => return super::merge::run(t, a),
    };
    let text = read_utf8(&file)?;
    match parse_events(
        &text,
        &file.display().to_string(),
        &t.gazetteer,
        &t.factions,
    ) {
        Ok(ev) => {
            let places: std::collections::BTreeSet<&str> =
                ev.iter().map(|e| e.place.as_str()).collect();
            let (first, last) = (ev.first().map(|e| e.date), ev.last().map(|e| e.date));
            outln!(
                "{}: {} events, {} places{}: ok",
                file.display(),
                ev.len(),
                places.len(),
                match (first, last) {
                    (Some(a), Some(b)) => format!(", {a} to {b}"),
                    _ => String::new(),
                }
            );
            Ok(EXIT_OK)
        }
        Err(errs) => {
            for e in &errs {
                eprintln!("error: {e}");
            }
            eprintln!("{}: {} error(s)", file.display(), errs.len());
            Ok(EXIT_ERROR)
        }
    }
}

// ---------------------------------------------------------------- state

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
    #[arg(long, default_value_t = DEFAULT_CUTOFF_KM, value_parser = cutoff_arg)]
    cutoff: f64,
}

pub fn state(t: &Theater, a: StateArgs) -> Result<i32, Error> {
    let held = state_on(&t.events, a.date);
    let mut out = std::io::stdout().lock();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for h in &held {
        let p = t.gazetteer.get(h.place);
        let name = p.map_or(h.place, |p| p.name.as_str());
        if a.json {
            let v = serde_json::json!({
                "type": "place", "date": a.date, "place": name, "id": h.place,
                "lat": p.map(|p| p.lat), "lon": p.map(|p| p.lon),
                "controller": h.controller, "controller_name": t.controller_name(h.controller),
                "since": h.since, "confidence": h.event.confidence, "source": h.event.source,
            });
            writeln!(out, "{v}").map_err(|e| Error::io("<stdout>", e))?;
        } else {
            rows.push(vec![
                name.to_string(),
                h.place.to_string(),
                h.controller.to_string(),
                h.since.to_string(),
                h.event.confidence.as_str().to_string(),
                h.event.source.clone(),
            ]);
        }
    }
    let areas = super::areas::areas_on(t, a.date, a.cutoff);
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    if a.json {
        let v = serde_json::json!({
            "type": "summary", "date": a.date, "places": held.len(), "cutoff_km": a.cutoff,
            "areas": areas.areas.iter().map(|x| serde_json::json!({
                "controller": x.controller, "km2": round(x.km2), "places": x.places})).collect::<Vec<_>>(),
            "front_km": round(areas.front_km()),
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
        let parts: Vec<String> = areas
            .areas
            .iter()
            .map(|x| format!("{} {:.1} km²", x.controller, x.km2))
            .collect();
        outln!(
            "\nareas (cutoff {} km): {}; front {:.1} km",
            a.cutoff,
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

// ---------------------------------------------------------------- report

pub const REPORT_HELP: &str = "\
Examples:
  frontline report --road M5 --date 2020-02-08
  frontline report --road M5 --between Saraqib \"Maarat al-Numan\" --date 2020-02-08
  frontline report --road M5 --date 2020-02-08 --format json | jq .totals
  frontline report --road M4 --date 2020-03-10 --format csv > m4.csv
  frontline report --road M5 --from 2020-01-20 --to 2020-03-10
  frontline report --road M5 --from 2020-01-20 --to 2020-03-10 --format json > m5-days.jsonl
  frontline report --road M5 --first-full government
  frontline report --road M5 --from 2020-01-20 --to 2020-03-10 --chart m5-share.png

Control model: a point on the road is held by whoever holds the nearest place
with known control on that day (geodesic distance), if it is within the cutoff;
otherwise it is unknown. Stretches split where the nearest place changes.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown tables.
    Md,
    /// CSV, one row per stretch (and per day with --from/--to).
    Csv,
    /// JSON (JSON Lines, one day per line, with --from/--to).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Highway ref, e.g. M5.
    #[arg(long)]
    road: String,
    /// The day, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg, conflicts_with_all = ["from", "to"])]
    date: Option<Date>,
    /// First day of a daily series.
    #[arg(long, value_parser = date_arg, requires = "to")]
    from: Option<Date>,
    /// Last day of a daily series (inclusive).
    #[arg(long, value_parser = date_arg, requires = "from")]
    to: Option<Date>,
    /// Print the first day on which this faction held the whole road.
    #[arg(long, value_name = "FACTION")]
    first_full: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Distance beyond which a place decides nothing, km.
    #[arg(long, default_value_t = DEFAULT_CUTOFF_KM, value_parser = cutoff_arg)]
    cutoff: f64,
    /// Only the stretch between these two towns on the road, e.g.
    /// --between Saraqib "Maarat al-Numan".
    #[arg(long, num_args = 2, value_names = ["TOWN", "TOWN"])]
    between: Option<Vec<String>>,
    /// With --from/--to: also draw km held per controller against date
    /// (plotters) to this .svg or .png file.
    #[arg(long, value_name = "FILE", requires = "from")]
    chart: Option<PathBuf>,
}

fn no_road(t: &Theater, road: &str) -> Error {
    Error::Usage(format!(
        "no road `{road}` in the theater\n  hint: the roads are: {}",
        t.roads.refs().join(", ")
    ))
}

pub fn report(t: &Theater, a: ReportArgs) -> Result<i32, Error> {
    let line = match &a.between {
        Some(towns) => t
            .roads
            .road_between(&t.gazetteer, &a.road, &towns[0], &towns[1])
            .map_err(Error::Usage)?,
        None => t
            .roads
            .road_line(&a.road)
            .ok_or_else(|| no_road(t, &a.road))?,
    };
    let mut out = std::io::stdout().lock();
    let w = |out: &mut std::io::StdoutLock<'_>, s: &str| {
        out.write_all(s.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))
    };
    let span = || -> (Date, Date) {
        match (a.from, a.to) {
            (Some(f), Some(to)) => (f, to),
            _ => {
                let d = a.date;
                let first = t.events.first().map(|e| e.date).or(d);
                let last = t.events.last().map(|e| e.date).or(d);
                match (first, last) {
                    (Some(f), Some(l)) => (f, l),
                    _ => (Date::EPOCH, Date::EPOCH.add_days(-1)),
                }
            }
        }
    };
    if let Some(f) = &a.first_full {
        if t.faction(f).is_none() {
            return Err(Error::Usage(format!(
                "unknown faction `{f}`\n  hint: the factions are: {}",
                t.factions
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let (from, to) = span();
        let mut d = from;
        while d <= to {
            let field = ControlField::on(&t.events, &t.gazetteer, d, a.cutoff);
            let r = report_with(t, &line, &field, d);
            if (r.km_of(f) - r.length_km).abs() < 0.001 {
                let decided: Vec<String> = r
                    .stretches
                    .iter()
                    .filter_map(|s| s.place.clone())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                match a.format {
                    Format::Json => w(
                        &mut out,
                        &format!(
                            "{}\n",
                            serde_json::json!({"road": line.road, "faction": f, "first_full": d, "length_km": r.length_km, "deciding_places": decided})
                        ),
                    )?,
                    _ => w(&mut out, &format!("{d}\n"))?,
                }
                return Ok(EXIT_OK);
            }
            d = d.add_days(1);
        }
        match a.format {
            Format::Json => w(
                &mut out,
                &format!(
                    "{}\n",
                    serde_json::json!({"road": line.road, "faction": f, "first_full": null})
                ),
            )?,
            _ => eprintln!(
                "{f} never held the whole {} between {from} and {to}",
                line.road
            ),
        }
        return Ok(EXIT_NOT_FOUND);
    }
    if let Some(d) = a.date {
        let field = ControlField::on(&t.events, &t.gazetteer, d, a.cutoff);
        let r = report_with(t, &line, &field, d);
        let s = match a.format {
            Format::Md => r.to_markdown(t),
            Format::Csv => r.to_csv(),
            Format::Json => format!("{}\n", serde_json::to_string_pretty(&r).unwrap_or_default()),
        };
        w(&mut out, &s)?;
        return Ok(EXIT_OK);
    }
    let (Some(from), Some(to)) = (a.from, a.to) else {
        return Err(Error::Usage("give --date D, or --from D1 --to D2, or --first-full FACTION\n  hint: frontline report --road M5 --date 2020-02-08".into()));
    };
    if to < from {
        return Err(Error::Usage(format!("--to {to} is before --from {from}")));
    }
    let chart_png = match &a.chart {
        None => false,
        Some(p) => match p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => false,
            Some("png") => true,
            _ => {
                return Err(Error::Usage(format!(
                    "{}: unknown chart format; end the file name in .svg or .png",
                    p.display()
                )))
            }
        },
    };
    let mut days: Vec<Date> = Vec::new();
    let mut kms: Vec<Vec<f64>> = Vec::new();
    let mut prev: Option<RoadReport> = None;
    let mut log = Vec::new();
    let mut ids: Vec<String> = t.factions.iter().map(|f| f.id.clone()).collect();
    ids.push("contested".into());
    ids.push("unknown".into());
    if a.format == Format::Md {
        let mut head = String::from("| date |");
        for id in &ids {
            head.push_str(&format!(" {id} km | {id} % |"));
        }
        head.push('\n');
        head.push_str(&"|---".repeat(1 + 2 * ids.len()));
        head.push_str("|\n");
        w(
            &mut out,
            &format!("# {} from {from} to {to}\n\n{head}", line.road),
        )?;
    } else if a.format == Format::Csv {
        w(&mut out, "date,road,controller,km,percent\n")?;
    }
    let mut d = from;
    while d <= to {
        let field = ControlField::on(&t.events, &t.gazetteer, d, a.cutoff);
        let r = report_with(t, &line, &field, d);
        let ch = prev.as_ref().map(|p| changes(p, &r)).unwrap_or_default();
        match a.format {
            Format::Md => {
                let mut row = format!("| {d} |");
                for x in &r.totals {
                    row.push_str(&format!(" {:.1} | {:.1} |", x.km, x.percent));
                }
                w(&mut out, &(row + "\n"))?;
            }
            Format::Csv => {
                for x in &r.totals {
                    w(
                        &mut out,
                        &format!(
                            "{d},{},{},{:.3},{:.2}\n",
                            line.road, x.controller, x.km, x.percent
                        ),
                    )?;
                }
            }
            Format::Json => {
                let mut v = serde_json::to_value(&r).unwrap_or_default();
                v["changes"] = serde_json::json!(ch);
                w(&mut out, &format!("{v}\n"))?;
            }
        }
        log.extend(ch);
        days.push(d);
        kms.push(r.totals.iter().map(|x| x.km).collect());
        prev = Some(r);
        d = d.add_days(1);
    }
    if let Some(path) = &a.chart {
        use frontline::render::chart::{chart_png as png, chart_svg as svg, ChartSeries};
        let series: Vec<ChartSeries> = ids
            .iter()
            .enumerate()
            .filter(|(i, _)| kms.iter().any(|k| k.get(*i).is_some_and(|&x| x > 0.0)))
            .map(|(i, id)| ChartSeries {
                name: t.controller_name(id),
                color: t.controller_color(id),
                km: kms
                    .iter()
                    .map(|k| k.get(i).copied().unwrap_or(0.0))
                    .collect(),
            })
            .collect();
        let title = format!("{}: km held per controller, {from} to {to}", line.road);
        let bytes = if chart_png {
            png(&title, &days, &series)?
        } else {
            svg(&title, &days, &series)?.into_bytes()
        };
        write_atomic(path, &bytes)?;
        eprintln!("wrote {}", path.display());
    }
    if a.format == Format::Md {
        w(&mut out, "\n## Changes\n\n")?;
        for l in &log {
            w(&mut out, &format!("- {l}\n"))?;
        }
    }
    Ok(EXIT_OK)
}

// ---------------------------------------------------------------- route

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
    #[arg(long, default_value_t = DEFAULT_CUTOFF_KM, value_parser = cutoff_arg)]
    cutoff: f64,
}

pub fn route(t: &Theater, a: RouteArgs) -> Result<i32, Error> {
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
    let Some((km, nodes, edges)) = t.roads.route(f, to) else {
        eprintln!("no highway path from {} to {}", g[f].name, g[to].name);
        return Ok(EXIT_NOT_FOUND);
    };
    let field = ControlField::on(&t.events, &t.gazetteer, a.date, a.cutoff);
    let mut parts = Vec::new();
    for (i, e) in edges.iter().enumerate() {
        let seg = &g[*e];
        let (na, nb) = (nodes[i], nodes[i + 1]);
        let mut line = seg.line.clone();
        if na.index() > nb.index() {
            line.0.reverse();
        }
        for s in stretches(&line, &field) {
            let p = s.decided_by.map(|k| &field.points()[k]);
            parts.push(serde_json::json!({
                "segment_from": g[na].name, "segment_to": g[nb].name,
                "refs": seg.refs.join(";"),
                "km": (s.km() * 1000.0).round() / 1000.0,
                "controller": p.map_or("unknown", |p| p.controller.as_str()),
                "deciding_place": p.map(|p| p.name.clone()),
                "since": p.map(|p| p.since),
            }));
        }
    }
    let passable = a
        .faction
        .as_ref()
        .map(|fac| parts.iter().all(|p| p["controller"] == fac.as_str()));
    let path: Vec<&str> = nodes.iter().map(|n| g[*n].name.as_str()).collect();
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
                t.controller_name(p["controller"].as_str().unwrap_or("unknown")),
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

// ---------------------------------------------------------------- roads

pub const ROADS_HELP: &str = "\
Examples:
  frontline roads import osm-m4-m5.geojson --out mytheater/roads/roads.geojson
  frontline roads export > roads.geojson

The input is a GeoJSON FeatureCollection of LineStrings whose `ref` property
names the highway (as in an OpenStreetMap export filtered on ref=M4/ref=M5;
`M4;M5` marks a shared way). Ends that meet become junctions, named after the
gazetteer town within 2 km. Put the output at DIR/roads/roads.geojson of a
theater folder and it replaces the waypoints.";

#[derive(Debug, clap::Subcommand)]
pub enum RoadsCmd {
    /// Build the road graph from real LineString geometry and write it.
    #[command(after_help = ROADS_HELP)]
    Import {
        /// GeoJSON FeatureCollection of LineStrings with a `ref` property.
        file: PathBuf,
        /// Where to write the normalised graph (GeoJSON).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write the theater's road graph as GeoJSON to standard output.
    #[command(after_help = ROADS_HELP)]
    Export,
}

pub fn roads(t: &Theater, cmd: RoadsCmd) -> Result<i32, Error> {
    match cmd {
        RoadsCmd::Import { file, out } => {
            let text = read_utf8(&file)?;
            let net = RoadNetwork::from_geojson(&text, &file.display().to_string(), &t.gazetteer)?;
            write_atomic(&out, net.to_geojson().as_bytes())?;
            for r in net.refs() {
                if let Some(l) = net.road_line(&r) {
                    eprintln!(
                        "{r}: {:.1} km, {} nodes",
                        frontline::roads::line_km(&l.line),
                        l.nodes.len()
                    );
                }
            }
            eprintln!("wrote {}", out.display());
            Ok(EXIT_OK)
        }
        RoadsCmd::Export => {
            out!("{}", t.roads.to_geojson());
            Ok(EXIT_OK)
        }
    }
}
