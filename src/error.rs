//! Errors that name the file, the line and the field, with a hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in frontline. Input errors point at the
/// offending file, line and field and say what to do next.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad value in an input file.
    #[error("{}", .0)]
    Input(Box<InputError>),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A bad command-line value.
    #[error("{0}")]
    Usage(String),
}

/// A bad value at a known place in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file (or `<embedded>/…` for built-in data, `-` for standard input).
    pub file: String,
    /// 1-based line number, if known.
    pub line: Option<u64>,
    /// The field (column) name, if known.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}

impl Error {
    /// An input error at `file:line`, field `field`.
    pub fn input(
        file: impl Into<String>,
        line: Option<u64>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Error::Input(Box::new(InputError {
            file: file.into(),
            line,
            field: field.map(str::to_owned),
            message: message.into(),
            hint: None,
        }))
    }

    /// Attach a hint to an input error (other errors are returned unchanged).
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        if let Error::Input(e) = &mut self {
            e.hint = Some(hint.into());
        }
        self
    }

    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
}

/// Result with frontline's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Read a whole file as UTF-8, naming the file and the line of the first bad
/// byte if it is not UTF-8. `-` reads standard input.
pub fn read_utf8(path: &Path) -> Result<String> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Error::io(path, e))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Error::io(path, e))?
    };
    utf8_or_error(bytes, &path.display().to_string())
}

/// Check that `bytes` is UTF-8; otherwise name the line and byte offset of the
/// first invalid sequence.
pub fn utf8_or_error(bytes: Vec<u8>, file: &str) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        Error::input(
            file,
            Some(line),
            None,
            format!("not valid UTF-8 (first bad byte at offset {valid})"),
        )
        .with_hint("save the file as UTF-8, e.g. `iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8`")
    })
}

/// Write `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a failed run never leaves a half-written output and a reader
/// sees the old file or the new one, never a mix.
///
/// The file is not fsynced: that cost about 1.2 ms per file (205 times in a
/// 51-day GeoJSON series) and guards only against a power cut, which a
/// rerun of the command repairs; the operating system writes the data back
/// as usual.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "{}: the folder {} does not exist\n  hint: create it first, e.g. mkdir -p {}",
            path.display(),
            dir.display(),
            dir.display()
        )));
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let res = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}
