//! The headline: the page's visible `<h1>` when it is one, else a declared title (OpenGraph,
//! JSON-LD, `<title>`) with the site's name cut off.

use crate::dom::{Dom, NodeData, NodeId, Tag};
use crate::lexicon::metadata::{BARS, SECOND_LEVEL_LABELS, TITLE_SEPARATORS, WEAK_SEPARATORS};
use crate::text::collapse;

use super::Source;

/// How many `<h1>` elements are considered for the headline.
const MAX_H1_CANDIDATES: usize = 5;

/// A visible `<h1>`: its text, and whether a link holds it or sits inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Heading {
    /// The heading's text, collapsed.
    pub text: String,
    /// True when the heading is or holds a link (a logo, a teaser, a thread title with its
    /// source and score).
    pub linked: bool,
}

impl Heading {
    /// A heading with this text and no link.
    #[cfg(test)]
    fn plain(text: &str) -> Self {
        Self { text: text.to_string(), linked: false }
    }
}

/// The distinct texts of the page's first few visible `<h1>` elements.
pub(super) fn h1_texts(dom: &Dom) -> Vec<Heading> {
    dom.ids()
        .filter(|&id| dom.tag(id) == Tag::H1 && !in_hidden_or_template(dom, id))
        .map(|id| Heading { text: heading_text(dom, id), linked: in_or_holds_link(dom, id) })
        .filter(|h| !h.text.is_empty())
        .fold(Vec::new(), |mut headings: Vec<Heading>, h| {
            // Responsive templates repeat the headline (one copy per screen size): one
            // headline, not several.
            if !headings.iter().any(|seen| seen.text == h.text) {
                headings.push(h);
            }
            headings
        })
        .into_iter()
        .take(MAX_H1_CANDIDATES)
        .collect()
}

/// True when `id` sits in a link or holds one.
fn in_or_holds_link(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).any(|a| dom.tag(a) == Tag::A) || dom.descendants(id).any(|d| dom.tag(d) == Tag::A)
}

/// The visible `<h1>` whose text is `title`.
pub(super) fn node_of(dom: &Dom, title: &str) -> Option<NodeId> {
    dom.ids().find(|&id| dom.tag(id) == Tag::H1 && !in_hidden_or_template(dom, id) && heading_text(dom, id) == title)
}

/// The soft hyphen (`&shy;`).
const SOFT_HYPHEN: char = '\u{ad}';

/// A heading's text, collapsed, with a space for each line break and block inside it
/// (`News Product<br>Management` reads as two words, not `ProductManagement`).
fn heading_text(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    for node in dom.subtree(id) {
        match &dom.node(node).data {
            // A soft hyphen only marks where a long word may break: it is not part of the
            // headline the reader sees.
            NodeData::Text(text) => out.extend(text.chars().filter(|&c| c != SOFT_HYPHEN)),
            NodeData::Element(e) if e.tag == Tag::Br || e.tag.is_block() => out.push(' '),
            _ => {}
        }
    }
    collapse(&out)
}

/// True when `id` sits in a `<template>`, a `<noscript>` or an element hidden by an
/// attribute: such headings are not what the reader sees.
fn in_hidden_or_template(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id)
        .filter_map(|a| dom.element(a))
        .any(|e| matches!(e.tag, Tag::Template | Tag::Noscript) || e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true"))
}

