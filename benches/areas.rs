//! Control-area benchmarks (divan): `cargo bench --bench areas`.
//!
//! Targets (issue 4): areas and front line for one day of the default
//! theater in at most 20 ms; a 365-day run at 1,000 control points in at
//! most 10 s on 2 cores.

use divan::{black_box, Bencher};
use frontline::areas::AreaBuilder;
use frontline::control::{ControlField, ControlPoint, DEFAULT_CUTOFF_KM};
use frontline::date::Date;
use frontline::events::Confidence;
use frontline::theater::Theater;
use frontline::timeline::Timeline;
use geo::Point;
use rayon::prelude::*;

fn main() {
    divan::main();
}

/// Areas and front for 2020-02-08 (state, cells, dissolve, clip, front).
#[divan::bench(sample_count = 30)]
fn one_day_default_theater(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let d: Date = "2020-02-08".parse().unwrap();
    b.bench_local(|| tl.day(black_box(d)).areas().fronts.len());
}

fn lcg(s: &mut u64) -> f64 {
    *s = s
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*s >> 11) as f64 / (1u64 << 53) as f64
}

/// 365 days of 1,000 synthetic control points over the Idlib corridor
/// (35.6–37.4°E, 35.0–36.6°N), clipped to Syria; every day 5 % of the
/// points change hands. Days run in parallel on all cores.
#[divan::bench(sample_count = 3)]
fn year_at_1000_points(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let builder = AreaBuilder::new(&t);
    let factions = ["government", "opposition", "turkish-backed", "contested"];
    let mut seed = 42u64;
    let d0: Date = "2020-01-01".parse().unwrap();
    let mut pts: Vec<ControlPoint> = (0..1000)
        .map(|i| ControlPoint {
            place: format!("p{i:04}"),
            name: format!("p{i:04}"),
            at: Point::new(35.6 + 1.8 * lcg(&mut seed), 35.0 + 1.6 * lcg(&mut seed)),
            controller: factions[(lcg(&mut seed) * 3.0) as usize].into(),
            since: d0,
            source: String::new(),
            confidence: Confidence::Confirmed,
        })
        .collect();
    let mut days = Vec::new();
    for _ in 0..365 {
        for _ in 0..50 {
            let i = (lcg(&mut seed) * 1000.0) as usize;
            pts[i].controller = factions[(lcg(&mut seed) * 4.0) as usize].into();
        }
        days.push(ControlField::new(pts.clone(), DEFAULT_CUTOFF_KM));
    }
    b.bench_local(|| {
        days.par_iter()
            .map(|f| builder.build(f).fronts.len())
            .collect::<Vec<_>>()
    });
}
