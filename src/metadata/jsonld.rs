//! JSON-LD (`<script type="application/ld+json">`): headline, authors, dates, publisher and
//! `articleBody`, looked up in plain objects, arrays and `@graph`s.

use std::collections::HashMap;

use serde_json::Value;

use crate::dom::{Dom, Tag};

/// What the page's JSON-LD says about its main item.
#[derive(Debug, Clone, Default)]
pub struct JsonLd {
    /// `headline` or `name` of the main item.
    pub headline: Option<String>,
    /// `author` names of people (and of authors of no stated type).
    pub authors: Vec<String>,
    /// `author` names of organisations (`@type` `Organization`, `NewsMediaOrganization`…):
    /// a fallback when no person is credited anywhere on the page.
    pub author_organizations: Vec<String>,
    /// `datePublished` (or `dateCreated`) of an item that is more than a page.
    pub date_published: Option<String>,
    /// `dateModified` of an item that is more than a page.
    pub date_modified: Option<String>,
    /// `publisher.name`.
    pub site_name: Option<String>,
    /// `articleBody`, the article's text as the publisher states it.
    pub article_body: Option<String>,
    /// `description` of the main item.
    pub description: Option<String>,
    /// `image` of the main item (a URL, an `ImageObject`'s `url`, or the first of a list).
    pub image: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
    /// `keywords` (a list or a comma-separated string) and `articleSection`.
    pub keywords: Vec<String>,
    /// Every `@type` the page's items declare (`NewsArticle`, `Product`, …).
    pub types: Vec<String>,
    /// A declared `Product` (or `ProductGroup`) states offers or catalogue numbers: it is for
    /// sale, not only rated.
    pub product_offered: bool,
}

/// Keys of a `Product` for sale: its offers, variants and catalogue numbers (a product
/// declared only to carry review stars has none).
const CATALOGUE_KEYS: &[&str] = &["offers", "hasVariant", "sku", "mpn", "gtin", "gtin8", "gtin12", "gtin13", "gtin14", "productID"];

/// Types whose object describes the page's main content item.
const CONTENT_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "WebPage",
    "Recipe",
    "Product",
    "QAPage",
    "Question",
    "HowTo",
    "Review",
    "Event",
    "VideoObject",
];

