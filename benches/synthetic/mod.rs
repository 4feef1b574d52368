//! Synthetic theaters for the scaling benchmarks: N places spread over the
//! Idlib corridor (35.6–37.4°E, 35.0–36.6°N) in a GeoNames-format gazetteer,
//! and events that give them controllers. Nothing here is committed data: it
//! is generated from a fixed seed on every run.

use frontline::gazetteer::{Gazetteer, Sources};
use frontline::theater::Theater;

pub fn lcg(s: &mut u64) -> f64 {
    *s = s
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*s >> 11) as f64 / (1u64 << 53) as f64
}

/// A GeoNames dump of `n` places named `p00000`, ... (ids 9000000 + i).
pub fn geonames(n: usize, seed: &mut u64) -> String {
    let mut s = String::new();
    for i in 0..n {
        let (lat, lon) = (35.0 + 1.6 * lcg(seed), 35.6 + 1.8 * lcg(seed));
        s.push_str(&format!(
            "{}\tp{i:05}\tp{i:05}\t\t{lat:.5}\t{lon:.5}\tP\tPPL\tSY\t\t07\t\t\t\t100\t\t300\tAsia/Damascus\t2020-01-01\n",
            9_000_000 + i
        ));
    }
    s
}

/// The embedded theater with a synthetic gazetteer of `places` places and
/// the events CSV text `events(ids)` built from their ids.
pub fn theater(places: usize, events: impl Fn(&[String]) -> String) -> (Theater, String) {
    let mut seed = 42u64;
    let text = geonames(places, &mut seed);
    let src = Sources {
        geonames: (&text, "<synthetic>/geonames.txt"),
        skip_dangling_aliases: true,
        ..Sources::embedded()
    };
    let gaz = Gazetteer::from_sources(&src).unwrap();
    let ids: Vec<String> = (0..places).map(|i| (9_000_000 + i).to_string()).collect();
    let mut t = Theater::embedded().unwrap();
    t.gazetteer = gaz;
    (t, events(&ids))
}

/// One event per place on 2020-01-01, then `extra` events on later days that
/// hand places over (20 a day), as CSV text.
pub fn events_csv(ids: &[String], extra: usize) -> String {
    events_csv_per_day(ids, extra, 20)
}

/// The same with `per_day` hand-overs a day.
pub fn events_csv_per_day(ids: &[String], extra: usize, per_day: usize) -> String {
    let factions = ["government", "opposition", "turkish-backed", "contested"];
    let mut seed = 7u64;
    let mut s = String::from("date,place,controller,confidence,source,note\n");
    for id in ids {
        let f = factions[(lcg(&mut seed) * 3.0) as usize];
        s.push_str(&format!(
            "2020-01-01,{id},{f},confirmed,https://example.org/s,\n"
        ));
    }
    let d0: frontline::date::Date = "2020-01-02".parse().unwrap();
    for k in 0..extra {
        // A stride coprime with the place count: no place twice on a day.
        let id = &ids[(k * 7919) % ids.len()];
        let f = factions[(lcg(&mut seed) * 4.0) as usize];
        s.push_str(&format!(
            "{},{id},{f},claimed,https://example.org/s,\n",
            d0.add_days((k / per_day) as i32)
        ));
    }
    s
}

/// `n` events on `n` distinct days over the places, as CSV text.
pub fn distinct_day_events_csv(ids: &[String], n: usize) -> String {
    let factions = ["government", "opposition", "turkish-backed", "contested"];
    let mut seed = 11u64;
    let mut s = String::from("date,place,controller,confidence,source,note\n");
    let d0: frontline::date::Date = "1800-01-01".parse().unwrap();
    for k in 0..n {
        let id = &ids[k % ids.len()];
        let f = factions[(lcg(&mut seed) * 4.0) as usize];
        s.push_str(&format!(
            "{},{id},{f},confirmed,https://example.org/s,\n",
            d0.add_days(k as i32)
        ));
    }
    s
}
