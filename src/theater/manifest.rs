//! `theater.csv`: the theater's name, the languages of its press, its
//! country and its extent.
//!
//! ```text
//! key,value
//! name,Kharkiv counteroffensive 2022
//! languages,uk ru en
//! country,UA
//! extent,35.5 48.3 39.0 50.5
//! attribution,Places: GeoNames (CC-BY 4.0) · Outlines: Natural Earth
//! ```
//!
//! Every key is optional; so is the file. Without `languages` names are
//! folded with the rules of the embedded Idlib theater (`ar fr en`) and a
//! warning says so; without `extent` the theater's extent is the box around
//! the places its events name.

use crate::error::Result;
use crate::gazetteer::lang::{Rules, KNOWN};
use crate::table::Table;

/// What `theater.csv` says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    /// A name for titles and messages.
    pub name: Option<String>,
    /// ISO 639-1 codes of the press languages, as written.
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-2 code of the country, as GeoNames writes it.
    pub country: Option<String>,
    /// West, south, east, north, degrees.
    pub extent: Option<[f64; 4]>,
    /// The credit line of its maps, naming the licences of its data.
    pub attribution: Option<String>,
}

impl Manifest {
    /// The folding and geoparsing rules of the languages, or the Idlib
    /// rules when none are given.
    pub fn rules(&self) -> Rules {
        if self.languages.is_empty() {
            Rules::IDLIB
        } else {
            Rules::for_languages(&self.languages).unwrap_or(Rules::IDLIB)
        }
    }
}

/// Split a list written with spaces, commas or `|`.
pub fn split_list(v: &str) -> Vec<String> {
    v.split([' ', ',', '|', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Check a list of language codes; the error is the message and a hint.
pub fn check_languages(codes: &[String]) -> std::result::Result<Rules, (String, String)> {
    Rules::for_languages(codes).map_err(|bad| {
        (
            format!("no rules for language `{bad}`"),
            format!(
                "use ISO 639-1 codes among: {} (names in other languages still match letter for letter)",
                KNOWN.join(", ")
            ),
        )
    })
}

/// Parse `theater.csv` (`key,value` rows).
pub fn parse_manifest(text: &str, file: &str) -> Result<Manifest> {
    let t = Table::parse(text, file, &["key", "value"])?;
    let mut m = Manifest::default();
    for row in t.rows() {
        let v = t.get(row, "value").trim();
        match t.get(row, "key") {
            "name" => m.name = Some(v.to_string()),
            "attribution" => m.attribution = Some(v.to_string()),
            "languages" => {
                let codes = split_list(v);
                check_languages(&codes)
                    .map_err(|(msg, hint)| t.error(row, "value", msg).with_hint(hint))?;
                m.languages = codes;
            }
            "country" => {
                if v.len() != 2 || !v.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(t
                        .error(row, "value", format!("`{v}` is not a country code"))
                        .with_hint("write the two-letter code GeoNames uses, e.g. UA or SY"));
                }
                m.country = Some(v.to_string());
            }
            "extent" => {
                let nums: Vec<f64> = split_list(v)
                    .iter()
                    .filter_map(|x| x.parse::<f64>().ok())
                    .collect();
                let ok = nums.len() == 4
                    && nums.iter().all(|x| x.is_finite())
                    && (-180.0..=180.0).contains(&nums[0])
                    && (-180.0..=180.0).contains(&nums[2])
                    && (-90.0..=90.0).contains(&nums[1])
                    && (-90.0..=90.0).contains(&nums[3])
                    && nums[0] < nums[2]
                    && nums[1] < nums[3];
                if !ok {
                    return Err(t
                        .error(row, "value", format!("`{v}` is not an extent"))
                        .with_hint(
                            "write west south east north in degrees, e.g. `35.5 48.3 39.0 50.5`",
                        ));
                }
                m.extent = Some([nums[0], nums[1], nums[2], nums[3]]);
            }
            other => {
                return Err(t
                    .error(row, "key", format!("unknown key `{other}`"))
                    .with_hint(
                        "theater.csv knows name, languages, country, extent and attribution",
                    ));
            }
        }
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_parses_and_bad_values_name_the_line() {
        let m = parse_manifest(
            "key,value\nname,Kharkiv\nlanguages,uk ru en\ncountry,UA\nextent,35.5 48.3 39.0 50.5\n",
            "theater.csv",
        )
        .unwrap();
        assert_eq!(m.languages, ["uk", "ru", "en"]);
        assert!(m.rules().slavic && !m.rules().french);
        assert_eq!(m.extent, Some([35.5, 48.3, 39.0, 50.5]));
        for (row, want) in [
            ("languages,uk xx", "`xx`"),
            ("extent,1 2 3", "not an extent"),
            ("extent,3 2 1 4", "not an extent"),
            ("country,Ukraine", "country code"),
            ("colour,red", "unknown key"),
        ] {
            let e = parse_manifest(&format!("key,value\n{row}\n"), "t.csv")
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("t.csv") && e.contains(":2") && e.contains(want),
                "{row}: {e}"
            );
        }
    }
}
