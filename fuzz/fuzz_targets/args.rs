#![no_main]
use frontline::date::Date;
use libfuzzer_sys::fuzz_target;

// The date and bbox arguments (`--date`, `--from`, `--bbox`).
fuzz_target!(|data: &[u8]| {
    let Ok(t) = std::str::from_utf8(data) else { return };
    if let Ok(d) = t.parse::<Date>() {
        // A parsed date prints back as itself, and day arithmetic round-trips.
        let back: Date = d.to_string().parse().expect("a printed date parses");
        assert_eq!(back, d);
        assert_eq!(d.add_days(3).days_until(d), -3);
    }
    if let Ok([w, s, e, n]) = frontline::render::parse_bbox(t) {
        assert!(w < e && s < n && w >= -180.0 && e <= 180.0 && s >= -85.0 && n <= 85.0);
    }
});
