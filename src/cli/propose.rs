//! `frontline propose`: candidate events from articles.

use super::EXIT_OK;
use frontline::error::{read_utf8, Error};
use frontline::propose::{corroborate, Actors, Article, Candidate, Proposer, PubDate};
use frontline::theater::Theater;
use std::path::{Path, PathBuf};

pub const PROPOSE_HELP: &str = "\
Examples:
  frontline propose article.txt --date 2020-02-06 --source https://example.org/story
  frontline propose article.txt --date 2020-02-06 --source URL --csv > candidates.csv
  frontline propose ../shared/corpus/*.txt --json | jq 'select(.status==\"new\")'
  curl -s URL | frontline propose - --date 2020-02-06 --source URL

Output: JSON Lines (default, or --json), one candidate per line: date, place
(gazetteer id or null), name, text, controller (faction id or null), status
(new | restated), confidence (claimed | confirmed), score, evidence, start,
end (byte offsets of the evidence), source, sources, file, flags.
--csv writes the columns of events.csv plus evidence, status, flags and an
empty `review` column: write `accept` (or yes, y, x) to keep a row, then
`frontline events merge candidates.csv --into my-events.csv`.

The article's publication date is --date, or a first line ` date YYYY-MM-DD`
(or ` date YYYY-MM`). Without a day, weekdays and \"yesterday\" are not
resolved: the candidate's date is null, never guessed.
The same change (place, controller, date +/- 1 day) from several files is
one candidate listing every source; two or more make it `confirmed`.
Actor phrases come from the theater's actors.csv (see data/README.md).";

#[derive(Debug, clap::Args)]
pub struct ProposeArgs {
    /// Article text files (UTF-8), or - for standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Publication date, YYYY-MM-DD (or YYYY-MM): relative dates are resolved against it.
    #[arg(long, value_parser = pub_date_arg)]
    date: Option<PubDate>,
    /// Source URL of the article; repeat it once per file to give each its own.
    #[arg(long = "source", value_name = "URL")]
    sources: Vec<String>,
    /// JSON Lines (the default).
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// CSV for review: events.csv columns plus evidence, status, flags, review.
    #[arg(long)]
    csv: bool,
}

fn pub_date_arg(s: &str) -> Result<PubDate, String> {
    PubDate::parse(s).ok_or_else(|| format!("`{s}` is not a date (write YYYY-MM-DD or YYYY-MM)"))
}

/// Largest article read (bytes): bounded memory and time.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

fn read_article(f: &Path) -> Result<String, Error> {
    let name = f.display().to_string();
    if f != Path::new("-") {
        if let Ok(m) = std::fs::metadata(f) {
            if m.len() > MAX_BYTES {
                return Err(Error::input(
                    &name,
                    None,
                    None,
                    format!(
                        "the file is {} bytes, more than the {MAX_BYTES} read",
                        m.len()
                    ),
                )
                .with_hint("split the file into articles"));
            }
        }
    }
    let text = read_utf8(f)?;
    if text.trim().is_empty() {
        return Err(Error::input(&name, Some(1), None, "the file is empty")
            .with_hint("give a UTF-8 text file with the article in it"));
    }
    if let Some(pos) = text.find('\0') {
        let line = text[..pos].bytes().filter(|&b| b == b'\n').count() as u64 + 1;
        return Err(Error::input(
            &name,
            Some(line),
            None,
            "the file holds NUL bytes: it is binary, not text",
        )
        .with_hint("extract the article's text first (e.g. pdftotext, or copy it from the page)"));
    }
    Ok(text)
}

pub fn run(t: &Theater, theater_dir: Option<&Path>, a: ProposeArgs) -> Result<i32, Error> {
    if a.sources.len() > 1 && a.sources.len() != a.files.len() {
        return Err(Error::Usage(format!(
            "{} --source values for {} files\n  hint: give one --source for all files, or one per file in the same order",
            a.sources.len(),
            a.files.len()
        )));
    }
    for s in &a.sources {
        if !(s.starts_with("http://") || s.starts_with("https://")) {
            return Err(Error::Usage(format!(
                "--source `{s}` is not a URL\n  hint: give the http(s) address of the article"
            )));
        }
    }
    let actors = match theater_dir {
        Some(d) => Actors::from_dir(d, &t.factions)?,
        None => Actors::embedded(&t.factions)?,
    };
    let mut texts = Vec::new();
    for f in &a.files {
        texts.push((f.display().to_string(), read_article(f)?));
    }
    let p = Proposer::new(&t.gazetteer, &actors);
    let mut all: Vec<Candidate> = Vec::new();
    for (k, (file, text)) in texts.iter().enumerate() {
        let source = match a.sources.len() {
            0 => None,
            1 => Some(a.sources[0].clone()),
            _ => Some(a.sources[k].clone()),
        };
        let art = Article::new(text, a.date, source, file);
        all.extend(p.propose(&art));
    }
    let all = corroborate(all);
    if a.csv {
        print!("{}", to_csv(t, &all));
    } else {
        for c in &all {
            outln!(
                "{}",
                serde_json::to_string(c).expect("candidates serialise")
            );
        }
    }
    Ok(EXIT_OK)
}

/// The review CSV: events.csv columns, then evidence, status, flags, review.
fn to_csv(t: &Theater, all: &[Candidate]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record([
        "date",
        "place",
        "controller",
        "confidence",
        "source",
        "note",
        "evidence",
        "status",
        "flags",
        "review",
    ]);
    for c in all {
        // the gazetteer's name when it resolves to this place alone, else the id
        let place = match &c.place {
            Some(id) => {
                let name = &c.name;
                let unique = t
                    .gazetteer
                    .resolve(name, &Default::default())
                    .iter()
                    .filter(|x| x.score >= 1.0)
                    .all(|x| &x.place.id == id);
                if unique {
                    name.clone()
                } else {
                    id.clone()
                }
            }
            None => c.text.clone(),
        };
        let mut note = format!("proposed from \"{}\"", c.text);
        if c.sources.len() > 1 {
            note.push_str(&format!("; also {}", c.sources[1..].join(" ")));
        }
        let _ = w.write_record([
            c.date.map(|d| d.to_string()).unwrap_or_default(),
            place,
            c.controller.clone().unwrap_or_default(),
            c.confidence.as_str().to_string(),
            c.source.clone(),
            note,
            c.evidence.replace(['\n', '\r'], " "),
            c.status.as_str().to_string(),
            c.flags.join(" "),
            String::new(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
