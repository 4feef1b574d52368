//! A theater: everything frontline knows about one conflict, in one folder.
//!
//! ```text
//! DIR/theater.csv     key,value: name, languages, country, extent (optional)
//! DIR/gazetteer/      geonames.txt (required); admin1.tsv, supplement*.csv,
//!                     aliases.csv, not-places.txt (optional)
//! DIR/factions.csv    id,name,color,description (required)
//! DIR/events.csv      date,place,controller,confidence,source,source_kind,note (required)
//! DIR/roads/          roads.geojson (imported geometry) or waypoints.csv (optional)
//! DIR/boundaries/     adm0.geojson / adm1.geojson outlines (optional)
//! DIR/style.csv       key,value: names and colours of contested/unknown, map palette (optional)
//! DIR/settings.csv    key,value: cutoff_km, hull_margin_km of the area model (optional)
//! DIR/gazetteer/display-names.csv  place,en,fr,ar,source,note: map labels per language (optional)
//! DIR/boundaries/labels.csv        id,lon,lat,source: where country and sea names go (optional)
//! ```
//!
//! `docs/theater.md` describes every file and what happens without it. The
//! default theater (Idlib, December 2019 – March 2020) is the `data/`
//! folder of the repository, embedded in the binary and used only when no
//! theater folder is given.

mod boundary;
mod init;
mod manifest;
mod names;

pub use crate::factions::{parse_factions, Controller, Faction};
pub use boundary::{parse_land, parse_outlines, parse_outlines_repaired, Land, Outline};
pub use init::{default_languages, init, InitSummary};
pub use manifest::{check_languages, parse_manifest, split_list, Manifest};
pub use names::{
    parse_context_labels, parse_display_names, strip_tag, ContextLabel, DisplayNames,
    MAX_DISPLAY_NAME,
};

use crate::error::{read_utf8, Error, Result};
use crate::events::{parse_events, Event};
use crate::gazetteer::{Gazetteer, Sources};
use crate::i18n::{Lang, Ui};
use crate::roads::RoadNetwork;
use crate::style::{parse_style, Style};
use std::path::{Path, PathBuf};

/// The embedded default theater files.
pub mod embedded {
    /// Factions.
    pub const FACTIONS: &str = include_str!("../../data/factions.csv");
    /// Events.
    pub const EVENTS: &str = include_str!("../../data/events.csv");
    /// The manifest: name, languages.
    pub const MANIFEST: &str = include_str!("../../data/theater.csv");
    /// Highway waypoints.
    pub const WAYPOINTS: &str = include_str!("../../data/roads/waypoints.csv");
    /// Country outline (Natural Earth, public domain).
    pub const ADM0: &str = include_str!("../../data/boundaries/adm0.geojson");
    /// Governorates (Natural Earth, public domain).
    pub const ADM1: &str = include_str!("../../data/boundaries/adm1.geojson");
    /// Natural Earth land around the theater.
    pub const LAND: &str = include_str!("../../data/boundaries/land.geojson");
    /// Display names per language.
    pub const DISPLAY_NAMES: &str = include_str!("../../data/gazetteer/display-names.csv");
    /// Where country and sea names go.
    pub const LABELS: &str = include_str!("../../data/boundaries/labels.csv");
}

/// A loaded theater.
#[derive(Debug)]
pub struct Theater {
    /// Names to places.
    pub gazetteer: Gazetteer,
    /// The sides.
    pub factions: Vec<Faction>,
    /// Dated control events, sorted by date then file order.
    pub events: Vec<Event>,
    /// The highway graph.
    pub roads: RoadNetwork,
    /// Country outline GeoJSON text.
    pub adm0: String,
    /// First-level divisions GeoJSON text.
    pub adm1: String,
    /// The country outline(s) parsed from `adm0`: areas are clipped to them.
    pub country: Vec<Outline>,
    /// The governorates parsed from `adm1`, for maps.
    pub governorates: Vec<Outline>,
    /// Land around the theater (`boundaries/land.geojson`, optional): maps
    /// paint the sea apart from the neighbouring countries where it covers
    /// them.
    pub land: Option<Land>,
    /// Names and colours of the built-in controllers, and the map palette
    /// (`style.csv`, optional).
    pub style: Style,
    /// What `theater.csv` says (name, languages, country, extent).
    pub manifest: Manifest,
    /// Things the user should know: a missing optional file that changes
    /// the output, an outline that was repaired. The command line prints
    /// them on standard error.
    pub warnings: Vec<String>,
    /// The country outline's file name, for messages.
    adm0_file: String,
    /// The area model's distances (`settings.csv`, optional).
    pub settings: Settings,
    /// Map labels per language (`gazetteer/display-names.csv`, optional).
    pub display_names: DisplayNames,
    /// Country and sea names on maps (`boundaries/labels.csv`, optional).
    pub context_labels: Vec<ContextLabel>,
}

