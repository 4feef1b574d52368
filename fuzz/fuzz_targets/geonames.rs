#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

// The GeoNames dump and the admin1 table, then a gazetteer built from them
// (indexing every name) and a lookup.
fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    let (dump, admin1) = t.split_once("\n\n\n").unwrap_or((t, ""));
    if let Err(e) = frontline::gazetteer::parse_admin1(admin1, "admin1.tsv") {
        common::check_error(&e);
    }
    let src = frontline::gazetteer::Sources {
        geonames: (dump, "geonames.txt"),
        admin1: (admin1, "admin1.tsv"),
        supplement: ("id,name,lat,lon,kind,admin1,names,source\n", "supplement.csv"),
        more_supplements: &[],
        aliases: ("place,name,lang\n", "aliases.csv"),
        not_places: ("", ""),
        skip_dangling_aliases: true,
        rules: frontline::gazetteer::lang::Rules::IDLIB,
    };
    match frontline::gazetteer::Gazetteer::from_sources(&src) {
        Ok(g) => {
            if let Some(p) = g.places().first() {
                let _ = g.resolve(&p.name, &Default::default());
            }
        }
        Err(e) => common::check_error(&e),
    }
});
