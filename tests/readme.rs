//! The README's library example is a program a user can copy: `examples/library.rs` is the
//! same text (so `cargo test`, which builds the examples, compiles it), and every crate it
//! names is one the README tells the user to depend on.

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README.md")
}

/// The text of the first fenced block of `language` after `heading`, and everything in the
/// section before it.
fn section_block(readme: &str, heading: &str, language: &str) -> (String, String) {
    let section = readme.split_once(heading).unwrap_or_else(|| panic!("no {heading:?} in README.md")).1;
    let section = section.split("\n## ").next().unwrap_or(section);
    let fence = format!("```{language}\n");
    let (before, rest) = section.split_once(&fence).unwrap_or_else(|| panic!("no {language} block under {heading:?}"));
    let block = rest.split_once("```\n").expect("a closed block").0;
    (before.to_string(), block.to_string())
}

#[test]
fn the_library_example_is_examples_library_rs() {
    let (_, example) = section_block(&readme(), "\n## Library\n", "rust");
    let file = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/library.rs")).expect("examples/library.rs");
    similar_asserts::assert_eq!(example, file, "README's library example and examples/library.rs differ");
}

#[test]
fn every_crate_the_library_example_uses_is_in_the_readme_dependencies() {
    // Found by a new user: the example used serde_json without saying so, and did not compile.
    let (before, example) = section_block(&readme(), "\n## Library\n", "rust");
    let (_, toml) = section_block(&before, "", "toml");
    let mut crates: Vec<&str> = example
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
        .filter_map(|word| word.split_once("::").map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .filter(|name| !["std", "crate", "self", "super"].contains(name))
        .collect();
    crates.sort_unstable();
    crates.dedup();
    assert!(crates.contains(&"gleaner"), "{crates:?}");
    for name in crates {
        let dependency = name.replace('_', "-");
        assert!(
            toml.lines().any(|line| line.trim_start().starts_with(&format!("{name} ")) || line.trim_start().starts_with(&format!("{dependency} "))),
            "the example uses {name}, which the dependencies above it do not list:\n{toml}"
        );
    }
}
