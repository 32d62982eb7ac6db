//! Running a batch: jobs are read by a feeder thread; pages to fetch are fetched on a tokio
//! runtime; every page is extracted on one of `jobs` dedicated extraction threads, which take
//! ready pages from one queue (no hand-off through the async runtime between two pages, so
//! the threads never wait for a scheduler to wake them while pages are ready); and records
//! are handed to the caller one by one, in input order (held back until the ones before are
//! done) or in completion order.
//!
//! Each extraction has the time budget of the extraction options, which stops it from inside
//! at the next check (between stages and parser chunks). A watchdog thread catches what those
//! checks cannot see, a stage that runs on far past the budget: after
//! its watchdog limit (twice the budget, at least 5 s more), the
//! page's record is a `timeout` error and a fresh extraction thread takes the overdue one's
//! place. A thread cannot be stopped from outside, so the overdue extraction runs on in the
//! background, its result dropped, until it ends (its caps on size, depth and node count bound
//! it); then its thread exits. With no budget there is no watchdog either.
//!
//! At most [`in_flight_limit`] jobs are between being read and being handed back, so memory
//! stays flat however long the input is; a slow page at the head of an ordered run holds the
//! others back rather than letting them pile up.

use std::collections::BTreeMap;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::{Duration, Instant};

use crate::budget::ClockRef;

use tokio::runtime::Handle;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::BatchError;
use super::BatchOptions;
use super::fetch::Fetcher;
use super::inputs::{Job, Source};
use super::record::Record;
use super::summary::Summary;
use crate::fetch::FetchError;
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

/// A finished job on its way back: its place in the input, its record, what `prepare` made of
/// it, and its in-flight slot.
type Done<T> = (usize, Record, T, OwnedSemaphorePermit);

/// What reaches the calling thread: a finished job; a job whose record could not be prepared
/// (its place is skipped); or, once the feeder has read every job, how many there were.
enum Message<T> {
    Done(Box<Done<T>>),
    Lost(usize),
    Total(usize),
}

/// The extraction of one page, given the extraction options.
type Work = Box<dyn FnOnce(&Options) -> Result<Article, BatchError> + Send>;

/// A page ready for extraction: its place, its record so far, the work, its in-flight slot.
struct Task {
    index: usize,
    record: Record,
    work: Work,
    permit: OwnedSemaphorePermit,
}

/// A task being extracted, as its thread's slot holds it (so that the watchdog can take it).
struct Running {
    index: usize,
    record: Record,
    permit: OwnedSemaphorePermit,
    started: Instant,
}

/// One extraction thread's current task; emptied by the watchdog when it is overdue.
type Slot = Arc<Mutex<Option<Running>>>;

/// What the extraction threads, the watchdog and the fetch tasks share.
struct Shared<P, T> {
    extract: Options,
    prepare: P,
    queue: Mutex<mpsc::Receiver<Task>>,
    done: mpsc::Sender<Message<T>>,
    /// The slot of every live extraction thread.
    slots: Mutex<Vec<Slot>>,
}

