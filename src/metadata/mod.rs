//! Stage "metadata": the page's title, authors, dates, site name, description, language,
//! canonical URL, image, tags and page type, each with the source it came from.
//!
//! It runs in two steps around content selection. [`extract`] reads what the page declares
//! (JSON-LD, OpenGraph and `<meta>` tags, `<title>` and the headline `<h1>`); [`Metadata::complete`]
//! then looks near the selected content for what declarations lack (bylines, `<time>`
//! elements, datelines, microdata, the URL path) and decides the page type and the language
//! from the content itself.

mod authors;
mod dates;
pub mod datetime;
mod jsonld;
mod language;
pub mod page_type;
mod title;

use std::collections::BTreeMap;

use crate::Hints;
use crate::blocks::Block;
use crate::dom::{Dom, NodeId, Tag};
use crate::page::{EncodingInfo, InputKind, PageMetadata, Warning};
use crate::text::collapse;

pub use crate::page::{Field, PageType, Source};
pub use datetime::NumericOrder;
use page_type::PageUrl;

/// Metadata found in a page as the stages read it: what it declares, then what its content
/// shows; [`Metadata::into_page`] makes the [`PageMetadata`] of the result.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// What the result will report: the fields found so far (title, authors, dates, site…,
    /// each with its source). The page type is set by [`Metadata::finish`]; the encoding, the
    /// input format and the warnings by [`Metadata::into_page`].
    pub page: PageMetadata,
    /// The article text the page states in its JSON-LD (`articleBody`), used as evidence of
    /// where the content is.
    pub article_body: Option<String>,
    /// The `@type`s the page's JSON-LD declares (`NewsArticle`, `Product`, …).
    pub declared_types: Vec<String>,
    /// The schema.org types the page's microdata declares (`itemtype`), by their last path
    /// segment (`DiscussionForumPosting`, `Product`, …).
    microdata_types: Vec<String>,
    /// A product the page's JSON-LD declares states its offers.
    product_offered: bool,
    /// How many story teasers the page shows: its `<time>` elements or its headings linking
    /// to another page, whichever are more. Counted on home pages only (0 elsewhere).
    teasers: usize,
    /// The `og:type` value.
    og_type: Option<String>,
    /// The URL the page is typed by: its own, else its canonical URL.
    type_url: Option<PageUrl>,
    /// The page's own URL (from the hints), parsed.
    own_url: Option<PageUrl>,
    /// The `<h1>` node the title was read from, when it was.
    headline_node: Option<NodeId>,
    /// Organisations JSON-LD credits as authors, reported when no person is found.
    author_organizations: Vec<String>,
}

/// A value a page declares about itself (a `<meta>` content, a JSON-LD string, the `<title>`)
/// as text: entities decoded — JSON-LD is script text, where the parser decodes none, and
/// templates that escape twice leave `Food &amp;amp; Drink` in markup — and whitespace
/// collapsed. No page means a literal `&amp;` in its title or author.
pub(crate) fn declared_text(value: &str) -> String {
    collapse(&html_escape::decode_html_entities(value))
}

/// The `<meta>` tags of a page as `(key, content)`, keys lowercased (`property`, `name` or
/// `itemprop`).
fn meta_tags(dom: &Dom) -> Vec<(String, String)> {
    let mut tags = Vec::new();
    for id in dom.ids() {
        let Some(element) = dom.element(id) else { continue };
        if element.tag != Tag::Meta {
            continue;
        }
        let key = element.attr("property").or_else(|| element.attr("name")).or_else(|| element.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, element.attr("content")) {
            let content = declared_text(content);
            if !content.is_empty() {
                tags.push((key.trim().to_ascii_lowercase(), content));
            }
        }
    }
    tags
}

/// Looks up `<meta>` values by key; OpenGraph and Twitter keys report [`Source::OpenGraph`].
struct Metas(Vec<(String, String)>);

impl Metas {
    fn get(&self, keys: &[&str]) -> Option<(String, Source)> {
        keys.iter().find_map(|k| {
            self.0.iter().find(|(key, _)| key == k).map(|(key, v)| {
                let source =
                    if key.starts_with("og:") || key.starts_with("twitter:") || key.starts_with("article:") { Source::OpenGraph } else { Source::Meta };
                (v.clone(), source)
            })
        })
    }

