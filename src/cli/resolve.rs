//! `frontline resolve`

use super::{table, EXIT_NOT_FOUND, EXIT_OK};
use frontline::error::Error;
use frontline::gazetteer::{Candidate, Focus, Gazetteer};
use serde::Serialize;

pub const AFTER_HELP: &str = "\
Examples:
  frontline resolve \"Maaret al-Noomane\" Saraqeb \"Jisr al-Choughour\" Lattaquié سراقب M5 --json
  frontline resolve Souran --all
  frontline resolve Souran --region Aleppo
  frontline resolve 164816            # a GeoNames id resolves to itself

Scores: 1.0 is an exact match after folding spellings (case, accents, ayn and
hamza signs, al-/an-/ash- articles, ou/u, e/a, ch/sh, q/k, doubled letters,
Arabic letter variants); below 1.0 is a fuzzy match. Ties go to the --region or
--near focus when given, then to capitals, admin seats and villages in that
order, then to the larger population.

Exit status: 0 all names resolved, 1 some not found, 2 bad input.";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Names to resolve, in any spelling or script, or gazetteer ids.
    #[arg(required = true, value_name = "NAME")]
    names: Vec<String>,
    /// One JSON object per line (JSON Lines).
    #[arg(long)]
    json: bool,
    /// List every ranked candidate, not just the best.
    #[arg(long)]
    all: bool,
    /// Prefer places near this point when scores tie.
    #[arg(long, value_name = "LAT,LON", value_parser = parse_latlon)]
    near: Option<(f64, f64)>,
    /// Prefer places in this first-level region (governorate) when scores tie.
    #[arg(long, value_name = "NAME")]
    region: Option<String>,
}

fn parse_latlon(s: &str) -> Result<(f64, f64), String> {
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| format!("`{s}` is not LAT,LON; write e.g. 35.93,36.63"))?;
    let lat: f64 = a
        .trim()
        .parse()
        .map_err(|_| format!("`{a}` is not a latitude"))?;
    let lon: f64 = b
        .trim()
        .parse()
        .map_err(|_| format!("`{b}` is not a longitude"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!(
            "`{s}` is out of range: latitude first (−90..90), then longitude (−180..180)"
        ));
    }
    Ok((lat, lon))
}

#[derive(Serialize)]
struct Hit<'a> {
    query: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    id: &'a str,
    name: &'a str,
    lat: f64,
    lon: f64,
    kind: &'a str,
    admin1: &'a str,
    population: u64,
    score: f64,
    matched: &'a str,
}

#[derive(Serialize)]
struct Miss<'a> {
    query: &'a str,
    error: &'a str,
    suggestions: Vec<&'a str>,
}

fn hit<'a>(query: &'a str, rank: Option<usize>, c: &Candidate<'a>) -> Hit<'a> {
    Hit {
        query,
        rank,
        id: &c.place.id,
        name: &c.place.name,
        lat: c.place.lat,
        lon: c.place.lon,
        kind: c.place.kind.as_str(),
        admin1: &c.place.admin1,
        population: c.place.population,
        score: (c.score * 1000.0).round() / 1000.0,
        matched: c.matched,
    }
}

pub fn run(gaz: &Gazetteer, a: Args) -> Result<i32, Error> {
    for (i, n) in a.names.iter().enumerate() {
        if n.trim().is_empty() {
            return Err(Error::Usage(format!(
                "name {} is empty\n  hint: quote names that contain spaces, e.g. frontline resolve \"Khan Shaykhun\"",
                i + 1
            )));
        }
        let chars = n.chars().count();
        if chars > frontline::gazetteer::MAX_QUERY_CHARS {
            return Err(Error::Usage(format!(
                "name {} has {chars} characters; a place name has at most {}\n  hint: to find the places named in a text, use `frontline geoparse FILE`",
                i + 1,
                frontline::gazetteer::MAX_QUERY_CHARS
            )));
        }
    }
    let focus = Focus {
        near: a.near,
        region: a.region.clone(),
    };
    let mut missing = false;
    let mut rows = Vec::new();
    for q in &a.names {
        let cands = gaz.resolve(q, &focus);
        if cands.is_empty() {
            missing = true;
            let sugg = gaz.suggest(q, 3);
            if a.json {
                outln!(
                    "{}",
                    json(&Miss {
                        query: q,
                        error: "not found",
                        suggestions: sugg
                    })
                );
            } else {
                let s = if sugg.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean: {})", sugg.join(", "))
                };
                rows.push(vec![
                    q.clone(),
                    format!("not found{s}"),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
            continue;
        }
        let take = if a.all { cands.len() } else { 1 };
        for (i, c) in cands.iter().take(take).enumerate() {
            let h = hit(q, a.all.then_some(i + 1), c);
            if a.json {
                outln!("{}", json(&h));
            } else {
                rows.push(vec![
                    q.clone(),
                    h.name.to_owned(),
                    h.id.to_owned(),
                    format!("{:.5}", h.lat),
                    format!("{:.5}", h.lon),
                    h.admin1.to_owned(),
                    format!("{:.3}", h.score),
                    h.matched.to_owned(),
                ]);
            }
        }
    }
    if !a.json {
        table::print(
            &[
                "query", "name", "id", "lat", "lon", "admin1", "score", "matched",
            ],
            &rows,
        );
    }
    Ok(if missing { EXIT_NOT_FOUND } else { EXIT_OK })
}

pub fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
