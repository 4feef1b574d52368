//! The map projection: equirectangular with true scale at the centre
//! latitude.
//!
//! `x = (lon − west) · cos φ0 · s`, `y = (north − lat) · s`, where φ0 is the
//! latitude of the middle of the bounding box and `s` pixels per degree of
//! latitude. Shapes keep their proportions near φ0 (the aspect ratio is
//! exact there); at ±1° from it, east–west distances are off by about 1.3 %.
//! The scale bar is true at φ0.

/// Mean Earth radius (IUGG), km: one degree of arc is 111.195 km.
const KM_PER_DEG: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// A bounding box drawn into a pixel frame.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// West, south, east, north, degrees.
    pub bbox: [f64; 4],
    /// Width and height, px.
    pub width: f64,
    /// Height, px, from the width and the bbox's true aspect ratio.
    pub height: f64,
    k: f64,
    s: f64,
}

impl Frame {
    /// A frame `width` px wide showing `bbox` (W, S, E, N).
    ///
    /// ```
    /// use frontline::render::Frame;
    /// // One degree square at 60°N is twice as tall as wide.
    /// let f = Frame::new([10.0, 59.5, 11.0, 60.5], 500.0);
    /// assert!((f.height - 1000.0).abs() < 1.0);
    /// ```
    pub fn new(bbox: [f64; 4], width: f64) -> Frame {
        let [w, s, e, n] = bbox;
        let k = ((s + n) / 2.0).to_radians().cos();
        let scale = width / ((e - w) * k);
        Frame {
            bbox,
            width,
            height: ((n - s) * scale).round(),
            k,
            s: scale,
        }
    }

    /// Pixel position of lon/lat.
    pub fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.bbox[0]) * self.k * self.s,
            (self.bbox[3] - lat) * self.s,
        )
    }

    /// Pixels per km at the centre latitude.
    pub fn px_per_km(&self) -> f64 {
        self.s / KM_PER_DEG
    }
}
