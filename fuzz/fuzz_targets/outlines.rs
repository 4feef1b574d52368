#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    if let Err(e) = frontline::theater::parse_outlines(t, "adm0.geojson") {
        common::check_error(&e);
    }
});
