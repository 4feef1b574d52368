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
    let mut taken: Vec<Box2> = obstacles.to_vec();
    for w in wanted {
        taken.push(Box2 {
            x0: w.at.0 - w.r,
            y0: w.at.1 - w.r,
            x1: w.at.0 + w.r,
            y1: w.at.1 + w.r,
        });
    }
    let mut out = Vec::new();
    for (i, w) in wanted.iter().enumerate() {
        let (tw, th) = w.size;
        let (x, y) = w.at;
        let gap = w.r + 3.0;
        // (baseline x, baseline y, anchor, box)
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
        for (bx, by, anchor) in candidates {
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
            if b.x0 < 0.0 || b.y0 < 0.0 || b.x1 > frame.0 || b.y1 > frame.1 {
                continue;
            }
            // Its own marker is in `taken`; the candidate boxes never
            // touch it because of the gap.
            if taken.iter().any(|t| t.overlaps(&b)) {
                continue;
            }
            taken.push(b);
            out.push(Placed {
                index: i,
                x: bx,
                y: by,
                anchor,
            });
            break;
        }
    }
    out
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
