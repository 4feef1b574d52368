//! Control along a road: the nearest-place rule applied to every point of a
//! line, split where the deciding place changes.

use super::geometry::MeasuredLine;
use crate::control::ControlField;
use geo::LineString;

/// A stretch of road decided by one place (or by none: unknown).
#[derive(Debug, Clone, PartialEq)]
pub struct Stretch {
    /// Start, km from the line's start.
    pub from_km: f64,
    /// End, km from the line's start.
    pub to_km: f64,
    /// Index into the field's points of the deciding place; `None` = unknown.
    pub decided_by: Option<usize>,
}

impl Stretch {
    /// Length in km.
    pub fn km(&self) -> f64 {
        self.to_km - self.from_km
    }
}

/// Sampling step before refining each split by bisection, km.
const STEP_KM: f64 = 0.5;

/// Split `line` into stretches with one deciding place each. Splits are
/// located by bisection to within a metre.
pub fn stretches(line: &LineString<f64>, field: &ControlField) -> Vec<Stretch> {
    let m = MeasuredLine::new(line);
    let total = m.km();
    if total <= 0.0 {
        return Vec::new();
    }
    let at = |km: f64| field.nearest(m.point_at_km(km));
    let n = (total / STEP_KM).ceil().max(1.0) as usize;
    let mut out: Vec<Stretch> = Vec::new();
    let mut start = 0.0;
    let mut cur = at(0.0);
    let mut prev_km = 0.0;
    for i in 1..=n {
        let km = (i as f64 * total / n as f64).min(total);
        let here = at(km);
        if here != cur {
            // bisect between prev_km (cur) and km (here)
            let (mut lo, mut hi) = (prev_km, km);
            while hi - lo > 0.0005 {
                let mid = 0.5 * (lo + hi);
                if at(mid) == cur {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let split = 0.5 * (lo + hi);
            // A third place may rule between the two samples: handle the
            // part after the split from there on.
            out.push(Stretch {
                from_km: start,
                to_km: split,
                decided_by: cur,
            });
            start = split;
            cur = at(hi);
            if cur != here {
                // rare: re-scan this sample interval from the split
                let mut k = split;
                while k < km {
                    let nk = (k + 0.01).min(km);
                    let h = at(nk);
                    if h != cur {
                        out.push(Stretch {
                            from_km: start,
                            to_km: nk,
                            decided_by: cur,
                        });
                        start = nk;
                        cur = h;
                    }
                    k = nk;
                }
            }
        }
        prev_km = km;
    }
    out.push(Stretch {
        from_km: start,
        to_km: total,
        decided_by: cur,
    });
    out.retain(|s| s.km() > 1e-9);
    out
}
