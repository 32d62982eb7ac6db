//! Finding a page's publication and modification dates where the page states them in its
//! body: `<time>` elements, microdata, date-named elements and datelines near the headline
//! ("Published on May 5, 2025", "2025-09-05 13:51 Last Updated At:14:37"), and the URL path
//! (`/2025/09/05/`).

use crate::dom::{Dom, NodeData, NodeId, Tag};
use crate::lexicon::metadata::{MEMBER_SINCE_WORDS, MODIFIED_WORDS, PUBLISHED_WORDS};
use crate::text::collapse;

use super::datetime::{self, Date, NumericOrder};

/// Whether a date says when the page was published or when it was last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// First publication (also the default for a bare date).
    Published,
    /// Last modification ("Updated …").
    Modified,
}

/// Whether a label says the date is when a member joined ("Joined:", "Member since").
fn is_member_since(label: &str) -> bool {
    let label = label.to_lowercase();
    MEMBER_SINCE_WORDS.iter().any(|w| label.contains(w))
}

/// The kind a label or class name gives a date.
fn kind_of(label: &str) -> Option<DateKind> {
    let label = label.to_lowercase();
    if MODIFIED_WORDS.iter().any(|w| label.contains(w)) {
        return Some(DateKind::Modified);
    }
    PUBLISHED_WORDS.iter().any(|w| label.contains(w)).then_some(DateKind::Published)
}

/// A dateline or date label has at most this many characters.
const MAX_DATELINE_CHARS: usize = 100;

/// Dates stated in a line of text: "2025-09-05 13:51 Last Updated At:14:37" gives the
/// publication date and time and the modification time (on the same day); "Updated: May 5,
/// 2025" gives a modification date only.
#[must_use]
pub fn from_dateline(text: &str, order: NumericOrder) -> (Option<Date>, Option<Date>) {
    let Some(first) = datetime::parse(text, order) else { return (None, None) };
    let lower = text.to_lowercase();
    let update_at = MODIFIED_WORDS.iter().filter_map(|w| lower.find(w).map(|i| (i, w.len()))).min();
    let Some((update_at, word_len)) = update_at else { return (Some(first), None) };
    // Where the first date starts: the first digit or month word before the update label
    // means the date comes first.
    let date_first = lower[..update_at].chars().any(|c| c.is_ascii_digit());
    if !date_first {
        return (None, Some(first));
    }
    let after = &lower[update_at + word_len..];
    let modified = datetime::parse(after, order).or_else(|| {
        // A time alone ("Last Updated At: 14:37") is on the day of the first date.
        time_only(after).map(|time| Date { time: Some(time), ..first })
    });
    (Some(first), modified)
}

/// The first "HH:MM" in `text`.
fn time_only(text: &str) -> Option<(u8, u8, u8)> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(4)).find_map(|i| {
        let digits = |a: usize, b: usize| -> Option<u8> { std::str::from_utf8(&bytes[a..b]).ok()?.parse().ok() };
        if i > 0 && bytes[i - 1].is_ascii_digit() {
            return None;
        }
        let (h, m) = if bytes.get(i + 1) == Some(&b':') {
            (digits(i, i + 1)?, digits(i + 2, i + 4)?)
        } else if bytes.get(i + 2) == Some(&b':') {
            (digits(i, i + 2)?, digits(i + 3, i + 5)?)
        } else {
            return None;
        };
        (h < 24 && m < 60).then_some((h, m, 0))
    })
}

/// Dates found in the page body between `from` and `until` (node ids): the first published
/// and the first modified date, each with whether it came from microdata, and every date shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The first publication date.
    pub published: Option<(Date, bool)>,
    /// The first modification date.
    pub modified: Option<(Date, bool)>,
    /// Every date the reader sees, of either kind, in page order (at most [`MAX_SHOWN_DATES`]).
    pub shown: Vec<Date>,
}

impl Found {
    /// Whether the page shows a date on the day `iso` (an ISO 8601 date or date-time) begins with.
    #[must_use]
    pub fn shows_day(&self, iso: &str) -> bool {
        let Some(day) = iso.get(..10) else { return false };
        self.shown.iter().any(|d| d.to_iso().get(..10) == Some(day))
    }
}

/// At most this many dates shown around the content are kept: bylines come first, and a page
/// listing more dates than this is listing other things.
pub const MAX_SHOWN_DATES: usize = 12;

