//! Command-line parsing and dispatch: one file per command (arguments and
//! printing only; the work is in the library), the shared argument parsers
//! in `args.rs`.

/// `print!` to standard output that treats a closed pipe (`frontline ... |
/// head`) as the reader having seen enough: exit 0 instead of panicking.
/// Any other failure (a full disk) is kept and makes the command fail with
/// exit 2 when it ends (see [`stdout_status`]).
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($t)*) {
            $crate::cli::stdout_failed(e);
        }
    }};
}

/// `println!` with the same rules as [`out!`].
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($t)*) {
            $crate::cli::stdout_failed(e);
        }
    }};
}

static STDOUT_ERROR: std::sync::Mutex<Option<std::io::Error>> = std::sync::Mutex::new(None);

/// A write to standard output failed: a closed pipe ends the run with exit
/// 0; any other error is kept (the first one) for [`stdout_status`].
pub(crate) fn stdout_failed(e: std::io::Error) {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(EXIT_OK);
    }
    if let Ok(mut slot) = STDOUT_ERROR.lock() {
        slot.get_or_insert(e);
    }
}

/// Flush standard output and report the first failed write, if any: a
/// command whose output was lost has not succeeded.
fn stdout_status() -> Result<(), Error> {
    use std::io::Write as _;
    if let Err(e) = std::io::stdout().lock().flush() {
        stdout_failed(e);
    }
    match STDOUT_ERROR.lock().ok().and_then(|mut s| s.take()) {
        Some(e) => Err(Error::io("<standard output>", e)),
        None => Ok(()),
    }
}

mod areas;
mod args;
mod events;
mod export;
mod geoparse;
mod map;
mod merge;
mod progress;
mod propose;
mod report;
mod resolve;
mod roads;
mod route;
mod series;
mod state;
mod table;
mod theater;

use clap::{Parser, Subcommand};
use frontline::error::{read_utf8, Error};
use frontline::gazetteer::{Gazetteer, Sources};
use frontline::theater::{LoadOptions, Theater};
use std::path::PathBuf;

/// Exit status: everything worked.
pub const EXIT_OK: i32 = 0;
/// Exit status: the command ran, but some input was not found (e.g. an unresolved name).
pub const EXIT_NOT_FOUND: i32 = 1;
/// Exit status: bad input or usage; nothing was written.
pub const EXIT_ERROR: i32 = 2;

const AFTER_HELP: &str = "\
Examples:
  frontline map --date 2020-02-08 --out map.png
  frontline series --from 2020-01-20 --to 2020-03-10 --out-dir maps/ --format svg,png
  frontline export --out qgis/
  frontline areas --date 2020-02-08 --out areas.geojson
  frontline resolve \"Maaret al-Noomane\" Saraqeb Lattaquié سراقب M5
  frontline resolve Souran --all --near 36.2,37.1
  frontline resolve Idleb --json | jq .lat
  frontline geoparse article.txt --json
  cat article.txt | frontline geoparse -
  frontline state --date 2020-02-08
  frontline report --road M5 --date 2020-02-08
  frontline report --road M5 --from 2020-01-20 --to 2020-03-10
  frontline route Hama Aleppo --date 2020-02-08 --faction government
  frontline events check my-events.csv
  frontline propose article.txt --date 2020-02-06 --source URL --csv > candidates.csv
  frontline events merge candidates.csv --into my-events.csv
  frontline --gazetteer cities500.txt theater init mytheater --country UA --languages uk,ru,en
  frontline --theater examples/kharkiv-2022 map --date 2022-10-03 --out kharkiv.png

The examples without --theater use the embedded Idlib 2019-2020 theater.
Exit status: 0 success, 1 some name not found, 2 bad input or usage.
Data: GeoNames (CC-BY 4.0, https://www.geonames.org/), Natural Earth (public domain).";

/// Turn dated, sourced reports of who holds what into front-line maps.
#[derive(Debug, Parser)]
#[command(name = "frontline", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Use this GeoNames dump (e.g. cities500.txt) as the places of the
    /// theater given with --theater, in every command (its supplement,
    /// aliases and not-places still apply). Without --theater only resolve
    /// and geoparse take it, and then it is the only data: nothing of the
    /// embedded Idlib theater is mixed in.
    #[arg(long, global = true, value_name = "FILE")]
    gazetteer: Option<PathBuf>,

    /// Load the theater from this folder (see docs/theater.md; make one with
    /// `frontline theater init`) instead of the embedded Idlib 2019-2020
    /// theater.
    #[arg(long, global = true, value_name = "DIR")]
    theater: Option<PathBuf>,

    /// The languages of the press, e.g. `uk,ru,en`: their name-folding and
    /// geoparsing rules replace those of the theater's theater.csv (ar, fr,
    /// en, uk, ru, be).
    #[arg(long, global = true, value_name = "CODES", value_delimiter = ',')]
    languages: Option<Vec<String>>,

    /// Use these events (CSV) instead of the theater's.
    #[arg(long, global = true, value_name = "FILE")]
    events: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Resolve place names (any spelling, any script) to gazetteer places.
    #[command(after_help = resolve::AFTER_HELP)]
    Resolve(resolve::Args),
    /// Find the place and highway names in running text.
    #[command(after_help = geoparse::AFTER_HELP)]
    Geoparse(geoparse::Args),
    /// Check an events file, or merge reviewed candidates into one.
    #[command(subcommand)]
    Events(events::EventsCmd),
    /// List every place with a known controller on a day.
    #[command(after_help = state::STATE_HELP)]
    State(state::StateArgs),
    /// Who holds which stretch of a highway on a day, or over days.
    #[command(after_help = report::REPORT_HELP)]
    Report(report::ReportArgs),
    /// The highway path between two towns and who holds each part.
    #[command(after_help = route::ROUTE_HELP)]
    Route(route::RouteArgs),
    /// Draw one day's map: SVG, PNG or GeoJSON.
    #[command(after_help = map::MAP_HELP)]
    Map(map::MapArgs),
    /// One map per day (SVG, PNG, GeoJSON) and a browsable index.html.
    #[command(after_help = series::SERIES_HELP)]
    Series(series::SeriesArgs),
    /// Export the whole timeline for QGIS: GeoJSON + .qml, GeoPackage.
    #[command(after_help = export::EXPORT_HELP)]
    Export(export::ExportArgs),
    /// Control areas and the front line of a day (km², GeoJSON).
    #[command(after_help = areas::AREAS_HELP)]
    Areas(areas::AreasArgs),
    /// Propose dated, sourced control events from press articles (FR, EN, AR).
    #[command(after_help = propose::PROPOSE_HELP)]
    Propose(propose::ProposeArgs),
    /// Import or export the highway graph.
    #[command(subcommand)]
    Roads(roads::RoadsCmd),
    /// Start a theater folder for another conflict.
    #[command(subcommand)]
    Theater(theater::TheaterCmd),
}

