//! Loaders for the gazetteer files.

use super::{fold, Kind, Name, Place};
use crate::error::{Error, Result};
use crate::table::Table;
use std::collections::HashMap;

/// Parse a GeoNames admin1 table: `code<TAB>name` lines (a header line `code\tname`
/// is allowed), where `code` is `CC.XX` as in GeoNames' admin1CodesASCII.txt.
/// Extra columns are ignored, so admin1CodesASCII.txt itself loads too.
pub fn parse_admin1(text: &str, file: &str) -> Result<HashMap<String, String>> {
    let text = crate::geo_input::strip_bom(text);
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() || (i == 0 && line.starts_with("code\t")) {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(code), Some(name)) = (cols.next(), cols.next()) else {
            return Err(Error::input(
                file,
                Some(i as u64 + 1),
                Some("name"),
                "expected `code<TAB>name`",
            )
            .with_hint("separate the columns with a tab"));
        };
        out.insert(code.to_owned(), name.to_owned());
    }
    Ok(out)
}

const GEONAMES_COLUMNS: [&str; 19] = [
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "latitude",
    "longitude",
    "feature class",
    "feature code",
    "country code",
    "cc2",
    "admin1 code",
    "admin2 code",
    "admin3 code",
    "admin4 code",
    "population",
    "elevation",
    "dem",
    "timezone",
    "modification date",
];

/// Parse a GeoNames dump (`cities500.txt`, `allCountries.txt`, `SY.txt`, …):
/// 19 tab-separated columns, no header.
pub fn parse_geonames(
    text: &str,
    file: &str,
    admin1: &HashMap<String, String>,
) -> Result<Vec<Place>> {
    // A byte-order mark (Windows editors add one) is not part of the id.
    let text = crate::geo_input::strip_bom(text);
    // Large dumps (the world cities500 has 200k rows) are parsed on all
    // cores, in contiguous chunks of lines, so the first error in file order
    // is still the one reported.
    let chunks = line_chunks(text, 4 << 20);
    if chunks.len() < 2 {
        return parse_geonames_lines(text, 1, file, admin1);
    }
    use rayon::prelude::*;
    let results: Vec<Result<Vec<Place>>> = chunks
        .par_iter()
        .map(|&(chunk, first)| parse_geonames_lines(chunk, first, file, admin1))
        .collect();
    let mut places = Vec::new();
    for r in results {
        places.extend(r?);
    }
    Ok(places)
}

/// Split text into pieces of about `size` bytes at line ends, each with the
/// number of its first line.
fn line_chunks(text: &str, size: usize) -> Vec<(&str, u64)> {
    let mut out = Vec::new();
    let (mut start, mut line) = (0, 1u64);
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while end < text.len() && text.as_bytes()[end - 1] != b'\n' {
            end += 1;
        }
        let piece = &text[start..end];
        out.push((piece, line));
        line += piece.bytes().filter(|&b| b == b'\n').count() as u64;
        start = end;
    }
    out
}

