//! A second, real theater (examples/kharkiv-2022): every command runs on it,
//! nothing of the embedded Idlib theater shows in its outputs, names resolve
//! and geoparse by the Ukrainian/Russian/English rules, and a theater folder
//! missing each file in turn either loads (with a warning where it matters)
//! or is refused with the file and a hint.

mod common;

use common::{copy_dir, frontline, stdout_of};
use frontline::gazetteer::fold::fold_with;
use frontline::gazetteer::lang::Rules;
use frontline::gazetteer::Focus;
use frontline::theater::{LoadOptions, Theater};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn kharkiv() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kharkiv-2022")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// What would betray the embedded theater in an output: the names of the
/// places its events name (as whole words), its road refs, the years of its
/// events, and its country and governorate.
fn idlib_markers() -> (BTreeSet<String>, BTreeSet<String>) {
    let t = Theater::embedded().unwrap();
    let mut words = BTreeSet::new();
    for e in &t.events {
        let p = t.gazetteer.get(&e.place).unwrap();
        words.insert(p.name.clone());
        words.insert(e.place_written.clone());
    }
    for r in t.roads.refs() {
        words.insert(r);
    }
    words.insert("Idlib".into());
    words.insert("Syria".into());
    let mut dates = BTreeSet::new();
    for e in &t.events {
        dates.insert(e.date.to_string()[..5].to_string()); // "2020-", "2019-"
    }
    (words, dates)
}

fn contains_word(text: &str, w: &str) -> bool {
    text.match_indices(w).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn assert_no_idlib(what: &str, text: &str) {
    let (words, dates) = idlib_markers();
    for w in &words {
        assert!(
            !contains_word(text, w),
            "{what} mentions `{w}` of the Idlib theater"
        );
    }
    for d in &dates {
        assert!(
            !text.contains(d.as_str()),
            "{what} holds an Idlib date `{d}…`"
        );
    }
    // The credit line is the theater's own: the Idlib theater's Wikipedia
    // coordinates are no source of this one.
    assert!(
        !text.contains("Wikipedia detailed-map module"),
        "{what} credits a source of the Idlib theater"
    );
}

/// Every text file under `dir`, with its path.
fn texts_under(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(texts_under(&p));
        } else if let Ok(t) = std::fs::read_to_string(&p) {
            out.push((p, t));
        }
    }
    out
}

