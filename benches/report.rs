//! Road-report benchmarks (divan): `cargo bench --bench report`.
//!
//! One day's M5 report (state, nearest-place stretches, totals) and the
//! daily series of the "done when" (2020-01-20 to 2020-03-10).

use divan::{black_box, Bencher};
use frontline::control::DEFAULT_CUTOFF_KM;
use frontline::date::Date;
use frontline::theater::Theater;
use frontline::timeline::Timeline;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 50)]
fn m5_one_day(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let line = t.roads.road_line("M5").unwrap();
    let d: Date = "2020-02-08".parse().unwrap();
    b.bench_local(|| tl.day(black_box(d)).report(&line).length_km);
}

#[divan::bench(sample_count = 10)]
fn m5_51_days(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let line = t.roads.road_line("M5").unwrap();
    let d0: Date = "2020-01-20".parse().unwrap();
    b.bench_local(|| {
        tl.days(d0, d0.add_days(50))
            .map(|day| day.report(&line).stretches.len())
            .sum::<usize>()
    });
}
