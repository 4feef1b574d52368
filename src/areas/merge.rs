//! Join line pieces that meet end to end into longer lines.

use geo::Coord;
use std::collections::HashMap;

type Key = (i64, i64);

fn key(c: Coord<f64>) -> Key {
    ((c.x * 1e6).round() as i64, (c.y * 1e6).round() as i64)
}

/// Join pieces through points where exactly two pieces meet. Pieces are
/// walked in input order, so the output is deterministic.
pub fn merge(pieces: Vec<Vec<Coord<f64>>>) -> Vec<Vec<Coord<f64>>> {
    let pieces: Vec<Vec<Coord<f64>>> = pieces.into_iter().filter(|p| p.len() >= 2).collect();
    let mut ends: HashMap<Key, Vec<usize>> = HashMap::new();
    for (i, p) in pieces.iter().enumerate() {
        ends.entry(key(p[0])).or_default().push(i);
        ends.entry(key(p[p.len() - 1])).or_default().push(i);
    }
    let mut used = vec![false; pieces.len()];
    let mut out = Vec::new();
    let walk = |start: usize, reversed: bool, used: &mut Vec<bool>| -> Vec<Coord<f64>> {
        let mut line = pieces[start].clone();
        if reversed {
            line.reverse();
        }
        used[start] = true;
        let mut cur = start;
        loop {
            let end = key(*line.last().expect("non-empty"));
            let at = &ends[&end];
            if at.len() != 2 {
                break;
            }
            let next = if at[0] == cur { at[1] } else { at[0] };
            if used[next] {
                break;
            }
            used[next] = true;
            let p = &pieces[next];
            if key(p[0]) == end {
                line.extend_from_slice(&p[1..]);
            } else {
                line.extend(p[..p.len() - 1].iter().rev());
            }
            cur = next;
        }
        line
    };
    // Open chains start at an end where the number of pieces is not two.
    for i in 0..pieces.len() {
        if used[i] {
            continue;
        }
        let p = &pieces[i];
        if ends[&key(p[0])].len() != 2 {
            out.push(walk(i, false, &mut used));
        } else if ends[&key(p[p.len() - 1])].len() != 2 {
            out.push(walk(i, true, &mut used));
        }
    }
    // What is left are closed loops.
    for i in 0..pieces.len() {
        if !used[i] {
            out.push(walk(i, false, &mut used));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord<f64> {
        Coord { x, y }
    }

    #[test]
    fn pieces_in_any_order_and_direction_join() {
        let m = merge(vec![
            vec![c(2.0, 0.0), c(1.0, 0.0)],
            vec![c(0.0, 0.0), c(1.0, 0.0)],
            vec![c(2.0, 0.0), c(3.0, 0.0)],
            vec![c(10.0, 0.0), c(11.0, 0.0)],
        ]);
        assert_eq!(m.len(), 2);
        let long = m.iter().find(|l| l.len() == 4).expect("joined line");
        let xs: Vec<f64> = long.iter().map(|p| p.x).collect();
        assert!(
            xs == [0.0, 1.0, 2.0, 3.0] || xs == [3.0, 2.0, 1.0, 0.0],
            "{xs:?}"
        );
    }

    #[test]
    fn a_junction_of_three_stops_the_walk() {
        let m = merge(vec![
            vec![c(0.0, 0.0), c(1.0, 0.0)],
            vec![c(1.0, 0.0), c(2.0, 0.0)],
            vec![c(1.0, 0.0), c(1.0, 1.0)],
        ]);
        assert_eq!(m.len(), 3);
    }
}