impl<P, T> Shared<P, T>
where
    P: Fn(&Record) -> T + Send + Sync + 'static,
    T: Send + 'static,
{
    /// Prepares a finished record and sends it back (the caller may be gone: then nothing).
    /// A panic in `prepare` makes the record a [`BatchError::Panic`], prepared again; if that
    /// panics too, the record is reported lost, so that the run still ends.
    fn finish(&self, index: usize, mut record: Record, permit: OwnedSemaphorePermit) {
        let mut prepared = catch_unwind(AssertUnwindSafe(|| (self.prepare)(&record)));
        if prepared.is_err() {
            record.outcome = Err(BatchError::Panic { message: "preparing the record panicked".into() });
            prepared = catch_unwind(AssertUnwindSafe(|| (self.prepare)(&record)));
        }
        let message = match prepared {
            Ok(prepared) => Message::Done(Box::new((index, record, prepared, permit))),
            Err(_) => Message::Lost(index),
        };
        let _ = self.done.send(message);
    }

    /// Starts one more extraction thread.
    fn spawn_worker(self: &Arc<Self>) -> io::Result<()> {
        let slot: Slot = Arc::new(Mutex::new(None));
        lock(&self.slots).push(Arc::clone(&slot));
        let shared = Arc::clone(self);
        std::thread::Builder::new().name("gleaner-extract".into()).spawn(move || shared.work(&slot))?;
        Ok(())
    }

    /// An extraction thread: takes tasks until the queue closes, or until the watchdog takes
    /// its task away (another thread has then replaced it).
    fn work(&self, slot: &Slot) {
        loop {
            let task = lock(&self.queue).recv();
            let Ok(Task { index, record, work, permit }) = task else { return };
            *lock(slot) = Some(Running { index, record, permit, started: self.extract.clock.now("job") });
            let outcome = guarded(|| work(&self.extract));
            let Some(running) = lock(slot).take() else { return };
            let Running { index, mut record, permit, .. } = running;
            record.outcome = outcome;
            self.finish(index, record, permit);
        }
    }

    /// Every `check`, fails the tasks running longer than `limit` (read on the extraction
    /// options' clock) and replaces their threads, until `finished`.
    fn watch(self: &Arc<Self>, limit: Duration, clock: &ClockRef, finished: &AtomicBool) {
        let check = (limit / 4).clamp(Duration::from_millis(1), Duration::from_millis(100));
        while !finished.load(Ordering::SeqCst) {
            std::thread::sleep(check);
            let now = clock.now("watchdog");
            let overdue: Vec<Running> = {
                let mut slots = lock(&self.slots);
                let mut overdue = Vec::new();
                slots.retain(|slot| {
                    let mut running = lock(slot);
                    if running.as_ref().is_some_and(|r| now.saturating_duration_since(r.started) > limit) {
                        overdue.extend(running.take());
                        false
                    } else {
                        true
                    }
                });
                overdue
            };
            for Running { index, mut record, permit, .. } in overdue {
                record.outcome = Err(overdue_error(limit));
                self.finish(index, record, permit);
                // Without a thread the run would stall; if none can start, the others go on.
                let _ = self.spawn_worker();
            }
        }
    }
}

/// Locks a mutex, whatever a panicking holder left in it (every value here stays valid).
fn lock<V>(mutex: &Mutex<V>) -> std::sync::MutexGuard<'_, V> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs every job and gives each record to `emit`, in input order when `options.ordered`.
/// Returns the run's summary.
///
/// # Errors
/// The first error `emit` returns (the run stops there), or an I/O error when the runtime,
/// the HTTP client or the threads cannot be set up.
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
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(FETCH_THREADS).enable_all().build()?;
    let fetcher = Arc::new(Fetcher::new(options.fetch.clone()).map_err(io::Error::other)?);
    let (queue, tasks) = mpsc::channel::<Task>();
    let (sender, receiver) = mpsc::channel::<Message<T>>();
    let shared = Arc::new(Shared { extract: options.extract.clone(), prepare, queue: Mutex::new(tasks), done: sender, slots: Mutex::new(Vec::new()) });
    for _ in 0..options.jobs.get() {
        shared.spawn_worker()?;
    }
    let finished = Arc::new(AtomicBool::new(false));
    if let Some(limit) = crate::budget::watchdog_limit(options.extract.time_budget) {
        let (shared, finished, clock) = (Arc::clone(&shared), Arc::clone(&finished), options.extract.clock.clone());
        std::thread::Builder::new().name("gleaner-watchdog".into()).spawn(move || shared.watch(limit, &clock, &finished))?;
    }
    let window = Arc::new(Semaphore::new(in_flight_limit(options)));
    let stop = Arc::new(AtomicBool::new(false));
    {
        let feeder = Feeder { handle: runtime.handle().clone(), window, fetcher, queue, shared: Arc::clone(&shared), stop: Arc::clone(&stop) };
        std::thread::Builder::new().name("gleaner-feeder".into()).spawn(move || feeder.feed(jobs))?;
    }
    drop(shared);
    let mut summary = Summary::default();
    let mut reorder = Reorder::default();
    let (mut received, mut total) = (0, None);
    let result = loop {
        if total.is_some_and(|total| received >= total) {
            break Ok(());
        }
        let Ok(message) = receiver.recv() else { break Ok(()) };
        let done = match message {
            Message::Total(count) => {
                total = Some(count);
                continue;
            }
            Message::Lost(index) => {
                received += 1;
                if options.ordered {
                    reorder.lost.insert(index);
                }
                None
            }
            Message::Done(done) => {
                received += 1;
                Some(*done)
            }
        };
        let mut hand = |record, prepared| hand_back(record, prepared, &mut emit, &mut summary, &stop);
        let handed = match done {
            Some((_, record, prepared, _permit)) if !options.ordered => hand(record, prepared),
            Some((index, record, prepared, permit)) => {
                reorder.waiting.insert(index, (record, prepared, permit));
                reorder.release(&mut hand)
            }
            None => reorder.release(&mut hand),
        };
        if let Err(err) = handed {
            break Err(err);
        }
    };
    finished.store(true, Ordering::SeqCst);
    summary.elapsed = started.elapsed();
    runtime.shutdown_background();
    result.map(|()| summary)
}

