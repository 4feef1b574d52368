#![no_main]
#[path = "common.rs"]
mod common;
use frontline::roads::RoadNetwork;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    match RoadNetwork::from_waypoints(t, "waypoints.csv", common::gazetteer()) {
        Ok(net) => {
            for r in net.refs() {
                let _ = net.road_line(&r);
            }
        }
        Err(e) => common::check_error(&e),
    }
});