/// How to load a theater: which folder, and what replaces its files.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions<'a> {
    /// The theater folder; `None` is the embedded Idlib theater.
    pub dir: Option<&'a Path>,
    /// A GeoNames dump that replaces the theater's `gazetteer/geonames.txt`
    /// (the supplement, aliases and not-places of the theater still apply).
    pub gazetteer: Option<&'a Path>,
    /// An events file that replaces the theater's.
    pub events: Option<&'a Path>,
    /// Language codes that replace the manifest's.
    pub languages: Option<&'a [String]>,
    /// Load no events at all (for `events check`, which reports every
    /// error of the events itself).
    pub skip_events: bool,
}

/// The distances of the area model ([`crate::control`]), from a theater's
/// optional `settings.csv` (`key,value` rows).
///
/// | key | default | what |
/// |---|---|---|
/// | `cutoff_km` | 30 | ground farther than this from every known place is unknown |
/// | `hull_margin_km` | 12 | how far beyond the hull of the day's known places ground is attributed |
///
/// ```
/// use frontline::theater::parse_settings;
/// let s = parse_settings("key,value\ncutoff_km,25\n", "settings.csv").unwrap();
/// assert_eq!((s.cutoff_km, s.hull_margin_km), (25.0, 12.0));
/// let e = parse_settings("key,value\ncutoff_km,far\n", "settings.csv").unwrap_err();
/// assert!(e.to_string().contains("settings.csv:2"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Cutoff, km.
    pub cutoff_km: f64,
    /// Hull margin, km.
    pub hull_margin_km: f64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            cutoff_km: crate::control::DEFAULT_CUTOFF_KM,
            hull_margin_km: crate::control::DEFAULT_MARGIN_KM,
        }
    }
}

/// Parse a theater's `settings.csv` over the defaults.
pub fn parse_settings(text: &str, file: &str) -> Result<Settings> {
    let t = crate::table::Table::parse(text, file, &["key", "value"])?;
    let mut s = Settings::default();
    for row in t.rows() {
        let (key, value) = (t.get(row, "key"), t.get(row, "value"));
        let slot = match key {
            "cutoff_km" => &mut s.cutoff_km,
            "hull_margin_km" => &mut s.hull_margin_km,
            _ => {
                return Err(t
                    .error(row, "key", format!("`{key}` is not a setting"))
                    .with_hint("the settings are cutoff_km and hull_margin_km (data/README.md)"))
            }
        };
        match value.parse::<f64>() {
            Ok(x) if x.is_finite() && x > 0.0 && x <= 500.0 => *slot = x,
            _ => {
                return Err(t
                    .error(row, "value", format!("`{value}` is not a distance in km"))
                    .with_hint("write a number of km between 0 and 500, e.g. 30"))
            }
        }
    }
    Ok(s)
}

impl Theater {
    /// The embedded default theater.
    pub fn embedded() -> Result<Theater> {
        Theater::load_with(&LoadOptions::default())
    }