/// Looks for dates in the DOM from node `from` up to `until`: `<time>` elements, microdata
/// (`itemprop="datePublished"`), elements named as dates (`class="post-date"`) and short text
/// lines made of a date. Navigation, footers, sidebars and scripts are skipped.
#[must_use]
pub fn from_dom(dom: &Dom, from: NodeId, until: NodeId, order: NumericOrder) -> Found {
    let mut found = Found::default();
    let until = until.min(NodeId::from_index(dom.nodes.len()));
    let mut id = from;
    while id < until && found.shown.len() < MAX_SHOWN_DATES {
        match &dom.node(id).data {
            NodeData::Element(element) => {
                let skipped = matches!(element.tag, Tag::Script | Tag::Style | Tag::Template | Tag::Nav | Tag::Footer | Tag::Select | Tag::Form);
                if skipped || (element.tag == Tag::Aside && !is_meta_box(dom, id)) {
                    id = dom.subtree_end(id);
                    continue;
                }
                let itemprop = element.attr("itemprop").unwrap_or("");
                let microdata = itemprop.eq_ignore_ascii_case("datePublished")
                    || itemprop.eq_ignore_ascii_case("dateModified")
                    || itemprop.eq_ignore_ascii_case("dateCreated");
                if element.tag == Tag::Time || microdata {
                    let stated = element.attr("datetime").or_else(|| element.attr("content")).map(str::to_string).unwrap_or_else(|| dom.raw_text(id));
                    let label = label_before(dom, id).unwrap_or_default();
                    if let Some(date) = datetime::parse(&stated, order).filter(|_| !is_member_since(&label)) {
                        let kind = kind_of(itemprop).or_else(|| kind_of(&element.id_class)).or_else(|| kind_of(&label)).unwrap_or(DateKind::Published);
                        record(&mut found, kind, date, microdata);
                        // A `<meta itemprop>` states a date without showing it to the reader.
                        if element.tag != Tag::Meta {
                            found.shown.push(date);
                        }
                        id = dom.subtree_end(id);
                        continue;
                    }
                }
            }
            // A dateline holds a digit (`is_dateline`): other texts are not collapsed to ask.
            NodeData::Text(text) if text.len() <= MAX_DATELINE_CHARS * 4 && text.bytes().any(|b| b.is_ascii_digit()) => {
                let line = collapse(text);
                if !line.is_empty() && line.chars().count() <= MAX_DATELINE_CHARS && crate::cleanup::is_dateline(&line) {
                    let label = label_before(dom, id).unwrap_or_default();
                    if is_member_since(&label) || is_member_since(&line) {
                        id += 1;
                        continue;
                    }
                    let (published, modified) = from_dateline(&format!("{label} {line}"), order);
                    for (kind, date) in [(DateKind::Published, published), (DateKind::Modified, modified)] {
                        if let Some(date) = date {
                            record(&mut found, kind, date, false);
                            found.shown.push(date);
                        }
                    }
                }
            }
            _ => {}
        }
        id += 1;
    }
    found
}

/// An `<aside>` of at most this many words is a box of facts about the post (its date, its
/// author, its reading time), not a sidebar.
const MAX_META_BOX_WORDS: usize = 30;

/// Whether the `<aside>` at `id` is a small box of facts about the post rather than a sidebar
/// of other content: templates set a post's date and byline beside it in a short `<aside>`.
fn is_meta_box(dom: &Dom, id: NodeId) -> bool {
    crate::text::word_count(&dom.raw_text(id)) <= MAX_META_BOX_WORDS
}

fn record(found: &mut Found, kind: DateKind, date: Date, microdata: bool) {
    let slot = match kind {
        DateKind::Published => &mut found.published,
        DateKind::Modified => &mut found.modified,
    };
    if slot.is_none() {
        *slot = Some((date, microdata));
    }
}

/// The short text just before `id` inside its parent ("Last updated", "Published:"), which
/// labels a date.
fn label_before(dom: &Dom, id: NodeId) -> Option<String> {
    let parent = dom.node(id).parent?;
    let siblings = &dom.node(parent).children;
    let position = siblings.iter().position(|&s| s == id)?;
    let mut label = String::new();
    for &sibling in siblings[..position].iter().rev().take(2) {
        label = format!("{} {label}", dom.raw_text(sibling));
    }
    let label = collapse(&label);
    (label.chars().count() <= MAX_DATELINE_CHARS).then_some(label)
}

