//! Control areas and the front line, from the same nearest-place rule as
//! road control.
//!
//! A point belongs to the cell of the nearest place with known control on
//! the day, if that place is within the cutoff and the point lies inside
//! the day's widened hull ([`ControlField::hull`]). Cells are computed in a
//! local azimuthal equidistant projection centred on the theater
//! ([`LocalProjection`]), clipped to the cutoff circle (a 128-gon, within
//! 5 m of the true circle at 15 km), dissolved per controller, clipped to the
//! theater's country outline and to the hull, and projected back to lon/lat.
//! The front line is made of the cell edges that separate places of two
//! different *sides* (factions of one side are allies: no front between
//! them); edges that face an unknown area or the border are not front.
//!
//! ```
//! use frontline::areas::AreaBuilder;
//! use frontline::control::{ControlField, ControlPoint};
//! use frontline::events::Confidence;
//! use geo::Point;
//! let d = "2020-01-01".parse().unwrap();
//! let cp = |name: &str, lon, c: &str| ControlPoint {
//!     place: name.into(), name: name.into(), at: Point::new(lon, 35.0),
//!     controller: c.into(), since: d, source: String::new(), confidence: Confidence::Confirmed };
//! let field = ControlField::new(vec![cp("A", 36.0, "red"), cp("B", 36.2, "blue")], 15.0);
//! let areas = AreaBuilder::with(Point::new(36.1, 35.0), None).build(&field);
//! assert_eq!(areas.controller_at(Point::new(36.05, 35.0)), Some("red"));
//! assert_eq!(areas.fronts.len(), 1); // along the meridian halfway between A and B
//! assert!((areas.fronts[0].km - 2.0 * (15.0f64.powi(2) - 9.1f64.powi(2)).sqrt()).abs() < 0.5);
//! ```

pub mod cells;
mod merge;
pub mod overlay;
mod projection;

pub use projection::LocalProjection;

use crate::control::ControlField;
use crate::factions::Controller;
use crate::theater::Theater;
use cells::{cells, Edge};
use geo::{
    BooleanOps, Contains, Coord, Geodesic, GeodesicArea, Length, LineString, MultiLineString,
    MultiPolygon, Point, RemoveRepeatedPoints,
};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The area held by one controller on a day.
#[derive(Debug, Clone)]
pub struct ControlArea {
    /// A faction or contested.
    pub controller: Controller,
    /// The dissolved cells, lon/lat, outer rings counter-clockwise.
    pub geometry: MultiPolygon<f64>,
    /// Geodesic area, km².
    pub km2: f64,
    /// How many places' cells it is made of.
    pub places: usize,
}

/// A stretch of front between two controllers of different sides.
#[derive(Debug, Clone)]
pub struct FrontLine {
    /// The two controllers, in alphabetical order of their ids.
    pub between: (Controller, Controller),
    /// The line, lon/lat.
    pub geometry: MultiLineString<f64>,
    /// Geodesic length, km.
    pub km: f64,
}

/// Control areas and front lines of a day.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    /// One per controller, sorted by controller id.
    pub areas: Vec<ControlArea>,
    /// One per pair of controllers that meet, sorted by the pair.
    pub fronts: Vec<FrontLine>,
}

impl Areas {
    /// The controller whose area contains `p`, if any.
    pub fn controller_at(&self, p: Point<f64>) -> Option<&str> {
        self.areas
            .iter()
            .find(|a| a.geometry.contains(&p))
            .map(|a| a.controller.as_str())
    }

    /// Total front length, km.
    pub fn front_km(&self) -> f64 {
        // `+ 0.0`: an empty f64 sum is -0.0, printed as "-0.0".
        self.fronts.iter().map(|f| f.km).sum::<f64>() + 0.0
    }
}

/// Builds areas for any day of a theater: holds the projection and the
/// country outline on the output grid, so a series of days pays for them
/// once. The cutoff is the control field's.
#[derive(Debug, Clone)]
pub struct AreaBuilder {
    proj: LocalProjection,
    /// Faction id → side id; a faction not listed is a side of its own,
    /// and so is `contested`.
    sides: BTreeMap<String, String>,
    /// Country outline, lon/lat, on the micro-degree grid.
    boundary: Option<overlay::Shapes>,
    /// The same, as lon/lat polygons, for clipping lines.
    boundary_geo: Option<MultiPolygon<f64>>,
}