/// Picks the headline and where it came from.
///
/// 1. An `<h1>` confirmed by a declared title: the whole title, its start, or one of its
///    segments other than the last (`Headline | Site`: the last segment is the site, often also
///    an `<h1>` in the header).
/// 2. The page's only `<h1>`, unless it is the site's name (declared, or ending the title), a
///    sentence or a link: the visible headline, which sites often word differently from the
///    title they declare for search engines and sharing.
/// 3. The declared title with the site's name cut off.
/// 4. The first `<h1>`.
pub(super) fn choose(
    h1s: &[Heading],
    declared: Option<(String, Source)>,
    html_title: Option<String>,
    others: &[String],
    site: &Site<'_>,
) -> Option<(String, Source)> {
    let titles: Vec<&String> = [declared.as_ref().map(|(t, _)| t), html_title.as_ref()].into_iter().flatten().collect();
    let declared_titles: Vec<&String> = titles.iter().copied().chain(others).collect();
    // The strongest confirmation wins; among equals, the first `<h1>`.
    let confirmed = h1s.iter().filter_map(|h1| confirmation(&h1.text, &declared_titles).map(|c| (c, h1))).min_by_key(|(c, _)| *c);
    if let Some((_, h1)) = confirmed {
        return Some((h1.text.clone(), Source::Dom));
    }
    if let [only] = h1s
        && is_unconfirmed_headline(only, &titles, site)
    {
        return Some((only.text.clone(), Source::Dom));
    }
    declared
        .map(|(t, source)| (strip_site_name(&t, site), source))
        .or_else(|| html_title.map(|t| (strip_site_name(&t, site), Source::Meta)))
        .or_else(|| h1s.first().map(|h| (h.text.clone(), Source::Dom)))
}

/// How a declared title confirms an `<h1>`, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Confirmation {
    /// The whole title, or its first segment (`Headline | Site`).
    Headline,
    /// The start of the title, at least half of it.
    Start,
    /// A later segment other than the last (`Section | Headline | Site`).
    Segment,
}

/// How the strongest of `titles` confirms `heading`, if one does. A headline repeated in the
/// title's first segment beats one found further in: a forum's `<h1>` may add the board's name
/// (`Tips for visitors - Japan Forum`) that another `<h1>` and the title's headline lack.
fn confirmation(heading: &str, titles: &[&String]) -> Option<Confirmation> {
    let key = normalize(heading);
    if key.is_empty() {
        return None;
    }
    titles
        .iter()
        .filter_map(|t| {
            let segments = segments(t);
            let whole = normalize(t);
            if whole == key || segments.first().is_some_and(|s| normalize(s) == key) {
                Some(Confirmation::Headline)
            } else if whole.starts_with(&key) && key.chars().count() * 2 >= whole.chars().count() {
                Some(Confirmation::Start)
            } else if segments[..segments.len().saturating_sub(1)].iter().any(|s| normalize(s) == key) {
                Some(Confirmation::Segment)
            } else {
                None
            }
        })
        .min()
}

/// True when the page's only `<h1>`, which no declared title confirms, still reads as its
/// headline rather than the site's name, a section name, a slogan or a link.
fn is_unconfirmed_headline(only: &Heading, titles: &[&String], site: &Site<'_>) -> bool {
    let text = &only.text;
    // An `<h1>` with (almost) no word from the declared titles is a section, blog or site
    // name ("Our Blog", "Latest News") or a landing page's slogan ("Bring your strategy to
    // life"); a reworded headline keeps a good part of its words. Not when the titles open
    // with the site's name: `Brand - tagline` is a home page's title, and its `<h1>` is the
    // better headline.
    let unrelated = !titles.is_empty()
        && titles.iter().all(|t| share_of_words_in(text, t) < MIN_SHARED_WORDS && !split_at(t, &strong_separators()).first().is_some_and(|s| site.is(s)));
    // A linked `<h1>` is a logo, a teaser or a thread title decorated with its source, score or
    // date: the declared title names the page more exactly.
    let linked = only.linked && !titles.is_empty();
    !site.is(text) && !unrelated && !linked && !ends_a_title(text, titles, site) && !is_sentence(text)
}

/// True when `heading` is the last segment of a declared title that does not open with the
/// site's name: in `Headline | Site` the last segment names the site (or the book, the
/// forum), and an `<h1>` repeating it is the header's name, not the page's headline.
fn ends_a_title(heading: &str, titles: &[&String], site: &Site<'_>) -> bool {
    let key = normalize(heading);
    titles.iter().any(|t| {
        let segments = segments(t);
        let opens_with_site = split_at(t, &strong_separators()).first().is_some_and(|s| site.is(s));
        segments.len() > 1 && segments.last().is_some_and(|last| normalize(last) == key) && !opens_with_site
    })
}