    /// The `twitter:dataN` whose `twitter:labelN` is one of `labels` (case-insensitive):
    /// SEO plugins state the author as a labelled card field ("Written by" / "Jane Doe").
    fn labelled_twitter_data(&self, labels: &[&str]) -> Option<String> {
        let (key, _) = self.0.iter().find(|(key, value)| key.starts_with("twitter:label") && labels.iter().any(|l| value.eq_ignore_ascii_case(l)))?;
        let data = format!("twitter:data{}", key.trim_start_matches("twitter:label"));
        self.0.iter().find(|(key, _)| *key == data).map(|(_, value)| value.clone())
    }

    fn all(&self, keys: &[&str]) -> Vec<String> {
        self.0.iter().filter(|(key, _)| keys.contains(&key.as_str())).map(|(_, v)| v.clone()).collect()
    }
}

/// Keys of `<meta>` tags holding the publication date.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    // Highwire Press tags, which scholarly publishers and indexes write for every paper
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
];
/// Keys of `<meta>` tags holding the modification date.
const MODIFIED_KEYS: &[&str] = &["article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified", "last-modified"];
/// Labels of the Twitter card field that names the author (`twitter:label1` "Written by").
const AUTHOR_LABELS: &[&str] = &["written by", "author", "by", "autor", "auteur", "geschrieben von", "escrito por", "écrit par"];
/// A `citation_author` (the Highwire Press tag scholarly publishers write once per author)
/// as a name in reading order: the tag's own convention is `Family, Given` (`Roy, Aniruddha`
/// is Aniruddha Roy), or the name as written.
fn citation_name(name: &str) -> String {
    match name.split_once(',') {
        Some((family, given)) if !given.contains(',') && !family.trim().is_empty() && !given.trim().is_empty() => format!("{} {}", given.trim(), family.trim()),
        _ => name.to_string(),
    }
}

/// Keys of `<meta>` tags naming authors.
const AUTHOR_KEYS: &[&str] = &["author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl"];

