//! `frontline series`: one map per day, in parallel, with a browsable index.

use super::args::{date_arg, Kind, MAX_DAYS};
use super::map::{write_day, FrameArgs};
use super::progress::Progress;
use super::EXIT_OK;
use frontline::date::Date;
use frontline::error::{write_atomic, Error};
use frontline::output::OutputSet;
use frontline::render::{default_bbox, index_html, IndexChange, IndexDay};
use frontline::theater::Theater;
use frontline::timeline::Timeline;
use rayon::prelude::*;
use std::path::PathBuf;

pub const SERIES_HELP: &str = "\
Examples:
  frontline series --from 2020-01-20 --to 2020-03-10 --out-dir maps/
  frontline series --from 2020-02-01 --to 2020-02-29 --out-dir feb/ --format svg,png,geojson
  xdg-open maps/index.html        # step through the days; maps/index.html#2020-02-08 links a day

One file per day and format (DIR/YYYY-MM-DD.svg, .png, .geojson and
-front.geojson), rendered in parallel on all cores with a progress bar on
standard error, plus DIR/index.html: a self-contained viewer (no network)
with a date slider, the date shown large, arrow keys and play/pause. Every
day uses the same map extent, so the frames line up.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
    Geojson,
}

#[derive(Debug, clap::Args)]
pub struct SeriesArgs {
    /// First day, YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    from: Date,
    /// Last day (included), YYYY-MM-DD.
    #[arg(long, value_parser = date_arg)]
    to: Date,
    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    out_dir: PathBuf,
    /// Formats, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "svg")]
    format: Vec<Format>,
    #[command(flatten)]
    frame: FrameArgs,
}

pub fn run(t: &Theater, a: SeriesArgs) -> Result<i32, Error> {
    let n = a.from.days_until(a.to) + 1;
    if n < 1 {
        return Err(Error::Usage(format!(
            "--from {} is after --to {}: give the first day first",
            a.from, a.to
        )));
    }
    if n > MAX_DAYS {
        return Err(Error::Usage(format!(
            "{n} days is more than {MAX_DAYS}: split the series"
        )));
    }
    a.frame.check(t)?;
    // Every file is written into a staging folder and moved into place only
    // when all are written: a failed run leaves the previous series as it was.
    let set = OutputSet::begin(&a.out_dir)?;
    let days: Vec<Date> = (0..n).map(|i| a.from.add_days(i)).collect();
    let tl = Timeline::new(t, a.frame.cutoff.unwrap_or(t.settings.cutoff_km));
    let bbox = a
        .frame
        .bbox
        .unwrap_or_else(|| default_bbox(t, t.settings.hull_margin_km));
    let mut kinds: Vec<(Kind, &str)> = Vec::new();
    for f in &a.format {
        let k = match f {
            Format::Svg => (Kind::Svg, "svg"),
            Format::Png => (Kind::Png, "png"),
            Format::Geojson => (Kind::GeoJson, "geojson"),
        };
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let ks: Vec<Kind> = kinds.iter().map(|k| k.0).collect();
    let ext = |k: Kind| kinds.iter().find(|x| x.0 == k).map_or("", |x| x.1);
    let opt = a.frame.options(Some(bbox));
    let progress = Progress::new(days.len(), "days");
    let results: Vec<Result<IndexDay, Error>> = days
        .par_iter()
        .map(|&date| -> Result<IndexDay, Error> {
            let day = tl.day(date);
            write_day(&day, &opt, &ks, |k| set.path(&format!("{date}.{}", ext(k))))?;
            let areas = day.areas();
            let parts: Vec<String> = areas
                .areas
                .iter()
                .map(|x| format!("{} {:.0} km²", t.controller_name(&x.controller), x.km2))
                .collect();
            let summary = format!("{} · front {:.0} km", parts.join(" · "), areas.front_km());
            progress.tick();
            let image = kinds
                .iter()
                .find(|(k, _)| *k == Kind::Svg)
                .or_else(|| kinds.iter().find(|(k, _)| *k == Kind::Png))
                .map(|(_, ext)| format!("{date}.{ext}"));
            let before = tl.day(date.add_days(-1));
            let changes = day
                .changes_since(&before)
                .into_iter()
                .map(|c| IndexChange {
                    place: t.display_name(c.place, a.frame.lang),
                    to: t.controller_name_in(c.to.as_str(), a.frame.lang),
                    color: t.controller_color(c.to),
                    source: c.source.to_string(),
                })
                .collect();
            Ok(IndexDay {
                date: date.to_string(),
                image,
                summary,
                changes,
            })
        })
        .collect();
    let index: Vec<IndexDay> = results.into_iter().collect::<Result<_, _>>()?;
    let title = format!(
        "{} {} to {}",
        a.frame.title.as_deref().unwrap_or("Territorial control,"),
        a.from,
        a.to
    );
    write_atomic(
        &set.path("index.html"),
        index_html(&title, t.attribution(), &index).as_bytes(),
    )?;
    set.commit()?;
    let path = a.out_dir.join("index.html");
    eprintln!(
        "wrote {} days to {}; open {}",
        index.len(),
        a.out_dir.display(),
        path.display()
    );
    Ok(EXIT_OK)
}
