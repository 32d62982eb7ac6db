//! robots.txt (RFC 9309), read by the `texting_robots` crate: the rules of the group that names
//! gleaner's product token (all such groups, merged), else of the `*` group, matched by the
//! longest pattern (`*` any characters, `$` the end), `Allow` winning a tie; and the group's
//! `Crawl-delay`. What the crate leaves to its caller is here: the answer's status (a 4xx
//! allows everything, a 5xx disallows everything, see `fetch.rs`), the size cap, and matching
//! a group's user agent by its product token.
//!
//! The crate replaced a parser of gleaner's own, which read no `Crawl-delay` and matched user
//! agents exactly; it is tested against the rules of Google's and Moz's robots.txt parsers
//! and was run over 34 million robots.txt files from Common Crawl.

use std::borrow::Cow;
use std::time::Duration;

/// The largest robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB).
pub const MAX_ROBOTS_BYTES: usize = 512 * 1024;

/// The longest `Crawl-delay` honoured: a robots.txt asking for more gets this much between
/// two requests (a batch run must end; a site that wants fewer visits can disallow pages).
pub const MAX_CRAWL_DELAY: Duration = Duration::from_secs(30);

/// The rules that apply to one crawler on one host.
#[derive(Debug, Default)]
pub struct Robots {
    /// The rules; `None` allows everything.
    robot: Option<texting_robots::Robot>,
    /// Everything is disallowed (the robots.txt was unreachable: a 5xx answer).
    deny_all: bool,
}

impl Robots {
    /// Rules that allow everything (no robots.txt, or a 4xx answer).
    #[must_use]
    pub fn allow_all() -> Self {
        Self::default()
    }

    /// Rules that disallow everything (robots.txt unreachable: a 5xx answer).
    #[must_use]
    pub fn deny_all() -> Self {
        Self { robot: None, deny_all: true }
    }

    /// Parses a robots.txt for the crawler whose product token is `agent` (e.g. `gleaner`). A
    /// file the crate cannot read at all allows everything, as a missing one does.
    #[must_use]
    pub fn parse(text: &str, agent: &str) -> Self {
        let text = with_bare_product_tokens(text, agent);
        Self { robot: texting_robots::Robot::new(agent, text.as_bytes()).ok(), deny_all: false }
    }

    /// Whether `path` (the URL's path and query) may be fetched.
    #[must_use]
    pub fn allows(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        if self.deny_all {
            return false;
        }
        self.robot.as_ref().is_none_or(|robot| robot.allowed(path))
    }

    /// The `Crawl-delay` of our group (or one given before any group), at most
    /// [`MAX_CRAWL_DELAY`]; `None` when there is none.
    #[must_use]
    pub fn crawl_delay(&self) -> Option<Duration> {
        let seconds = self.robot.as_ref()?.delay?;
        (seconds.is_finite() && seconds > 0.0).then(|| Duration::from_secs_f32(seconds.min(MAX_CRAWL_DELAY.as_secs_f32())))
    }
}

