//! Small SVG writing helpers: path data.

use super::Frame;
use geo::{LineString, MultiLineString, MultiPolygon};
use std::fmt::Write;

fn ring(d: &mut String, f: &Frame, l: &LineString<f64>, close: bool) {
    write_px(d, l.0.iter().map(|c| f.xy(c.x, c.y)), close);
}

/// Path data for a line in pixels.
fn write_px(d: &mut String, pts: impl ExactSizeIterator<Item = (f64, f64)>, close: bool) {
    let mut last: Option<(f64, f64)> = None;
    let n = pts.len();
    for (i, (x, y)) in pts.enumerate() {
        // Drop vertices less than half a pixel from the previous one
        // (but keep the last, so lines reach their ends).
        if let Some((lx, ly)) = last {
            if (x - lx).abs() < 0.5 && (y - ly).abs() < 0.5 && i + 1 < n {
                continue;
            }
        }
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if last.is_none() { 'M' } else { 'L' },
            x,
            y
        );
        last = Some((x, y));
    }
    if close && last.is_some() {
        d.push('Z');
    }
}

/// Path data for polygons (use with `fill-rule="evenodd"`).
pub fn polygons(f: &Frame, mp: &MultiPolygon<f64>) -> String {
    let mut d = String::new();
    for p in mp {
        ring(&mut d, f, p.exterior(), true);
        for r in p.interiors() {
            ring(&mut d, f, r, true);
        }
    }
    d
}

/// Path data for lines.
pub fn lines(f: &Frame, ml: &MultiLineString<f64>) -> String {
    let mut d = String::new();
    for l in ml {
        ring(&mut d, f, l, false);
    }
    d
}

/// Path data for the rings of polygons drawn as lines (outlines), keeping
/// only the runs of segments that come within `margin` px of the frame:
/// a dashed outline of a whole country is dashed along its whole length,
/// most of it off the map.
pub fn outlines_in_frame(f: &Frame, mp: &MultiPolygon<f64>, margin: f64) -> String {
    let (x0, y0, x1, y1) = (-margin, -margin, f.width + margin, f.height + margin);
    let near = |a: (f64, f64), b: (f64, f64)| {
        a.0.max(b.0) >= x0 && a.0.min(b.0) <= x1 && a.1.max(b.1) >= y0 && a.1.min(b.1) <= y1
    };
    let mut d = String::new();
    let rings = mp
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()));
    for r in rings {
        let px: Vec<(f64, f64)> = r.0.iter().map(|c| f.xy(c.x, c.y)).collect();
        if px.windows(2).all(|w| near(w[0], w[1])) {
            // Wholly on the map: a closed ring, joined at its start.
            write_px(&mut d, px.into_iter(), true);
            continue;
        }
        let mut run: Vec<(f64, f64)> = Vec::new();
        for w in px.windows(2) {
            if near(w[0], w[1]) {
                if run.is_empty() {
                    run.push(w[0]);
                }
                run.push(w[1]);
            } else if !run.is_empty() {
                write_px(&mut d, run.drain(..), false);
            }
        }
        if !run.is_empty() {
            write_px(&mut d, run.drain(..), false);
        }
    }
    d
}
