//! `frontline theater init`: a new theater folder from a GeoNames dump.

use crate::error::{write_atomic, Error, Result};
use crate::gazetteer::lang::{arabic, slavic};
use std::path::Path;

/// What [`init`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct InitSummary {
    /// Places kept from the dump.
    pub places: usize,
    /// First-level divisions of the country in the admin1 table.
    pub admin1: usize,
    /// The languages written to `theater.csv`.
    pub languages: Vec<String>,
    /// The extent written to `theater.csv` (west, south, east, north).
    pub extent: [f64; 4],
    /// The files written, relative to the folder.
    pub files: Vec<&'static str>,
}

/// Default press languages of a country, where frontline has rules for
/// them; English otherwise.
pub fn default_languages(country: &str) -> Vec<String> {
    let mut v: Vec<&str> = if slavic::COUNTRIES.contains(&country) {
        slavic::languages_of(country).to_vec()
    } else if arabic::COUNTRIES.contains(&country) {
        vec!["ar", "fr"]
    } else {
        vec![]
    };
    v.push("en");
    v.into_iter().map(str::to_string).collect()
}

/// Write a theater folder at `dir`: the rows of the GeoNames dump `dump`
/// whose country code is `country` (and whose admin1 code is in
/// `admin1_codes`, when given) as `gazetteer/geonames.txt`, the country's
/// rows of the admin1 table, `theater.csv`, and empty templates of
/// `factions.csv`, `events.csv`, `gazetteer/supplement.csv`,
/// `gazetteer/aliases.csv` and `gazetteer/not-places.txt`. Refuses a folder
/// that already holds a theater.
#[allow(clippy::too_many_arguments)]
pub fn init(
    dir: &Path,
    dump: &str,
    dump_file: &str,
    admin1_table: &str,
    country: &str,
    admin1_codes: &[String],
    languages: &[String],
    name: &str,
) -> Result<InitSummary> {
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(Error::Usage(format!(
            "--country `{country}` is not a country code\n  hint: write the two-letter ISO code GeoNames uses, e.g. UA"
        )));
    }
    for f in [
        "theater.csv",
        "events.csv",
        "factions.csv",
        "gazetteer/geonames.txt",
    ] {
        if dir.join(f).exists() {
            return Err(Error::Usage(format!(
                "{} already exists: `{}` is a theater already\n  hint: pick a new folder, or remove that theater first",
                dir.join(f).display(),
                dir.display()
            )));
        }
    }
    let mut rows: Vec<(u64, &str)> = Vec::new();
    let mut countries = std::collections::BTreeMap::<&str, usize>::new();
    let (mut w, mut s, mut e, mut n) = (180.0f64, 90.0f64, -180.0f64, -90.0f64);
    for (i, line) in crate::geo_input::strip_bom(dump).lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 19 {
            return Err(Error::input(
                dump_file,
                Some(i as u64 + 1),
                None,
                format!("expected 19 tab-separated columns (GeoNames dump format), found {}", cols.len()),
            )
            .with_hint("use a file from download.geonames.org/export/dump/ such as cities500.txt, unchanged"));
        }
        *countries.entry(cols[8]).or_default() += 1;
        if cols[8] != country
            || (!admin1_codes.is_empty() && !admin1_codes.iter().any(|c| c == cols[10]))
        {
            continue;
        }
        let id: u64 = cols[0].parse().map_err(|_| {
            Error::input(
                dump_file,
                Some(i as u64 + 1),
                Some("geonameid"),
                format!("`{}` is not a GeoNames id", cols[0]),
            )
            .with_hint("the first column must be a number")
        })?;
        let (lat, lon) = (
            cols[4].parse::<f64>().unwrap_or(f64::NAN),
            cols[5].parse::<f64>().unwrap_or(f64::NAN),
        );
        if lat.is_finite() && lon.is_finite() {
            (w, s, e, n) = (w.min(lon), s.min(lat), e.max(lon), n.max(lat));
        }
        rows.push((id, line));
    }
    if rows.is_empty() {
        let common: Vec<String> = {
            let mut c: Vec<(&&str, &usize)> = countries.iter().collect();
            c.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            c.iter()
                .take(8)
                .map(|(k, v)| format!("{k} ({v})"))
                .collect()
        };
        return Err(Error::input(
            dump_file,
            None,
            Some("country code"),
            if admin1_codes.is_empty() {
                format!("no row has country code `{country}`")
            } else {
                format!(
                    "no row has country code `{country}` and admin1 code {}",
                    admin1_codes.join(" or ")
                )
            },
        )
        .with_hint(if common.is_empty() {
            "the file holds no places".to_string()
        } else {
            format!("the file's country codes include: {}", common.join(", "))
        }));
    }
    rows.sort_by_key(|r| r.0);
    let mut geonames = String::new();
    for (_, line) in &rows {
        geonames.push_str(line);
        geonames.push('\n');
    }
    let prefix = format!("{country}.");
    let mut admin1 = String::from("code\tname\n");
    let mut n_admin1 = 0;
    for line in crate::geo_input::strip_bom(admin1_table).lines() {
        if line.starts_with(&prefix) {
            admin1.push_str(line);
            admin1.push('\n');
            n_admin1 += 1;
        }
    }
    let pad = 0.1;
    let extent = [
        round3(w - pad),
        round3(s - pad),
        round3(e + pad),
        round3(n + pad),
    ];
    let manifest = format!(
        "# The theater: see docs/theater.md in the frontline repository.\n\
         # languages: the press languages whose name rules apply (ar fr en uk ru be).\n\
         # extent: west south east north; same-name places inside it win.\n\
         key,value\nname,{}\nlanguages,{}\ncountry,{country}\nextent,{} {} {} {}\n",
        csv_cell(name),
        languages.join(" "),
        extent[0],
        extent[1],
        extent[2],
        extent[3]
    );
    let files: Vec<(&'static str, String)> = vec![
        ("theater.csv", manifest),
        ("gazetteer/geonames.txt", geonames),
        ("gazetteer/admin1.tsv", admin1),
        (
            "gazetteer/supplement.csv",
            "# Places the GeoNames extract lacks, and highways as `road` features (id road:REF),\n\
             # each with the URL its coordinates come from. names: |-separated, optional lang: prefix.\n\
             id,name,lat,lon,kind,feature_code,admin1,population,names,source,note\n"
                .into(),
        ),
        (
            "gazetteer/aliases.csv",
            "# Press spellings of places already in the gazetteer; place = GeoNames or supplement id.\n\
             place,name,lang,source,note\n"
                .into(),
        ),
        (
            "gazetteer/not-places.txt",
            "# Names that look like places in running text but are people, agencies, units\n\
             # or places outside the theater. One per line.\n"
                .into(),
        ),
        (
            "factions.csv",
            "# The sides: id (lower case, digits, hyphens), display name, colour #rrggbb.\n\
             id,name,color,description\n"
                .into(),
        ),
        (
            "events.csv",
            "# One row per sourced control event: date YYYY-MM-DD, place (name or GeoNames id),\n\
             # controller (a faction id or contested), confidence (confirmed|claimed), source URL.\n\
             date,place,controller,confidence,source,source_kind,note\n"
                .into(),
        ),
    ];
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(parent.display().to_string(), e))?;
        }
        write_atomic(&path, text.as_bytes())?;
    }
    Ok(InitSummary {
        places: rows.len(),
        admin1: n_admin1,
        languages: languages.to_vec(),
        extent,
        files: files.iter().map(|f| f.0).collect(),
    })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