/// The headline in an `<h1>` that holds a bar (`Best Movers in NYC 2025 | Top 19 Companies`):
/// its first part that is not the site's name.
pub(super) fn cut_at_bar(heading: &str, site: &Site<'_>) -> String {
    let parts = split_at(heading, BARS);
    parts.iter().find(|p| !site.is(p)).or(parts.first()).map_or_else(|| heading.to_string(), |p| (*p).to_string())
}

/// True for a heading written as a sentence, ending in a full stop ("You deserve to be
/// happy.", "One workspace. Zero busywork."): a landing page's slogan or a teaser, as
/// headlines do not end with a full stop. An ellipsis is not a full stop.
fn is_sentence(heading: &str) -> bool {
    let heading = heading.trim_end();
    heading.ends_with('.') && !heading.ends_with("..")
}

/// What names the site: its declared name and the main label of its host name.
#[derive(Debug, Default)]
pub(super) struct Site<'a> {
    /// The declared site name (`og:site_name`, JSON-LD).
    pub name: Option<&'a str>,
    /// The registrable label of the page's host (`example` for `www.example.co.uk`).
    pub host_label: Option<String>,
}

impl<'a> Site<'a> {
    /// The site of a page with this declared name and URL.
    pub(super) fn new(name: Option<&'a str>, url: Option<&str>) -> Self {
        let host = url.and_then(|u| url::Url::parse(u).ok()).and_then(|u| u.host_str().map(str::to_ascii_lowercase));
        let host_label = host.and_then(|h| {
            let mut labels: Vec<&str> = h.split('.').collect();
            labels.pop();
            if labels.len() >= 2 && labels.last().is_some_and(|l| SECOND_LEVEL_LABELS.contains(l)) {
                labels.pop();
            }
            labels.last().filter(|l| !l.is_empty() && **l != "www").map(|l| (*l).to_string())
        });
        Self { name, host_label }
    }

    /// True when `text` is the site's name: the declared one, or the host's label written
    /// with spaces or capitals (`Hacker News` for `hackernews.com`).
    pub(super) fn is(&self, text: &str) -> bool {
        let key = normalize(text);
        !key.is_empty() && (self.name.is_some_and(|n| normalize(n) == key) || self.host_label.as_deref().is_some_and(|h| key.replace(' ', "") == h))
    }
}

/// The separators that cut a title: [`TITLE_SEPARATORS`] less the [`WEAK_SEPARATORS`].
fn strong_separators() -> Vec<&'static str> {
    TITLE_SEPARATORS.iter().copied().filter(|s| !WEAK_SEPARATORS.contains(s)).collect()
}

/// A title split at the separators sites put between headline, section and site name.
fn segments(title: &str) -> Vec<&str> {
    split_at(title, TITLE_SEPARATORS)
}

/// A title split at `separators`, segments trimmed, empty ones dropped.
fn split_at<'a>(title: &'a str, separators: &[&str]) -> Vec<&'a str> {
    let mut segments = vec![title];
    for sep in separators {
        segments = segments.iter().flat_map(|s| s.split(sep)).collect();
    }
    segments.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// Lowercased with whitespace collapsed, for comparing titles.
fn normalize(title: &str) -> String {
    crate::cleanup::normalize(title)
}

/// The share of the words of a page's only `<h1>` that a declared title must contain for the
/// `<h1>` to read as the same headline reworded rather than a slogan or a section name: a
/// word or two in common (`in`, the brand) is chance.
const MIN_SHARED_WORDS: f64 = 0.25;

