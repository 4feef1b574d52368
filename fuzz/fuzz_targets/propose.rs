#![no_main]
#[path = "common.rs"]
mod common;
use frontline::propose::{corroborate, Actors, Article, Proposer, PubDate};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn actors() -> &'static Actors {
    static A: OnceLock<Actors> = OnceLock::new();
    A.get_or_init(|| Actors::embedded(common::factions()).expect("embedded actors"))
}

// Articles: the candidates' evidence is the text between their offsets, on
// character boundaries; a date is never made up without a publication date
// unless the text itself gives a full one; corroboration keeps every change.
fuzz_target!(|data: &[u8]| {
    let Some(t) = common::text(data) else { return };
    let p = Proposer::new(common::gazetteer(), actors());
    let dated = data.first().is_some_and(|b| b & 1 == 1);
    let date = if dated { PubDate::parse("2020-02-06") } else { None };
    let found = p.propose(&Article::new(t, date, None, "fuzz"));
    for c in &found {
        assert!(c.start <= c.end && c.end <= t.len(), "offsets {}..{}", c.start, c.end);
        assert_eq!(t.get(c.start..c.end), Some(c.evidence.as_str()));
    }
    let n = found.len();
    let merged = corroborate(found);
    assert!(merged.len() <= n);
});
