//! The whole timeline as four layers for GIS: places (Point), road
//! stretches (LineString), control areas (Polygon) and front line
//! (LineString).
//!
//! The state only changes on event dates, so the timeline is cut into
//! periods `[valid_from, valid_to)` between consecutive event dates (the last
//! has `valid_to` = null: still valid). Every feature carries every field of
//! its layer with a fixed type: `valid_from`, `valid_to`, `controller`,
//! `controller_name`, `color`, `confidence`, `source`, then the layer's own.

use crate::date::Date;
use crate::events::Confidence;
use crate::roads::sub_line;
use crate::timeline::{Period, Timeline};
use geo::{Geometry, LineString, Point};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

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

/// The country and governorate outlines as one Polygon layer (a
/// MultiPolygon becomes one feature per part): `level` is `country` or
/// `governorate`, `name` the outline's name. No dates: outlines do not
/// change with the timeline. Outer rings counter-clockwise, as RFC 7946 asks.
pub fn outline_layer(t: &crate::theater::Theater) -> Layer {
    use geo::orient::{Direction, Orient};
    let mut layer = Layer {
        name: "outlines",
        geom: GeomKind::Polygon,
        fields: vec![("level", FieldKind::Text), ("name", FieldKind::Text)],
        features: Vec::new(),
    };
    for (level, outlines) in [("country", &t.country), ("governorate", &t.governorates)] {
        for o in outlines {
            for p in &o.shape {
                let p = geo::Polygon::new(
                    round6(p.exterior()),
                    p.interiors().iter().map(round6).collect(),
                )
                .orient(Direction::Default);
                layer.features.push((
                    p.into(),
                    vec![Value::String(level.into()), Value::String(o.name.clone())],
                ));
            }
        }
    }
    layer
}

/// The four layers of the timeline: of every period, or of the periods
/// that overlap `window` (each whole, with its own dates).
pub fn timeline_layers(tl: &Timeline<'_>, window: (Option<Date>, Option<Date>)) -> Vec<Layer> {
    let (w_from, w_to) = window;
    let t = tl.theater();
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
    for (id, periods) in tl.history().periods() {
        let Some(p) = t.gazetteer.get(id) else {
            continue;
        };
        for period in periods {
            let e = period.event;
            let span = Period {
                from: e.date,
                until: period.until,
            };
            if !span.overlaps(w_from, w_to) {
                continue;
            }
            let mut v = common(
                e.date,
                period.until,
                e.controller.as_str(),
                e.confidence.as_str(),
                &e.source,
            );
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

    // Per period: road stretches, areas and fronts (periods in parallel),
    // all read from the period's first day.
    let periods: Vec<Period> = tl
        .periods()
        .into_iter()
        .filter(|p| p.overlaps(w_from, w_to))
        .collect();
    let per_period: Vec<_> = periods
        .par_iter()
        .map(|&Period { from, until: to }| {
            let day = tl.day(from);
            let field = day.field();
            let mut road_feats = Vec::new();
            for (line, r) in tl.roads().iter().zip(day.roads()) {
                for s in &r.stretches {
                    let conf = s.confidence.clone().unwrap_or_default();
                    let mut v = common(
                        from,
                        to,
                        s.controller.as_str(),
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
            let areas = day.areas();
            let summary = |c: &str| {
                let pts: Vec<_> = field
                    .points()
                    .iter()
                    .filter(|p| p.controller == c)
                    .collect();
                let conf = if pts.iter().all(|p| p.confidence == Confidence::Confirmed) {
                    "confirmed"
                } else {
                    "claimed"
                };
                let src: BTreeSet<&str> = pts.iter().map(|p| p.source.as_str()).collect();
                (conf, src)
            };
            let mut area_feats = Vec::new();
            for a in &areas.areas {
                let (conf, src) = summary(a.controller.as_str());
                for p in &a.geometry {
                    let mut v = common(
                        from,
                        to,
                        a.controller.as_str(),
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
                let (ca, sa) = summary(f.between.0.as_str());
                let (cb, sb) = summary(f.between.1.as_str());
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
                        Value::String(t.style.front.clone()),
                        Value::String(conf.into()),
                        Value::String(src.iter().copied().collect::<Vec<_>>().join(" ")),
                    ];
                    v.extend([
                        Value::String(f.between.0.to_string()),
                        Value::String(f.between.1.to_string()),
                        r3(crate::roads::line_km(l)),
                    ]);
                    front_feats.push((l.clone().into(), v));
                }
            }
            (road_feats, area_feats, front_feats)
        })
        .collect();
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
