//! The per-document time budget: a deadline set when extraction starts and checked between the
//! stages and inside the parser's loop. Past it, extraction stops with [`Error::TimeBudget`]
//! (kind `timeout`) rather than a degraded result: a page cut off at an arbitrary point in an
//! arbitrary stage would be worse than none.

use std::time::{Duration, Instant};

use crate::Error;

/// The default time budget of one document: 10 s, far past the slowest real page (tens of
/// milliseconds) and a 20 MB pathological one (about a second).
pub const DEFAULT_TIME_BUDGET: Duration = Duration::from_secs(10);

/// A running time budget.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    limit: Option<Duration>,
    deadline: Option<Instant>,
}

impl Budget {
    /// Starts a budget of `limit` now (`None`: no limit).
    #[must_use]
    pub fn start(limit: Option<Duration>) -> Self {
        Self { limit, deadline: limit.and_then(|limit| Instant::now().checked_add(limit)) }
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
            (Some(limit), Some(deadline)) if Instant::now() >= deadline => Err(Error::TimeBudget { limit, stage }),
            _ => Ok(()),
        }
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
}
