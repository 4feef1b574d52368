//! The gazetteer: places, their many names, and how to find them.
//!
//! A [`Gazetteer`] is built from three kinds of data:
//! * a GeoNames dump (`geonames.txt`, the 19-column format of
//!   `cities500.txt`), CC-BY 4.0;
//! * a sourced supplement of places GeoNames lacks (`supplement.csv`),
//!   including roads;
//! * curated aliases for press spellings and exonyms (`aliases.csv`).
//!
//! ```
//! let gaz = frontline::gazetteer::Gazetteer::embedded().unwrap();
//! let best = gaz.resolve("Saraqeb", &Default::default()).remove(0);
//! assert_eq!(best.place.name, "Sarāqib");
//! ```

pub mod fold;
pub mod lang;
mod load;
pub(crate) mod matcher;

pub use load::{parse_admin1, parse_aliases, parse_geonames, parse_supplement};
pub(crate) use matcher::matched_name;
pub(crate) use matcher::plain as matcher_plain;
pub use matcher::{Candidate, Focus, MAX_QUERY_CHARS};

use crate::error::Result;
use lang::Rules;
use serde::Serialize;

/// What kind of feature a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A city, town or village.
    PopulatedPlace,
    /// A named road or highway.
    Road,
    /// An administrative or natural region.
    Region,
}

impl Kind {
    /// Parse the `kind` column of the supplement.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "populated_place" | "place" => Some(Kind::PopulatedPlace),
            "road" => Some(Kind::Road),
            "region" => Some(Kind::Region),
            _ => None,
        }
    }

    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::PopulatedPlace => "populated_place",
            Kind::Road => "road",
            Kind::Region => "region",
        }
    }
}

/// One name of a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    /// The name as written.
    pub text: String,
    /// Language code (`ar`, `fr`, `en`, …) where known.
    pub lang: Option<String>,
}

/// A place in the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Stable id: the GeoNames id where there is one, else the supplement's id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Every name, the canonical one first.
    pub names: Vec<Name>,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Feature kind.
    pub kind: Kind,
    /// GeoNames feature code (`PPLC`, `PPLA`, `PPLA2`, `PPL`, …) or `ROAD`.
    pub feature_code: String,
    /// First-level administrative division (governorate) name.
    pub admin1: String,
    /// Population, 0 where unknown.
    pub population: u64,
    /// Where the place and its coordinates come from.
    pub source: String,
}

impl Place {
    /// Feature rank used to break ties: capital 0, admin seats 1–3, other
    /// populated places 4, anything else 5. Roads and regions rank with capitals
    /// because a press mention of "M5" means the road.
    pub fn rank(&self) -> u8 {
        match self.feature_code.as_str() {
            "PPLC" | "ROAD" | "ADM1" => 0,
            "PPLA" => 1,
            "PPLA2" => 2,
            "PPLA3" | "PPLA4" | "PPLA5" | "PPLG" => 3,
            c if c.starts_with("PPL") => 4,
            _ => 5,
        }
    }
}

/// Two places whose names fold to the same key though they differ by a
/// real letter: see [`Gazetteer::fold_collisions`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    /// The folded key they share.
    pub key: String,
    /// The first place's id and its name (plain) with that key.
    pub a: (String, String),
    /// The second place's id and its name (plain) with that key.
    pub b: (String, String),
}

/// A set of places with a name index for resolving and geoparsing.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    places: Vec<Place>,
    index: matcher::Index,
}

/// The embedded default gazetteer files (Syria).
pub mod embedded {
    /// GeoNames cities500 rows for Syria (CC-BY 4.0).
    pub const GEONAMES: &str = include_str!("../../data/gazetteer/geonames.txt");
    /// GeoNames admin1 codes and names (CC-BY 4.0).
    pub const ADMIN1: &str = include_str!("../../data/gazetteer/admin1.tsv");
    /// Sourced places that cities500 lacks, and roads.
    pub const SUPPLEMENT: &str = include_str!("../../data/gazetteer/supplement.csv");
    /// Places whose coordinates come from Wikipedia's Syria detailed-map
    /// module (CC BY-SA 4.0), kept in a file of their own for its licence.
    pub const SUPPLEMENT_WIKIPEDIA: &str =
        include_str!("../../data/gazetteer/supplement-wikipedia.csv");
    /// The embedded `supplement-*.csv` files, in name order, with their names.
    pub const MORE_SUPPLEMENTS: &[(&str, &str)] = &[(
        SUPPLEMENT_WIKIPEDIA,
        "<embedded>/data/gazetteer/supplement-wikipedia.csv",
    )];
    /// Press spellings and exonyms.
    pub const ALIASES: &str = include_str!("../../data/gazetteer/aliases.csv");
    /// Words that look like place names in running text but are not.
    pub const NOT_PLACES: &str = include_str!("../../data/gazetteer/not-places.txt");
}

