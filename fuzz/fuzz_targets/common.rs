// Shared by the fuzz targets: the embedded gazetteer and factions, built once.
#![allow(dead_code)]

use frontline::gazetteer::Gazetteer;
use frontline::theater::{parse_factions, Faction};
use std::sync::OnceLock;

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::embedded().expect("embedded gazetteer"))
}

pub fn factions() -> &'static [Faction] {
    static F: OnceLock<Vec<Faction>> = OnceLock::new();
    F.get_or_init(|| {
        parse_factions(frontline::theater::embedded::FACTIONS, "factions.csv")
            .expect("embedded factions")
    })
}

/// The input as text the way the CLI reads files: invalid UTF-8 must give
/// an error, never a panic.
pub fn text(data: &[u8]) -> Option<&str> {
    match std::str::from_utf8(data) {
        Ok(t) => Some(t),
        Err(_) => {
            let e = frontline::error::utf8_or_error(data.to_vec(), "fuzz").unwrap_err();
            let _ = e.to_string();
            None
        }
    }
}

/// Every error message must render (and stay short).
pub fn check_error(e: &frontline::Error) {
    let m = e.to_string();
    assert!(m.len() < 16 * 1024, "error message of {} bytes", m.len());
}
