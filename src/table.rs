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
        for r in required {
            if !headers.iter().any(|h| h == r) {
                return Err(Error::input(
                    file,
                    Some(1),
                    Some(r),
                    format!("missing column `{r}` (header is `{}`)", headers.join(",")),
                )
                .with_hint(format!(
                    "the header must name these columns: {}",
                    required.join(",")
                )));
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
