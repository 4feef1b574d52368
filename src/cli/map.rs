//! `frontline map`: one day's map as SVG, PNG or GeoJSON.

use super::areas::front_path;
use super::args::{bbox_arg, cutoff_arg, date_arg, kind_of, lang_arg, title_arg, width_arg, Kind};
use super::EXIT_OK;
use frontline::date::Date;
use frontline::error::{write_atomic, Error};
use frontline::i18n::Lang;
use frontline::render::{default_bbox, map_svg, svg_to_png, Frame, MapOptions};
use frontline::theater::Theater;
use frontline::timeline::{Day, Timeline};
use std::path::PathBuf;

pub const MAP_HELP: &str = "\
Examples:
  frontline map --date 2020-02-08 --out map.svg
  frontline map --date 2020-02-08 --out map.png --width 2000 --title \"Idlib offensive\"
  frontline map --date 2020-03-05 --out saraqib.png --bbox 36.4,35.6,37.1,36.1
  frontline map --date 2020-02-08 --out areas.geojson   # + areas-front.geojson and .qml styles
  frontline map --date 2020-02-08 --out carte.png --lang fr           # labels in French press spelling
  frontline map --date 2020-02-08 --out kharita.png --lang ar         # Arabic, right to left
  frontline map --date 2020-02-08 --since 2020-01-28 --out change.png # what changed hands since

The format follows the extension: .svg, .png (rendered from the same SVG with
an embedded font, so it needs no system fonts) or .geojson (areas and front
line as two files). Projection: equirectangular, true scale at the centre
latitude of the box (the scale bar is true there).";

/// How a map is framed and drawn: shared by `map` and `series`.
#[derive(Debug, Clone, clap::Args)]
pub struct FrameArgs {
    /// Map extent W,S,E,N in degrees (default: the theater's places and roads).
    #[arg(long, value_parser = bbox_arg, allow_hyphen_values = true)]
    pub bbox: Option<[f64; 4]>,
    /// Width in px; the height follows from the extent.
    #[arg(long, default_value_t = 1600, value_parser = width_arg, allow_hyphen_values = true)]
    pub width: u32,
    /// Title (the date is added).
    #[arg(long, value_parser = title_arg, allow_hyphen_values = true)]
    pub title: Option<String>,
    /// No place holds ground farther than this, km (default: the theater's
    /// settings.csv, else 30).
    #[arg(long, value_parser = cutoff_arg, allow_hyphen_values = true)]
    pub cutoff: Option<f64>,
    /// Language of labels, legend, title and scale: en, fr or ar.
    #[arg(long, default_value = "en", value_parser = lang_arg)]
    pub lang: Lang,
}

impl FrameArgs {
    /// Check that the map's pixel size is within bounds, before any work.
    pub fn check(&self, t: &Theater) -> Result<(), Error> {
        let bbox = self
            .bbox
            .unwrap_or_else(|| default_bbox(t, t.settings.hull_margin_km));
        Frame::check_size(bbox, self.width).map_err(Error::Usage)
    }

    /// The drawing options (`bbox` overrides the flag's).
    pub fn options(&self, bbox: Option<[f64; 4]>) -> MapOptions {
        MapOptions {
            bbox: bbox.or(self.bbox),
            width: self.width,
            title: self.title.clone(),
            lang: self.lang,
            since: None,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct MapArgs {
    /// The day, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    date: Date,
    /// Output file: .svg, .png or .geojson.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Also show what changed hands since this day (hatched in the gaining
    /// side's colour, with the places and km² gained and lost).
    #[arg(long, value_parser = date_arg, value_name = "D0")]
    since: Option<Date>,
    #[command(flatten)]
    frame: FrameArgs,
}

/// Write one day in the given formats, to `out(kind)`; `.geojson` also
/// writes `<stem>-front.geojson`. The SVG is drawn once, and only when an
/// SVG or PNG is asked for.
pub(crate) fn write_day(
    day: &Day<'_>,
    opt: &MapOptions,
    kinds: &[Kind],
    out: impl Fn(Kind) -> PathBuf,
) -> Result<(), Error> {
    let mut svg: Option<String> = None;
    for &kind in kinds {
        let path = out(kind);
        match kind {
            Kind::Svg | Kind::Png => {
                let svg = svg.get_or_insert_with(|| map_svg(day, opt));
                if kind == Kind::Svg {
                    write_atomic(&path, svg.as_bytes())?;
                } else {
                    write_atomic(&path, &svg_to_png(svg)?)?;
                }
            }
            Kind::GeoJson => super::areas::write_geojson(day, &path, &front_path(&path))?,
        }
    }
    Ok(())
}

/// Say so when `date` lies after the last event (the map shows the state
/// of the last event day) or before the first.
pub(crate) fn warn_outside_span(tl: &Timeline<'_>, date: Date) {
    if let Some((first, last)) = tl.span() {
        if date > last {
            eprintln!(
                "warning: {date} is after the last event ({last}): the map shows the state as of {last}, and anything since is not in the data"
            );
        } else if date < first {
            eprintln!("warning: {date} is before the first event ({first}): nothing is known yet");
        }
    }
}

/// Say so when no known place and no highway lies inside `bbox`.
fn warn_if_bbox_empty(day: &Day<'_>, bbox: Option<[f64; 4]>) {
    let Some([w, s, e, n]) = bbox else { return };
    let t = day.theater();
    let inside = |lon: f64, lat: f64| lon >= w && lon <= e && lat >= s && lat <= n;
    let places = day
        .held()
        .iter()
        .filter_map(|h| t.gazetteer.get(h.place))
        .any(|p| inside(p.lon, p.lat));
    let roads = day
        .timeline()
        .roads()
        .iter()
        .any(|r| r.line.0.iter().any(|c| inside(c.x, c.y)));
    let areas = day.areas().areas.iter().any(|a| {
        use geo::BoundingRect;
        a.geometry
            .bounding_rect()
            .is_some_and(|r| r.min().x <= e && r.max().x >= w && r.min().y <= n && r.max().y >= s)
    });
    if !places && !roads && !areas {
        let [dw, ds, de, dn] = default_bbox(t, t.settings.hull_margin_km);
        eprintln!(
            "warning: --bbox {w},{s},{e},{n} holds no known place, highway or control area on {}: the theater spans about {dw:.2},{ds:.2},{de:.2},{dn:.2}",
            day.date()
        );
    }
}

pub fn run(t: &Theater, a: MapArgs) -> Result<i32, Error> {
    let kind = kind_of(&a.out)?;
    a.frame.check(t)?;
    if let Some(d0) = a.since {
        if d0 >= a.date {
            return Err(Error::Usage(format!(
                "--since {d0} is not before --date {}: give an earlier day to compare with",
                a.date
            )));
        }
    }
    let tl = Timeline::new(t, a.frame.cutoff.unwrap_or(t.settings.cutoff_km));
    let day = tl.day(a.date);
    super::areas::warn_if_nothing_known(&day);
    warn_outside_span(&tl, a.date);
    let mut opt = a.frame.options(None);
    opt.since = a.since;
    warn_if_bbox_empty(&day, opt.bbox);
    write_day(&day, &opt, &[kind], |_| a.out.clone())?;
    eprintln!("wrote {}", a.out.display());
    Ok(EXIT_OK)
}
