#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    match frontline::gazetteer::parse_supplement(t, "supplement.csv") {
        Ok(places) => {
            if let Ok(g) = frontline::gazetteer::Gazetteer::from_places(places) {
                if let Some(p) = g.places().first() {
                    let _ = g.resolve(&p.name, &Default::default());
                }
            }
        }
        Err(e) => common::check_error(&e),
    }
});