    fn embedded_with(o: &LoadOptions<'_>) -> Result<Theater> {
        if o.gazetteer.is_some() {
            return Err(Error::Usage(
                "--gazetteer replaces the places of a theater folder, and none was given: the embedded Idlib theater's events, roads and aliases name places of its own Syria extract\n  hint: make a theater for your country with `frontline theater init DIR --country CC --gazetteer FILE`, then pass --theater DIR (resolve and geoparse take --gazetteer alone)".into(),
            ));
        }
        let manifest = parse_manifest(embedded::MANIFEST, "<embedded>/data/theater.csv")?;
        let mut src = Sources::embedded();
        src.rules = rules_of(&manifest, o)?;
        let gazetteer = Gazetteer::from_sources(&src)?;
        let mut t = Theater::assemble(
            gazetteer,
            (embedded::FACTIONS, "<embedded>/data/factions.csv"),
            (
                if o.skip_events {
                    EVENTS_HEADER
                } else {
                    embedded::EVENTS
                },
                "<embedded>/data/events.csv",
            ),
            Roads::Waypoints(embedded::WAYPOINTS, "<embedded>/data/roads/waypoints.csv"),
            (
                embedded::ADM0.to_string(),
                "<embedded>/data/boundaries/adm0.geojson".into(),
            ),
            (
                embedded::ADM1.to_string(),
                "<embedded>/data/boundaries/adm1.geojson".into(),
            ),
            manifest,
        )?;
        t.land = Some(parse_land(
            embedded::LAND,
            "<embedded>/data/boundaries/land.geojson",
        )?);
        t.load_labels(
            (
                embedded::DISPLAY_NAMES,
                "<embedded>/data/gazetteer/display-names.csv",
            ),
            (embedded::LABELS, "<embedded>/data/boundaries/labels.csv"),
        )?;
        t.load_events_file(o)?;
        Ok(t)
    }

    /// Read the display names and the context labels (empty file names:
    /// the theater has none).
    fn load_labels(&mut self, names: (&str, &str), labels: (&str, &str)) -> Result<()> {
        if !names.1.is_empty() {
            let govs: Vec<&str> = self.governorates.iter().map(|g| g.name.as_str()).collect();
            self.display_names = parse_display_names(names.0, names.1, &self.gazetteer, &govs)?;
        }
        if !labels.1.is_empty() {
            self.context_labels = parse_context_labels(labels.0, labels.1, &self.display_names)?;
        }
        Ok(())
    }

    /// Load a theater folder (layout in the module docs).
    pub fn from_dir(dir: &Path) -> Result<Theater> {
        Theater::load_with(&LoadOptions {
            dir: Some(dir),
            ..LoadOptions::default()
        })
    }

    /// Load the theater the options name (the embedded one when no folder
    /// is given), with the files they replace.
    pub fn load_with(o: &LoadOptions<'_>) -> Result<Theater> {
        match o.dir {
            None => Theater::embedded_with(o),
            Some(dir) => Theater::dir_with(dir, o),
        }
    }

