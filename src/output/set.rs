//! A set of output files (a series, an export) that is written completely or
//! not at all.
//!
//! The files are written into a hidden staging folder inside the output
//! folder, `.frontline-set.PID`; only when every one is written are they
//! renamed into place. A run that fails (a full disk, a bad day) removes the
//! staging folder and leaves the previous set untouched; a run that is
//! killed leaves the folder behind, and the next run into the same output
//! folder removes it.

use crate::error::{
    output_target, remove_stale_temporaries, write_atomic, Error, Result, STAGING_PREFIX,
};
use std::path::{Path, PathBuf};

/// Output files being written as one set.
#[derive(Debug)]
pub struct OutputSet {
    dir: PathBuf,
    stage: PathBuf,
    committed: bool,
}

impl OutputSet {
    /// Start a set in `dir` (created if missing), after removing what killed
    /// runs left there: staging folders, `.NAME.PID.tmp` files and the
    /// `*.gpkg.tmp` GeoPackage (and journal) of earlier versions.
    pub fn begin(dir: &Path) -> Result<OutputSet> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        remove_stale_temporaries(dir, None);
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let n = e.file_name();
                let n = n.to_string_lossy();
                if n.ends_with(".gpkg.tmp") || n.ends_with(".gpkg.tmp-journal") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        let stage = dir.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&stage);
        std::fs::create_dir(&stage).map_err(|e| Error::io(&stage, e))?;
        Ok(OutputSet {
            dir: dir.to_path_buf(),
            stage,
            committed: false,
        })
    }

    /// Where to write the file `name` of the set (inside the staging folder).
    pub fn path(&self, name: &str) -> PathBuf {
        self.stage.join(name)
    }

    /// Move every written file into the output folder, replacing the
    /// previous ones; returns their final paths, sorted. Every destination is
    /// checked before anything moves (a device or folder in the way is an
    /// error, a symbolic link is written through, as
    /// [`write_atomic`] does).
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut names: Vec<std::ffi::OsString> = std::fs::read_dir(&self.stage)
            .map_err(|e| Error::io(&self.stage, e))?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.file_name())
            .filter(|n| {
                let n = n.to_string_lossy();
                !(n.starts_with('.') || n.ends_with(".tmp") || n.ends_with("-journal"))
            })
            .collect();
        names.sort();
        let mut moves = Vec::with_capacity(names.len());
        for n in &names {
            let dest = self.dir.join(n);
            let target = output_target(&dest)?;
            moves.push((self.stage.join(n), dest, target));
        }
        let mut out = Vec::with_capacity(moves.len());
        for (from, dest, target) in moves {
            if target == dest {
                std::fs::rename(&from, &dest).map_err(|e| Error::io(&dest, e))?;
            } else {
                let bytes = std::fs::read(&from).map_err(|e| Error::io(&from, e))?;
                write_atomic(&target, &bytes)?;
            }
            out.push(dest);
        }
        self.committed = true;
        let _ = std::fs::remove_dir_all(&self.stage);
        Ok(out)
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.stage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_set_leaves_the_previous_one_untouched() {
        let d = tempfile::tempdir().unwrap();
        let out = d.path().join("qgis");
        let set = OutputSet::begin(&out).unwrap();
        for n in ["places.geojson", "roads.geojson"] {
            write_atomic(&set.path(n), b"v1").unwrap();
        }
        set.commit().unwrap();
        // The second run writes one layer, then fails (a full disk).
        let set = OutputSet::begin(&out).unwrap();
        write_atomic(&set.path("places.geojson"), b"v2").unwrap();
        drop(set);
        for n in ["places.geojson", "roads.geojson"] {
            assert_eq!(std::fs::read_to_string(out.join(n)).unwrap(), "v1");
        }
        let left: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn leftovers_of_killed_runs_are_removed_by_the_next() {
        let d = tempfile::tempdir().unwrap();
        let dead = 4_194_305; // above the kernel's pid_max: not running
        let stage = d.path().join(format!("{STAGING_PREFIX}{dead}"));
        std::fs::create_dir(&stage).unwrap();
        std::fs::write(stage.join("2019-12-22.svg"), "half").unwrap();
        let tmp = d.path().join(format!(".2019-12-22.svg.{dead}.tmp"));
        std::fs::write(&tmp, "half").unwrap();
        for n in ["frontline.gpkg.tmp", "frontline.gpkg.tmp-journal"] {
            std::fs::write(d.path().join(n), "x").unwrap();
        }
        let set = OutputSet::begin(d.path()).unwrap();
        write_atomic(&set.path("a.svg"), b"a").unwrap();
        set.commit().unwrap();
        let left: Vec<String> = std::fs::read_dir(d.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, vec!["a.svg".to_string()]);
    }
}
