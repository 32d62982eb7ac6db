//! Running a batch: jobs are read by a feeder thread, fetched on a tokio runtime, extracted on
//! at most `jobs` blocking threads, and handed to the caller one by one, in input order (held
//! back until the ones before are done) or in completion order.
//!
//! Each extraction has a time budget (`doc_timeout`): past it, the page's record is a
//! `timeout` error and its extraction slot is given to the next page. A thread cannot be
//! stopped from outside, so the overdue extraction runs on in the background, its result
//! dropped, until it ends (the extractor's caps on size, depth and node count bound it).
//! The blocking pool holds twice `jobs` threads (plus one), so up to `jobs` overdue
//! extractions can run on beside the live ones before new ones wait for a thread.
//!
//! At most [`in_flight_limit`] jobs are between being read and being handed back, so memory
//! stays flat however long the input is; a slow page at the head of an ordered run holds the
//! others back rather than letting them pile up.

use std::collections::BTreeMap;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tokio::runtime::Handle;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::fetch::Fetcher;
use super::inputs::{Job, Source};
use super::record::{ErrorInfo, KIND_PANIC, Record};
use super::summary::Summary;
use super::BatchOptions;
use crate::{Article, Error, Hints, Options};

/// Threads of the tokio runtime that drives fetching (extraction has its own threads).
pub const FETCH_THREADS: usize = 2;
/// Jobs in flight per extraction thread, beyond the fetch concurrency.
pub const IN_FLIGHT_PER_JOB: usize = 4;

/// Jobs between being read and being handed back, at most: enough to keep every fetch slot
/// and extraction thread busy.
#[must_use]
pub fn in_flight_limit(options: &BatchOptions) -> usize {
    options.fetch.concurrency.max(1) + options.jobs.get() * IN_FLIGHT_PER_JOB
}

/// What every job's task shares.
struct Context {
    fetcher: Fetcher,
    extract: Options,
    /// One permit per extraction thread.
    extraction: Semaphore,
    /// The time budget of one extraction.
    doc_timeout: Option<Duration>,
}

/// A finished job on its way back: its place in the input, its record, what `prepare` made of
/// it, and its in-flight slot.
type Done<T> = (usize, Record, T, OwnedSemaphorePermit);

/// Runs every job and gives each record to `emit`, in input order when `options.ordered`.
/// Returns the run's summary.
///
/// # Errors
/// The first error `emit` returns (the run stops there), or an I/O error when the runtime or
/// the HTTP client cannot be set up.
pub fn run<J, F>(jobs: J, options: &BatchOptions, mut emit: F) -> io::Result<Summary>
where
    J: Iterator<Item = Job> + Send + 'static,
    F: FnMut(&Record) -> io::Result<()>,
{
    run_prepared(jobs, options, |_| (), |record, ()| emit(record))
}

/// Like [`run`], but each record is first given to `prepare` on the thread that finished it
/// (in parallel, e.g. to serialise it), and `emit` gets the record with what `prepare` made.
/// This keeps the calling thread, which hands records back one at a time, from being the
/// bottleneck.
///
/// # Errors
/// As [`run`].
pub fn run_prepared<J, P, T, F>(jobs: J, options: &BatchOptions, prepare: P, mut emit: F) -> io::Result<Summary>
where
    J: Iterator<Item = Job> + Send + 'static,
    P: Fn(&Record) -> T + Send + Sync + 'static,
    T: Send + 'static,
    F: FnMut(&Record, T) -> io::Result<()>,
{
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(FETCH_THREADS)
        .max_blocking_threads(options.jobs.get() * 2 + 1)
        .enable_all()
        .build()?;
    let fetcher = Fetcher::new(options.fetch.clone()).map_err(io::Error::other)?;
    let context = Arc::new(Context {
        fetcher,
        extract: options.extract.clone(),
        extraction: Semaphore::new(options.jobs.get()),
        doc_timeout: options.doc_timeout,
    });
    let window = Arc::new(Semaphore::new(in_flight_limit(options)));
    let stop = Arc::new(AtomicBool::new(false));
    let (sender, receiver) = mpsc::channel::<Done<T>>();
    {
        let (handle, stop, prepare) = (runtime.handle().clone(), Arc::clone(&stop), Arc::new(prepare));
        std::thread::spawn(move || feed(jobs, &handle, &window, &context, &prepare, &sender, &stop));
    }
    let mut summary = Summary::default();
    let mut waiting: BTreeMap<usize, (Record, T, OwnedSemaphorePermit)> = BTreeMap::new();
    let mut next = 0;
    for (index, record, prepared, permit) in receiver {
        if !options.ordered {
            hand_back(record, prepared, &mut emit, &mut summary, &stop)?;
            continue;
        }
        waiting.insert(index, (record, prepared, permit));
        while let Some((record, prepared, _permit)) = waiting.remove(&next) {
            hand_back(record, prepared, &mut emit, &mut summary, &stop)?;
            next += 1;
        }
    }
    summary.elapsed = started.elapsed();
    runtime.shutdown_background();
    Ok(summary)
}

