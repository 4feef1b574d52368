#![no_main]
#[path = "common.rs"]
mod common;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    match frontline::events::parse_events(t, "events.csv", common::gazetteer(), common::factions()) {
        Ok(ev) => {
            if let Some(last) = ev.last() {
                let _ = frontline::timeline::state_on(&ev, last.date);
            }
        }
        Err(errs) => errs.iter().for_each(common::check_error),
    }
});