/// Records held back until the ones before them are handed back, in an ordered run.
struct Reorder<T> {
    /// Finished records by input place.
    waiting: BTreeMap<usize, (Record, T, OwnedSemaphorePermit)>,
    /// Places whose record was lost (see [`Message::Lost`]): skipped.
    lost: std::collections::BTreeSet<usize>,
    /// The next place to hand back.
    next: usize,
}

impl<T> Default for Reorder<T> {
    fn default() -> Self {
        Self { waiting: BTreeMap::new(), lost: std::collections::BTreeSet::new(), next: 0 }
    }
}

impl<T> Reorder<T> {
    /// Hands back every record whose turn has come, skipping lost places.
    fn release(&mut self, hand: &mut impl FnMut(Record, T) -> io::Result<()>) -> io::Result<()> {
        loop {
            if self.lost.remove(&self.next) {
                self.next += 1;
                continue;
            }
            let Some((record, prepared, _permit)) = self.waiting.remove(&self.next) else { return Ok(()) };
            self.next += 1;
            hand(record, prepared)?;
        }
    }
}

/// Gives one record to the caller; on the caller's error, stops the feeder.
fn hand_back<T, F>(record: Record, prepared: T, emit: &mut F, summary: &mut Summary, stop: &AtomicBool) -> io::Result<()>
where
    F: FnMut(&Record, T) -> io::Result<()>,
{
    summary.add(&record);
    emit(&record, prepared).inspect_err(|_| stop.store(true, Ordering::SeqCst))
}

/// The feeder thread's share of the run.
struct Feeder<P, T> {
    handle: Handle,
    window: Arc<Semaphore>,
    fetcher: Arc<Fetcher>,
    queue: mpsc::Sender<Task>,
    shared: Arc<Shared<P, T>>,
    stop: Arc<AtomicBool>,
}

