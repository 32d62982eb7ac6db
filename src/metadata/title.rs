//! The headline: the page's visible `<h1>` when it is one, else a declared title (OpenGraph,
//! JSON-LD, `<title>`) with the site's name cut off.

use crate::dom::{Dom, NodeId, Tag};
use crate::text::collapse;

use super::Source;

/// How many `<h1>` elements are considered for the headline.
const MAX_H1_CANDIDATES: usize = 5;

/// Separators sites put between a headline and their name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ", " / ", "_", "｜"];

/// The texts of the page's first few visible `<h1>` elements.
pub(super) fn h1_texts(dom: &Dom) -> Vec<String> {
    (0..dom.nodes.len() as NodeId)
        .filter(|&id| dom.tag(id) == Tag::H1 && !in_hidden_or_template(dom, id))
        .map(|id| collapse(&dom.raw_text(id)))
        .filter(|t| !t.is_empty())
        .take(MAX_H1_CANDIDATES)
        .collect()
}

/// The visible `<h1>` whose text is `title`.
pub(super) fn node_of(dom: &Dom, title: &str) -> Option<NodeId> {
    (0..dom.nodes.len() as NodeId).find(|&id| dom.tag(id) == Tag::H1 && !in_hidden_or_template(dom, id) && collapse(&dom.raw_text(id)) == title)
}

/// True when `id` sits in a `<template>`, a `<noscript>` or an element hidden by an
/// attribute: such headings are not what the reader sees.
fn in_hidden_or_template(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).filter_map(|a| dom.element(a)).any(|e| {
        matches!(e.tag, Tag::Template | Tag::Noscript) || e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
    })
}

/// Picks the headline and where it came from.
///
/// 1. An `<h1>` confirmed by a declared title: the whole title, its start, or one of its
///    segments other than the last (`Headline | Site`: the last segment is the site, often also
///    an `<h1>` in the header).
/// 2. The page's only `<h1>`, unless it is the site's name: the visible headline, which sites
///    often word differently from the title they declare for search engines and sharing.
/// 3. The declared title with the site's name cut off.
/// 4. The first `<h1>`.
pub(super) fn choose(h1s: &[String], declared: Option<(String, Source)>, html_title: Option<String>, site: Option<&str>) -> Option<(String, Source)> {
    let titles: Vec<&String> = [declared.as_ref().map(|(t, _)| t), html_title.as_ref()].into_iter().flatten().collect();
    let confirmed = h1s.iter().find(|h1| {
        let key = normalize(h1);
        !key.is_empty()
            && titles.iter().any(|t| {
                let segments = segments(t);
                let whole = normalize(t);
                whole == key
                    || (whole.starts_with(&key) && key.chars().count() * 2 >= whole.chars().count())
                    || segments[..segments.len().saturating_sub(1)].iter().any(|s| normalize(s) == key)
            })
    });
    if let Some(h1) = confirmed {
        return Some((h1.clone(), Source::Dom));
    }
    if let [only] = h1s {
        let is_site = site.is_some_and(|s| normalize(s) == normalize(only));
        if !is_site {
            return Some((only.clone(), Source::Dom));
        }
    }
    declared
        .map(|(t, source)| (strip_site_name(&t, site), source))
        .or_else(|| html_title.map(|t| (strip_site_name(&t, site), Source::Meta)))
        .or_else(|| h1s.first().map(|h| (h.clone(), Source::Dom)))
}

/// A title split at the separators sites put between headline, section and site name.
fn segments(title: &str) -> Vec<&str> {
    let mut segments = vec![title];
    for sep in TITLE_SEPARATORS {
        segments = segments.iter().flat_map(|s| s.split(sep)).collect();
    }
    segments.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// Lowercased with whitespace collapsed, for comparing titles.
fn normalize(title: &str) -> String {
    crate::cleanup::normalize(title)
}

/// Removes a " | Site name" part from a title: the segment equal to the site name, or else
/// the shorter trailing segments, keeping the longest.
pub(super) fn strip_site_name(title: &str, site: Option<&str>) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
            if tail_is_site || (tail.chars().count() * 2 < head.chars().count() && head.chars().count() >= 10) {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(h1s: &[&str], html_title: &str) -> Option<String> {
        let h1s: Vec<String> = h1s.iter().map(|s| (*s).to_string()).collect();
        choose(&h1s, None, Some(html_title.to_string()), None).map(|(t, _)| t)
    }

    #[test]
    fn prefers_a_confirmed_h1_and_strips_site_names() {
        assert_eq!(title(&["Rain expected today"], "Rain expected today | Daily").as_deref(), Some("Rain expected today"));
        assert_eq!(title(&["Harbor Guide", "Retrying requests"], "Retrying requests - Harbor Guide").as_deref(), Some("Retrying requests"));
        assert_eq!(strip_site_name("A long headline here - Daily News", Some("Daily News")), "A long headline here");
        assert_eq!(strip_site_name("Short - Title", None), "Short - Title");
    }

    #[test]
    fn the_only_h1_is_the_headline_unless_it_is_the_site() {
        assert_eq!(title(&["Recent Trends in Photography"], "8 Recent Trends in Photography - Flatworld").as_deref(), Some("Recent Trends in Photography"));
        let h1s = vec!["Daily News".to_string()];
        let got = choose(&h1s, None, Some("Rain expected today | Daily News".into()), Some("Daily News"));
        assert_eq!(got.map(|(t, _)| t).as_deref(), Some("Rain expected today"));
    }
}
