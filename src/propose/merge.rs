//! `events merge`: append the reviewed candidates to an events file.
//!
//! A candidates CSV (as written by `propose --csv`) has the columns of
//! `events.csv` plus `review`. Rows whose `review` is one of
//! [`ACCEPT`] (any case) are appended; other rows are skipped. A row the
//! timeline already has (same date, place and controller) is skipped; a row
//! that disagrees with it (same place and day, other controller) is a
//! conflict: listed with the line of both, and not appended.

use crate::date::Date;
use crate::error::Error;
use crate::events::{parse_events, resolve_exact};
use crate::factions::Faction;
use crate::gazetteer::Gazetteer;
use crate::table::Table;

/// `review` values that accept a row.
pub const ACCEPT: &[&str] = &["accept", "accepted", "yes", "y", "x", "ok"];

/// What a merge did.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// The new events file text.
    pub text: String,
    /// Candidate lines appended.
    pub appended: Vec<u64>,
    /// (candidate line, events line) already in the timeline.
    pub already: Vec<(u64, u64)>,
    /// Conflicts, each naming the file and line of both rows.
    pub conflicts: Vec<String>,
    /// Rows not accepted by the analyst.
    pub not_reviewed: usize,
}

struct Row {
    line: u64,
    date: Date,
    place: String,
    written: String,
    controller: String,
    confidence: String,
    source: String,
    note: String,
}

/// Merge the accepted rows of `cands` into the events `into` (None: a new file).
pub fn merge(
    cands: &str,
    cands_file: &str,
    into: Option<&str>,
    into_file: &str,
    gaz: &Gazetteer,
    factions: &[Faction],
) -> Result<Merged, Vec<Error>> {
    let existing = match into {
        Some(text) if !text.trim().is_empty() => parse_events(text, into_file, gaz, factions)?,
        _ => Vec::new(),
    };
    let t = Table::parse(
        cands,
        cands_file,
        &[
            "date",
            "place",
            "controller",
            "confidence",
            "source",
            "review",
        ],
    )
    .map_err(|e| vec![e])?;
    let mut errs = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut m = Merged::default();
    for r in t.rows() {
        let review = t.get(r, "review").to_lowercase();
        if !ACCEPT.contains(&review.as_str()) {
            m.not_reviewed += 1;
            continue;
        }
        let date = match t.get(r, "date").parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                errs.push(t.error(r, "date", e.0).with_hint(
                    "the proposal had no date: read the evidence and write the day as YYYY-MM-DD",
                ));
                None
            }
        };
        let written = t.get(r, "place");
        let place = match resolve_exact(gaz, written, true) {
            Ok(id) => Some(id),
            Err((msg, hint)) => {
                errs.push(t.error(r, "place", msg).with_hint(format!(
                    "{hint}; a village the gazetteer lacks goes in gazetteer/supplement.csv with a sourced coordinate"
                )));
                None
            }
        };
        let controller = t.get(r, "controller");
        if controller != "contested" && !factions.iter().any(|f| f.id == controller) {
            let ids: Vec<&str> = factions.iter().map(|f| f.id.as_str()).collect();
            errs.push(
                t.error(r, "controller", format!("unknown faction `{controller}`"))
                    .with_hint(format!("use one of: {}, contested", ids.join(", "))),
            );
            continue;
        }
        let confidence = t.get(r, "confidence");
        if !matches!(confidence, "confirmed" | "claimed") {
            errs.push(
                t.error(
                    r,
                    "confidence",
                    format!("`{confidence}` is not a confidence"),
                )
                .with_hint("write `confirmed` or `claimed`"),
            );
            continue;
        }
        let source = t.get(r, "source");
        if !(source.starts_with("http://") || source.starts_with("https://")) {
            errs.push(
                t.error(r, "source", format!("`{source}` is not a URL"))
                    .with_hint("every event needs the http(s) URL of its source"),
            );
            continue;
        }
        let (Some(date), Some(place)) = (date, place) else {
            continue;
        };
        if let Some(prev) = rows
            .iter()
            .find(|p| p.date == date && p.place == place && p.controller == controller)
        {
            errs.push(
                t.error(
                    r,
                    "place",
                    format!("duplicated row: line {} already accepts `{written}` on {date} for {controller}", prev.line),
                )
                .with_hint("keep one of the two rows accepted"),
            );
            continue;
        }
        let note = if t.has("note") { t.get(r, "note") } else { "" };
        rows.push(Row {
            line: r.line,
            date,
            place,
            written: written.to_string(),
            controller: controller.to_string(),
            confidence: confidence.to_string(),
            source: source.to_string(),
            note: note.to_string(),
        });
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let mut keep: Vec<&Row> = Vec::new();
    for r in &rows {
        let mut ok = true;
        for e in existing
            .iter()
            .filter(|e| e.date == r.date && e.place == r.place)
        {
            if e.controller.as_str() == r.controller {
                m.already.push((r.line, e.line));
            } else {
                m.conflicts.push(format!(
                    "{cands_file}:{}: `{}` on {} to {} conflicts with {into_file}:{} ({})",
                    r.line, r.written, r.date, r.controller, e.line, e.controller
                ));
            }
            ok = false;
        }
        for o in rows
            .iter()
            .filter(|o| o.date == r.date && o.place == r.place && o.controller != r.controller)
        {
            m.conflicts.push(format!(
                "{cands_file}:{}: `{}` on {} to {} conflicts with {cands_file}:{} ({})",
                r.line, r.written, r.date, r.controller, o.line, o.controller
            ));
            ok = false;
        }
        if ok {
            keep.push(r);
        }
    }
    let mut text = into.unwrap_or("").to_string();
    if text.trim().is_empty() {
        text = "date,place,controller,confidence,source,note\n".to_string();
    } else if !text.ends_with('\n') {
        text.push('\n');
    }
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for r in &keep {
        let _ = w.write_record([
            r.date.to_string().as_str(),
            &r.written,
            &r.controller,
            &r.confidence,
            &r.source,
            &r.note,
        ]);
        m.appended.push(r.line);
    }
    text.push_str(&String::from_utf8_lossy(
        &w.into_inner().unwrap_or_default(),
    ));
    // the result must be a valid events file
    parse_events(&text, into_file, gaz, factions)?;
    m.text = text;
    Ok(m)
}
