//! Voronoi cells cut to a cutoff disc, by half-plane clipping.
//!
//! The cell of site `i` is the set of points closer to `i` than to any other
//! site and within the cutoff of `i`. It is convex, so it is built by
//! starting from the disc (a regular polygon) and clipping it by the
//! perpendicular bisector of each neighbour, nearest first, stopping once a
//! neighbour is too far away to cut the cell. Every edge remembers where it
//! came from (the disc, or the bisector with site `j`), which is how the
//! front line is found: an edge between two sites of different controllers.

use geo::Coord;
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Where an edge of a cell comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The cutoff circle.
    Disc,
    /// The perpendicular bisector with this site.
    Site(usize),
}

/// A convex cell: vertices counter-clockwise; `edges[k]` is the origin of the
/// edge from `vertices[k]` to `vertices[k + 1]` (wrapping).
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// Vertices, counter-clockwise, not closed.
    pub vertices: Vec<Coord<f64>>,
    /// Origin of each edge.
    pub edges: Vec<Edge>,
}

/// Number of vertices of the cutoff circle. The polygon's edges stay within
/// 5 m of the true circle at a 15 km cutoff.
pub const DISC_VERTICES: usize = 128;

/// The cell of every site. `sites` are projected coordinates in metres;
/// `radius` is the cutoff in metres. When two sites coincide, the first one
/// keeps the cell and the other gets an empty one (the road model breaks the
/// tie the same way).
///
/// ```
/// use frontline::areas::cells::{cells, Edge};
/// use geo::Coord;
/// let c = cells(&[Coord { x: 0.0, y: 0.0 }, Coord { x: 10.0, y: 0.0 }], 100.0);
/// // Site 0's cell ends at x = 5 on the bisector with site 1.
/// let max_x = c[0].vertices.iter().map(|v| v.x).fold(f64::MIN, f64::max);
/// assert!((max_x - 5.0).abs() < 1e-9);
/// assert!(c[0].edges.contains(&Edge::Site(1)));
/// ```
pub fn cells(sites: &[Coord<f64>], radius: f64) -> Vec<Cell> {
    let grid = Grid::new(sites, 2.0 * radius);
    let reach = 2.0 * radius;
    // Neighbours are clipped in (distance, index) order, nearest first, and
    // the search stops once no farther site can cut the cell: a bisector at
    // distance d/2 cannot cut a cell whose farthest vertex is nearer than
    // d/2. The grid hands out neighbours ring by ring, so a cell costs about
    // its own neighbours, not every site within twice the cutoff.
    let unit = unit_circle();
    let one = |pending: &mut BinaryHeap<Reverse<(u64, usize)>>, i: usize| -> Cell {
        let s = sites[i];
        pending.clear();
        let (bx, by) = grid.bucket(s);
        let mut empty = false;
        let mut cell = disc(s, radius, &unit);
        let mut r2max = radius * radius;
        let mut k = 0usize;
        'rings: loop {
            for j in grid.ring(bx, by, k) {
                if j == i {
                    continue;
                }
                let o = sites[j];
                let d2 = (o.x - s.x).powi(2) + (o.y - s.y).powi(2);
                if d2 == 0.0 {
                    // Coincident sites: the first keeps the cell. They share
                    // a bucket, so ring 0 finds them before any clipping.
                    if j < i {
                        empty = true;
                        break 'rings;
                    }
                    continue;
                }
                if d2 <= reach * reach {
                    pending.push(Reverse((d2.to_bits(), j)));
                }
            }
            // Every site not yet seen is farther than `seen` (a small margin
            // covers rounding in the bucket of a site on a bucket edge).
            let seen = (k as f64 - 0.01) * grid.size;
            let all_seen = seen > reach;
            let safe = if all_seen {
                f64::INFINITY
            } else {
                seen.max(0.0).powi(2)
            };
            while let Some(&Reverse((bits, j))) = pending.peek() {
                let d2 = f64::from_bits(bits);
                if d2 >= safe {
                    break;
                }
                pending.pop();
                if d2 / 4.0 > r2max {
                    break 'rings;
                }
                clip(&mut cell, sites, i, j, radius);
                if cell.vertices.is_empty() {
                    break 'rings;
                }
                r2max = cell
                    .vertices
                    .iter()
                    .map(|v| (v.x - s.x).powi(2) + (v.y - s.y).powi(2))
                    .fold(0.0, f64::max);
            }
            // Whatever is left, seen or not, is at least `safe` away.
            if all_seen || safe / 4.0 > r2max {
                break;
            }
            k += 1;
        }
        if empty {
            Cell::default()
        } else {
            cell
        }
    };
    // Sites are independent: on all cores, results in site order.
    (0..sites.len())
        .into_par_iter()
        .map_init(BinaryHeap::new, one)
        .collect()
}

