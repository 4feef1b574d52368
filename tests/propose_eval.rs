//! Precision and recall of `propose` on labelled sentences from real press
//! (id, lang, url, pub_date, sentence, label, place, controller, event_date;
//! labels capture, restated, approach, shelling, intent, denial, history,
//! other). A new event is right when its place, controller and date (within
//! a day) match the label.
//!
//! Three sets: `tests/data/propose-eval.tsv` is the development set (the
//! language rules were tuned on its errors); `tests/data/propose-test.tsv`
//! was written separately and first read once as a held-out set, then its
//! errors were used as a second development set (by error class: actor
//! phrases, lists, passives, dates without a date word, restatements);
//! `tests/data/propose-fresh.tsv` (213 rows from 65 articles none of the
//! others use) was written while that second round of tuning ran and was
//! not read by it; after two measurements as a held-out set its errors were
//! used too (a third development set). Three of its labels were corrected
//! to the labelling rule (`turkish-backed` only when the sentence says so:
//! h39a, h39b, h100 say "the factions" / "rebels and jihadist factions").
//! Sets 4 to 6 (`propose-final.tsv`, `propose-heldout.tsv`,
//! `propose-heldout6.tsv`) were each written from articles no earlier set
//! used, read once as held out, then tuned on; so was set 7
//! (`propose-heldout7.tsv`) and set 8 (`propose-heldout8.tsv`), the last
//! one the stored press allowed. The first read of each set is the honest
//! figure (README, "Measured quality").
//!
//! A row with an empty `event_date` is a capture whose article gives no day:
//! it is matched on place and side only.

use frontline::date::Date;
use frontline::gazetteer::{fold::fold, Focus};
use frontline::propose::{Actors, Article, Proposer, PubDate, Status};
use frontline::theater::Theater;
use std::collections::BTreeMap;

/// What one labelled set measures.
struct Measured {
    rows: usize,
    traps: usize,
    traps_as_new: usize,
    precision: f64,
    recall: f64,
}