fn parse_geonames_lines<'a>(
    text: &'a str,
    first_line: u64,
    file: &str,
    admin1: &HashMap<String, String>,
) -> Result<Vec<Place>> {
    let mut places = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i as u64 + first_line;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 19 {
            return Err(Error::input(
                file,
                Some(lineno),
                None,
                format!("expected 19 tab-separated columns (GeoNames dump format), found {}", cols.len()),
            )
            .with_hint("use a file from download.geonames.org/export/dump/ such as cities500.txt, unchanged"));
        }
        let bad = |field: usize, msg: String, hint: &str| {
            Error::input(file, Some(lineno), Some(GEONAMES_COLUMNS[field]), msg)
                .with_hint(hint.to_owned())
        };
        let id = cols[0];
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(
                0,
                format!("`{id}` is not a GeoNames id"),
                "the first column must be a number",
            ));
        }
        let name = cols[1];
        if name.trim().is_empty() {
            return Err(bad(
                1,
                "the name is empty".into(),
                "every place needs a name",
            ));
        }
        let coord = |field: usize, lim: f64| -> Result<f64> {
            match cols[field].parse::<f64>() {
                Ok(v) if v.is_finite() && v.abs() <= lim => Ok(v),
                _ => Err(bad(
                    field,
                    format!("`{}` is not a coordinate within ±{lim}", cols[field]),
                    "GeoNames writes decimal degrees, e.g. 35.86447",
                )),
            }
        };
        let lat = coord(4, 90.0)?;
        let lon = coord(5, 180.0)?;
        let population = if cols[14].is_empty() {
            0
        } else {
            cols[14].parse::<u64>().map_err(|_| {
                bad(
                    14,
                    format!("`{}` is not a whole number", cols[14]),
                    "write the population as digits",
                )
            })?
        };
        let mut names = vec![Name {
            text: name.to_owned(),
            lang: None,
        }];
        // A set of the names so far: a row may hold very many alternate
        // names, and a linear search per name made it quadratic.
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::from([name]);
        let mut push = |t: &'a str| {
            let t = t.trim();
            if !t.is_empty() && seen.insert(t) {
                names.push(Name {
                    text: t.to_owned(),
                    lang: fold::is_arabic(t).then(|| "ar".to_owned()),
                });
            }
        };
        push(cols[2]);
        for alt in cols[3].split(',') {
            push(alt);
        }
        let code = format!("{}.{}", cols[8], cols[10]);
        let admin1 = admin1
            .get(&code)
            .cloned()
            .unwrap_or_else(|| cols[10].to_owned());
        let kind = match cols[6] {
            "P" => Kind::PopulatedPlace,
            "R" => Kind::Road,
            _ => Kind::Region,
        };
        places.push(Place {
            id: id.to_owned(),
            name: name.to_owned(),
            names,
            lat,
            lon,
            kind,
            feature_code: cols[7].to_owned(),
            admin1,
            population,
            source: format!("https://www.geonames.org/{id}"),
        });
    }
    Ok(places)
}

/// Split a `names` cell: `|`-separated names, each optionally prefixed by a
/// language code and a colon, e.g. `ar:خان طومان|fr:Khan Touman|Khan Tuman`.
fn parse_names(cell: &str) -> Vec<Name> {
    cell.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| match s.split_once(':') {
            Some((lang, rest))
                if (2..=3).contains(&lang.len())
                    && lang.bytes().all(|b| b.is_ascii_lowercase()) =>
            {
                Name {
                    text: rest.trim().to_owned(),
                    lang: Some(lang.to_owned()),
                }
            }
            _ => Name {
                text: s.to_owned(),
                lang: fold::is_arabic(s).then(|| "ar".to_owned()),
            },
        })
        .collect()
}

fn check_source(t: &Table, row: &crate::table::Row, field: &str) -> Result<String> {
    let s = t.get(row, field);
    if s.starts_with("http://") || s.starts_with("https://") {
        Ok(s.to_owned())
    } else {
        Err(t
            .error(
                row,
                field,
                if s.is_empty() {
                    "no source".to_owned()
                } else {
                    format!("`{s}` is not a URL")
                },
            )
            .with_hint("every fact needs the URL it comes from"))
    }
}

