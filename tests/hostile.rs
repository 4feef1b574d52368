//! Hostile and broken input: every case exits 2 with a clear message (file,
//! line or feature, field, hint), never a panic, an abort or a silent wrong
//! answer; outputs are never half-written.

mod common;

use common::{copy_dir, data_dir, frontline};
use std::path::Path;

/// A copy of the default theater in a temporary folder.
fn theater() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    copy_dir(data_dir(), d.path());
    d
}

/// Run and insist on exit 2 with every `wants` in standard error; returns it.
fn fails_with(args: &[&str], wants: &[&str]) -> String {
    let out = frontline().args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    for w in wants {
        assert!(err.contains(w), "{args:?}: want `{w}` in: {err}");
    }
    err
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_short_geojson_position_in_roads_is_exit_2_in_every_command() {
    let t = theater();
    let roads = t.path().join("roads/roads.geojson");
    std::fs::write(
        &roads,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ref":"M5"},"geometry":{"type":"LineString","coordinates":[[36.7],[36.8]]}}]}"#,
    )
    .unwrap();
    fails_with(
        &["--theater", s(t.path()), "state", "--date", "2020-02-08"],
        &["roads.geojson", "feature 0", "position"],
    );
    fails_with(
        &[
            "roads",
            "import",
            s(&roads),
            "--out",
            s(&t.path().join("x.geojson")),
        ],
        &["feature 0", "position"],
    );
}

#[test]
fn an_empty_or_polygonless_boundary_file_is_an_error() {
    let t = theater();
    let adm0 = t.path().join("boundaries/adm0.geojson");
    std::fs::write(&adm0, "").unwrap();
    fails_with(
        &["--theater", s(t.path()), "state", "--date", "2020-02-08"],
        &["adm0.geojson", "empty"],
    );
    std::fs::write(&adm0, r#"{"type":"FeatureCollection","features":[]}"#).unwrap();
    fails_with(
        &["--theater", s(t.path()), "state", "--date", "2020-02-08"],
        &["adm0.geojson", "no Polygon"],
    );
}

/// `events check` on an events file written into a temporary folder.
fn check_events(body: &str, wants: &[&str]) -> String {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("events.csv");
    std::fs::write(&f, body).unwrap();
    fails_with(&["events", "check", s(&f)], wants)
}

const HEADER: &str = "date,place,controller,confidence,source,note\n";

#[test]
fn an_unterminated_quote_in_events_is_an_error_not_one_event() {
    check_events(
        &format!(
            "{HEADER}2020-02-06,Saraqib,government,confirmed,https://example.org/a,\"opened\n\
             2020-02-07,Idlib,opposition,confirmed,https://example.org/b,x\n\
             2020-02-08,Aleppo,government,confirmed,https://example.org/c,y\n"
        ),
        &["events.csv:2", "never closed", "hint"],
    );
}

#[test]
fn events_csv_mistakes_get_hints() {
    check_events(
        "date;place;controller;confidence;source;note\n2020-02-06;Saraqib;government;confirmed;https://example.org/a;\n",
        &["events.csv:1", "separated by `;`"],
    );
    check_events(
        "Date,Place,Controller,Confidence,Source,Note\n2020-02-06,Saraqib,government,confirmed,https://example.org/a,\n",
        &["rename `Date` to `date`"],
    );
    check_events("# nothing but a comment\n", &["no header line"]);
    check_events(
        &format!("{HEADER}2020-02-06,Saraqib,government,high,https://example.org/a,\n"),
        &[
            "events.csv:2",
            "confidence",
            "`confirmed`",
            "high",
            "`claimed`",
            "medium, low",
        ],
    );
}

#[test]
fn a_road_is_not_an_event_place() {
    check_events(
        &format!("{HEADER}2020-02-06,M5,government,confirmed,https://example.org/a,\n"),
        &["events.csv:2", "field `place`", "is a road"],
    );
}

#[test]
fn a_huge_place_name_is_not_echoed_in_full() {
    let name = "Q".repeat(1 << 20);
    let err = check_events(
        &format!("{HEADER}2020-02-06,{name},government,confirmed,https://example.org/a,\n"),
        &["events.csv:2", "more characters"],
    );
    assert!(err.len() < 20_000, "{} bytes of error", err.len());
}

#[test]
fn duplicate_gazetteer_ids_name_the_file_and_line() {
    let t = theater();
    let sup = t.path().join("gazetteer/supplement.csv");
    let mut text = std::fs::read_to_string(&sup).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("road:M5,"))
        .unwrap()
        .to_string();
    text.push_str(&row);
    text.push('\n');
    let line = text.lines().count();
    std::fs::write(&sup, text).unwrap();
    fails_with(
        &["--theater", s(t.path()), "resolve", "Saraqib"],
        &[
            &format!("supplement.csv:{line}"),
            "duplicate place id `road:M5`",
            "first at",
        ],
    );
}

#[test]
fn a_failed_write_to_standard_output_is_exit_2_in_every_command() {
    if !Path::new("/dev/full").exists() {
        eprintln!("SKIPPED: no /dev/full");
        return;
    }
    let ev = data_dir().join("events.csv");
    let cases: Vec<Vec<&str>> = vec![
        vec!["state", "--date", "2020-02-08"],
        vec!["state", "--date", "2020-02-08", "--json"],
        vec!["roads", "export"],
        vec!["resolve", "Saraqeb", "--json"],
        vec!["resolve", "Saraqeb"],
        vec!["events", "check", s(&ev)],
        vec!["geoparse", "tests/fixtures/dispatch_en.txt", "--json"],
        vec!["report", "--road", "M5", "--date", "2020-02-08"],
        vec!["route", "Hama", "Aleppo", "--date", "2020-02-08"],
    ];
    for args in cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("frontline"))
            .args(&args)
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("standard output") || err.contains("stdout"),
            "{args:?}: {err}"
        );
    }
}

