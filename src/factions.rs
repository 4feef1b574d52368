//! Factions: the sides of a conflict, with a display name and a colour
//! (`factions.csv` of a theater folder).

use crate::error::Result;
use crate::table::Table;

/// One side.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Faction {
    /// Short id used in events (`government`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// `#rrggbb` colour for maps.
    pub color: String,
    /// Who it is.
    pub description: String,
}

/// Ids a faction may not take: they have a meaning of their own.
pub const RESERVED: &[&str] = &["contested", "unknown", "n/a"];

/// Parse `factions.csv`.
pub fn parse_factions(text: &str, file: &str) -> Result<Vec<Faction>> {
    let t = Table::parse(text, file, &["id", "name", "color"])?;
    let mut out: Vec<Faction> = Vec::new();
    for row in t.rows() {
        let id = t.get(row, "id");
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(t
                .error(row, "id", format!("`{id}` is not a faction id"))
                .with_hint("use lower-case letters, digits and hyphens, e.g. `turkish-backed`"));
        }
        if RESERVED.contains(&id) {
            return Err(t
                .error(row, "id", format!("`{id}` is reserved"))
                .with_hint("`contested` and `unknown` are built in; pick another id"));
        }
        if out.iter().any(|f| f.id == id) {
            return Err(t
                .error(row, "id", format!("faction `{id}` is listed twice"))
                .with_hint("keep one row per faction"));
        }
        let color = t.get(row, "color");
        let ok = color.len() == 7
            && color.starts_with('#')
            && color[1..].bytes().all(|b| b.is_ascii_hexdigit());
        if !ok {
            return Err(t
                .error(row, "color", format!("`{color}` is not a colour"))
                .with_hint("write it as #rrggbb, e.g. #c0392b"));
        }
        out.push(Faction {
            id: id.to_string(),
            name: t.get(row, "name").to_string(),
            color: color.to_ascii_lowercase(),
            description: if t.has("description") {
                t.get(row, "description").to_string()
            } else {
                String::new()
            },
        });
    }
    Ok(out)
}
