//! Dated, sourced control events, and the as-of rule.
//!
//! An event says that on `date`, `place` was held by `controller` (a faction
//! id or `contested`), with a `confidence` (`confirmed` or `claimed`) and a
//! `source` URL. A place's controller on day D is the one in its latest event
//! dated on or before D; with no such event it is unknown.

use crate::date::Date;
use crate::error::Error;
use crate::gazetteer::{Focus, Gazetteer};
use crate::table::Table;
use crate::theater::Faction;

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

/// One control event.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Event {
    /// The day.
    pub date: Date,
    /// Gazetteer id of the place.
    pub place: String,
    /// The place name as written in the file.
    pub place_written: String,
    /// Faction id or `contested`.
    pub controller: String,
    /// How sure.
    pub confidence: Confidence,
    /// Source URL.
    pub source: String,
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
        let place = match resolve_exact(gaz, written) {
            Ok(id) => Some(id),
            Err(msg) => {
                errs.push(t.error(row, "place", msg.0).with_hint(msg.1));
                None
            }
        };
        let controller = t.get(row, "controller");
        if controller != "contested" && !factions.iter().any(|f| f.id == controller) {
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
                errs.push(
                    t.error(row, "confidence", format!("`{other}` is not a confidence"))
                        .with_hint("write `confirmed` or `claimed`"),
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
        let (Some(date), Some(place), Some(confidence)) = (date, place, confidence) else {
            continue;
        };
        if bad {
            continue;
        }
        if let Some(prev) = out.iter().find(|e| e.date == date && e.place == place) {
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
        out.push(Event {
            date,
            place,
            place_written: written.to_string(),
            controller: controller.to_string(),
            confidence,
            source: source.to_string(),
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

/// A place named in an event must resolve exactly (folded key or id) and
/// unambiguously: sourced data is not guessed at.
pub(crate) fn resolve_exact(gaz: &Gazetteer, written: &str) -> Result<String, (String, String)> {
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
        1 => Ok(ids[0].to_string()),
        0 => {
            let sugg: Vec<String> = if c.is_empty() {
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

/// A place's control on a day.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Held<'a> {
    /// Gazetteer id.
    pub place: &'a str,
    /// Faction id or `contested`.
    pub controller: &'a str,
    /// Date of the deciding event.
    pub since: Date,
    /// The deciding event.
    #[serde(skip)]
    pub event: &'a Event,
}

/// The as-of rule: for each place with an event on or before `date`, the
/// latest such event. Sorted by place id.
pub fn state_on(events: &[Event], date: Date) -> Vec<Held<'_>> {
    let mut latest: std::collections::BTreeMap<&str, &Event> = std::collections::BTreeMap::new();
    for e in events.iter().filter(|e| e.date <= date) {
        match latest.get(e.place.as_str()) {
            Some(prev) if (prev.date, prev.line) > (e.date, e.line) => {}
            _ => {
                latest.insert(&e.place, e);
            }
        }
    }
    latest
        .into_values()
        .map(|e| Held {
            place: &e.place,
            controller: &e.controller,
            since: control_since(events, e, date),
            event: e,
        })
        .collect()
}

/// The first day of the unbroken run of this controller that `e` belongs to:
/// a repeated status report does not reset "since".
fn control_since(events: &[Event], e: &Event, date: Date) -> Date {
    let mut since = e.date;
    let mut same: Vec<&Event> = events
        .iter()
        .filter(|x| x.place == e.place && x.date <= date)
        .collect();
    same.sort_by_key(|e| (e.date, e.line));
    for x in same.iter().rev() {
        if x.controller == e.controller {
            since = x.date;
        } else {
            break;
        }
    }
    since
}