/// Read every sentence of a labelled set, print per-language numbers and
/// each error, and return the totals.
fn evaluate(set: &str, text: &str) -> Measured {
    let t = Theater::embedded().unwrap();
    let actors = Actors::embedded(&t.factions).unwrap();
    let p = Proposer::new(&t.gazetteer, &actors);
    // per language: (predicted new, correct new, gold captures, found captures)
    let mut by_lang: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut traps_as_new = Vec::new();
    let mut misses = Vec::new();
    let mut wrong = Vec::new();
    let (mut traps, mut rows) = (0, 0);
    // the labelled name as the gazetteer knows it: an exact match, or the
    // one place geoparse finds covering the whole name ("al-Sheikh Dames")
    let place_key = |s: &str| -> String {
        let c = t.gazetteer.resolve(s, &Focus::default());
        match c.first() {
            Some(c) if c.score >= 1.0 => c.place.id.clone(),
            _ => {
                let (found, _) = frontline::geoparse::geoparse_with_unresolved(&t.gazetteer, s);
                match found.as_slice() {
                    [m] if s[..m.start].trim_end_matches(['-', ' ']).len() <= 3
                        && s[m.end..].trim().is_empty() =>
                    {
                        m.place.id.clone()
                    }
                    _ => fold(s),
                }
            }
        }
    };
    // A sentence that lists several places has one row per place: read each
    // sentence once and match its proposals against all its rows.
    let mut sentences: Vec<(Vec<&str>, Vec<Vec<&str>>)> = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 6, "malformed eval row: {line}");
        rows += 1;
        match sentences
            .iter_mut()
            .find(|(g, _)| g[4] == f[4] && g[2] == f[2])
        {
            Some((_, more)) => more.push(f),
            None => sentences.push((f, Vec::new())),
        }
    }
    for (f, more) in &sentences {
        let (id, lang, url, pub_date, sentence, label) = (f[0], f[1], f[2], f[3], f[4], f[5]);
        assert!(url.starts_with("http"), "{id}: no URL");
        let art = Article::new(
            sentence,
            PubDate::parse(pub_date),
            Some(url.to_string()),
            id,
        );
        let c = p.propose(&art);
        let new: Vec<_> = c.iter().filter(|c| c.status == Status::New).collect();
        let e = by_lang.entry(lang.to_string()).or_default();
        e[0] += new.len();
        if label != "capture" && more.iter().all(|g| g[5] != "capture") {
            traps += 1;
            if !new.is_empty() {
                traps_as_new.push(format!("{id} [{label}] {sentence}"));
            }
            continue;
        }
        let gold: Vec<(String, &str, Option<Date>, &Vec<&str>)> = std::iter::once(f)
            .chain(more.iter())
            .filter(|g| g[5] == "capture")
            .map(|g| {
                (
                    place_key(g.get(6).copied().unwrap_or("")),
                    g.get(7).copied().unwrap_or(""),
                    match g.get(8).copied().unwrap_or("") {
                        "" => None,
                        d => Some(
                            d.parse()
                                .unwrap_or_else(|_| panic!("{}: bad event_date {d}", g[0])),
                        ),
                    },
                    g,
                )
            })
            .collect();
        e[2] += gold.len();
        let mut found = vec![false; gold.len()];
        for x in &new {
            let key = x.place.clone().unwrap_or_else(|| fold(&x.text));
            let k = gold.iter().position(|(p, c, d, g)| {
                (key == *p || fold(&x.text) == fold(g.get(6).copied().unwrap_or("")))
                    && x.controller.as_deref() == Some(*c)
                    && match (x.date, d) {
                        (Some(a), Some(b)) => a.days_until(*b).abs() <= 1,
                        // the article gives no day for this change: the date
                        // cannot be judged, place and side are
                        (_, None) => true,
                        _ => false,
                    }
            });
            match k {
                Some(k) if !found[k] => {
                    found[k] = true;
                    e[1] += 1;
                }
                _ => wrong.push(format!(
                    "{id}: proposed {} ({}) {:?} {:?}",
                    x.text,
                    x.name,
                    x.controller,
                    x.date.map(|d| d.to_string())
                )),
            }
        }
        e[3] += found.iter().filter(|b| **b).count();
        for (k, g) in gold.iter().enumerate() {
            if !found[k] {
                misses.push(format!(
                    "{}: {sentence} => {}",
                    g.3[0],
                    g.3[6..].join(" | ")
                ));
            }
        }
    }
    let tot = by_lang.values().fold([0; 4], |mut a, v| {
        (0..4).for_each(|i| a[i] += v[i]);
        a
    });
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    for (lang, v) in &by_lang {
        eprintln!(
            "{set} {lang}: precision {:.3} ({}/{}), recall {:.3} ({}/{})",
            ratio(v[1], v[0]),
            v[1],
            v[0],
            ratio(v[3], v[2]),
            v[3],
            v[2]
        );
    }
    let (precision, recall) = (ratio(tot[1], tot[0]), ratio(tot[3], tot[2]));
    eprintln!(
        "{set} all: {rows} sentences, {traps} traps; precision {precision:.3} ({}/{}), recall {recall:.3} ({}/{}); traps proposed as new: {}",
        tot[1], tot[0], tot[3], tot[2], traps_as_new.len()
    );
    for w in &wrong {
        eprintln!("{set} wrong: {w}");
    }
    for m in &misses {
        eprintln!("{set} missed: {m}");
    }
    for x in &traps_as_new {
        eprintln!("{set} trap as new: {x}");
    }
    Measured {
        rows,
        traps,
        traps_as_new: traps_as_new.len(),
        precision,
        recall,
    }
}

