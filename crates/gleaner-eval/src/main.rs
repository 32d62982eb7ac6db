//! `gleaner-eval`: measures gleaner's extraction quality on the development datasets.
//!
//! ```text
//! gleaner-eval ../shared/datasets/wcxb-dev ../shared/datasets/trafilatura-eval
//! gleaner-eval ../shared/datasets/wcxb-dev --worst 20 --type product --dump /tmp/preds
//! gleaner-eval DATASETS... --gate quality/floors.json          # fails when a metric regresses
//! gleaner-eval DATASETS... --gate quality/floors.json --update-floors
//! gleaner-eval ../shared/datasets/wcxb-dev --worst-meta author 30   # pages whose author is wrong
//! ```
//!
//! The metrics are those of `reference/score.py` beside the datasets, computed the same way
//! (`check_reference.sh` verifies that they agree). On WCXB the title, publish date and
//! authors are scored too (see `meta.rs`, with the comparison rules in `metanorm.rs`).

#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod comments;
mod dataset;
mod evaluation;
mod gate;
mod meta;
mod metanorm;
mod metrics;
mod output;
mod pytext;
mod report;
mod run;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;

use crate::dataset::Dataset;
use crate::evaluation::Evaluation;
use crate::meta::Field;

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

    /// List up to N pages whose metadata FIELD (title, date, author or type) does not match the
    /// truth, with the true and predicted values (datasets with metadata truth only).
    #[arg(long, num_args = 2, value_names = ["FIELD", "N"])]
    worst_meta: Option<Vec<String>>,

    /// Score the metadata {ID: {"title", "author", "date"}} in FILE instead of gleaner's, on
    /// the datasets with metadata truth (to compare another extractor under the same rules).
    #[arg(long, value_name = "FILE", hide = true, conflicts_with = "gate")]
    meta_preds: Option<PathBuf>,

    /// Score the article text followed by the page's reader comments (the text output of
    /// `gleaner --comments`): the convention of benchmarks that count comments as content
    /// (CleanEval). Not for the gate, which pins the default output.
    #[arg(long, conflicts_with = "gate")]
    comments: bool,

    /// Score texts that begin with the page's headline (`gleaner --headline`): the convention
    /// of benchmarks whose truth starts with it (dragnet). Not for the gate.
    #[arg(long, conflicts_with = "gate")]
    headline: bool,

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

    let worst_meta = args.worst_meta.as_deref().map(parse_worst_meta).transpose()?;

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
        let mut run = run::extract_all(&dataset, jobs, run::Conventions { comments_in_text: args.comments, headline: args.headline })?;
        if let Some(path) = args.meta_preds.as_ref().filter(|_| dataset.has_meta()) {
            run.metas = meta::load_external(path, &dataset)?;
            eprintln!("{}: scoring the metadata in {} instead of gleaner's", dataset.name, path.display());
        }
        let scores = metrics::score(&dataset, &run.texts);
        let meta = meta::score(&dataset, &run.metas);
        let comments = comments::score(&dataset, &run.texts, &run.comments);
        evals.push(Evaluation { dataset, run, scores, meta, comments });
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
    if let Some((field, n)) = worst_meta {
        for eval in evals.iter().filter(|e| e.meta.is_some()) {
            let mismatches = meta::mismatches(&eval.dataset, &eval.run.metas, field);
            print!("\n{}", report::worst_meta(eval, &mismatches, field, n));
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
        println!("quality gate passed: {} pinned metrics hold ({}, tolerance {})", outcome.checked, floors.display(), gate::TOLERANCE);
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("quality gate FAILED: {} of {} pinned metrics regressed ({}):", outcome.violations.len(), outcome.checked, floors.display());
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

/// The FIELD and N of `--worst-meta FIELD N`.
fn parse_worst_meta(values: &[String]) -> Result<(Field, usize)> {
    let [field, n] = values else {
        bail!("--worst-meta takes a FIELD and a number N");
    };
    let Some(field) = Field::parse(field) else {
        bail!("--worst-meta: unknown field {field:?}; the fields are: title, date, author");
    };
    let n = n.parse().with_context(|| format!("--worst-meta: {n:?} is not a number of pages"))?;
    Ok((field, n))
}

/// The page types of the datasets, in report order.
fn page_types(datasets: &[Dataset]) -> Vec<String> {
    let mut types: Vec<String> = datasets.iter().flat_map(|d| d.pages.iter().filter_map(|p| p.page_type.clone())).collect();
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

    #[test]
    fn worst_meta_takes_a_field_and_a_count() {
        let args = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(parse_worst_meta(&args(&["author", "20"])).unwrap(), (Field::Author, 20));
        assert!(parse_worst_meta(&args(&["colour", "20"])).is_err());
        assert!(parse_worst_meta(&args(&["date", "many"])).is_err());
        let parsed = Args::try_parse_from(["gleaner-eval", "d", "--worst-meta", "title", "5"]).unwrap();
        assert_eq!(parsed.worst_meta, Some(args(&["title", "5"])));
    }
}
