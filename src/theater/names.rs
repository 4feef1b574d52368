//! Map labels in the reader's language: display names per language
//! (`gazetteer/display-names.csv`) and where country and sea names go
//! (`boundaries/labels.csv`). Both files are optional.
//!
//! `display-names.csv` has columns `place,en,fr,ar,source,note`. `place` is a
//! gazetteer id (`164816`, `fl:hass`), a governorate (`adm1:` and the
//! outline's name, e.g. `adm1:Idlib`), a country (`country:` and its ISO
//! code, e.g. `country:TR`) or a sea (`sea:` and a name). An empty cell
//! falls back as [`crate::theater::Theater::display_name`] says.
//!
//! `labels.csv` has columns `id,lon,lat,source`: an `id` of the kind
//! `country:` or `sea:` named in `display-names.csv`, and where its name is
//! drawn.

use crate::error::Result;
use crate::gazetteer::Gazetteer;
use crate::i18n::{Lang, LANGS};
use crate::table::Table;
use std::collections::BTreeMap;

/// Longest display name, in characters.
pub const MAX_DISPLAY_NAME: usize = 100;

/// Display names by id and language.
#[derive(Debug, Clone, Default)]
pub struct DisplayNames {
    /// id → [en, fr, ar] (empty = none).
    names: BTreeMap<String, [String; 3]>,
}

impl DisplayNames {
    /// The name of `id` in `lang`, if the file gives one.
    pub fn get(&self, id: &str, lang: Lang) -> Option<&str> {
        let i = LANGS.iter().position(|l| *l == lang)?;
        self.names
            .get(id)
            .map(|n| n[i].as_str())
            .filter(|s| !s.is_empty())
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.names.keys().map(String::as_str)
    }
}

/// Parse `display-names.csv`, checking that every place id is in the
/// gazetteer and every `adm1:` name is one of `governorates`.
pub fn parse_display_names(
    text: &str,
    file: &str,
    gaz: &Gazetteer,
    governorates: &[&str],
) -> Result<DisplayNames> {
    let t = Table::parse(text, file, &["place", "en", "fr", "ar"])?;
    let mut out = DisplayNames::default();
    for row in t.rows() {
        let id = t.get(row, "place");
        let ok = if let Some(g) = id.strip_prefix("adm1:") {
            if !governorates.contains(&g) {
                let mut hint = governorates.iter().take(20).copied().collect::<Vec<_>>();
                hint.sort_unstable();
                return Err(t
                    .error(
                        row,
                        "place",
                        format!("`{id}`: no governorate of that name in boundaries/adm1.geojson"),
                    )
                    .with_hint(format!(
                        "write adm1: and the outline's name_en, one of: {}",
                        hint.join(", ")
                    )));
            }
            true
        } else if let Some(c) = id.strip_prefix("country:") {
            c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())
        } else if let Some(s) = id.strip_prefix("sea:") {
            !s.trim().is_empty()
        } else {
            if gaz.get(id).is_none() {
                return Err(t
                    .error(row, "place", format!("`{id}` is not a gazetteer id"))
                    .with_hint("use the id `frontline resolve NAME --json` prints, or adm1:, country:, sea:"));
            }
            true
        };
        if !ok {
            return Err(t
                .error(row, "place", format!("`{id}` is not a place id"))
                .with_hint("write a gazetteer id, adm1:NAME, country:XX (ISO code) or sea:NAME"));
        }
        if out.names.contains_key(id) {
            return Err(t
                .error(row, "place", format!("`{id}` is listed twice"))
                .with_hint("keep one row per place"));
        }
        let mut v: [String; 3] = Default::default();
        for (i, lang) in LANGS.iter().enumerate() {
            let n = t.get(row, lang.code()).trim();
            if n.chars().count() > MAX_DISPLAY_NAME {
                return Err(t
                    .error(
                        row,
                        lang.code(),
                        format!("the name has {} characters", n.chars().count()),
                    )
                    .with_hint(format!(
                        "a map label holds at most {MAX_DISPLAY_NAME} characters"
                    )));
            }
            v[i] = n.to_string();
        }
        out.names.insert(id.to_string(), v);
    }
    Ok(out)
}

/// A country or sea name and where it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextLabel {
    /// `country:XX` or `sea:NAME`.
    pub id: String,
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
}

impl ContextLabel {
    /// Whether it names a sea (drawn in italics).
    pub fn is_sea(&self) -> bool {
        self.id.starts_with("sea:")
    }
}

/// Parse `labels.csv`; every id must have a row in `names`.
pub fn parse_context_labels(
    text: &str,
    file: &str,
    names: &DisplayNames,
) -> Result<Vec<ContextLabel>> {
    let t = Table::parse(text, file, &["id", "lon", "lat"])?;
    let mut out = Vec::new();
    for row in t.rows() {
        let id = t.get(row, "id");
        if !(id.starts_with("country:") || id.starts_with("sea:")) {
            return Err(t
                .error(row, "id", format!("`{id}` is not a country or sea"))
                .with_hint("write country:XX or sea:NAME; towns and governorates are placed from their coordinates and outlines"));
        }
        if !names.names.contains_key(id) {
            return Err(t
                .error(
                    row,
                    "id",
                    format!("`{id}` has no row in gazetteer/display-names.csv"),
                )
                .with_hint("add its names in en, fr and ar there"));
        }
        let lon = t.number(row, "lon", -180.0, 180.0)?;
        let lat = t.number(row, "lat", -90.0, 90.0)?;
        out.push(ContextLabel {
            id: id.to_string(),
            lon,
            lat,
        });
    }
    Ok(out)
}

/// A name without a trailing disambiguation tag: `al-Nayrab (Idlib)` →
/// `al-Nayrab`.
///
/// ```
/// use frontline::theater::strip_tag;
/// assert_eq!(strip_tag("al-Nayrab (Idlib)"), "al-Nayrab");
/// assert_eq!(strip_tag("Saraqib"), "Saraqib");
/// ```
pub fn strip_tag(name: &str) -> &str {
    let t = name.trim_end();
    if t.ends_with(')') {
        if let Some(i) = t.rfind(" (") {
            if i > 0 {
                return t[..i].trim_end();
            }
        }
    }
    t
}