impl Measured {
    /// Assert the set's size and its measured floors: at least `rows` rows
    /// and `traps` trap sentences; at most `traps_as_new` traps proposed as
    /// new; precision and recall at least the given values.
    fn holds(&self, rows: usize, traps: usize, traps_as_new: usize, precision: f64, recall: f64) {
        assert!(
            self.rows >= rows && self.traps >= traps,
            "{} rows, {} traps",
            self.rows,
            self.traps
        );
        assert!(
            self.traps_as_new <= traps_as_new,
            "{} traps proposed as new",
            self.traps_as_new
        );
        assert!(
            self.precision >= precision,
            "precision {:.3}",
            self.precision
        );
        assert!(self.recall >= recall, "recall {:.3}", self.recall);
    }
}

// The targets are precision >= 0.9, recall >= 0.8 and no trap
// proposed as new (see the README for the real numbers). The floors below
// are the measured values of each set, so a change that makes things worse
// fails here. "First read" is the set read once as held out, before any
// rule was tuned on it; the floors are development figures after tuning.

#[test]
fn development_set_precision_and_recall() {
    // measured: precision 1.000 (83/83), recall 0.965 (83/86), 0 traps as new
    evaluate("dev", include_str!("data/propose-eval.tsv")).holds(100, 76, 0, 0.99, 0.96);
}

#[test]
fn second_development_set_precision_and_recall() {
    // first read: precision 0.340, recall 0.207, 4 traps as new;
    // measured: precision 0.971 (67/69), recall 0.817 (67/82), 1 trap as new
    evaluate("dev2", include_str!("data/propose-test.tsv")).holds(100, 70, 1, 0.96, 0.81);
}

#[test]
fn third_development_set_precision_and_recall() {
    // first reads: 0.556 / 0.372 / 6 traps as new, then 0.603 / 0.468 / 6;
    // measured: precision 0.978 (90/92), recall 0.957 (90/94), 0 traps as new
    evaluate("dev3", include_str!("data/propose-fresh.tsv")).holds(150, 100, 0, 0.97, 0.95);
}

#[test]
fn fourth_set_precision_and_recall() {
    // 125 articles; first read: precision 0.707 (169/239), recall 0.545
    // (169/310), 9 of 126 traps as new; measured: precision 0.847 (250/295),
    // recall 0.806 (250/310), 3 traps as new
    evaluate("set4", include_str!("data/propose-final.tsv")).holds(150, 100, 3, 0.84, 0.80);
}

#[test]
fn fifth_set_precision_and_recall() {
    // 111 articles; first read: precision 0.658 (177/269), recall 0.575
    // (177/308), 10 of 130 traps as new; measured: precision 0.746
    // (217/291), recall 0.705 (217/308), 7 traps as new
    evaluate("set5", include_str!("data/propose-heldout.tsv")).holds(150, 100, 7, 0.74, 0.70);
}

#[test]
fn sixth_set_precision_and_recall() {
    // 80 articles; first read: precision 0.713 (107/150), recall 0.648
    // (107/165), 4 of 90 traps as new; measured: precision 0.811 (120/148),
    // recall 0.727 (120/165), 4 traps as new
    evaluate("set6", include_str!("data/propose-heldout6.tsv")).holds(150, 80, 4, 0.81, 0.72);
}

#[test]
fn seventh_set_precision_and_recall() {
    // 81 articles; first read: precision 0.593 (86/145), recall 0.614
    // (86/140), 11 of 106 traps as new (English 0.43 / 0.42, Arabic 0.67 /
    // 0.72); measured: precision 0.705 (105/149), recall 0.750 (105/140), 9
    // traps as new
    evaluate("set7", include_str!("data/propose-heldout7.tsv")).holds(150, 80, 9, 0.70, 0.75);
}

#[test]
fn eighth_set_precision_and_recall() {
    // 68 articles (the stored press was nearly used up: 150 sentences, two
    // thirds of them traps); first read: precision 0.836 (51/61), recall
    // 0.548 (51/93), 4 of 103 traps as new (English 0.85 / 0.68, Arabic
    // 0.85 / 0.44); measured: precision 0.838 (62/74), recall 0.667 (62/93),
    // 4 traps as new
    evaluate("set8", include_str!("data/propose-heldout8.tsv")).holds(150, 80, 4, 0.83, 0.66);
}