    fn dir_with(dir: &Path, o: &LoadOptions<'_>) -> Result<Theater> {
        if !dir.is_dir() {
            return Err(Error::Usage(format!(
                "theater folder `{}` does not exist\n  hint: create one with `frontline theater init {} --country CC --gazetteer cities500.txt` (docs/theater.md lists the files)",
                dir.display(),
                dir.display()
            )));
        }
        let p = |rel: &str| dir.join(rel);
        let text = |rel: &str| -> Result<(String, String)> {
            let path = p(rel);
            Ok((read_utf8(&path)?, path.display().to_string()))
        };
        // A required file: a missing one names what it holds and how to make it.
        let required = |rel: &str, hint: &str| -> Result<(String, String)> {
            if p(rel).is_file() {
                text(rel)
            } else {
                Err(Error::input(
                    p(rel).display().to_string(),
                    None,
                    None,
                    "this theater file is missing",
                )
                .with_hint(hint.to_string()))
            }
        };
        let optional = |rel: &str| -> Result<(String, String)> {
            if p(rel).exists() {
                text(rel)
            } else {
                Ok((String::new(), String::new()))
            }
        };
        let mut warnings = Vec::new();
        let manifest = match optional("theater.csv")? {
            (_, f) if f.is_empty() => {
                if o.languages.is_none() {
                    warnings.push(format!(
                        "{}: no theater.csv: names are folded with the rules of the Arabic, French and English press (the Idlib theater's)\n  hint: write `languages,uk ru en` (the languages of your theater's press) in {}",
                        dir.display(),
                        p("theater.csv").display()
                    ));
                }
                Manifest::default()
            }
            (t, f) => parse_manifest(&t, &f)?,
        };
        let geonames = match o.gazetteer {
            Some(g) => {
                let t = read_utf8(g)?;
                if t.trim().is_empty() {
                    return Err(Error::input(g.display().to_string(), Some(1), None, "the file is empty")
                        .with_hint("pass a GeoNames dump such as cities500.txt"));
                }
                (t, g.display().to_string())
            }
            None => required(
                "gazetteer/geonames.txt",
                "every theater needs its places: a GeoNames dump filtered to the theater's country (`frontline theater init DIR --country CC --gazetteer cities500.txt` writes it), or pass --gazetteer FILE",
            )?,
        };
        let admin1 = match optional("gazetteer/admin1.tsv")? {
            (_, f) if f.is_empty() => (
                crate::gazetteer::embedded::ADMIN1.to_string(),
                "<embedded>/data/gazetteer/admin1.tsv".to_string(),
            ),
            t => t,
        };
        // A missing optional file is read as its header alone.
        let g = |name: &str, header: &str| -> Result<(String, String)> {
            match optional(&format!("gazetteer/{name}"))? {
                (_, f) if f.is_empty() => Ok((header.to_string(), String::new())),
                t => Ok(t),
            }
        };
        let (supplement, aliases, not_places) = (
            g("supplement.csv", SUPPLEMENT_HEADER)?,
            g("aliases.csv", ALIASES_HEADER)?,
            g("not-places.txt", "")?,
        );
        let more = more_supplements(&p("gazetteer"))?;
        let more_refs: Vec<(&str, &str)> =
            more.iter().map(|(t, f)| (t.as_str(), f.as_str())).collect();
        let src = Sources {
            geonames: (&geonames.0, &geonames.1),
            admin1: (&admin1.0, &admin1.1),
            supplement: (&supplement.0, &supplement.1),
            more_supplements: &more_refs,
            aliases: (&aliases.0, &aliases.1),
            not_places: (&not_places.0, &not_places.1),
            skip_dangling_aliases: o.gazetteer.is_some(),
            rules: rules_of(&manifest, o)?,
        };
        let gazetteer = Gazetteer::from_sources(&src)?;
        let factions = required(
            "factions.csv",
            "list the sides as `id,name,color,description` rows, e.g. `ukraine,Armed Forces of Ukraine,#0057B7,...` (`frontline theater init` writes the header)",
        )?;
        let events = if o.skip_events || o.events.is_some() {
            (
                EVENTS_HEADER.to_string(),
                p("events.csv").display().to_string(),
            )
        } else {
            required(
                "events.csv",
                "write one row per sourced control event: `date,place,controller,confidence,source,source_kind,note` (`frontline theater init` writes the header)",
            )?
        };
        let roads_geojson = p("roads/roads.geojson");
        let (rtext, rname, is_geojson) = if roads_geojson.exists() {
            let (t, n) = text("roads/roads.geojson")?;
            (t, n, true)
        } else if p("roads/waypoints.csv").exists() {
            let (t, n) = text("roads/waypoints.csv")?;
            (t, n, false)
        } else {
            (WAYPOINTS_HEADER.to_string(), String::new(), false)
        };
        let roads = if is_geojson {
            Roads::GeoJson(&rtext, &rname)
        } else {
            Roads::Waypoints(&rtext, &rname)
        };
        let adm0 = optional("boundaries/adm0.geojson")?;
        let adm1 = optional("boundaries/adm1.geojson")?;
        if adm0.1.is_empty() {
            warnings.push(format!(
                "{}: no boundaries/adm0.geojson: control areas and the front line are not clipped to a country outline\n  hint: write a Natural Earth outline with scripts/extract_boundaries.py (README, \"Another theater\"; docs/theater.md)",
                dir.display()
            ));
        }
        let style = match optional("style.csv")? {
            (t, _) if t.is_empty() => Style::default(),
            (t, f) => parse_style(&t, &f)?,
        };
        let settings = match optional("settings.csv")? {
            (t, _) if t.is_empty() => Settings::default(),
            (t, f) => parse_settings(&t, &f)?,
        };
        let mut t = Theater::assemble(
            gazetteer,
            (&factions.0, &factions.1),
            (&events.0, &events.1),
            roads,
            adm0,
            adm1,
            manifest,
        )?;
        t.style = style;
        t.settings = settings;
        t.land = match optional("boundaries/land.geojson")? {
            (_, f) if f.is_empty() => None,
            (text, f) => Some(parse_land(&text, &f)?),
        };
        let names = optional("gazetteer/display-names.csv")?;
        let labels = optional("boundaries/labels.csv")?;
        t.load_labels((&names.0, &names.1), (&labels.0, &labels.1))?;
        t.warnings.splice(0..0, warnings);
        t.load_events_file(o)?;
        Ok(t)
    }

