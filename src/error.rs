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
        write!(f, ": {}", shorten(&self.message, MAX_MESSAGE))?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {}", shorten(h, MAX_MESSAGE))?;
        }
        Ok(())
    }
}

/// Longest message or hint shown, in characters: a 1 MB value from a file
/// is not echoed back in full.
pub const MAX_MESSAGE: usize = 400;

/// `s` cut to at most `max` characters, saying how much was left out.
///
/// ```
/// use frontline::error::shorten;
/// assert_eq!(shorten("abc", 5), "abc");
/// assert_eq!(shorten(&"x".repeat(10), 4), "xxxx… (6 more characters)");
/// ```
pub fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => s.into(),
        Some((cut, _)) => {
            let more = s[cut..].chars().count();
            format!("{}… ({more} more characters)", &s[..cut]).into()
        }
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
        .with_hint(format!(
            "save the file as UTF-8, e.g. `iconv -f {} -t UTF-8 FILE > FILE.utf8`{}",
            guess_encoding(&bytes[valid..]),
            " (WINDOWS-1252 suits accented Latin-script text, WINDOWS-1256 Arabic)"
        ))
    })
}

/// The likelier single-byte encoding of non-UTF-8 text: Arabic in
/// WINDOWS-1256 comes as runs of high bytes (whole words), accented Latin
/// text in Latin-1/WINDOWS-1252 as single high bytes between ASCII letters.
fn guess_encoding(bytes: &[u8]) -> &'static str {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let (mut lone, mut runs) = (0usize, 0usize);
    let mut i = 0;
    while i < sample.len() {
        if sample[i] >= 0x80 {
            let start = i;
            while i < sample.len() && sample[i] >= 0x80 {
                i += 1;
            }
            if i - start >= 3 {
                runs += 1;
            } else {
                lone += 1;
            }
        } else {
            i += 1;
        }
    }
    if runs > lone {
        "WINDOWS-1256"
    } else {
        "WINDOWS-1252"
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a failed run never leaves a half-written output.
///
/// What is already at `path` decides how:
/// * nothing or a regular file: replaced by the rename;
/// * a symbolic link: written through, deliberately: the file it points to
///   is replaced (through a temporary file beside it) and the link is kept;
/// * a device, a pipe, a socket or a folder: refused (a rename would put a
///   regular file in its place).
///
/// Temporary files left by a run that was killed (`.NAME.PID.tmp` whose
/// process is gone) are removed first.
///
/// The file is not fsynced: that cost about 1.2 ms per file (205 times in a
/// 51-day GeoJSON series) and guards only against a power cut, which a
/// rerun of the command repairs.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let path = &output_target(path)?;
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
    if !is_staging(dir) {
        remove_stale_temporaries(dir, Some(&name));
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

/// The file to replace when writing `path`: `path` itself, or the file a
/// symbolic link at `path` points to; an error for anything but a regular
/// file (see [`write_atomic`]).
pub fn output_target(path: &Path) -> Result<std::path::PathBuf> {
    let mut p = path.to_path_buf();
    // Follow a chain of links (bounded, as the system does).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Err(_) => return Ok(p),
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p).map_err(|e| Error::io(&p, e))?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            Ok(m) if m.is_file() => return Ok(p),
            Ok(m) => {
                let what = if m.is_dir() {
                    "a folder"
                } else {
                    "not a regular file (a device, a pipe or a socket)"
                };
                return Err(Error::Usage(format!(
                    "{}: is {what}; frontline only replaces regular files\n  hint: write to a file name, then copy it where it must go",
                    path.display()
                )));
            }
        }
    }
    Err(Error::Usage(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// Prefix of the folder where a set of files is written before it is moved
/// into place (see `output::OutputSet`).
pub(crate) const STAGING_PREFIX: &str = ".frontline-set.";

fn is_staging(dir: &Path) -> bool {
    dir.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(STAGING_PREFIX))
}

/// Is the process `pid` still running? Unknown (no /proc) counts as running.
fn pid_alive(pid: u32) -> bool {
    if !Path::new("/proc/self").exists() {
        return true;
    }
    pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists()
}

/// The process id in a temporary name `.NAME.PID.tmp` (for `name`, or any
/// name) or a staging folder `.frontline-set.PID`.
fn temp_pid(file: &str, name: Option<&str>) -> Option<u32> {
    // SQLite's rollback journal beside a temporary GeoPackage.
    let file = file.strip_suffix("-journal").unwrap_or(file);
    if let Some(pid) = file.strip_prefix(STAGING_PREFIX) {
        return pid.parse().ok();
    }
    let rest = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (stem, pid) = rest.rsplit_once('.')?;
    if name.is_some_and(|n| n != stem) || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Remove the temporary files (of `name`, or of any output when `None`) and
/// staging folders that runs killed before they finished left in `dir`.
pub(crate) fn remove_stale_temporaries(dir: &Path, name: Option<&str>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name();
        let Some(file) = file.to_str() else { continue };
        let staging = file.starts_with(STAGING_PREFIX);
        if staging && name.is_some() {
            continue;
        }
        let Some(pid) = temp_pid(file, name) else {
            continue;
        };
        if pid_alive(pid) {
            continue;
        }
        let p = e.path();
        let _ = if staging {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_gets_a_windows_1252_hint_and_arabic_a_windows_1256_one() {
        // "Lattaquié, Alep" in Latin-1.
        let e = utf8_or_error(b"name\nLattaqui\xe9, Alep\n".to_vec(), "l.csv")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("l.csv:2") && e.contains("-f WINDOWS-1252"),
            "{e}"
        );
        // "سراقب" in WINDOWS-1256.
        let e = utf8_or_error(b"name\n\xd3\xd1\xc7\xde\xc8\n".to_vec(), "a.csv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("-f WINDOWS-1256"), "{e}");
    }

    #[test]
    fn temporaries_of_killed_runs_are_recognised() {
        assert_eq!(temp_pid(".2019-12-22.svg.4242.tmp", None), Some(4242));
        assert_eq!(
            temp_pid(".2019-12-22.svg.4242.tmp", Some("2019-12-22.svg")),
            Some(4242)
        );
        assert_eq!(temp_pid(".2019-12-22.svg.4242.tmp", Some("x.svg")), None);
        assert_eq!(temp_pid(".frontline-set.77", None), Some(77));
        assert_eq!(temp_pid("2019-12-22.svg", None), None);
        assert_eq!(temp_pid(".notes.tmp", None), None);
        assert_eq!(
            temp_pid(".frontline.gpkg.99.tmp-journal", Some("frontline.gpkg")),
            Some(99)
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn write_atomic_cleans_leftovers_writes_through_links_and_refuses_devices() {
        let d = tempfile::tempdir().unwrap();
        // A pid that is not running (above the kernel's pid_max).
        let stale = d.path().join(".m.svg.4194305.tmp");
        std::fs::write(&stale, "half").unwrap();
        let other = d.path().join(".keep.svg.4194305.tmp");
        std::fs::write(&other, "x").unwrap();
        write_atomic(&d.path().join("m.svg"), b"new").unwrap();
        assert!(!stale.exists() && other.exists());

        let real = d.path().join("real.svg");
        std::fs::write(&real, "old").unwrap();
        let link = d.path().join("link.svg");
        std::os::unix::fs::symlink("real.svg", &link).unwrap();
        write_atomic(&link, b"through").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "through");

        let e = write_atomic(Path::new("/dev/null"), b"x")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a regular file"), "{e}");
        let e = write_atomic(d.path(), b"x").unwrap_err().to_string();
        assert!(e.contains("a folder"), "{e}");
    }

    #[test]
    fn a_huge_value_is_not_echoed_in_full() {
        let name = "A".repeat(1 << 20);
        let e = Error::input(
            "e.csv",
            Some(2),
            Some("place"),
            format!("no place `{name}`"),
        )
        .with_hint(format!("did you mean {name}"))
        .to_string();
        assert!(e.len() < 2 * MAX_MESSAGE + 200, "{}", e.len());
        assert!(e.contains("more characters"), "{e}");
    }
}
