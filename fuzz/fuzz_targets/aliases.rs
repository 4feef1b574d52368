#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The first rows of the embedded GeoNames extract: a gazetteer small enough
/// to build for every input (the whole one allowed ~100 inputs a second).
fn small_dump() -> &'static str {
    static D: OnceLock<String> = OnceLock::new();
    D.get_or_init(|| {
        frontline::gazetteer::embedded::GEONAMES
            .lines()
            .take(40)
            .map(|l| format!("{l}\n"))
            .collect()
    })
}

// Aliases on top of a GeoNames extract and the embedded supplement.
fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    if let Err(e) = frontline::gazetteer::parse_aliases(t, "aliases.csv") {
        common::check_error(&e);
        return;
    }
    let mut src = frontline::gazetteer::Sources::embedded();
    src.geonames = (small_dump(), "geonames.txt");
    src.aliases = (t, "aliases.csv");
    src.skip_dangling_aliases = data.first().is_some_and(|b| b & 1 == 1);
    match frontline::gazetteer::Gazetteer::from_sources(&src) {
        Ok(g) => {
            let _ = g.resolve("Saraqib", &Default::default());
        }
        Err(e) => common::check_error(&e),
    }
});