/// The text of the four gazetteer files, with the names to report in errors.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// GeoNames dump text and its file name.
    pub geonames: (&'a str, &'a str),
    /// admin1 table text and its file name.
    pub admin1: (&'a str, &'a str),
    /// Supplement CSV text and its file name.
    pub supplement: (&'a str, &'a str),
    /// Further supplements (`supplement-*.csv`, same columns), text and file
    /// name each: places kept apart from `supplement.csv`, e.g. for the
    /// licence of their source.
    pub more_supplements: &'a [(&'a str, &'a str)],
    /// Aliases CSV text and its file name.
    pub aliases: (&'a str, &'a str),
    /// Not-places list text and its file name.
    pub not_places: (&'a str, &'a str),
    /// Skip aliases whose place id is not loaded instead of failing. Set when
    /// a user's GeoNames dump replaces the theater's extract, so curated
    /// aliases for places outside that dump do not get in the way.
    pub skip_dangling_aliases: bool,
    /// The folding rules of the theater's press languages.
    pub rules: Rules,
}

impl Sources<'static> {
    /// The embedded default files.
    pub fn embedded() -> Self {
        Sources {
            geonames: (embedded::GEONAMES, "<embedded>/data/gazetteer/geonames.txt"),
            admin1: (embedded::ADMIN1, "<embedded>/data/gazetteer/admin1.tsv"),
            supplement: (
                embedded::SUPPLEMENT,
                "<embedded>/data/gazetteer/supplement.csv",
            ),
            more_supplements: embedded::MORE_SUPPLEMENTS,
            aliases: (embedded::ALIASES, "<embedded>/data/gazetteer/aliases.csv"),
            not_places: (
                embedded::NOT_PLACES,
                "<embedded>/data/gazetteer/not-places.txt",
            ),
            skip_dangling_aliases: false,
            rules: Rules::IDLIB,
        }
    }
}

impl Gazetteer {
    /// The embedded default gazetteer (Syria).
    pub fn embedded() -> Result<Gazetteer> {
        Gazetteer::from_sources(&Sources::embedded())
    }

    /// Build from the text of the gazetteer files.
    pub fn from_sources(src: &Sources<'_>) -> Result<Gazetteer> {
        let admin1 = parse_admin1(src.admin1.0, src.admin1.1)?;
        let mut places = parse_geonames(src.geonames.0, src.geonames.1, &admin1)?;
        places.extend(parse_supplement(src.supplement.0, src.supplement.1)?);
        for (text, file) in src.more_supplements {
            places.extend(parse_supplement(text, file)?);
        }
        if let Err(id) = unique_ids(&places) {
            return Err(duplicate_id_error(src, &id));
        }
        let by_id: std::collections::HashMap<&str, usize> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let mut extra: Vec<(usize, Name)> = Vec::new();
        for (line, id, name) in parse_aliases(src.aliases.0, src.aliases.1)? {
            let Some(&i) = by_id.get(id.as_str()) else {
                if src.skip_dangling_aliases {
                    continue;
                }
                return Err(crate::error::Error::input(
                    src.aliases.1,
                    Some(line),
                    Some("place"),
                    format!("no place with id `{id}`"),
                )
                .with_hint("use a GeoNames id from geonames.txt or an id from supplement.csv"));
            };
            extra.push((i, name));
        }
        drop(by_id);
        for (i, name) in extra {
            places[i].names.push(name);
        }
        let not_places = load::parse_not_places(src.not_places.0, src.rules);
        let index = matcher::Index::build(&places, not_places, src.rules);
        Ok(Gazetteer { places, index })
    }

    /// Build from places, with the rules of the embedded theater. Ids must
    /// be unique.
    pub fn from_places(places: Vec<Place>) -> Result<Gazetteer> {
        Gazetteer::from_places_with(places, Rules::IDLIB)
    }

    /// Build from places with the folding rules of some languages. Ids must
    /// be unique.
    pub fn from_places_with(places: Vec<Place>, rules: Rules) -> Result<Gazetteer> {
        check_unique_ids(&places)?;
        let index = matcher::Index::build(&places, Vec::new(), rules);
        Ok(Gazetteer { places, index })
    }

    /// The folding rules of this gazetteer's languages.
    pub fn rules(&self) -> Rules {
        self.index.rules()
    }

    /// Fold a name with this gazetteer's rules.
    pub fn fold(&self, name: &str) -> String {
        self.index.fold(name)
    }

    /// The theater's extent (west, south, east, north), if set.
    pub fn extent(&self) -> Option<[f64; 4]> {
        self.index.extent()
    }

    /// Set the theater's extent: among places of the same name, those inside
    /// it rank first (in `resolve` after the user's focus, in `geoparse`
    /// always), so a Borova of the theater wins over a Borova elsewhere in
    /// a country-wide gazetteer.
    pub fn set_extent(&mut self, extent: Option<[f64; 4]>) {
        self.index.set_extent(extent);
    }

