//! `frontline geoparse`

use super::{resolve::json, table, EXIT_OK};
use frontline::error::{read_utf8, Error};
use frontline::gazetteer::Gazetteer;
use serde::Serialize;
use std::path::PathBuf;

pub const AFTER_HELP: &str = "\
Examples:
  frontline geoparse article.txt
  frontline geoparse --json ../shared/corpus/*.txt > mentions.jsonl
  curl -s URL | frontline geoparse -

Offsets are byte offsets into the UTF-8 file: text[start..end] is the mention.
A multi-word name the gazetteer does not know (\"Khan Touman\") is listed whole
with \"id\": null and \"unresolved\": true, never matched by a fragment (\"Khan\").";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text files to read (UTF-8), or - for standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// One JSON object per mention per line (JSON Lines).
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    file: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    id: &'a str,
    name: &'a str,
    lat: f64,
    lon: f64,
    kind: &'a str,
    admin1: &'a str,
    score: f64,
    matched: &'a str,
}

pub fn run(gaz: &Gazetteer, a: Args) -> Result<i32, Error> {
    // Read everything first, so a bad file stops the run before any output.
    let mut texts = Vec::new();
    for f in &a.files {
        let text = read_utf8(f)?;
        if text.is_empty() {
            return Err(
                Error::input(f.display().to_string(), None, None, "the file is empty")
                    .with_hint("give a UTF-8 text file with the article in it"),
            );
        }
        texts.push((f.display().to_string(), text));
    }
    let mut rows = Vec::new();
    for (file, text) in &texts {
        let (found, unresolved) = frontline::geoparse::geoparse_with_unresolved(gaz, text);
        let mut unresolved = unresolved.into_iter().peekable();
        let unknown = |u: frontline::geoparse::Unresolved<'_>, rows: &mut Vec<Vec<String>>| {
            // A multi-word name the gazetteer does not know: listed, never guessed.
            if a.json {
                outln!(
                    "{}",
                    serde_json::json!({"file": file, "start": u.start, "end": u.end,
                        "text": u.text, "id": null, "unresolved": true})
                );
            } else {
                let dash = || "-".to_string();
                rows.push(vec![
                    file.clone(),
                    format!("{}..{}", u.start, u.end),
                    u.text.to_owned(),
                    "(not in gazetteer)".into(),
                    dash(),
                    dash(),
                    dash(),
                    dash(),
                ]);
            }
        };
        for m in found {
            while let Some(u) = unresolved.next_if(|u| u.start < m.start) {
                unknown(u, &mut rows);
            }
            let r = Row {
                file,
                start: m.start,
                end: m.end,
                text: m.text,
                id: &m.place.id,
                name: &m.place.name,
                lat: m.place.lat,
                lon: m.place.lon,
                kind: m.place.kind.as_str(),
                admin1: &m.place.admin1,
                score: (m.score * 1000.0).round() / 1000.0,
                matched: m.matched,
            };
            if a.json {
                outln!("{}", json(&r));
            } else {
                rows.push(vec![
                    file.clone(),
                    format!("{}..{}", r.start, r.end),
                    r.text.to_owned(),
                    r.name.to_owned(),
                    r.id.to_owned(),
                    format!("{:.5}", r.lat),
                    format!("{:.5}", r.lon),
                    format!("{:.2}", r.score),
                ]);
            }
        }
        for u in unresolved {
            unknown(u, &mut rows);
        }
    }
    if !a.json {
        table::print(
            &[
                "file", "bytes", "text", "place", "id", "lat", "lon", "score",
            ],
            &rows,
        );
    }
    Ok(EXIT_OK)
}