    /// Load `dir` when given, else the embedded theater; then replace the
    /// events with `events` when given.
    pub fn load(dir: Option<&Path>, events: Option<&Path>) -> Result<Theater> {
        Theater::load_with(&LoadOptions {
            dir,
            events,
            ..LoadOptions::default()
        })
    }

    /// Replace the events with the options' events file, if any, and set
    /// the extent from them when the manifest gives none.
    fn load_events_file(&mut self, o: &LoadOptions<'_>) -> Result<()> {
        if let (Some(e), false) = (o.events, o.skip_events) {
            let text = read_utf8(e)?;
            self.events = parse_events(
                &text,
                &e.display().to_string(),
                &self.gazetteer,
                &self.factions,
            )
            .map_err(first_error)?;
        }
        let extent = self.manifest.extent.or_else(|| self.events_extent());
        self.gazetteer.set_extent(extent);
        self.check_country()
    }

    /// The box around the places the events name, padded by half a degree
    /// (about 50 km).
    fn events_extent(&self) -> Option<[f64; 4]> {
        let mut e: Option<[f64; 4]> = None;
        for ev in &self.events {
            let Some(p) = self.gazetteer.get(&ev.place) else {
                continue;
            };
            let b = e.get_or_insert([p.lon, p.lat, p.lon, p.lat]);
            *b = [
                b[0].min(p.lon),
                b[1].min(p.lat),
                b[2].max(p.lon),
                b[3].max(p.lat),
            ];
        }
        e.map(|[w, s, e, n]| [w - 0.5, s - 0.5, e + 0.5, n + 0.5])
    }

    /// A gazetteer (or events) of another country than the outline is an
    /// error: every area would be clipped away.
    fn check_country(&self) -> Result<()> {
        use geo::{BoundingRect, Contains};
        if self.country.is_empty() {
            return Ok(());
        }
        let file = if self.adm0_file.is_empty() {
            "boundaries/adm0.geojson"
        } else {
            &self.adm0_file
        };
        let inside = |lon: f64, lat: f64| {
            self.country
                .iter()
                .any(|o| o.shape.contains(&geo::Point::new(lon, lat)))
        };
        if let Some(ev) = self.events.first() {
            let named: Vec<&crate::gazetteer::Place> = self
                .events
                .iter()
                .filter_map(|e| self.gazetteer.get(&e.place))
                .collect();
            if !named.iter().any(|p| inside(p.lon, p.lat)) {
                return Err(Error::input(
                    file,
                    None,
                    None,
                    format!(
                        "none of the {} places the events name lies inside the country outline `{}` (the first, `{}`, is at {:.3},{:.3})",
                        named.len(),
                        self.country[0].name,
                        ev.place_written,
                        named.first().map_or(0.0, |p| p.lat),
                        named.first().map_or(0.0, |p| p.lon),
                    ),
                )
                .with_hint("the outline and the gazetteer are of different countries: rebuild boundaries/ for the gazetteer's country (docs/theater.md), or remove boundaries/adm0.geojson to draw no outline"));
            }
            return Ok(());
        }
        let boxes: Vec<geo::Rect<f64>> = self
            .country
            .iter()
            .filter_map(|o| o.shape.bounding_rect())
            .collect();
        let places = self.gazetteer.places();
        let near = places.iter().any(|p| {
            boxes
                .iter()
                .any(|b| b.contains(&geo::Point::new(p.lon, p.lat)))
        });
        if !places.is_empty() && !near {
            return Err(Error::input(
                file,
                None,
                None,
                format!(
                    "none of the gazetteer's {} places lies inside the country outline `{}`",
                    places.len(),
                    self.country[0].name
                ),
            )
            .with_hint("the outline and the gazetteer are of different countries: rebuild boundaries/ for the gazetteer's country (docs/theater.md), or remove boundaries/adm0.geojson to draw no outline"));
        }
        Ok(())
    }

