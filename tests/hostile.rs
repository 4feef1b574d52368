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
        &["roads", "import", s(&roads), "--out", s(&t.path().join("x.geojson"))],
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
