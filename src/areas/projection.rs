//! A local azimuthal equidistant projection on the WGS84 ellipsoid.
//!
//! Control cells are built in a plane. To keep that plane faithful to the
//! geodesic distances the road model uses, frontline projects with an
//! azimuthal equidistant projection centred on the theater: a point maps to
//! `(s·sin α, s·cos α)` metres, where `s` and `α` are the geodesic distance
//! and azimuth from the centre (Karney's algorithm via `geographiclib-rs`).
//! Distances from the centre are exact; between two other points within
//! 250 km of it they are off by less than 0.1 %.

use geo::{Coord, Point};
use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};

/// Forward and inverse azimuthal equidistant projection about a centre.
///
/// ```
/// use frontline::areas::LocalProjection;
/// use geo::Point;
/// let p = LocalProjection::new(Point::new(36.6, 35.8));
/// let xy = p.forward(Point::new(36.7, 35.9));
/// let back = p.inverse(xy);
/// assert!((back.x() - 36.7).abs() < 1e-9 && (back.y() - 35.9).abs() < 1e-9);
/// ```
#[derive(Debug, Clone)]
pub struct LocalProjection {
    center: Point<f64>,
    geod: Geodesic,
}

impl LocalProjection {
    /// A projection centred on `center` (x = lon, y = lat).
    pub fn new(center: Point<f64>) -> LocalProjection {
        LocalProjection {
            center,
            geod: Geodesic::wgs84(),
        }
    }

    /// The centre.
    pub fn center(&self) -> Point<f64> {
        self.center
    }

    /// Lon/lat to metres east and north of the centre.
    pub fn forward(&self, p: Point<f64>) -> Coord<f64> {
        let (s, azi, _, _): (f64, f64, f64, f64) =
            self.geod
                .inverse(self.center.y(), self.center.x(), p.y(), p.x());
        let a = azi.to_radians();
        Coord {
            x: s * a.sin(),
            y: s * a.cos(),
        }
    }

    /// Metres east and north of the centre back to lon/lat.
    pub fn inverse(&self, c: Coord<f64>) -> Point<f64> {
        let s = c.x.hypot(c.y);
        if s == 0.0 {
            return self.center;
        }
        let azi = c.x.atan2(c.y).to_degrees();
        let (lat, lon): (f64, f64) = self.geod.direct(self.center.y(), self.center.x(), azi, s);
        Point::new(lon, lat)
    }
}
