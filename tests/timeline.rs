//! Control timeline, road control and validation, as a user checks them.

use frontline::control::{ControlField, ControlPoint};
use frontline::date::Date;
use frontline::events::{Confidence, Event};
use frontline::roads::{line_km, point_at_km, stretches};
use frontline::timeline::state_on;
use geo::{line_string, Distance, Geodesic, Point};
use predicates::prelude::*;

mod common;
use common::frontline;

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap()
}

fn state_of(date: &str, id: &str) -> Option<String> {
    common::stdout_of(frontline().args(["state", "--json", "--date", date]))
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == id)
        .map(|v| v["controller"].as_str().unwrap().to_string())
}

#[test]
fn saraqib_changes_hands_as_the_sources_say() {
    let saraqib = "164816";
    let maarat = "167611";
    for (date, place, want) in [
        ("2020-02-05", saraqib, "contested"),
        ("2020-02-06", saraqib, "government"),
        ("2020-02-08", saraqib, "government"),
        ("2020-02-27", saraqib, "turkish-backed"),
        ("2020-03-01", saraqib, "turkish-backed"),
        ("2020-03-02", saraqib, "government"),
        ("2020-01-27", maarat, "opposition"),
        ("2020-01-28", maarat, "government"),
    ] {
        assert_eq!(
            state_of(date, place).as_deref(),
            Some(want),
            "{place} on {date}"
        );
    }
    // before any event: unknown, so not listed
    assert_eq!(state_of("2019-01-01", saraqib), None);
}

