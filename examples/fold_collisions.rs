//! Measure name folding on a theater: the folding collisions (distinct
//! places whose names fold to one key though they differ by a real letter)
//! and the resolve accuracy (each place's own name resolves to itself).
//!
//! ```sh
//! cargo run --example fold_collisions                               # the embedded Idlib theater
//! cargo run --example fold_collisions -- examples/kharkiv-2022      # another theater folder
//! cargo run --example fold_collisions -- examples/kharkiv-2022 ar,fr,en   # with other languages' rules
//! cargo run --example fold_collisions -- examples/kharkiv-2022 uk,ru,en UA.txt   # another GeoNames dump
//! ```

use frontline::gazetteer::fold::fold_with;
use frontline::gazetteer::lang::Rules;
use frontline::gazetteer::Focus;
use frontline::theater::{LoadOptions, Theater};
use std::path::PathBuf;

/// A name letter for letter: case, accents and apostrophes aside.
fn plain(s: &str) -> String {
    fold_with(s, Rules::NONE)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map(PathBuf::from);
    let langs: Option<Vec<String>> = args
        .get(1)
        .map(|l| l.split(',').map(str::to_string).collect());
    let dump = args.get(2).map(PathBuf::from);
    let t = Theater::load_with(&LoadOptions {
        dir: dir.as_deref(),
        gazetteer: dump.as_deref(),
        languages: langs.as_deref(),
        skip_events: true,
        ..LoadOptions::default()
    })?;
    let g = &t.gazetteer;
    let c = g.fold_collisions();
    for x in &c {
        println!(
            "collision  {:<24} {} {:<22} {} {}",
            x.key, x.a.0, x.a.1, x.b.0, x.b.1
        );
    }
    let (mut right, mut homonym, mut wrong) = (0, 0, 0);
    for p in g.places() {
        let best = g.resolve(&p.name, &Focus::default());
        match best.first() {
            Some(b) if b.place.id == p.id => right += 1,
            Some(b) if plain(&b.place.name) == plain(&p.name) => homonym += 1,
            Some(b) => {
                wrong += 1;
                println!(
                    "resolve    {:<24} {} -> {} {}",
                    p.name, p.id, b.place.id, b.place.name
                );
            }
            None => {
                wrong += 1;
                println!("resolve    {:<24} {} -> not found", p.name, p.id);
            }
        }
    }
    let n = g.places().len();
    println!(
        "{} places; {} folding collisions; own name resolves to itself: {right}/{n} ({:.1} %), to a homonym of the same name: {homonym}, to another place: {wrong}",
        n,
        c.len(),
        100.0 * right as f64 / n as f64
    );
    Ok(())
}
