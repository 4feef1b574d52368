//! Maps a newsroom could publish (issue 13): continuous areas, fronts only
//! between enemies, labels in press spelling in the reader's language,
//! context, what changed, and warnings when a map would mislead.

mod common;
use common::{copy_dir, data_dir, frontline};
use frontline::i18n::Lang;
use frontline::theater::Theater;
use frontline::timeline::Timeline;

fn svg(args: &[&str]) -> (String, String) {
    svg_on("2020-02-08", args)
}

fn svg_on(date: &str, args: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.svg");
    let o = frontline()
        .args(["map", "--date", date, "--out"])
        .arg(&out)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (
        std::fs::read_to_string(out).unwrap(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The text of every `<text>` element of the map's town labels.
fn labels(svg: &str) -> Vec<String> {
    let g = &svg[svg.find("<g id=\"labels\"").unwrap()..];
    let g = &g[..g.find("</g>").unwrap()];
    g.split("<text ")
        .skip(1)
        .map(|t| t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()].to_string())
        .collect()
}

#[test]
fn government_towns_are_not_islands_the_ground_between_them_is_held() {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, t.settings.cutoff_km);
    let day = tl.day("2020-02-08".parse().unwrap());
    let a = day.areas();
    // Halfway between Hama and Morek (about 28 km apart on the M5), and
    // halfway between Khanasir and al-Hader: once blank holes.
    for (x, y) in [(36.70, 35.22), (37.25, 35.90)] {
        assert_eq!(
            a.controller_at(geo::Point::new(x, y)),
            Some("government"),
            "{x},{y}"
        );
    }
    // The government area has no hole smaller than 50 km² (a false hole
    // between its own towns).
    let gov = a
        .areas
        .iter()
        .find(|x| x.controller == "government")
        .unwrap();
    for p in &gov.geometry {
        for r in p.interiors() {
            use geo::GeodesicArea;
            let km2 = geo::Polygon::new(r.clone(), vec![]).geodesic_area_unsigned() / 1e6;
            assert!(km2 > 50.0, "a {km2:.1} km² hole in government ground");
        }
    }
}

#[test]
fn allies_share_no_front_and_the_summary_reports_sides() {
    let t = Theater::embedded().unwrap();
    assert_eq!(t.side_of("opposition"), t.side_of("turkish-backed"));
    assert_ne!(t.side_of("opposition"), t.side_of("government"));
    let tl = Timeline::new(&t, t.settings.cutoff_km);
    for d in ["2020-01-28", "2020-02-08", "2020-02-27", "2020-03-05"] {
        let a = tl.day(d.parse().unwrap()).areas().clone();
        for f in &a.fronts {
            assert_ne!(
                t.side_of(&f.between.0),
                t.side_of(&f.between.1),
                "{d}: front between allies {:?}",
                f.between
            );
        }
    }
    let out = common::stdout_of(frontline().args(["state", "--date", "2020-02-27", "--json"]));
    let summary: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    let sides = summary["sides"].as_array().expect("sides");
    assert_eq!(sides.len(), 2, "{summary}");
    let total: f64 = summary["areas"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["controller"] != "contested")
        .map(|x| x["km2"].as_f64().unwrap())
        .sum();
    let by_side: f64 = sides.iter().map(|x| x["km2"].as_f64().unwrap()).sum();
    assert!((total - by_side).abs() < 0.01, "{total} vs {by_side}");
}

#[test]
fn labels_use_press_spelling_in_the_chosen_language_without_tags() {
    let (en, _) = svg(&[]);
    let (fr, _) = svg(&["--lang", "fr"]);
    let (ar, _) = svg(&["--lang", "ar"]);
    let (en_l, fr_l, ar_l) = (labels(&en), labels(&fr), labels(&ar));
    assert!(en_l.contains(&"Saraqib".to_string()) && !en_l.contains(&"Sarāqib".to_string()));
    assert!(fr_l.contains(&"Saraqeb".to_string()), "{fr_l:?}");
    assert!(fr_l.contains(&"Maaret al-Noomane".to_string()) || !fr.contains("167611"));
    assert!(ar_l.iter().any(|l| l == "سراقب"), "{ar_l:?}");
    for l in en_l.iter().chain(&fr_l).chain(&ar_l) {
        assert!(!l.ends_with(')'), "disambiguation tag in {l}");
    }
    assert!(fr.contains("Contrôle territorial") && fr.contains("Légende"));
    assert!(ar.contains("data-lang=\"ar\"") && ar.contains("direction=\"rtl\""));
    assert!(ar.contains("مفتاح الخريطة"));
    // The credit stays, in every language.
    for s in [&en, &fr, &ar] {
        assert!(s.contains(frontline::i18n::ATTRIBUTION.split(" · ").next().unwrap()));
        assert!(s.contains("Natural Earth"));
    }
}

#[test]
fn every_gazetteer_town_the_default_map_holds_has_a_press_spelling() {
    let t = Theater::embedded().unwrap();
    let tl = Timeline::new(&t, t.settings.cutoff_km);
    let day = tl.day("2020-02-08".parse().unwrap());
    // GeoNames places need a display name; the supplement's names are
    // already press spellings.
    let mut missing = Vec::new();
    for h in day.held() {
        let geonames = h.place.bytes().all(|b| b.is_ascii_digit());
        if geonames && t.display_names.get(h.place, Lang::En).is_none() {
            missing.push(h.place.to_string());
        }
    }
    assert!(missing.is_empty(), "no English display name: {missing:?}");
}

#[test]
fn a_change_map_hatches_ground_that_changed_hands_and_lists_the_places() {
    let (s, _) = svg(&["--since", "2020-01-28"]);
    assert!(s.contains("<g id=\"changed\">"));
    assert!(s.contains("data-to=\"government\""));
    let changes = &s[s.find("<g id=\"changes\"").expect("change list")..];
    assert!(changes.contains("Saraqib"), "Saraqib changed hands");
    assert!(changes.contains("Syrian government: +"), "km² gained");
    // --since must be earlier than --date.
    let dir = tempfile::tempdir().unwrap();
    frontline()
        .args([
            "map",
            "--date",
            "2020-02-08",
            "--since",
            "2020-02-08",
            "--out",
        ])
        .arg(dir.path().join("x.svg"))
        .assert()
        .code(2);
}

#[test]
fn the_map_warns_about_dates_outside_the_events_and_an_empty_bbox() {
    let (_, err) = svg_on("2021-06-01", &[]);
    assert!(err.contains("after the last event"), "{err}");
    let (_, err) = svg(&["--bbox", "10,10,11,11"]);
    assert!(err.contains("holds no known place"), "{err}");
    let (_, err) = svg(&[]);
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn a_display_name_for_an_unknown_place_is_an_error_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let theater = dir.path().join("t");
    copy_dir(data_dir(), &theater);
    let f = theater.join("gazetteer/display-names.csv");
    let mut text = std::fs::read_to_string(&f).unwrap();
    text.push_str("999999999,Nowhere,,,https://example.org,\n");
    let line = text.lines().filter(|l| !l.is_empty()).count();
    std::fs::write(&f, text).unwrap();
    frontline()
        .arg("--theater")
        .arg(&theater)
        .args(["state", "--date", "2020-02-08"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "display-names.csv:{line}"
        )));
}

#[test]
fn an_arabic_map_labels_held_towns_in_arabic_script() {
    // Every town any day of the offensive draws with a controller has an
    // Arabic name, except one no Arabic source spells (data/README.md).
    let t = Theater::embedded().unwrap();
    let mut latin = std::collections::BTreeSet::new();
    for e in &t.events {
        let n = t.display_name(&e.place, Lang::Ar);
        if n.chars().any(|c| c.is_ascii_alphabetic()) {
            latin.insert(e.place.clone());
        }
    }
    let known_gaps: std::collections::BTreeSet<String> =
        ["fl:al-muaysirunah".to_string()].into_iter().collect();
    assert_eq!(latin, known_gaps);
    // And a French newsroom gets the AFP forms where the French press has one.
    assert_eq!(t.display_name("fl:kafr-nabudah", Lang::Fr), "Kafr Nbouda");
    assert_eq!(t.display_name("fl:kafr-nabudah", Lang::Ar), "كفرنبودة");
}