/// Stage "declared metadata": what the page declares — JSON-LD, OpenGraph and `<meta>` tags,
/// `<title>`, the headline `<h1>` and `<html lang>`.
#[must_use]
pub fn declared(dom: &Dom, hints: &Hints) -> Metadata {
    let metas = Metas(meta_tags(dom));
    let ld = jsonld::extract(dom);
    let mut m = Metadata { page: PageMetadata { url: hints.url.clone(), ..PageMetadata::default() }, ..Metadata::default() };
    let set = |sources: &mut BTreeMap<Field, Source>, field: Field, value: Option<(String, Source)>| -> Option<String> {
        let (value, source) = value?;
        sources.insert(field, source);
        Some(value)
    };
    let ld_value = |v: &Option<String>| v.clone().map(|v| (v, Source::JsonLd));

    let site = metas.get(&["og:site_name", "application-name"]).or_else(|| ld_value(&ld.site_name));
    m.page.site_name = set(&mut m.page.sources, Field::SiteName, site);

    let html_title = dom.find_tag(Tag::Title).map(|id| declared_text(&dom.raw_text(id))).filter(|t| !t.is_empty());
    let h1s = title::h1_texts(dom);
    let declared_title = metas.get(&["og:title", "twitter:title"]).or_else(|| ld_value(&ld.headline));
    // The other declared titles can confirm an `<h1>` as the headline.
    let others: Vec<String> = metas.all(&["twitter:title"]).into_iter().chain(ld.headline.clone()).collect();
    let site = title::Site::new(m.page.site_name.as_deref(), hints.url.as_deref());
    let chosen = title::choose(&h1s, declared_title, html_title, &others, &site);
    let chosen = match chosen {
        Some((heading, Source::Dom)) => {
            m.headline_node = title::node_of(dom, &heading);
            Some((title::cut_at_bar(&heading, &site), Source::Dom))
        }
        other => other,
    };
    m.page.title = set(&mut m.page.sources, Field::Title, chosen);

    let order = NumericOrder::for_language(declared_language(dom, &metas, &ld).as_deref());
    let normalize = |value: Option<(String, Source)>| value.and_then(|(v, s)| datetime::normalize(&v, order).map(|d| (d, s)));
    let published = normalize(ld_value(&ld.date_published)).or_else(|| normalize(metas.get(PUBLISHED_KEYS)));
    m.page.date_published = set(&mut m.page.sources, Field::DatePublished, published);
    let modified = normalize(ld_value(&ld.date_modified)).or_else(|| normalize(metas.get(MODIFIED_KEYS)));
    m.page.date_modified = set(&mut m.page.sources, Field::DateModified, modified);

    m.page.authors = ld.authors.iter().flat_map(|a| authors::clean_declared(a)).collect();
    m.author_organizations = ld.author_organizations.iter().flat_map(|a| authors::clean_declared(a)).collect();
    if m.page.authors.is_empty() {
        if let Some((credit, source)) = metas.get(AUTHOR_KEYS).filter(|(a, _)| !a.starts_with("http")) {
            m.page.authors = authors::clean_declared(&credit);
            if !m.page.authors.is_empty() {
                m.page.sources.insert(Field::Authors, source);
            }
        }
        if m.page.authors.is_empty()
            && let Some(credit) = metas.labelled_twitter_data(AUTHOR_LABELS)
        {
            m.page.authors = authors::clean_declared(&credit);
            if !m.page.authors.is_empty() {
                m.page.sources.insert(Field::Authors, Source::OpenGraph);
            }
        }
        if m.page.authors.is_empty() {
            m.page.authors = metas.all(&["citation_author"]).iter().map(|name| citation_name(name)).flat_map(|name| authors::clean_declared(&name)).collect();
            if !m.page.authors.is_empty() {
                m.page.sources.insert(Field::Authors, Source::Meta);
            }
        }
    } else {
        m.page.sources.insert(Field::Authors, Source::JsonLd);
    }

    let description = metas.get(&["og:description", "description", "twitter:description"]).or_else(|| ld_value(&ld.description));
    m.page.description = set(&mut m.page.sources, Field::Description, description);
    let declared_lang =
        html_lang(dom).map(|l| (l, Source::Meta)).or_else(|| metas.get(&["og:locale", "language", "content-language"])).or_else(|| ld_value(&ld.language));
    m.page.language = set(&mut m.page.sources, Field::Language, declared_lang.and_then(|(l, s)| language::tidy(&l).map(|l| (l, s))));
    let canonical = canonical(dom).map(|c| (c, Source::Meta)).or_else(|| metas.get(&["og:url"]));
    m.page.canonical_url = set(&mut m.page.sources, Field::CanonicalUrl, canonical.map(|(c, s)| (resolve(&c, hints.url.as_deref()), s)));
    let image = metas.get(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"]).or_else(|| ld_value(&ld.image));
    m.page.image = set(&mut m.page.sources, Field::Image, image.map(|(i, s)| (resolve(&i, hints.url.as_deref()), s)));

    m.page.tags = tags(&metas, &ld.keywords);
    if !m.page.tags.is_empty() {
        m.page.sources.insert(Field::Tags, if ld.keywords.is_empty() { Source::OpenGraph } else { Source::JsonLd });
    }
    m.og_type = metas.get(&["og:type"]).map(|(t, _)| t);
    m.article_body = ld.article_body;
    m.declared_types = ld.types;
    m.product_offered = ld.product_offered;
    m.microdata_types = microdata_types(dom);
    // Teasers tell a front page from a service page; only a home page's are needed, so other
    // pages skip the walk.
    m.own_url = hints.url.as_deref().and_then(PageUrl::parse);
    m.type_url = m.own_url.clone().or_else(|| m.page.canonical_url.as_deref().and_then(PageUrl::parse));
    m.teasers = if m.type_url.as_ref().is_some_and(page_type::is_home_page) { teasers(dom) } else { 0 };
    m
}

/// How many story teasers the page shows: a list of stories dates each one (`<time>`) or
/// gives each a heading that links to it, where a single story has one date and headings
/// that link at most to their own sections (`#anchor`).
fn teasers(dom: &Dom) -> usize {
    let mut times = 0;
    let mut linked_headings = 0;
    for id in dom.ids() {
        match dom.tag(id) {
            Tag::Time => times += 1,
            Tag::H2 | Tag::H3 | Tag::H4 => {
                let links_away = dom
                    .descendants(id)
                    .filter_map(|d| dom.element(d).filter(|e| e.tag == Tag::A).and_then(|e| e.attr("href")))
                    .any(|href| !href.trim().is_empty() && !href.trim_start().starts_with('#'));
                linked_headings += usize::from(links_away);
            }
            _ => {}
        }
    }
    times.max(linked_headings)
}

/// The item types microdata declares (`itemtype="https://schema.org/Product"` gives
/// `Product`), each once, in document order. An `itemtype` may list several URLs.
fn microdata_types(dom: &Dom) -> Vec<String> {
    let mut types: Vec<String> = Vec::new();
    for id in dom.ids() {
        let Some(itemtype) = dom.element(id).and_then(|e| e.attr("itemtype")) else { continue };
        for url in itemtype.split_whitespace() {
            let name = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            if !name.is_empty() && !types.iter().any(|t| t == name) {
                types.push(name.to_string());
            }
        }
    }
    types
}

/// The language the page declares, for reading its numeric dates.
fn declared_language(dom: &Dom, metas: &Metas, ld: &jsonld::JsonLd) -> Option<String> {
    html_lang(dom).or_else(|| metas.get(&["og:locale", "language", "content-language"]).map(|(l, _)| l)).or_else(|| ld.language.clone())
}

/// Tags: JSON-LD `keywords`/`articleSection`, else `article:tag`/`article:section`, else the
/// `keywords` meta tag, without duplicates.
fn tags(metas: &Metas, ld_keywords: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let candidates: Vec<String> = if ld_keywords.is_empty() {
        let og = metas.all(&["article:tag", "article:section"]);
        if og.is_empty() {
            metas.all(&["keywords", "news_keywords"]).iter().flat_map(|k| k.split(',').map(str::to_string).collect::<Vec<_>>()).collect()
        } else {
            og
        }
    } else {
        ld_keywords.to_vec()
    };
    for tag in candidates {
        let tag = collapse(&tag);
        if !tag.is_empty() && tag.chars().count() <= MAX_TAG_CHARS && !out.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
    }
    out.truncate(MAX_TAGS);
    out
}

/// A tag longer than this is a sentence stuffed into `keywords`, not a tag.
const MAX_TAG_CHARS: usize = 60;
/// At most this many tags are reported.
const MAX_TAGS: usize = 30;

/// Nodes searched for bylines and dates before the content's first block when the headline
/// is not found before it.
const BYLINE_WINDOW_NODES: u32 = 200;
/// Nodes searched for bylines and dates after the content.
const BELOW_CONTENT_NODES: u32 = 40;
/// Nodes searched for bylines and dates above the headline.
const ABOVE_HEADLINE_NODES: u32 = 60;

impl Metadata {
    /// Whether the page's JSON-LD declares a product (customer reviews are then beside the
    /// content, not in it).
    #[must_use]
    pub fn declares_product(&self) -> bool {
        self.declared_types.iter().any(|t| t == "Product" || t == "ProductGroup")
    }

    /// True when the page says it is a discussion — a forum thread or a Q&A page, by its
    /// declared types or its URL — whose comments are its posts.
    #[must_use]
    pub fn declares_discussion(&self) -> bool {
        page_type::declares_discussion(&self.declared_types, &self.microdata_types, self.type_url.as_ref())
    }

    /// Metadata that knows only the page's URL (for plain-text input).
    #[must_use]
    pub fn for_url(url: Option<String>) -> Self {
        let own_url = url.as_deref().and_then(PageUrl::parse);
        Self { page: PageMetadata { url, ..PageMetadata::default() }, type_url: own_url.clone(), own_url, ..Self::default() }
    }

    /// Completes the metadata from the page body around the selected content: authors from
    /// bylines and microdata, dates from `<time>` elements, datelines and the URL path.
    pub fn complete(&mut self, dom: &Dom, span: ContentSpan) {
        let ContentSpan { first, last } = span;
        // Bylines and datelines sit around the headline — above it (a kicker with the date),
        // between it and the body — or just above the body when the headline is elsewhere.
        let from = match self.headline_node {
            Some(h1) if h1 < first => h1.back(ABOVE_HEADLINE_NODES),
            _ => first.back(BYLINE_WINDOW_NODES),
        };
        // …and a little past the end of the element holding all the content (a dateline or a
        // byline can follow the body).
        let container = dom.ancestors(first).find(|&a| dom.contains(a, last)).unwrap_or(Dom::ROOT);
        let until = dom.subtree_end(if container == Dom::ROOT { last } else { container }) + BELOW_CONTENT_NODES;
        if self.page.authors.is_empty() {
            if let Some((names, source)) = authors::from_dom(dom, from, until) {
                self.page.authors = names;
                self.page.sources.insert(Field::Authors, source);
            } else if let Some(names) = authors::from_text(dom, from, until) {
                self.page.authors = names;
                self.page.sources.insert(Field::Authors, Source::Dom);
            } else if !self.author_organizations.is_empty() {
                self.page.authors = std::mem::take(&mut self.author_organizations);
                self.page.sources.insert(Field::Authors, Source::JsonLd);
            }
        }
        let order = NumericOrder::for_language(self.page.language.as_deref());
        let found = dates::from_dom(dom, from, until, order);
        let source = |microdata: bool| if microdata { Source::Microdata } else { Source::Dom };
        // A declared publication date equal to the declared modification date is often the
        // CMS's last save written into both: an earlier date the page shows near its
        // headline is the publication date.
        let declared_same_day = match (&self.page.date_published, &self.page.date_modified) {
            (Some(p), Some(m)) => p.get(..10) == m.get(..10),
            _ => false,
        };
        if let Some((date, microdata)) = found.published {
            let shown = date.to_iso();
            let earlier = self.page.date_published.as_deref().is_some_and(|p| shown.get(..10) < p.get(..10));
            if self.page.date_published.is_none() || (declared_same_day && earlier) {
                self.page.date_published = Some(shown);
                self.page.sources.insert(Field::DatePublished, source(microdata));
            }
        }
        if self.page.date_modified.is_none()
            && let Some((date, microdata)) = found.modified
        {
            self.page.date_modified = Some(date.to_iso());
            self.page.sources.insert(Field::DateModified, source(microdata));
        }
        self.shown_update_as_published(&found);
        if self.page.date_published.is_none()
            && let Some(date) = self.page.url.as_deref().and_then(dates::from_url)
        {
            self.page.date_published = Some(date.to_iso());
            self.page.sources.insert(Field::DatePublished, Source::Url);
        }
    }

    /// Takes the modification date as the publication date when there is none and the reader
    /// sees it: a page dated only by its update ("Updated on 23 Oct 2025") gives its reader
    /// that one date. The date counts as seen when it was read from the page itself, or when
    /// a declared one falls on a day the page shows — not a declared modification time alone
    /// (`article:modified_time`), which CMSs rewrite on every save without showing it.
    fn shown_update_as_published(&mut self, found: &dates::Found) {
        let Some(modified) = self.page.date_modified.clone() else { return };
        if self.page.date_published.is_some() {
            return;
        }
        let declared_source = self.page.sources.get(&Field::DateModified).copied();
        let source = if found.shows_day(&modified) {
            declared_source.unwrap_or(Source::Dom)
        } else if matches!(declared_source, Some(Source::Dom | Source::Text)) {
            Source::Dom
        } else {
            return;
        };
        self.page.date_published = Some(modified);
        self.page.sources.insert(Field::DatePublished, source);
    }

    /// Decides the page type and the language from the final content, and drops a
    /// publication date found only in the body of a page that is not a publication.
    pub fn finish(&mut self, blocks: &[Block], text: &str) {
        let kind = page_type::classify(&page_type::Evidence {
            declared_types: &self.declared_types,
            microdata_types: &self.microdata_types,
            teasers: self.teasers,
            product_offered: self.product_offered || self.microdata_types.iter().any(|t| matches!(t.as_str(), "Offer" | "AggregateOffer")),
            og_type: self.og_type.as_deref(),
            url: self.type_url.as_ref(),
            blocks,
            dated: self.page.date_published.is_some() || self.page.date_modified.is_some(),
            declares_date: matches!(self.page.sources.get(&Field::DatePublished), Some(Source::JsonLd | Source::OpenGraph | Source::Meta)),
            credited: !self.page.authors.is_empty(),
        });
        self.page.page_type = kind;
        // Catalogues and company pages carry dates of their templates, stock or caches, not of
        // a publication: dates are reported for publications, and for pages of unknown kind
        // only when the page declares them. A site's home page is its front page: the dates
        // it shows are those of the stories it lists, so only a declared date counts there.
        let home = self.own_url.as_ref().is_some_and(page_type::is_home_page);
        // A page that declares an article item, yet is shaped like a catalogue or a company
        // page, is most often a buyer's guide or a ranked review ("15 best movers"): the
        // article's declared date is its publication date. Not a listing or a reference page,
        // whose declared article date is that of the index or the entry's creation.
        let article_declared =
            page_type::declares_article(&self.declared_types) && matches!(kind, PageType::Product | PageType::Collection | PageType::Service);
        for field in [Field::DatePublished, Field::DateModified] {
            let declared = matches!(self.page.sources.get(&field), Some(Source::JsonLd | Source::OpenGraph | Source::Meta));
            if !(kind.is_publication() || (declared && (kind == PageType::Unknown || article_declared))) || (home && !declared) {
                self.page.sources.remove(&field);
                match field {
                    Field::DatePublished => self.page.date_published = None,
                    _ => self.page.date_modified = None,
                }
            }
        }
        self.page.sources.insert(Field::PageType, if self.declared_types.is_empty() { Source::Text } else { Source::JsonLd });
        let declared = self.page.language.take().map(|l| (l, self.page.sources.get(&Field::Language).copied().unwrap_or(Source::Meta)));
        match language::choose(declared, text) {
            Some((lang, source)) => {
                self.page.language = Some(lang);
                self.page.sources.insert(Field::Language, source);
            }
            None => {
                self.page.sources.remove(&Field::Language);
            }
        }
    }

    /// Reads the dates of a dateline among the first blocks of plain text ("2025-09-05 13:51
    /// Last Updated At:14:37").
    pub fn dates_from_text(&mut self, blocks: &[Block]) {
        const MAX_DATELINE_POSITION: usize = 30;
        let order = NumericOrder::for_language(self.page.language.as_deref());
        let Some(line) = blocks.iter().take(MAX_DATELINE_POSITION).find(|b| crate::cleanup::is_dateline(&b.text)) else { return };
        let (published, modified) = dates::from_dateline(&line.text, order);
        if let Some(date) = published {
            self.page.date_published = Some(date.to_iso());
            self.page.sources.insert(Field::DatePublished, Source::Text);
        }
        if let Some(date) = modified {
            self.page.date_modified = Some(date.to_iso());
            self.page.sources.insert(Field::DateModified, Source::Text);
        }
    }

    /// The page's metadata as the result reports it.
    #[must_use]
    pub fn into_page(self, encoding: Option<EncodingInfo>, input_format: InputKind, warnings: Vec<Warning>) -> PageMetadata {
        // A decoding that changed the declared charset says so first, then the parser's limits.
        let mismatch = encoding.as_ref().is_some_and(|encoding| encoding.declared.is_some());
        let warnings = if mismatch { std::iter::once(Warning::CharsetMismatch).chain(warnings).collect() } else { warnings };
        PageMetadata { encoding, input_format, warnings, ..self.page }
    }
}

/// Where the selected content sits in the tree: the first and the last node its blocks were
/// read from, before the text clean-up drops any. Bylines and datelines are looked for
/// around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentSpan {
    /// The first block's node.
    pub first: NodeId,
    /// The last block's node.
    pub last: NodeId,
}