/// No character that XML 1.0 forbids (even escaped).
fn assert_xml_chars(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let bad = text.chars().find(|&c| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || c == '\u{fffe}'
            || c == '\u{ffff}'
    });
    assert!(bad.is_none(), "{}: {bad:?}", path.display());
}

#[test]
fn hostile_faction_names_keep_svg_and_qml_well_formed() {
    let t = theater();
    let f = t.path().join("factions.csv");
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(text.contains("\ngovernment,Syrian government,"));
    let text = text.replace(
        "\ngovernment,Syrian government,",
        "\ngovernment,\"Gov\u{fffe}\u{1}<!--<script>\",",
    );
    std::fs::write(&f, text).unwrap();
    let out = t.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let svg = out.join("m.svg");
    common::stdout_of(frontline().args([
        "--theater",
        s(t.path()),
        "map",
        "--date",
        "2020-02-08",
        "--out",
        s(&svg),
    ]));
    assert_xml_chars(&svg);
    let svg_text = std::fs::read_to_string(&svg).unwrap();
    assert!(svg_text.contains("Gov") && !svg_text.contains("<!--<script>"));
    let q = out.join("q");
    common::stdout_of(frontline().args([
        "--theater",
        s(t.path()),
        "export",
        "--out",
        s(&q),
        "--format",
        "geojson",
    ]));
    let mut n = 0;
    for e in std::fs::read_dir(&q).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "qml") {
            assert_xml_chars(&p);
            n += 1;
        }
    }
    assert!(n >= 3);
}

#[test]
fn map_sizes_are_bounded_before_any_allocation() {
    let d = tempfile::tempdir().unwrap();
    let png = d.path().join("m.png");
    // 31 GB of pixels before.
    fails_with(
        &[
            "map",
            "--date",
            "2020-02-08",
            "--out",
            s(&png),
            "--width",
            "8000",
            "--bbox",
            "36.7,35,36.71,36",
        ],
        &["982662 px tall", "wider --bbox"],
    );
    assert!(!png.exists());
    fails_with(
        &[
            "map",
            "--date",
            "2020-02-08",
            "--out",
            s(&png),
            "--width",
            "8000",
            "--bbox",
            "36,35,36.5,36",
        ],
        &["px tall", "--width 3256 or less"],
    );
    fails_with(
        &[
            "series",
            "--from",
            "2020-02-08",
            "--to",
            "2020-02-09",
            "--out-dir",
            s(&d.path().join("s")),
            "--width",
            "8000",
            "--bbox",
            "36.7,35,36.71,36",
        ],
        &["px tall"],
    );
    // A title of 130k characters took 35 s to shape.
    let title = "T".repeat(130_000);
    fails_with(
        &[
            "map",
            "--date",
            "2020-02-08",
            "--out",
            s(&png),
            "--title",
            &title,
        ],
        &["at most 200"],
    );
}

