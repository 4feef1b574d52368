//! A progress bar on standard error for long work: redrawn in place on a
//! terminal, one line per tenth of the work otherwise (logs stay short).

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Progress {
    total: usize,
    done: AtomicUsize,
    what: &'static str,
    tty: bool,
}

impl Progress {
    pub fn new(total: usize, what: &'static str) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            what,
            tty: std::io::stderr().is_terminal(),
        }
    }

    /// One more item done.
    pub fn tick(&self) {
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let mut err = std::io::stderr().lock();
        if self.tty {
            let width = 30;
            let filled = n * width / self.total.max(1);
            let _ = write!(
                err,
                "\r[{}{}] {n}/{} {}",
                "#".repeat(filled),
                ".".repeat(width - filled),
                self.total,
                self.what
            );
            if n == self.total {
                let _ = writeln!(err);
            }
        } else {
            let step = self.total.div_ceil(10).max(1);
            if n.is_multiple_of(step) || n == self.total {
                let _ = writeln!(err, "{n}/{} {}", self.total, self.what);
            }
        }
    }
}
