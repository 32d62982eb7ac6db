//! The per-document time budget: a deadline set when extraction starts and checked between the
//! stages and inside the parser's loop. Past it, extraction stops with [`Error::TimeBudget`]
//! (kind `timeout`) rather than a degraded result: a page cut off at an arbitrary point in an
//! arbitrary stage would be worse than none.
//!
//! The budget is gleaner's one time limit on extraction. The batch watchdog, which gives up on
//! an extraction that does not reach a check in time, is derived from it ([`watchdog_limit`])
//! rather than set on its own, so the two never race: the budget decides, and the watchdog
//! only catches what the budget's checks cannot see.
//!
//! Time is read through a [`Clock`], the system's monotonic clock unless a test puts in one of
//! its own: then a budget runs out at a named stage, whatever the machine's speed.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::Error;

/// The default time budget of one document: 10 s, far past the slowest real page (tens of
/// milliseconds) and a 20 MB pathological one (about a second).
pub const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(10);

/// The watchdog waits this multiple of the budget before it gives up on an extraction...
#[cfg(feature = "batch")]
pub const WATCHDOG_FACTOR: u32 = 2;

/// ...and at least this long past the budget. A stage under way when the budget runs out
/// finishes before the next check sees it (about a second on a 20 MB page, several on a
/// loaded machine); the margin keeps the watchdog behind the budget's own checks, so that an
/// extraction stopped by the budget says in which stage.
#[cfg(feature = "batch")]
pub const WATCHDOG_MIN_MARGIN: Duration = Duration::from_secs(5);

/// How long a watchdog waits for one extraction under a time budget of `budget` (`None`: no
/// limit, and no watchdog): [`WATCHDOG_FACTOR`] times the budget, at least
/// [`WATCHDOG_MIN_MARGIN`] more than it. 20 s for the default 10 s budget.
#[cfg(feature = "batch")]
#[must_use]
pub fn watchdog_limit(budget: Option<Duration>) -> Option<Duration> {
    budget.map(|budget| budget.saturating_mul(WATCHDOG_FACTOR).max(budget.saturating_add(WATCHDOG_MIN_MARGIN)))
}

/// Where budgets read the time: the system's monotonic clock ([`SystemClock`]) unless a test
/// injects its own through [`crate::Options::with_clock`].
#[doc(hidden)]
pub trait Clock: fmt::Debug + Send + Sync {
    /// The time as the check at `stage` sees it: `"start"` when a budget starts, a stage name
    /// (`"decode"`, `"parse"`, `"metadata"`, `"content"`, `"cleanup"`) when it is checked,
    /// `"watchdog"` when the batch watchdog looks at a running extraction and `"job"` when an
    /// extraction thread takes a page.
    fn now(&self, stage: &'static str) -> Instant;
}

/// The system's monotonic clock.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self, _stage: &'static str) -> Instant {
        Instant::now()
    }
}

/// A shared clock, as [`crate::Options`] holds it.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct ClockRef(pub Arc<dyn Clock>);

impl Default for ClockRef {
    fn default() -> Self {
        Self(Arc::new(SystemClock))
    }
}

impl ClockRef {
    /// The time as `stage` sees it (see [`Clock::now`]).
    #[must_use]
    pub fn now(&self, stage: &'static str) -> Instant {
        self.0.now(stage)
    }
}

/// A running time budget.
#[derive(Debug, Clone)]
pub struct Budget {
    limit: Option<Duration>,
    deadline: Option<Instant>,
    clock: ClockRef,
}

impl Budget {
    /// Starts a budget of `limit` now (`None`: no limit).
    #[cfg(test)]
    #[must_use]
    pub fn start(limit: Option<Duration>) -> Self {
        Self::start_on(limit, ClockRef::default())
    }

    /// Starts a budget of `limit` now on `clock` (see [`crate::Options::start_budget`]).
    #[must_use]
    pub fn start_on(limit: Option<Duration>, clock: ClockRef) -> Self {
        let deadline = limit.and_then(|limit| clock.now("start").checked_add(limit));
        Self { limit, deadline, clock }
    }

    /// A budget that never runs out.
    #[cfg(test)]
    #[must_use]
    pub fn unlimited() -> Self {
        Self::start(None)
    }

    /// Fails once the deadline has passed, naming the stage that noticed.
    ///
    /// # Errors
    /// [`Error::TimeBudget`] past the deadline.
    pub fn check(&self, stage: &'static str) -> Result<(), Error> {
        match (self.limit, self.deadline) {
            (Some(limit), Some(deadline)) if self.clock.now(stage) >= deadline => Err(Error::TimeBudget { limit, stage }),
            _ => Ok(()),
        }
    }
}

/// A clock for tests that jumps a day ahead when `stage` asks, and is the system clock
/// otherwise: a budget then runs out exactly at that stage.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct ExpiresAt(pub &'static str);

impl Clock for ExpiresAt {
    fn now(&self, stage: &'static str) -> Instant {
        let now = Instant::now();
        if stage == self.0 { now.checked_add(Duration::from_secs(86_400)).unwrap_or(now) } else { now }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spent_budget_fails_and_names_the_stage() {
        let spent = Budget::start(Some(Duration::ZERO));
        let err = spent.check("parse").expect_err("spent");
        assert_eq!(err.kind(), "timeout");
        assert!(err.to_string().contains("parse"), "{err}");
        assert!(Budget::start(Some(Duration::from_secs(60))).check("parse").is_ok());
        assert!(Budget::unlimited().check("parse").is_ok());
    }

    #[test]
    fn an_injected_clock_spends_the_budget_at_the_stage_it_names() {
        let options = crate::Options::default().with_clock(Arc::new(ExpiresAt("metadata")));
        let budget = options.start_budget();
        assert!(budget.check("decode").is_ok());
        assert!(budget.check("parse").is_ok());
        let err = budget.check("metadata").expect_err("spent at metadata");
        assert!(matches!(err, Error::TimeBudget { stage: "metadata", .. }), "{err}");
        // Without a budget, no clock spends it.
        let unlimited = options.with_time_budget(None).start_budget();
        assert!(unlimited.check("metadata").is_ok());
    }

    #[test]
    #[cfg(feature = "batch")]
    fn the_watchdog_waits_past_the_budget() {
        assert_eq!(watchdog_limit(None), None);
        assert_eq!(watchdog_limit(Some(DEFAULT_TIME_BUDGET)), Some(Duration::from_secs(20)));
        assert_eq!(watchdog_limit(Some(Duration::from_millis(20))), Some(Duration::from_millis(5_020)));
        assert_eq!(watchdog_limit(Some(Duration::from_secs(60))), Some(Duration::from_secs(120)));
    }
}
