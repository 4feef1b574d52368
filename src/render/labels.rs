//! Town labels that never overlap: placed in rank order, each at the first
//! free position around its marker; a label with no free position is
//! dropped.

/// An axis-aligned box, px.
#[derive(Debug, Clone, Copy)]
pub struct Box2 {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Box2 {
    fn overlaps(&self, o: &Box2) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// A label to place: text anchor point (the marker) and text size.
#[derive(Debug, Clone)]
pub struct Wanted {
    /// Marker centre, px.
    pub at: (f64, f64),
    /// Marker radius, px.
    pub r: f64,
    /// Text width and height, px.
    pub size: (f64, f64),
}

/// A placed label: where its text starts (baseline-left) and its anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the wanted list.
    pub index: usize,
    /// Baseline x, px.
    pub x: f64,
    /// Baseline y, px.
    pub y: f64,
    /// `start`, `middle` or `end` (SVG `text-anchor`).
    pub anchor: &'static str,
}

/// Approximate width of `text` at `size` px in DejaVu Sans (average advance
/// 0.6 em; wide enough that real glyphs stay inside the box).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .count() as f64
        * size
        * 0.62
}

/// Place labels in the given order (most important first), avoiding each
/// other, every marker, the `obstacles` and the frame's edges.
///
/// ```
/// use frontline::render::labels::{place, Wanted};
/// // Ten towns on one spot: at most one label fits in each of the eight
/// // positions around it, and the lowest-ranked towns lose theirs.
/// let w = Wanted { at: (250.0, 50.0), r: 3.0, size: (60.0, 12.0) };
/// let p = place(&vec![w; 10], &[], (500.0, 100.0));
/// assert_eq!(p[0].index, 0);
/// assert!(p.len() <= 8);
/// ```
pub fn place(wanted: &[Wanted], obstacles: &[Box2], frame: (f64, f64)) -> Vec<Placed> {
    let mut taken = Taken::new(frame);
    for b in obstacles {
        taken.push(*b);
    }
    place_into(&mut taken, wanted)
}

fn marker(w: &Wanted) -> Box2 {
    Box2 {
        x0: w.at.0 - w.r,
        y0: w.at.1 - w.r,
        x1: w.at.0 + w.r,
        y1: w.at.1 + w.r,
    }
}

/// [`place`] against the boxes already in `taken`, adding each wanted
/// marker and each placed label to it.
pub fn place_into(taken: &mut Taken, wanted: &[Wanted]) -> Vec<Placed> {
    for w in wanted {
        taken.push(marker(w));
    }
    let mut out = Vec::new();
    for (i, w) in wanted.iter().enumerate() {
        // Its own marker is in `taken`; the candidate boxes never touch it
        // because of the gap.
        if let Some((x, y, anchor, b)) = first_free(taken, w, None) {
            taken.push(b);
            out.push(Placed {
                index: i,
                x,
                y,
                anchor,
            });
        }
    }
    out
}

/// One label placed against `taken` and its own marker, as [`place`] with
/// a single wanted label would; `taken` is left unchanged (add the
/// [`label_box`] if the label is drawn).
pub fn place_one(taken: &Taken, w: &Wanted) -> Option<Placed> {
    first_free(taken, w, Some(&marker(w))).map(|(x, y, anchor, _)| Placed {
        index: 0,
        x,
        y,
        anchor,
    })
}

/// The first of the eight positions around `w` whose box is inside the
/// frame and free of `taken` and `extra`: (baseline x, baseline y, anchor,
/// box).
fn first_free(
    taken: &Taken,
    w: &Wanted,
    extra: Option<&Box2>,
) -> Option<(f64, f64, &'static str, Box2)> {
    let frame = taken.frame;
    let (tw, th) = w.size;
    let (x, y) = w.at;
    let gap = w.r + 3.0;
    let candidates = [
        (x + gap, y + th * 0.35, "start"),
        (x - gap, y + th * 0.35, "end"),
        (x + gap * 0.7, y - gap * 0.7, "start"),
        (x + gap * 0.7, y + gap * 0.7 + th * 0.8, "start"),
        (x - gap * 0.7, y - gap * 0.7, "end"),
        (x - gap * 0.7, y + gap * 0.7 + th * 0.8, "end"),
        (x, y - gap - 1.0, "middle"),
        (x, y + gap + th * 0.85, "middle"),
    ];
    candidates.into_iter().find_map(|(bx, by, anchor)| {
        let x0 = match anchor {
            "start" => bx,
            "middle" => bx - tw / 2.0,
            _ => bx - tw,
        };
        let b = Box2 {
            x0: x0 - 1.0,
            y0: by - th * 0.85,
            x1: x0 + tw + 1.0,
            y1: by + th * 0.25,
        };
        let outside = b.x0 < 0.0 || b.y0 < 0.0 || b.x1 > frame.0 || b.y1 > frame.1;
        (!outside && !extra.is_some_and(|e| e.overlaps(&b)) && !taken.overlaps(&b))
            .then_some((bx, by, anchor, b))
    })
}