/// Sites bucketed on a square grid (compressed rows), about one site per
/// bucket where they are dense.
struct Grid {
    x0: f64,
    y0: f64,
    size: f64,
    nx: usize,
    ny: usize,
    /// `start[b]..start[b + 1]` indexes `items` for bucket `b`.
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Grid {
    fn new(sites: &[Coord<f64>], reach: f64) -> Grid {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for s in sites {
            (x0, y0, x1, y1) = (x0.min(s.x), y0.min(s.y), x1.max(s.x), y1.max(s.y));
        }
        let n = sites.len().max(1);
        let spacing = ((x1 - x0) * (y1 - y0) / n as f64).sqrt();
        let mut size = if spacing.is_finite() && spacing > 0.0 {
            spacing.clamp(reach / 32.0, reach)
        } else {
            reach
        };
        if !(size.is_finite() && size > 0.0) {
            size = 1.0;
        }
        let dims = |size: f64| {
            if sites.is_empty() {
                return (1, 1);
            }
            (
                ((x1 - x0) / size) as usize + 1,
                ((y1 - y0) / size) as usize + 1,
            )
        };
        while dims(size).0.saturating_mul(dims(size).1) > 4 * n + 1024 {
            size *= 2.0;
        }
        let (nx, ny) = dims(size);
        let mut g = Grid {
            x0,
            y0,
            size,
            nx,
            ny,
            start: vec![0; nx * ny + 1],
            items: vec![0; sites.len()],
        };
        let ids: Vec<usize> = sites
            .iter()
            .map(|&s| {
                let (bx, by) = g.bucket(s);
                by * nx + bx
            })
            .collect();
        for &b in &ids {
            g.start[b + 1] += 1;
        }
        for b in 0..nx * ny {
            g.start[b + 1] += g.start[b];
        }
        let mut fill = g.start.clone();
        for (i, &b) in ids.iter().enumerate() {
            g.items[fill[b]] = i;
            fill[b] += 1;
        }
        g
    }

    fn bucket(&self, s: Coord<f64>) -> (usize, usize) {
        let c = |v: f64, o: f64, n: usize| (((v - o) / self.size).max(0.0) as usize).min(n - 1);
        (c(s.x, self.x0, self.nx), c(s.y, self.y0, self.ny))
    }

    /// The sites in the buckets at Chebyshev distance `k` from `(bx, by)`.
    fn ring(&self, bx: usize, by: usize, k: usize) -> impl Iterator<Item = usize> + '_ {
        let (bx, by, k) = (bx as i64, by as i64, k as i64);
        let (nx, ny) = (self.nx as i64, self.ny as i64);
        (by - k..=by + k)
            .filter(move |&y| (0..ny).contains(&y))
            .flat_map(move |y| {
                let edge = y == by - k || y == by + k;
                let step = if edge || k == 0 { 1 } else { 2 * k };
                (bx - k..=bx + k)
                    .step_by(step as usize)
                    .filter(move |&x| (0..nx).contains(&x))
                    .map(move |x| (y * nx + x) as usize)
            })
            .flat_map(move |b| self.items[self.start[b]..self.start[b + 1]].iter().copied())
    }
}

/// (cos, sin) of the disc's vertex angles.
fn unit_circle() -> Vec<(f64, f64)> {
    let n = DISC_VERTICES;
    (0..n)
        .map(|k| {
            let a = std::f64::consts::TAU * k as f64 / n as f64;
            (a.cos(), a.sin())
        })
        .collect()
}

fn disc(c: Coord<f64>, r: f64, unit: &[(f64, f64)]) -> Cell {
    let n = DISC_VERTICES;
    let vertices = unit
        .iter()
        .map(|&(cos, sin)| Coord {
            x: c.x + r * cos,
            y: c.y + r * sin,
        })
        .collect();
    Cell {
        vertices,
        edges: vec![Edge::Disc; n],
    }
}

