//! CSV tables with line numbers and named fields, for error messages that
//! point at the file, the line and the field.

use crate::error::{Error, Result};

/// A parsed CSV table: its header and its rows, each with its line number.
#[derive(Debug, Clone)]
pub struct Table {
    file: String,
    headers: Vec<String>,
    rows: Vec<Row>,
}

/// One CSV row with the line it starts on.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based line number in the file.
    pub line: u64,
    fields: Vec<String>,
}

impl Table {
    /// Parse `text` (named `file` in errors). Every name in `required` must be a
    /// column. Blank lines and lines starting with `#` are skipped.
    pub fn parse(text: &str, file: &str, required: &[&str]) -> Result<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(
                Error::input(file, Some(1), None, "the file is empty").with_hint(format!(
                    "the first line must be the header: {}",
                    required.join(",")
                )),
            );
        }
        if let Some(line) = unterminated_quote(text) {
            return Err(Error::input(
                file,
                Some(line),
                None,
                "a quoted field opened on this line is never closed",
            )
            .with_hint(
                "close the quote; a quote inside a quoted field is written twice (\"\"), e.g. \"the \"\"M5\"\" road\"",
            ));
        }
        let mut rdr = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| csv_error(file, e))?
            .iter()
            .map(str::to_owned)
            .collect();
        if headers.iter().all(|h| h.is_empty()) {
            return Err(Error::input(
                file,
                Some(1),
                None,
                "no header line: the file holds only comments or blank lines",
            )
            .with_hint(format!(
                "the first line that is not a comment must be the header: {}",
                required.join(",")
            )));
        }
        for r in required {
            if !headers.iter().any(|h| h == r) {
                return Err(Error::input(
                    file,
                    Some(1),
                    Some(r),
                    format!("missing column `{r}` (header is `{}`)", headers.join(",")),
                )
                .with_hint(header_hint(&headers, required)));
            }
        }
        let mut rows = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| csv_error(file, e))?;
            let line = rec.position().map_or(0, |p| p.line());
            rows.push(Row {
                line,
                fields: rec.iter().map(str::to_owned).collect(),
            });
        }
        Ok(Table {
            file: file.to_owned(),
            headers,
            rows,
        })
    }

    /// The rows.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The file name used in errors.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Does the table have this column?
    pub fn has(&self, field: &str) -> bool {
        self.headers.iter().any(|h| h == field)
    }

    /// The value of `field` in `row` ("" when the column is absent).
    pub fn get<'a>(&self, row: &'a Row, field: &str) -> &'a str {
        self.headers
            .iter()
            .position(|h| h == field)
            .and_then(|i| row.fields.get(i))
            .map_or("", String::as_str)
    }

    /// An error at `row`, field `field`.
    pub fn error(&self, row: &Row, field: &str, message: impl Into<String>) -> Error {
        Error::input(&self.file, Some(row.line), Some(field), message)
    }

    /// Parse `field` of `row` as a number in `lo..=hi`.
    pub fn number(&self, row: &Row, field: &str, lo: f64, hi: f64) -> Result<f64> {
        let v = self.get(row, field);
        match v.parse::<f64>() {
            Ok(x) if x.is_finite() && (lo..=hi).contains(&x) => Ok(x),
            Ok(_) => Err(self
                .error(row, field, format!("`{v}` is out of range"))
                .with_hint(format!("give a number from {lo} to {hi}"))),
            Err(_) => Err(self
                .error(row, field, format!("`{v}` is not a number"))
                .with_hint("write decimal degrees with a dot, e.g. 35.86361")),
        }
    }
}

