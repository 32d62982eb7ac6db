//! The extraction limits shared by `gleaner` and `gleaner batch`.

use std::time::Duration;

use clap::Args;
use gleaner::Options;

/// Limits on one document (see `gleaner::Options`): past the node, depth or attribute cap the
/// result is degraded and says so in `warnings`; past the time budget it is a `timeout` error.
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Most nodes built for one page; past it the rest is unread (warning `node_limit`).
    #[arg(long, value_name = "N", default_value_t = gleaner::DEFAULT_MAX_NODES)]
    pub max_nodes: usize,

    /// Deepest element nesting; deeper tags are flattened, their text kept (warning `depth_limit`).
    #[arg(long, value_name = "N", default_value_t = gleaner::DEFAULT_MAX_DEPTH)]
    pub max_depth: usize,

    /// Most attributes kept on one tag (warning `attribute_limit` when more are dropped).
    #[arg(long, value_name = "N", default_value_t = gleaner::DEFAULT_MAX_ATTRIBUTES)]
    pub max_attributes: usize,

    /// Seconds one document's extraction may take before it stops with a `timeout` error (0: no limit).
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value_t = gleaner::DEFAULT_TIME_BUDGET.as_secs_f64())]
    pub time_budget: f64,
}

impl LimitArgs {
    /// `options` with these limits.
    pub fn apply(&self, options: Options) -> Options {
        options
            .with_max_nodes(self.max_nodes)
            .with_max_depth(self.max_depth)
            .with_max_attributes(self.max_attributes)
            .with_time_budget((self.time_budget > 0.0).then(|| Duration::from_secs_f64(self.time_budget)))
    }
}

/// A number of seconds: finite, not negative, at most a day.
pub fn seconds(text: &str) -> Result<f64, String> {
    const MAX_SECONDS: f64 = 86_400.0;
    match text.parse::<f64>() {
        Ok(value) if (0.0..=MAX_SECONDS).contains(&value) => Ok(value),
        _ => Err(format!("expected seconds between 0 and {MAX_SECONDS}")),
    }
}
