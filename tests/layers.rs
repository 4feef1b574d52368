//! The library's modules form a pipeline: each may use only the modules
//! before it in `LAYERS` (and itself). This reads every file under `src/`
//! (the binary's `src/cli/` and `src/main.rs` excepted) and checks each
//! `crate::MODULE` path outside comments against that order, so an output
//! that reached back into the state, or a low module that reached up, fails
//! here with the file and line.

use std::path::Path;

/// The pipeline, first to last.
const LAYERS: &[&str] = &[
    "error",
    "date",
    "table",
    "geo_input",
    "style",
    "i18n", // base
    "gazetteer",
    "geoparse", // names → places
    "factions",
    "events", // dated claims
    "control",
    "roads",   // the nearest-place rule, highways
    "theater", // one conflict's data, loaded
    "propose", // press → candidate events
    "areas",
    "report",   // areas and front, road reports
    "timeline", // the state of a day
    "output",
    "render", // files and drawings
];

/// Items `lib.rs` re-exports at the crate root, and the module they are in.
const ROOT_ITEMS: &[(&str, &str)] = &[("Error", "error"), ("Result", "error")];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|m| *m == module)
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The modules a line names after `crate::` (`crate::{a, b::c}` included).
fn used_modules(code: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(inner.split(',').map(|s| ident(s.trim())));
        } else {
            out.push(ident(rest));
        }
    }
    out.retain(|m| !m.is_empty());
    out
}

#[test]
fn no_module_uses_a_module_later_in_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut checked = 0;
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if matches!(module.as_str(), "cli" | "main" | "lib") {
            continue;
        }
        let Some(own) = rank(&module) else {
            problems.push(format!(
                "src/{}: module `{module}` is not in LAYERS; place it in the pipeline",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for used in used_modules(code) {
                let target = ROOT_ITEMS
                    .iter()
                    .find(|(item, _)| *item == used)
                    .map_or(used.as_str(), |(_, m)| m);
                checked += 1;
                match rank(target) {
                    Some(r) if r <= own => {}
                    Some(_) => problems.push(format!(
                        "src/{}:{}: `{module}` uses `{target}`, which comes later in the pipeline",
                        rel.display(),
                        n + 1
                    )),
                    None => problems.push(format!(
                        "src/{}:{}: `crate::{used}` is not a module in LAYERS",
                        rel.display(),
                        n + 1
                    )),
                }
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} uses found: is the scan broken?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_library_module_is_placed_in_the_pipeline() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let mods: Vec<&str> = lib
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            l.strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))
        })
        .map(|m| m.trim_end_matches(';'))
        .collect();
    assert!(mods.len() >= LAYERS.len());
    for m in mods {
        assert!(rank(m).is_some(), "src/lib.rs: `{m}` is not in LAYERS");
    }
}

#[test]
fn the_scan_sees_grouped_and_nested_paths() {
    assert_eq!(
        used_modules("use crate::{areas::Areas, timeline};"),
        ["areas", "timeline"]
    );
    assert_eq!(
        used_modules("let x = crate::render::escape(crate::style::X);"),
        ["render", "style"]
    );
}
