//! Argument parsers shared by the commands: date, cutoff, bounding box,
//! width, and file formats from extensions.

use frontline::date::Date;
use frontline::error::Error;
use std::path::Path;

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

pub(crate) fn lang_arg(s: &str) -> Result<frontline::i18n::Lang, String> {
    s.parse()
}

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

/// Output formats of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Svg,
    Png,
    GeoJson,
}

/// Lower-case extension of a path.
fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// A map's format from its file name.
pub(crate) fn kind_of(p: &Path) -> Result<Kind, Error> {
    match extension(p).as_deref() {
        Some("svg") => Ok(Kind::Svg),
        Some("png") => Ok(Kind::Png),
        Some("geojson") | Some("json") => Ok(Kind::GeoJson),
        _ => Err(Error::Usage(format!(
            "{}: unknown map format; end the file name in .svg, .png or .geojson",
            p.display()
        ))),
    }
}

/// A chart's format from its file name: `true` for PNG, `false` for SVG.
pub(crate) fn chart_is_png(p: &Path) -> Result<bool, Error> {
    match extension(p).as_deref() {
        Some("svg") => Ok(false),
        Some("png") => Ok(true),
        _ => Err(Error::Usage(format!(
            "{}: unknown chart format; end the file name in .svg or .png",
            p.display()
        ))),
    }
}

/// Longest daily series a command computes (ten years), as `series` does.
pub(crate) const MAX_DAYS: i32 = 3660;

/// Warn on standard error when `date` lies outside the theater's events: the
/// state then is the first or last one the events give, which a user should
/// know before reading a map or report of that day.
pub(crate) fn warn_if_outside_events(t: &frontline::theater::Theater, date: Date) {
    let (Some(first), Some(last)) = (t.events.first(), t.events.last()) else {
        eprintln!("warning: the theater has no events");
        return;
    };
    if date < first.date {
        eprintln!(
            "warning: {date} is before the first event ({}): nothing is known yet",
            first.date
        );
    } else if date > last.date {
        eprintln!(
            "warning: {date} is after the last event ({}): this is the state the last events left, not news of that day",
            last.date
        );
    }
}