/// Keep the part of `cell` (of site `i`) closer to `i` than to `j`
/// (Sutherland–Hodgman against one half-plane, exact for a convex cell).
///
/// New vertices are computed from the sites alone, in a canonical order, so
/// that two neighbouring cells get bit-identical shared vertices: where the
/// bisector crosses the bisector with `k`, the circumcentre of the sorted
/// triple; where it crosses the cutoff circle, the point on the bisector at
/// the cutoff distance from the sorted pair's midpoint.
fn clip(cell: &mut Cell, sites: &[Coord<f64>], i: usize, j: usize, radius: f64) {
    let (s, o) = (sites[i], sites[j]);
    // Inside: (o - s)·(p - m) <= 0, m the midpoint.
    let m = Coord {
        x: (s.x + o.x) / 2.0,
        y: (s.y + o.y) / 2.0,
    };
    let n = Coord {
        x: o.x - s.x,
        y: o.y - s.y,
    };
    let f = |p: Coord<f64>| n.x * (p.x - m.x) + n.y * (p.y - m.y);
    let len = cell.vertices.len();
    let vals: Vec<f64> = cell.vertices.iter().map(|&p| f(p)).collect();
    if vals.iter().all(|&v| v <= 0.0) {
        return;
    }
    let mut verts = Vec::with_capacity(len + 1);
    let mut edges = Vec::with_capacity(len + 1);
    for k in 0..len {
        let (p, q) = (cell.vertices[k], cell.vertices[(k + 1) % len]);
        let (fp, fq) = (vals[k], vals[(k + 1) % len]);
        let t = cell.edges[k];
        let cross = || {
            let u = fp / (fp - fq);
            let approx = Coord {
                x: p.x + u * (q.x - p.x),
                y: p.y + u * (q.y - p.y),
            };
            match t {
                Edge::Site(k) => circumcentre(sites, i, j, k).unwrap_or(approx),
                Edge::Disc => on_circle(sites, i, j, radius, approx),
            }
        };
        match (fp <= 0.0, fq <= 0.0) {
            (true, true) => {
                verts.push(p);
                edges.push(t);
            }
            (true, false) => {
                verts.push(p);
                edges.push(t);
                if fp < 0.0 {
                    verts.push(cross());
                    edges.push(Edge::Site(j));
                } else {
                    // p lies on the line: the bisector starts here.
                    *edges.last_mut().expect("just pushed") = Edge::Site(j);
                }
            }
            (false, true) => {
                if fq < 0.0 {
                    verts.push(cross());
                    edges.push(t);
                }
            }
            (false, false) => {}
        }
    }
    if verts.len() < 3 {
        verts.clear();
        edges.clear();
    }
    cell.vertices = verts;
    cell.edges = edges;
}

/// The point equidistant from three sites, computed from the sites in index
/// order so every cell that meets there gets the same bits.
fn circumcentre(sites: &[Coord<f64>], i: usize, j: usize, k: usize) -> Option<Coord<f64>> {
    let mut t = [i, j, k];
    t.sort_unstable();
    let (a, b, c) = (sites[t[0]], sites[t[1]], sites[t[2]]);
    let (bx, by) = (b.x - a.x, b.y - a.y);
    let (cx, cy) = (c.x - a.x, c.y - a.y);
    let d = 2.0 * (bx * cy - by * cx);
    if d.abs() < 1e-12 * (bx * bx + by * by + cx * cx + cy * cy) {
        return None;
    }
    let (b2, c2) = (bx * bx + by * by, cx * cx + cy * cy);
    Some(Coord {
        x: a.x + (cy * b2 - by * c2) / d,
        y: a.y + (bx * c2 - cx * b2) / d,
    })
}

