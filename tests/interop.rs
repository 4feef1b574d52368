//! Outputs open in the real clients: GDAL (`ogrinfo`), QGIS 3.22 (headless,
//! `python3-qgis`), librsvg (`rsvg-convert`).
//!
//! When a tool is missing the test says so and passes, unless
//! `FRONTLINE_REQUIRE_TOOLS=1` (set by `.ci/run`, which installs them).

use frontline::output::layers::{timeline_layers, Layer};
use frontline::theater::Theater;
use std::path::Path;

mod common;
use common::{copy_dir, data_dir, frontline, have_tool as have, stdout_of};

fn export(dir: &Path) {
    frontline()
        .args(["export", "--out"])
        .arg(dir)
        .assert()
        .success();
}

fn layers() -> Vec<Layer> {
    // The export's cutoff: the theater's setting.
    let t = Theater::embedded().unwrap();
    timeline_layers(
        &frontline::timeline::Timeline::new(&t, t.settings.cutoff_km),
        (None, None),
    )
}

/// Features valid on `date` under [valid_from, valid_to).
fn valid_on(l: &Layer, date: &str) -> usize {
    l.features
        .iter()
        .filter(|(_, v)| v[0].as_str().unwrap() <= date && v[1].as_str().is_none_or(|to| to > date))
        .count()
}

fn ogrinfo(path: &str) -> String {
    let mut cmd = std::process::Command::new("ogrinfo");
    cmd.args(["-so", "-al", path]);
    stdout_of(&mut cmd.into())
}

/// (layer name, geometry, feature count, valid_from type, valid_to type) per
/// layer in ogrinfo's summary.
fn summary(text: &str) -> Vec<(String, String, usize, String, String)> {
    let mut out = Vec::new();
    for block in text.split("\nLayer name: ").skip(1) {
        let get = |key: &str| {
            block
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        out.push((
            block.lines().next().unwrap().trim().to_string(),
            get("Geometry: "),
            get("Feature Count: ").parse().unwrap_or(usize::MAX),
            get("valid_from: "),
            get("valid_to: "),
        ));
    }
    out
}

#[test]
fn gdal_reads_every_exported_layer_with_its_geometry_date_fields_and_counts() {
    if !have("ogrinfo", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    export(dir.path());
    let want = layers();
    let geometry = |name: &str| match name {
        "places" => "Point",
        "areas" | "outlines" => "Polygon",
        _ => "Line String",
    };
    // GeoJSON: one file per layer.
    for l in &want {
        let p = dir.path().join(format!("{}.geojson", l.name));
        let s = summary(&ogrinfo(p.to_str().unwrap()));
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].1, geometry(l.name), "{}", l.name);
        assert_eq!(s[0].2, l.features.len(), "{}", l.name);
        assert!(
            s[0].3.starts_with("Date"),
            "{}: valid_from is {}",
            l.name,
            s[0].3
        );
        assert!(
            s[0].4.starts_with("Date"),
            "{}: valid_to is {}",
            l.name,
            s[0].4
        );
        assert!(dir.path().join(format!("{}.qml", l.name)).exists());
    }
    // GeoPackage: the same layers, plus the styles table.
    let s = summary(&ogrinfo(
        dir.path().join("frontline.gpkg").to_str().unwrap(),
    ));
    let names: Vec<&str> = s.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "places",
            "roads",
            "areas",
            "front",
            "outlines",
            "layer_styles"
        ]
    );
    for (l, got) in want.iter().zip(&s) {
        assert_eq!(got.1, geometry(l.name));
        assert_eq!(got.2, l.features.len());
        assert!(
            got.3.starts_with("Date") && got.4.starts_with("Date"),
            "{got:?}"
        );
    }
    // The outlines: the embedded theater's country and its governorates.
    let t = Theater::embedded().unwrap();
    let parts =
        |o: &[frontline::theater::Outline]| o.iter().map(|o| o.shape.0.len()).sum::<usize>();
    assert_eq!(s[4].1, "Polygon");
    assert_eq!(s[4].2, parts(&t.country) + parts(&t.governorates));
    assert!(s[4].2 > 1, "country and governorates");
    let g = summary(&ogrinfo(
        dir.path().join("outlines.geojson").to_str().unwrap(),
    ));
    assert_eq!((g[0].1.as_str(), g[0].2), ("Polygon", s[4].2));
    assert!(dir.path().join("outlines.qml").exists());
    assert_eq!(s[5].2, 5, "one default style per layer");
}

