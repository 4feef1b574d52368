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
    // (date, place) to its event in `out`: a linear search per row made
    // large files quadratic.
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

/// "Did you mean" suggestions are looked for in the first this many errors
/// only: each compares the name with every name of the gazetteer, and a file
/// of 100k unknown names would take minutes.
const MAX_SUGGESTED: usize = 50;

/// A place named in an event must resolve exactly (folded key or id) and
/// unambiguously: sourced data is not guessed at. `suggest`: look for close
/// names to offer when there is no match.
fn resolve_exact(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_events_file_parses_in_linear_time() {
        let gaz = Gazetteer::embedded().unwrap();
        let factions =
            crate::theater::parse_factions(crate::theater::embedded::FACTIONS, "f").unwrap();
        let mut text = String::from("date,place,controller,confidence,source\n");
        let start: Date = "1900-01-01".parse().unwrap();
        let n = 40_000;
        for i in 0..n {
            text.push_str(&format!(
                "{},Saraqib,government,confirmed,https://example.org/{i}\n",
                start.add_days(i)
            ));
        }
        // A duplicate at the end is still found, with the line of the first.
        text.push_str(&format!(
            "{start},Saraqib,government,confirmed,https://example.org/x\n"
        ));
        let started = std::time::Instant::now();
        let errs = parse_events(&text, "e.csv", &gaz, &factions).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].to_string().contains("line 2 already gives"),
            "{}",
            errs[0]
        );
        // Quadratic: 8e8 comparisons of dates and strings.
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }

    #[test]
    fn thousands_of_unknown_places_are_listed_quickly() {
        let gaz = Gazetteer::embedded().unwrap();
        let factions =
            crate::theater::parse_factions(crate::theater::embedded::FACTIONS, "f").unwrap();
        let mut text = String::from("date,place,controller,confidence,source\n");
        let n = 5000;
        for i in 0..n {
            // Distinct made-up names: a fuzzy search for each took 3 ms.
            let name: String = format!("{i:05}")
                .bytes()
                .map(|b| char::from(b'k' + (b - b'0')))
                .collect();
            text.push_str(&format!(
                "2020-01-01,Qx{name}zz,government,confirmed,https://e.org/{i}\n"
            ));
        }
        let started = std::time::Instant::now();
        let errs = parse_events(&text, "e.csv", &gaz, &factions).unwrap_err();
        assert_eq!(errs.len(), n as usize);
        assert!(started.elapsed().as_secs() < 8, "{:?}", started.elapsed());
    }
}