/// Gives one record to the caller; on the caller's error, stops the feeder.
fn hand_back<T, F>(
    record: Record,
    prepared: T,
    emit: &mut F,
    summary: &mut Summary,
    stop: &AtomicBool,
) -> io::Result<()>
where
    F: FnMut(&Record, T) -> io::Result<()>,
{
    summary.add(&record);
    emit(&record, prepared).inspect_err(|_| stop.store(true, Ordering::SeqCst))
}

/// Reads jobs and starts a task for each, waiting for an in-flight slot first.
fn feed<J, P, T>(
    jobs: J,
    handle: &Handle,
    window: &Arc<Semaphore>,
    context: &Arc<Context>,
    prepare: &Arc<P>,
    sender: &mpsc::Sender<Done<T>>,
    stop: &AtomicBool,
) where
    J: Iterator<Item = Job>,
    P: Fn(&Record) -> T + Send + Sync + 'static,
    T: Send + 'static,
{
    for (index, job) in jobs.enumerate() {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(permit) = handle.block_on(Arc::clone(window).acquire_owned()) else { break };
        let (context, prepare, sender) = (Arc::clone(context), Arc::clone(prepare), sender.clone());
        handle.spawn(async move {
            let record = process(job, &context).await;
            let prepared = prepare(&record);
            // The receiver is gone only when the caller stopped the run.
            let _ = sender.send((index, record, prepared, permit));
        });
    }
}

/// Fetches or reads one job and extracts it.
async fn process(job: Job, context: &Context) -> Record {
    let Job { id, input, source } = job;
    let url = source.url().map(str::to_string);
    let mut record = Record { id, input, url, final_url: None, status: None, outcome: Err(ErrorInfo::from(Error::NoContent)) };
    record.outcome = match source {
        Source::Invalid(error) => Err(error),
        Source::Url(url) => {
            let page = context.fetcher.fetch(&url).await;
            record.final_url = page.final_url;
            record.status = page.status;
            match page.result {
                Ok(body) => {
                    let hints = Hints { url: record.final_url.clone(), content_type: body.content_type };
                    context.extract(move |options| crate::extract_bytes(&body.bytes, &hints, options)).await
                }
                Err(err) => Err(err.into()),
            }
        }
        Source::File { path, url } => {
            context.extract(move |options| read_and_extract(&path, url, options)).await
        }
        Source::Html { html, url } => {
            context.extract(move |options| crate::extract_bytes(html.as_bytes(), &page_hints(url), options)).await
        }
        Source::Response { url, status, content_type, body } => {
            record.status = Some(status);
            match archived_failure(url.as_deref(), status, content_type.as_deref()) {
                Some(error) => Err(error.into()),
                None => {
                    let hints = Hints { url, content_type };
                    context.extract(move |options| crate::extract_bytes(&body, &hints, options)).await
                }
            }
        }
    };
    record
}

impl Context {
    /// Runs `extract` on an extraction thread, once one is free; a panic becomes an error.
    async fn extract<F>(&self, extract: F) -> Result<Article, ErrorInfo>
    where
        F: FnOnce(&Options) -> Result<Article, Error> + Send + 'static,
    {
        // The semaphore is never closed.
        let _slot = self.extraction.acquire().await.ok();
        let options = self.extract.clone();
        let task = tokio::task::spawn_blocking(move || guarded(move || extract(&options)));
        let joined = match self.doc_timeout {
            Some(budget) => match tokio::time::timeout(budget, task).await {
                Ok(joined) => joined,
                // Dropping the handle detaches the thread: it runs on, its result dropped.
                Err(_) => return Err(overdue(budget)),
            },
            None => task.await,
        };
        match joined {
            Ok(outcome) => outcome,
            Err(join) => Err(ErrorInfo { kind: KIND_PANIC, message: join.to_string() }),
        }
    }
}