impl AreaBuilder {
    /// For a theater: the projection is centred on the bounding box of every
    /// place its events name; cells are clipped to its country outline.
    pub fn new(t: &Theater) -> AreaBuilder {
        let mut bb: Option<(f64, f64, f64, f64)> = None;
        for e in &t.events {
            if let Some(p) = t.gazetteer.get(&e.place) {
                let b = bb.get_or_insert((p.lon, p.lat, p.lon, p.lat));
                *b = (
                    b.0.min(p.lon),
                    b.1.min(p.lat),
                    b.2.max(p.lon),
                    b.3.max(p.lat),
                );
            }
        }
        let country = MultiPolygon(
            t.country
                .iter()
                .flat_map(|o| o.shape.0.iter().cloned())
                .collect(),
        );
        if bb.is_none() {
            use geo::BoundingRect;
            if let Some(r) = country.bounding_rect() {
                bb = Some((r.min().x, r.min().y, r.max().x, r.max().y));
            }
        }
        let (w, s, e, n) = bb.unwrap_or((0.0, 0.0, 0.0, 0.0));
        let center = Point::new((w + e) / 2.0, (s + n) / 2.0);
        let boundary = (!country.0.is_empty()).then_some(&country);
        let mut b = AreaBuilder::with(center, boundary);
        b.sides = t
            .factions
            .iter()
            .map(|f| (f.id.clone(), f.side.clone()))
            .collect();
        b
    }

    /// With these sides (faction id → side id): no front is drawn between
    /// two factions of one side.
    pub fn with_sides(mut self, sides: BTreeMap<String, String>) -> AreaBuilder {
        self.sides = sides;
        self
    }

    /// The side of a controller: its faction's side, or its own id.
    pub fn side_of<'a>(&'a self, c: &'a Controller) -> &'a str {
        self.sides
            .get(c.as_str())
            .map_or(c.as_str(), String::as_str)
    }

    /// With an explicit projection centre and an optional boundary (lon/lat).
    pub fn with(center: Point<f64>, boundary: Option<&MultiPolygon<f64>>) -> AreaBuilder {
        let boundary = boundary.map(|b| {
            let rings: Vec<overlay::Ring> = b
                .iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .map(|r| overlay::ring(r.0.iter().copied()))
                .collect();
            overlay::normalise(&rings)
        });
        AreaBuilder {
            proj: LocalProjection::new(center),
            sides: BTreeMap::new(),
            boundary_geo: boundary.as_ref().map(overlay::to_geo),
            boundary,
        }
    }

    /// The projection in use.
    pub fn projection(&self) -> &LocalProjection {
        &self.proj
    }

    /// Areas and front lines for the control points of `field`, each
    /// holding ground up to the field's cutoff.
    pub fn build(&self, field: &ControlField) -> Areas {
        let pts = field.points();
        let sites: Vec<Coord<f64>> = pts.iter().map(|p| self.proj.forward(p.at)).collect();
        let cs = cells(&sites, field.cutoff_m());
        // Cell vertices back in lon/lat; edges stay straight in lon/lat
        // (a cell edge is at most 2 × cutoff long, so the difference from
        // the projected straight line is a few metres).
        let ll: Vec<Vec<Coord<f64>>> = cs
            .par_iter()
            .map(|c| c.vertices.iter().map(|&v| self.proj.inverse(v).0).collect())
            .collect();

        // What areas are clipped to: the country outline and the field's
        // widened hull, once for all controllers.
        let hull = field
            .hull()
            .map(|h| overlay::normalise(&[overlay::ring(h.exterior().0.iter().copied())]));
        let clip = match (&self.boundary, &hull) {
            (Some(b), Some(h)) => Some(overlay::intersect(b, h)),
            (Some(b), None) => Some(b.clone()),
            (None, Some(h)) => Some(h.clone()),
            (None, None) => None,
        };
        let clip_geo = match (&hull, &self.boundary_geo) {
            (None, Some(b)) => Some(b.clone()),
            _ => clip.as_ref().map(overlay::to_geo),
        };
        let mut groups: BTreeMap<&Controller, Vec<overlay::Ring>> = BTreeMap::new();
        for (i, v) in ll.iter().enumerate() {
            let r = overlay::ring(v.iter().copied());
            if r.len() >= 3 {
                groups.entry(&pts[i].controller).or_default().push(r);
            }
        }
        // Controllers (and below, pairs of controllers) are independent: on
        // all cores, results in key order.
        let areas = groups
            .into_iter()
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|(controller, rings)| {
                let places = rings.len();
                let mut shapes = overlay::union(&rings);
                if let Some(b) = &clip {
                    shapes = overlay::intersect(&shapes, b);
                }
                let geometry = overlay::to_geo(&shapes);
                let km2 = geometry.geodesic_area_unsigned() / 1e6;
                ControlArea {
                    controller: controller.clone(),
                    geometry,
                    km2,
                    places,
                }
            })
            .filter(|a| !a.geometry.0.is_empty())
            .collect();

