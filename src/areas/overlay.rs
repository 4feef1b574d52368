//! Polygon overlay on a micro-degree integer grid.
//!
//! Outputs carry six decimals. Rounding a valid float polygon to six decimals
//! can make it invalid (two nearly touching edges cross), so frontline
//! rounds first and then unions and clips with i_overlay's integer API
//! (snap rounding, OGC-valid output): the result is valid exactly as
//! written, and neighbouring areas share their vertices bit for bit.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use i_overlay::core::fill_rule::FillRule;
use i_overlay::core::overlay::{IntOverlayOptions, Overlay};
use i_overlay::core::overlay_rule::OverlayRule;
use i_overlay::core::solver::Solver;
use i_overlay::i_float::int::point::IntPoint;

/// A ring on the grid, not closed.
pub type Ring = Vec<IntPoint>;
/// Polygons on the grid: outer ring first, then holes.
pub type Shapes = Vec<Vec<Ring>>;

const SCALE: f64 = 1e6;

/// lon/lat to the micro-degree grid.
pub fn to_grid(c: Coord<f64>) -> IntPoint {
    IntPoint::new((c.x * SCALE).round() as i32, (c.y * SCALE).round() as i32)
}

/// A ring of lon/lat coordinates on the grid, repeated points dropped.
pub fn ring(coords: impl IntoIterator<Item = Coord<f64>>) -> Ring {
    let mut r: Ring = Vec::new();
    for c in coords {
        let p = to_grid(c);
        if r.last() != Some(&p) {
            r.push(p);
        }
    }
    while r.len() > 1 && r.first() == r.last() {
        r.pop();
    }
    r
}

fn run(subj: &[Ring], clip: &[Ring], rule: OverlayRule, fill: FillRule) -> Shapes {
    Overlay::with_contours_custom(subj, clip, IntOverlayOptions::ogc(), Solver::default())
        .overlay(rule, fill)
}

/// The union of rings (any orientation, overlaps allowed).
pub fn union(rings: &[Ring]) -> Shapes {
    run(rings, &[], OverlayRule::Subject, FillRule::NonZero)
}

/// Normalise rings with even-odd filling (outer rings and holes of any
/// orientation, as outlines come from other tools).
pub fn normalise(rings: &[Ring]) -> Shapes {
    run(rings, &[], OverlayRule::Subject, FillRule::EvenOdd)
}

/// Every ring of the shapes.
pub fn rings(shapes: &Shapes) -> Vec<Ring> {
    shapes.iter().flatten().cloned().collect()
}

/// The part of `a` inside `b`; both must be normalised (outer rings
/// counter-clockwise, holes clockwise), as [`union`] and [`normalise`] give.
pub fn intersect(a: &Shapes, b: &Shapes) -> Shapes {
    run(
        &rings(a),
        &rings(b),
        OverlayRule::Intersect,
        FillRule::NonZero,
    )
}

/// Back to lon/lat polygons (closed rings, outer counter-clockwise).
pub fn to_geo(shapes: &Shapes) -> MultiPolygon<f64> {
    let ls = |r: &Ring| {
        let mut v: Vec<Coord<f64>> = r
            .iter()
            .map(|p| Coord {
                x: p.x as f64 / SCALE,
                y: p.y as f64 / SCALE,
            })
            .collect();
        v.push(v[0]);
        LineString(v)
    };
    MultiPolygon(
        shapes
            .iter()
            .filter(|s| !s.is_empty() && s[0].len() >= 3)
            .map(|s| {
                Polygon::new(
                    ls(&s[0]),
                    s[1..].iter().filter(|r| r.len() >= 3).map(ls).collect(),
                )
            })
            .collect(),
    )
}
