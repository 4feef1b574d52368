#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

// Aliases on top of the embedded GeoNames extract and supplement.
fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    if let Err(e) = frontline::gazetteer::parse_aliases(t, "aliases.csv") {
        common::check_error(&e);
        return;
    }
    let mut src = frontline::gazetteer::Sources::embedded();
    src.aliases = (t, "aliases.csv");
    match frontline::gazetteer::Gazetteer::from_sources(&src) {
        Ok(g) => {
            let _ = g.resolve("Saraqib", &Default::default());
        }
        Err(e) => common::check_error(&e),
    }
});
