#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    let _ = frontline::geoparse::geoparse(common::gazetteer(), t);
});