impl<P, T> Feeder<P, T>
where
    P: Fn(&Record) -> T + Send + Sync + 'static,
    T: Send + 'static,
{
    /// Reads jobs, waiting for an in-flight slot before each: pages to fetch go to a fetch
    /// task, which queues them for extraction; pages at hand are queued at once; invalid
    /// inputs are failed records at once. Ends by telling the caller how many jobs there were.
    fn feed<J: Iterator<Item = Job>>(self, jobs: J) {
        let mut count = 0;
        // A panicking input reader ends the input there; the jobs read so far still complete.
        let _ = catch_unwind(AssertUnwindSafe(|| self.feed_jobs(jobs, &mut count)));
        let _ = self.shared.done.send(Message::Total(count));
    }

    /// Dispatches each job (see [`Feeder::feed`]), counting them in `count`.
    fn feed_jobs<J: Iterator<Item = Job>>(&self, jobs: J, count: &mut usize) {
        for (index, job) in jobs.enumerate() {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(permit) = self.handle.block_on(Arc::clone(&self.window).acquire_owned()) else { break };
            *count = index + 1;
            let Job { id, input, source } = job;
            let url = source.url().map(str::to_string);
            let record = Record { id, input, url, final_url: None, status: None, outcome: Err(Error::no_content().into()) };
            match source {
                Source::Url(url) => {
                    let (fetcher, queue, shared) = (Arc::clone(&self.fetcher), self.queue.clone(), Arc::clone(&self.shared));
                    self.handle.spawn(async move {
                        let mut record = record;
                        let page = fetcher.fetch(&url).await;
                        record.final_url = page.final_url;
                        record.status = page.status;
                        match page.result {
                            Ok(body) => {
                                let hints = Hints { url: record.final_url.clone(), content_type: body.content_type };
                                let work: Work = Box::new(move |options| Ok(crate::extract_bytes(&body.bytes, &hints, options)?));
                                queue_task(&queue, &shared, Task { index, record, work, permit });
                            }
                            Err(err) => {
                                record.outcome = Err(err.into());
                                shared.finish(index, record, permit);
                            }
                        }
                    });
                }
                Source::File { path, url } => {
                    let work: Work = Box::new(move |options| read_and_extract(&path, url, options));
                    queue_task(&self.queue, &self.shared, Task { index, record, work, permit });
                }
                Source::Html { html, url } => {
                    let work: Work = Box::new(move |options| Ok(crate::extract_bytes(html.as_bytes(), &page_hints(url), options)?));
                    queue_task(&self.queue, &self.shared, Task { index, record, work, permit });
                }
                Source::Bytes { bytes, url } => {
                    let work: Work = Box::new(move |options| Ok(crate::extract_bytes(&bytes, &page_hints(url), options)?));
                    queue_task(&self.queue, &self.shared, Task { index, record, work, permit });
                }
                Source::Response { url, status, content_type, body } => {
                    let mut record = record;
                    record.status = Some(status);
                    match archived_failure(url.as_deref(), status, content_type.as_deref()) {
                        Some(error) => {
                            record.outcome = Err(error.into());
                            self.shared.finish(index, record, permit);
                        }
                        None => {
                            let hints = Hints { url, content_type };
                            let work: Work = Box::new(move |options| Ok(crate::extract_bytes(&body, &hints, options)?));
                            queue_task(&self.queue, &self.shared, Task { index, record, work, permit });
                        }
                    }
                }
                Source::Invalid(error) => {
                    let mut record = record;
                    record.outcome = Err(error);
                    self.shared.finish(index, record, permit);
                }
            }
        }
    }
}

/// Queues a task for the extraction threads; if they are all gone (they never are while the
/// run lasts), the page fails rather than being lost.
fn queue_task<P, T>(queue: &mpsc::Sender<Task>, shared: &Shared<P, T>, task: Task)
where
    P: Fn(&Record) -> T + Send + Sync + 'static,
    T: Send + 'static,
{
    if let Err(mpsc::SendError(Task { index, mut record, permit, .. })) = queue.send(task) {
        record.outcome = Err(BatchError::Panic { message: "no extraction thread is left".into() });
        shared.finish(index, record, permit);
    }
}

/// Why an archived response is not extracted, judged as a fetched one would be: a status
/// other than 2xx, or a content type that is not HTML or text.
fn archived_failure(url: Option<&str>, status: u16, content_type: Option<&str>) -> Option<FetchError> {
    let url = url.unwrap_or_default().to_string();
    if !(200..300).contains(&status) {
        return Some(FetchError::HttpStatus { url, status });
    }
    content_type
        .filter(|content_type| !crate::fetch::is_textual(content_type))
        .map(|content_type| FetchError::NotHtmlContentType { url, content_type: content_type.to_string() })
}

fn overdue_error(budget: Duration) -> BatchError {
    BatchError::Overdue { limit: budget }
}

fn read_and_extract(path: &Path, url: Option<String>, options: &Options) -> Result<Article, BatchError> {
    let bytes = crate::input::read_file(path, options.max_input_bytes)?;
    Ok(crate::extract_bytes(&bytes, &page_hints(url), options)?)
}

fn page_hints(url: Option<String>) -> Hints {
    Hints { url, content_type: None }
}

