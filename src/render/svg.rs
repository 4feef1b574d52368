//! Small SVG writing helpers: path data.

use super::Frame;
use geo::{LineString, MultiLineString, MultiPolygon};
use std::fmt::Write;

fn ring(d: &mut String, f: &Frame, l: &LineString<f64>, close: bool) {
    let mut last: Option<(f64, f64)> = None;
    let n = l.0.len();
    for (i, c) in l.0.iter().enumerate() {
        let (x, y) = f.xy(c.x, c.y);
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
