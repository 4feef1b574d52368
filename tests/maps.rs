//! Maps and series as a user makes them: `frontline map` and
//! `frontline series`, and the series viewer driven in headless Chromium.

mod common;
use common::{copy_dir, data_dir, frontline, have_tool};
use predicates::prelude::*;
use std::path::Path;

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn map_png_is_a_labelled_image_of_the_asked_width_and_true_aspect() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("map.png");
    frontline()
        .args([
            "map",
            "--date",
            "2020-02-08",
            "--width",
            "1000",
            "--bbox",
            "36.0,35.4,37.2,36.3",
            "--out",
        ])
        .arg(&png)
        .assert()
        .success();
    let (w, h) = png_size(&std::fs::read(&png).unwrap());
    assert_eq!(w, 1000);
    // The map itself (between the title band and the legend band) has the
    // true aspect: 1.2° of longitude × cos(35.85°) against 0.9° of latitude.
    let svg = dir.path().join("map.svg");
    frontline()
        .args([
            "map",
            "--date",
            "2020-02-08",
            "--width",
            "1000",
            "--bbox",
            "36.0,35.4,37.2,36.3",
            "--out",
        ])
        .arg(&svg)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&svg).unwrap();
    let key = "<g id=\"map\" transform=\"translate(0 64)\">\n<rect width=\"1000\" height=\"";
    let at = svg.find(key).expect("map frame") + key.len();
    let mh: f64 = svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap();
    let want = 1000.0 * 0.9 / (1.2 * 35.85f64.to_radians().cos());
    assert!((mh - want).abs() <= 1.0, "map height {mh}, want {want:.1}");
    // The PNG is the whole drawing: the map and the bands around it.
    let key = r#"viewBox="0 0 1000 "#;
    let total = svg.find(key).map(|i| &svg[i + key.len()..]).unwrap();
    let total: f64 = total[..total.find('"').unwrap()].parse().unwrap();
    assert_eq!(f64::from(h), total);
    assert!(total > mh + 100.0, "title and legend bands outside the map");
}

fn svg_of(date: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("m.svg");
    frontline()
        .args(["map", "--date", date, "--out"])
        .arg(&svg)
        .assert()
        .success();
    std::fs::read_to_string(svg).unwrap()
}

/// The fill of a town marker in the SVG.
fn marker_fill(svg: &str, place_id: &str) -> Option<String> {
    let at = svg.find(&format!("<circle data-place=\"{place_id}\""))?;
    let rest = &svg[at..];
    let end = rest.find("/>")?;
    let tag = &rest[..end];
    let f = tag.find("fill=\"")? + 6;
    Some(tag[f..f + 7].to_string())
}

#[test]
fn the_map_shows_saraqib_in_the_holder_s_colour_with_furniture_and_attribution() {
    const SARAQIB: &str = "164816";
    let before = svg_of("2020-02-04");
    let after = svg_of("2020-02-08");
    assert_eq!(
        marker_fill(&after, SARAQIB).as_deref(),
        Some("#c0392b"),
        "government red on 2020-02-08"
    );
    assert_ne!(marker_fill(&before, SARAQIB), marker_fill(&after, SARAQIB));
    for needle in [
        "Territorial control — \u{200E}2020-02-08",
        "id=\"legend\"",
        "id=\"scale\"",
        "GeoNames (CC-BY 4.0)",
        "Natural Earth",
        "id=\"front\"",
        "data-road=\"M5\"",
    ] {
        assert!(after.contains(needle), "missing {needle}");
    }
    // The biggest towns get their labels (lower-ranked ones may be dropped).
    // In press spelling (display-names.csv), not GeoNames' Sarāqib.
    for name in ["Aleppo", "Idlib", "Saraqib"] {
        assert!(
            after.contains(&format!(">{name}</text>")),
            "no label for {name}"
        );
    }
}

#[test]
fn a_contested_day_draws_a_hatched_area() {
    // The events mark some places contested in February and March 2020.
    let mut found = false;
    for d in ["2020-02-05", "2020-02-27", "2020-03-01", "2020-03-05"] {
        let svg = svg_of(d);
        if svg.contains("data-controller=\"contested\"") {
            assert!(svg.contains("fill=\"url(#hatch)\""));
            found = true;
        }
    }
    assert!(found, "no contested day among the checked dates");
}

