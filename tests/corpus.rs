//! Precision and recall of `frontline geoparse` on the five French press
//! articles in `../shared/corpus/`, against the hand labels in
//! `tests/data/corpus-labels.tsv`.
//!
//! The articles are not part of the repository. When the folder is missing
//! the test says so and passes, unless `FRONTLINE_REQUIRE_CORPUS=1` (set by
//! `.ci/run` when the folder exists), in which case a missing corpus fails.

use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn labels() -> BTreeMap<(String, String), usize> {
    let text = include_str!("data/corpus-labels.tsv");
    let mut out = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        out.insert((f[0].to_string(), f[1].to_string()), f[2].parse().unwrap());
    }
    out
}

#[test]
fn geoparse_finds_every_labelled_place_and_nothing_else() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        assert!(
            std::env::var_os("FRONTLINE_REQUIRE_CORPUS").is_none(),
            "corpus folder {} is missing",
            dir.display()
        );
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        5,
        "expected five articles in {}",
        dir.display()
    );

    let mut found: BTreeMap<(String, String), usize> = BTreeMap::new();
    for f in &files {
        let prefix = f.file_name().unwrap().to_string_lossy()[..3].to_string();
        let stdout = common::stdout_of(common::frontline().args(["geoparse", "--json"]).arg(f));
        for line in stdout.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            // Unresolved names (id null) are not gazetteer places.
            let Some(id) = v["id"].as_str().map(str::to_string) else {
                continue;
            };
            *found.entry((prefix.clone(), id)).or_default() += 1;
        }
    }
    let labels = labels();
    let predicted: usize = found.values().sum();
    let relevant: usize = labels.values().sum();
    let correct: usize = labels
        .iter()
        .map(|(k, n)| (*n).min(found.get(k).copied().unwrap_or(0)))
        .sum();
    let precision = correct as f64 / predicted as f64;
    let recall = correct as f64 / relevant as f64;
    eprintln!("corpus: {correct} correct of {predicted} found, {relevant} labelled; precision {precision:.3}, recall {recall:.3}");
    let wrong: Vec<_> = found
        .iter()
        .filter(|(k, n)| labels.get(*k) != Some(*n))
        .collect();
    let missed: Vec<_> = labels
        .iter()
        .filter(|(k, _)| !found.contains_key(*k))
        .collect();
    assert!(
        wrong.is_empty() && missed.is_empty(),
        "differs from labels: {wrong:?}, missed: {missed:?}"
    );
    assert_eq!(precision, 1.0);
    assert_eq!(recall, 1.0);
}