        let mut segs: BTreeMap<(&Controller, &Controller), Vec<LineString<f64>>> = BTreeMap::new();
        for (i, c) in cs.iter().enumerate() {
            let n = c.vertices.len();
            for k in 0..n {
                let Edge::Site(j) = c.edges[k] else { continue };
                let (a, b) = (&pts[i].controller, &pts[j].controller);
                if i > j || a == b || self.side_of(a) == self.side_of(b) {
                    continue;
                }
                let key = if a < b { (a, b) } else { (b, a) };
                segs.entry(key)
                    .or_default()
                    .push(LineString(vec![round(ll[i][k]), round(ll[i][(k + 1) % n])]));
            }
        }
        let fronts = segs
            .into_iter()
            .collect::<Vec<_>>()
            .into_par_iter()
            .filter_map(|((a, b), lines)| {
                let mut mls = MultiLineString(lines);
                if let Some(bd) = &clip_geo {
                    mls = bd.clip(&mls, false);
                }
                let pieces: Vec<Vec<Coord<f64>>> = mls
                    .0
                    .iter()
                    .map(|l| l.0.iter().map(|&c| round(c)).collect())
                    .collect();
                let geometry = MultiLineString(
                    merge::merge(pieces)
                        .into_iter()
                        .map(|l| LineString(l).remove_repeated_points())
                        .filter(|l| l.0.len() >= 2)
                        .collect(),
                );
                if geometry.0.is_empty() {
                    return None;
                }
                let km = geometry.iter().map(|l| Geodesic.length(l)).sum::<f64>() / 1000.0;
                Some(FrontLine {
                    between: (a.clone(), b.clone()),
                    geometry,
                    km,
                })
            })
            .collect();
        Areas { areas, fronts }
    }
}

/// Six decimals (about 0.1 m), the precision of every output.
fn round(c: Coord<f64>) -> Coord<f64> {
    Coord {
        x: (c.x * 1e6).round() / 1e6,
        y: (c.y * 1e6).round() / 1e6,
    }
}

/// Ground that changed hands between two days: held by `from` on the first
/// day and by `to` on the second (both known; ground that was unknown and
/// is now held did not change hands, it was learnt).
#[derive(Debug, Clone)]
pub struct Change {
    /// The holder on the first day.
    pub from: Controller,
    /// The holder on the second day (the gaining side).
    pub to: Controller,
    /// The ground, lon/lat, outer rings counter-clockwise.
    pub geometry: MultiPolygon<f64>,
    /// Geodesic area, km².
    pub km2: f64,
}

/// Every (from, to) pair of controllers whose areas overlap from `then` to
/// `now`, sorted by (to, from); computed on the micro-degree grid, so the
/// pieces are valid and do not overlap.
///
/// ```
/// use frontline::areas::{changed_ground, AreaBuilder};
/// use frontline::control::{ControlField, ControlPoint};
/// use frontline::events::Confidence;
/// use geo::Point;
/// let d = "2020-01-01".parse().unwrap();
/// let cp = |name: &str, lon, c: &str| ControlPoint {
///     place: name.into(), name: name.into(), at: Point::new(lon, 35.0),
///     controller: c.into(), since: d, source: String::new(), confidence: Confidence::Confirmed };
/// let b = AreaBuilder::with(Point::new(36.1, 35.0), None);
/// let then = b.build(&ControlField::new(vec![cp("A", 36.0, "red"), cp("B", 36.2, "blue")], 15.0));
/// let now = b.build(&ControlField::new(vec![cp("A", 36.0, "red"), cp("B", 36.2, "red")], 15.0));
/// let c = changed_ground(&then, &now);
/// assert_eq!(c.len(), 1);
/// assert_eq!((c[0].from.as_str(), c[0].to.as_str()), ("blue", "red"));
/// // B's cell: half the union of two discs 18 km apart.
/// assert!(c[0].km2 > 500.0 && c[0].km2 < 700.0, "{}", c[0].km2);
/// ```
pub fn changed_ground(then: &Areas, now: &Areas) -> Vec<Change> {
    let shapes = |mp: &MultiPolygon<f64>| {
        let rings: Vec<overlay::Ring> = mp
            .iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .map(|r| overlay::ring(r.0.iter().copied()))
            .collect();
        overlay::normalise(&rings)
    };
    let old: Vec<(&Controller, overlay::Shapes)> = then
        .areas
        .iter()
        .map(|a| (&a.controller, shapes(&a.geometry)))
        .collect();
    let mut out = Vec::new();
    for a in &now.areas {
        let new = shapes(&a.geometry);
        for (c, o) in &old {
            if *c == &a.controller {
                continue;
            }
            let geometry = overlay::to_geo(&overlay::intersect(o, &new));
            if geometry.0.is_empty() {
                continue;
            }
            let km2 = geometry.geodesic_area_unsigned() / 1e6;
            if km2 < 0.01 {
                continue;
            }
            out.push(Change {
                from: (*c).clone(),
                to: a.controller.clone(),
                geometry,
                km2,
            });
        }
    }
    out.sort_by(|x, y| (&x.to, &x.from).cmp(&(&y.to, &y.from)));
    out
}
