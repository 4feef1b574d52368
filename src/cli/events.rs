//! `frontline events check`.

use super::{EXIT_ERROR, EXIT_OK};
use frontline::error::{read_utf8, Error};
use frontline::events::parse_events;
use frontline::theater::Theater;
use std::path::PathBuf;

pub const EVENTS_HELP: &str = "\
Examples:
  frontline --theater mytheater events check      # the theater's own events.csv
  frontline --theater mytheater events check new-events.csv
  frontline events check my-events.csv            # against the embedded Idlib theater

Columns: date (YYYY-MM-DD), place (a name or gazetteer id), controller (a
faction id or `contested`), confidence (confirmed|claimed), source (URL), note.
Every problem is listed with file, line and field. Exit status 2 if any.";

#[derive(Debug, clap::Subcommand)]
pub enum EventsCmd {
    /// Check an events CSV against the theater's gazetteer and factions.
    #[command(after_help = EVENTS_HELP)]
    Check {
        /// The events file (CSV, UTF-8); default: --events, else the
        /// theater's events.csv.
        file: Option<PathBuf>,
    },
    /// Append the reviewed rows of a candidates CSV (from `propose --csv`) to an events file.
    #[command(after_help = super::merge::MERGE_HELP)]
    Merge(super::merge::MergeArgs),
}

pub fn run(
    t: &Theater,
    cmd: EventsCmd,
    events: Option<&std::path::Path>,
    dir: Option<&std::path::Path>,
) -> Result<i32, Error> {
    let file = match cmd {
        EventsCmd::Check { file } => file,
        EventsCmd::Merge(a) => return super::merge::run(t, a),
    };
    let file = match file
        .or_else(|| events.map(PathBuf::from))
        .or_else(|| Theater::events_path(dir))
    {
        Some(f) => f,
        None => {
            return Err(Error::Usage(
                "name the events file to check\n  hint: frontline events check my-events.csv, or frontline --theater DIR events check".into(),
            ))
        }
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