/// Run the command line; returns the exit status.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match dispatch(cli).and_then(|code| stdout_status().map(|()| code)) {
        Ok(code) => code,
        // A closed pipe (`frontline report ... | head`) is not an error.
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_ERROR
        }
    }
}

fn dispatch(cli: Cli) -> Result<i32, Error> {
    if let Command::Theater(c) = cli.command {
        if cli.theater.is_some() || cli.events.is_some() {
            return Err(Error::Usage(
                "`theater init` makes a theater folder; it takes no --theater or --events\n  hint: frontline theater init DIR --country UA --gazetteer cities500.txt".into(),
            ));
        }
        return theater::run(c, cli.gazetteer.as_deref(), cli.languages.as_deref());
    }
    let gazetteer_only = matches!(cli.command, Command::Resolve(_) | Command::Geoparse(_));
    if gazetteer_only {
        let gaz = match (&cli.gazetteer, &cli.theater) {
            (Some(g), None) => load_dump(g, cli.languages.as_deref())?,
            _ => {
                let t = Theater::load_with(&LoadOptions {
                    dir: cli.theater.as_deref(),
                    gazetteer: cli.gazetteer.as_deref(),
                    languages: cli.languages.as_deref(),
                    skip_events: true,
                    ..LoadOptions::default()
                })?;
                warn(&t.warnings, true);
                t.gazetteer
            }
        };
        return match cli.command {
            Command::Resolve(a) => resolve::run(&gaz, a),
            Command::Geoparse(a) => geoparse::run(&gaz, a),
            _ => Ok(EXIT_ERROR),
        };
    }
    // `events check` lists every error of the events itself, so the
    // theater is loaded without them.
    let checking = matches!(cli.command, Command::Events(_));
    let t = Theater::load_with(&LoadOptions {
        dir: cli.theater.as_deref(),
        gazetteer: cli.gazetteer.as_deref(),
        events: if checking {
            None
        } else {
            cli.events.as_deref()
        },
        languages: cli.languages.as_deref(),
        skip_events: checking,
    })?;
    warn(&t.warnings, checking);
    match cli.command {
        Command::Events(c) => events::run(&t, c, cli.events.as_deref(), cli.theater.as_deref()),
        Command::State(a) => state::run(&t, a),
        Command::Report(a) => report::run(&t, a),
        Command::Route(a) => route::run(&t, a),
        Command::Roads(c) => roads::run(&t, c),
        Command::Areas(a) => areas::run(&t, a),
        Command::Map(a) => map::run(&t, a),
        Command::Export(a) => export::run(&t, a),
        Command::Series(a) => series::run(&t, a),
        Command::Propose(a) => propose::run(&t, cli.theater.as_deref(), a),
        Command::Resolve(_) | Command::Geoparse(_) | Command::Theater(_) => Ok(EXIT_ERROR),
    }
}

/// Print the theater's warnings on standard error; `names_only`: only those
/// that change how names are matched (commands that draw nothing).
fn warn(warnings: &[String], names_only: bool) {
    for w in warnings {
        if !names_only || w.contains("theater.csv") {
            eprintln!("warning: {w}");
        }
    }
}

/// A GeoNames dump alone, with the rules of `languages` (none given: the
/// letter-for-letter rules and English): nothing of the embedded theater.
fn load_dump(path: &std::path::Path, languages: Option<&[String]>) -> Result<Gazetteer, Error> {
    let text = read_utf8(path)?;
    if text.trim().is_empty() {
        return Err(Error::input(
            path.display().to_string(),
            Some(1),
            None,
            "the file is empty",
        )
        .with_hint("pass a GeoNames dump such as cities500.txt"));
    }
    let name = path.display().to_string();
    let rules = match languages {
        Some(codes) => frontline::theater::check_languages(codes)
            .map_err(|(m, h)| Error::Usage(format!("--languages: {m}\n  hint: {h}")))?,
        None => frontline::gazetteer::lang::Rules::for_languages(&["en"]).unwrap_or_default(),
    };
    let src = Sources {
        geonames: (&text, &name),
        admin1: (
            frontline::gazetteer::embedded::ADMIN1,
            "<embedded>/data/gazetteer/admin1.tsv",
        ),
        supplement: (
            "id,name,lat,lon,kind,feature_code,admin1,population,names,source,note\n",
            "",
        ),
        more_supplements: &[],
        aliases: ("place,name,lang,source,note\n", ""),
        not_places: ("", ""),
        skip_dangling_aliases: true,
        rules,
    };
    Gazetteer::from_sources(&src)
}