/// Why an archived response is not extracted, judged as a fetched one would be: a status
/// other than 2xx, or a content type that is not HTML or text.
fn archived_failure(url: Option<&str>, status: u16, content_type: Option<&str>) -> Option<Error> {
    let url = url.unwrap_or_default().to_string();
    if !(200..300).contains(&status) {
        return Some(Error::HttpStatus { url, status });
    }
    content_type
        .filter(|content_type| !crate::fetch::is_textual(content_type))
        .map(|content_type| Error::NotHtmlContentType { url, content_type: content_type.to_string() })
}

/// The `error.kind` of a page whose extraction ran past its time budget.
pub const KIND_TIMEOUT: &str = "timeout";

fn overdue(budget: Duration) -> ErrorInfo {
    ErrorInfo { kind: KIND_TIMEOUT, message: format!("extraction took longer than {} s", budget.as_secs_f64()) }
}

fn read_and_extract(path: &Path, url: Option<String>, options: &Options) -> Result<Article, Error> {
    let bytes = crate::input::read_file(path, options.max_input_bytes)?;
    crate::extract_bytes(&bytes, &page_hints(url), options)
}

fn page_hints(url: Option<String>) -> Hints {
    Hints { url, content_type: None }
}

/// Runs `extract`, turning a panic into a [`KIND_PANIC`] error with the panic's message.
pub fn guarded<F>(extract: F) -> Result<Article, ErrorInfo>
where
    F: FnOnce() -> Result<Article, Error>,
{
    match catch_unwind(AssertUnwindSafe(extract)) {
        Ok(outcome) => outcome.map_err(ErrorInfo::from),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(ErrorInfo { kind: KIND_PANIC, message: format!("extraction panicked: {message}") })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        let outcome = guarded(|| panic!("boom"));
        let error = outcome.expect_err("a panic is an error");
        assert_eq!(error.kind, KIND_PANIC);
        assert!(error.message.contains("boom"), "{}", error.message);
        assert!(matches!(guarded(|| Err(Error::NoContent)), Err(ErrorInfo { kind: "no_content", .. })));
    }

    #[test]
    fn records_come_back_in_input_order() {
        let jobs: Vec<Job> = (0..50)
            .map(|n| Job {
                id: format!("j{n}"),
                input: format!("j{n}"),
                source: if n % 3 == 0 {
                    Source::Html { html: format!("<html><body><article><p>{}</p></article></body></html>", "Words of a story. ".repeat(n + 5)), url: None }
                } else {
                    Source::Invalid(ErrorInfo { kind: "bad_input", message: String::new() })
                },
            })
            .collect();
        let options = BatchOptions::default().with_jobs(std::num::NonZeroUsize::new(3).expect("3"));
        let mut ids = Vec::new();
        let summary = run(jobs.into_iter(), &options, |record| {
            ids.push(record.id.clone());
            Ok(())
        })
        .expect("run");
        let expected: Vec<String> = (0..50).map(|n| format!("j{n}")).collect();
        assert_eq!(ids, expected);
        assert_eq!(summary.ok + summary.failed(), 50);
    }

    #[test]
    fn prepare_runs_off_the_calling_thread_and_its_result_reaches_emit() {
        let jobs = (0..20).map(|n| Job {
            id: format!("j{n}"),
            input: format!("j{n}"),
            source: Source::Html { html: format!("<p>{}</p>", "Words of a story. ".repeat(n + 5)), url: None },
        });
        let caller = std::thread::current().id();
        let mut lines = Vec::new();
        run_prepared(
            jobs,
            &BatchOptions::default(),
            |record| (std::thread::current().id(), record.to_json_line()),
            |record, (thread, line)| {
                assert_ne!(thread, caller, "prepare ran on the calling thread");
                assert_eq!(line, record.to_json_line());
                lines.push(line);
                Ok(())
            },
        )
        .expect("run");
        assert_eq!(lines.len(), 20);
        assert!(lines[7].starts_with(r#"{"id":"j7""#), "{}", lines[7]);
    }
}
