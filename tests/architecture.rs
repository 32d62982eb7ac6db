//! The shape of the library, checked from its sources: no import cycles between its
//! top-level modules, and the orchestrator (`src/pipeline.rs`) the only module that calls more
//! than two stages.
//!
//! A module "uses" another when its non-test code names `crate::other` (in a `use` or a path),
//! or a name the crate root re-exports from `other` (`crate::Error` is `error`'s).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages of the pipeline, as top-level modules.
const STAGES: &[&str] = &["decode", "dom", "metadata", "extract", "blocks", "cleanup", "comments", "render"];

/// The data types stages hand each other: naming them is not calling the stage that makes
/// them (every stage reads the `Dom`; the renderers read `Block`s).
const DATA_TYPES: &[&str] = &[
    "Dom",
    "NodeId",
    "Node",
    "NodeData",
    "Tag",
    "Element",
    "Block",
    "BlockKind",
    "Span",
    "SpanKind",
    "Image",
    "ListPosition",
    "EncodingInfo",
    "EncodingSource",
    "Decoded",
    "Comment",
    "Threads",
];

/// Modules that are allowed to name every stage: the orchestrator.
const ORCHESTRATORS: &[&str] = &["pipeline"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src/") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`src/metadata/dates.rs` → `metadata`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src/");
    let first = relative.components().next().expect("a component").as_os_str().to_string_lossy().to_string();
    first.trim_end_matches(".rs").to_string()
}

/// The file's code without its test modules (from `#[cfg(test)]` to the end: test modules sit
/// last in this codebase) and without comments (a doc link is no dependency).
fn non_test_code(text: &str) -> String {
    let code = text.find("#[cfg(test)]\nmod ").map_or(text, |at| &text[..at]);
    code.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// The names the crate root re-exports, with the module each comes from.
fn root_exports(lib: &str) -> BTreeMap<String, String> {
    let mut exports = BTreeMap::new();
    for line in lib.lines().map(str::trim).filter(|l| l.starts_with("pub use ")) {
        let rest = line.trim_start_matches("pub use ").trim_end_matches(';');
        let Some((module, names)) = rest.split_once("::") else { continue };
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.split_whitespace().last().unwrap_or("").trim();
            if !name.is_empty() {
                exports.insert(name.to_string(), module.to_string());
            }
        }
    }
    exports
}

/// The top-level modules named by `code` through `crate::` paths.
fn used_modules(code: &str, modules: &BTreeSet<String>, exports: &BTreeMap<String, String>) -> BTreeSet<String> {
    used_items(code, modules, exports).into_iter().map(|(module, _)| module).collect()
}

/// The first identifier of `path`, and what follows its `::` (empty when nothing does).
fn split_path(path: &str) -> (&str, &str) {
    let path = path.trim();
    let end = path.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(path.len());
    (&path[..end], path[end..].strip_prefix("::").unwrap_or(""))
}

/// The `(module, item)` pairs named by `code` through `crate::` paths: `crate::dom::{Dom, Tag}`
/// gives `(dom, Dom)` and `(dom, Tag)`, `crate::Error` gives `(error, Error)`, `crate::text::x`
/// gives `(text, x)`.
fn used_items(code: &str, modules: &BTreeSet<String>, exports: &BTreeMap<String, String>) -> BTreeSet<(String, String)> {
    let mut used = BTreeSet::new();
    let mut add = |path: &str| {
        let (first, rest) = split_path(path);
        if modules.contains(first) {
            let rest = rest.trim_start_matches('{');
            let (item, _) = split_path(rest);
            let item = if rest.trim_start().starts_with('{') || item.is_empty() { "*" } else { item };
            used.insert((first.to_string(), item.to_string()));
            // `crate::dom::{Dom, Tag}`: each name of the group.
            if let Some(group) = path.trim().strip_prefix(first).and_then(|r| r.strip_prefix("::{")) {
                used.remove(&(first.to_string(), item.to_string()));
                for name in group[..group.find('}').unwrap_or(group.len())].split(',') {
                    let (name, _) = split_path(name);
                    if !name.is_empty() {
                        used.insert((first.to_string(), name.to_string()));
                    }
                }
            }
        } else if let Some(module) = exports.get(first) {
            used.insert((module.clone(), first.to_string()));
        }
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            // Nested groups (`crate::{a::{b, c}, d}`) name their module before the brace.
            for item in group.split(',') {
                add(item);
            }
        } else {
            add(rest);
        }
    }
    used
}

