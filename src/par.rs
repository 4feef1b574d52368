//! A small parallel map over a work list, results in input order.
//!
//! frontline's parallel work (a series of days) is a handful of coarse,
//! uneven jobs, so a shared counter over scoped threads is enough; it keeps
//! the dependency tree free of a thread-pool crate.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Apply `f` to every item on all cores; results come back in input order,
/// so the output does not depend on scheduling. `f` receives the item's
/// index too.
///
/// ```
/// let squares = frontline::par::par_map(&[1, 2, 3], |_, x| x * x);
/// assert_eq!(squares, [1, 4, 9]);
/// ```
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items.iter().enumerate().map(|(i, x)| f(i, x)).collect();
    }
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() {
                    break;
                }
                let r = f(i, &items[i]);
                slots.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    slots
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every slot is filled unless a worker panicked"))
        .collect()
}
