//! `gleaner-eval`: measures gleaner's extraction quality on the development datasets.
//!
//! ```text
//! gleaner-eval ../shared/datasets/wcxb-dev ../shared/datasets/trafilatura-eval
//! gleaner-eval ../shared/datasets/wcxb-dev --worst 20 --type product --dump /tmp/preds
//! gleaner-eval DATASETS... --gate quality/floors.json          # fails when a metric regresses
//! gleaner-eval DATASETS... --gate quality/floors.json --update-floors
//! ```
//!
//! The metrics are those of `reference/score.py` beside the datasets, computed the same way
//! (`check_reference.sh` verifies that they agree).

#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod dataset;
mod evaluation;
mod gate;
mod metrics;
mod output;
mod pytext;
mod report;
mod run;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

use crate::dataset::Dataset;
use crate::evaluation::Evaluation;

/// Measures gleaner's extraction quality on development datasets.
///
/// Each DATASET is a directory: WCXB (ground-truth/ and html/) or trafilatura-eval
/// (evaldata.json and html/), recognised by its contents.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Dataset directories to evaluate.
    #[arg(required = true, value_name = "DATASET")]
    datasets: Vec<PathBuf>,

    /// Extract on N threads (default 1, so pages/s is a single-thread figure).
    #[arg(short, long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: u16,

    /// Write the predictions as {id: text} JSON to FILE (timing in FILE less .json plus
    /// .time.json), for reference/score.py; with several datasets FILE is a directory that
    /// receives NAME.json for each.
    #[arg(long, value_name = "FILE")]
    preds: Option<PathBuf>,

    /// Write every metric as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,

    /// Write each page's prediction to DIR/ID.txt (DIR/NAME/ID.txt with several datasets).
    #[arg(long, value_name = "DIR")]
    dump: Option<PathBuf>,

    /// List the N pages with the lowest word F1 (the most snippet mistakes on sets without
    /// full text).
    #[arg(long, value_name = "N")]
    worst: Option<usize>,

    /// Restrict the --worst list to one page type (article, forum, product, ...).
    #[arg(long = "type", value_name = "TYPE", requires = "worst")]
    page_type: Option<String>,

    /// Check the scores against the floors pinned in FILE; exit 1 when one regresses.
    #[arg(long, value_name = "FILE")]
    gate: Option<PathBuf>,

    /// Instead of checking, pin the current scores of the evaluated datasets in the --gate FILE.
    #[arg(long, requires = "gate")]
    update_floors: bool,
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("gleaner-eval: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Loads, extracts, scores, writes and reports; the exit code says whether the gate held.
fn run(args: &Args) -> Result<ExitCode> {
    let datasets = args.datasets.iter().map(|dir| Dataset::load(dir)).collect::<Result<Vec<_>>>()?;
    let mut names = HashSet::new();
    if let Some(dup) = datasets.iter().find(|d| !names.insert(d.name.as_str())) {
        bail!("dataset {} is given twice", dup.name);
    }
    if let Some(wanted) = &args.page_type {
        let known = page_types(&datasets);
        if !known.contains(wanted) {
            bail!("no page of type {wanted:?}; the types are: {}", known.join(", "));
        }
    }

    let mut evals = Vec::with_capacity(datasets.len());
    for dataset in datasets {
        let jobs = usize::from(args.jobs);
        eprintln!(
            "{}: extracting {} pages ({}) on {jobs} thread{}…",
            dataset.name,
            dataset.pages.len(),
            dataset.kind.label(),
            if jobs == 1 { "" } else { "s" }
        );
        let run = run::extract_all(&dataset, jobs)?;
        let scores = metrics::score(&dataset, &run.texts);
        evals.push(Evaluation { dataset, run, scores });
    }

    write_outputs(args, &evals)?;
    print!("{}", report::summary(&evals));
    if let Some(n) = args.worst {
        for eval in &evals {
            if args.page_type.is_none() || eval.dataset.has_types() {
                print!("\n{}", report::worst(eval, n, args.page_type.as_deref()));
            }
        }
    }

    let Some(floors) = &args.gate else {
        return Ok(ExitCode::SUCCESS);
    };
    if args.update_floors {
        let changes = gate::update(floors, &evals)?;
        println!("\nfloors updated in {} ({} values changed)", floors.display(), changes.len());
        for change in changes {
            println!("  {change}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let outcome = gate::check(floors, &evals)?;
    println!();
    for note in &outcome.notes {
        println!("note: {note}");
    }
    if outcome.violations.is_empty() {
        println!(
            "quality gate passed: {} pinned metrics hold ({}, tolerance {})",
            outcome.checked,
            floors.display(),
            gate::TOLERANCE
        );
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "quality gate FAILED: {} of {} pinned metrics regressed ({}):",
        outcome.violations.len(),
        outcome.checked,
        floors.display()
    );
    for violation in &outcome.violations {
        eprintln!("  {violation}");
    }
    Ok(ExitCode::FAILURE)
}

/// Writes the files asked for with --preds, --dump and --json.
fn write_outputs(args: &Args, evals: &[Evaluation]) -> Result<()> {
    let several = evals.len() > 1;
    for eval in evals {
        let name = &eval.dataset.name;
        if let Some(preds) = &args.preds {
            let path = if several { preds.join(format!("{name}.json")) } else { preds.clone() };
            output::write_preds(eval, &path)?;
        }
        if let Some(dump) = &args.dump {
            output::write_dump(eval, &if several { dump.join(name) } else { dump.clone() })?;
        }
    }
    if let Some(json) = &args.json {
        output::write_metrics(evals, json)?;
    }
    Ok(())
}

/// The page types of the datasets, in report order.
fn page_types(datasets: &[Dataset]) -> Vec<String> {
    let mut types: Vec<String> =
        datasets.iter().flat_map(|d| d.pages.iter().filter_map(|p| p.page_type.clone())).collect();
    types.sort_by_key(|t| metrics::type_rank(t));
    types.dedup();
    types
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_consistent() {
        use clap::CommandFactory;
        Args::command().debug_assert();
    }
}
