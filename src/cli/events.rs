//! `frontline events check`.

use super::{EXIT_ERROR, EXIT_OK};
use frontline::error::{read_utf8, Error};
use frontline::events::parse_events;
use frontline::theater::Theater;
use std::path::PathBuf;

pub const EVENTS_HELP: &str = "\
Examples:
  frontline events check my-events.csv
  frontline events check data/events.csv && echo ok

Columns: date (YYYY-MM-DD), place (a name or gazetteer id), controller (a
faction id or `contested`), confidence (confirmed|claimed), source (URL), note.
Every problem is listed with file, line and field. Exit status 2 if any.";

#[derive(Debug, clap::Subcommand)]
pub enum EventsCmd {
    /// Check an events CSV against the theater's gazetteer and factions.
    #[command(after_help = EVENTS_HELP)]
    Check {
        /// The events file (CSV, UTF-8), or - for standard input.
        file: PathBuf,
    },
    /// Append the reviewed rows of a candidates CSV (from `propose --csv`) to an events file.
    #[command(after_help = super::merge::MERGE_HELP)]
    Merge(super::merge::MergeArgs),
}

pub fn run(t: &Theater, cmd: EventsCmd) -> Result<i32, Error> {
    let file = match cmd {
        EventsCmd::Check { file } => file,
        EventsCmd::Merge(a) => return super::merge::run(t, a),
    };
    let text = read_utf8(&file)?;
    match parse_events(
        &text,
        &file.display().to_string(),
        &t.gazetteer,
        &t.factions,
    ) {
        Ok(ev) => {
            let places: std::collections::BTreeSet<&str> =
                ev.iter().map(|e| e.place.as_str()).collect();
            let (first, last) = (ev.first().map(|e| e.date), ev.last().map(|e| e.date));
            outln!(
                "{}: {} events, {} places{}: ok",
                file.display(),
                ev.len(),
                places.len(),
                match (first, last) {
                    (Some(a), Some(b)) => format!(", {a} to {b}"),
                    _ => String::new(),
                }
            );
            Ok(EXIT_OK)
        }
        Err(errs) => {
            for e in &errs {
                eprintln!("error: {e}");
            }
            eprintln!("{}: {} error(s)", file.display(), errs.len());
            Ok(EXIT_ERROR)
        }
    }
}
