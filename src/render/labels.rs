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
