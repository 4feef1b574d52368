//! Shared by every output: escaping text for XML/HTML, and colours.

/// Escape text for SVG/XML/HTML content and attribute values.
///
/// ```
/// use frontline::style::escape;
/// assert_eq!(escape("<script>alert('x') & \"y\"</script>"),
///            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
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
            // Characters XML 1.0 forbids, even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `#rrggbb` to its red, green and blue (black if malformed; faction
/// colours are checked when the factions file is read).
///
/// ```
/// assert_eq!(frontline::style::hex_rgb("#c0392b"), (192, 57, 43));
/// ```
pub fn hex_rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| {
        h.get(i..i + 2)
            .and_then(|x| u8::from_str_radix(x, 16).ok())
            .unwrap_or(0)
    };
    (c(0), c(2), c(4))
}
