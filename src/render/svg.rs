//! Small SVG writing helpers: escaping and path data.

use super::Frame;
use geo::{LineString, MultiLineString, MultiPolygon};
use std::fmt::Write;

/// Escape text for SVG/XML/HTML content and attribute values.
///
/// ```
/// use frontline::render::escape;
/// assert_eq!(escape("<script>alert('x') & \"y\"</script>"),
///            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
/// // Characters XML forbids even escaped are replaced.
/// assert_eq!(escape("a\u{0}b\u{fffe}"), "a b\u{fffd}");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(xml_char(c)),
        }
    }
    out
}

/// A character XML 1.0 allows: C0 controls other than tab, newline and
/// carriage return become a space, the non-characters U+FFFE and U+FFFF the
/// replacement character U+FFFD (XML forbids them even escaped).
fn xml_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        c if (c as u32) < 0x20 => ' ',
        '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
        c => c,
    }
}

/// `s` with the characters XML 1.0 forbids replaced (see [`escape`]), for
/// text handed to a writer that escapes markup itself.
///
/// ```
/// use frontline::render::xml_safe;
/// assert_eq!(xml_safe("a\u{1}b\u{fffe}"), "a b\u{fffd}");
/// ```
pub fn xml_safe(s: &str) -> String {
    s.chars().map(xml_char).collect()
}

fn ring(d: &mut String, f: &Frame, l: &LineString<f64>, close: bool) {
    let mut last: Option<(f64, f64)> = None;
    let n = l.0.len();
    for (i, c) in l.0.iter().enumerate() {
        let (x, y) = f.xy(c.x, c.y);
        // Drop vertices less than half a pixel from the previous one
        // (but keep the last, so lines reach their ends).
        if let Some((lx, ly)) = last {
            if (x - lx).abs() < 0.5 && (y - ly).abs() < 0.5 && i + 1 < n {
                continue;
            }
        }
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if last.is_none() { 'M' } else { 'L' },
            x,
            y
        );
        last = Some((x, y));
    }
    if close && last.is_some() {
        d.push('Z');
    }
}

/// Path data for polygons (use with `fill-rule="evenodd"`).
pub fn polygons(f: &Frame, mp: &MultiPolygon<f64>) -> String {
    let mut d = String::new();
    for p in mp {
        ring(&mut d, f, p.exterior(), true);
        for r in p.interiors() {
            ring(&mut d, f, r, true);
        }
    }
    d
}

/// Path data for lines.
pub fn lines(f: &Frame, ml: &MultiLineString<f64>) -> String {
    let mut d = String::new();
    for l in ml {
        ring(&mut d, f, l, false);
    }
    d
}