impl ContentSpan {
    /// The span of `blocks` (`None` when no block comes from an element of the page).
    #[must_use]
    pub fn of(blocks: &[Block]) -> Option<Self> {
        let first = blocks.iter().map(|b| b.node).filter(|&n| n > Dom::ROOT).min()?;
        let last = blocks.iter().map(|b| b.node).max().unwrap_or(first);
        Some(Self { first, last })
    }
}

/// `reference` resolved against the page's URL when it is relative and the URL is known.
fn resolve(reference: &str, base: Option<&str>) -> String {
    base.and_then(|b| url::Url::parse(b).ok()).and_then(|b| b.join(reference.trim()).ok()).map_or_else(|| reference.trim().to_string(), |u| u.to_string())
}

/// The `lang` attribute of `<html>`.
fn html_lang(dom: &Dom) -> Option<String> {
    let html = dom.find_tag(Tag::Html)?;
    let lang = dom.element(html)?.attr("lang")?.trim();
    (!lang.is_empty()).then(|| lang.to_string())
}

/// The `href` of `<link rel="canonical">`.
fn canonical(dom: &Dom) -> Option<String> {
    dom.ids().filter_map(|id| dom.element(id)).find_map(|e| {
        (e.tag == Tag::Link && e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")))
            .then(|| e.attr("href").map(str::trim).filter(|h| !h.is_empty()).map(str::to_string))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use crate::{Hints, Options, extract_with_hints};

    const PROSE: &str = "<p>A long paragraph of running text that reads like an article, with enough words in it \
        to count as prose for the page type, and then some more words to be sure it is long.</p>";

    fn dates_at(url: &str, head: &str, byline: &str) -> (Option<String>, Option<String>) {
        let html = format!("<html lang='en'><head>{head}</head><body><article><h1>Rain expected today</h1>{byline}{PROSE}{PROSE}</article></body></html>");
        let article = extract_with_hints(&html, &Hints::default().with_url(url), &Options::default()).unwrap();
        (article.metadata.date_published, article.metadata.date_modified)
    }

    fn dates(head: &str, byline: &str) -> (Option<String>, Option<String>) {
        dates_at("https://news.example/weather/rain-expected-today", head, byline)
    }

    fn authors(head: &str, byline: &str) -> Vec<String> {
        let html = format!("<html lang='en'><head>{head}</head><body><article><h1>Rain expected today</h1>{byline}{PROSE}{PROSE}</article></body></html>");
        extract_with_hints(&html, &Hints::default(), &Options::default()).unwrap().metadata.authors
    }

    #[test]
    fn doubly_escaped_declared_values_are_decoded() {
        let html = format!(
            "<html><head><title>Tips &amp;amp; Tricks | Site</title><meta name='description' content='Pricing &amp;amp; costs'>\
                            <meta property='og:site_name' content='Q&amp;amp;A Hub'></head><body><article>{PROSE}{PROSE}</article></body></html>"
        );
        let article = extract_with_hints(&html, &Hints::default(), &Options::default()).unwrap();
        assert_eq!(article.metadata.title.as_deref(), Some("Tips & Tricks"));
        assert_eq!(article.metadata.description.as_deref(), Some("Pricing & costs"));
        assert_eq!(article.metadata.site_name.as_deref(), Some("Q&A Hub"));
    }

    #[test]
    fn scholarly_citation_tags_name_every_author() {
        let head = "<meta name='citation_author' content='Roy, Aniruddha'><meta name='citation_author' content='Jyoti Patel'>";
        assert_eq!(authors(head, ""), ["Aniruddha Roy", "Jyoti Patel"]);
        let head = format!("<meta name='author' content='Jane Doe'>{head}");
        assert_eq!(authors(&head, ""), ["Jane Doe"], "a page's own author tag comes first");
    }

    #[test]
    fn the_twitter_card_names_the_author() {
        let head = "<meta name='twitter:label1' content='Written by'><meta name='twitter:data1' content='Jane Doe'>";
        assert_eq!(authors(head, ""), ["Jane Doe"]);
        let head = "<meta name='twitter:label1' content='Est. reading time'><meta name='twitter:data1' content='4 minutes'>";
        assert!(authors(head, "").is_empty());
    }

    #[test]
    fn a_home_page_has_only_declared_dates() {
        let shown = "<p class='meta'>Published on October 23, 2025</p>";
        assert_eq!(dates("", shown).0.as_deref(), Some("2025-10-23"));
        assert_eq!(dates_at("https://news.example/", "", shown).0, None, "the date of a story listed on the front page");
        let declared = "<meta property='article:published_time' content='2025-10-20'>";
        assert_eq!(dates_at("https://news.example/", declared, shown).0.as_deref(), Some("2025-10-20"));
    }

    #[test]
    fn a_shown_update_date_stands_for_the_publication_date() {
        let (published, _) = dates("", "<p class='meta'>Updated on October 23, 2025</p>");
        assert_eq!(published.as_deref(), Some("2025-10-23"));
        // a modification time the page declares but does not show is no publication date
        let (published, modified) = dates("<meta property='og:updated_time' content='2025-10-23T10:00:00Z'>", "");
        assert_eq!((published, modified.as_deref()), (None, Some("2025-10-23T10:00:00Z")));
    }

    #[test]
    fn a_declared_article_keeps_its_date_on_a_page_shaped_as_a_service() {
        let url = "https://firm.example/services/payroll-guide";
        let article = "<script type='application/ld+json'>{\"@type\": \"Article\", \"datePublished\": \"2025-10-20\"}</script>";
        assert_eq!(dates_at(url, article, "").0.as_deref(), Some("2025-10-20"));
        let page = "<meta property='article:published_time' content='2025-10-20'>";
        assert_eq!(dates_at(url, page, "").0, None, "a service page's declared date without an article");
    }

    #[test]
    fn scholarly_citation_tags_declare_the_publication_date() {
        let (published, _) = dates("<meta name='citation_publication_date' content='2019/1/22'>", "");
        assert_eq!(published.as_deref(), Some("2019-01-22"));
    }

    #[test]
    fn a_declared_update_the_page_shows_stands_for_the_publication_date() {
        let declared = "<meta property='og:updated_time' content='2025-10-23T10:00:00Z'>";
        let (published, _) = dates(declared, "<p class='meta'>Updated on October 23, 2025</p>");
        assert_eq!(published.as_deref(), Some("2025-10-23T10:00:00Z"));
        // a hidden microdata date is not shown to the reader
        let (published, _) = dates(declared, "<meta itemprop='dateModified' content='2025-10-23'>");
        assert_eq!(published, None);
    }

    #[test]
    fn microdata_declares_the_page_type() {
        let post = format!("<div itemscope itemtype='https://schema.org/DiscussionForumPosting'><h1>My take on valuation</h1>{PROSE}{PROSE}</div>");
        let html = format!("<html lang='en'><body>{post}</body></html>");
        let article = extract_with_hints(&html, &Hints::default().with_url("https://talk.example/a/b"), &Options::default()).unwrap();
        assert_eq!(article.metadata.page_type, super::PageType::Forum);
        let plain = html.replace("itemtype='https://schema.org/DiscussionForumPosting'", "");
        let article = extract_with_hints(&plain, &Hints::default().with_url("https://talk.example/a/b"), &Options::default()).unwrap();
        assert_eq!(article.metadata.page_type, super::PageType::Service, "undated prose on no declared type");
    }

    #[test]
    fn a_front_page_lists_its_teasers() {
        let teaser = |i| {
            format!("<div><h2><a href='/2025/story-{i}'>Story number {i} of the day</a></h2><time datetime='2025-10-2{i}'>Oct 2{i}</time><p>Summary.</p></div>")
        };
        let html = format!("<html><body>{}{PROSE}</body></html>", (0..9).map(teaser).collect::<String>());
        let article = extract_with_hints(&html, &Hints::default().with_url("https://news.example/"), &Options::default()).unwrap();
        assert_eq!(article.metadata.page_type, super::PageType::Listing);
        // A story followed by teasers of others is no front page, however many teasers.
        let story =
            format!("<html><body><article><h1>Rain expected today</h1>{}</article>{}</body></html>", PROSE.repeat(6), (0..9).map(teaser).collect::<String>());
        let article = extract_with_hints(&story, &Hints::default().with_url("https://news.example/"), &Options::default()).unwrap();
        assert_eq!(article.metadata.page_type, super::PageType::Listing);
        let article = extract_with_hints(&story, &Hints::default().with_url("https://news.example/2025/story-1"), &Options::default()).unwrap();
        assert_ne!(article.metadata.page_type, super::PageType::Listing, "only a home page is read as a front page");
    }
}