/// Parse the supplement: places that GeoNames lacks, and roads.
///
/// Columns: `id,name,lat,lon,kind,feature_code,admin1,population,names,source,note`.
pub fn parse_supplement(text: &str, file: &str) -> Result<Vec<Place>> {
    let t = Table::parse(
        text,
        file,
        &[
            "id", "name", "lat", "lon", "kind", "admin1", "names", "source",
        ],
    )?;
    let mut out = Vec::new();
    for row in t.rows() {
        let id = t.get(row, "id");
        if id.is_empty() || id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(t
                .error(row, "id", format!("`{id}` cannot be a supplement id"))
                .with_hint(
                    "use a prefixed slug such as `fl:khan-tuman`; bare numbers are GeoNames ids",
                ));
        }
        let name = t.get(row, "name");
        if name.is_empty() {
            return Err(t
                .error(row, "name", "the name is empty")
                .with_hint("every place needs a name"));
        }
        let lat = t.number(row, "lat", -90.0, 90.0)?;
        let lon = t.number(row, "lon", -180.0, 180.0)?;
        let kind_s = t.get(row, "kind");
        let kind = Kind::parse(kind_s).ok_or_else(|| {
            t.error(row, "kind", format!("unknown kind `{kind_s}`"))
                .with_hint("use populated_place, road or region")
        })?;
        let population = match t.get(row, "population") {
            "" => 0,
            p => p.parse::<u64>().map_err(|_| {
                t.error(row, "population", format!("`{p}` is not a whole number"))
                    .with_hint("leave it empty when unknown")
            })?,
        };
        let mut names = vec![Name {
            text: name.to_owned(),
            lang: None,
        }];
        for n in parse_names(t.get(row, "names")) {
            if !names.iter().any(|m| m.text == n.text) {
                names.push(n);
            }
        }
        let feature_code = match t.get(row, "feature_code") {
            "" if kind == Kind::Road => "ROAD".to_owned(),
            "" => "PPL".to_owned(),
            c => c.to_owned(),
        };
        out.push(Place {
            id: id.to_owned(),
            name: name.to_owned(),
            names,
            lat,
            lon,
            kind,
            feature_code,
            admin1: t.get(row, "admin1").to_owned(),
            population,
            source: check_source(&t, row, "source")?,
        });
    }
    Ok(out)
}

/// Parse aliases: `place,name,lang,source`. Returns (line, place id, name).
pub fn parse_aliases(text: &str, file: &str) -> Result<Vec<(u64, String, Name)>> {
    let t = Table::parse(text, file, &["place", "name", "lang"])?;
    let mut out = Vec::new();
    for row in t.rows() {
        let name = t.get(row, "name");
        if name.is_empty() {
            return Err(t
                .error(row, "name", "the alias is empty")
                .with_hint("write the spelling the press uses"));
        }
        let lang = t.get(row, "lang");
        out.push((
            row.line,
            t.get(row, "place").to_owned(),
            Name {
                text: name.to_owned(),
                lang: (!lang.is_empty()).then(|| lang.to_owned()),
            },
        ));
    }
    Ok(out)
}

/// Parse the not-places list: one name per line, `#` comments; folded with
/// the theater's rules.
pub fn parse_not_places(text: &str, rules: super::lang::Rules) -> Vec<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| fold::fold_with(l, rules))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_before_a_geonames_dump_or_admin1_table_is_skipped() {
        let row = "170592\tSaraqib\tSaraqib\t\t35.86\t36.8\tP\tPPL\tSY\t\t07\t\t\t\t0\t\t0\tAsia/Damascus\t2020-01-01\n";
        let p = parse_geonames(&format!("\u{feff}{row}"), "g.txt", &HashMap::new()).unwrap();
        assert_eq!(p[0].id, "170592");
        let a = parse_admin1("\u{feff}SY.07\tIdlib\n", "a.tsv").unwrap();
        assert_eq!(a.get("SY.07").map(String::as_str), Some("Idlib"));
    }

    #[test]
    fn a_row_with_100k_alternate_names_loads_in_linear_time() {
        let alts: Vec<String> = (0..100_000).map(|i| format!("Alt{i}")).collect();
        let row = format!(
            "1\tTown\tTown\t{},Town,Alt7\t35.0\t36.0\tP\tPPL\tSY\t\t07\t\t\t\t100\t\t0\tAsia/Damascus\t2020-01-01\n",
            alts.join(",")
        );
        let started = std::time::Instant::now();
        let p = parse_geonames(&row, "g.txt", &HashMap::new()).unwrap();
        assert_eq!(p[0].names.len(), 100_001);
        // Quadratic took about 40 s (5e9 comparisons); linear well under one.
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
