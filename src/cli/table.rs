//! Aligned text tables for people.

/// Display width: characters, not counting combining marks (so "Abū az̧
/// Z̧uhūr" written with combining cedillas lines up).
fn width(s: &str) -> usize {
    s.chars()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .count()
}

/// Print rows as columns padded to the widest cell (counted in characters).
pub fn print(headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c));
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.extend(std::iter::repeat_n(' ', w - width(c) + 2));
            }
        }
        outln!("{}", s.trim_end());
    };
    line(headers.to_vec());
    for r in rows {
        line(r.iter().map(String::as_str).collect());
    }
}