#[test]
fn bad_map_arguments_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (args, what) in [
        (vec!["--out", "m.pdf"], "unknown format"),
        (vec!["--out", "m.svg", "--bbox", "37,35,36,36"], "W < E"),
        (vec!["--out", "m.svg", "--width", "10"], "width"),
        (
            vec!["--out", "m.svg", "--date", "2020-02-30"],
            "impossible date",
        ),
    ] {
        let mut cmd = frontline();
        cmd.current_dir(dir.path()).arg("map");
        if !args.contains(&"--date") {
            cmd.args(["--date", "2020-02-08"]);
        }
        cmd.args(&args).assert().code(2);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "{what}: a file was written"
        );
    }
}

fn series(dir: &Path, from: &str, to: &str, format: &str) {
    frontline()
        .args([
            "series",
            "--from",
            from,
            "--to",
            to,
            "--format",
            format,
            "--width",
            "600",
            "--out-dir",
        ])
        .arg(dir)
        .assert()
        .success();
}

#[test]
fn series_writes_one_file_per_day_and_format_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    series(dir.path(), "2020-02-06", "2020-02-09", "svg,png,geojson");
    for d in ["2020-02-06", "2020-02-07", "2020-02-08", "2020-02-09"] {
        for ext in ["svg", "png", "geojson"] {
            assert!(dir.path().join(format!("{d}.{ext}")).exists(), "{d}.{ext}");
        }
        assert!(dir.path().join(format!("{d}-front.geojson")).exists());
    }
    assert!(!dir.path().join("2020-02-10.svg").exists());
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    // It works offline: nothing is loaded from the network (the only
    // addresses are the sources the change list links to, in the data).
    for remote in ["src=\"http", "href=\"http", "<link", "url(http", "import "] {
        assert!(!html.contains(remote), "the index loads {remote}");
    }
    assert!(
        html.contains("\"changes\":[{\"place\":"),
        "each day lists its changes"
    );
    assert!(
        html.contains("\"source\":\"http"),
        "with links to their sources"
    );
    // The same day rendered alone is byte-identical to the series frame
    // (same extent when the default is used).
    let alone = dir.path().join("alone.svg");
    frontline()
        .args(["map", "--date", "2020-02-08", "--width", "600", "--out"])
        .arg(&alone)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&alone).unwrap(),
        std::fs::read(dir.path().join("2020-02-08.svg")).unwrap()
    );
}

#[test]
fn series_refuses_a_reversed_range_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("maps");
    frontline()
        .args([
            "series",
            "--from",
            "2020-03-01",
            "--to",
            "2020-02-01",
            "--out-dir",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("after --to"));
    assert!(!out.exists());
}

fn chromium() -> Option<&'static str> {
    // Debian calls it chromium; other systems chromium-browser.
    if std::process::Command::new("chromium-browser")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Some("chromium-browser");
    }
    have_tool("chromium", &["--version"]).then_some("chromium")
}

fn dom(browser: &str, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--virtual-time-budget=3000",
    ])
    .arg(format!("--user-data-dir={}", profile.path().display()))
    .args(["--dump-dom", url]);
    common::stdout_of(&mut cmd.into())
}

