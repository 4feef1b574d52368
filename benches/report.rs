//! Road-report benchmarks (divan): `cargo bench --bench report`.
//!
//! One day's M5 report (state, nearest-place stretches, totals) and the
//! daily series of the "done when" (2020-01-20 to 2020-03-10).

use divan::{black_box, Bencher};
use frontline::control::{ControlField, DEFAULT_CUTOFF_KM};
use frontline::date::Date;
use frontline::report::report_with;
use frontline::theater::Theater;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 50)]
fn m5_one_day(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let line = t.roads.road_line("M5").unwrap();
    let d: Date = "2020-02-08".parse().unwrap();
    b.bench_local(|| {
        let f = ControlField::on(&t.events, &t.gazetteer, black_box(d), DEFAULT_CUTOFF_KM);
        report_with(&t, &line, &f, d).length_km
    });
}

#[divan::bench(sample_count = 10)]
fn m5_51_days(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let line = t.roads.road_line("M5").unwrap();
    let d0: Date = "2020-01-20".parse().unwrap();
    b.bench_local(|| {
        (0..51)
            .map(|i| {
                let d = d0.add_days(i);
                let f = ControlField::on(&t.events, &t.gazetteer, d, DEFAULT_CUTOFF_KM);
                report_with(&t, &line, &f, d).stretches.len()
            })
            .sum::<usize>()
    });
}
