//! `propose` throughput (divan): `cargo bench --bench propose`.
//! Target (issue 14): >= 10 MB/s on press text. Reads the five articles of
//! `../shared/corpus` when present, else the repository's test dispatches.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use frontline::propose::{Actors, Article, Proposer, PubDate};
use frontline::theater::Theater;

fn main() {
    divan::main();
}

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut text: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    if text.is_empty() {
        for f in ["dispatch_fr.txt", "dispatch_en.txt", "dispatch_ar.txt"] {
            let p = format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
            text.push_str(&std::fs::read_to_string(p).unwrap());
            text.push_str("\n\n");
        }
    }
    text
}

#[divan::bench]
fn propose_corpus(b: Bencher) {
    let t = Theater::embedded().unwrap();
    let actors = Actors::embedded(&t.factions).unwrap();
    let p = Proposer::new(&t.gazetteer, &actors);
    let text = corpus();
    let date = PubDate::parse("2020-02-06");
    b.counter(BytesCount::new(text.len())).bench(|| {
        p.propose(&Article::new(black_box(&text), date, None, "corpus"))
            .len()
    });
}
