//! Stage "metadata": the page's title, authors, dates, site name, description, language,
//! canonical URL and image, from JSON-LD, OpenGraph/`<meta>` tags and the DOM.

mod jsonld;

use crate::article::Article;
use crate::blocks::Block;
use crate::decode::EncodingInfo;
use crate::dom::{Dom, NodeId, Tag};
use crate::text::collapse;
use crate::Hints;

/// Metadata found in a page, before it is joined with the content into an [`Article`].
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The page's URL (from the hints).
    pub url: Option<String>,
    /// Credited authors.
    pub authors: Vec<String>,
    /// First publication date, ISO 8601.
    pub date_published: Option<String>,
    /// Last modification date, ISO 8601.
    pub date_modified: Option<String>,
    /// Publishing site's name.
    pub site_name: Option<String>,
    /// The page's summary.
    pub description: Option<String>,
    /// Declared language.
    pub language: Option<String>,
    /// Declared canonical URL.
    pub canonical_url: Option<String>,
    /// Main image URL.
    pub image: Option<String>,
    /// The article text the page states in its JSON-LD (`articleBody`), used as evidence of
    /// where the content is.
    pub article_body: Option<String>,
    /// The `@type`s the page's JSON-LD declares (`NewsArticle`, `Product`, …).
    pub declared_types: Vec<String>,
}

impl Metadata {
    /// Joins the metadata with the extracted content.
    #[must_use]
    pub fn into_article(self, text: String, blocks: Vec<Block>, encoding: Option<EncodingInfo>, input_format: &'static str) -> Article {
        Article {
            text,
            title: self.title,
            url: self.url,
            encoding,
            authors: self.authors,
            date_published: self.date_published,
            date_modified: self.date_modified,
            site_name: self.site_name,
            description: self.description,
            language: self.language,
            canonical_url: self.canonical_url,
            image: self.image,
            input_format,
            blocks,
        }
    }
}

/// The `<meta>` tags of a page as `(key, content)`, keys lowercased (`property` or `name`).
fn meta_tags(dom: &Dom) -> Vec<(String, String)> {
    let mut tags = Vec::new();
    for id in 0..dom.nodes.len() as NodeId {
        let Some(element) = dom.element(id) else { continue };
        if element.tag != Tag::Meta {
            continue;
        }
        let key = element.attr("property").or_else(|| element.attr("name")).or_else(|| element.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, element.attr("content")) {
            let content = collapse(content);
            if !content.is_empty() {
                tags.push((key.trim().to_ascii_lowercase(), content));
            }
        }
    }
    tags
}

/// Extracts what metadata the page states.
#[must_use]
pub fn extract(dom: &Dom, hints: &Hints) -> Metadata {
    let metas = meta_tags(dom);
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
    let ld = jsonld::extract(dom);
    let html_title = dom.find_tag(Tag::Title).map(|id| collapse(&dom.raw_text(id))).filter(|t| !t.is_empty());
    let h1s = h1_texts(dom);
    let og_title = meta(&["og:title", "twitter:title"]);
    let site_name = meta(&["og:site_name", "application-name"]).or(ld.site_name.clone());
    let title = choose_title(&h1s, og_title.or(ld.headline.clone()), html_title, site_name.as_deref());
    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        authors.extend(meta(&["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"]).filter(|a| !a.starts_with("http")));
    }
    Metadata {
        title,
        url: hints.url.clone(),
        authors,
        date_published: ld.date_published.clone().or_else(|| meta(&["article:published_time", "datepublished", "dc.date", "dc.date.issued", "date", "pubdate", "publish-date", "og:published_time"])),
        date_modified: ld.date_modified.clone().or_else(|| meta(&["article:modified_time", "datemodified", "og:updated_time", "last-modified"])),
        site_name,
        description: meta(&["og:description", "description", "twitter:description"]),
        language: html_lang(dom).or_else(|| meta(&["og:locale", "language", "content-language"])),
        canonical_url: canonical(dom).or_else(|| meta(&["og:url"])),
        image: meta(&["og:image", "og:image:url", "twitter:image"]),
        article_body: ld.article_body,
        declared_types: ld.types,
    }
}