/// Runs `extract`, turning a panic into a [`BatchError::Panic`] with the panic's message.
pub fn guarded<F>(extract: F) -> Result<Article, BatchError>
where
    F: FnOnce() -> Result<Article, BatchError>,
{
    match catch_unwind(AssertUnwindSafe(extract)) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|text| (*text).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Err(BatchError::Panic { message: format!("extraction panicked: {message}") })
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
        assert_eq!(error.kind(), "panic");
        assert!(error.to_string().contains("boom"), "{error}");
        assert!(guarded(|| Err(Error::no_content().into())).is_err_and(|error| error.kind() == "no_content"));
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
                    Source::Invalid(BatchError::BadInput(super::super::BadLine::NoPage))
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

    /// A clock on which the first extraction to check its budget in "parse" hangs there (a
    /// stage that never reaches a check) until released, and the watchdog's next look finds it
    /// a day old: the watchdog's work, whatever the machine's speed.
    #[derive(Debug, Default)]
    struct HangingClock {
        hanging: AtomicBool,
        jumped: AtomicBool,
        released: Mutex<bool>,
        release: std::sync::Condvar,
    }

    impl HangingClock {
        fn release(&self) {
            *lock(&self.released) = true;
            self.release.notify_all();
        }
    }

    impl crate::budget::Clock for HangingClock {
        fn now(&self, stage: &'static str) -> Instant {
            let now = Instant::now();
            match stage {
                "parse" if !self.hanging.swap(true, Ordering::SeqCst) => {
                    let mut released = lock(&self.released);
                    while !*released {
                        released = self.release.wait(released).unwrap_or_else(PoisonError::into_inner);
                    }
                    now
                }
                "watchdog" if self.hanging.load(Ordering::SeqCst) && !self.jumped.swap(true, Ordering::SeqCst) => {
                    now.checked_add(Duration::from_secs(86_400)).unwrap_or(now)
                }
                _ => now,
            }
        }
    }

    #[test]
    fn an_overdue_page_times_out_and_a_fresh_thread_takes_the_rest() {
        let page = |n: usize| format!("<html><body><article><p>{}</p></article></body></html>", "Words of a story. ".repeat(n + 10));
        let jobs = (0..6).map(move |n| Job { id: format!("p{n}"), input: format!("p{n}"), source: Source::Html { html: page(n), url: None } });
        let clock = Arc::new(HangingClock::default());
        // A budget no page comes near: only the hang is overdue.
        let extract = Options::default().with_time_budget(Some(Duration::from_secs(3600))).with_clock(Arc::clone(&clock) as Arc<dyn crate::budget::Clock>);
        let options = BatchOptions::default().with_jobs(std::num::NonZeroUsize::MIN).with_extract(extract);
        let mut outcomes = Vec::new();
        run(jobs, &options, |record| {
            outcomes.push((record.id.clone(), record.outcome.as_ref().err().map(BatchError::kind)));
            Ok(())
        })
        .expect("run");
        clock.release();
        assert_eq!(outcomes.len(), 6);
        assert_eq!(outcomes[0], ("p0".to_string(), Some("timeout")));
        assert!(outcomes[1..].iter().all(|(_, error)| error.is_none()), "{outcomes:?}");
    }

    #[test]
    fn no_budget_no_watchdog() {
        assert_eq!(crate::budget::watchdog_limit(BatchOptions::default().with_extract(Options::default().with_time_budget(None)).extract.time_budget), None);
    }

    fn small_jobs(count: usize) -> impl Iterator<Item = Job> + Send + 'static {
        (0..count).map(|n| Job {
            id: format!("j{n}"),
            input: format!("j{n}"),
            source: Source::Html { html: format!("<p>{}</p>", "Words of a story. ".repeat(n + 10)), url: None },
        })
    }

    #[test]
    fn a_panicking_prepare_fails_its_record_or_skips_it_and_the_run_ends() {
        let mut seen = Vec::new();
        let summary = run_prepared(
            small_jobs(10),
            &BatchOptions::default(),
            |record| {
                assert!(record.id != "j3", "j3 cannot be prepared");
                assert!(record.id != "j5" || !record.ok(), "j5 can be prepared only as a failure");
                record.id.clone()
            },
            |record, id| {
                seen.push((id, record.outcome.as_ref().err().map(BatchError::kind)));
                Ok(())
            },
        )
        .expect("run");
        let ids: Vec<&str> = seen.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["j0", "j1", "j2", "j4", "j5", "j6", "j7", "j8", "j9"]);
        assert_eq!(seen[4].1, Some("panic"));
        assert_eq!(summary.total(), 9);
    }

    #[test]
    fn a_panicking_input_reader_ends_the_input_and_the_run() {
        let jobs = small_jobs(10).enumerate().map(|(n, job)| {
            assert!(n < 4, "the reader breaks");
            job
        });
        let mut ids = Vec::new();
        run(jobs, &BatchOptions::default(), |record| {
            ids.push(record.id.clone());
            Ok(())
        })
        .expect("run");
        assert_eq!(ids, ["j0", "j1", "j2", "j3"]);
    }
}
