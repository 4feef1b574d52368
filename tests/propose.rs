//! `frontline propose`: what a user checks on short articles in French,
//! English and Arabic, written for these tests in our own words after the
//! kind of sentences the press prints.

mod common;

use common::frontline;
use serde_json::Value;

fn propose(text: &str, date: Option<&str>) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, text).unwrap();
    let mut cmd = frontline();
    cmd.arg("propose")
        .arg(&f)
        .args(["--source", "https://example.org/a"]);
    if let Some(d) = date {
        cmd.args(["--date", d]);
    }
    common::stdout_of(&mut cmd)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn summary(v: &[Value]) -> Vec<String> {
    v.iter()
        .map(|c| {
            format!(
                "{} {} {} {}",
                c["date"].as_str().unwrap_or("null"),
                c["text"].as_str().unwrap(),
                c["controller"].as_str().unwrap_or("null"),
                c["status"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn french_capture_with_weekday_is_a_new_event() {
    let c = propose(
        "Les forces du régime sont entrées mercredi à Saraqeb.",
        Some("2020-02-06"),
    );
    assert_eq!(summary(&c), ["2020-02-05 Saraqeb government new"]);
    assert_eq!(c[0]["place"], "164816");
    assert_eq!(c[0]["source"], "https://example.org/a");
    let (s, e) = (
        c[0]["start"].as_u64().unwrap(),
        c[0]["end"].as_u64().unwrap(),
    );
    assert_eq!(e - s, c[0]["evidence"].as_str().unwrap().len() as u64);
}

#[test]
fn english_and_arabic_captures() {
    let c = propose(
        "On Thursday, rebels retook Saraqib, a monitor said.",
        Some("2020-02-28"),
    );
    assert_eq!(summary(&c), ["2020-02-27 Saraqib opposition new"]);
    let c = propose("سيطرت قوات النظام على مدينة سراقب أمس.", Some("2020-02-09"));
    assert_eq!(summary(&c), ["2020-02-08 سراقب government new"]);
}

#[test]
fn traps_give_no_event() {
    for s in [
        "Les forces du régime se trouvent à quelques centaines de mètres de Maaret al-Noomane.",
        "Government forces reached the outskirts of Saraqib on Tuesday.",
        "The army aims to retake Saraqib.",
        "Rebels denied reports that government forces captured Saraqib.",
        "Russian airstrikes pounded Saraqib on Monday.",
        "Les rebelles n'ont pas repris Saraqeb.",
    ] {
        let c = propose(s, Some("2020-02-06"));
        assert!(c.is_empty(), "{s}: {c:?}");
    }
}

#[test]
fn restated_changes_keep_their_own_date() {
    let c = propose(
        "Saraqeb, qui avait été reconquise le 8 février par le régime, se trouve sur la M5.",
        Some("2020-02-28"),
    );
    assert_eq!(summary(&c), ["2020-02-08 Saraqeb government restated"]);
    let c = propose(
        "The army had taken the village of Saraqib on 3 February.",
        Some("2020-02-20"),
    );
    assert_eq!(summary(&c), ["2020-02-03 Saraqib government restated"]);
}

#[test]
fn lists_and_unknown_villages() {
    let c = propose(
        "Government forces seized three villages: Tell al-Nar, Kafr Halab and Saraqib.",
        Some("2020-02-06"),
    );
    let s = summary(&c);
    assert_eq!(s.len(), 3, "{s:?}");
    // Tell al-Nar has no sourced coordinate in the gazetteer yet.
    let unknown: Vec<&Value> = c.iter().filter(|c| c["place"].is_null()).collect();
    assert_eq!(unknown.len(), 1, "{c:?}");
    assert_eq!(unknown[0]["text"], "Tell al-Nar");
    assert!(unknown.iter().all(|c| c["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "unresolved-place")));
}

#[test]
fn without_a_date_relative_dates_stay_null_and_unknown_actors_are_flagged() {
    let c = propose(
        "Les forces du régime sont entrées mercredi à Saraqeb.",
        None,
    );
    assert!(c[0]["date"].is_null());
    let c = propose(
        "Les combattants sont entrés mercredi à Saraqeb.",
        Some("2020-02-06"),
    );
    assert_eq!(c.len(), 1);
    assert!(c[0]["controller"].is_null());
    assert!(c[0]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f == "unknown-actor"));
}

#[test]
fn header_date_is_read() {
    let c = propose(
        " date 2020-02-06 Les rebelles sont entrés hier dans Saraqeb.",
        None,
    );
    assert_eq!(summary(&c), ["2020-02-05 Saraqeb opposition new"]);
}

#[test]
fn corroborated_changes_list_every_source() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Les forces du régime sont entrées mercredi à Saraqeb.").unwrap();
    std::fs::write(&b, "Government forces captured Saraqib on Thursday.").unwrap();
    let out = common::stdout_of(frontline().arg("propose").arg(&a).arg(&b).args([
        "--date",
        "2020-02-06",
        "--source",
        "https://example.org/a",
        "--source",
        "https://example.org/b",
    ]));
    let c: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(c.len(), 1, "{out}");
    assert_eq!(c[0]["sources"].as_array().unwrap().len(), 2);
    assert_eq!(c[0]["confidence"], "confirmed");
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, b"abc\0\x01\x02").unwrap();
    for (f, msg) in [(&empty, "empty"), (&bin, "binary")] {
        let out = frontline().arg("propose").arg(f).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(msg) && err.contains("hint"), "{err}");
    }
    // a 10 MB line: no panic, bounded time
    let big = dir.path().join("big.txt");
    let mut s = "Les forces du régime sont entrées mercredi à Saraqeb ".repeat(200_000);
    s.push('.');
    std::fs::write(&big, &s).unwrap();
    let out = frontline()
        .arg("propose")
        .arg(&big)
        .args(["--date", "2020-02-06"])
        .output()
        .unwrap();
    assert!(out.status.success());
    // a theater without actors.csv
    let t = dir.path().join("theater");
    common::copy_dir(common::data_dir(), &t);
    std::fs::remove_file(t.join("actors.csv")).unwrap();
    std::fs::write(&empty, "Les rebelles sont entrés à Saraqeb.").unwrap();
    let out = frontline()
        .arg("propose")
        .arg(&empty)
        .arg("--theater")
        .arg(&t)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("actors.csv"));
}

#[test]
fn the_five_corpus_articles() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.is_dir() {
        assert!(
            std::env::var_os("FRONTLINE_REQUIRE_CORPUS").is_none(),
            "corpus folder {} is missing",
            dir.display()
        );
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let out = common::stdout_of(frontline().arg("propose").args(&files));
    let c: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let s: Vec<String> = c
        .iter()
        .map(|c| format!("{} {} {}", c["place"], c["controller"], c["status"]))
        .collect();
    eprintln!("{out}");
    // the articles carry only a month: no weekday is resolved, no date guessed;
    // « reconquise le 8 février » is explicit
    assert!(
        c.iter()
            .filter(|c| c["status"] == "new")
            .all(|c| c["date"].is_null()),
        "{out}"
    );
    assert!(
        c.iter()
            .any(|c| c["status"] == "restated" && c["date"] == "2020-02-08"),
        "{out}"
    );
    assert!(
        s.contains(&"\"164816\" \"government\" \"new\"".to_string()),
        "{s:?}"
    );
    assert!(
        s.contains(&"\"164816\" \"opposition\" \"new\"".to_string()),
        "{s:?}"
    );
    assert!(
        s.contains(&"\"167611\" \"government\" \"restated\"".to_string()),
        "{s:?}"
    );
    assert!(
        c.iter()
            .all(|c| c["status"] != "new" || c["place"] == "164816"),
        "{s:?}"
    );
}