/// Of the two points on the bisector of `i` and `j` at distance `r` from
/// both, the one nearer `approx`; computed from the pair in index order.
fn on_circle(sites: &[Coord<f64>], i: usize, j: usize, r: f64, approx: Coord<f64>) -> Coord<f64> {
    let (a, b) = if i < j {
        (sites[i], sites[j])
    } else {
        (sites[j], sites[i])
    };
    let m = Coord {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    };
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let d = dx.hypot(dy);
    let h2 = r * r - d * d / 4.0;
    if h2 <= 0.0 || d == 0.0 {
        return approx;
    }
    let h = h2.sqrt() / d;
    let p1 = Coord {
        x: m.x - dy * h,
        y: m.y + dx * h,
    };
    let p2 = Coord {
        x: m.x + dy * h,
        y: m.y - dx * h,
    };
    let d1 = (p1.x - approx.x).powi(2) + (p1.y - approx.y).powi(2);
    let d2 = (p2.x - approx.x).powi(2) + (p2.y - approx.y).powi(2);
    if d1 <= d2 {
        p1
    } else {
        p2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain algorithm: every site within twice the cutoff, sorted by
    /// (distance, index), clipped nearest first.
    fn cells_by_sorting(sites: &[Coord<f64>], radius: f64) -> Vec<Cell> {
        let reach = 2.0 * radius;
        let mut out = Vec::new();
        for (i, &s) in sites.iter().enumerate() {
            let mut near = Vec::new();
            let mut empty = false;
            for (j, &o) in sites.iter().enumerate() {
                let d2 = (o.x - s.x).powi(2) + (o.y - s.y).powi(2);
                if j == i || (d2 == 0.0 && j > i) {
                    continue;
                }
                if d2 == 0.0 {
                    empty = true;
                    break;
                }
                if d2 <= reach * reach {
                    near.push((d2, j));
                }
            }
            if empty {
                out.push(Cell::default());
                continue;
            }
            near.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let mut cell = disc(s, radius, &unit_circle());
            let mut r2max = radius * radius;
            for &(d2, j) in &near {
                if d2 / 4.0 > r2max {
                    break;
                }
                clip(&mut cell, sites, i, j, radius);
                if cell.vertices.is_empty() {
                    break;
                }
                r2max = cell
                    .vertices
                    .iter()
                    .map(|v| (v.x - s.x).powi(2) + (v.y - s.y).powi(2))
                    .fold(0.0, f64::max);
            }
            out.push(cell);
        }
        out
    }

    #[test]
    fn the_grid_search_gives_the_same_bits_as_sorting_every_neighbour() {
        let mut seed = 3u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        // Dense, sparse and clustered sites, with coincident ones and sites
        // on a lattice (ties in distance).
        for (n, w) in [(400, 60_000.0), (300, 400_000.0), (50, 5_000.0)] {
            let mut sites: Vec<Coord<f64>> = (0..n)
                .map(|_| Coord {
                    x: w * next(),
                    y: 0.7 * w * next(),
                })
                .collect();
            sites.extend((0..40).map(|k| Coord {
                x: 3_000.0 * (k % 7) as f64,
                y: 3_000.0 * (k / 7) as f64,
            }));
            sites.push(sites[5]);
            sites.insert(0, sites[9]);
            let (a, b) = (cells(&sites, 15_000.0), cells_by_sorting(&sites, 15_000.0));
            for (i, (x, y)) in a.iter().zip(&b).enumerate() {
                assert_eq!(x.vertices, y.vertices, "site {i} of {n}");
                assert_eq!(x.edges, y.edges, "site {i} of {n}");
            }
        }
    }

    fn area(c: &Cell) -> f64 {
        let v = &c.vertices;
        (0..v.len())
            .map(|k| {
                let (a, b) = (v[k], v[(k + 1) % v.len()]);
                a.x * b.y - b.x * a.y
            })
            .sum::<f64>()
            / 2.0
    }

    #[test]
    fn cells_tile_the_union_of_discs_without_overlap() {
        // Four sites on a square, far inside each other's cutoff: the four
        // cells are the four quadrants of the disc intersection, and their
        // areas add up to the area of the union of the discs.
        let s = [
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 10.0, y: 0.0 },
            Coord { x: 0.0, y: 10.0 },
            Coord { x: 10.0, y: 10.0 },
        ];
        let c = cells(&s, 1000.0);
        let a: Vec<f64> = c.iter().map(area).collect();
        assert!(a.iter().all(|&x| x > 0.0), "counter-clockwise, non-empty");
        // By symmetry all four are equal.
        for x in &a {
            assert!((x - a[0]).abs() < 1e-6 * a[0]);
        }
        // Site 0's cell is bounded by x <= 5 and y <= 5.
        for v in &c[0].vertices {
            assert!(v.x <= 5.0 + 1e-9 && v.y <= 5.0 + 1e-9);
        }
    }

    #[test]
    fn neighbours_share_their_vertices_bit_for_bit() {
        // Irregular sites: every vertex of a bisector edge of cell i must
        // appear, with the same bits, in the cell across that edge.
        let s = [
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 7.3, y: 1.9 },
            Coord { x: 2.2, y: 8.1 },
            Coord { x: 9.7, y: 9.4 },
            Coord { x: 4.4, y: 4.9 },
        ];
        let c = cells(&s, 6.0);
        for (i, ci) in c.iter().enumerate() {
            let n = ci.vertices.len();
            for k in 0..n {
                let Edge::Site(j) = ci.edges[k] else { continue };
                for v in [ci.vertices[k], ci.vertices[(k + 1) % n]] {
                    assert!(
                        c[j].vertices
                            .iter()
                            .any(|w| w.x.to_bits() == v.x.to_bits()
                                && w.y.to_bits() == v.y.to_bits()),
                        "cell {i} vertex {v:?} missing from cell {j}"
                    );
                }
            }
        }
    }

    #[test]
    fn far_sites_keep_their_whole_disc() {
        let c = cells(&[Coord { x: 0.0, y: 0.0 }, Coord { x: 50.0, y: 0.0 }], 10.0);
        assert_eq!(c[0].vertices.len(), DISC_VERTICES);
        assert!(c[0].edges.iter().all(|e| *e == Edge::Disc));
    }

    #[test]
    fn coincident_sites_leave_the_cell_to_the_first() {
        let p = Coord { x: 1.0, y: 1.0 };
        let c = cells(&[p, p], 10.0);
        assert!(!c[0].vertices.is_empty());
        assert!(c[1].vertices.is_empty());
    }
}
