//! The theater's actors: phrases per language that name a side
//! (`actors.csv`: `lang,phrase,faction,note`, and an optional `role`).
//!
//! A row's `role` is `actor` (the default: the phrase names the side) or
//! `support`: the phrase tells that a side is backed by this faction
//! ("with Turkish support", «بدعم تركي»), so an actor of the same `side`
//! named in that sentence is this faction ("the rebels, with Turkish
//! support, retook Saraqib" → `turkish-backed`).

use super::text::Lexicon;
use crate::error::{Error, Result};
use crate::factions::Faction;
use crate::table::Table;

/// The embedded default theater's actors.
pub const EMBEDDED: &str = include_str!("../../data/actors.csv");

/// Actor phrases mapped to faction ids.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    pub(crate) lexicon: Lexicon<String>,
    /// Phrases of support (`role` = `support`).
    pub(crate) support: Lexicon<String>,
    /// Number of phrases.
    pub len: usize,
    /// (faction id, side) of each faction of the theater.
    sides: Vec<(String, String)>,
}

impl Actors {
    /// Parse `actors.csv`; every faction must be one of `factions`.
    pub fn parse(text: &str, file: &str, factions: &[Faction]) -> Result<Actors> {
        let t = Table::parse(text, file, &["lang", "phrase", "faction"])?;
        let mut a = Actors::default();
        let mut seen = std::collections::HashMap::new();
        for row in t.rows() {
            let phrase = t.get(row, "phrase");
            let faction = t.get(row, "faction");
            if phrase.is_empty() || !phrase.chars().any(char::is_alphanumeric) {
                return Err(t.error(row, "phrase", "the phrase is empty").with_hint(
                    "write the words the press uses for the side, e.g. `government forces`",
                ));
            }
            if !factions.iter().any(|f| f.id == faction) {
                let ids: Vec<&str> = factions.iter().map(|f| f.id.as_str()).collect();
                return Err(t
                    .error(row, "faction", format!("unknown faction `{faction}`"))
                    .with_hint(format!("use one of: {} (see factions.csv)", ids.join(", "))));
            }
            let key = super::text::norm(phrase);
            if let Some((line, other)) = seen.get(&key) {
                if other != faction {
                    return Err(t
                        .error(
                            row,
                            "phrase",
                            format!("`{phrase}` is already given to `{other}` on line {line}"),
                        )
                        .with_hint("a phrase names one side; make it longer to tell them apart"));
                }
            }
            seen.insert(key, (row.line, faction.to_string()));
            match t.get(row, "role") {
                "" | "actor" => a.lexicon.add(phrase, faction.to_string()),
                "support" => a.support.add(phrase, faction.to_string()),
                other => {
                    return Err(t
                        .error(row, "role", format!("unknown role `{other}`"))
                        .with_hint("use `actor` (the phrase names the side, the default) or `support` (the phrase tells the side is backed by this faction)"));
                }
            }
            a.len += 1;
        }
        a.sides = factions
            .iter()
            .map(|f| (f.id.clone(), f.side.clone()))
            .collect();
        if a.len == 0 {
            return Err(
                Error::input(file, None, None, "no actor phrases").with_hint(
                    "add rows `lang,phrase,faction,note`, e.g. `en,government forces,government,`",
                ),
            );
        }
        Ok(a)
    }

    /// Who holds a place a faction withdraws from: the one faction of the
    /// other side, or `None` when the other side has several (or none).
    pub fn opponent(&self, faction: &str) -> Option<&str> {
        let side = &self.sides.iter().find(|(id, _)| id == faction)?.1;
        let mut others = self.sides.iter().filter(|(_, s)| s != side);
        match (others.next(), others.next()) {
            (Some((id, _)), None) => Some(id.as_str()),
            _ => None,
        }
    }

    /// Are two factions on the same side (allies)?
    pub fn same_side(&self, a: &str, b: &str) -> bool {
        let side = |f: &str| self.sides.iter().find(|(id, _)| id == f).map(|x| &x.1);
        side(a).is_some() && side(a) == side(b)
    }

    /// The embedded Idlib theater's actors.
    pub fn embedded(factions: &[Faction]) -> Result<Actors> {
        Actors::parse(EMBEDDED, "<embedded>/data/actors.csv", factions)
    }

    /// `DIR/actors.csv` of a theater folder, with a clear message when it is missing.
    pub fn from_dir(dir: &std::path::Path, factions: &[Faction]) -> Result<Actors> {
        let p = dir.join("actors.csv");
        if !p.exists() {
            return Err(Error::Usage(format!(
                "{}: the theater has no actors.csv, so `propose` cannot tell who took a place\n  hint: create it with the columns lang,phrase,faction,note and an optional role (one row per way the press names a side; see data/actors.csv and examples/kharkiv-2022/actors.csv)",
                p.display()
            )));
        }
        let text = crate::error::read_utf8(&p)?;
        Actors::parse(&text, &p.display().to_string(), factions)
    }
}
