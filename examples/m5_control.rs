//! Who holds the M5 on each day of February 2020, from the embedded theater.
//!
//! `cargo run --example m5_control`

use frontline::theater::Theater;
use frontline::timeline::Timeline;

fn main() -> Result<(), frontline::Error> {
    let t = Theater::embedded()?;
    let tl = Timeline::new(&t, frontline::control::DEFAULT_CUTOFF_KM);
    let Some(m5) = t.roads.road_line("M5") else {
        return Ok(());
    };
    let from = "2020-02-01".parse().expect("a valid date");
    let to = "2020-02-29".parse().expect("a valid date");
    for day in tl.days(from, to) {
        let r = day.report(&m5);
        println!(
            "{}  government {:5.1} km  of {:.1} km",
            day.date(),
            r.km_of("government"),
            r.length_km
        );
    }
    Ok(())
}
