//! `frontline report`: who holds which stretch of a highway, on a day or
//! over days, and the first day a faction held all of it.

use super::args::{chart_is_png, cutoff_arg, date_arg, warn_if_outside_events, MAX_DAYS};
use super::{EXIT_NOT_FOUND, EXIT_OK};
use frontline::date::Date;
use frontline::error::{write_atomic, Error};
use frontline::factions::Controller;
use frontline::theater::Theater;
use frontline::timeline::{change_log, first_full, road_series, Timeline};
use std::io::Write;
use std::path::PathBuf;

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
    #[arg(long, value_parser = cutoff_arg, allow_hyphen_values = true)]
    cutoff: Option<f64>,
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

pub fn run(t: &Theater, a: ReportArgs) -> Result<i32, Error> {
    if a.chart.is_some() && (a.from.is_none() || a.to.is_none()) {
        return Err(Error::Usage(
            "--chart draws a daily series: give --from D1 --to D2 with it\n  hint: frontline report --road M5 --from 2020-01-20 --to 2020-03-10 --chart m5.png".into(),
        ));
    }
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
    let tl = Timeline::new(t, a.cutoff.unwrap_or(t.settings.cutoff_km));
    let mut out = std::io::stdout().lock();
    let w = |out: &mut std::io::StdoutLock<'_>, s: &str| {
        out.write_all(s.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))
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
        let (from, to) = match (a.from, a.to) {
            (Some(f), Some(to)) => (f, to),
            _ => tl
                .span()
                .or(a.date.map(|d| (d, d)))
                .unwrap_or((Date::EPOCH, Date::EPOCH.add_days(-1))),
        };
        let Some(r) = first_full(&tl, &line, f, from, to) else {
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
        };
        let d = r.date;
        match a.format {
            Format::Json => {
                let decided: Vec<String> = r
                    .stretches
                    .iter()
                    .filter_map(|s| s.place.clone())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                w(
                    &mut out,
                    &format!(
                        "{}\n",
                        serde_json::json!({"road": line.road, "faction": f, "first_full": d, "length_km": r.length_km, "deciding_places": decided})
                    ),
                )?
            }
            _ => w(&mut out, &format!("{d}\n"))?,
        }
        return Ok(EXIT_OK);
    }
    if let Some(d) = a.date {
        warn_if_outside_events(t, d);
        let r = tl.day(d).report(&line);
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
    let n = from.days_until(to) + 1;
    if n > MAX_DAYS {
        return Err(Error::Usage(format!(
            "{n} days is more than {MAX_DAYS}: split the series\n  hint: the events run from {}",
            tl.span()
                .map_or("nowhere".into(), |(a, b)| format!("{a} to {b}"))
        )));
    }
    let chart_png = a.chart.as_deref().map(chart_is_png).transpose()?;
    let reports = road_series(&tl, &line, from, to);
    let log = change_log(&reports);
    let ids = Controller::all(&t.factions);
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
    for (r, ch) in reports.iter().zip(&log) {
        let d = r.date;
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
                let mut v = serde_json::to_value(r).unwrap_or_default();
                v["changes"] = serde_json::json!(ch);
                w(&mut out, &format!("{v}\n"))?;
            }
        }
    }
    if let (Some(path), Some(png)) = (&a.chart, chart_png) {
        use frontline::render::chart::{chart_png, chart_svg, ChartSeries};
        let days: Vec<Date> = reports.iter().map(|r| r.date).collect();
        let kms: Vec<Vec<f64>> = reports
            .iter()
            .map(|r| r.totals.iter().map(|x| x.km).collect())
            .collect();
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
        let bytes = if png {
            chart_png(&title, &days, &series)?
        } else {
            chart_svg(&title, &days, &series)?.into_bytes()
        };
        write_atomic(path, &bytes)?;
        eprintln!("wrote {}", path.display());
    }
    if a.format == Format::Md {
        w(&mut out, "\n## Changes\n\n")?;
        if let Some((_, start)) = line.nodes.first() {
            w(
                &mut out,
                &format!("Kilometres are counted along the road from {start} (km 0).\n\n"),
            )?;
        }
        for l in log.iter().flatten() {
            w(&mut out, &format!("- {l}\n"))?;
        }
    }
    Ok(EXIT_OK)
}
