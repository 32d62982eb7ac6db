//! The `gleaner` command: extracts the main content of each input and prints it.

mod args;
mod batch;
mod limits;
mod output;
mod render;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{CommandFactory, FromArgMatches};
use gleaner::Options;
use gleaner::batch::fetch::DEFAULT_CONNECT_TIMEOUT;
use gleaner::batch::{BatchError, BatchOptions, FetchOptions, Job, Source};

use args::{Args, Command};

/// The name of the batch subcommand.
const BATCH: &str = "batch";
use render::Extras;

fn main() -> ExitCode {
    let matches = Args::command().get_matches();
    let mut args = Args::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
    if let Some(Command::Batch(batch)) = &mut args.command {
        let batch_matches = matches.subcommand_matches(BATCH);
        let budget_given = batch_matches.is_some_and(|m| m.value_source("time_budget") == Some(clap::parser::ValueSource::CommandLine));
        batch.apply_deprecated_doc_timeout(budget_given);
        return batch::main(batch);
    }
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gleaner: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Processes every input in order, as a batch of one or a few (see `gleaner::batch`): the same
/// jobs, fetcher, extraction threads and records as `gleaner batch`, with a single run's
/// settings (no robots.txt, no retries, no per-host gap).
/// Returns whether all succeeded.
fn run(args: &Args) -> anyhow::Result<bool> {
    let inputs: Vec<String> = if args.inputs.is_empty() { vec!["-".to_string()] } else { args.inputs.clone() };
    let mut printer = output::Printer::new(args.format, inputs.len(), Extras { links: args.links, images: args.images });
    let jobs: Vec<Job> = inputs.into_iter().map(|input| job(input, args)).collect();
    let summary = gleaner::batch::pipeline::run(jobs.into_iter(), &batch_options(args), |record| {
        if let Err(err) = &record.outcome {
            eprintln!("{}", failure_line(&record.input, err));
        }
        printer.print(record)
    })
    .context("cannot write to standard output")?;
    printer.finish().context("cannot write to standard output")?;
    std::io::stdout().flush().context("cannot write to standard output")?;
    Ok(summary.failed() == 0)
}

/// The batch settings of a single run.
fn batch_options(args: &Args) -> BatchOptions {
    let extract = args
        .limits
        .apply(Options::default())
        .with_max_input_bytes(args.max_bytes)
        .with_input_format(args.input_format.into())
        .with_text_cleanup(!args.no_cleanup)
        .with_comments(args.comments)
        .with_headline(args.headline);
    let timeout = Duration::from_secs(args.timeout);
    let fetch = FetchOptions::default()
        .with_timeout(timeout)
        .with_connect_timeout(timeout.min(DEFAULT_CONNECT_TIMEOUT))
        .with_retries(0)
        .with_host_connections(0)
        .with_host_delay(Duration::ZERO)
        .with_max_body_bytes(args.max_bytes)
        .with_obey_robots(false);
    BatchOptions::default().with_fetch(fetch).with_extract(extract)
}

/// The job of one input: a URL to fetch, a file, or standard input (read here, once).
fn job(input: String, args: &Args) -> Job {
    let source = if gleaner::batch::inputs::is_url(&input) {
        Source::Url(input.clone())
    } else if input == gleaner::batch::inputs::STDIN {
        match gleaner::internals::read_stdin(args.max_bytes) {
            Ok(bytes) => Source::Bytes { bytes, url: args.url.clone() },
            Err(err) => Source::Invalid(err.into()),
        }
    } else {
        Source::File { path: PathBuf::from(&input), url: args.url.clone() }
    };
    Job { id: input.clone(), input, source }
}

/// The stderr line of a failed input: `gleaner: INPUT: MESSAGE`, or `gleaner: MESSAGE` when the
/// error names the input itself (say it once).
fn failure_line(input: &str, err: &BatchError) -> String {
    let names_input = err.named_input().is_some_and(|named| named == input || url::Url::parse(input).is_ok_and(|url| url.as_str() == named));
    if names_input { format!("gleaner: {err}") } else { format!("gleaner: {input}: {err}") }
}

/// A closed stdout (`gleaner page.html | head`) ends the program quietly.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