/// The share of the words of `a` that occur in `b` (after [`normalize`]); 0 when `a` has none.
fn share_of_words_in(a: &str, b: &str) -> f64 {
    let b = normalize(b);
    let in_b: Vec<&str> = b.split(' ').collect();
    let a = normalize(a);
    let words: Vec<&str> = a.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return 0.0;
    }
    words.iter().filter(|w| in_b.contains(w)).count() as f64 / words.len() as f64
}

/// The headline in a declared title: its first segment (`Headline | Section | Site`), the
/// order nearly all sites use; the segment after it when the first is the site's name
/// (`Site | Headline`).
pub(super) fn strip_site_name(title: &str, site: &Site<'_>) -> String {
    let segments = split_at(title, &strong_separators());
    let headline = segments.iter().find(|s| !site.is(s)).or(segments.first());
    headline.map_or_else(|| title.trim().to_string(), |h| (*h).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(h1s: &[&str], html_title: &str) -> Option<String> {
        let h1s: Vec<Heading> = h1s.iter().map(|s| Heading::plain(s)).collect();
        choose(&h1s, None, Some(html_title.to_string()), &[], &Site::default()).map(|(t, _)| t)
    }

    #[test]
    fn prefers_a_confirmed_h1_and_strips_site_names() {
        assert_eq!(title(&["Rain expected today"], "Rain expected today | Daily").as_deref(), Some("Rain expected today"));
        assert_eq!(title(&["Harbor Guide", "Retrying requests"], "Retrying requests - Harbor Guide").as_deref(), Some("Retrying requests"));
        let daily = Site::new(Some("Daily News"), None);
        let none = Site::default();
        assert_eq!(strip_site_name("A long headline here - Daily News", &daily), "A long headline here");
        assert_eq!(strip_site_name("Short - Title", &none), "Short");
        assert_eq!(strip_site_name("Daily News | A long headline here", &daily), "A long headline here");
        assert_eq!(strip_site_name("rustc_codegen_gcc: Progress Report", &none), "rustc_codegen_gcc: Progress Report");
        let by_host = Site::new(None, Some("https://www.dailynews.example/a/b"));
        assert_eq!(by_host.host_label.as_deref(), Some("dailynews"));
        assert_eq!(strip_site_name("Daily News - Rain expected today", &by_host), "Rain expected today");
    }

    #[test]
    fn the_only_h1_is_the_headline_unless_it_is_the_site() {
        assert_eq!(title(&["Recent Trends in Photography"], "8 Recent Trends in Photography - Flatworld").as_deref(), Some("Recent Trends in Photography"));
        let h1s = vec![Heading::plain("Daily News")];
        let got = choose(&h1s, None, Some("Rain expected today | Daily News".into()), &[], &Site::new(Some("Daily News"), None));
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Rain expected today"));
    }

    #[test]
    fn any_declared_title_confirms_an_h1() {
        let h1s = vec![Heading::plain("The Blog"), Heading::plain("Catering 101: Tips for Your Event")];
        let others = vec!["Catering 101: Tips for Your Event".to_string()];
        let got = choose(&h1s, Some(("Catering Tips | Giordano".into(), Source::OpenGraph)), None, &others, &Site::default());
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Catering 101: Tips for Your Event"));
    }

    #[test]
    fn an_h1_written_as_a_sentence_is_a_slogan() {
        assert_eq!(
            title(&["You deserve to be happy."], "Professional Therapy With A Licensed Therapist | Calmly").as_deref(),
            Some("Professional Therapy With A Licensed Therapist")
        );
        assert_eq!(title(&["Rain expected today..."], "Rain expected in the north | Daily").as_deref(), Some("Rain expected today..."));
    }

    #[test]
    fn a_bar_in_an_h1_ends_the_headline() {
        let site = Site::new(Some("Supermove"), None);
        assert_eq!(cut_at_bar("Best Movers in NYC 2025 | Top 19 Companies", &site), "Best Movers in NYC 2025");
        assert_eq!(cut_at_bar("Supermove | Best Movers in NYC 2025", &site), "Best Movers in NYC 2025");
        assert_eq!(cut_at_bar("Movers / Moving Companies - 2025", &site), "Movers / Moving Companies - 2025");
    }

    #[test]
    fn line_breaks_in_a_heading_separate_words() {
        let dom = crate::dom::parse("<h1>News Product<br>Management <span>Course</span></h1>");
        assert_eq!(h1_texts(&dom), vec![Heading::plain("News Product Management Course")]);
        let dom = crate::dom::parse("<h1>Home Repair Assis&shy;tance</h1><div><h1>Home Repair Assis&shy;tance</h1></div><h1>Apply</h1>");
        assert_eq!(h1_texts(&dom), vec![Heading::plain("Home Repair Assistance"), Heading::plain("Apply")], "soft hyphens dropped, repeats merged");
    }

    #[test]
    fn an_h1_unrelated_to_the_title_is_a_section_name() {
        assert_eq!(title(&["Our Blog"], "Rain expected today | Jane Roe").as_deref(), Some("Rain expected today"));
        let h1s = vec![Heading::plain("Enameled cast iron pan")];
        let got = choose(&h1s, None, Some("Bigboard - The heart of the internet".into()), &[], &Site::new(None, Some("https://www.bigboard.example/r/x")));
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Enameled cast iron pan"));
    }

    #[test]
    fn a_linked_h1_gives_way_to_the_declared_title() {
        let dom = crate::dom::parse("<h1><a href='/item?id=1'>Grads find degrees no longer guarantee jobs</a> (news.example) 87</h1>");
        let h1s = h1_texts(&dom);
        assert!(h1s[0].linked);
        let got = choose(&h1s, None, Some("Grads Find Degrees No Longer Guarantee Jobs | Board".into()), &[], &Site::default());
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Grads Find Degrees No Longer Guarantee Jobs"));
        let dom = crate::dom::parse("<a href='/'><h1>Carry-On</h1></a>");
        let got = choose(&h1_texts(&dom), None, Some("Quality Carry-On Luggage & Suitcases | Shop".into()), &[], &Site::default());
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Quality Carry-On Luggage & Suitcases"));
        let got = choose(&h1_texts(&dom), None, None, &[], &Site::default());
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Carry-On"), "with no declared title, the linked h1 still names the page");
    }

    #[test]
    fn an_h1_ending_the_title_names_the_site() {
        assert_eq!(title(&["The Rust Programming Language"], "What is Ownership? - The Rust Programming Language").as_deref(), Some("What is Ownership?"));
        let got = choose(
            &[Heading::plain("Group chat that's all fun")],
            None,
            Some("Discord | Group chat that's all fun".into()),
            &[],
            &Site::new(None, Some("https://discord.example/")),
        );
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Group chat that's all fun"), "a title opening with the site ends with the headline");
    }

    #[test]
    fn an_h1_with_few_words_of_the_title_is_a_slogan() {
        assert_eq!(
            title(&["Make anything possible, all in Figma"], "Figma: The Collaborative Interface Design Tool").as_deref(),
            Some("Figma: The Collaborative Interface Design Tool")
        );
        assert_eq!(
            title(&["Guide to College Application Essays"], "College Application Essay Tips | Blog").as_deref(),
            Some("Guide to College Application Essays"),
            "a reworded headline keeps its place"
        );
    }

    #[test]
    fn the_h1_repeating_the_titles_headline_beats_a_longer_one() {
        let got = title(&["Tips from a first visit - Japan Forum", "Tips from a first visit"], "Tips from a first visit - Japan Forum - Travelboard");
        assert_eq!(got.as_deref(), Some("Tips from a first visit"));
        let got = title(&["Best Mobile App Awards", "Mobile App Reviews"], "Mobile App Reviews | Best Mobile App Awards | Expert Insights");
        assert_eq!(got.as_deref(), Some("Mobile App Reviews"));
    }
}