/// A date in the URL's path: `/2025/09/05/` or `/2025-09-05-`.
#[must_use]
pub fn from_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    parts.windows(3).find_map(|w| {
        let (y, m, d) = (w[0], w[1], w[2]);
        if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
            return None;
        }
        let date = datetime::parse(&format!("{y}-{m:0>2}-{d:0>2}"), NumericOrder::DayFirst)?;
        Some(date)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_gives_published_and_modified_times() {
        let (published, modified) = from_dateline("2025-09-05 13:51 Last Updated At:14:37", NumericOrder::DayFirst);
        assert_eq!(published.map(Date::to_iso).as_deref(), Some("2025-09-05T13:51:00"));
        assert_eq!(modified.map(Date::to_iso).as_deref(), Some("2025-09-05T14:37:00"));
        let (published, modified) = from_dateline("Updated: May 5, 2025", NumericOrder::MonthFirst);
        assert_eq!((published, modified.map(Date::to_iso).as_deref()), (None, Some("2025-05-05")));
    }

    #[test]
    fn finds_time_elements_and_their_labels() {
        let dom = crate::dom::parse(
            "<nav><time datetime='2020-01-01'>old</time></nav><h1>Title</h1><p>Published <time datetime='2025-12-19'>Dec 19</time> \
             · Last updated <time datetime='2025-12-20T10:00:00Z'>Dec 20</time></p><p>Body</p>",
        );
        let found = from_dom(&dom, Dom::ROOT, NodeId::from_index(dom.nodes.len()), NumericOrder::MonthFirst);
        assert_eq!(found.published.map(|(d, _)| d.to_iso()).as_deref(), Some("2025-12-19"));
        assert_eq!(found.modified.map(|(d, _)| d.to_iso()).as_deref(), Some("2025-12-20T10:00:00Z"));
    }

    #[test]
    fn a_small_aside_is_the_posts_meta_box_and_a_large_one_a_sidebar() {
        let dom = crate::dom::parse("<article><aside><time datetime='2021-06-06'>June 6, 2021</time></aside><h1>Title</h1><p>Body</p></article>");
        let found = from_dom(&dom, Dom::ROOT, NodeId::from_index(dom.nodes.len()), NumericOrder::MonthFirst);
        assert_eq!(found.published.map(|(d, _)| d.to_iso()).as_deref(), Some("2021-06-06"));
        let links = "<li><a href='/x'>Another story worth reading today</a></li>".repeat(8);
        let dom = crate::dom::parse(&format!("<aside><ul>{links}</ul><time datetime='2020-01-01'>Jan 1</time></aside><h1>Title</h1><p>Body</p>"));
        let found = from_dom(&dom, Dom::ROOT, NodeId::from_index(dom.nodes.len()), NumericOrder::MonthFirst);
        assert_eq!(found.published, None);
    }

    #[test]
    fn the_day_a_member_joined_is_not_the_posts_date() {
        let dom = crate::dom::parse(
            "<h1>Topic</h1><div class='post'><dl><dd><strong>Joined:</strong> Wed Jul 04, 2012 4:09 pm</dd><dd>Member since <time datetime='2013-01-02'>2013</time></dd></dl>\
             <p>by Ann &raquo; <time datetime='2024-09-11T16:36:25+00:00'>11. Sep 2024</time></p><p>Body</p></div>",
        );
        let found = from_dom(&dom, Dom::ROOT, NodeId::from_index(dom.nodes.len()), NumericOrder::MonthFirst);
        assert_eq!(found.published.map(|(d, _)| d.to_iso()).as_deref(), Some("2024-09-11T16:36:25Z"));
    }

    #[test]
    fn finds_datelines_and_url_dates() {
        let dom = crate::dom::parse("<h1>Title</h1><div class='meta'><span>By Jane</span><span>November 18, 2025</span></div><p>Body text.</p>");
        let found = from_dom(&dom, Dom::ROOT, NodeId::from_index(dom.nodes.len()), NumericOrder::MonthFirst);
        assert_eq!(found.published.map(|(d, _)| d.to_iso()).as_deref(), Some("2025-11-18"));
        assert_eq!(from_url("https://example.com/2024/03/07/some-story/").map(Date::to_iso).as_deref(), Some("2024-03-07"));
        assert_eq!(from_url("https://example.com/products/1234-56-78"), None);
    }
}