#[test]
fn exports_are_byte_identical_for_the_same_inputs() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    export(a.path());
    export(b.path());
    for f in [
        "places.geojson",
        "roads.geojson",
        "areas.geojson",
        "front.geojson",
        "areas.qml",
        "outlines.geojson",
        "outlines.qml",
        "frontline.gpkg",
        "frontline.qgz",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f} differs between two runs"
        );
    }
}

#[test]
fn geojson_export_follows_rfc_7946_and_keeps_property_types_stable() {
    let dir = tempfile::tempdir().unwrap();
    export(dir.path());
    for name in ["places", "roads", "areas", "front"] {
        let text = std::fs::read_to_string(dir.path().join(format!("{name}.geojson"))).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(v.get("crs").is_none());
        let feats = v["features"].as_array().unwrap();
        let keys: Vec<String> = feats[0]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        for k in [
            "valid_from",
            "valid_to",
            "controller",
            "controller_name",
            "color",
            "confidence",
            "source",
        ] {
            assert!(keys.iter().any(|x| x == k), "{name}: no {k}");
        }
        let kind = |x: &serde_json::Value| match x {
            serde_json::Value::Null => "null",
            serde_json::Value::String(_) => "string",
            serde_json::Value::Number(n) if n.is_f64() => "real",
            serde_json::Value::Number(_) => "integer",
            _ => "other",
        };
        for f in feats {
            let p = f["properties"].as_object().unwrap();
            let k2: Vec<String> = p.keys().cloned().collect();
            assert_eq!(k2, keys, "{name}: every feature carries every property");
            for (k, x) in p {
                let first = kind(&feats[0]["properties"][k]);
                let this = kind(x);
                let ok = this == first || (k == "valid_to" && (this == "null" || first == "null"));
                assert!(ok, "{name}.{k}: {this} vs {first}");
            }
        }
        // At most six decimals in every coordinate (read from the
        // geometries, not from property text such as source URLs).
        fn numbers<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Number>) {
            match v {
                serde_json::Value::Number(n) => out.push(n),
                serde_json::Value::Array(a) => a.iter().for_each(|x| numbers(x, out)),
                _ => {}
            }
        }
        let mut coords = Vec::new();
        for f in feats {
            numbers(&f["geometry"]["coordinates"], &mut coords);
        }
        assert!(!coords.is_empty(), "{name}: no coordinates");
        for c in coords {
            let c = c.to_string();
            let decimals = c.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 6, "{name}: {c}");
        }
    }
}

const QGIS_PYTHON: &str = "/usr/bin/python3";

fn have_qgis() -> bool {
    have(QGIS_PYTHON, &["-c", "import qgis.core"])
}

/// Run tests/qgis/check_layers.py on `sources` for `date`, rendering to
/// `png`; its JSON report.
fn qgis_report(date: &str, png: &Path, sources: &[String]) -> serde_json::Value {
    let mut cmd = std::process::Command::new(QGIS_PYTHON);
    cmd.arg(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/qgis/check_layers.py"
    ))
    .arg(date)
    .arg(png)
    .args(sources);
    let stdout = stdout_of(&mut cmd.into());
    serde_json::from_str(stdout.lines().last().unwrap()).unwrap()
}

