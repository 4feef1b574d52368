//! The nearest-place rule, shared by road control and control areas.
//!
//! A point is held by whoever holds the nearest place with known control on
//! that day, measured by geodesic distance on the WGS84 ellipsoid, if that
//! place is within the cutoff; otherwise the point is unknown.

use crate::date::Date;
use crate::events::Confidence;
use crate::factions::Controller;
use geo::{Distance, Geodesic, Point};

/// Default cutoff, km.
pub const DEFAULT_CUTOFF_KM: f64 = 15.0;

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
}

impl ControlField {
    /// From control points and a cutoff in km.
    pub fn new(mut points: Vec<ControlPoint>, cutoff_km: f64) -> ControlField {
        points.sort_by(|a, b| a.place.cmp(&b.place));
        ControlField {
            points,
            cutoff_m: cutoff_km * 1000.0,
        }
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

    /// Index of the nearest point within the cutoff. Ties go to the lower
    /// place id, so the answer is deterministic.
    pub fn nearest(&self, at: Point<f64>) -> Option<usize> {
        // A cheap bound first: one degree of latitude is at least 110.5 km,
        // one of longitude at least 110.5·cos(lat) km.
        let dlat_max = self.cutoff_m / 110_500.0 + 1e-9;
        let coslat = at.y().to_radians().cos().max(1e-6);
        let dlon_max = dlat_max / coslat;
        let mut best: Option<(f64, usize)> = None;
        for (i, p) in self.points.iter().enumerate() {
            if (p.at.y() - at.y()).abs() > dlat_max || (p.at.x() - at.x()).abs() > dlon_max {
                continue;
            }
            let d = Geodesic.distance(at, p.at);
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
