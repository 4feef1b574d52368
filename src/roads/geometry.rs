//! Geodesic measures along a LineString.

use geo::{Distance, Geodesic, InterpolatePoint, LineString, Point};

/// Geodesic length in km.
///
/// ```
/// use frontline::roads::line_km;
/// use geo::line_string;
/// // one degree of latitude at the equator is about 110.57 km
/// let l = line_string![(x: 0.0, y: 0.0), (x: 0.0, y: 1.0)];
/// assert!((line_km(&l) - 110.57).abs() < 0.01);
/// ```
pub fn line_km(l: &LineString<f64>) -> f64 {
    l.lines()
        .map(|s| Geodesic.distance(Point::from(s.start), Point::from(s.end)))
        .sum::<f64>()
        / 1000.0
}

/// The point `km` along the line (clamped to its ends).
pub fn point_at_km(l: &LineString<f64>, km: f64) -> Point<f64> {
    let mut left = km.max(0.0) * 1000.0;
    for s in l.lines() {
        let (a, b) = (Point::from(s.start), Point::from(s.end));
        let d = Geodesic.distance(a, b);
        if left <= d {
            return if d == 0.0 {
                a
            } else {
                Geodesic.point_at_distance_between(a, b, left)
            };
        }
        left -= d;
    }
    l.0.last().map_or(Point::new(0.0, 0.0), |c| Point::from(*c))
}

/// A line with its segments' geodesic lengths measured once, for many
/// [`point_at_km`] look-ups along it (a road's control is sampled every
/// 500 m: measuring every segment up to each sample made that quadratic in
/// the line's vertices). The answers are bit-identical to [`point_at_km`]:
/// the same lengths are subtracted in the same order.
#[derive(Debug, Clone)]
pub struct MeasuredLine<'a> {
    line: &'a LineString<f64>,
    segments: Vec<f64>,
}

impl<'a> MeasuredLine<'a> {
    /// Measure every segment of `line`.
    pub fn new(line: &'a LineString<f64>) -> MeasuredLine<'a> {
        let segments = line
            .lines()
            .map(|s| Geodesic.distance(Point::from(s.start), Point::from(s.end)))
            .collect();
        MeasuredLine { line, segments }
    }

    /// Geodesic length in km, as [`line_km`].
    pub fn km(&self) -> f64 {
        self.segments.iter().sum::<f64>() / 1000.0
    }

    /// [`point_at_km`] on the line.
    ///
    /// ```
    /// use frontline::roads::{point_at_km, MeasuredLine};
    /// use geo::line_string;
    /// let l = line_string![(x: 36.0, y: 35.0), (x: 36.3, y: 35.2), (x: 36.9, y: 35.1)];
    /// let m = MeasuredLine::new(&l);
    /// for km in [-1.0, 0.0, 12.5, 40.0, 80.0, 1e3] {
    ///     assert_eq!(m.point_at_km(km), point_at_km(&l, km));
    /// }
    /// ```
    pub fn point_at_km(&self, km: f64) -> Point<f64> {
        let mut left = km.max(0.0) * 1000.0;
        for (s, &d) in self.line.lines().zip(&self.segments) {
            let (a, b) = (Point::from(s.start), Point::from(s.end));
            if left <= d {
                return if d == 0.0 {
                    a
                } else {
                    Geodesic.point_at_distance_between(a, b, left)
                };
            }
            left -= d;
        }
        self.line
            .0
            .last()
            .map_or(Point::new(0.0, 0.0), |c| Point::from(*c))
    }
}

/// The part of the line between `from_km` and `to_km` (geodesic, clamped).
///
/// ```
/// use frontline::roads::{line_km, sub_line};
/// use geo::line_string;
/// let l = line_string![(x: 0.0, y: 0.0), (x: 0.0, y: 1.0), (x: 0.0, y: 2.0)];
/// let s = sub_line(&l, 50.0, 150.0);
/// assert!((line_km(&s) - 100.0).abs() < 1e-6);
/// assert_eq!(s.0.len(), 3); // keeps the vertex at 1°N
/// ```
pub fn sub_line(l: &LineString<f64>, from_km: f64, to_km: f64) -> LineString<f64> {
    let (from, to) = (from_km.max(0.0) * 1000.0, to_km * 1000.0);
    let mut out = vec![point_at_km(l, from_km).0];
    let mut at = 0.0;
    for s in l.lines() {
        at += Geodesic.distance(Point::from(s.start), Point::from(s.end));
        if at > from && at < to {
            out.push(s.end);
        }
    }
    out.push(point_at_km(l, to_km).0);
    LineString(out)
}
