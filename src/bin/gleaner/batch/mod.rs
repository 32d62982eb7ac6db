//! `gleaner batch`: many inputs in parallel, one JSON line per input (see `gleaner::batch`).

mod args;
mod output_dir;
mod progress;

use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Context;
use gleaner::batch::inputs::{self, Jobs};

use args::BatchArgs;
use output_dir::OutputDir;
use progress::Progress;

/// The exit code after Ctrl-C (128 + SIGINT, as shells report it).
const INTERRUPTED_EXIT: i32 = 130;

/// Held while a record is written, so that Ctrl-C never cuts a line.
static WRITING: Mutex<()> = Mutex::new(());

/// Set on Ctrl-C: the run stops after the record being written.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// How long Ctrl-C waits for the run to stop by itself (after the next record) before the
/// process exits between two records.
const INTERRUPT_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// Runs `gleaner batch` with the process's arguments (the first one being `batch`).
pub fn main() -> ExitCode {
    let args = BatchArgs::parse_args(std::env::args_os().skip(1));
    exit_between_records_on_interrupt();
    let result = run(&args);
    if INTERRUPTED.load(Ordering::SeqCst) {
        let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
        eprintln!("\ngleaner batch: interrupted (rerun with --output FILE --resume to finish)");
        return ExitCode::from(INTERRUPTED_EXIT as u8);
    }
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) if crate::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gleaner batch: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs the batch; returns whether every input succeeded.
fn run(args: &BatchArgs) -> anyhow::Result<bool> {
    let options = args.options();
    let arguments = if args.inputs.is_empty() { vec![inputs::STDIN.to_string()] } else { args.inputs.clone() };
    let mut jobs = if args.warc { inputs::expand_warc(arguments.clone(), args.max_bytes) } else { inputs::expand(arguments.clone(), args.jsonl) };
    let skipped = Arc::new(AtomicUsize::new(0));
    let mut done = Arc::new(HashSet::new());
    let resume_from = match (&args.output, &args.output_dir) {
        (Some(path), _) => Some(path.clone()),
        (None, Some(dir)) => Some(OutputDir::index_path(dir)),
        (None, None) => None,
    };
    if args.resume {
        let Some(path) = &resume_from else { anyhow::bail!("--resume needs --output or --output-dir") };
        done = Arc::new(gleaner::batch::resume::completed_ids(path).with_context(|| format!("cannot read {} to resume", path.display()))?);
        jobs = skip_done(jobs, Arc::clone(&done), Arc::clone(&skipped));
    }
    let mut sink = match (&args.output, &args.output_dir) {
        (Some(path), _) => Sink::Lines(Box::new(open_output(path, args.resume)?)),
        (None, Some(dir)) => Sink::Dir(OutputDir::open(dir, args.format, args.resume)?),
        (None, None) => Sink::Lines(Box::new(io::stdout())),
    };
    let progress = Progress::new();
    // Standard input can be read only once; WARC files would be read twice.
    if progress.is_shown() && !args.warc && !arguments.iter().any(|arg| arg == inputs::STDIN) {
        let jsonl = args.jsonl;
        progress.count_total_in_background(move || inputs::expand(arguments, jsonl).filter(|job| !done.contains(&job.id)).count());
    }
    // Records are serialised on the threads that finish them; this thread only writes.
    let file_format = match &sink {
        Sink::Lines(_) => None,
        Sink::Dir(_) => Some(args.format),
    };
    let prepare = move |record: &gleaner::batch::Record| match file_format {
        Some(format) => OutputDir::render(format, record),
        None => Ok(Some(record.to_json_line())),
    };
    let summary = gleaner::batch::pipeline::run_prepared(jobs, &options, prepare, |record, prepared| {
        // One write of the whole line, then a flush: a reader never sees half a record.
        let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
        match &mut sink {
            Sink::Lines(out) => {
                out.write_all(prepared?.unwrap_or_default().as_bytes())?;
                out.flush()?;
            }
            Sink::Dir(dir) => dir.write(record, prepared)?,
        }
        progress.record(record);
        if INTERRUPTED.load(Ordering::SeqCst) {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
        }
        Ok(())
    })
    .context("cannot write the records")?;
    progress.finish();
    let skipped = skipped.load(Ordering::SeqCst);
    if skipped > 0 {
        eprintln!("gleaner batch: {skipped} inputs already done, skipped");
    }
    eprintln!("gleaner batch: {summary}");
    Ok(summary.failed() == 0)
}

/// Where records go.
enum Sink {
    /// JSON lines on stdout or in `--output`.
    Lines(Box<dyn Write>),
    /// Files in `--output-dir`, and its index.
    Dir(OutputDir),
}

/// On Ctrl-C, the run stops after the record being written and the command exits with
/// [`INTERRUPTED_EXIT`]; if no record comes within [`INTERRUPT_GRACE`] (a slow fetch), the
/// process exits at once, between two records. Either way the output ends on a whole line,
/// ready for `--resume`.
fn exit_between_records_on_interrupt() {
    let installed = ctrlc::set_handler(|| {
        INTERRUPTED.store(true, Ordering::SeqCst);
        std::thread::sleep(INTERRUPT_GRACE);
        let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
        eprintln!("\ngleaner batch: interrupted (rerun with --output FILE --resume to finish)");
        std::process::exit(INTERRUPTED_EXIT);
    });
    if let Err(err) = installed {
        eprintln!("gleaner batch: cannot catch Ctrl-C ({err}); an interruption may cut the last record");
    }
}

/// Leaves out the jobs whose ids are in `done`, counting them.
fn skip_done(jobs: Jobs, done: Arc<HashSet<String>>, skipped: Arc<AtomicUsize>) -> Jobs {
    Box::new(jobs.filter(move |job| {
        let is_done = done.contains(&job.id);
        if is_done {
            skipped.fetch_add(1, Ordering::SeqCst);
        }
        !is_done
    }))
}

/// The output file: appended to when resuming, else written anew.
fn open_output(path: &Path, resume: bool) -> anyhow::Result<std::fs::File> {
    let mut open = OpenOptions::new();
    if resume {
        open.create(true).append(true);
    } else {
        open.create(true).write(true).truncate(true);
    }
    open.open(path).with_context(|| format!("cannot write {}", path.display()))
}
