//! The `gleaner` command: extracts the main content of each input and prints it.

mod args;
mod batch;
mod limits;
mod output;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use gleaner::batch::BatchError;
use gleaner::fetch::Fetcher;
use gleaner::{Article, Hints, Options};

use args::{Args, Command};

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(Command::Batch(batch)) = &args.command {
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

/// Processes every input in order; returns whether all succeeded.
fn run(args: &Args) -> anyhow::Result<bool> {
    let options = args
        .limits
        .apply(Options::default())
        .with_max_input_bytes(args.max_bytes)
        .with_input_format(args.input_format.into())
        .with_text_cleanup(!args.no_cleanup);
    let inputs: Vec<String> = if args.inputs.is_empty() { vec!["-".to_string()] } else { args.inputs.clone() };
    let mut fetcher = None;
    let mut printer = output::Printer::new(args.format, inputs.len(), args.links, args.images);
    let mut all_ok = true;
    for input in &inputs {
        let result = process(input, args, &options, &mut fetcher);
        if let Err(err) = &result {
            all_ok = false;
            eprintln!("{}", failure_line(input, &err.to_string()));
        }
        printer.print(input, &result).context("cannot write to standard output")?;
    }
    printer.finish().context("cannot write to standard output")?;
    std::io::stdout().flush().context("cannot write to standard output")?;
    Ok(all_ok)
}

/// Reads or fetches one input and extracts it.
fn process(input: &str, args: &Args, options: &Options, fetcher: &mut Option<Fetcher>) -> Result<Article, BatchError> {
    let (bytes, hints) = if is_url(input) {
        let client = match fetcher {
            Some(client) => client,
            None => fetcher.insert(Fetcher::new(Duration::from_secs(args.timeout), args.max_bytes)?),
        };
        let fetched = client.fetch(input)?;
        let hints = fetched.hints();
        (fetched.body, hints)
    } else {
        let bytes = if input == "-" { gleaner::input::read_stdin(args.max_bytes)? } else { gleaner::input::read_file(Path::new(input), args.max_bytes)? };
        let mut hints = Hints::default();
        if let Some(url) = &args.url {
            hints = hints.with_url(url.clone());
        }
        (bytes, hints)
    };
    Ok(gleaner::extract_bytes(&bytes, &hints, options)?)
}

/// The stderr line of a failed input: `gleaner: INPUT: MESSAGE`, or `gleaner: MESSAGE` when the
/// message already names the input (say it once).
fn failure_line(input: &str, message: &str) -> String {
    if input != "-" && message.contains(input) { format!("gleaner: {message}") } else { format!("gleaner: {input}: {message}") }
}

fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A closed stdout (`gleaner page.html | head`) ends the program quietly.
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
