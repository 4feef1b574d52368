//! The nearest-place rule, shared by road control and control areas.
//!
//! A point is held by whoever holds the nearest place with known control on
//! that day, measured by geodesic distance on the WGS84 ellipsoid, if that
//! place is within the cutoff and, when the field has a hull margin, the
//! point lies inside the convex hull of the day's known places widened by
//! that margin; otherwise the point is unknown.
//!
//! The cutoff says how far from any known place ground is still attributed
//! (far enough that the ground between two towns of one side is never left
//! blank); the hull keeps that reach from spilling outwards beyond the
//! places the sources actually name.

use crate::date::Date;
use crate::events::Confidence;
use crate::factions::Controller;
use geo::{ConvexHull, Coord, Distance, Geodesic, Intersects, MultiPoint, Point, Polygon};
use geographiclib_rs::DirectGeodesic;

/// Default cutoff, km: ground farther than this from every known place is
/// unknown. A theater may set its own (`settings.csv`, `cutoff_km`).
pub const DEFAULT_CUTOFF_KM: f64 = 30.0;

/// Default hull margin, km: how far beyond the convex hull of the day's
/// known places ground is still attributed (`settings.csv`,
/// `hull_margin_km`).
pub const DEFAULT_MARGIN_KM: f64 = 12.0;

/// Vertices of the circle drawn around each hull corner when widening the
/// hull by the margin.
const MARGIN_VERTICES: usize = 64;

/// A place with known control on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlPoint {
    /// Gazetteer id.
    pub place: String,
    /// Display name.
    pub name: String,
    /// Location (x = lon, y = lat).
    pub at: Point<f64>,
    /// A faction or contested.
    pub controller: Controller,
    /// Start of this control.
    pub since: Date,
    /// Source URL of the deciding event.
    pub source: String,
    /// How sure the deciding event is.
    pub confidence: Confidence,
}

/// The control points of a day and the cutoff, answering "who holds this
/// point?". A day's field is built by [`crate::timeline::Timeline::day`].
///
/// ```
/// use frontline::control::{ControlField, ControlPoint};
/// use frontline::events::Confidence;
/// use geo::Point;
/// let d = "2020-01-01".parse().unwrap();
/// let cp = |name: &str, lon, c: &str| ControlPoint {
///     place: name.into(), name: name.into(), at: Point::new(lon, 35.0),
///     controller: c.into(), since: d, source: String::new(), confidence: Confidence::Confirmed };
/// let f = ControlField::new(vec![cp("A", 36.0, "red"), cp("B", 36.2, "blue")], 15.0);
/// assert_eq!(f.controller_at(Point::new(36.05, 35.0)), Some("red"));
/// assert_eq!(f.controller_at(Point::new(36.15, 35.0)), Some("blue"));
/// assert_eq!(f.controller_at(Point::new(37.0, 35.0)), None); // beyond 15 km
/// ```
#[derive(Debug, Clone)]
pub struct ControlField {
    points: Vec<ControlPoint>,
    cutoff_m: f64,
    /// The widened hull (lon/lat, counter-clockwise, closed), if any.
    hull: Option<Polygon<f64>>,
}

impl ControlField {
    /// From control points and a cutoff in km, with no hull: every point
    /// within the cutoff of a known place is held.
    pub fn new(mut points: Vec<ControlPoint>, cutoff_km: f64) -> ControlField {
        points.sort_by(|a, b| a.place.cmp(&b.place));
        ControlField {
            points,
            cutoff_m: cutoff_km * 1000.0,
            hull: None,
        }
    }

    /// From control points, a cutoff and a hull margin in km: a point is
    /// held only inside the convex hull of the points widened by the margin
    /// (and within the cutoff of its nearest point).
    ///
    /// ```
    /// use frontline::control::{ControlField, ControlPoint};
    /// use frontline::events::Confidence;
    /// use geo::Point;
    /// let d = "2020-01-01".parse().unwrap();
    /// let cp = |name: &str, lon, lat, c: &str| ControlPoint {
    ///     place: name.into(), name: name.into(), at: Point::new(lon, lat),
    ///     controller: c.into(), since: d, source: String::new(), confidence: Confidence::Confirmed };
    /// let f = ControlField::with_margin(
    ///     vec![cp("A", 36.0, 35.0, "red"), cp("B", 36.3, 35.0, "red"), cp("C", 36.15, 35.2, "red")], 30.0, 5.0);
    /// // Between the three: held, though 15 km from each.
    /// assert_eq!(f.controller_at(Point::new(36.15, 35.07)), Some("red"));
    /// // 10 km south of the hull's base: beyond the 5 km margin.
    /// assert_eq!(f.controller_at(Point::new(36.15, 34.91)), None);
    /// ```
    pub fn with_margin(points: Vec<ControlPoint>, cutoff_km: f64, margin_km: f64) -> ControlField {
        let mut f = ControlField::new(points, cutoff_km);
        f.hull = widened_hull(&f.points, margin_km * 1000.0);
        f
    }

    /// The convex hull of the points widened by the margin, if the field
    /// has one (lon/lat).
    pub fn hull(&self) -> Option<&Polygon<f64>> {
        self.hull.as_ref()
    }

    /// The points.
    pub fn points(&self) -> &[ControlPoint] {
        &self.points
    }

    /// Cutoff in km.
    pub fn cutoff_km(&self) -> f64 {
        self.cutoff_m / 1000.0
    }

    /// Cutoff in metres.
    pub fn cutoff_m(&self) -> f64 {
        self.cutoff_m
    }