/// Why a header lacks a required column, when the cause is a common one.
fn header_hint(headers: &[String], required: &[&str]) -> String {
    let list = required.join(",");
    if headers.len() == 1 && headers[0].contains(';') {
        return format!(
            "the columns are separated by `;` (Excel's default in French and other locales): save as \"CSV UTF-8 (comma delimited)\", or replace the `;` separators with `,`; the header must be {list}"
        );
    }
    if headers.len() == 1 && headers[0].contains('\t') {
        return format!(
            "the columns are separated by tabs: separate them with `,`; the header must be {list}"
        );
    }
    let renames: Vec<String> = required
        .iter()
        .filter(|r| !headers.iter().any(|h| h == *r))
        .filter_map(|r| {
            headers
                .iter()
                .find(|h| h.eq_ignore_ascii_case(r))
                .map(|h| format!("`{h}` to `{r}`"))
        })
        .collect();
    if !renames.is_empty() {
        return format!(
            "column names are lower-case: rename {} (the header must be {list})",
            renames.join(", ")
        );
    }
    format!("the header must name these columns: {list}")
}

/// The line of a quoted field that is still open at the end of the text, if
/// any. Follows the csv crate's rules: a quote opens a quoted field only at
/// the start of a field, `""` inside it is a literal quote, and a record
/// starting with `#` is a comment.
fn unterminated_quote(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let (mut i, mut line) = (0usize, 1u64);
    let mut field_start = true;
    let mut record_start = true;
    while i < b.len() {
        let c = b[i];
        if record_start && c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        record_start = false;
        match c {
            b'"' if field_start => {
                let open = line;
                i += 1;
                loop {
                    match b.get(i) {
                        None => return Some(open),
                        Some(b'"') if b.get(i + 1) == Some(&b'"') => i += 2,
                        Some(b'"') => break,
                        Some(b'\n') => {
                            line += 1;
                            i += 1;
                        }
                        Some(_) => i += 1,
                    }
                }
                field_start = false;
            }
            b',' => field_start = true,
            b'\n' => {
                line += 1;
                field_start = true;
                record_start = true;
            }
            b'\r' => {
                field_start = true;
                record_start = true;
            }
            _ => field_start = false,
        }
        i += 1;
    }
    None
}

fn csv_error(file: &str, e: csv::Error) -> Error {
    let line = e.position().map(|p| p.line());
    let msg = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("this row has {len} fields but the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_owned(),
        _ => e.to_string(),
    };
    Error::input(file, line, None, msg)
        .with_hint("quote fields that contain commas with double quotes, e.g. \"Aleppo, west\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Table::parse(text, "events.csv", &["date", "place", "note"])
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn an_unterminated_quote_is_an_error_at_its_line() {
        let e = err(
            "date,place,note\n2020-01-01,Saraqib,\"open\n2020-01-02,Idlib,x\n2020-01-03,Idlib,y\n",
        );
        assert!(
            e.contains("events.csv:2") && e.contains("never closed"),
            "{e}"
        );
        // Quotes that close, doubled quotes, quotes inside unquoted fields
        // and quotes in comments are fine.
        let t = Table::parse(
            "# a \"comment\ndate,place,note\n2020-01-01,\"Saraqib, west\",\"the \"\"M5\"\"\"\n2020-01-02,Idlib,5\" gun\n",
            "e.csv",
            &["date", "place", "note"],
        )
        .unwrap();
        assert_eq!(t.rows().len(), 2);
        assert_eq!(t.get(&t.rows()[0], "note"), "the \"M5\"");
    }

    #[test]
    fn header_problems_get_a_hint() {
        let e = err("# only a comment\n\n# another\n");
        assert!(e.contains("no header line"), "{e}");
        let e = err("date;place;note\n2020-01-01;Saraqib;x\n");
        assert!(e.contains("separated by `;`"), "{e}");
        let e = err("Date,Place,note\n2020-01-01,Saraqib,x\n");
        assert!(
            e.contains("rename `Date` to `date`, `Place` to `place`"),
            "{e}"
        );
        let t = Table::parse("\u{feff}date,place,note\n", "e.csv", &["date"]).unwrap();
        assert!(t.has("date"));
    }
}