#[test]
fn every_command_runs_on_the_kharkiv_theater_and_nothing_of_idlib_shows() {
    let t = kharkiv();
    let tmp = tempfile::tempdir().unwrap();
    let o = tmp.path();
    let run = |args: &[&str]| -> String {
        let mut c = frontline();
        c.arg("--theater").arg(&t).args(args);
        stdout_of(&mut c)
    };
    let mut outputs: Vec<(String, String)> = Vec::new();
    let mut keep = |what: &str, s: String| outputs.push((what.to_string(), s));
    keep("events check", run(&["events", "check"]));
    keep("state", run(&["state", "--date", "2022-09-15"]));
    keep(
        "state --json",
        run(&["state", "--date", "2022-09-15", "--json"]),
    );
    keep(
        "resolve",
        run(&["resolve", "Kharkiv", "Izium", "M03", "--json"]),
    );
    let en = fixture("kharkiv_en.txt");
    keep(
        "geoparse",
        run(&["geoparse", "--json", en.to_str().unwrap()]),
    );
    keep(
        "report",
        run(&["report", "--road", "M03", "--date", "2022-09-15"]),
    );
    keep(
        "propose",
        run(&[
            "propose",
            en.to_str().unwrap(),
            "--date",
            "2022-10-05",
            "--csv",
        ]),
    );
    keep(
        "report days",
        run(&[
            "report",
            "--road",
            "M03",
            "--from",
            "2022-09-05",
            "--to",
            "2022-10-05",
        ]),
    );
    keep(
        "route",
        run(&["route", "Kharkiv", "Izium", "--date", "2022-09-15"]),
    );
    keep("roads export", run(&["roads", "export"]));
    let areas = o.join("areas.geojson");
    keep(
        "areas",
        run(&[
            "areas",
            "--date",
            "2022-09-15",
            "--out",
            areas.to_str().unwrap(),
        ]),
    );
    for (f, out) in [("map.svg", "map"), ("map.geojson", "map geojson")] {
        let p = o.join(f);
        keep(
            out,
            run(&["map", "--date", "2022-09-15", "--out", p.to_str().unwrap()]),
        );
    }
    let png = o.join("map.png");
    run(&[
        "map",
        "--date",
        "2022-10-03",
        "--out",
        png.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let series = o.join("series");
    run(&[
        "series",
        "--from",
        "2022-09-08",
        "--to",
        "2022-09-11",
        "--out-dir",
        series.to_str().unwrap(),
        "--format",
        "svg,geojson",
    ]);
    let qgis = o.join("qgis");
    run(&[
        "export",
        "--out",
        qgis.to_str().unwrap(),
        "--format",
        "geojson,gpkg",
    ]);
    assert!(qgis.join("frontline.gpkg").is_file());
    assert!(series.join("index.html").is_file() && series.join("2022-09-11.svg").is_file());

    // What the commands say is about Kharkiv...
    let state = &outputs[1].1;
    assert!(
        state.contains("Kupiansk") && state.contains("Izium"),
        "{state}"
    );
    let report = &outputs[5].1;
    assert!(report.contains("# M03 on 2022-09-15"), "{report}");
    // ...and nothing of Idlib, in any output or written file (PNG aside).
    for (what, text) in &outputs {
        assert_no_idlib(what, text);
    }
    let files = texts_under(o);
    assert!(files.len() >= 15, "{}", files.len());
    for (p, text) in &files {
        assert_no_idlib(&p.display().to_string(), text);
    }
}

#[test]
fn press_spellings_resolve_and_luhanske_is_not_luhansk() {
    let t = kharkiv();
    let cases: &[(&str, &str)] = &[
        ("Kharkiv", "706483"),
        ("Kharkov", "706483"),
        ("Харків", "706483"),
        ("Харьков", "706483"),
        ("Kupiansk", "703656"),
        ("Kupyansk", "703656"),
        ("Куп’янськ", "703656"),
        ("Izium", "707292"),
        ("Izyum", "707292"),
        ("Ізюм", "707292"),
        ("Luhanske", "702684"),
        ("Luhansk", "702658"),
        ("M03", "road:M03"),
        ("M-03", "road:M03"),
    ];
    let mut c = frontline();
    c.arg("--theater").arg(&t).arg("resolve").arg("--json");
    for (q, _) in cases {
        c.arg(q);
    }
    let rows = json_lines(&stdout_of(&mut c));
    for (row, (q, id)) in rows.iter().zip(cases) {
        assert_eq!(row["id"], *id, "{q}: {row}");
        assert_eq!(row["score"], 1.0, "{q}: {row}");
    }
    // The Idlib rules (French mute -e) would merge them: the rule is the
    // theater's choice.
    let idlib = Rules::for_languages(&["ar", "fr", "en"]).unwrap();
    assert_eq!(fold_with("Luhanske", idlib), fold_with("Luhansk", idlib));
    // A Syrian highway is not found, and the hint names no Syrian road.
    let out = frontline()
        .arg("--theater")
        .arg(&t)
        .args(["resolve", "M5", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let row = &json_lines(&String::from_utf8(out.stdout).unwrap())[0];
    assert_eq!(row["error"], "not found");
    assert_no_idlib("resolve M5 suggestions", &row["suggestions"].to_string());
    // --region takes a division as people write it.
    let mut c = frontline();
    c.arg("--theater")
        .arg(&t)
        .args(["resolve", "Lyman", "--region", "Kharkiv Oblast", "--json"]);
    assert_eq!(json_lines(&stdout_of(&mut c))[0]["id"], "703071");
    let mut c = frontline();
    c.arg("--theater")
        .arg(&t)
        .args(["resolve", "Lyman", "--region", "Donetsk Oblast", "--json"]);
    assert_eq!(json_lines(&stdout_of(&mut c))[0]["id"], "704204");
}

fn geoparse_ids(file: &Path) -> Vec<(String, String)> {
    let mut c = frontline();
    c.arg("--theater")
        .arg(kharkiv())
        .args(["geoparse", "--json"])
        .arg(file);
    let text = std::fs::read_to_string(file).unwrap();
    json_lines(&stdout_of(&mut c))
        .iter()
        .map(|m| {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], m["text"].as_str().unwrap());
            (
                m["text"].as_str().unwrap().to_string(),
                m["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_english_paragraph_gives_its_places_possessives_included_and_no_river() {
    let found = geoparse_ids(&fixture("kharkiv_en.txt"));
    let want = [
        ("Kharkiv", "706483"),
        ("Balakliia", "712926"),
        ("Kupiansk", "703656"), // Kupiansk's
        ("Izium", "707292"),    // Izium’s
        ("Kupiansk", "703656"), // Kupiansk's, again
        ("Vovchansk", "689304"),
        ("Sviatohirsk", "692016"),
        ("Lyman", "704204"), // the Donetsk-oblast Lyman, not 703071
        ("Kreminna", "704138"),
        ("Svatove", "692118"),
        ("Chuhuiv", "710374"),
        ("Kharkiv", "706483"),
    ];
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(t, i)| (t.as_str(), i.as_str()))
        .collect();
    assert_eq!(got, want);
    // "the Oskil river" is the river, not the village of Oskil (710514)
    assert!(!found.iter().any(|(_, id)| id == "710514"));
}

#[test]
fn a_ukrainian_paragraph_gives_its_places_in_every_case() {
    let found = geoparse_ids(&fixture("kharkiv_uk.txt"));
    let want = [
        ("Балаклією", "712926"),
        ("Балаклії", "712926"),
        ("Куп’янська", "703656"),
        ("Ізюма", "707292"),
        ("Ізюма", "707292"),
        ("Куп’янська", "703656"),
        ("Лиманом", "704204"),
        ("Харкові", "706483"),
        ("Чугуєві", "710374"),
        ("Куп’янська", "703656"),
        ("Борової", "711623"),
        ("Сватове", "692118"),
        ("Кремінна", "704138"),
    ];
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(t, i)| (t.as_str(), i.as_str()))
        .collect();
    assert_eq!(got, want);
    assert!(!found.iter().any(|(_, id)| id == "710514"), "річку Оскіл");
}

/// Load a theater and fold every name: collisions and resolve accuracy.
fn measure(dir: Option<&Path>, languages: Option<&[String]>) -> (usize, usize, usize, usize) {
    let t = Theater::load_with(&LoadOptions {
        dir,
        languages,
        skip_events: true,
        ..LoadOptions::default()
    })
    .unwrap();
    let g = &t.gazetteer;
    let c = g.fold_collisions();
    for x in &c {
        eprintln!(
            "collision {}: {} {} / {} {}",
            x.key, x.a.0, x.a.1, x.b.0, x.b.1
        );
    }
    let plain = |s: &str| fold_with(s, Rules::NONE);
    let (mut right, mut wrong) = (0, 0);
    for p in g.places() {
        let best = g.resolve(&p.name, &Focus::default());
        match best.first() {
            Some(b) if b.place.id == p.id => right += 1,
            Some(b) if plain(&b.place.name) == plain(&p.name) => {} // a homonym
            _ => {
                eprintln!("{} ({}) does not resolve to itself", p.name, p.id);
                wrong += 1;
            }
        }
    }
    (c.len(), right, wrong, g.places().len())
}

#[test]
fn folding_collisions_and_resolve_accuracy_of_the_shipped_theaters() {
    // Kharkiv: no two places merged, every place's own name resolves to it
    // (or to a place of the very same name).
    let (coll, right, wrong, n) = measure(Some(&kharkiv()), None);
    eprintln!("kharkiv-2022: {n} places, {coll} collisions, {right} resolve to themselves, {wrong} elsewhere");
    assert_eq!(coll, 0);
    assert_eq!(wrong, 0);
    assert!(right * 100 >= n * 98, "{right}/{n}");
    // Idlib: one (Aleppo's old name Berea folds like Bara), and it does
    // not make Bara resolve to Aleppo.
    let (coll, right, wrong, n) = measure(None, None);
    eprintln!(
        "idlib: {n} places, {coll} collisions, {right} resolve to themselves, {wrong} elsewhere"
    );
    assert!(coll <= 1, "{coll}");
    assert_eq!(wrong, 0);
    let g = Theater::embedded().unwrap().gazetteer;
    assert_eq!(
        g.resolve("Bara", &Focus::default())[0].place.id,
        "fl:al-bara"
    );
    // The Idlib rules on the Ukrainian gazetteer merge places: the test
    // can tell.
    let idlib: Vec<String> = ["ar", "fr", "en"].map(String::from).to_vec();
    let (coll, ..) = measure(Some(&kharkiv()), Some(&idlib));
    assert!(coll >= 3, "{coll}");
}

/// Copy the example theater to a temporary folder.
fn editable() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&kharkiv(), tmp.path());
    tmp
}

#[test]
fn a_theater_missing_each_file_loads_or_names_the_file_with_a_hint() {
    // (file, required?, a word the warning must hold when optional)
    let cases: &[(&str, bool, Option<&str>)] = &[
        ("theater.csv", false, Some("theater.csv")),
        ("gazetteer/geonames.txt", true, None),
        ("gazetteer/admin1.tsv", false, None),
        ("gazetteer/supplement.csv", false, None),
        ("gazetteer/not-places.txt", false, None),
        ("factions.csv", true, None),
        ("events.csv", true, None),
        ("roads/waypoints.csv", false, None),
        ("boundaries/adm0.geojson", false, Some("adm0.geojson")),
        ("boundaries/adm1.geojson", false, None),
    ];
    for &(file, required, warning) in cases {
        let tmp = editable();
        std::fs::remove_file(tmp.path().join(file)).unwrap();
        let out = frontline()
            .arg("--theater")
            .arg(tmp.path())
            .args(["state", "--date", "2022-09-15"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        if required {
            assert_eq!(out.status.code(), Some(2), "{file}: {err}");
            assert!(err.contains(file) && err.contains("hint:"), "{file}: {err}");
            assert!(!err.contains("No such file"), "{file}: {err}");
        } else {
            assert!(out.status.success(), "{file}: {err}");
            if let Some(w) = warning {
                assert!(err.contains("warning:") && err.contains(w), "{file}: {err}");
            }
        }
    }
    // With no roads, the road report says there is no such road.
    let tmp = editable();
    std::fs::remove_dir_all(tmp.path().join("roads")).unwrap();
    let out = frontline()
        .arg("--theater")
        .arg(tmp.path())
        .args(["report", "--road", "M03", "--date", "2022-09-15"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // `events check` lists every error of the theater's own events.
    let tmp = editable();
    let ev = tmp.path().join("events.csv");
    let text = std::fs::read_to_string(&ev).unwrap();
    let broken = text
        .replacen(",russia,", ",rusia,", 2)
        .replacen("2022-09-05", "2022-09-31", 1);
    std::fs::write(&ev, broken).unwrap();
    let out = frontline()
        .arg("--theater")
        .arg(tmp.path())
        .args(["events", "check"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("3 error(s)"), "{err}");
    assert!(
        err.contains("events.csv:2") && err.contains("rusia"),
        "{err}"
    );
}

#[test]
fn an_outline_of_another_country_or_an_invalid_one_is_refused_with_a_hint() {
    let tmp = editable();
    let syria = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/boundaries/adm0.geojson");
    std::fs::copy(syria, tmp.path().join("boundaries/adm0.geojson")).unwrap();
    let out = frontline()
        .arg("--theater")
        .arg(tmp.path())
        .args(["state", "--date", "2022-09-15"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("adm0.geojson") && err.contains("Syria") && err.contains("hint:"),
        "{err}"
    );
    // A bow tie cannot be repaired by removing spikes: refused, with how to
    // repair it.
    let bow = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X"},
      "geometry":{"type":"Polygon","coordinates":[[[36,49],[38,50],[38,49],[36,50],[36,49]]]}}]}"#;
    std::fs::write(tmp.path().join("boundaries/adm0.geojson"), bow).unwrap();
    let out = frontline()
        .arg("--theater")
        .arg(tmp.path())
        .args(["state", "--date", "2022-09-15"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("makevalid"), "{err}");
}

#[test]
fn gazetteer_applies_to_every_command_or_is_refused() {
    let dump = kharkiv().join("gazetteer/geonames.txt");
    // Alone, for resolve: nothing of Idlib mixed in.
    let out = frontline()
        .arg("--gazetteer")
        .arg(&dump)
        .args(["resolve", "M5", "Saraqib", "Kupyansk", "--json"])
        .output()
        .unwrap();
    let rows = json_lines(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows[0]["error"], "not found");
    assert_eq!(rows[1]["error"], "not found");
    assert_eq!(rows[2]["id"], "703656");
    // Alone, for a theater command: refused, with the way out.
    let out = frontline()
        .arg("--gazetteer")
        .arg(&dump)
        .args(["state", "--date", "2022-09-15"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("--theater") && err.contains("theater init"),
        "{err}"
    );
    // With a theater: it replaces the theater's places in state and map.
    let tmp = editable();
    let moved = tmp.path().join("UA.txt");
    std::fs::rename(tmp.path().join("gazetteer/geonames.txt"), &moved).unwrap();
    let mut c = frontline();
    c.arg("--theater")
        .arg(tmp.path())
        .arg("--gazetteer")
        .arg(&moved)
        .args(["state", "--date", "2022-09-15"]);
    assert!(stdout_of(&mut c).contains("Kupiansk"));
}

#[test]
fn theater_init_scaffolds_a_theater_every_command_runs_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ua");
    let dump = kharkiv().join("gazetteer/geonames.txt");
    let mut c = frontline();
    c.arg("--gazetteer")
        .arg(&dump)
        .args(["theater", "init"])
        .arg(&dir)
        .args(["--country", "UA", "--admin1", "07,05"]);
    stdout_of(&mut c);
    let manifest = std::fs::read_to_string(dir.join("theater.csv")).unwrap();
    assert!(manifest.contains("languages,uk ru en"), "{manifest}");
    let places = std::fs::read_to_string(dir.join("gazetteer/geonames.txt")).unwrap();
    assert_eq!(places.lines().count(), 69 + 95); // Kharkiv and Donetsk oblasts
                                                 // An empty theater loads.
    let mut c = frontline();
    c.arg("--theater").arg(&dir).args(["events", "check"]);
    assert!(stdout_of(&mut c).contains("0 events"));
    // Add the sides and events: every command runs, without roads or outlines.
    for f in ["factions.csv", "events.csv"] {
        std::fs::copy(kharkiv().join(f), dir.join(f)).unwrap();
    }
    let ev = std::fs::read_to_string(dir.join("events.csv")).unwrap();
    // keep the events in the two oblasts (Luhansk oblast's places are not in)
    let g = Theater::load_with(&LoadOptions {
        dir: Some(&dir),
        skip_events: true,
        ..LoadOptions::default()
    })
    .unwrap()
    .gazetteer;
    let kept: Vec<&str> = ev
        .lines()
        .filter(|l| l.starts_with("date,") || g.get(l.split(',').nth(1).unwrap_or("")).is_some())
        .collect();
    std::fs::write(dir.join("events.csv"), kept.join("\n") + "\n").unwrap();
    let out = tmp.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    for args in [
        vec!["events", "check"],
        vec!["state", "--date", "2022-09-15"],
        vec!["areas", "--date", "2022-09-15"],
        vec!["map", "--date", "2022-09-15", "--out", "MAP"],
        vec!["export", "--out", "QGIS"],
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| match *a {
                "MAP" => out.join("map.svg").display().to_string(),
                "QGIS" => out.join("qgis").display().to_string(),
                a => a.to_string(),
            })
            .collect();
        let o = frontline()
            .arg("--theater")
            .arg(&dir)
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{args:?}: {err}");
        if args[0] != "events" {
            assert!(
                err.contains("adm0.geojson"),
                "{args:?}: no outline warning: {err}"
            );
        }
    }
    // A folder that is a theater already is not overwritten; a country the
    // dump lacks is named with the ones it has.
    for (d, country, want) in [
        (&dir, "UA", "already"),
        (&tmp.path().join("x"), "SY", "UA ("),
    ] {
        let o = frontline()
            .arg("--gazetteer")
            .arg(&dump)
            .args(["theater", "init"])
            .arg(d)
            .args(["--country", country])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(want), "{err}");
    }
}

#[test]
fn with_a_wider_gazetteer_the_theater_extent_picks_same_name_places_and_stop_words_stay_out() {
    // The theater's places plus real GeoNames rows of same-name places
    // elsewhere in Ukraine (Borova near Kyiv, Zarichne, Novoselivka), Kyiv,
    // and towns whose names are English words ("In").
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("wider.txt");
    let mut text = std::fs::read_to_string(kharkiv().join("gazetteer/geonames.txt")).unwrap();
    text.push_str(&std::fs::read_to_string(fixture("ua-homonyms.txt")).unwrap());
    std::fs::write(&dump, text).unwrap();
    let article = tmp.path().join("a.txt");
    std::fs::write(
        &article,
        "The Defense Ministry said so. In Kharkiv, officials in Kyiv said troops entered Borova, Zarichne and Novoselivka.",
    )
    .unwrap();
    let geoparse = |theater: bool| -> Vec<String> {
        let mut c = frontline();
        if theater {
            c.arg("--theater").arg(kharkiv());
        } else {
            c.args(["--languages", "uk,ru,en"]);
        }
        c.arg("--gazetteer")
            .arg(&dump)
            .args(["geoparse", "--json"])
            .arg(&article);
        json_lines(&stdout_of(&mut c))
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    // Inside the theater: its own Borova, Zarichne and Novoselivka; Kyiv is
    // a not-place of the theater (it stands for the government).
    assert_eq!(geoparse(true), ["706483", "711623", "705808", "699185"]);
    // Without the theater there is no extent: population decides, and Kyiv
    // is a place; "The", "Defense", "Ministry" and "In" never are.
    let bare = geoparse(false);
    assert_eq!(bare[0], "706483");
    assert!(bare.contains(&"703448".to_string()), "{bare:?}");
    assert!(
        bare.contains(&"711621".to_string()),
        "the Borova near Kyiv: {bare:?}"
    );
    assert!(!bare.contains(&"2016412".to_string()), "{bare:?}");
}

#[test]
fn propose_reads_who_is_who_from_the_theaters_actors() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("dispatch.txt");
    std::fs::write(
        &article,
        " date 2022-09-11\nUkrainian forces recaptured Izium on Saturday, the defence ministry said. \
         Russian troops withdrew from Kupiansk.\n",
    )
    .unwrap();
    let mut c = frontline();
    c.arg("--theater")
        .arg(kharkiv())
        .arg("propose")
        .arg(&article);
    let out = json_lines(&stdout_of(&mut c));
    let got: Vec<(&str, &str, &str)> = out
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap(),
                c["controller"].as_str().unwrap_or(""),
                c["date"].as_str().unwrap_or(""),
            )
        })
        .collect();
    // "Ukrainian forces" is `ukraine` in examples/kharkiv-2022/actors.csv;
    // the Russian withdrawal leaves Kupiansk to the other side
    assert_eq!(
        got,
        [
            ("Izium", "ukraine", "2022-09-10"),
            ("Kupiansk", "ukraine", "2022-09-10")
        ]
    );
}
