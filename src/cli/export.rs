//! `frontline export`: the whole timeline as QGIS-ready layers.

use super::args::{cutoff_arg, date_arg, MAX_DAYS};
use super::EXIT_OK;
use frontline::date::Date;
use frontline::error::{write_atomic, Error};
use frontline::output::layers::{outline_layer, timeline_layers};
use frontline::output::{geojson, gpkg, project, qml, OutputSet};
use frontline::theater::Theater;
use frontline::timeline::Timeline;
use std::path::PathBuf;

pub const EXPORT_HELP: &str = "\
Examples:
  frontline export --out qgis/                       # GeoJSON + .qml styles, frontline.gpkg and frontline.qgz
  frontline export --out qgis/ --format gpkg
  frontline --events my-events.csv export --out mine/ --format geojson
  frontline export --out feb/ --from 2020-02-01 --to 2020-02-29     # the periods in February

Writes four timeline layers, one geometry type each: places (Point), roads
(LineString, highway stretches), areas (Polygon) and front (LineString). Every
feature has valid_from (inclusive) and valid_to (exclusive; empty = still
valid) as YYYY-MM-DD dates, plus controller, controller_name, color,
confidence, source. A fifth layer, outlines (Polygon: level = country or
governorate, name), holds the theater's boundaries, drawn as thin grey lines.
GeoJSON files get a same-name .qml style (QGIS loads it automatically); the
GeoPackage carries the same styles in layer_styles as defaults. Both set up
the Temporal Controller from valid_from/valid_to. With the GeoPackage comes
frontline.qgz, a QGIS project that opens its layers styled, in a local
projection centred on the theater, with the Temporal Controller running from
the first event date through the last.

A period is a stretch of days between two event dates; each has its own
areas, so a long, dense timeline is exported a window at a time: --from/--to
keep the periods that overlap the window (whole, with their own dates), and
an export holds at most 3660 periods.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Geojson,
    Gpkg,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Formats, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "geojson,gpkg")]
    format: Vec<Format>,
    /// No place holds ground farther than this, km.
    #[arg(long, value_parser = cutoff_arg, allow_hyphen_values = true)]
    cutoff: Option<f64>,
    /// Only the periods that overlap this day or later (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    from: Option<Date>,
    /// Only the periods that overlap this day or earlier (YYYY-MM-DD).
    #[arg(long, value_parser = date_arg)]
    to: Option<Date>,
}

pub fn run(t: &Theater, a: ExportArgs) -> Result<i32, Error> {
    let tl = Timeline::new(t, a.cutoff.unwrap_or(t.settings.cutoff_km));
    if tl.change_dates().is_empty() {
        return Err(Error::Usage(
            "the theater has no events: nothing to export".into(),
        ));
    }
    if let (Some(f), Some(to)) = (a.from, a.to) {
        if f > to {
            return Err(Error::Usage(format!(
                "--from {f} is after --to {to}: give the earlier date first"
            )));
        }
    }
    let periods: Vec<_> = tl
        .periods()
        .into_iter()
        .filter(|p| p.overlaps(a.from, a.to))
        .collect();
    let (first, last) = match (periods.first(), periods.last()) {
        (Some(p), Some(q)) => (p.from, q.from),
        _ => {
            let span = tl
                .span()
                .map(|(d0, d1)| format!(": the events run from {d0} to {d1}"))
                .unwrap_or_default();
            return Err(Error::Usage(format!("no period overlaps the window{span}")));
        }
    };
    // Each period needs its own areas: bound the work a command line can ask.
    if periods.len() > MAX_DAYS as usize {
        return Err(Error::Usage(format!(
            "{} periods is more than {MAX_DAYS}: export a window at a time\n  hint: frontline export --out DIR --from {first} --to {}",
            periods.len(),
            periods[MAX_DAYS as usize - 1].from
        )));
    }
    // All layers are written into a staging folder and moved into place only
    // when every one is written: a failed run leaves the previous export.
    let set = OutputSet::begin(&a.out)?;
    match periods.len() {
        1 => eprintln!("exporting 1 period (from {first})…"),
        n => eprintln!("exporting {n} periods ({first} to {last})…"),
    }
    let mut layers = timeline_layers(&tl, (a.from, a.to));
    let mut parts: Vec<qml::StyleParts> = layers
        .iter()
        .map(|l| qml::style_parts(t, l.geom, l.name == "front", true))
        .collect();
    let outlines = outline_layer(t);
    if !outlines.features.is_empty() {
        layers.push(outlines);
        parts.push(qml::outline_parts());
    }
    let styles: Vec<(&str, String)> = layers
        .iter()
        .zip(&parts)
        .map(|(l, s)| (l.name, qml::wrap(s)))
        .collect();
    for f in &a.format {
        match f {
            Format::Geojson => {
                for (l, (_, style)) in layers.iter().zip(&styles) {
                    let p = set.path(&format!("{}.geojson", l.name));
                    write_atomic(&p, geojson::layer(l).as_bytes())?;
                    write_atomic(&set.path(&format!("{}.qml", l.name)), style.as_bytes())?;
                    eprintln!("{}.geojson: {} features", l.name, l.features.len());
                }
            }
            Format::Gpkg => {
                let p = set.path("frontline.gpkg");
                gpkg::write(&p, &layers, &styles, &format!("{last}T00:00:00.000Z"))?;
                // Drawn top to bottom: places over fronts over roads over
                // areas, the outlines at the bottom.
                let order = ["places", "front", "roads", "areas", "outlines"];
                let mut drawn: Vec<(&_, &_)> = layers.iter().zip(&parts).collect();
                drawn.sort_by_key(|(l, _)| order.iter().position(|n| *n == l.name));
                let qgz = project::qgz(&drawn, "frontline.gpkg", first, last);
                write_atomic(&set.path("frontline.qgz"), &qgz)?;
            }
        }
    }
    for p in set.commit()? {
        eprintln!("wrote {}", p.display());
    }
    Ok(EXIT_OK)
}