/// Boxes labels must keep off, in a uniform grid over the frame so that a
/// candidate is only tested against the boxes near it, not all of them (a
/// map has thousands of road obstacles and context-town markers).
///
/// Each box is listed in every cell it touches; cell indices are clamped
/// to the grid, so a box partly or wholly outside the frame is kept in the
/// border cells (clamping keeps overlapping ranges overlapping). The answer
/// is the same as testing every box.
///
/// ```
/// use frontline::render::labels::{Box2, Taken};
/// let mut t = Taken::new((500.0, 300.0));
/// t.push(Box2 { x0: 10.0, y0: 10.0, x1: 20.0, y1: 20.0 });
/// assert!(t.overlaps(&Box2 { x0: 15.0, y0: 15.0, x1: 90.0, y1: 90.0 }));
/// assert!(!t.overlaps(&Box2 { x0: 20.0, y0: 10.0, x1: 90.0, y1: 90.0 }));
/// ```
#[derive(Debug, Clone)]
pub struct Taken {
    frame: (f64, f64),
    cols: usize,
    rows: usize,
    boxes: Vec<Box2>,
    cells: Vec<Vec<u32>>,
}

/// Grid cell size, px: about a label's height, so a label touches a few
/// cells and a cell holds few boxes.
const CELL: f64 = 32.0;

impl Taken {
    /// An empty grid over a frame (width, height) in px.
    pub fn new(frame: (f64, f64)) -> Taken {
        let n = |v: f64| {
            if v.is_finite() && v > 0.0 {
                ((v / CELL).ceil() as usize).clamp(1, 4096)
            } else {
                1
            }
        };
        let (cols, rows) = (n(frame.0), n(frame.1));
        Taken {
            frame,
            cols,
            rows,
            boxes: Vec::new(),
            cells: vec![Vec::new(); cols * rows],
        }
    }

    /// The cell ranges (inclusive) a box touches, clamped to the grid.
    fn span(&self, b: &Box2) -> (usize, usize, usize, usize) {
        let c = |v: f64, n: usize| {
            let i = (v / CELL).floor();
            if i.is_nan() || i < 0.0 {
                0
            } else {
                (i as usize).min(n - 1)
            }
        };
        (
            c(b.x0, self.cols),
            c(b.x1, self.cols),
            c(b.y0, self.rows),
            c(b.y1, self.rows),
        )
    }

    /// Add a box.
    pub fn push(&mut self, b: Box2) {
        let id = self.boxes.len() as u32;
        let (cx0, cx1, cy0, cy1) = self.span(&b);
        for cy in cy0..=cy1 {
            for cx in cx0..=cx1 {
                self.cells[cy * self.cols + cx].push(id);
            }
        }
        self.boxes.push(b);
    }

    /// Whether `b` overlaps any box added.
    pub fn overlaps(&self, b: &Box2) -> bool {
        let (cx0, cx1, cy0, cy1) = self.span(b);
        (cy0..=cy1).any(|cy| {
            (cx0..=cx1).any(|cx| {
                self.cells[cy * self.cols + cx]
                    .iter()
                    .any(|&i| self.boxes[i as usize].overlaps(b))
            })
        })
    }
}

/// The box a placed label covers.
pub fn label_box(p: &Placed, w: &Wanted) -> Box2 {
    let (tw, th) = w.size;
    let x0 = match p.anchor {
        "start" => p.x,
        "middle" => p.x - tw / 2.0,
        _ => p.x - tw,
    };
    Box2 {
        x0: x0 - 1.0,
        y0: p.y - th * 0.85,
        x1: x0 + tw + 1.0,
        y1: p.y + th * 0.25,
    }
}

/// Obstacles that keep labels off road lines (pixel polylines): a 5 px box
/// every 5 px along each line, only on the part of it inside the `frame`
/// (width, height). Clipping first bounds the count by the frame, however
/// far the map is zoomed in.
pub fn road_obstacles(lines: &[Vec<(f64, f64)>], frame: (f64, f64)) -> Vec<Box2> {
    let mut out = Vec::new();
    for pl in lines {
        for w in pl.windows(2) {
            let Some(((x0, y0), (x1, y1))) = clip(w[0], w[1], frame, 3.0) else {
                continue;
            };
            let steps = ((x1 - x0).hypot(y1 - y0) / 5.0).ceil().max(1.0) as usize;
            for k in 0..=steps {
                let u = k as f64 / steps as f64;
                let (x, y) = (x0 + u * (x1 - x0), y0 + u * (y1 - y0));
                out.push(Box2 {
                    x0: x - 2.5,
                    y0: y - 2.5,
                    x1: x + 2.5,
                    y1: y + 2.5,
                });
            }
        }
    }
    out
}

