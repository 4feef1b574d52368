//! `frontline events merge`

use super::{EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK};
use frontline::error::{read_utf8, write_atomic, Error};
use frontline::propose::merge::{merge, ACCEPT};
use frontline::theater::Theater;
use std::path::PathBuf;

pub const MERGE_HELP: &str = "\
Examples:
  frontline propose article.txt --date 2020-02-06 --source URL --csv > candidates.csv
  # write `accept` in the review column of the rows to keep, then:
  frontline events merge candidates.csv --into my-events.csv
  frontline map --events my-events.csv --date 2020-02-08 --out map.png

Review values that accept a row: accept, accepted, yes, y, x, ok (any case);
any other value, or an empty cell, skips the row. A row the timeline already
has (same date, place and controller) is skipped. A row for a place and day
the timeline gives to another controller is a conflict: listed with the file
and line of both, and not appended. The events file is created if missing and
written atomically, only when every accepted row is valid.

Exit status: 0 merged, 1 merged but some rows conflict, 2 bad input (nothing written).";

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The reviewed candidates (CSV from `frontline propose --csv`).
    candidates: PathBuf,
    /// The events file to append to (created if it does not exist).
    #[arg(long, value_name = "EVENTS.csv")]
    into: PathBuf,
}

pub fn run(t: &Theater, a: MergeArgs) -> Result<i32, Error> {
    let cands = read_utf8(&a.candidates)?;
    let into = if a.into.exists() {
        Some(read_utf8(&a.into)?)
    } else {
        None
    };
    let (cf, ef) = (
        a.candidates.display().to_string(),
        a.into.display().to_string(),
    );
    let m = match merge(&cands, &cf, into.as_deref(), &ef, &t.gazetteer, &t.factions) {
        Ok(m) => m,
        Err(errs) => {
            for e in &errs {
                eprintln!("error: {e}");
            }
            eprintln!("{}: {} error(s); nothing written", cf, errs.len());
            return Ok(EXIT_ERROR);
        }
    };
    if !m.appended.is_empty() || into.is_none() {
        write_atomic(&a.into, m.text.as_bytes())?;
    }
    for (c, e) in &m.already {
        eprintln!("skipped {cf}:{c}: already in {ef}:{e}");
    }
    for c in &m.conflicts {
        eprintln!("conflict: {c}");
    }
    outln!(
        "{ef}: {} appended, {} already there, {} conflict(s), {} row(s) not accepted (review: {})",
        m.appended.len(),
        m.already.len(),
        m.conflicts.len(),
        m.not_reviewed,
        ACCEPT.join("/")
    );
    Ok(if m.conflicts.is_empty() {
        EXIT_OK
    } else {
        EXIT_NOT_FOUND
    })
}