#[test]
fn a_tiny_bbox_draws_in_bounded_memory_and_time() {
    // Road obstacles were laid every 5 px along whole roads: > 3 GB before.
    let d = tempfile::tempdir().unwrap();
    let svg = d.path().join("m.svg");
    let started = std::time::Instant::now();
    common::stdout_of(frontline().args([
        "map",
        "--date",
        "2020-02-08",
        "--out",
        s(&svg),
        "--bbox",
        "36.7,35.7,36.70001,35.70001",
    ]));
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert!(std::fs::metadata(&svg).unwrap().len() < 5_000_000);
}

#[test]
fn negative_numbers_get_a_clear_error_not_unexpected_argument() {
    for args in [
        vec![
            "map",
            "--date",
            "2020-02-08",
            "--out",
            "x.svg",
            "--width",
            "-1",
        ],
        vec![
            "map",
            "--date",
            "2020-02-08",
            "--out",
            "x.svg",
            "--cutoff",
            "-1",
        ],
        vec!["state", "--date", "2020-02-08", "--cutoff", "-1"],
        vec![
            "areas",
            "--date",
            "2020-02-08",
            "--out",
            "x.geojson",
            "--cutoff",
            "-5",
        ],
    ] {
        let err = fails_with(&args, &["`-"]);
        assert!(!err.contains("unexpected argument"), "{err}");
    }
}

#[test]
fn a_12000_word_query_is_refused_at_once() {
    let q = vec!["Saraqib"; 12_000].join(" ");
    let started = std::time::Instant::now();
    fails_with(&["resolve", &q], &["name 1 has", "at most 200", "geoparse"]);
    assert!(started.elapsed().as_secs() < 10);
    // The library answers nothing rather than spend a minute.
    let gaz = frontline::gazetteer::Gazetteer::embedded().unwrap();
    let started = std::time::Instant::now();
    assert!(gaz.resolve(&q, &Default::default()).is_empty());
    assert!(gaz.suggest(&q, 3).is_empty());
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn export_is_all_or_nothing_and_cleans_what_killed_runs_left() {
    let d = tempfile::tempdir().unwrap();
    let q = d.path().join("qgis");
    common::stdout_of(frontline().args(["export", "--out", s(&q)]));
    let before = std::fs::read(q.join("places.geojson")).unwrap();
    // Leftovers of a killed run (pid above the kernel's pid_max).
    std::fs::write(q.join(".frontline.gpkg.4194305.tmp"), "half").unwrap();
    std::fs::write(q.join(".frontline.gpkg.4194305.tmp-journal"), "j").unwrap();
    std::fs::write(q.join("frontline.gpkg.tmp"), "old-style").unwrap();
    std::fs::write(q.join("frontline.gpkg.tmp-journal"), "old-style").unwrap();
    // One destination cannot be replaced: nothing may change.
    std::fs::remove_file(q.join("roads.qml")).unwrap();
    std::fs::create_dir(q.join("roads.qml")).unwrap();
    let ev = d.path().join("ev.csv");
    let text = std::fs::read_to_string(data_dir().join("events.csv")).unwrap();
    let keep: Vec<&str> = text.lines().take(40).collect();
    std::fs::write(&ev, keep.join("\n") + "\n").unwrap();
    fails_with(
        &["--events", s(&ev), "export", "--out", s(&q)],
        &["roads.qml", "a folder"],
    );
    assert_eq!(
        std::fs::read(q.join("places.geojson")).unwrap(),
        before,
        "places.geojson changed"
    );
    let mut left: Vec<String> = std::fs::read_dir(&q)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert!(
        left.iter()
            .all(|n| !n.contains(".tmp") && !n.starts_with(".frontline-set")),
        "{left:?}"
    );
}

#[test]
fn series_replaces_the_whole_set_and_removes_hidden_temporaries() {
    let d = tempfile::tempdir().unwrap();
    let out = d.path().join("maps");
    std::fs::create_dir(&out).unwrap();
    let stale = out.join(".2019-12-22.svg.4194305.tmp");
    std::fs::write(&stale, "half").unwrap();
    let stage = out.join(".frontline-set.4194305");
    std::fs::create_dir(&stage).unwrap();
    std::fs::write(stage.join("2019-12-22.svg"), "half").unwrap();
    common::stdout_of(frontline().args([
        "series",
        "--from",
        "2020-02-08",
        "--to",
        "2020-02-09",
        "--out-dir",
        s(&out),
    ]));
    let mut left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["2020-02-08.svg", "2020-02-09.svg", "index.html"]);
}

