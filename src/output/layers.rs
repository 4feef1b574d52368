//! The whole timeline as four layers for GIS: places (Point), road
//! stretches (LineString), control areas (Polygon) and front line
//! (LineString).
//!
//! The state only changes on event dates, so the timeline is cut into
//! periods `[valid_from, valid_to)` between consecutive event dates (the last
//! has `valid_to` = null: still valid). Every feature carries every field of
//! its layer with a fixed type: `valid_from`, `valid_to`, `controller`,
//! `controller_name`, `color`, `confidence`, `source`, then the layer's own.

use crate::areas::AreaBuilder;
use crate::control::ControlField;
use crate::date::Date;
use crate::par::par_map;
use crate::report::report_with;
use crate::roads::sub_line;
use crate::theater::Theater;
use geo::{Geometry, LineString, Point};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A field's type, as GeoPackage and GDAL see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// Floating point.
    Real,
    /// Whole number.
    Integer,
}

/// A layer's geometry type (one per layer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeomKind {
    /// Point.
    Point,
    /// LineString.
    LineString,
    /// Polygon.
    Polygon,
}

impl GeomKind {
    /// The OGC name (as in `gpkg_geometry_columns`).
    pub fn ogc_name(self) -> &'static str {
        match self {
            GeomKind::Point => "POINT",
            GeomKind::LineString => "LINESTRING",
            GeomKind::Polygon => "POLYGON",
        }
    }
}

