#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

// Boundary files (adm0/adm1) and the land file, which also needs a bbox.
fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    if let Err(e) = frontline::theater::parse_outlines(t, "adm0.geojson") {
        common::check_error(&e);
    }
    match frontline::theater::parse_land(t, "land.geojson") {
        Ok(land) => {
            let [w, s, e, n] = land.covers;
            assert!(w < e && s < n, "an empty window was accepted");
        }
        Err(e) => common::check_error(&e),
    }
});