#[cfg(unix)]
#[test]
fn out_onto_a_symlink_writes_through_and_onto_a_pipe_is_refused() {
    let d = tempfile::tempdir().unwrap();
    let real = d.path().join("real.svg");
    std::fs::write(&real, "old").unwrap();
    let link = d.path().join("link.svg");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    common::stdout_of(frontline().args(["map", "--date", "2020-02-08", "--out", s(&link)]));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("<?xml"));
    let fifo = d.path().join("pipe.svg");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        fails_with(
            &["map", "--date", "2020-02-08", "--out", s(&fifo)],
            &["pipe.svg", "not a regular file"],
        );
        assert!(!std::fs::symlink_metadata(&fifo).unwrap().is_file());
    }
}

#[test]
fn no_front_is_zero_km_not_minus_zero() {
    // Before the first event nothing is held: no front at all.
    let out = common::stdout_of(frontline().args(["state", "--date", "2010-01-01", "--json"]));
    assert!(out.contains("\"front_km\":0.0"), "{out}");
    assert!(!out.contains("-0.0"), "{out}");
}

#[test]
fn an_export_of_too_many_periods_is_refused_at_once_and_a_window_works() {
    // 4,000 events on 4,000 distinct days: 4,000 periods, each needing its
    // own areas. Refused before any is computed, with the window to ask for.
    let d = tempfile::tempdir().unwrap();
    let ev = d.path().join("events.csv");
    let mut csv = String::from("date,place,controller,confidence,source\n");
    let places = ["Saraqib", "Aleppo", "Idlib"];
    let sides = ["government", "opposition"];
    let mut day: frontline::date::Date = "2000-01-01".parse().unwrap();
    for k in 0..4000 {
        csv.push_str(&format!(
            "{day},{},{},confirmed,https://example.org/{k}\n",
            places[k % 3],
            sides[(k / 3) % 2]
        ));
        day = day.add_days(1);
    }
    std::fs::write(&ev, csv).unwrap();
    let out = d.path().join("q");
    let err = fails_with(
        &["--events", s(&ev), "export", "--out", s(&out)],
        &["4000 periods is more than 3660", "--from 2000-01-01 --to"],
    );
    assert!(!out.exists(), "nothing written: {err}");
    // A month of it exports, and only that month's periods.
    let ok = frontline()
        .args(["--events", s(&ev), "export", "--out", s(&out)])
        .args([
            "--from",
            "2005-03-01",
            "--to",
            "2005-03-31",
            "--format",
            "geojson",
        ])
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let areas = std::fs::read_to_string(out.join("areas.geojson")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&areas).unwrap();
    let froms: std::collections::BTreeSet<&str> = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["valid_from"].as_str().unwrap())
        .collect();
    assert_eq!(froms.len(), 31, "{froms:?}");
    assert_eq!(froms.first(), Some(&"2005-03-01"));
    assert_eq!(froms.last(), Some(&"2005-03-31"));
}
