//! When to try a request again and how long to wait first: exponential backoff with jitter,
//! or the server's own `Retry-After`.

use std::time::{Duration, SystemTime};

/// Statuses worth another try: request timeout, too many requests, and server errors.
#[must_use]
pub fn is_retryable_status(status: u16) -> bool {
    status == 408 || status == 429 || (500..=599).contains(&status)
}

/// The wait before retry number `attempt` (0 for the first retry): `base × 2^attempt`, capped at
/// `max`, then scaled by a random factor in [0.5, 1) so that many clients backing off from
/// the same failure do not come back together.
#[must_use]
pub fn backoff(base: Duration, attempt: u32, max: Duration) -> Duration {
    let exponential = base.saturating_mul(1u32.checked_shl(attempt.min(16)).unwrap_or(u32::MAX)).min(max);
    exponential.mul_f64(0.5 + fastrand::f64() / 2.0)
}

/// The wait a `Retry-After` header asks for: delay seconds, or an HTTP date (a date in the
/// past means no wait). `None` when the header cannot be read.
#[must_use]
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The wait before retry number `attempt` after an answer whose `Retry-After` header is
/// `retry_after`: the wait it asks for when that is no longer than `max_retry_after` (a longer
/// one: `None`, no retry, the answer stands), else the [`backoff`] from `base` (at most `max`).
#[must_use]
pub fn retry_wait(retry_after: Option<&str>, attempt: u32, base: Duration, max: Duration, max_retry_after: Duration, now: SystemTime) -> Option<Duration> {
    match retry_after.and_then(|value| parse_retry_after(value, now)) {
        Some(wait) if wait > max_retry_after => None,
        Some(wait) => Some(wait),
        None => Some(backoff(base, attempt, max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_over_the_longest_honoured_is_not_waited_for() {
        let (base, max, longest) = (Duration::from_millis(100), Duration::from_secs(1), Duration::from_secs(60));
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        assert_eq!(retry_wait(Some("1"), 0, base, max, longest, now), Some(Duration::from_secs(1)));
        assert_eq!(retry_wait(Some("60"), 0, base, max, longest, now), Some(Duration::from_secs(60)));
        assert_eq!(retry_wait(Some("120"), 0, base, max, longest, now), None);
        let backed_off = retry_wait(None, 1, base, max, longest, now).expect("a backoff");
        assert!(backed_off >= Duration::from_millis(100) && backed_off < Duration::from_millis(200), "{backed_off:?}");
        assert!(retry_wait(Some("soon"), 0, base, max, longest, now).is_some_and(|wait| wait < base), "an unreadable header: the backoff");
    }

    #[test]
    fn backoff_doubles_within_jitter_and_is_capped() {
        let base = Duration::from_millis(100);
        let max = Duration::from_secs(1);
        for attempt in 0..3 {
            let full = base * 2u32.pow(attempt);
            let wait = backoff(base, attempt, max);
            assert!(wait >= full / 2 && wait < full, "attempt {attempt}: {wait:?}");
        }
        assert!(backoff(base, 40, max) < max);
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(parse_retry_after(&later, now), Some(Duration::from_secs(30)));
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(30));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn retryable_statuses() {
        for status in [408, 429, 500, 503, 599] {
            assert!(is_retryable_status(status));
        }
        for status in [200, 301, 400, 404, 410] {
            assert!(!is_retryable_status(status));
        }
    }
}