#[test]
fn m5_report_json_has_the_documented_shape_and_adds_up() {
    let stdout = common::stdout_of(frontline().args([
        "report",
        "--road",
        "M5",
        "--date",
        "2020-02-08",
        "--format",
        "json",
    ]));
    let v = json(stdout.as_bytes());
    assert_eq!(v["road"], "M5");
    assert_eq!(v["date"], "2020-02-08");
    let len = v["length_km"].as_f64().unwrap();
    let sum: f64 = v["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["km"].as_f64().unwrap())
        .sum();
    assert!((sum - len).abs() < 0.01, "{sum} vs {len}");
    let st = v["stretches"].as_array().unwrap();
    let km: f64 = st.iter().map(|s| s["km"].as_f64().unwrap()).sum();
    assert!((km - len).abs() < 0.01);
    // the stretch decided by Saraqib is government-held since that day
    let s = st.iter().find(|s| s["place"] == "Sarāqib").unwrap();
    assert_eq!(s["controller"], "government");
    assert_eq!(s["since"], "2020-02-06");
}

#[test]
fn first_full_government_m5_is_the_sohr_date() {
    frontline()
        .args(["report", "--road", "M5", "--first-full", "government"])
        .assert()
        .success()
        .stdout("2020-02-11\n");
}

#[test]
fn daily_series_logs_the_saraqib_change() {
    let stdout = common::stdout_of(frontline().args([
        "report",
        "--road",
        "M5",
        "--from",
        "2020-02-04",
        "--to",
        "2020-02-07",
        "--format",
        "json",
    ]));
    let days: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(days.len(), 4);
    let ch = days[2]["changes"].as_array().unwrap();
    assert!(
        ch.iter().any(|c| c
            .as_str()
            .unwrap()
            .contains("now government (was contested)")),
        "{ch:?}"
    );
}

#[test]
fn route_says_whether_a_convoy_can_pass() {
    frontline()
        .args([
            "route",
            "Hama",
            "Aleppo",
            "--date",
            "2020-02-12",
            "--faction",
            "government",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("can pass: yes"));
    frontline()
        .args([
            "route",
            "Hama",
            "Aleppo",
            "--date",
            "2020-02-01",
            "--faction",
            "government",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("can pass: no"));
    // The verdict says where the road is blocked, as one range from the
    // route's start, and each stretch is listed once.
    let out = frontline()
        .args([
            "route",
            "Hama",
            "Aleppo",
            "--date",
            "2020-02-08",
            "--faction",
            "government",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let verdict = text.lines().last().unwrap();
    assert!(
        verdict.contains("blocked at km") && verdict.contains("and Aleppo (Opposition"),
        "{verdict}"
    );
    let stretches: Vec<&str> = text.lines().filter(|l| l.starts_with("    km ")).collect();
    let unique: std::collections::HashSet<&&str> = stretches.iter().collect();
    assert_eq!(unique.len(), stretches.len(), "{text}");
    // A faction the theater does not have is a usage error, not a "no".
    frontline()
        .args([
            "route",
            "Hama",
            "Aleppo",
            "--date",
            "2020-02-08",
            "--faction",
            "martians",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "government, opposition, turkish-backed",
        ));
}

#[test]
fn events_check_lists_every_problem_with_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("ev.csv");
    std::fs::write(
        &f,
        "date,place,controller,confidence,source,note\n\
         2020-02-30,Saraqib,government,confirmed,https://example.org/a,\n\
         2020-02-08,Saraqibb-town,government,confirmed,https://example.org/b,\n\
         2020-02-08,Saraqib,rebels,confirmed,https://example.org/c,\n\
         2020-02-09,Saraqib,government,confirmed,https://example.org/d,\n\
         2020-02-09,Saraqeb,opposition,claimed,https://example.org/e,\n\
         2020-02-10,Idleb,opposition,sure,example.org,\n",
    )
    .unwrap();
    frontline()
        .args(["events", "check"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ev.csv:2: field `date`"))
        .stderr(predicate::str::contains("ev.csv:3: field `place`"))
        .stderr(predicate::str::contains("did you mean"))
        .stderr(predicate::str::contains(
            "ev.csv:4: field `controller`: unknown faction `rebels`",
        ))
        .stderr(predicate::str::contains(
            "ev.csv:6: field `place`: conflicting event",
        ))
        .stderr(predicate::str::contains("ev.csv:7: field `confidence`"))
        .stderr(predicate::str::contains("ev.csv:7: field `source`"));
    // --events replaces the theater's events everywhere, and bad ones stop the run
    frontline()
        .args(["state", "--date", "2020-02-08", "--events"])
        .arg(&f)
        .assert()
        .code(2);
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    frontline()
        .args(["events", "check"])
        .arg(&empty)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty"));
}

#[test]
fn shipped_events_pass_the_check() {
    frontline()
        .args([
            "events",
            "check",
            concat!(env!("CARGO_MANIFEST_DIR"), "/data/events.csv"),
        ])
        .assert()
        .success();
}

fn cp(name: &str, lon: f64, lat: f64, c: &str) -> ControlPoint {
    ControlPoint {
        place: name.into(),
        name: name.into(),
        at: Point::new(lon, lat),
        controller: c.into(),
        since: "2020-01-01".parse().unwrap(),
        source: String::new(),
        confidence: Confidence::Confirmed,
    }
}

#[test]
fn two_places_split_the_road_at_the_geodesic_midpoint() {
    let a = Point::new(36.6, 35.8);
    let b = Point::new(36.8, 35.9);
    let road = line_string![(x: 36.6, y: 35.8), (x: 36.8, y: 35.9)];
    let field = ControlField::new(
        vec![cp("A", 36.6, 35.8, "red"), cp("B", 36.8, 35.9, "blue")],
        50.0,
    );
    let s = stretches(&road, &field);
    assert_eq!(s.len(), 2);
    let split = point_at_km(&road, s[0].to_km);
    let (da, db) = (Geodesic.distance(split, a), Geodesic.distance(split, b));
    assert!((da - db).abs() < 2.0, "{da} vs {db}");
    assert!((s[0].to_km - line_km(&road) / 2.0).abs() < 0.01);
}

#[test]
fn a_place_beyond_the_cutoff_leaves_the_road_unknown() {
    // road 0.5° (about 45 km) east of the only place; cutoff 15 km
    let road = line_string![(x: 37.1, y: 35.0), (x: 37.1, y: 35.2)];
    let field = ControlField::new(vec![cp("A", 36.6, 35.1, "red")], 15.0);
    let s = stretches(&road, &field);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].decided_by, None);
    // and the cutoff is where the split falls when the road runs away
    let road = line_string![(x: 36.6, y: 35.1), (x: 36.9, y: 35.1)];
    let s = stretches(&road, &field);
    assert_eq!(s.len(), 2);
    assert!((s[0].to_km - 15.0).abs() < 0.01, "{}", s[0].to_km);
}

#[test]
fn a_contested_place_makes_its_stretch_contested() {
    let road = line_string![(x: 36.6, y: 35.8), (x: 36.8, y: 35.8)];
    let field = ControlField::new(
        vec![cp("A", 36.6, 35.8, "red"), cp("B", 36.8, 35.8, "contested")],
        50.0,
    );
    let s = stretches(&road, &field);
    assert_eq!(
        field.points()[s[1].decided_by.unwrap()].controller,
        "contested"
    );
}

/// A small deterministic generator, so the property test needs no crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn as_of_rule_holds_for_random_timelines() {
    let mut r = Lcg(7);
    let base: Date = "2020-01-01".parse().unwrap();
    let ctrl = ["a", "b", "contested"];
    for _ in 0..300 {
        let n = 1 + r.next(30) as usize;
        let events: Vec<Event> = (0..n)
            .map(|i| Event {
                date: base.add_days(r.next(60) as i32),
                place: format!("p{}", r.next(4)),
                place_written: String::new(),
                controller: ctrl[r.next(3) as usize].into(),
                confidence: Confidence::Confirmed,
                source: "https://example.org".into(),
                source_kind: None,
                note: String::new(),
                line: i as u64 + 2,
            })
            .collect();
        let day = base.add_days(r.next(70) as i32 - 5);
        let held = state_on(&events, day);
        for p in 0..4 {
            let id = format!("p{p}");
            let expect = events
                .iter()
                .filter(|e| e.place == id && e.date <= day)
                .max_by_key(|e| (e.date, e.line))
                .map(|e| e.controller.to_string());
            let got = held
                .iter()
                .find(|h| h.place == id)
                .map(|h| h.controller.to_string());
            assert_eq!(got, expect, "place {id} on {day}");
            if let Some(h) = held.iter().find(|h| h.place == id) {
                assert!(h.since <= day && h.since <= h.event.date);
            }
        }
    }
}

#[test]
fn roads_export_then_import_is_byte_identical_and_reports_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let exported = frontline().args(["roads", "export"]).output().unwrap();
    assert!(exported.status.success());
    let e1 = dir.path().join("roads.geojson");
    std::fs::write(&e1, &exported.stdout).unwrap();
    // A theater folder like data/; roads/roads.geojson takes precedence
    // over the waypoints.
    let th = dir.path().join("theater");
    common::copy_dir(common::data_dir(), &th);
    let imported = th.join("roads/roads.geojson");
    std::fs::create_dir_all(imported.parent().unwrap()).unwrap();
    frontline()
        .args(["roads", "import"])
        .arg(&e1)
        .arg("--out")
        .arg(&imported)
        .assert()
        .success();
    assert_eq!(std::fs::read(&imported).unwrap(), exported.stdout);
    let again = frontline()
        .arg("--theater")
        .arg(&th)
        .args(["roads", "export"])
        .output()
        .unwrap();
    assert_eq!(again.stdout, exported.stdout);
    let report = |extra: &[&str]| {
        let out = frontline()
            .args(extra)
            .args([
                "report",
                "--road",
                "M5",
                "--date",
                "2020-02-08",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        json(&out.stdout)
    };
    let th_s = th.to_str().unwrap();
    assert_eq!(report(&[]), report(&["--theater", th_s]));
}

/// Government km on the M5, day by day, from `report --from --to --format json`.
fn government_km(extra: &[&str], from: &str, to: &str) -> Vec<(String, f64, f64)> {
    let out = common::stdout_of(frontline().args(extra).args([
        "report", "--road", "M5", "--from", from, "--to", to, "--format", "json",
    ]));
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let gov = common::km_held(&v, "government");
            (
                v["date"].as_str().unwrap().to_string(),
                gov,
                v["length_km"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn m5_government_share_rises_to_full_falls_on_02_27_and_is_back_in_march() {
    let days = government_km(&[], "2020-01-20", "2020-03-10");
    assert_eq!(days.len(), 51);
    let at = |d: &str| days.iter().find(|x| x.0 == d).unwrap();
    let full = |d: &str| (at(d).1 - at(d).2).abs() < 0.01;
    assert!(at("2020-01-20").1 < at("2020-02-08").1, "rising");
    assert!(
        !full("2020-02-10") && full("2020-02-11"),
        "full on 2020-02-11"
    );
    // Saraqib changes hands on 2020-02-27: the stretch around it is lost...
    assert!(
        at("2020-02-27").1 < at("2020-02-26").1 - 5.0,
        "falls on 2020-02-27"
    );
    // ...and retaken on 2020-03-02; Afis and Jubas beside it by 2020-03-04,
    // when the whole M5 is government-held again.
    assert!(
        at("2020-03-02").1 > at("2020-03-01").1 + 5.0,
        "back on 2020-03-02"
    );
    assert!(
        !full("2020-03-03") && full("2020-03-04"),
        "full again on 2020-03-04"
    );
    assert!(full("2020-03-06"), "still full on 2020-03-06");
}

#[test]
fn events_flag_replaces_the_theater_s_events_in_reports() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("other.csv");
    // One sourced event only: Saraqib held by the opposition.
    std::fs::write(
        &f,
        "date,place,controller,confidence,source,note\n2020-01-01,Saraqib,opposition,claimed,https://example.org/other-events,test\n",
    )
    .unwrap();
    let ours = government_km(
        &["--events", f.to_str().unwrap()],
        "2020-02-08",
        "2020-02-08",
    );
    let default = government_km(&[], "2020-02-08", "2020-02-08");
    assert_eq!(
        ours[0].1, 0.0,
        "no government place in the replacement events"
    );
    assert!(default[0].1 > 100.0);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `frontline report ... | head -1`: the pipe closes while frontline
    // still writes (the output is far larger than a pipe buffer).
    let bin = assert_cmd::cargo::cargo_bin("frontline");
    let mut child = std::process::Command::new(bin)
        .args([
            "report",
            "--road",
            "M5",
            "--from",
            "2019-08-01",
            "--to",
            "2020-03-31",
            "--format",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn between_answers_who_holds_the_m5_between_saraqib_and_maarat() {
    let report = |date: &str| -> serde_json::Value {
        json(
            common::stdout_of(frontline().args([
                "report",
                "--road",
                "M5",
                "--between",
                "Saraqeb",
                "Maaret al-Noomane",
                "--date",
                date,
                "--format",
                "json",
            ]))
            .as_bytes(),
        )
    };
    let before = report("2020-01-23");
    let after = report("2020-02-08");
    // The stretch is the graph's Saraqib – Maarat al-Numan segment.
    let seg = frontline::theater::Theater::embedded()
        .unwrap()
        .roads
        .road_line("M5")
        .unwrap()
        .nodes;
    let km = |name: &str| seg.iter().find(|n| n.1 == name).unwrap().0;
    let want = km("Ma‘arrat an Nu‘mān") - km("Sarāqib");
    assert!((before["length_km"].as_f64().unwrap() - want).abs() < 0.01);
    let stretches = after["stretches"].as_array().unwrap();
    assert_eq!(stretches[0]["from"], "Sarāqib");
    assert_eq!(stretches.last().unwrap()["to"], "Ma‘arrat an Nu‘mān");
    let gov = |v: &serde_json::Value| v["totals"][0]["km"].as_f64().unwrap();
    assert_eq!(before["totals"][0]["controller"], "government");
    assert_eq!(
        gov(&before),
        0.0,
        "all opposition before the offensive reached it"
    );
    assert!(
        (gov(&after) - want).abs() < 0.01,
        "all government once Saraqib fell"
    );
    // A town that is not on the road is a usage error with the road's towns.
    frontline()
        .args([
            "report",
            "--road",
            "M5",
            "--between",
            "Saraqib",
            "Idlib",
            "--date",
            "2020-02-08",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("the M5 passes"));
}