#[test]
fn qgis_loads_the_export_styled_with_a_working_temporal_controller() {
    if !have_qgis() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    export(dir.path());
    let gpkg = dir.path().join("frontline.gpkg");
    let mut sources: Vec<String> = ["places", "roads", "areas", "front"]
        .iter()
        .map(|l| format!("{}|layername={l}", gpkg.display()))
        .collect();
    sources.push(dir.path().join("areas.geojson").display().to_string());
    sources.push(dir.path().join("places.geojson").display().to_string());
    let png = dir.path().join("qgis.png");
    let want = layers();
    for date in ["2020-02-08", "2020-02-27"] {
        let r = qgis_report(date, &png, &sources);
        for l in r["layers"].as_array().unwrap() {
            let src = l["source"].as_str().unwrap();
            let name = ["places", "roads", "areas", "front"]
                .into_iter()
                .find(|n| {
                    src.ends_with(&format!("={n}")) || src.ends_with(&format!("/{n}.geojson"))
                })
                .unwrap();
            let layer = want.iter().find(|x| x.name == name).unwrap();
            assert_eq!(l["valid"], true, "{src}");
            assert_eq!(l["crs"], "EPSG:4326", "{src}");
            assert_eq!(l["default_style_loaded"], true, "{src}");
            assert_eq!(
                l["renderer"], "categorizedSymbol",
                "{src}: default style not applied"
            );
            assert_eq!(l["class_attribute"], "controller", "{src}");
            assert_eq!(l["temporal_active"], true, "{src}");
            assert_eq!(l["field_types"]["valid_from"], "Date", "{src}");
            let label = if name == "places" {
                serde_json::json!("name")
            } else {
                serde_json::Value::Null
            };
            assert_eq!(
                l["label_field"], label,
                "{src}: places are labelled by name"
            );
            assert_eq!(
                l["features_on_date"].as_u64().unwrap() as usize,
                valid_on(layer, date),
                "{src} on {date}: the Temporal Controller must show exactly the features valid that day"
            );
        }
        assert!(
            r["painted_samples"].as_u64().unwrap() > 100,
            "QGIS rendered nothing"
        );
        assert!(std::fs::metadata(&png).unwrap().len() > 1000);
    }
}

#[test]
fn qgis_opens_the_project_styled_in_a_local_projection_with_the_timeline_range() {
    if !have_qgis() {
        return;
    }
    // Exported into one folder, opened from another: the project finds
    // the GeoPackage by a relative path.
    let dir = tempfile::tempdir().unwrap();
    export(&dir.path().join("a"));
    std::fs::rename(dir.path().join("a"), dir.path().join("b")).unwrap();
    let out = dir.path().join("b");
    let want = layers();
    let refs: Vec<&Layer> = want.iter().collect();
    let (min, max) = frontline::output::project::extent(&refs).unwrap();
    let centre = ((min.0 + max.0) / 2.0, (min.1 + max.1) / 2.0);
    let png = dir.path().join("project.png");
    let mut cmd = std::process::Command::new(QGIS_PYTHON);
    cmd.arg(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/qgis/check_project.py"
    ))
    .arg(out.join("frontline.qgz"))
    .arg(centre.0.to_string())
    .arg(centre.1.to_string())
    .arg(&png);
    let r: serde_json::Value = serde_json::from_str(&stdout_of(&mut cmd.into())).unwrap();
    assert_eq!(r["read"], true, "{r}");
    // A local projection centred on the theater, not plate carrée.
    assert_eq!(r["crs_valid"], true, "{r}");
    assert_eq!(r["crs_geographic"], false, "{r}");
    assert_ne!(r["crs_authid"], "EPSG:4326", "{r}");
    assert!(
        r["crs_proj"].as_str().unwrap().starts_with("+proj=aeqd "),
        "{r}"
    );
    let c = r["centre_in_crs"].as_array().unwrap();
    for v in c {
        assert!(
            v.as_f64().unwrap().abs() < 50.0,
            "the theater's centre is {c:?} m from the projection's origin"
        );
    }
    // The Temporal Controller runs from the first event date to the end of
    // the last.
    let t = Theater::embedded().unwrap();
    let dates = frontline::timeline::Timeline::new(&t, t.settings.cutoff_km).change_dates();
    let (first, last) = (dates[0], *dates.last().unwrap());
    assert_eq!(r["temporal_begin"], format!("{first}T00:00:00Z"));
    assert_eq!(r["temporal_end"], format!("{}T00:00:00Z", last.add_days(1)));
    // Every layer valid, from the GeoPackage next to the project, styled.
    let got: Vec<&str> = r["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        got,
        ["places", "front", "roads", "areas", "outlines"],
        "drawing order"
    );
    for l in r["layers"].as_array().unwrap() {
        let name = l["name"].as_str().unwrap();
        assert_eq!(l["valid"], true, "{l}");
        assert_eq!(
            l["source"],
            format!("{}|layername={name}", out.join("frontline.gpkg").display()),
            "{l}"
        );
        assert!(l["features"].as_u64().unwrap() > 0, "{l}");
        assert_eq!(l["labels"], name == "places", "{l}");
        if name == "outlines" {
            assert_eq!(l["renderer"], "singleSymbol", "{l}");
            assert_eq!(l["temporal_active"], false, "{l}");
        } else {
            let layer = want.iter().find(|x| x.name == name).unwrap();
            assert_eq!(
                l["features"].as_u64().unwrap() as usize,
                layer.features.len()
            );
            assert_eq!(l["renderer"], "categorizedSymbol", "{l}");
            assert_eq!(l["class_attribute"], "controller", "{l}");
            assert!(l["categories"].as_u64().unwrap() >= 4, "{l}");
            assert_eq!(l["temporal_active"], true, "{l}");
        }
    }
    assert!(
        r["painted_samples"].as_u64().unwrap() > 1000,
        "QGIS drew nothing: {r}"
    );
}

