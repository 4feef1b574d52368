//! `frontline areas`: control areas and the front line of a day.

use super::args::{cutoff_arg, date_arg};
use super::EXIT_OK;
use frontline::date::Date;
use frontline::error::{write_atomic, Error};
use frontline::output::geojson::{area_features, collection, front_features};
use frontline::theater::Theater;
use frontline::timeline::{Day, Timeline};
use std::path::{Path, PathBuf};

pub const AREAS_HELP: &str = "\
Examples:
  frontline areas --date 2020-02-08                       # km² per faction, front length
  frontline areas --date 2020-02-08 --out areas.geojson   # also writes areas-front.geojson
  frontline areas --date 2020-02-08 --out a.geojson --front front.geojson --cutoff 10

Each place with known control holds the region closer to it than to any other
such place, up to the cutoff; regions are dissolved per controller and clipped
to the theater's country outline. The front line is where two controllers'
regions meet. Areas (MultiPolygon) and front (MultiLineString) go to separate
files, because QGIS splits files that mix geometry types.";

#[derive(Debug, clap::Args)]
pub struct AreasArgs {
    /// The day, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    date: Date,
    /// Write the areas here (GeoJSON, MultiPolygon features).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write the front line here (GeoJSON, MultiLineString features);
    /// default: next to --out, named <stem>-front.geojson.
    #[arg(long, value_name = "FILE")]
    front: Option<PathBuf>,
    /// No place holds ground farther than this, km.
    #[arg(long, value_parser = cutoff_arg, allow_hyphen_values = true)]
    cutoff: Option<f64>,
}

/// Areas (MultiPolygon) to `out` and front lines (MultiLineString) to
/// `front`: two files, because QGIS splits files that mix geometry types;
/// each with a same-name `.qml` style colouring by controller.
pub fn write_geojson(day: &Day<'_>, out: &Path, front: &Path) -> Result<(), Error> {
    use frontline::output::layers::GeomKind;
    use frontline::output::qml::style;
    let t = day.theater();
    write_atomic(out, collection(&area_features(day)).as_bytes())?;
    write_atomic(front, collection(&front_features(day)).as_bytes())?;
    // Same-name styles, which QGIS loads with the files.
    let polygon = style(t, GeomKind::Polygon, false, false);
    write_atomic(&out.with_extension("qml"), polygon.as_bytes())?;
    let line = style(t, GeomKind::LineString, true, false);
    write_atomic(&front.with_extension("qml"), line.as_bytes())
}

/// `<stem>-front.geojson` beside `out`.
pub fn front_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "areas".into());
    out.with_file_name(format!("{stem}-front.geojson"))
}

/// Say so on standard error when no place has a known controller on `date`
/// (the map or areas would be empty), with the span the events cover.
pub fn warn_if_nothing_known(day: &Day<'_>) {
    if day.held().is_empty() {
        let date = day.date();
        let first = day.theater().events.iter().map(|e| e.date).min();
        match first {
            Some(f) => eprintln!(
                "warning: no place has a known controller on {date}; the events start on {f}"
            ),
            None => eprintln!("warning: the theater has no events"),
        }
    }
}

pub fn run(t: &Theater, a: AreasArgs) -> Result<i32, Error> {
    let tl = Timeline::new(t, a.cutoff.unwrap_or(t.settings.cutoff_km));
    let day = tl.day(a.date);
    warn_if_nothing_known(&day);
    if let Some(out) = &a.out {
        let front = a.front.clone().unwrap_or_else(|| front_path(out));
        if &front == out {
            return Err(Error::Usage(
                "--front must differ from --out: areas and front line go to separate files".into(),
            ));
        }
        write_geojson(&day, out, &front)?;
        eprintln!("wrote {} and {}", out.display(), front.display());
    }
    let areas = day.areas();
    let mut rows: Vec<Vec<String>> = areas
        .areas
        .iter()
        .map(|x| {
            vec![
                x.controller.to_string(),
                format!("{:.1}", x.km2),
                x.places.to_string(),
            ]
        })
        .collect();
    for f in &areas.fronts {
        rows.push(vec![
            format!("front {} / {}", f.between.0, f.between.1),
            format!("{:.1} km", f.km),
            String::new(),
        ]);
    }
    for (side, km2, front) in super::state::sides(t, areas) {
        rows.push(vec![
            format!("side {side}"),
            format!("{km2:.1}"),
            format!("front {front:.1} km"),
        ]);
    }
    super::table::print(&["controller", "km²", "places"], &rows);
    Ok(EXIT_OK)
}
