//! `frontline map`: one day's map as SVG, PNG or GeoJSON.

use super::areas::front_path;
use super::timeline::{cutoff_arg, date_arg};
use super::EXIT_OK;
use frontline::areas::{AreaBuilder, Areas};
use frontline::control::DEFAULT_CUTOFF_KM;
use frontline::date::Date;
use frontline::error::{write_atomic, Error};
use frontline::render::{default_bbox, map_svg, svg_to_png, Frame, MapOptions};
use frontline::theater::Theater;
use std::path::{Path, PathBuf};

pub const MAP_HELP: &str = "\
Examples:
  frontline map --date 2020-02-08 --out map.svg
  frontline map --date 2020-02-08 --out map.png --width 2000 --title \"Idlib offensive\"
  frontline map --date 2020-03-05 --out saraqib.png --bbox 36.4,35.6,37.1,36.1
  frontline map --date 2020-02-08 --out areas.geojson   # + areas-front.geojson and .qml styles

The format follows the extension: .svg, .png (rendered from the same SVG with
an embedded font, so it needs no system fonts) or .geojson (areas and front
line as two files). Projection: equirectangular, true scale at the centre
latitude of the box (the scale bar is true there).";

pub(crate) fn bbox_arg(s: &str) -> Result<[f64; 4], String> {
    frontline::render::parse_bbox(s)
}

pub(crate) fn width_arg(s: &str) -> Result<u32, String> {
    match s.parse::<u32>() {
        Ok(x) if (300..=8000).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a width in px between 300 and 8000")),
    }
}

/// Longest map title, in characters: it must fit on the map.
const MAX_TITLE: usize = 200;

pub(crate) fn title_arg(s: &str) -> Result<String, String> {
    let n = s.chars().count();
    if n > MAX_TITLE {
        return Err(format!(
            "the title has {n} characters; a map title holds at most {MAX_TITLE}"
        ));
    }
    Ok(s.to_string())
}

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
    /// No place holds ground farther than this, km.
    #[arg(long, default_value_t = DEFAULT_CUTOFF_KM, value_parser = cutoff_arg, allow_hyphen_values = true)]
    pub cutoff: f64,
}

impl FrameArgs {
    /// Check that the map's pixel size is within bounds, before any work.
    pub fn check(&self, t: &Theater) -> Result<(), Error> {
        let bbox = self.bbox.unwrap_or_else(|| default_bbox(t, self.cutoff));
        Frame::check_size(bbox, self.width).map_err(Error::Usage)
    }

    /// The drawing options for one day (`bbox` overrides the flag's).
    pub fn options(&self, date: Date, bbox: Option<[f64; 4]>) -> MapOptions {
        MapOptions {
            date,
            bbox: bbox.or(self.bbox),
            width: self.width,
            title: self.title.clone(),
            cutoff_km: self.cutoff,
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
    #[command(flatten)]
    frame: FrameArgs,
}

/// Output formats of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Svg,
    Png,
    GeoJson,
}

pub(crate) fn kind_of(p: &Path) -> Result<Kind, Error> {
    match p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => Ok(Kind::Svg),
        Some("png") => Ok(Kind::Png),
        Some("geojson") | Some("json") => Ok(Kind::GeoJson),
        _ => Err(Error::Usage(format!(
            "{}: unknown map format; end the file name in .svg, .png or .geojson",
            p.display()
        ))),
    }
}

/// Write one day in one format; `.geojson` also writes `<stem>-front.geojson`.
pub(crate) fn write_day(
    t: &Theater,
    builder: &AreaBuilder,
    opt: &MapOptions,
    out: &Path,
    kind: Kind,
) -> Result<Areas, Error> {
    let (svg, areas) = map_svg(t, builder, opt);
    match kind {
        Kind::Svg => write_atomic(out, svg.as_bytes())?,
        Kind::Png => write_atomic(out, &svg_to_png(&svg)?)?,
        Kind::GeoJson => super::areas::write_geojson(t, opt.date, &areas, out, &front_path(out))?,
    }
    Ok(areas)
}

pub fn run(t: &Theater, a: MapArgs) -> Result<i32, Error> {
    let kind = kind_of(&a.out)?;
    a.frame.check(t)?;
    super::areas::warn_if_nothing_known(t, a.date);
    let builder = AreaBuilder::new(t, a.frame.cutoff);
    let _ = write_day(t, &builder, &a.frame.options(a.date, None), &a.out, kind)?;
    eprintln!("wrote {}", a.out.display());
    Ok(EXIT_OK)
}
