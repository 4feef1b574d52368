//! Scaling benchmarks (divan): `cargo bench --bench scale`.
//!
//! Targets (issue 10): areas at 10,000 control points cost at most 12× those
//! at 1,000 and at most 0.3 s for one day; `events check` of 100,000 rows in
//! at most 1 s. Inputs are synthetic (see `synthetic.rs`), built from a
//! fixed seed, so before and after runs measure the same work.

mod synthetic;

use divan::{black_box, Bencher};
use frontline::control::DEFAULT_CUTOFF_KM;
use frontline::date::Date;
use frontline::events::parse_events;
use frontline::timeline::Timeline;
use rayon::prelude::*;

fn main() {
    divan::main();
}

/// One day's state and areas (events → control points → cells → dissolve →
/// clip → front) with N places, each with an event and 5 % more hand-overs.
#[divan::bench(args = [1000, 10000], sample_count = 5)]
fn areas_one_day(b: Bencher, n: usize) {
    let (mut t, csv) = synthetic::theater(n, |ids| synthetic::events_csv(ids, ids.len() / 2));
    t.events = parse_events(&csv, "<synthetic>", &t.gazetteer, &t.factions).unwrap();
    let d: Date = "2020-01-20".parse().unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    b.bench_local(|| tl.day(black_box(d)).areas().fronts.len());
}

/// A year of days at 10,000 places, 5 % of them changing hands every day
/// (182,500 events): each day's state and areas, days in parallel on all
/// cores. One sample: it is long.
#[divan::bench(sample_count = 1)]
fn areas_365_days_10000_places(b: Bencher) {
    let (mut t, csv) = synthetic::theater(10_000, |ids| {
        synthetic::events_csv_per_day(ids, 500 * 365, 500)
    });
    t.events = parse_events(&csv, "<synthetic>", &t.gazetteer, &t.factions).unwrap();
    let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
    let d0: Date = "2020-01-02".parse().unwrap();
    b.bench_local(|| {
        (0..365)
            .into_par_iter()
            .map(|i| tl.day(d0.add_days(i)).areas().fronts.len())
            .sum::<usize>()
    });
}

/// `events check`: parse and check 100,000 rows on distinct days over 1,000
/// places (resolving every place, the duplicate check, sorting).
#[divan::bench(sample_count = 3)]
fn events_check_100k_rows(b: Bencher) {
    let (t, csv) = synthetic::theater(1000, |ids| synthetic::distinct_day_events_csv(ids, 100_000));
    b.bench_local(|| {
        parse_events(black_box(&csv), "<synthetic>", &t.gazetteer, &t.factions)
            .unwrap()
            .len()
    });
}

/// `export` of 100,000 events (a year of reporting: 1,000 places, then 272
/// hand-overs a day over 364 days, so 365 periods): parse and check the
/// events, every period's stretches, areas and fronts, and the GeoJSON
/// layers and the GeoPackage written to a temporary folder. Target: 10 s.
/// (On distinct days, 100,000 events are 100,000 periods, each with its own
/// areas; `export` refuses more than 3,660 periods and asks for a window.)
#[divan::bench(sample_count = 1)]
fn export_100k_events_one_year(b: Bencher) {
    use frontline::output::{geojson, gpkg, layers::timeline_layers, qml};
    let (mut t, csv) = synthetic::theater(1000, |ids| {
        synthetic::events_csv_per_day(ids, 100_000 - ids.len(), 272)
    });
    let dir = tempfile::tempdir().unwrap();
    b.bench_local(|| {
        t.events = parse_events(black_box(&csv), "<synthetic>", &t.gazetteer, &t.factions).unwrap();
        assert_eq!(t.events.len(), 100_000);
        let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
        let layers = timeline_layers(&tl, (None, None));
        let styles: Vec<(&str, String)> = layers
            .iter()
            .map(|l| {
                (
                    l.name,
                    qml::wrap(&qml::style_parts(&t, l.geom, l.name == "front", true)),
                )
            })
            .collect();
        for l in &layers {
            std::fs::write(
                dir.path().join(format!("{}.geojson", l.name)),
                geojson::layer(l),
            )
            .unwrap();
        }
        let g = dir.path().join("frontline.gpkg");
        let _ = std::fs::remove_file(&g);
        gpkg::write(&g, &layers, &styles, "2020-12-30T00:00:00.000Z").unwrap();
        tl.periods().len()
    });
}
