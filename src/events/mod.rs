//! Dated, sourced control events, and the as-of rule.
//!
//! An event says that on `date`, `place` was held by `controller` (a faction
//! id or `contested`), with a `confidence` (`confirmed` or `claimed`), a
//! `source` URL and, optionally, the kind of that source (`source_kind`). What the events say about a day (the as-of rule) is
//! [`crate::timeline::asof`].

use crate::date::Date;
use crate::error::Error;
use crate::factions::{Controller, Faction};
use crate::gazetteer::{Focus, Gazetteer};
use crate::table::Table;

/// How sure the source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Reported as done by a reliable source, or by both sides.
    Confirmed,
    /// Claimed by one side or a single source.
    Claimed,
}

impl Confidence {
    /// `confirmed` or `claimed`.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Claimed => "claimed",
        }
    }
}

/// What kind of source an event cites, so a reader can weigh it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A wire agency (AFP, Reuters, AP) as carried by a newspaper.
    Wire,
    /// A conflict monitor (e.g. SOHR).
    Monitor,
    /// A state news agency or broadcaster (SANA, Anadolu, TASS, Sputnik).
    StateMedia,
    /// An outlet that takes a side.
    Partisan,
    /// An independent newsroom.
    Newspaper,
    /// An analysis house (ISW, Janes).
    Analysis,
    /// A government or army statement quoted directly.
    Official,
    /// An encyclopedia article (Wikipedia).
    Reference,
}

impl SourceKind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::Wire,
        SourceKind::Monitor,
        SourceKind::StateMedia,
        SourceKind::Partisan,
        SourceKind::Newspaper,
        SourceKind::Analysis,
        SourceKind::Official,
        SourceKind::Reference,
    ];

    /// The word written in `events.csv`.
    ///
    /// ```
    /// use frontline::events::SourceKind;
    /// assert_eq!(SourceKind::StateMedia.as_str(), "state-media");
    /// assert_eq!(SourceKind::parse("monitor"), Some(SourceKind::Monitor));
    /// assert_eq!(SourceKind::parse("blog"), None);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Wire => "wire",
            SourceKind::Monitor => "monitor",
            SourceKind::StateMedia => "state-media",
            SourceKind::Partisan => "partisan",
            SourceKind::Newspaper => "newspaper",
            SourceKind::Analysis => "analysis",
            SourceKind::Official => "official",
            SourceKind::Reference => "reference",
        }
    }

    /// Parse the word written in `events.csv`.
    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One control event.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Event {
    /// The day.
    pub date: Date,
    /// Gazetteer id of the place.
    pub place: String,
    /// The place name as written in the file.
    pub place_written: String,
    /// A faction or contested (never unknown).
    pub controller: Controller,
    /// How sure.
    pub confidence: Confidence,
    /// Source URL.
    pub source: String,
    /// What kind of source it is (the optional `source_kind` column).
    pub source_kind: Option<SourceKind>,
    /// Free text.
    pub note: String,
    /// Line in the events file.
    pub line: u64,
}