/// The parsed JSON-LD scripts of the page.
fn scripts(dom: &Dom) -> Vec<Value> {
    dom.ids()
        .filter(|&id| {
            dom.element(id).is_some_and(|e| e.tag == Tag::Script && e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")))
        })
        .filter_map(|id| serde_json::from_str::<Value>(dom.raw_text(id).trim().trim_end_matches(';')).ok())
        .collect()
}

/// Reads every JSON-LD script of the page and merges what the content items say.
#[must_use]
pub fn extract(dom: &Dom) -> JsonLd {
    let mut out = JsonLd::default();
    let scripts = scripts(dom);
    let flattened: Vec<Vec<&Value>> = scripts
        .iter()
        .map(|value| {
            let mut items = Vec::new();
            flatten(value, &mut items, 0);
            items
        })
        .collect();
    // Nodes named by `@id` anywhere on the page: SEO plugins credit the author as a
    // reference (`"author": {"@id": "…#/schema/person/1"}`) to a `Person` elsewhere in the
    // `@graph`, or in another script.
    let by_id: HashMap<&str, &Value> =
        flattened.iter().flatten().filter(|item| item.get("name").is_some()).filter_map(|item| Some((item.get("@id")?.as_str()?, *item))).collect();
    for mut items in flattened.iter().cloned() {
        out.types.extend(items.iter().flat_map(|item| types(item)).map(str::to_string));
        out.product_offered |= items
            .iter()
            .any(|item| types(item).iter().any(|t| matches!(*t, "Product" | "ProductGroup")) && CATALOGUE_KEYS.iter().any(|k| item.get(k).is_some()));
        // Article-like items first: their fields win over WebPage's.
        items.sort_by_key(|item| usize::from(!is_article(item)));
        for item in items {
            if !has_content_type(item) {
                continue;
            }
            merge(&mut out, item, &by_id);
        }
    }
    out
}

/// Collects the objects of a JSON-LD value: the value itself, array members, `@graph` and
/// `mainEntity` members.
fn flatten<'a>(value: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| flatten(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                flatten(graph, out, depth + 1);
            }
            // A page's `mainEntity` is what it is about: the `Question` of a `QAPage`, the
            // `DiscussionForumPosting` of a thread, with their author and dates.
            if let Some(main) = map.get("mainEntity") {
                flatten(main, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The `@type`s of an item.
fn types(item: &Value) -> Vec<&str> {
    match item.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn has_content_type(item: &Value) -> bool {
    types(item).iter().any(|t| CONTENT_TYPES.contains(t))
}

/// True for an item that describes only the page (`WebPage`, `AboutPage`, `CollectionPage`…).
fn is_page_only(item: &Value) -> bool {
    let types = types(item);
    !types.is_empty() && types.iter().all(|t| t.ends_with("Page") && *t != "QAPage")
}

fn is_article(item: &Value) -> bool {
    types(item).iter().any(|t| t.ends_with("Article") || t.ends_with("Posting") || *t == "Report")
}

fn merge(out: &mut JsonLd, item: &Value, by_id: &HashMap<&str, &Value>) {
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(super::declared_text).filter(|s| !s.is_empty());
    if out.headline.is_none() && !types(item).contains(&"WebPage") {
        out.headline = text("headline").or_else(|| text("name"));
    }
    // The dates of an item that is only a page (`WebPage`) are the CMS's record of the page:
    // SEO plugins write them on every page, product, service and contact pages alike. An
    // article's publication date comes with an article item (or `article:published_time`);
    // without one, the date is looked for where the reader sees it.
    if !is_page_only(item) {
        if out.date_published.is_none() {
            out.date_published = text("datePublished").or_else(|| text("dateCreated"));
        }
        if out.date_modified.is_none() {
            out.date_modified = text("dateModified");
        }
    }
    // An author that is no name once cleaned (an e-mail address, "By") does not stop the
    // search: a later item or script may credit the person.
    if out.authors.iter().chain(&out.author_organizations).all(|a| super::authors::clean_declared(a).is_empty()) {
        let authors = listed(item.get("author")).into_iter().map(|v| resolve(v, by_id));
        let (people, organizations): (Vec<&Value>, Vec<&Value>) = authors.partition(|v| !is_organization(v));
        out.authors = people.into_iter().flat_map(|v| names(Some(v))).collect();
        out.author_organizations = organizations.into_iter().flat_map(|v| names(Some(v))).collect();
    }
    if out.site_name.is_none() {
        out.site_name = item.get("publisher").and_then(|p| names(Some(p)).into_iter().next());
    }
    if out.article_body.is_none() {
        out.article_body = item.get("articleBody").and_then(Value::as_str).map(str::to_string).filter(|s| !s.trim().is_empty());
    }
    if out.description.is_none() {
        out.description = text("description");
    }
    if out.image.is_none() {
        out.image = image_url(item.get("image"));
    }
    if out.language.is_none() {
        out.language = text("inLanguage");
    }
    if out.keywords.is_empty() {
        out.keywords = keywords(item);
    }
}

/// The URL of an image value: a string, an `ImageObject` (`url` or `contentUrl`), or the
/// first of a list.
fn image_url(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(url) => Some(url.trim().to_string()).filter(|u| !u.is_empty()),
        Value::Object(map) => image_url(map.get("url")).or_else(|| image_url(map.get("contentUrl"))),
        Value::Array(items) => items.iter().find_map(|v| image_url(Some(v))),
        _ => None,
    }
}

/// `keywords` (an array, or one string of comma-separated words) followed by
/// `articleSection`, without duplicates.
fn keywords(item: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |word: &str| {
        let word = super::declared_text(word);
        if !word.is_empty() && !out.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
            out.push(word);
        }
    };
    for key in ["keywords", "articleSection"] {
        match item.get(key) {
            Some(Value::String(words)) => words.split(',').for_each(&mut push),
            Some(Value::Array(words)) => words.iter().filter_map(Value::as_str).for_each(&mut push),
            _ => {}
        }
    }
    out
}

/// The node a bare reference (`{"@id": "…"}` without a `name`) points to, else the value.
fn resolve<'a>(value: &'a Value, by_id: &HashMap<&str, &'a Value>) -> &'a Value {
    if value.get("name").is_some() {
        return value;
    }
    value.get("@id").and_then(Value::as_str).and_then(|id| by_id.get(id).copied()).unwrap_or(value)
}

/// The members of a value that may be a list.
fn listed(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(value) => vec![value],
        None => Vec::new(),
    }
}

