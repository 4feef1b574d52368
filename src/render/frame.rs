//! The map projection: equirectangular with true scale at the centre
//! latitude.
//!
//! `x = (lon − west) · cos φ0 · s`, `y = (north − lat) · s`, where φ0 is the
//! latitude of the middle of the bounding box and `s` pixels per degree of
//! latitude. Shapes keep their proportions near φ0 (the aspect ratio is
//! exact there); at ±1° from it, east–west distances are off by about 1.3 %.
//! The scale bar is true at φ0.

/// Parse a `--bbox` value `W,S,E,N` (degrees): four finite numbers with
/// -180 <= W < E <= 180 and -85 <= S < N <= 85.
///
/// ```
/// assert_eq!(frontline::render::parse_bbox("36,35,37,36.5"), Ok([36.0, 35.0, 37.0, 36.5]));
/// assert!(frontline::render::parse_bbox("37,35,36,36").is_err());
/// ```
pub fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    let v: Vec<f64> = s
        .splitn(5, ',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            format!(
                "`{}` is not four numbers W,S,E,N",
                crate::error::shorten(s, 80)
            )
        })?;
    let [w, so, e, n] = v[..] else {
        return Err(format!(
            "`{}` is not four numbers W,S,E,N",
            crate::error::shorten(s, 80)
        ));
    };
    if !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) || w >= e {
        return Err(format!(
            "`{}`: need -180 <= W < E <= 180",
            crate::error::shorten(s, 80)
        ));
    }
    if !(-85.0..=85.0).contains(&so) || !(-85.0..=85.0).contains(&n) || so >= n {
        return Err(format!(
            "`{}`: need -85 <= S < N <= 85",
            crate::error::shorten(s, 80)
        ));
    }
    Ok([w, so, e, n])
}

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

/// The largest map side, px, in either direction (a PNG of 8000 × 8000 takes
/// 256 MB while it is drawn).
pub const MAX_SIDE: f64 = 8000.0;

/// The smallest map side, px: room for the title, legend and scale bar.
pub const MIN_SIDE: f64 = 100.0;

impl Frame {
    /// Check that `bbox` drawn `width` px wide gives a height between
    /// [`MIN_SIDE`] and [`MAX_SIDE`]; the message says what to change.
    ///
    /// ```
    /// use frontline::render::Frame;
    /// assert!(Frame::check_size([36.0, 35.0, 37.0, 36.0], 1600).is_ok());
    /// // Half a degree wide, one tall: at most 3,256 px wide.
    /// let e = Frame::check_size([36.0, 35.0, 36.5, 36.0], 8000).unwrap_err();
    /// assert!(e.contains("--width 3256 or less"), "{e}");
    /// // A sliver 0.01° wide would be 980,000 px tall at 8000 px.
    /// assert!(Frame::check_size([36.7, 35.0, 36.71, 36.0], 8000).is_err());
    /// ```
    pub fn check_size(bbox: [f64; 4], width: u32) -> Result<(), String> {
        let f = Frame::new(bbox, f64::from(width));
        let [w, s, e, n] = bbox;
        let fmt = |x: f64| format!("{x}");
        let extent = format!("{},{},{},{}", fmt(w), fmt(s), fmt(e), fmt(n));
        if !f.height.is_finite() || f.height > MAX_SIDE {
            // The width that keeps the height within bounds, if any.
            let ok = (f64::from(width) * MAX_SIDE / f.height).floor();
            let fix = if ok >= 300.0 {
                format!("give --width {ok} or less, or a wider --bbox")
            } else {
                "give a wider --bbox (or a shorter one north to south)".to_string()
            };
            return Err(format!(
                "the map of {extent} at {width} px wide would be {:.0} px tall, more than {MAX_SIDE}: {fix}",
                f.height
            ));
        }
        if f.height < MIN_SIDE {
            return Err(format!(
                "the map of {extent} at {width} px wide would be only {:.0} px tall (at least {MIN_SIDE}): give a taller --bbox or a larger --width",
                f.height
            ));
        }
        Ok(())
    }

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
