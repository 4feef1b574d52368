#![no_main]
#[path = "common.rs"]
mod common;
use frontline::roads::RoadNetwork;
use libfuzzer_sys::fuzz_target;

// Import, export, import again: the export must read back.
fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    match RoadNetwork::from_geojson(t, "roads.geojson", common::gazetteer()) {
        Ok(net) => {
            let out = net.to_geojson();
            let back = RoadNetwork::from_geojson(&out, "export", common::gazetteer())
                .expect("an exported network reads back");
            for r in back.refs() {
                let _ = back.road_line(&r);
            }
        }
        Err(e) => common::check_error(&e),
    }
});
