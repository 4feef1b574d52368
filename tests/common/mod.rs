//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test file uses its own subset

use assert_cmd::Command;
use std::path::Path;

/// The `frontline` binary built for this test run.
pub fn frontline() -> Command {
    Command::cargo_bin("frontline").unwrap()
}

/// Run `cmd`, insist it succeeded (showing its stderr if not), and return
/// its standard output.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether `tool` runs (`tool probe...` exits 0). A missing tool is an
/// error when `FRONTLINE_REQUIRE_TOOLS` is set (as `.ci/run` does, after
/// installing them); otherwise the test says SKIPPED and passes.
pub fn have_tool(tool: &str, probe: &[&str]) -> bool {
    let ok = std::process::Command::new(tool)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("FRONTLINE_REQUIRE_TOOLS").is_none(),
            "{tool} is required (FRONTLINE_REQUIRE_TOOLS is set) but missing: run .ci/run or install it with apt-get"
        );
        eprintln!("SKIPPED: {tool} is not installed");
    }
    ok
}

/// The repository's `data/` folder: the default theater.
pub fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
}

/// Copy a folder recursively (to make an editable theater).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// Km of a road held by `controller` in one `report --format json` object.
#[allow(dead_code)]
pub fn km_held(report: &serde_json::Value, controller: &str) -> f64 {
    report["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["controller"] == controller)
        .unwrap()["km"]
        .as_f64()
        .unwrap()
}