    /// Is the place inside the theater's extent (always, when none is set)?
    pub fn in_extent(&self, place: &Place) -> bool {
        matcher::in_extent(place, self.extent())
    }

    /// All places.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place with this id.
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.index.by_id(id).map(|i| &self.places[i])
    }

    /// Ranked candidates for a name (or an id), best first. Empty when nothing
    /// scores at least [`matcher::MIN_SCORE`], or when the query is longer
    /// than [`MAX_QUERY_CHARS`].
    pub fn resolve(&self, query: &str, focus: &Focus) -> Vec<Candidate<'_>> {
        self.index.resolve(&self.places, query, focus)
    }

    /// Up to `n` names that come closest to `query`, for "did you mean" hints.
    pub fn suggest(&self, query: &str, n: usize) -> Vec<&str> {
        self.index.suggest(&self.places, query, n)
    }

    /// Folding collisions: pairs of distinct places that share a folded key
    /// through names that differ by a real letter (after case, accents and
    /// apostrophes), and share no name letter for letter. Two villages
    /// both called Novoselivka are not a collision; Luhanske folded onto
    /// Luhansk is. Sorted, one entry per pair of places: (key, name of the
    /// first place, name of the second), with the ids.
    pub fn fold_collisions(&self) -> Vec<Collision> {
        use std::collections::{BTreeMap, BTreeSet};
        let rules = self.rules();
        // key -> place index -> the plain forms of its names with that key
        let mut by_key: BTreeMap<String, BTreeMap<usize, BTreeSet<String>>> = BTreeMap::new();
        for (pi, p) in self.places.iter().enumerate() {
            for n in &p.names {
                let key = fold::fold_with(&n.text, rules);
                if key.is_empty() {
                    continue;
                }
                by_key
                    .entry(key)
                    .or_default()
                    .entry(pi)
                    .or_default()
                    .insert(matcher::plain(&n.text));
            }
        }
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (key, places) in by_key {
            let list: Vec<(&usize, &BTreeSet<String>)> = places.iter().collect();
            for (i, (a, fa)) in list.iter().enumerate() {
                for (b, fb) in &list[i + 1..] {
                    if !fa.is_disjoint(fb) || !seen.insert((**a, **b)) {
                        continue;
                    }
                    let (pa, pb) = (&self.places[**a], &self.places[**b]);
                    // a homonym through other names is not a folding collision
                    let shares_a_name = pa.names.iter().any(|n| {
                        let x = matcher::plain(&n.text);
                        pb.names.iter().any(|m| matcher::plain(&m.text) == x)
                    });
                    if shares_a_name {
                        continue;
                    }
                    out.push(Collision {
                        key: key.clone(),
                        a: (pa.id.clone(), fa.iter().next().cloned().unwrap_or_default()),
                        b: (pb.id.clone(), fb.iter().next().cloned().unwrap_or_default()),
                    });
                }
            }
        }
        out
    }

    pub(crate) fn index(&self) -> &matcher::Index {
        &self.index
    }
}

fn check_unique_ids(places: &[Place]) -> Result<()> {
    unique_ids(places).map_err(|id| {
        crate::error::Error::input(
            "<gazetteer>",
            None,
            Some("id"),
            format!("duplicate place id `{id}`"),
        )
        .with_hint("each place needs its own id")
    })
}

/// The first id given to two places, if any.
fn unique_ids(places: &[Place]) -> std::result::Result<(), String> {
    let mut seen = std::collections::HashSet::with_capacity(places.len());
    for p in places {
        if !seen.insert(p.id.as_str()) {
            return Err(p.id.clone());
        }
    }
    Ok(())
}

/// A duplicate id, at the file and line of its second row, naming the first.
fn duplicate_id_error(src: &Sources<'_>, id: &str) -> crate::error::Error {
    let mut rows: Vec<(&str, u64)> = Vec::new();
    let files = [src.geonames, src.supplement];
    for &(text, file) in files.iter().chain(src.more_supplements) {
        for (i, line) in text.lines().enumerate() {
            let first = line.split(['\t', ',']).next().unwrap_or("");
            if first.trim().trim_matches('"') == id {
                rows.push((file, i as u64 + 1));
            }
        }
    }
    let (file, line) = rows.get(1).copied().unwrap_or((src.supplement.1, 0));
    let first = rows
        .first()
        .map_or_else(String::new, |(f, l)| format!(" (first at {f}:{l})"));
    crate::error::Error::input(
        file,
        (line > 0).then_some(line),
        Some("id"),
        format!("duplicate place id `{id}`{first}"),
    )
    .with_hint("each place needs its own id: remove or renumber one of the rows")
}
