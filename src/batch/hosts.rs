//! Per-host politeness: at most N requests open at once on one host, and a minimum gap between
//! the starts of two requests to it.

use std::collections::HashMap;
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
        if !self.delay.is_zero() {
            let start = {
                let mut next_start = gate.next_start.lock().await;
                let start = (*next_start).max(Instant::now());
                *next_start = start + self.delay;
                start
            };
            tokio::time::sleep_until(start).await;
        }
        HostPermit { _slot: slot }
    }

    fn gate(&self, host: &str) -> Arc<Gate> {
        let mut gates = self.gates.lock().unwrap_or_else(PoisonError::into_inner);
        let gate = gates.entry(host.to_string()).or_insert_with(|| {
            Arc::new(Gate {
                slots: (self.connections > 0).then(|| Arc::new(Semaphore::new(self.connections))),
                next_start: tokio::sync::Mutex::new(Instant::now()),
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