/// The texts of the page's first few `<h1>` elements.
fn h1_texts(dom: &Dom) -> Vec<String> {
    (0..dom.nodes.len() as NodeId)
        .filter(|&id| dom.tag(id) == Tag::H1)
        .map(|id| collapse(&dom.raw_text(id)))
        .filter(|t| !t.is_empty())
        .take(MAX_H1_CANDIDATES)
        .collect()
}

/// How many `<h1>` elements are considered for the headline.
const MAX_H1_CANDIDATES: usize = 5;

/// Separators sites put between a headline and their name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / ", "_", "｜"];

/// Picks the headline: an `<h1>` that a declared title (OpenGraph, JSON-LD, `<title>`)
/// confirms, else the declared title with the site name cut off, else the first `<h1>`.
///
/// An `<h1>` is confirmed when it is the whole declared title or one of its segments other than
/// the last (`Headline | Site`: the last segment is the site, often also an `<h1>` in the header).
fn choose_title(h1s: &[String], declared: Option<String>, html_title: Option<String>, site: Option<&str>) -> Option<String> {
    let titles: Vec<&String> = [declared.as_ref(), html_title.as_ref()].into_iter().flatten().collect();
    let confirmed = h1s.iter().find(|h1| {
        let key = normalize_title(h1);
        !key.is_empty()
            && titles.iter().any(|t| {
                let segments = title_segments(t);
                let whole = normalize_title(t);
                whole == key
                    || (whole.starts_with(&key) && key.chars().count() * 2 >= whole.chars().count())
                    || segments[..segments.len().saturating_sub(1)].iter().any(|s| normalize_title(s) == key)
            })
    });
    if let Some(h1) = confirmed {
        return Some(h1.clone());
    }
    declared.or(html_title).map(|t| strip_site_name(&t, site)).or_else(|| h1s.first().cloned())
}

/// A title split at the separators sites put between headline, section and site name.
fn title_segments(title: &str) -> Vec<&str> {
    let mut segments = vec![title];
    for sep in TITLE_SEPARATORS {
        segments = segments.iter().flat_map(|s| s.split(sep)).collect();
    }
    segments.into_iter().map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// Lowercased with whitespace collapsed, for comparing titles.
fn normalize_title(title: &str) -> String {
    crate::cleanup::normalize(title)
}

/// Removes a " | Site name" part from a title: the segment equal to the site name, or else
/// the shorter trailing segments, keeping the longest.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
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

/// The `lang` attribute of `<html>`.
fn html_lang(dom: &Dom) -> Option<String> {
    let html = dom.find_tag(Tag::Html)?;
    let lang = dom.element(html)?.attr("lang")?.trim();
    (!lang.is_empty()).then(|| lang.to_string())
}

/// The `href` of `<link rel="canonical">`.
fn canonical(dom: &Dom) -> Option<String> {
    (0..dom.nodes.len() as NodeId).filter_map(|id| dom.element(id)).find_map(|e| {
        (e.tag == Tag::Link && e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")))
            .then(|| e.attr("href").map(str::trim).filter(|h| !h.is_empty()).map(str::to_string))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_prefers_confirmed_h1_and_strips_site_names() {
        assert_eq!(
            choose_title(&["Rain expected today".into()], None, Some("Rain expected today | Daily".into()), None).as_deref(),
            Some("Rain expected today")
        );
        let h1s = ["Harbor Guide".to_string(), "Retrying requests".to_string()];
        assert_eq!(choose_title(&h1s, None, Some("Retrying requests - Harbor Guide".into()), None).as_deref(), Some("Retrying requests"));
        assert_eq!(strip_site_name("A long headline here - Daily News", Some("Daily News")), "A long headline here");
        assert_eq!(strip_site_name("Short - Title", None), "Short - Title");
    }
}
