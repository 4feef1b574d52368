//! `frontline resolve` as a user runs it.

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::frontline;

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8(out.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn press_spellings_resolve_to_the_right_places() {
    let out = frontline()
        .args([
            "resolve",
            "Maaret al-Noomane",
            "Saraqeb",
            "Jisr al-Choughour",
            "Lattaquié",
            "سراقب",
            "M5",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rows = json_lines(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // GeoNames ids: Ma'arrat an Nu'man, Saraqib, Jisr ash Shughur, Latakia, Saraqib; then the M5.
    assert_eq!(
        ids,
        ["167611", "164816", "169023", "173576", "164816", "road:M5"]
    );
    for r in &rows {
        for field in [
            "query", "id", "name", "lat", "lon", "kind", "admin1", "score", "matched",
        ] {
            assert!(r.get(field).is_some(), "missing {field} in {r}");
        }
    }
    // Saraqib lies at about 35.86 N, 36.80 E
    assert!((rows[1]["lat"].as_f64().unwrap() - 35.86).abs() < 0.02);
    assert!((rows[1]["lon"].as_f64().unwrap() - 36.80).abs() < 0.02);
    assert_eq!(rows[5]["kind"], "road");
    assert_eq!(rows[0]["admin1"], "Idlib");
    assert_eq!(rows[1]["matched"], "Saraqeb");
}

#[test]
fn exonyms_resolve() {
    let out = frontline()
        .args(["resolve", "Alep", "Damas", "Idleb", "Hama", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let names: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Aleppo", "Damascus", "Idlib", "Ḩamāh"]);
}

#[test]
fn a_misspelling_resolves_with_a_lower_score() {
    let out = frontline()
        .args(["resolve", "Saraqbi", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let r = &json_lines(&out.stdout)[0];
    assert_eq!(r["id"], "164816");
    let score = r["score"].as_f64().unwrap();
    assert!((0.8..1.0).contains(&score), "score {score}");
}

#[test]
fn a_different_village_is_not_passed_off_as_a_near_spelling() {
    // One letter away from Ma'arrat an Nu'man after folding, but another
    // village (north of Idlib, in the Wikipedia-module supplement): it
    // resolves to itself, never to Maarat al-Numan.
    let out = frontline()
        .args(["resolve", "Maarat al-Nasan", "--all", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out.stdout);
    assert_eq!(rows[0]["name"], "Maarat al-Nasan");
    assert_eq!(rows[0]["score"], 1.0);
    assert!(
        rows.iter().all(|r| r["id"] != "167611"),
        "Maarat al-Numan offered for Maarat al-Nasan: {rows:?}"
    );
}

#[test]
fn unknown_name_exits_1_with_suggestions() {
    let out = frontline()
        .args(["resolve", "Saraqeb", "Saraqxyzzy", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows = json_lines(&out.stdout);
    assert_eq!(rows[0]["id"], "164816");
    assert_eq!(rows[1]["query"], "Saraqxyzzy");
    assert_eq!(rows[1]["error"], "not found");
    let sugg: Vec<&str> = rows[1]["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(sugg.contains(&"Sarāqib"), "{sugg:?}");
}

#[test]
fn all_lists_ranked_candidates_and_focus_breaks_ties() {
    // Two GeoNames places are called Şūrān: one in Hama (larger), one in Aleppo.
    let out = frontline()
        .args(["resolve", "Souran", "--all", "--json"])
        .output()
        .unwrap();
    let rows = json_lines(&out.stdout);
    assert!(rows.len() >= 2);
    assert_eq!(rows[0]["rank"], 1);
    assert_eq!(rows[0]["admin1"], "Hama");
    assert_eq!(rows[1]["admin1"], "Aleppo");
    let near = frontline()
        .args(["resolve", "Souran", "--near", "36.6,37.2", "--json"])
        .output()
        .unwrap();
    assert_eq!(json_lines(&near.stdout)[0]["admin1"], "Aleppo");
    let region = frontline()
        .args(["resolve", "Souran", "--region", "Alep", "--json"])
        .output()
        .unwrap();
    // --region names are folded too, but "Alep" is not the GeoNames admin1 name
    assert_eq!(json_lines(&region.stdout)[0]["admin1"], "Hama");
    let region = frontline()
        .args(["resolve", "Souran", "--region", "aleppo", "--json"])
        .output()
        .unwrap();
    assert_eq!(json_lines(&region.stdout)[0]["admin1"], "Aleppo");
}

#[test]
fn table_output_is_aligned_for_people() {
    let out = frontline()
        .args(["resolve", "Idleb", "Maaret al-Noomane"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("query"));
    // the id column starts at the same character position on every row
    let col = |l: &str, id: &str| l.find(id).map(|b| l[..b].chars().count());
    assert_eq!(col(lines[0], "id"), col(lines[1], "169389"));
    assert_eq!(col(lines[1], "169389"), col(lines[2], "167611"));
}

#[test]
fn empty_query_is_an_error() {
    frontline()
        .args(["resolve", ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("name 1 is empty"))
        .stderr(predicate::str::contains("hint"));
}

#[test]
fn bad_near_is_a_usage_error() {
    frontline()
        .args(["resolve", "Idleb", "--near", "36.6"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("LAT,LON"));
}

fn geonames_row(id: &str, name: &str, lat: &str) -> String {
    format!("{id}\t{name}\t{name}\t\t{lat}\t36.8\tP\tPPL\tSY\t\t12\t\t\t\t100\t\t300\tAsia/Damascus\t2020-01-01\n")
}

#[test]
fn another_geonames_dump_can_be_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("mini.txt");
    std::fs::write(&f, geonames_row("1", "Testville", "35.5")).unwrap();
    let stdout = common::stdout_of(
        frontline()
            .args(["resolve", "Testvile", "--json", "--gazetteer"])
            .arg(&f),
    );
    assert_eq!(json_lines(stdout.as_bytes())[0]["id"], "1");
}

#[test]
fn malformed_gazetteer_row_names_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.txt");
    let text = geonames_row("1", "Okville", "35.5") + &geonames_row("2", "Badville", "95.5");
    std::fs::write(&f, text).unwrap();
    frontline()
        .args(["resolve", "Okville", "--gazetteer"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt:2"))
        .stderr(predicate::str::contains("latitude"))
        .stderr(predicate::str::contains("hint"));
    let f2 = dir.path().join("short.txt");
    std::fs::write(&f2, "1\tShort\n").unwrap();
    frontline()
        .args(["resolve", "x", "--gazetteer"])
        .arg(&f2)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("short.txt:1"))
        .stderr(predicate::str::contains("19 tab-separated columns"));
}

#[test]
fn non_utf8_and_empty_gazetteers_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("latin1.txt");
    std::fs::write(&f, b"1\tTest\xe9\n").unwrap();
    frontline()
        .args(["resolve", "x", "--gazetteer"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("latin1.txt:1"))
        .stderr(predicate::str::contains("UTF-8"));
    let e = dir.path().join("empty.txt");
    std::fs::write(&e, "").unwrap();
    frontline()
        .args(["resolve", "x", "--gazetteer"])
        .arg(&e)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty"));
    frontline()
        .args(["resolve", "x", "--gazetteer", "/nonexistent/cities500.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/cities500.txt"));
}