/// True for an object whose `@type` is an organisation of some kind.
fn is_organization(value: &Value) -> bool {
    types(value).iter().any(|t| t.ends_with("Organization") || matches!(*t, "Corporation" | "NGO" | "EducationalOrganization" | "LocalBusiness"))
}

/// Names from a person/organisation value: a string, an object with `name`, or an array.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(name)) => vec![super::declared_text(name)].into_iter().filter(|n| !n.is_empty()).collect(),
        Some(Value::Object(map)) => names(map.get("name")),
        Some(Value::Array(items)) => items.iter().flat_map(|v| names(Some(v))).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_main_entity_of_a_page() {
        let html = r#"<script type="application/ld+json">{"@type": "QAPage", "mainEntity": {"@type": "Question", "name": "Which version?",
            "dateCreated": "2024-04-17T10:58:44Z", "author": {"@type": "Person", "name": "JonB"}}}</script>"#;
        let ld = extract(&crate::dom::parse(html));
        assert_eq!(ld.authors, ["JonB"]);
        assert_eq!(ld.date_published.as_deref(), Some("2024-04-17T10:58:44Z"));
    }

    #[test]
    fn entities_in_json_ld_strings_are_decoded() {
        let html = r#"<script type="application/ld+json">{"@type": "Article", "headline": "Q&amp;A: you&#039;re next",
            "author": {"@type": "Person", "name": "Maria &amp; Katerina"}, "keywords": ["Food &amp; Drink"]}</script>"#;
        let ld = extract(&crate::dom::parse(html));
        assert_eq!(ld.headline.as_deref(), Some("Q&A: you're next"));
        assert_eq!(ld.authors, ["Maria & Katerina"]);
        assert_eq!(ld.keywords, ["Food & Drink"]);
    }

    #[test]
    fn resolves_an_author_given_by_reference() {
        let html = r#"<script type="application/ld+json">{"@graph": [{"@type": "Article", "author": {"@id": "https://news.example/#/person/1"}},
            {"@type": "Person", "@id": "https://news.example/#/person/1", "name": "Jane Doe"}]}</script>"#;
        assert_eq!(extract(&crate::dom::parse(html)).authors, ["Jane Doe"]);
        // an author that is no name (an e-mail address) leaves the credit to a later script
        let html = r#"<script type="application/ld+json">{"@type": "Article", "author": {"@type": "Person", "name": "ops@example.com"}}</script>
            <script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe"}}</script>"#;
        assert_eq!(extract(&crate::dom::parse(html)).authors, ["Jane Doe"]);
    }

    #[test]
    fn dates_of_a_mere_web_page_are_not_publication_dates() {
        let page = r#"<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "name": "Services",
            "datePublished": "2019-04-15T21:00:02Z", "dateModified": "2025-10-30T19:57:00Z"}]}</script>"#;
        let ld = extract(&crate::dom::parse(page));
        assert_eq!((ld.date_published, ld.date_modified), (None, None));
        let article = r#"<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2019-04-15"}</script>
            <script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2025-12-01"}</script>"#;
        assert_eq!(extract(&crate::dom::parse(article)).date_published.as_deref(), Some("2025-12-01"));
    }
}
