//! robots.txt (RFC 9309): the rules of the group that names gleaner's product token, or of the
//! `*` group, matched by the longest pattern (`*` any characters, `$` the end), `Allow` winning
//! a tie.

/// The largest robots.txt read; the rest is ignored (RFC 9309 asks for at least 500 KiB).
pub const MAX_ROBOTS_BYTES: usize = 512 * 1024;

/// The rules that apply to one crawler on one host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    rules: Vec<Rule>,
    /// Everything is disallowed (the robots.txt was unreachable: a 5xx answer).
    deny_all: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    pattern: String,
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
        Self { rules: Vec::new(), deny_all: true }
    }

    /// Parses a robots.txt for the crawler whose product token is `agent` (e.g. `gleaner`).
    #[must_use]
    pub fn parse(text: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        let mut ours: Vec<Rule> = Vec::new();
        let mut anyone: Vec<Rule> = Vec::new();
        let mut named_us = false;
        // The user agents of the group being read, and whether its rules have begun.
        let mut group: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            let Some((key, value)) = line.split_once(':') else { continue };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if in_rules {
                        group.clear();
                        in_rules = false;
                    }
                    group.push(value.to_ascii_lowercase());
                }
                "allow" | "disallow" => {
                    in_rules = true;
                    let for_us = group.contains(&agent);
                    named_us |= for_us;
                    // An empty `Disallow:` allows everything: it adds no rule.
                    if value.is_empty() {
                        continue;
                    }
                    let rule = Rule { allow: key == "allow", pattern: value.to_string() };
                    if for_us {
                        ours.push(rule.clone());
                    }
                    if group.iter().any(|name| name == "*") {
                        anyone.push(rule);
                    }
                }
                _ => {}
            }
        }
        Self { rules: if named_us { ours } else { anyone }, deny_all: false }
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
        let best = self.rules.iter().filter(|rule| matches(rule.pattern.as_bytes(), path.as_bytes())).max_by_key(|rule| (rule.pattern.len(), rule.allow));
        best.is_none_or(|rule| rule.allow)
    }
}

/// Whether `pattern` matches the start of `path`: `*` is any run of characters, a final `$`
/// anchors at the end.
fn matches(pattern: &[u8], path: &[u8]) -> bool {
    let (pattern, anchored) = match pattern.split_last() {
        Some((b'$', rest)) => (rest, true),
        _ => (pattern, false),
    };
    // Greedy matching with backtracking to the last `*`.
    let (mut p, mut s) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if p == pattern.len() {
            if !anchored || s == path.len() {
                return true;
            }
        } else if pattern[p] == b'*' {
            star = Some((p, s));
            p += 1;
            continue;
        } else if s < path.len() && pattern[p] == path[s] {
            p += 1;
            s += 1;
            continue;
        }
        match star {
            Some((star_p, star_s)) if star_s < path.len() => {
                star = Some((star_p, star_s + 1));
                p = star_p + 1;
                s = star_s + 1;
            }
            _ => return false,
        }
    }
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
    fn empty_disallow_and_deny_all() {
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "gleaner").allows("/a"));
        assert!(!Robots::deny_all().allows("/a"));
        assert!(Robots::deny_all().allows("/robots.txt"));
        assert!(Robots::allow_all().allows("/a"));
    }

    #[test]
    fn wildcards() {
        assert!(matches(b"/a*b", b"/axxbyy"));
        assert!(!matches(b"/a*b$", b"/axxbyy"));
        assert!(matches(b"/a*b$", b"/axxbyyb"));
        assert!(matches(b"*", b""));
        assert!(!matches(b"/x", b"/"));
    }
}