    /// Index of the nearest point within the cutoff (and inside the hull,
    /// if any). Ties go to the lower place id, so the answer is
    /// deterministic.
    pub fn nearest(&self, at: Point<f64>) -> Option<usize> {
        if let Some(h) = &self.hull {
            if !h.intersects(&at) {
                return None;
            }
        }
        // A cheap bound first: one degree of latitude is at least 110.5 km,
        // one of longitude at least 110.5·cos(lat) km.
        let dlat_max = self.cutoff_m / 110_500.0 + 1e-9;
        let coslat = at.y().to_radians().cos().max(1e-6);
        let dlon_max = dlat_max / coslat;
        // Then a spherical distance, within 1% of the geodesic one (the
        // ellipsoid's radii of curvature differ from the mean radius by
        // under 0.6%): only a place whose lower bound beats every upper
        // bound, and the cutoff, can be the nearest, so only those get the
        // exact (and costly) geodesic distance. The answer is the same as
        // measuring every place exactly.
        let mut cands: Vec<(f64, usize)> = Vec::new();
        let mut best_upper = f64::INFINITY;
        for (i, p) in self.points.iter().enumerate() {
            if (p.at.y() - at.y()).abs() > dlat_max || (p.at.x() - at.x()).abs() > dlon_max {
                continue;
            }
            let d = spherical_m(at, p.at);
            if d * LOWER > self.cutoff_m + SLACK_M {
                continue;
            }
            best_upper = best_upper.min(d * UPPER + SLACK_M);
            cands.push((d, i));
        }
        let mut best: Option<(f64, usize)> = None;
        for (approx, i) in cands {
            if approx * LOWER - SLACK_M > best_upper {
                continue;
            }
            let d = Geodesic.distance(at, self.points[i].at);
            if d <= self.cutoff_m && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// The controller at a point, or `None` when unknown.
    pub fn controller_at(&self, at: Point<f64>) -> Option<&str> {
        self.nearest(at).map(|i| self.points[i].controller.as_str())
    }
}

/// Bounds of the geodesic distance from the spherical one: within 1%, and
/// 1 m for rounding.
const LOWER: f64 = 0.99;
const UPPER: f64 = 1.01;
const SLACK_M: f64 = 1.0;

/// Great-circle distance in metres on the sphere of the WGS84 mean radius
/// (haversine).
fn spherical_m(a: Point<f64>, b: Point<f64>) -> f64 {
    const R: f64 = 6_371_008.8;
    let (la, lb) = (a.y().to_radians(), b.y().to_radians());
    let dlat = lb - la;
    let dlon = (b.x() - a.x()).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la.cos() * lb.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

/// The convex hull of the points, widened by `margin_m`: the hull of circles
/// (geodesic, [`MARGIN_VERTICES`]-gons) around every corner of the plain
/// hull, with vertices rounded to the output grid (six decimals) so the
/// areas clipped to it and the road points tested against it see the same
/// polygon. `None` without points.
fn widened_hull(points: &[ControlPoint], margin_m: f64) -> Option<Polygon<f64>> {
    if points.is_empty() {
        return None;
    }
    let corners = MultiPoint(points.iter().map(|p| p.at).collect()).convex_hull();
    let g = geographiclib_rs::Geodesic::wgs84();
    let mut ring: Vec<Point<f64>> = Vec::new();
    for c in corners.exterior().0.iter() {
        for k in 0..MARGIN_VERTICES {
            let azi = 360.0 * k as f64 / MARGIN_VERTICES as f64;
            let (lat, lon): (f64, f64) = g.direct(c.y, c.x, azi, margin_m.max(1.0));
            ring.push(Point::new(
                (lon * 1e6).round() / 1e6,
                (lat * 1e6).round() / 1e6,
            ));
        }
    }
    let h = MultiPoint(ring).convex_hull();
    let ext: Vec<Coord<f64>> = h.exterior().0.clone();
    Some(Polygon::new(geo::LineString(ext), vec![]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift), so the test needs no
    /// dependency and sees the same points every run.
    fn next(s: &mut u64) -> f64 {
        *s ^= *s << 13;
        *s ^= *s >> 7;
        *s ^= *s << 17;
        (*s >> 11) as f64 / (1u64 << 53) as f64
    }

    /// The pruned search gives the place an exhaustive geodesic search
    /// gives, at every latitude a theater can have, ties included.
    #[test]
    fn nearest_matches_exhaustive_geodesic_search() {
        let d: Date = "2020-01-01".parse().unwrap();
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for lat0 in [-70.0, -35.0, 0.0, 35.8, 60.0, 78.0] {
            let mut pts: Vec<ControlPoint> = (0..300)
                .map(|k| ControlPoint {
                    place: format!("p{k:03}"),
                    name: String::new(),
                    at: Point::new(36.0 + next(&mut s) * 1.5, lat0 + next(&mut s)),
                    controller: "a".into(),
                    since: d,
                    source: String::new(),
                    confidence: Confidence::Confirmed,
                })
                .collect();
            // Two places on the same spot: the lower id must win.
            let mut twin = pts[7].clone();
            twin.place = "p000a".into();
            pts.push(twin);
            let f = ControlField::new(pts, 30.0);
            for _ in 0..600 {
                let q = Point::new(35.9 + next(&mut s) * 1.7, lat0 - 0.1 + next(&mut s) * 1.2);
                let mut best: Option<(f64, usize)> = None;
                for (i, p) in f.points().iter().enumerate() {
                    let dist = Geodesic.distance(q, p.at);
                    if dist <= f.cutoff_m() && best.is_none_or(|(bd, _)| dist < bd) {
                        best = Some((dist, i));
                    }
                }
                assert_eq!(f.nearest(q), best.map(|(_, i)| i), "at {q:?}");
            }
        }
    }
}