/// `text` with every `User-agent:` line whose product token is `agent` rewritten to `agent`
/// alone. RFC 9309 matches a group by its product token, the name before any version or
/// comment (`User-agent: Gleaner/1.0`, `User-agent: gleaner (+https://…)`), while the crate
/// compares the whole value; a name that only begins with ours (`gleaner-images`) is another
/// crawler and stays as it is.
fn with_bare_product_tokens<'a>(text: &'a str, agent: &str) -> Cow<'a, str> {
    let names_us = |line: &str| -> bool {
        let Some((key, value)) = line.split_once(':') else { return false };
        let key = key.trim().to_ascii_lowercase();
        if !matches!(key.as_str(), "user-agent" | "user agent" | "useragent") {
            return false;
        }
        let value = value.trim_start();
        let token_end = value.find(|c: char| !(c.is_ascii_alphabetic() || c == '_' || c == '-')).unwrap_or(value.len());
        let (token, rest) = value.split_at(token_end);
        token.eq_ignore_ascii_case(agent) && !rest.trim().is_empty()
    };
    if !text.lines().any(names_us) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if names_us(line) {
            out.push_str("User-agent: ");
            out.push_str(agent);
            out.push('\n');
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROBOTS: &str = "\
# comment
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$

User-agent: OtherBot
Disallow: /
";

    #[test]
    fn star_group_applies_to_us() {
        let robots = Robots::parse(ROBOTS, "gleaner");
        assert!(robots.allows("/"));
        assert!(robots.allows("/news/1"));
        assert!(!robots.allows("/private/x"));
        assert!(robots.allows("/private/open/y"), "the longer Allow wins");
        assert!(!robots.allows("/files/a.pdf"));
        assert!(robots.allows("/files/a.pdf?x=1"), "$ anchors at the end");
        assert!(robots.allows("/robots.txt"));
    }

    #[test]
    fn our_own_group_replaces_the_star_group() {
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: Gleaner\nUser-agent: other\nDisallow: /admin\n";
        let robots = Robots::parse(text, "gleaner");
        assert!(robots.allows("/page"));
        assert!(!robots.allows("/admin/x"));
        assert!(!Robots::parse(ROBOTS, "otherbot").allows("/page"));
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: gleaner\nDisallow:\n";
        assert!(Robots::parse(text, "gleaner").allows("/page"), "an empty group of ours allows all");
    }

    #[test]
    fn a_tie_goes_to_allow() {
        let text = "User-agent: *\nDisallow: /page\nAllow: /page\n";
        assert!(Robots::parse(text, "gleaner").allows("/page"));
        let text = "User-agent: *\nAllow: /page\nDisallow: /page\n";
        assert!(Robots::parse(text, "gleaner").allows("/page"));
    }

    #[test]
    fn a_group_names_us_by_our_product_token() {
        // The name before a version or a comment is the product token (RFC 9309 2.2.1).
        for line in ["User-agent: Gleaner/1.0", "User-agent: gleaner (+https://example.com/bot)", "user-agent:GLEANER/2"] {
            let text = format!("User-agent: *\nDisallow: /\n\n{line}\nDisallow: /admin\n");
            let robots = Robots::parse(&text, "gleaner");
            assert!(robots.allows("/page"), "{line}");
            assert!(!robots.allows("/admin"), "{line}");
        }
        // Another crawler whose name begins with ours is not us.
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: gleaner-images\nDisallow:\n";
        assert!(!Robots::parse(text, "gleaner").allows("/page"));
    }

    #[test]
    fn crawl_delay_is_read_for_our_group_and_capped() {
        let text = "User-agent: *\nCrawl-delay: 2.5\nDisallow: /x\n\nUser-agent: otherbot\nCrawl-delay: 9\n";
        assert_eq!(Robots::parse(text, "gleaner").crawl_delay(), Some(Duration::from_millis(2500)));
        let text = "User-agent: otherbot\nCrawl-delay: 9\n\nUser-agent: gleaner\nCrawl-delay: 4\n";
        assert_eq!(Robots::parse(text, "gleaner").crawl_delay(), Some(Duration::from_secs(4)));
        let text = "User-agent: *\nCrawl-delay: 86400\n";
        assert_eq!(Robots::parse(text, "gleaner").crawl_delay(), Some(MAX_CRAWL_DELAY));
        assert_eq!(Robots::parse(ROBOTS, "gleaner").crawl_delay(), None);
        assert_eq!(Robots::allow_all().crawl_delay(), None);
    }

    #[test]
    fn empty_disallow_and_deny_all() {
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "gleaner").allows("/a"));
        assert!(!Robots::deny_all().allows("/a"));
        assert!(Robots::deny_all().allows("/robots.txt"));
        assert!(Robots::allow_all().allows("/a"));
    }

    #[test]
    fn wildcards() {
        let robots = |pattern: &str| Robots::parse(&format!("User-agent: *\nDisallow: {pattern}\n"), "gleaner");
        assert!(!robots("/a*b").allows("/axxbyy"));
        assert!(robots("/a*b$").allows("/axxbyy"));
        assert!(!robots("/a*b$").allows("/axxbyyb"));
        assert!(!robots("*").allows("/"));
        assert!(robots("/x").allows("/"));
    }
}