/// Parse and check an events CSV. Every problem is returned, each naming the
/// file, line and field, so `events check` can list them all.
pub fn parse_events(
    text: &str,
    file: &str,
    gaz: &Gazetteer,
    factions: &[Faction],
) -> Result<Vec<Event>, Vec<Error>> {
    let t = Table::parse(
        text,
        file,
        &["date", "place", "controller", "confidence", "source"],
    )
    .map_err(|e| vec![e])?;
    let mut errs = Vec::new();
    let mut out: Vec<Event> = Vec::new();
    // (date, place) → index in `out`, for the duplicate check.
    let mut seen: std::collections::HashMap<(Date, String), usize> =
        std::collections::HashMap::new();
    for row in t.rows() {
        let mut bad = false;
        let date = match t.get(row, "date").parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                errs.push(
                    t.error(row, "date", e.0)
                        .with_hint("write the day as YYYY-MM-DD, e.g. 2020-02-08"),
                );
                None
            }
        };
        let written = t.get(row, "place");
        let place = match resolve_exact(gaz, written, errs.len() < MAX_SUGGESTED) {
            Ok(id) => Some(id),
            Err(msg) => {
                errs.push(t.error(row, "place", msg.0).with_hint(msg.1));
                None
            }
        };
        let written_controller = t.get(row, "controller");
        let controller = Controller::parse(written_controller);
        let known = match &controller {
            Controller::Contested => true,
            Controller::Faction(id) => factions.iter().any(|f| &f.id == id),
            Controller::Unknown => false,
        };
        if !known {
            let controller = written_controller;
            let ids: Vec<&str> = factions.iter().map(|f| f.id.as_str()).collect();
            errs.push(
                t.error(row, "controller", format!("unknown faction `{controller}`"))
                    .with_hint(format!(
                        "use one of: {}, contested (or add it to factions.csv)",
                        ids.join(", ")
                    )),
            );
            bad = true;
        }
        let confidence = match t.get(row, "confidence") {
            "confirmed" => Some(Confidence::Confirmed),
            "claimed" => Some(Confidence::Claimed),
            other => {
                let hint = match other.to_ascii_lowercase().as_str() {
                    "confirmed" | "claimed" => format!(
                        "write it in lower case: `{}`",
                        other.to_ascii_lowercase()
                    ),
                    "high" | "medium" | "low" | "certain" | "likely" | "unconfirmed"
                    | "reported" => "frontline has two levels: write `confirmed` for what a reliable source or both sides report (e.g. high), `claimed` for one side's or a single source's claim (e.g. medium, low)".to_string(),
                    _ => "write `confirmed` or `claimed`".to_string(),
                };
                errs.push(
                    t.error(row, "confidence", format!("`{other}` is not a confidence"))
                        .with_hint(hint),
                );
                None
            }
        };
        let source = t.get(row, "source");
        if !(source.starts_with("http://") || source.starts_with("https://")) {
            errs.push(
                t.error(row, "source", format!("`{source}` is not a URL"))
                    .with_hint("every event needs the http(s) URL of its source"),
            );
            bad = true;
        }
        let source_kind = match t.get(row, "source_kind") {
            "" => None,
            k => match SourceKind::parse(k) {
                Some(k) => Some(k),
                None => {
                    let kinds: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
                    errs.push(
                        t.error(row, "source_kind", format!("`{k}` is not a kind of source"))
                            .with_hint(format!(
                                "write one of: {} (or leave it empty)",
                                kinds.join(", ")
                            )),
                    );
                    bad = true;
                    None
                }
            },
        };
        let (Some(date), Some(place), Some(confidence)) = (date, place, confidence) else {
            continue;
        };
        if bad {
            continue;
        }
        if let Some(prev) = seen.get(&(date, place.clone())).map(|&i| &out[i]) {
            let what = if prev.controller == controller {
                "duplicate"
            } else {
                "conflicting"
            };
            errs.push(
                t.error(
                    row,
                    "place",
                    format!(
                        "{what} event: line {} already gives `{}` on {date} to {}",
                        prev.line, written, prev.controller
                    ),
                )
                .with_hint("keep one event per place and day; put the other report in the note"),
            );
            continue;
        }
        seen.insert((date, place.clone()), out.len());
        out.push(Event {
            date,
            place,
            place_written: written.to_string(),
            controller,
            confidence,
            source: source.to_string(),
            source_kind,
            note: t.get(row, "note").to_string(),
            line: row.line,
        });
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.line.cmp(&b.line)));
    Ok(out)
}

/// "Did you mean" suggestions are looked for in the first this many errors
/// only: each compares the name with every name of the gazetteer, and a file
/// of 100k unknown names would take minutes.
const MAX_SUGGESTED: usize = 50;

/// A place named in an event must resolve exactly (folded key or id) and
/// unambiguously: sourced data is not guessed at. `suggest`: look for close
/// names to offer when there is no match.
pub(crate) fn resolve_exact(
    gaz: &Gazetteer,
    written: &str,
    suggest: bool,
) -> Result<String, (String, String)> {
    if written.trim().is_empty() {
        return Err((
            "the place is empty".into(),
            "name the place, or give its gazetteer id".into(),
        ));
    }
    let c = gaz.resolve(written, &Focus::default());
    let exact: Vec<_> = c.iter().filter(|c| c.score >= 1.0).collect();
    let mut ids: Vec<&str> = exact.iter().map(|c| c.place.id.as_str()).collect();
    ids.dedup();
    match ids.len() {
        1 if exact[0].place.kind == crate::gazetteer::Kind::Road => Err((
            format!("`{written}` is a road, not a place that can be held"),
            "name the town or junction on the road that changed hands; `report --road` shows who holds each stretch".into(),
        )),
        1 => Ok(ids[0].to_string()),
        0 => {
            let sugg: Vec<String> = if !suggest {
                Vec::new()
            } else if c.is_empty() {
                gaz.suggest(written, 3)
                    .into_iter()
                    .map(str::to_string)
                    .collect()
            } else {
                c.iter()
                    .take(3)
                    .map(|c| format!("{} ({})", c.place.name, c.place.id))
                    .collect()
            };
            Err((
                format!("no gazetteer place is named `{written}`"),
                if sugg.is_empty() {
                    "add the place to gazetteer/supplement.csv with its source".into()
                } else {
                    format!(
                        "did you mean: {}? Write the name or id exactly, or add the place to gazetteer/supplement.csv",
                        sugg.join(", ")
                    )
                },
            ))
        }
        _ => Err((
            format!("`{written}` names {} places", ids.len()),
            format!("write the id of the one you mean: {}", ids.join(", ")),
        )),
    }
}
