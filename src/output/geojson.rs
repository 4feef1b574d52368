//! RFC 7946 GeoJSON: lon/lat, no `crs` member, six decimals, outer rings
//! counter-clockwise, one geometry type per file, one feature per line.

use crate::timeline::Day;
use rayon::prelude::*;
use serde_json::{json, Map, Value};

/// One feature: a geometry and its properties (written in key order).
#[derive(Debug, Clone)]
pub struct Feature {
    /// lon/lat geometry, already rounded.
    pub geometry: geo::Geometry<f64>,
    /// Properties.
    pub properties: Map<String, Value>,
}

/// A FeatureCollection as text, one feature per line.
///
/// ```
/// use frontline::output::geojson::{collection, Feature};
/// let f = Feature { geometry: geo::Point::new(36.6, 35.8).into(),
///                   properties: serde_json::json!({"name": "Saraqib"}).as_object().unwrap().clone() };
/// let text = collection(&[f]);
/// assert!(text.starts_with("{\"type\":\"FeatureCollection\""));
/// assert!(text.contains("\"coordinates\":[36.6,35.8]"));
/// let parsed: geojson::GeoJson = text.parse().unwrap();
/// ```
pub fn collection(features: &[Feature]) -> String {
    join(
        features
            .par_iter()
            .map(|f| feature_line(&f.geometry, &f.properties))
            .collect(),
    )
}

/// One feature as a line of JSON (keys in order, as `serde_json` writes a
/// map).
fn feature_line(geometry: &geo::Geometry<f64>, properties: &Map<String, Value>) -> String {
    let g = geojson::Geometry::from(geometry);
    json!({"type": "Feature", "properties": properties, "geometry": g}).to_string()
}

/// The collection around feature lines (made in parallel, joined in order).
fn join(lines: Vec<String>) -> String {
    let len: usize = lines.iter().map(|l| l.len() + 2).sum();
    let mut out = String::with_capacity(len + 64);
    out.push_str("{\"type\":\"FeatureCollection\",\"features\":[\n");
    let n = lines.len();
    for (i, l) in lines.into_iter().enumerate() {
        out.push_str(&l);
        out.push_str(if i + 1 < n { ",\n" } else { "\n" });
    }
    out.push_str("]}\n");
    out
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn props(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// The control areas of a day as MultiPolygon features, one per controller
/// (contested areas are their own feature, `controller` = `contested`).
pub fn area_features(day: &Day<'_>) -> Vec<Feature> {
    let (t, date) = (day.theater(), day.date());
    day.areas()
        .areas
        .iter()
        .map(|a| Feature {
            geometry: a.geometry.clone().into(),
            properties: props(json!({
                "date": date,
                "controller": a.controller,
                "controller_name": t.controller_name(&a.controller),
                "color": t.controller_color(&a.controller),
                "area_km2": round3(a.km2),
                "places": a.places,
            })),
        })
        .collect()
}

/// The front lines of a day as MultiLineString features, one per pair of
/// controllers.
pub fn front_features(day: &Day<'_>) -> Vec<Feature> {
    let (t, date) = (day.theater(), day.date());
    day.areas()
        .fronts
        .iter()
        .map(|f| Feature {
            geometry: f.geometry.clone().into(),
            properties: props(json!({
                "date": date,
                "controller": format!("{}/{}", f.between.0, f.between.1),
                "controller_name": format!("{} / {}", t.controller_name(&f.between.0), t.controller_name(&f.between.1)),
                "color": t.style.front,
                "side_a": f.between.0,
                "side_b": f.between.1,
                "length_km": round3(f.km),
            })),
        })
        .collect()
}

/// A timeline layer as a FeatureCollection (every feature has every field).
pub fn layer(l: &crate::output::layers::Layer) -> String {
    join(
        l.features
            .par_iter()
            .map(|(g, vals)| {
                let properties = l
                    .fields
                    .iter()
                    .zip(vals)
                    .map(|((k, _), v)| (k.to_string(), v.clone()))
                    .collect();
                feature_line(g, &properties)
            })
            .collect(),
    )
}