    fn assemble(
        gazetteer: Gazetteer,
        factions: (&str, &str),
        events: (&str, &str),
        roads: Roads<'_>,
        (adm0, adm0_file): (String, String),
        (adm1, adm1_file): (String, String),
        manifest: Manifest,
    ) -> Result<Theater> {
        let mut warnings = Vec::new();
        // An empty file name: the theater has no such file (no outline).
        let mut outlines = |text: &str, file: &str| -> Result<Vec<Outline>> {
            if file.is_empty() {
                Ok(Vec::new())
            } else {
                let (o, notes) = parse_outlines_repaired(text, file)?;
                warnings.extend(notes);
                Ok(o)
            }
        };
        let country = outlines(&adm0, &adm0_file)?;
        let governorates = outlines(&adm1, &adm1_file)?;
        let factions = parse_factions(factions.0, factions.1)?;
        let events =
            parse_events(events.0, events.1, &gazetteer, &factions).map_err(first_error)?;
        let roads = match roads {
            Roads::Waypoints(t, f) => RoadNetwork::from_waypoints(t, f, &gazetteer)?,
            Roads::GeoJson(t, f) => RoadNetwork::from_geojson(t, f, &gazetteer)?,
        };
        Ok(Theater {
            gazetteer,
            factions,
            events,
            roads,
            adm0,
            adm1,
            country,
            governorates,
            land: None,
            style: Style::default(),
            manifest,
            warnings,
            adm0_file,
            settings: Settings::default(),
            display_names: DisplayNames::default(),
            context_labels: Vec::new(),
        })
    }

    /// The theater's events file, for `events check` without a file.
    pub fn events_path(dir: Option<&Path>) -> Option<PathBuf> {
        dir.map(|d| d.join("events.csv"))
    }

    /// The faction with this id.
    pub fn faction(&self, id: &str) -> Option<&Faction> {
        self.factions.iter().find(|f| f.id == id)
    }

    /// The credit line of this theater's maps (`theater.csv` `attribution`,
    /// else GeoNames and Natural Earth).
    pub fn attribution(&self) -> &str {
        self.manifest
            .attribution
            .as_deref()
            .unwrap_or(crate::i18n::ATTRIBUTION)
    }

    /// Display name of a controller (or of its id).
    pub fn controller_name(&self, c: impl AsRef<str>) -> String {
        match Controller::parse(c.as_ref()) {
            Controller::Contested => self.style.contested_name.clone(),
            Controller::Unknown => self.style.unknown_name.clone(),
            Controller::Faction(id) => self.faction(&id).map_or(id, |f| f.name.clone()),
        }
    }

    /// The label of a place in `lang`: its display name in that language
    /// (`display-names.csv`); for a place of the supplement, its name in that
    /// language from the `names` column; its English display name; its
    /// gazetteer name without a disambiguation tag (`al-Nayrab (Idlib)` →
    /// `al-Nayrab`). The id itself for an unknown place.
    ///
    /// ```
    /// use frontline::i18n::Lang;
    /// let t = frontline::theater::Theater::embedded().unwrap();
    /// assert_eq!(t.display_name("164816", Lang::En), "Saraqib");
    /// assert_eq!(t.display_name("164816", Lang::Fr), "Saraqeb");
    /// assert_eq!(t.display_name("164816", Lang::Ar), "سراقب");
    /// ```
    pub fn display_name(&self, id: &str, lang: Lang) -> String {
        if let Some(n) = self.display_names.get(id, lang) {
            return n.to_string();
        }
        let Some(p) = self.gazetteer.get(id) else {
            return id.to_string();
        };
        let from_geonames = p.source.starts_with("https://www.geonames.org/");
        // The supplement's names in that language; for GeoNames places only
        // the Arabic-script alternate names (GeoNames gives no language for
        // Latin ones).
        if lang != Lang::En && (!from_geonames || lang == Lang::Ar) {
            if let Some(n) = p
                .names
                .iter()
                .find(|n| n.lang.as_deref() == Some(lang.code()))
            {
                return strip_tag(&n.text).to_string();
            }
        }
        if let Some(n) = self.display_names.get(id, Lang::En) {
            return n.to_string();
        }
        if from_geonames {
            // GeoNames writes scholarly transliterations (Ḩamāh, ‘Ayn):
            // without the diacritics and ayn/hamza marks they read as the
            // press writes them.
            plain_latin(strip_tag(&p.name))
        } else {
            strip_tag(&p.name).to_string()
        }
    }

    /// The label of a governorate, country or sea (`adm1:NAME`,
    /// `country:XX`, `sea:NAME`) in `lang`, falling back to English and
    /// then to the name after the colon.
    pub fn region_label(&self, id: &str, lang: Lang) -> String {
        self.display_names
            .get(id, lang)
            .or_else(|| self.display_names.get(id, Lang::En))
            .map_or_else(
                || id.split_once(':').map_or(id, |x| x.1).to_string(),
                str::to_string,
            )
    }

