//! Map benchmarks (divan): `cargo bench --bench map`.
//!
//! Targets (issue 13): one day's map (state, areas and SVG) in at most
//! 10 ms and its PNG in at most 100 ms at 1600 px; a 100-day series of PNGs
//! in at most 10 s on 2 cores.

use divan::{black_box, Bencher};
use frontline::control::DEFAULT_CUTOFF_KM;
use frontline::date::Date;
use frontline::render::{default_bbox, map_svg, svg_to_png, MapOptions};
use frontline::theater::Theater;
use frontline::timeline::Timeline;
use rayon::prelude::*;

fn main() {
    divan::main();
}

fn options(t: &Theater) -> MapOptions {
    MapOptions {
        bbox: Some(default_bbox(t, t.settings.hull_margin_km)),
        width: 1600,
        ..Default::default()
    }
}

/// State, areas, front line and the SVG text of 2020-02-08 (1600 px wide).
#[divan::bench(sample_count = 30)]
fn one_day_svg(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let opt = options(&t);
    let d: Date = "2020-02-08".parse().unwrap();
    b.bench_local(|| map_svg(&tl.day(black_box(d)), &opt).len());
}

/// The same day rasterised to PNG (resvg, embedded font).
#[divan::bench(sample_count = 10)]
fn one_day_png(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let svg = map_svg(&tl.day("2020-02-08".parse().unwrap()), &options(&t));
    b.bench_local(|| svg_to_png(black_box(&svg)).unwrap().len());
}

/// 100 days (2019-12-19 onwards) of SVG maps, in parallel on all cores,
/// written to a temporary folder.
#[divan::bench(sample_count = 5)]
fn hundred_day_series_svg(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let opt = options(&t);
    let d0: Date = "2019-12-19".parse().unwrap();
    let days: Vec<Date> = (0..100).map(|i| d0.add_days(i)).collect();
    let dir = std::env::temp_dir().join("frontline-bench-series");
    std::fs::create_dir_all(&dir).unwrap();
    b.bench_local(|| {
        days.par_iter()
            .map(|&d| {
                let svg = map_svg(&tl.day(d), &opt);
                frontline::error::write_atomic(&dir.join(format!("{d}.svg")), svg.as_bytes())
                    .unwrap();
            })
            .count()
    });
    let _ = std::fs::remove_dir_all(&dir);
}

/// 100 days of PNG maps (1600 px), in parallel on all cores, written to a
/// temporary folder: what `series --format png` does.
#[divan::bench(sample_count = 3)]
fn hundred_day_series_png(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let opt = options(&t);
    let d0: Date = "2019-12-19".parse().unwrap();
    let days: Vec<Date> = (0..100).map(|i| d0.add_days(i)).collect();
    let dir = std::env::temp_dir().join("frontline-bench-series-png");
    std::fs::create_dir_all(&dir).unwrap();
    b.bench_local(|| {
        days.par_iter()
            .map(|&d| {
                let png = svg_to_png(&map_svg(&tl.day(d), &opt)).unwrap();
                frontline::error::write_atomic(&dir.join(format!("{d}.png")), &png).unwrap();
            })
            .count()
    });
    let _ = std::fs::remove_dir_all(&dir);
}
