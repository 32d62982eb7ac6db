//! Per-host politeness: at most N requests open at once on one host, and a minimum gap between
//! the starts of two requests to it (the run's, or the host's robots.txt `Crawl-delay` when
//! that is longer).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// The politeness of every host of a run.
#[derive(Debug)]
pub struct Hosts {
    /// Requests open at once per host; 0 is no limit.
    connections: usize,
    /// Gap between request starts on one host; zero is none.
    delay: Duration,
    gates: Mutex<HashMap<String, Arc<Gate>>>,
}

/// One host's state.
#[derive(Debug)]
struct Gate {
    slots: Option<Arc<Semaphore>>,
    /// When the next request may start.
    next_start: tokio::sync::Mutex<Instant>,
    /// The gap on this host, in nanoseconds: the run's, or a longer crawl delay.
    delay: AtomicU64,
}

/// The right to send one request to a host; the slot is given back when it is dropped.
#[derive(Debug)]
pub struct HostPermit {
    _slot: Option<OwnedSemaphorePermit>,
}

impl Hosts {
    /// Hosts with `connections` open requests at most (0: no limit) and `delay` between starts.
    #[must_use]
    pub fn new(connections: usize, delay: Duration) -> Self {
        Self { connections, delay, gates: Mutex::new(HashMap::new()) }
    }

    /// Waits for a slot on `host` and for its gap, then gives the permit to send.
    pub async fn acquire(&self, host: &str) -> HostPermit {
        let gate = self.gate(host);
        let slot = match &gate.slots {
            // The semaphore is never closed, so acquiring only fails if it were.
            Some(slots) => Arc::clone(slots).acquire_owned().await.ok(),
            None => None,
        };
        let delay = Duration::from_nanos(gate.delay.load(Ordering::SeqCst));
        if !delay.is_zero() {
            let start = {
                let mut next_start = gate.next_start.lock().await;
                let start = (*next_start).max(Instant::now());
                *next_start = start + delay;
                start
            };
            tokio::time::sleep_until(start).await;
        }
        HostPermit { _slot: slot }
    }

    /// Makes the gap on `host` at least `crawl_delay` (its robots.txt's `Crawl-delay`, already
    /// capped); the run's own gap stays when it is longer.
    pub fn set_crawl_delay(&self, host: &str, crawl_delay: Duration) {
        let nanos = u64::try_from(crawl_delay.as_nanos()).unwrap_or(u64::MAX);
        self.gate(host).delay.fetch_max(nanos, Ordering::SeqCst);
    }

    fn gate(&self, host: &str) -> Arc<Gate> {
        let mut gates = self.gates.lock().unwrap_or_else(PoisonError::into_inner);
        let gate = gates.entry(host.to_string()).or_insert_with(|| {
            Arc::new(Gate {
                slots: (self.connections > 0).then(|| Arc::new(Semaphore::new(self.connections))),
                next_start: tokio::sync::Mutex::new(Instant::now()),
                delay: AtomicU64::new(u64::try_from(self.delay.as_nanos()).unwrap_or(u64::MAX)),
            })
        });
        Arc::clone(gate)
    }
}

/// The politeness key of a URL: scheme, host and port.
#[must_use]
pub fn host_key(url: &url::Url) -> String {
    format!("{}://{}:{}", url.scheme(), url.host_str().unwrap_or(""), url.port_or_known_default().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn starts_on_one_host_are_spaced_by_the_delay() {
        let hosts = Hosts::new(0, Duration::from_millis(100));
        let begin = Instant::now();
        for expected in [0, 100, 200] {
            let _permit = hosts.acquire("http://a:80").await;
            assert_eq!(begin.elapsed().as_millis(), expected);
        }
        // Another host is not held back.
        let before = Instant::now();
        let _permit = hosts.acquire("http://b:80").await;
        assert_eq!(before.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn a_longer_crawl_delay_widens_the_gap_on_its_host_only() {
        let hosts = Hosts::new(0, Duration::from_millis(100));
        hosts.set_crawl_delay("http://a:80", Duration::from_millis(300));
        hosts.set_crawl_delay("http://b:80", Duration::from_millis(50));
        for (host, gap) in [("http://a:80", 300), ("http://b:80", 100), ("http://c:80", 100)] {
            let begin = Instant::now();
            for expected in [0, gap, 2 * gap] {
                let _permit = hosts.acquire(host).await;
                assert_eq!(begin.elapsed().as_millis(), expected, "{host}");
            }
        }
    }

    #[tokio::test(start_paused = true)]
    async fn slots_and_gaps_hold_together_for_many_requests() {
        // Ten requests of 80 ms each to one host, two slots and a 50 ms gap: what the batch
        // test checks against a real server, here exactly.
        let hosts = Arc::new(Hosts::new(2, Duration::from_millis(50)));
        let begin = Instant::now();
        let open = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let (hosts, open) = (Arc::clone(&hosts), Arc::clone(&open));
                tokio::spawn(async move {
                    let _permit = hosts.acquire("h").await;
                    let start = begin.elapsed();
                    let now_open = open.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
                    tokio::time::sleep(Duration::from_millis(80)).await;
                    open.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    (start, now_open)
                })
            })
            .collect();
        let mut starts = Vec::new();
        for task in tasks {
            let (start, now_open) = task.await.expect("task");
            assert!(now_open <= 2, "{now_open} open at once");
            starts.push(start);
        }
        starts.sort();
        for pair in starts.windows(2) {
            assert!(pair[1] - pair[0] >= Duration::from_millis(50), "{starts:?}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn connections_per_host_are_limited() {
        let hosts = Hosts::new(2, Duration::ZERO);
        let first = hosts.acquire("h").await;
        let _second = hosts.acquire("h").await;
        let third = tokio::time::timeout(Duration::from_millis(20), hosts.acquire("h")).await;
        assert!(third.is_err(), "a third request waits");
        drop(first);
        let third = tokio::time::timeout(Duration::from_millis(200), hosts.acquire("h")).await;
        assert!(third.is_ok(), "a freed slot is reused");
    }
}
