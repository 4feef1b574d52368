//! Gazetteer benchmarks (divan): `cargo bench --bench gazetteer`.
//!
//! * exact and fuzzy resolve on the embedded Syria gazetteer;
//! * loading and fuzzy resolve on the whole-world GeoNames cities500, when
//!   `target/geonames/cities500.txt` exists (`scripts/build-gazetteer.sh --world`);
//! * geoparse throughput on a synthetic dispatch built from the test fixtures.
//!
//! Targets (issue 2): >= 100k fuzzy queries/s on Syria; world loads in < 2 s
//! and answers >= 10k fuzzy queries/s; geoparse >= 20 MB/s.

use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use frontline::gazetteer::{Focus, Gazetteer, Sources};

fn main() {
    divan::main();
}

fn syria() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::embedded().unwrap())
}

const WORLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/geonames/cities500.txt");

fn world_text() -> Option<&'static str> {
    static T: OnceLock<Option<String>> = OnceLock::new();
    T.get_or_init(|| std::fs::read_to_string(WORLD).ok())
        .as_deref()
}

fn load_world(text: &str) -> Gazetteer {
    let mut src = Sources::embedded();
    src.geonames = (text, WORLD);
    src.skip_dangling_aliases = true;
    Gazetteer::from_sources(&src).unwrap()
}

fn world() -> Option<&'static Gazetteer> {
    static G: OnceLock<Option<Gazetteer>> = OnceLock::new();
    G.get_or_init(|| world_text().map(load_world)).as_ref()
}

/// Spellings as the press writes them: each is not a name in the gazetteer,
/// so every query goes through the fuzzy path.
const FUZZY: &[&str] = &[
    "Saraqeeb",
    "Maaret al-Nooman",
    "Jisr al-Chughour",
    "Khan Cheikhon",
    "Lattakia",
    "Idlibb",
    "Arihaa",
    "Binish",
    "Sarmeen",
    "Abou Douhur",
];

const EXACT: &[&str] = &[
    "Saraqeb",
    "Maaret al-Noomane",
    "Idleb",
    "Alep",
    "سراقب",
    "M5",
    "Hama",
    "Damas",
];

#[divan::bench]
fn syria_exact(b: Bencher) {
    let g = syria();
    let focus = Focus::default();
    b.counter(ItemsCount::new(EXACT.len())).bench(|| {
        EXACT
            .iter()
            .map(|q| g.resolve(black_box(q), &focus).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn syria_fuzzy(b: Bencher) {
    let g = syria();
    let focus = Focus::default();
    for q in FUZZY {
        assert!(!g.resolve(q, &focus).is_empty(), "{q} should resolve");
    }
    b.counter(ItemsCount::new(FUZZY.len())).bench(|| {
        FUZZY
            .iter()
            .map(|q| g.resolve(black_box(q), &focus).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn world_load(b: Bencher) {
    let Some(text) = world_text() else {
        eprintln!("world_load: {WORLD} missing, run scripts/build-gazetteer.sh --world");
        return;
    };
    b.bench(|| load_world(black_box(text)).places().len());
}

#[divan::bench]
fn world_fuzzy(b: Bencher) {
    let Some(g) = world() else {
        eprintln!("world_fuzzy: {WORLD} missing, run scripts/build-gazetteer.sh --world");
        return;
    };
    let focus = Focus::default();
    b.counter(ItemsCount::new(FUZZY.len())).bench(|| {
        FUZZY
            .iter()
            .map(|q| g.resolve(black_box(q), &focus).len())
            .sum::<usize>()
    });
}

/// 1 MB of text made by repeating `parts`.
fn megabyte(parts: &[String]) -> String {
    let mut text = String::new();
    while text.len() < 1 << 20 {
        for p in parts {
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

/// Our own fixtures: short dispatches packed with place names in French,
/// English and Arabic (a worst case: about one word in five is a name).
#[divan::bench]
fn geoparse_fixtures(b: Bencher) {
    let g = syria();
    let text = megabyte(&[
        include_str!("../tests/fixtures/dispatch_fr.txt").to_string(),
        include_str!("../tests/fixtures/dispatch_en.txt").to_string(),
        include_str!("../tests/fixtures/dispatch_ar.txt").to_string(),
    ]);
    b.counter(BytesCount::new(text.len()))
        .bench(|| frontline::geoparse::geoparse(g, black_box(&text)).len());
}

/// The five French press articles of `../shared/corpus/` (read at run time,
/// not copied into the repository), when present.
#[divan::bench]
fn geoparse_press(b: Bencher) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let parts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    if parts.is_empty() {
        eprintln!("geoparse_press: {dir} missing");
        return;
    }
    let g = syria();
    let text = megabyte(&parts);
    b.counter(BytesCount::new(text.len()))
        .bench(|| frontline::geoparse::geoparse(g, black_box(&text)).len());
}