#[test]
fn map_svg_is_well_formed_renders_in_rsvg_and_escapes_a_hostile_place_name() {
    let dir = tempfile::tempdir().unwrap();
    let theater = dir.path().join("theater");
    copy_dir(data_dir(), &theater);
    // A place whose name came from an article and contains markup.
    let sup = theater.join("gazetteer/supplement.csv");
    let mut s = std::fs::read_to_string(&sup).unwrap();
    s.push_str("fl:hostile,<script>alert('x')</script> & co,35.95,36.70,populated_place,PPL,Idlib,90000,,https://example.org/fixture,test fixture\n");
    std::fs::write(&sup, s).unwrap();
    let ev = theater.join("events.csv");
    let mut s = std::fs::read_to_string(&ev).unwrap();
    s.push_str(
        "2020-02-01,fl:hostile,government,claimed,https://example.org/fixture,newspaper,\"<b>note</b>\"\n",
    );
    std::fs::write(&ev, s).unwrap();

    let svg = dir.path().join("map.svg");
    frontline()
        .arg("--theater")
        .arg(&theater)
        .args([
            "map",
            "--date",
            "2020-02-08",
            "--title",
            "<Idlib> & \"co\"",
            "--out",
        ])
        .arg(&svg)
        .assert()
        .success();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        !text.contains("<script"),
        "markup from the data reached the SVG"
    );
    assert!(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    assert!(text.contains("&lt;Idlib&gt; &amp; &quot;co&quot;"));
    // Well-formed XML: usvg's strict parser accepts it.
    frontline::render::svg_to_png(&text).expect("well-formed SVG");
    if have("rsvg-convert", &["--version"]) {
        let png = dir.path().join("rsvg.png");
        let mut cmd = std::process::Command::new("rsvg-convert");
        cmd.arg(&svg).arg("-o").arg(&png);
        stdout_of(&mut cmd.into());
        assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    }
}

#[test]
fn qgis_opens_the_areas_command_output() {
    if !have_qgis() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let areas = dir.path().join("areas.geojson");
    frontline()
        .args(["areas", "--date", "2020-02-08", "--out"])
        .arg(&areas)
        .assert()
        .success();
    let front = dir.path().join("areas-front.geojson");
    let sources = [areas.display().to_string(), front.display().to_string()];
    let r = qgis_report("2020-02-08", &dir.path().join("qgis.png"), &sources);
    let layers = r["layers"].as_array().unwrap();
    // QGIS reads every feature frontline wrote: on 2020-02-08 government,
    // opposition and Turkish-backed areas; fronts between the government and
    // each of the allies, none between allies.
    let written = |p: &std::path::Path| -> u64 {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        v["features"].as_array().unwrap().len() as u64
    };
    let counts: Vec<u64> = layers
        .iter()
        .map(|l| l["features"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [written(&areas), written(&front)]);
    assert_eq!(counts, [3, 2]);
    for l in layers {
        assert_eq!(l["valid"], true);
        assert_eq!(l["crs"], "EPSG:4326");
        assert_eq!(l["field_types"]["date"], "Date");
        assert_eq!(
            l["renderer"], "categorizedSymbol",
            "the .qml beside it is applied"
        );
        assert_eq!(
            l["temporal_active"], false,
            "a single day has no validity period"
        );
    }
    assert!(r["painted_samples"].as_u64().unwrap() > 100);
}