#[test]
fn the_series_viewer_steps_to_the_linked_day_in_headless_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    series(dir.path(), "2020-02-06", "2020-02-09", "svg");
    let index = dir.path().join("index.html");
    let url = format!("file://{}", index.display());
    let first = dom(browser, &url);
    assert!(
        first.contains(r#"<div id="date" aria-live="polite">2020-02-06</div>"#),
        "{first}"
    );
    assert!(first.contains(r#"src="2020-02-06.svg""#));
    let linked = dom(browser, &format!("{url}#2020-02-08"));
    assert!(linked.contains(r#"<div id="date" aria-live="polite">2020-02-08</div>"#));
    assert!(linked.contains(r#"src="2020-02-08.svg""#));
    assert!(linked.contains("front "), "the day's summary is shown");
}

#[test]
fn report_chart_draws_km_per_controller_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let chart = [
        "report",
        "--road",
        "M5",
        "--from",
        "2020-02-01",
        "--to",
        "2020-02-15",
        "--chart",
    ];
    for ext in ["svg", "png"] {
        let p = dir.path().join(format!("m5.{ext}"));
        frontline().args(chart).arg(&p).assert().success();
        let bytes = std::fs::read(&p).unwrap();
        if ext == "png" {
            assert_eq!(png_size(&bytes), (1000, 500));
        } else {
            let s = String::from_utf8(bytes).unwrap();
            assert!(s.contains("M5: km held per controller, 2020-02-01 to 2020-02-15"));
            assert!(s.contains("Syrian government") && s.contains("Opposition (HTS and allies)"));
            assert!(s.contains("<polyline"), "one line per controller");
        }
    }
    frontline()
        .current_dir(dir.path())
        .args(chart)
        .arg("c.pdf")
        .assert()
        .code(2);
    assert!(!dir.path().join("c.pdf").exists());
}

#[test]
fn a_theater_s_style_csv_sets_the_pseudo_factions_and_the_palette() {
    let dir = tempfile::tempdir().unwrap();
    let theater = dir.path().join("t");
    copy_dir(data_dir(), &theater);
    let draw = |name: &str| {
        let out = dir.path().join(name);
        frontline()
            .arg("--theater")
            .arg(&theater)
            .args(["map", "--date", "2020-02-08", "--out"])
            .arg(&out)
            .assert()
            .success();
        std::fs::read_to_string(out).unwrap()
    };
    let plain = draw("plain.svg");
    assert!(plain.contains(r##"fill="#fbfaf6""##), "default land colour");
    assert!(
        plain.contains("stroke=\"#4d4a43\""),
        "default country outline"
    );
    std::fs::write(
        theater.join("style.csv"),
        "key,value\nland,#F0F0E0\nunknown_color,#123456\ncountry,#000001\n",
    )
    .unwrap();
    // A short cutoff (settings.csv) leaves highway stretches unknown, so
    // their colour shows in the legend.
    std::fs::write(theater.join("settings.csv"), "key,value\ncutoff_km,4\n").unwrap();
    let styled = draw("styled.svg");
    assert!(
        styled.contains(r##"fill="#f0f0e0""##),
        "land from style.csv"
    );
    assert!(
        styled.contains("stroke=\"#000001\""),
        "country from style.csv"
    );
    assert!(styled.contains("#123456"), "unknown colour in the legend");
    assert!(!styled.contains("#fbfaf6"));
    // A bad value names the file, line and field, exit 2.
    std::fs::write(theater.join("style.csv"), "key,value\nland,beige\n").unwrap();
    frontline()
        .arg("--theater")
        .arg(&theater)
        .args(["state", "--date", "2020-02-08"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("style.csv:2"));
}

#[test]
fn the_sea_is_painted_apart_from_neighbouring_land_where_the_land_file_covers_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let theater = dir.path().join("t");
    copy_dir(data_dir(), &theater);
    let draw = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        frontline()
            .arg("--theater")
            .arg(&theater)
            .args(["map", "--date", "2020-02-08"])
            .args(extra)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        std::fs::read_to_string(out).unwrap()
    };
    let sea = "#d6e4ef";
    let background = "#e6e3dc";
    // The default frame reaches the Mediterranean and Turkey: sea behind,
    // neighbouring land over it in the outside colour, "Sea" in the legend.
    let svg = draw("default.svg", &[]);
    let map = &svg[svg.find("<g id=\"map\"").unwrap()..];
    let first_rect = &map[map.find("<rect").unwrap()..];
    assert!(
        first_rect[..first_rect.find("/>").unwrap()].contains(sea),
        "{first_rect:.120}"
    );
    assert!(svg.contains("<path id=\"neighbours\" d=\"M"));
    assert!(svg.contains(&format!("fill=\"{background}\" fill-rule=\"evenodd\"")));
    assert!(svg.contains(">Sea</text>"));
    // In French, the legend says so too.
    assert!(draw("fr.svg", &["--lang", "fr"]).contains(">Mer</text>"));
    // Zoomed inland (Saraqib), no sea shows: none in the legend.
    let inland = draw("inland.svg", &["--bbox", "36.6,35.7,37.0,36.0"]);
    assert!(inland.contains("id=\"neighbours\""));
    assert!(!inland.contains(">Sea</text>"));
    assert!(!inland.contains(">Outside the country</text>"));
    assert!(svg.contains(">Outside the country</text>"));
    // A frame beyond what the land file covers (it stops at 31° N): no
    // guess, the old single background.
    let far = draw("far.svg", &["--bbox", "35.5,30.5,36.5,31.5"]);
    assert!(!far.contains("id=\"neighbours\""));
    assert!(!far.contains(">Sea</text>"));
    // No land file: no sea either.
    std::fs::remove_file(theater.join("boundaries/land.geojson")).unwrap();
    let none = draw("none.svg", &[]);
    assert!(!none.contains("id=\"neighbours\"") && !none.contains(sea));
    // A land file that does not say what it covers is refused.
    std::fs::write(
        theater.join("boundaries/land.geojson"),
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[36,35],[37,35],[37,36],[36,35]]]}}]}"#,
    )
    .unwrap();
    frontline()
        .arg("--theater")
        .arg(&theater)
        .args(["state", "--date", "2020-02-08"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("land.geojson").and(predicates::str::contains("bbox")));
}
