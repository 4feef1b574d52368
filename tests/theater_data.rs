//! What a user checks of the default theater's data: how dense it is on the
//! day the maps show, whether the M5 story holds, and that every row cites a
//! canonical page of a stated kind.

mod common;

use common::frontline;

const KINDS: &[&str] = &[
    "wire",
    "monitor",
    "state-media",
    "partisan",
    "newspaper",
    "analysis",
    "official",
    "reference",
];

/// Hosts that copy Wikipedia: cite the article itself instead.
const WIKIPEDIA_MIRRORS: &[&str] = &[
    "1209k.com",
    "askwikinow.com",
    "wikiclassic.com",
    "franco.wiki",
    "wikiwand.com",
    "jmedia",
];

fn data(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/data/{rel}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn rows(text: &str) -> Vec<csv::StringRecord> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    csv::Reader::from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn at_least_150_places_have_a_known_controller_on_2020_02_08() {
    let out = common::stdout_of(frontline().args(["state", "--date", "2020-02-08", "--json"]));
    let places = out
        .lines()
        .filter(|l| l.contains("\"type\":\"place\""))
        .count();
    assert!(places >= 150, "{places} places known on 2020-02-08");
}

#[test]
fn the_whole_m5_is_government_held_on_2020_03_06() {
    let out = common::stdout_of(frontline().args([
        "report",
        "--road",
        "M5",
        "--date",
        "2020-03-06",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let len = v["length_km"].as_f64().unwrap();
    let gov = common::km_held(&v, "government");
    assert!(
        (gov - len).abs() < 0.01,
        "{gov} of {len} km government-held"
    );
}

#[test]
fn every_event_cites_a_url_of_a_stated_kind_and_no_wikipedia_mirror() {
    let text = data("events.csv");
    let events = rows(&text);
    assert!(events.len() >= 300, "{} events", events.len());
    for (i, r) in events.iter().enumerate() {
        let (source, kind) = (&r[4], &r[5]);
        assert!(source.starts_with("http"), "row {i}: {source}");
        assert!(KINDS.contains(&kind), "row {i}: kind `{kind}`");
        for m in WIKIPEDIA_MIRRORS {
            assert!(!source.contains(m), "row {i} cites a mirror: {source}");
        }
    }
}

#[test]
fn gazetteer_sources_are_canonical_pages() {
    for file in [
        "gazetteer/supplement.csv",
        "gazetteer/supplement-wikipedia.csv",
        "gazetteer/aliases.csv",
    ] {
        let text = data(file);
        let rows = rows(&text);
        assert!(!rows.is_empty(), "{file}");
        let col = if file.ends_with("aliases.csv") { 3 } else { 9 };
        for r in rows {
            let source = &r[col];
            for m in WIKIPEDIA_MIRRORS {
                assert!(!source.contains(m), "{file}: {source}");
            }
        }
    }
}

#[test]
fn an_unknown_kind_of_source_is_an_error_with_the_kinds() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("events.csv");
    std::fs::write(
        &f,
        "date,place,controller,confidence,source,source_kind,note\n\
         2020-02-08,Saraqib,government,confirmed,https://example.org/a,blog,x\n\
         2020-02-09,Saraqib,government,confirmed,https://example.org/b,monitor,y\n",
    )
    .unwrap();
    let out = frontline()
        .args(["events", "check"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("events.csv:2"), "{err}");
    assert!(err.contains("source_kind"), "{err}");
    assert!(err.contains("state-media"), "{err}");
    assert!(!err.contains("events.csv:3"), "{err}");
}

#[test]
fn state_json_says_what_kind_of_source_decides_each_place() {
    let out = common::stdout_of(frontline().args(["state", "--date", "2020-02-08", "--json"]));
    let saraqib = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == "164816")
        .unwrap();
    assert!(KINDS.contains(&saraqib["source_kind"].as_str().unwrap()));
}

#[test]
fn confidence_follows_the_kind_of_source_and_corroboration() {
    // data/README.md: `confirmed` when a monitor, wire agency, independent
    // newsroom or analysis states it, or when a second source agrees (named
    // in the note by URL or site); baselines are inferences, so `claimed`.
    let text = data("events.csv");
    let second_source = |note: &str| {
        note.contains("http")
            || note.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                w.contains('.')
                    && [".com", ".net", ".org", ".news", ".sy", ".uk", ".ru", ".tv"]
                        .iter()
                        .any(|tld| w.contains(tld))
            })
    };
    for r in rows(&text) {
        let (confidence, kind, note) = (&r[3], &r[5], &r[6]);
        if note.to_lowercase().starts_with("baseline") {
            assert_eq!(confidence, "claimed", "{r:?}");
        }
        if confidence == "confirmed" {
            let independent = ["monitor", "wire", "newspaper", "analysis", "reference"];
            assert!(
                independent.contains(&kind) || second_source(note),
                "confirmed on one {kind} source alone: {r:?}"
            );
        }
    }
}