/// The part of segment a–b inside the frame grown by `pad` px on each side
/// (Liang–Barsky), if any.
fn clip(
    a: (f64, f64),
    b: (f64, f64),
    frame: (f64, f64),
    pad: f64,
) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 + pad),
        (dx, frame.0 + pad - a.0),
        (-dy, a.1 + pad),
        (dy, frame.1 + pad - a.1),
    ] {
        if !p.is_finite() || !q.is_finite() {
            return None;
        }
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    (t0 <= t1).then_some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label_box(p: &Placed, w: &Wanted) -> Box2 {
        let (tw, th) = w.size;
        let x0 = match p.anchor {
            "start" => p.x,
            "middle" => p.x - tw / 2.0,
            _ => p.x - tw,
        };
        Box2 {
            x0,
            y0: p.y - th * 0.85,
            x1: x0 + tw,
            y1: p.y + th * 0.25,
        }
    }

    #[test]
    fn the_grid_answers_as_testing_every_box() {
        let mut s = 7u64;
        let mut rnd = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let frame = (300.0, 200.0);
        let mut grid = Taken::new(frame);
        let mut all = Vec::new();
        // Boxes inside, across the edges and wholly outside the frame.
        for _ in 0..300 {
            let (x, y) = (-100.0 + 500.0 * rnd(), -100.0 + 400.0 * rnd());
            let b = Box2 {
                x0: x,
                y0: y,
                x1: x + 80.0 * rnd(),
                y1: y + 20.0 * rnd(),
            };
            grid.push(b);
            all.push(b);
        }
        let (mut hits, mut misses) = (0, 0);
        for _ in 0..5000 {
            let (x, y) = (-20.0 + 340.0 * rnd(), -20.0 + 240.0 * rnd());
            let q = Box2 {
                x0: x,
                y0: y,
                x1: x + 60.0 * rnd(),
                y1: y + 15.0 * rnd(),
            };
            let want = all.iter().any(|b| b.overlaps(&q));
            assert_eq!(grid.overlaps(&q), want, "{q:?}");
            if want {
                hits += 1;
            } else {
                misses += 1;
            }
        }
        assert!(hits > 100 && misses > 100, "{hits} hits, {misses} misses");
    }

    #[test]
    fn road_obstacles_are_clipped_to_the_frame() {
        // A road 10 million px long crossing a 600 × 400 frame (a tiny bbox).
        let road = vec![vec![(-5e6, 200.0), (5e6, 200.0)]];
        let o = road_obstacles(&road, (600.0, 400.0));
        assert!(o.len() < 200, "{} obstacles", o.len());
        assert!(o.iter().all(|b| b.x0 >= -6.0 && b.x1 <= 606.0));
        // Every 5 px across the frame is still covered.
        assert!(o.iter().any(|b| b.x0 <= 0.0) && o.iter().any(|b| b.x1 >= 600.0));
        // A road entirely outside gives none.
        assert!(road_obstacles(&[vec![(-50.0, -50.0), (-10.0, 900.0)]], (600.0, 400.0)).is_empty());
    }

    #[test]
    fn placed_labels_never_overlap_each_other_or_any_marker() {
        let mut s = 1u64;
        let mut rnd = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..50 {
            let wanted: Vec<Wanted> = (0..60)
                .map(|_| Wanted {
                    at: (20.0 + 560.0 * rnd(), 20.0 + 360.0 * rnd()),
                    r: 3.0 + 3.0 * rnd(),
                    size: (30.0 + 90.0 * rnd(), 13.0),
                })
                .collect();
            let placed = place(&wanted, &[], (600.0, 400.0));
            assert!(!placed.is_empty());
            let boxes: Vec<Box2> = placed
                .iter()
                .map(|p| label_box(p, &wanted[p.index]))
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
                }
                for w in &wanted {
                    let m = Box2 {
                        x0: w.at.0 - w.r,
                        y0: w.at.1 - w.r,
                        x1: w.at.0 + w.r,
                        y1: w.at.1 + w.r,
                    };
                    assert!(!a.overlaps(&m), "label {a:?} covers a marker");
                }
                assert!(a.x0 >= 0.0 && a.y0 >= 0.0 && a.x1 <= 600.0 && a.y1 <= 400.0);
            }
        }
    }
}
