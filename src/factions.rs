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
    /// The side it fights on (`side` column; its own id when the column is
    /// absent or empty). Factions of one side are allies: no front is drawn
    /// between them.
    pub side: String,
    /// Display names in other languages (`name_fr`, `name_ar`, ... columns;
    /// optional): language code → name.
    pub names: Vec<(String, String)>,
}

impl Faction {
    /// The name in `lang` (a code such as `fr`), else the `name` column.
    pub fn name_in(&self, lang: &str) -> &str {
        self.names
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(self.name.as_str(), |(_, n)| n.as_str())
    }
}

/// Ids a faction may not take: they have a meaning of their own.
pub const RESERVED: &[&str] = &["contested", "unknown", "n/a"];

/// Longest faction name, in characters.
pub const MAX_NAME: usize = 100;

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
        let name = t.get(row, "name");
        if name.chars().count() > MAX_NAME {
            return Err(t
                .error(
                    row,
                    "name",
                    format!("the name has {} characters", name.chars().count()),
                )
                .with_hint(format!(
                    "a faction name is drawn in map legends: keep it under {MAX_NAME} characters and put the rest in `description`"
                )));
        }
        let side = if t.has("side") {
            t.get(row, "side")
        } else {
            ""
        };
        let side = if side.is_empty() { id } else { side };
        if RESERVED.contains(&side)
            || !side
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(t
                .error(row, "side", format!("`{side}` is not a side id"))
                .with_hint("use lower-case letters, digits and hyphens, e.g. `government`; leave it empty for a side of its own"));
        }
        let mut names = Vec::new();
        for lang in ["en", "fr", "ar"] {
            let col = format!("name_{lang}");
            if t.has(&col) {
                let n = t.get(row, &col);
                if n.chars().count() > MAX_NAME {
                    return Err(t
                        .error(
                            row,
                            &col,
                            format!("the name has {} characters", n.chars().count()),
                        )
                        .with_hint(format!("keep it under {MAX_NAME} characters")));
                }
                if !n.is_empty() {
                    names.push((lang.to_string(), n.to_string()));
                }
            }
        }
        out.push(Faction {
            side: side.to_string(),
            names,
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

/// Who holds a place, a stretch or an area: a faction, or one of the two
/// built-in states.
///
/// ```
/// use frontline::factions::Controller;
/// assert_eq!(Controller::parse("government"), Controller::Faction("government".into()));
/// assert_eq!(Controller::parse("contested"), Controller::Contested);
/// assert_eq!(Controller::Unknown.as_str(), "unknown");
/// assert!(Controller::parse("contested") == "contested");
/// // Ordered by id, as in every output.
/// assert!(Controller::Contested < Controller::parse("government"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Controller {
    /// A faction of `factions.csv`, by id.
    Faction(String),
    /// Fought over: in events, a place neither side holds.
    Contested,
    /// No place with known control decides it (never in events).
    Unknown,
}

impl Controller {
    /// From an id: `contested`, `unknown`, or else a faction id.
    pub fn parse(id: &str) -> Controller {
        match id {
            "contested" => Controller::Contested,
            "unknown" => Controller::Unknown,
            _ => Controller::Faction(id.to_string()),
        }
    }

    /// The id: the faction's, `contested` or `unknown`.
    pub fn as_str(&self) -> &str {
        match self {
            Controller::Faction(id) => id,
            Controller::Contested => "contested",
            Controller::Unknown => "unknown",
        }
    }

    /// Every controller of a theater in report order: the factions in file
    /// order, then contested, then unknown.
    pub fn all(factions: &[Faction]) -> Vec<Controller> {
        factions
            .iter()
            .map(|f| Controller::Faction(f.id.clone()))
            .chain([Controller::Contested, Controller::Unknown])
            .collect()
    }
}

impl Ord for Controller {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Controller {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for Controller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Controller {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Controller {
    fn from(id: &str) -> Controller {
        Controller::parse(id)
    }
}

impl PartialEq<str> for Controller {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Controller {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Controller {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlong_name_is_refused_with_its_line() {
        let t = format!("id,name,color\ngov,{},#c0392b\n", "N".repeat(130_000));
        let e = parse_factions(&t, "factions.csv").unwrap_err().to_string();
        assert!(
            e.contains("factions.csv:2") && e.contains("130000 characters"),
            "{e}"
        );
        assert!(e.len() < 1000);
    }
}