/// One layer: fields, then features whose values follow the fields.
#[derive(Debug, Clone)]
pub struct Layer {
    /// Table / file name.
    pub name: &'static str,
    /// Its geometry type.
    pub geom: GeomKind,
    /// Field names and types, in order.
    pub fields: Vec<(&'static str, FieldKind)>,
    /// Geometry and one value per field (`Null` only for `valid_to`).
    pub features: Vec<(Geometry<f64>, Vec<Value>)>,
}

const COMMON: [(&str, FieldKind); 7] = [
    ("valid_from", FieldKind::Date),
    ("valid_to", FieldKind::Date),
    ("controller", FieldKind::Text),
    ("controller_name", FieldKind::Text),
    ("color", FieldKind::Text),
    ("confidence", FieldKind::Text),
    ("source", FieldKind::Text),
];

fn fields(extra: &[(&'static str, FieldKind)]) -> Vec<(&'static str, FieldKind)> {
    COMMON.iter().chain(extra).copied().collect()
}

fn date_or_null(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn r3(x: f64) -> Value {
    serde_json::json!((x * 1000.0).round() / 1000.0)
}

fn round6(l: &LineString<f64>) -> LineString<f64> {
    LineString(
        l.0.iter()
            .map(|c| geo::Coord {
                x: (c.x * 1e6).round() / 1e6,
                y: (c.y * 1e6).round() / 1e6,
            })
            .collect(),
    )
}

/// The dates on which the state changes: every event date, sorted.
pub fn change_dates(t: &Theater) -> Vec<Date> {
    t.events
        .iter()
        .map(|e| e.date)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The four layers of the whole timeline.
pub fn timeline_layers(t: &Theater, cutoff_km: f64) -> Vec<Layer> {
    let dates = change_dates(t);
    let periods: Vec<(Date, Option<Date>)> = dates
        .iter()
        .enumerate()
        .map(|(i, &d)| (d, dates.get(i + 1).copied()))
        .collect();
    let common = |from: Date, to: Option<Date>, c: &str, conf: &str, src: &str| -> Vec<Value> {
        vec![
            Value::String(from.to_string()),
            date_or_null(to),
            Value::String(c.to_string()),
            Value::String(t.controller_name(c)),
            Value::String(t.controller_color(c)),
            Value::String(conf.to_string()),
            Value::String(src.to_string()),
        ]
    };

    // Places: one feature per event, valid until the place's next event.
    let mut places = Layer {
        name: "places",
        geom: GeomKind::Point,
        fields: fields(&[
            ("place_id", FieldKind::Text),
            ("name", FieldKind::Text),
            ("written", FieldKind::Text),
            ("note", FieldKind::Text),
        ]),
        features: Vec::new(),
    };
    let mut by_place: BTreeMap<&str, Vec<&crate::events::Event>> = BTreeMap::new();
    for e in &t.events {
        by_place.entry(e.place.as_str()).or_default().push(e);
    }
    for (id, mut evs) in by_place {
        let Some(p) = t.gazetteer.get(id) else {
            continue;
        };
        evs.sort_by_key(|e| (e.date, e.line));
        for (i, e) in evs.iter().enumerate() {
            let to = evs[i + 1..].iter().map(|n| n.date).find(|&d| d > e.date);
            if evs[i + 1..].iter().any(|n| n.date == e.date) {
                continue; // a later line on the same day wins
            }
            let mut v = common(e.date, to, &e.controller, e.confidence.as_str(), &e.source);
            v.extend([
                Value::String(p.id.clone()),
                Value::String(p.name.clone()),
                Value::String(e.place_written.clone()),
                Value::String(e.note.clone()),
            ]);
            let pt = Point::new((p.lon * 1e6).round() / 1e6, (p.lat * 1e6).round() / 1e6);
            places.features.push((pt.into(), v));
        }
    }

    // Per period: road stretches, areas and fronts (periods in parallel).
    let builder = AreaBuilder::new(t, cutoff_km);
    let roads: Vec<_> = t
        .roads
        .refs()
        .into_iter()
        .filter_map(|r| t.roads.road_line(&r))
        .collect();
    let per_period = par_map(&periods, |_, &(from, to)| {
        let field = ControlField::on(&t.events, &t.gazetteer, from, cutoff_km);
        let mut road_feats = Vec::new();
        for line in &roads {
            let r = report_with(t, line, &field, from);
            for s in &r.stretches {
                let conf = s.confidence.clone().unwrap_or_default();
                let mut v = common(
                    from,
                    to,
                    &s.controller,
                    &conf,
                    s.source.as_deref().unwrap_or(""),
                );
                v.extend([
                    Value::String(line.road.clone()),
                    Value::String(s.from.clone()),
                    Value::String(s.to.clone()),
                    r3(s.from_km),
                    r3(s.to_km),
                    r3(s.km),
                    Value::String(s.place.clone().unwrap_or_default()),
                ]);
                road_feats.push((round6(&sub_line(&line.line, s.from_km, s.to_km)).into(), v));
            }
        }
        let areas = builder.build(&field);
        let summary = |c: &str| {
            let pts: Vec<_> = field
                .points()
                .iter()
                .filter(|p| p.controller == c)
                .collect();
            let conf = if pts.iter().all(|p| p.confidence == "confirmed") {
                "confirmed"
            } else {
                "claimed"
            };
            let src: BTreeSet<&str> = pts.iter().map(|p| p.source.as_str()).collect();
            (conf, src)
        };
        let mut area_feats = Vec::new();
        for a in &areas.areas {
            let (conf, src) = summary(&a.controller);
            for p in &a.geometry {
                let mut v = common(
                    from,
                    to,
                    &a.controller,
                    conf,
                    &src.iter().copied().collect::<Vec<_>>().join(" "),
                );
                v.extend([
                    r3(geo::GeodesicArea::geodesic_area_unsigned(p) / 1e6),
                    serde_json::json!(a.places),
                ]);
                area_feats.push((p.clone().into(), v));
            }
        }
        let mut front_feats = Vec::new();
        for f in &areas.fronts {
            let (ca, sa) = summary(&f.between.0);
            let (cb, sb) = summary(&f.between.1);
            let conf = if ca == "confirmed" && cb == "confirmed" {
                "confirmed"
            } else {
                "claimed"
            };
            let src: BTreeSet<&str> = sa.union(&sb).copied().collect();
            let id = format!("{}/{}", f.between.0, f.between.1);
            for l in &f.geometry {
                let mut v = vec![
                    Value::String(from.to_string()),
                    date_or_null(to),
                    Value::String(id.clone()),
                    Value::String(format!(
                        "{} / {}",
                        t.controller_name(&f.between.0),
                        t.controller_name(&f.between.1)
                    )),
                    Value::String(FRONT_COLOR.into()),
                    Value::String(conf.into()),
                    Value::String(src.iter().copied().collect::<Vec<_>>().join(" ")),
                ];
                v.extend([
                    Value::String(f.between.0.clone()),
                    Value::String(f.between.1.clone()),
                    r3(crate::roads::line_km(l)),
                ]);
                front_feats.push((l.clone().into(), v));
            }
        }
        (road_feats, area_feats, front_feats)
    });
    let mut road_layer = Layer {
        name: "roads",
        geom: GeomKind::LineString,
        fields: fields(&[
            ("road", FieldKind::Text),
            ("from_place", FieldKind::Text),
            ("to_place", FieldKind::Text),
            ("from_km", FieldKind::Real),
            ("to_km", FieldKind::Real),
            ("km", FieldKind::Real),
            ("decided_by", FieldKind::Text),
        ]),
        features: Vec::new(),
    };
    let mut area_layer = Layer {
        name: "areas",
        geom: GeomKind::Polygon,
        fields: fields(&[
            ("area_km2", FieldKind::Real),
            ("places", FieldKind::Integer),
        ]),
        features: Vec::new(),
    };
    let mut front_layer = Layer {
        name: "front",
        geom: GeomKind::LineString,
        fields: fields(&[
            ("side_a", FieldKind::Text),
            ("side_b", FieldKind::Text),
            ("length_km", FieldKind::Real),
        ]),
        features: Vec::new(),
    };
    for (r, a, f) in per_period {
        road_layer.features.extend(r);
        area_layer.features.extend(a);
        front_layer.features.extend(f);
    }
    // Places sorted by start date too, so readers meet dated features first.
    places
        .features
        .sort_by(|a, b| a.1[0].as_str().cmp(&b.1[0].as_str()));
    vec![places, road_layer, area_layer, front_layer]
}

/// Colour of front lines in every output.
pub const FRONT_COLOR: &str = "#111111";
