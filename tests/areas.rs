//! Control areas and the front line: geometry rules, hand-checked cases and
//! agreement with the road model.

mod common;
use common::{copy_dir, data_dir, frontline};
use frontline::areas::{AreaBuilder, Areas};
use frontline::control::{ControlField, ControlPoint, DEFAULT_CUTOFF_KM};
use frontline::date::Date;
use frontline::events::Confidence;
use frontline::theater::Theater;
use frontline::timeline::Timeline;
use geo::{Validation, Winding};

fn theater() -> Theater {
    Theater::embedded().expect("embedded theater")
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn areas(t: &Theater, d: &str) -> Areas {
    Timeline::new(t, DEFAULT_CUTOFF_KM)
        .day(day(d))
        .areas()
        .clone()
}

#[test]
fn areas_are_valid_and_wound_counter_clockwise_on_every_day() {
    let t = theater();
    let mut d = day("2019-12-19");
    while d <= day("2020-03-10") {
        let a = areas(&t, &d.to_string());
        for x in &a.areas {
            if let Err(e) = x.geometry.check_validation() {
                panic!("{d} {}: {e}", x.controller);
            }
            for p in &x.geometry {
                assert!(p.exterior().is_ccw(), "{d} {} exterior", x.controller);
                for r in p.interiors() {
                    assert!(r.is_cw(), "{d} {} hole", x.controller);
                }
            }
        }
        d = d.add_days(1);
    }
}

fn place(t: &Theater, name: &str) -> geo::Point<f64> {
    let p = t
        .gazetteer
        .resolve(name, &Default::default())
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{name} not in gazetteer"))
        .place;
    geo::Point::new(p.lon, p.lat)
}

#[test]
fn on_2020_02_08_the_towns_lie_in_the_right_areas_and_the_front_runs_between() {
    let t = theater();
    let a = areas(&t, "2020-02-08");
    for town in ["Saraqib", "Maarat al-Numan"] {
        assert_eq!(
            a.controller_at(place(&t, town)),
            Some("government"),
            "{town}"
        );
    }
    for town in ["Idlib", "Binnish", "Ariha", "Jisr al-Shughur"] {
        assert_eq!(
            a.controller_at(place(&t, town)),
            Some("opposition"),
            "{town}"
        );
    }
    let f = a
        .fronts
        .iter()
        .find(|f| f.between == ("government".into(), "opposition".into()))
        .expect("a government/opposition front");
    assert!(f.km > 20.0, "front is {} km", f.km);
    // The front passes between Saraqib (government) and Idlib (opposition):
    // it crosses the straight line joining them.
    let cross = geo::Line::new(place(&t, "Saraqib"), place(&t, "Idlib"));
    assert!(geo::Intersects::intersects(&f.geometry, &cross));
}

fn cp(name: &str, lon: f64, lat: f64, c: &str) -> ControlPoint {
    ControlPoint {
        place: name.into(),
        name: name.into(),
        at: geo::Point::new(lon, lat),
        controller: c.into(),
        since: day("2020-01-01"),
        source: "https://example.org/".into(),
        confidence: Confidence::Confirmed,
    }
}

#[test]
fn three_places_give_a_front_on_the_perpendicular_bisectors() {
    use geo::{Distance, Geodesic};
    let pts = vec![
        cp("a", 36.00, 35.00, "red"),
        cp("b", 36.10, 35.00, "blue"),
        cp("c", 36.05, 35.08, "green"),
    ];
    let field = ControlField::new(pts.clone(), 50.0);
    let a = AreaBuilder::with(geo::Point::new(36.05, 35.03), None).build(&field);
    assert_eq!(a.fronts.len(), 3, "{:?}", a.fronts);
    let at = |id: &str| pts.iter().find(|p| p.controller == id).unwrap().at;
    for f in &a.fronts {
        let (p, q) = (at(f.between.0.as_str()), at(f.between.1.as_str()));
        for l in &f.geometry {
            for c in l.coords() {
                let x = geo::Point::from(*c);
                let (dp, dq) = (Geodesic.distance(x, p), Geodesic.distance(x, q));
                // Equidistant to within 10 m (projection and 6-decimal rounding).
                assert!((dp - dq).abs() < 10.0, "{:?}: {dp} vs {dq}", f.between);
            }
        }
    }
    // The three bisectors meet at one point: each front ends there.
    let ends: Vec<geo::Coord<f64>> = a
        .fronts
        .iter()
        .flat_map(|f| {
            f.geometry
                .iter()
                .flat_map(|l| [l.0[0], *l.0.last().unwrap()])
        })
        .collect();
    let meets = ends
        .iter()
        .filter(|e| {
            ends.iter()
                .filter(|o| (o.x - e.x).abs() < 1e-5 && (o.y - e.y).abs() < 1e-5)
                .count()
                == 3
        })
        .count();
    assert_eq!(meets, 3, "one triple point: {ends:?}");
}

#[test]
fn a_place_beyond_everyone_s_cutoff_leaves_an_unknown_gap_and_no_front() {
    // 0.5° of longitude at 35°N is about 45.6 km: more than twice 15 km.
    let field = ControlField::new(
        vec![cp("a", 36.0, 35.0, "red"), cp("b", 36.5, 35.0, "blue")],
        15.0,
    );
    let a = AreaBuilder::with(geo::Point::new(36.25, 35.0), None).build(&field);
    assert_eq!(a.controller_at(geo::Point::new(36.25, 35.0)), None);
    assert_eq!(a.controller_at(geo::Point::new(36.05, 35.0)), Some("red"));
    assert!(a.fronts.is_empty());
    // Each disc: π·15² ≈ 706.9 km² (the 128-gon is 0.04 % smaller).
    for x in &a.areas {
        assert!((x.km2 - 706.9).abs() < 2.0, "{} {}", x.controller, x.km2);
    }
}

#[test]
fn a_contested_place_gets_a_contested_area_and_its_own_front() {
    let field = ControlField::new(
        vec![
            cp("a", 36.0, 35.0, "red"),
            cp("b", 36.1, 35.0, "contested"),
            cp("c", 36.2, 35.0, "red"),
        ],
        15.0,
    );
    let a = AreaBuilder::with(geo::Point::new(36.1, 35.0), None).build(&field);
    assert_eq!(
        a.controller_at(geo::Point::new(36.1, 35.0)),
        Some("contested")
    );
    let ids: Vec<&str> = a.areas.iter().map(|x| x.controller.as_str()).collect();
    assert_eq!(ids, ["contested", "red"]);
    assert_eq!(a.fronts.len(), 1);
    assert_eq!(a.fronts[0].between, ("contested".into(), "red".into()));
    // Two separate straight pieces, either side of the contested place.
    assert_eq!(a.fronts[0].geometry.0.len(), 2);
}

#[test]
fn neighbouring_areas_neither_overlap_nor_leave_gaps() {
    use geo::{BooleanOps, GeodesicArea};
    let t = theater();
    for d in ["2020-01-28", "2020-02-27", "2020-03-05"] {
        let a = areas(&t, d);
        let total: f64 = a.areas.iter().map(|x| x.km2).sum();
        let mut all = geo::MultiPolygon::<f64>(vec![]);
        for (i, x) in a.areas.iter().enumerate() {
            for y in &a.areas[i + 1..] {
                let o = x
                    .geometry
                    .intersection(&y.geometry)
                    .geodesic_area_unsigned()
                    / 1e6;
                assert!(
                    o < 1e-3,
                    "{d}: {} and {} overlap by {o} km²",
                    x.controller,
                    y.controller
                );
            }
            all = all.union(&x.geometry);
        }
        // geo's union does not promise a winding; the geodesic area needs one.
        let all = geo::Orient::orient(&all, geo::orient::Direction::Default);
        let union = all.geodesic_area_unsigned() / 1e6;
        // If two areas left a gap between them, it would sit inside the
        // union's outline as a hole that belongs to nobody.
        let holes: f64 = all
            .iter()
            .flat_map(|p| p.interiors())
            .map(|r| geo::Polygon::new(r.clone(), vec![]).geodesic_area_unsigned() / 1e6)
            .filter(|&h| h < 1.0)
            .sum();
        assert!(
            (union - total).abs() < 1e-3 * total,
            "{d}: {union} vs {total}"
        );
        assert!(holes < 1e-3, "{d}: {holes} km² of slivers");
    }
}

/// Deterministic pseudo-random numbers in [0, 1).
fn lcg(state: &mut u64) -> f64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

#[test]
fn a_point_s_area_is_the_controller_the_road_model_gives_it() {
    use geo::{Contains, Distance, Geodesic};
    let t = theater();
    let country = &t.country[0].shape;
    let mut seed = 7u64;
    let mut checked = 0;
    for d in [
        "2019-12-19",
        "2020-01-28",
        "2020-02-08",
        "2020-02-27",
        "2020-03-05",
    ] {
        let tl = Timeline::new(&t, DEFAULT_CUTOFF_KM);
        let today = tl.day(day(d));
        let (field, a) = (today.field(), today.areas());
        for _ in 0..600 {
            let p = geo::Point::new(35.9 + 1.4 * lcg(&mut seed), 35.2 + 1.2 * lcg(&mut seed));
            if !country.contains(&p) {
                continue;
            }
            // Skip points within 100 m of a decision boundary, where the
            // plane and the ellipsoid may legitimately disagree.
            let mut ds: Vec<(f64, &str)> = field
                .points()
                .iter()
                .map(|c| (Geodesic.distance(p, c.at), c.controller.as_str()))
                .collect();
            ds.sort_by(|x, y| x.0.total_cmp(&y.0));
            let near_cutoff = (ds[0].0 - field.cutoff_m()).abs() < 100.0;
            // And within about 200 m of the widened hull's edge, where the
            // areas are clipped on the micro-degree grid.
            let near_hull = field.hull().is_some_and(|h| {
                use geo::{Distance, Euclidean};
                Euclidean.distance(&p, h.exterior()) < 0.002
            });
            let near_bisector = ds
                .iter()
                .find(|x| x.1 != ds[0].1)
                .is_some_and(|x| x.0 - ds[0].0 < 100.0);
            if near_cutoff || near_bisector || near_hull {
                continue;
            }
            checked += 1;
            assert_eq!(
                a.controller_at(p),
                field.controller_at(p),
                "{d} at {:?}",
                p.x_y()
            );
        }
    }
    assert!(checked > 2000, "only {checked} points checked");
}

#[test]
fn the_road_report_s_km_per_faction_match_the_areas_along_the_road() {
    use frontline::roads::point_at_km;
    let t = theater();
    let line = t.roads.road_line("M5").expect("M5");
    for d in ["2020-01-28", "2020-02-08", "2020-02-27", "2020-03-05"] {
        let r = Timeline::new(&t, DEFAULT_CUTOFF_KM)
            .day(day(d))
            .report(&line);
        let a = areas(&t, d);
        let step = 0.1;
        let n = (r.length_km / step).round() as usize;
        let mut km: std::collections::BTreeMap<String, f64> = Default::default();
        for i in 0..n {
            let p = point_at_km(&line.line, (i as f64 + 0.5) * step);
            let c = a.controller_at(p).unwrap_or("unknown").to_string();
            *km.entry(c).or_default() += step;
        }
        for tot in &r.totals {
            let from_areas = km.get(tot.controller.as_str()).copied().unwrap_or(0.0);
            assert!(
                (from_areas - tot.km).abs() < 0.5,
                "{d} {}: road {} km, areas {} km",
                tot.controller,
                tot.km,
                from_areas
            );
        }
    }
}

#[test]
fn the_same_inputs_give_byte_identical_files() {
    let dir = tempfile::tempdir().unwrap();
    let run = |name: &str| {
        let out = dir.path().join(name);
        frontline()
            .args(["areas", "--date", "2020-02-27", "--out"])
            .arg(&out)
            .assert()
            .success();
        let front = dir.path().join(name.replace(".geojson", "-front.geojson"));
        (std::fs::read(out).unwrap(), std::fs::read(front).unwrap())
    };
    let (a1, f1) = run("one.geojson");
    let (a2, f2) = run("two.geojson");
    assert_eq!(a1, a2);
    assert_eq!(f1, f2);
    let v: serde_json::Value = serde_json::from_slice(&a1).unwrap();
    assert!(v.get("crs").is_none());
    for f in v["features"].as_array().unwrap() {
        assert_eq!(f["geometry"]["type"], "MultiPolygon");
        for k in [
            "controller",
            "controller_name",
            "color",
            "area_km2",
            "date",
            "places",
        ] {
            assert!(f["properties"].get(k).is_some(), "missing {k}");
        }
    }
    let v: serde_json::Value = serde_json::from_slice(&f1).unwrap();
    for f in v["features"].as_array().unwrap() {
        assert_eq!(f["geometry"]["type"], "MultiLineString");
    }
}

#[test]
fn state_json_ends_with_km2_per_faction_and_the_front_length() {
    let out = frontline()
        .args(["state", "--date", "2020-02-08", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let last: serde_json::Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    assert_eq!(last["type"], "summary");
    let t = theater();
    let a = areas(&t, "2020-02-08");
    let gov = last["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["controller"] == "government")
        .unwrap();
    let want = a
        .areas
        .iter()
        .find(|x| x.controller == "government")
        .unwrap()
        .km2;
    assert!((gov["km2"].as_f64().unwrap() - want).abs() < 0.01);
    assert!((last["front_km"].as_f64().unwrap() - a.front_km()).abs() < 0.01);
    assert!(a.front_km() > 0.0);
}

#[test]
fn a_broken_country_outline_is_an_error_naming_the_file_and_feature() {
    let dir = tempfile::tempdir().unwrap();
    let th = dir.path();
    copy_dir(data_dir(), th);
    // boundaries/adm0.geojson takes precedence over the Natural Earth file.
    // A self-intersecting ring (a bow tie).
    std::fs::write(
        th.join("boundaries/adm0.geojson"),
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Bow"},"geometry":{"type":"Polygon","coordinates":[[[35,35],[37,36],[37,35],[35,36],[35,35]]]}}]}"#,
    )
    .unwrap();
    let out = dir.path().join("a.geojson");
    let o = frontline()
        .arg("--theater")
        .arg(th)
        .args(["areas", "--date", "2020-02-08", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("adm0.geojson") && err.contains("features[0].geometry"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
    assert!(!out.exists());
}
