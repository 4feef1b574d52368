//! Shared by every output: escaping text for XML/HTML, and colours.

/// Escape text for SVG/XML/HTML content and attribute values.
///
/// ```
/// use frontline::style::escape;
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
/// use frontline::style::xml_safe;
/// assert_eq!(xml_safe("a\u{1}b\u{fffe}"), "a b\u{fffd}");
/// ```
pub fn xml_safe(s: &str) -> String {
    s.chars().map(xml_char).collect()
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

/// The names and colours a theater's outputs use besides its factions':
/// the two built-in controllers and the map palette.
///
/// A theater folder may override any of them in an optional `style.csv`
/// with `key,value` rows; the defaults are below (the embedded theater uses
/// them). Colours are `#rrggbb`.
///
/// | key | default | what |
/// |---|---|---|
/// | `contested_name` | Contested | label of contested places and areas |
/// | `contested_color` | #8e44ad | their colour (areas are hatched in it) |
/// | `unknown_name` | Unknown | label of road stretches no place decides |
/// | `unknown_color` | #9e9e9e | their colour |
/// | `background` | #e6e3dc | map background (outside the country) |
/// | `land` | #fbfaf6 | the country |
/// | `front` | #111111 | front lines, in maps and GIS files |
/// | `governorates` | #8f8a7e | first-level division outlines |
/// | `country` | #4d4a43 | country outline |
/// | `halo` | #ffffff | road casings, label halos, panels |
/// | `labels` | #1f1f1f | place labels |
/// | `text` | #222222 | legend and scale bar text |
/// | `title` | #111111 | title |
/// | `subtitle` | #444444 | line under the title |
/// | `attribution` | #333333 | attribution line |
/// | `shield` | #4b5563 | highway shields (neutral: no side's colour) |
///
/// ```
/// use frontline::style::{parse_style, Style};
/// let s = parse_style("key,value\nunknown_name,Unclear\nland,#FFFFFF\n", "style.csv").unwrap();
/// assert_eq!((s.unknown_name.as_str(), s.land.as_str()), ("Unclear", "#ffffff"));
/// assert_eq!(s.front, Style::default().front);
/// let e = parse_style("key,value\nland,white\n", "style.csv").unwrap_err();
/// assert!(e.to_string().contains("style.csv:2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// Label of `contested`.
    pub contested_name: String,
    /// Colour of `contested`.
    pub contested_color: String,
    /// Label of `unknown`.
    pub unknown_name: String,
    /// Colour of `unknown`.
    pub unknown_color: String,
    /// Map background: ground outside the country (and the sea, when the
    /// theater has no land file).
    pub background: String,
    /// The sea, where the theater's land file tells it from land.
    pub sea: String,
    /// The country.
    pub land: String,
    /// Front lines.
    pub front: String,
    /// Governorate outlines.
    pub governorates: String,
    /// Country outline.
    pub country: String,
    /// Road casings, label halos, panels.
    pub halo: String,
    /// Place labels.
    pub labels: String,
    /// Legend and scale text.
    pub text: String,
    /// Title.
    pub title: String,
    /// Line under the title.
    pub subtitle: String,
    /// Attribution line.
    pub attribution: String,
    /// Highway shields.
    pub shield: String,
}

impl Default for Style {
    fn default() -> Style {
        let s = |x: &str| x.to_string();
        Style {
            contested_name: s("Contested"),
            contested_color: s("#8e44ad"),
            unknown_name: s("Unknown"),
            unknown_color: s("#9e9e9e"),
            background: s("#e6e3dc"),
            sea: s("#d6e4ef"),
            land: s("#fbfaf6"),
            front: s("#111111"),
            governorates: s("#8f8a7e"),
            country: s("#4d4a43"),
            halo: s("#ffffff"),
            labels: s("#1f1f1f"),
            text: s("#222222"),
            title: s("#111111"),
            subtitle: s("#444444"),
            attribution: s("#333333"),
            shield: s("#4b5563"),
        }
    }
}

/// Whether `c` is a `#rrggbb` colour.
pub fn is_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Parse a theater's `style.csv` (`key,value` rows) over the defaults.
pub fn parse_style(text: &str, file: &str) -> crate::Result<Style> {
    let t = crate::table::Table::parse(text, file, &["key", "value"])?;
    let mut s = Style::default();
    for row in t.rows() {
        let (key, value) = (t.get(row, "key"), t.get(row, "value"));
        let slot = match key {
            "contested_name" => &mut s.contested_name,
            "unknown_name" => &mut s.unknown_name,
            "contested_color" => &mut s.contested_color,
            "unknown_color" => &mut s.unknown_color,
            "background" => &mut s.background,
            "sea" => &mut s.sea,
            "land" => &mut s.land,
            "front" => &mut s.front,
            "governorates" => &mut s.governorates,
            "country" => &mut s.country,
            "halo" => &mut s.halo,
            "labels" => &mut s.labels,
            "text" => &mut s.text,
            "title" => &mut s.title,
            "subtitle" => &mut s.subtitle,
            "attribution" => &mut s.attribution,
            "shield" => &mut s.shield,
            _ => {
                return Err(t
                    .error(row, "key", format!("`{key}` is not a style key"))
                    .with_hint("see the keys in data/README.md (Style)"))
            }
        };
        if key.ends_with("_name") {
            *slot = value.to_string();
        } else if is_color(value) {
            *slot = value.to_ascii_lowercase();
        } else {
            return Err(t
                .error(row, "value", format!("`{value}` is not a colour"))
                .with_hint("write it as #rrggbb, e.g. #c0392b"));
        }
    }
    Ok(s)
}
