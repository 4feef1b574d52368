//! Who holds the M5 on each day of February 2020, from the embedded theater.
//!
//! `cargo run --example m5_control`

use frontline::date::Date;
use frontline::report::road_report;
use frontline::theater::Theater;

fn main() -> Result<(), frontline::Error> {
    let t = Theater::embedded()?;
    let mut d: Date = "2020-02-01".parse().expect("a valid date");
    while d <= "2020-02-29".parse().expect("a valid date") {
        if let Some(r) = road_report(&t, "M5", d, frontline::control::DEFAULT_CUTOFF_KM) {
            println!(
                "{d}  government {:5.1} km  of {:.1} km",
                r.km_of("government"),
                r.length_km
            );
        }
        d = d.add_days(1);
    }
    Ok(())
}