    /// Display name of a controller in `lang`: the faction's `name_fr`,
    /// `name_ar`... column, or the UI word for contested and unknown (the
    /// theater's `style.csv` names in English).
    pub fn controller_name_in(&self, c: impl AsRef<str>, lang: Lang) -> String {
        match Controller::parse(c.as_ref()) {
            Controller::Contested if lang != Lang::En => lang.ui(Ui::Contested).to_string(),
            Controller::Unknown if lang != Lang::En => lang.ui(Ui::Unknown).to_string(),
            Controller::Faction(id) => self
                .faction(&id)
                .map_or(id, |f| f.name_in(lang.code()).to_string()),
            other => self.controller_name(other.as_str()),
        }
    }

    /// The side of a controller (or of its id): its faction's side, or the
    /// id itself (`contested`, `unknown`, a faction without a side).
    pub fn side_of(&self, c: impl AsRef<str>) -> String {
        let id = c.as_ref();
        self.faction(id).map_or(id.to_string(), |f| f.side.clone())
    }

    /// Colour of a controller (or of its id).
    pub fn controller_color(&self, c: impl AsRef<str>) -> String {
        match Controller::parse(c.as_ref()) {
            Controller::Contested => self.style.contested_color.clone(),
            Controller::Unknown => self.style.unknown_color.clone(),
            Controller::Faction(id) => self
                .faction(&id)
                .map_or_else(|| "#000000".to_string(), |f| f.color.clone()),
        }
    }
}

/// The header of an events file with no rows.
const EVENTS_HEADER: &str = "date,place,controller,confidence,source,source_kind,note\n";

/// The header of a supplement with no rows.
const SUPPLEMENT_HEADER: &str =
    "id,name,lat,lon,kind,feature_code,admin1,population,names,source,note\n";

/// The header of an aliases file with no rows.
const ALIASES_HEADER: &str = "place,name,lang,source,note\n";

/// The header of a waypoints file with no rows: a theater without roads.
const WAYPOINTS_HEADER: &str = "road,seq,place,source\n";

/// The rules of the options' languages, else the manifest's.
fn rules_of(m: &Manifest, o: &LoadOptions<'_>) -> Result<crate::gazetteer::lang::Rules> {
    match o.languages {
        Some(codes) => check_languages(codes)
            .map_err(|(msg, hint)| Error::Usage(format!("--languages: {msg}\n  hint: {hint}"))),
        None => Ok(m.rules()),
    }
}

/// A Latin name without diacritics and without the ayn and hamza marks
/// of scholarly transliteration.
///
/// ```
/// assert_eq!(frontline::theater::plain_latin("‘Ayn al Bayḑā’"), "Ayn al Bayda");
/// ```
pub fn plain_latin(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| !matches!(c, '‘' | '’' | 'ʿ' | 'ʾ' | '`' | 'ʼ'))
        .collect::<String>()
        .trim()
        .to_string()
}

enum Roads<'a> {
    Waypoints(&'a str, &'a str),
    GeoJson(&'a str, &'a str),
}

/// All errors are reported by `events check`; loading stops at the first,
/// with a count of the rest.
fn first_error(mut errs: Vec<Error>) -> Error {
    let n = errs.len();
    let mut e = errs.remove(0);
    if n > 1 {
        if let Error::Input(ie) = &mut e {
            let more = format!(
                "{} more error(s): run `frontline events check` to list them all",
                n - 1
            );
            ie.hint = Some(match ie.hint.take() {
                Some(h) => format!("{h}\n  {more}"),
                None => more,
            });
        }
    }
    e
}

/// Where a theater folder's files go, for documentation and `roads import`.
pub fn roads_geojson_path(dir: &Path) -> PathBuf {
    dir.join("roads").join("roads.geojson")
}

/// The text and path of every `supplement-*.csv` in a gazetteer folder, in
/// name order, so the result does not depend on the file system.
fn more_supplements(dir: &Path) -> Result<Vec<(String, String)>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("supplement-") && n.ends_with(".csv"))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| Ok((read_utf8(&p)?, p.display().to_string())))
        .collect()
}