/// The library's sources as the checks read them: each non-test file's top-level module and
/// code, the set of top-level modules, and the names the root re-exports.
struct Sources {
    files: Vec<(String, String)>,
    modules: BTreeSet<String>,
    exports: BTreeMap<String, String>,
}

fn sources() -> Sources {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    paths.retain(|f| !f.starts_with(src.join("bin")) && f.file_name().is_some_and(|n| n != "tests.rs"));
    let modules: BTreeSet<String> = paths.iter().map(|f| module_of(&src, f)).filter(|m| m != "lib").collect();
    let exports = root_exports(&std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs"));
    let files = paths
        .iter()
        .map(|path| (module_of(&src, path), non_test_code(&std::fs::read_to_string(path).expect("a readable source file"))))
        .filter(|(module, _)| module != "lib")
        .collect();
    Sources { files, modules, exports }
}

/// Every top-level module of the library and the modules it uses.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let Sources { files, modules, exports } = sources();
    let mut graph: BTreeMap<String, BTreeSet<String>> = modules.iter().map(|m| (m.clone(), BTreeSet::new())).collect();
    for (module, code) in files {
        let mut used = used_modules(&code, &modules, &exports);
        used.remove(&module);
        graph.entry(module).or_default().extend(used);
    }
    graph
}

/// Every top-level module and the stages it calls: modules it names an item of that is not
/// one of the [`DATA_TYPES`].
fn stage_calls() -> BTreeMap<String, BTreeSet<String>> {
    let Sources { files, modules, exports } = sources();
    let mut calls: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in files {
        let called = used_items(&code, &modules, &exports)
            .into_iter()
            .filter(|(used, item)| *used != module && STAGES.contains(&used.as_str()) && !DATA_TYPES.contains(&item.as_str()))
            .map(|(used, _)| used)
            .collect::<Vec<_>>();
        calls.entry(module).or_default().extend(called);
    }
    calls
}

/// A cycle through `start`, if there is one, as the path of modules.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((module, path)) = stack.pop() {
        for next in graph.get(&module).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = module_graph();
    let cycles: Vec<String> = graph.keys().filter_map(|m| cycle_from(&graph, m)).map(|c| c.join(" -> ")).collect();
    assert!(cycles.is_empty(), "import cycles between modules:\n{}", cycles.join("\n"));
}

#[test]
fn only_the_orchestrator_calls_more_than_two_stages() {
    let graph = stage_calls();
    let mut offenders = Vec::new();
    for (module, used) in &graph {
        if ORCHESTRATORS.contains(&module.as_str()) {
            continue;
        }
        let stages: Vec<&String> = used.iter().filter(|u| STAGES.contains(&u.as_str())).collect();
        if stages.len() > 2 {
            offenders.push(format!("{module} -> {stages:?}"));
        }
    }
    assert!(offenders.is_empty(), "modules calling more than two stages:\n{}", offenders.join("\n"));
    let pipeline = &graph["pipeline"];
    assert!(STAGES.iter().all(|s| pipeline.contains(*s)), "the orchestrator runs every stage: {pipeline:?}");
}

#[test]
fn the_graph_reader_sees_imports() {
    // The checks above are only as good as the reader: it must see grouped and plain imports
    // and names re-exported at the root.
    let modules: BTreeSet<String> = ["dom", "error", "render"].iter().map(|s| s.to_string()).collect();
    let exports: BTreeMap<String, String> = [("Error".to_string(), "error".to_string())].into();
    let code = "use crate::dom::{Dom, Tag};\nuse crate::{Error, render};\nfn f() { crate::text::x(); }";
    let used = used_modules(code, &modules, &exports);
    assert_eq!(used.into_iter().collect::<Vec<_>>(), ["dom", "error", "render"]);
    assert!(module_graph()["pipeline"].contains("extract"));
}

#[test]
fn the_warc_reader_yields_records_and_batch_makes_the_jobs() {
    // The reader of WARC files is a format reader: the batch's inputs turn its records into
    // jobs, never the other way round.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/batch/warc");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    files.retain(|f| f.file_name().is_some_and(|n| n != "tests.rs"));
    assert!(!files.is_empty());
    for file in files {
        let code = non_test_code(&std::fs::read_to_string(&file).expect("readable"));
        assert!(!code.contains("inputs::") && !code.contains("Job {") && !code.contains("Jobs"), "{} builds batch jobs", file.display());
    }
}
