//! `frontline geoparse` on fixtures written for these tests.

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::frontline;

fn mentions(path: &str) -> Vec<Value> {
    let stdout = common::stdout_of(frontline().args(["geoparse", "--json", path]));
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn ids(ms: &[Value]) -> Vec<&str> {
    ms.iter().map(|m| m["id"].as_str().unwrap()).collect()
}

#[test]
fn french_dispatch() {
    let ms = mentions("tests/fixtures/dispatch_fr.txt");
    assert_eq!(
        ids(&ms),
        [
            "167611", "170654", "164816", "road:M4", "road:M5", "169023", "road:M5", "170063",
            "170017"
        ]
    );
    // Erdogan, Poutine, the agency Sana and the OSDH are not places
    let texts: Vec<&str> = ms.iter().map(|m| m["text"].as_str().unwrap()).collect();
    for not in ["Erdogan", "Poutine", "Sana", "OSDH"] {
        assert!(!texts.contains(&not), "{not} reported as a place");
    }
}

#[test]
fn offsets_point_at_the_mention() {
    let text = std::fs::read_to_string("tests/fixtures/dispatch_fr.txt").unwrap();
    for m in mentions("tests/fixtures/dispatch_fr.txt") {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap());
    }
}

#[test]
fn english_dispatch() {
    let ms = mentions("tests/fixtures/dispatch_en.txt");
    assert_eq!(
        ids(&ms),
        ["167611", "164816", "road:M4", "road:M5", "172994", "169023", "169389", "171451"]
    );
}

#[test]
fn arabic_dispatch_with_clitics() {
    let ms = mentions("tests/fixtures/dispatch_ar.txt");
    assert_eq!(ids(&ms), ["164816", "167611", "172994", "169389"]);
    assert_eq!(ms[1]["text"], "ومعرة النعمان");
}

#[test]
fn standard_input() {
    frontline()
        .args(["geoparse", "-", "--json"])
        .write_stdin("Convoi sur l'autoroute M5 près de Saraqeb.")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\":\"road:M5\""))
        .stdout(predicate::str::contains("\"id\":\"164816\""));
}

#[test]
fn ordinary_words_do_not_fire() {
    let text = "Le son de la guerre. Selon la Chine, Hayat Tahrir al-Cham recule. Les Ansar et Bachar al-Assad.";
    frontline()
        .args(["geoparse", "-", "--json"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
}

#[test]
fn non_utf8_file_names_file_and_line() {
    frontline()
        .args(["geoparse", "tests/fixtures/latin1.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("latin1.txt:1"))
        .stderr(predicate::str::contains("UTF-8"))
        .stderr(predicate::str::contains("hint"));
}

#[test]
fn a_10_mb_line_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("long.txt");
    let mut text = "combats ".repeat(10 * 1024 * 1024 / 8);
    text.push_str("près de Saraqeb");
    std::fs::write(&f, &text).unwrap();
    let out = frontline()
        .args(["geoparse", "--json"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(s.lines().count(), 1);
    assert!(s.contains(&format!("\"start\":{}", text.len() - "Saraqeb".len())));
}

#[test]
fn empty_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("empty.txt");
    std::fs::write(&f, "").unwrap();
    frontline()
        .args(["geoparse"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.txt"))
        .stderr(predicate::str::contains("empty"));
}

#[test]
fn missing_file_is_reported() {
    frontline()
        .args(["geoparse", "no-such-article.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-article.txt"));
}
