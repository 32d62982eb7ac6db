//! What kind of page this is — an article, a forum thread, a product, a collection of
//! products, a listing of links, documentation or a service page — from what the page
//! declares (JSON-LD `@type`, microdata `itemtype`, `og:type`), the words of its URL (path
//! and host) and the shape of its content.

pub use crate::page::PageType;

use crate::blocks::{Block, BlockKind};
use crate::lexicon::metadata::{CURRENCIES, DECLARED_ARTICLE, DECLARED_LIST, OFFERING_WORDS, OG_PRODUCT_GROUPS, SECTION_INDEXES};

/// What the classifier looks at.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The JSON-LD `@type`s of the page.
    pub declared_types: &'a [String],
    /// The schema.org types the page's microdata declares (`itemtype`).
    pub microdata_types: &'a [String],
    /// How many story teasers the page shows (dated items, headings linking elsewhere).
    pub teasers: usize,
    /// A declared product states its offers (JSON-LD `offers`, a microdata `Offer`).
    pub product_offered: bool,
    /// The `og:type` value.
    pub og_type: Option<&'a str>,
    /// The page's URL.
    pub url: Option<&'a PageUrl>,
    /// The extracted content.
    pub blocks: &'a [Block],
    /// The page states a publication date (declared or shown).
    pub dated: bool,
    /// The page declares its publication date (JSON-LD, `<meta>` tags), not only shows one.
    pub declares_date: bool,
    /// The page credits an author.
    pub credited: bool,
}

/// JSON-LD types that say what the page is, whatever else it declares.
const DECLARED_STRONG: &[(&str, PageType)] = &[
    ("DiscussionForumPosting", PageType::Forum),
    ("QAPage", PageType::Forum),
    ("SearchResultsPage", PageType::Collection),
    ("TechArticle", PageType::Documentation),
    ("APIReference", PageType::Documentation),
    ("Product", PageType::Product),
    ("ProductGroup", PageType::Product),
    ("SomeProducts", PageType::Collection),
];

/// Whether the page's JSON-LD declares an article item (`NewsArticle`, `BlogPosting`, …).
#[must_use]
pub fn declares_article(declared_types: &[String]) -> bool {
    declared_types.iter().any(|t| DECLARED_ARTICLE.contains(&t.as_str()))
}

/// Words of a URL path (between `/`, `-`, `_`, `.`) that name a kind of page.
const PATH_WORDS: &[(&str, PageType)] = &[
    ("forum", PageType::Forum),
    ("forums", PageType::Forum),
    ("boards", PageType::Forum),
    ("thread", PageType::Forum),
    ("threads", PageType::Forum),
    ("topic", PageType::Forum),
    ("viewtopic", PageType::Forum),
    ("showthread", PageType::Forum),
    ("discussion", PageType::Forum),
    ("discussions", PageType::Forum),
    ("questions", PageType::Forum),
    ("community", PageType::Forum),
    ("comments", PageType::Forum),
    ("docs", PageType::Documentation),
    ("doc", PageType::Documentation),
    ("documentation", PageType::Documentation),
    ("reference", PageType::Documentation),
    ("manual", PageType::Documentation),
    ("api", PageType::Documentation),
    ("handbook", PageType::Documentation),
    ("wiki", PageType::Documentation),
    ("product", PageType::Product),
    ("products", PageType::Product),
    ("dp", PageType::Product),
    ("item", PageType::Product),
    ("collections", PageType::Collection),
    ("category", PageType::Collection),
    ("categories", PageType::Collection),
    ("shop", PageType::Collection),
    ("catalog", PageType::Collection),
    ("search", PageType::Collection),
    ("browse", PageType::Collection),
    ("blog", PageType::Article),
    ("blogs", PageType::Article),
    ("news", PageType::Article),
    ("article", PageType::Article),
    ("articles", PageType::Article),
    ("story", PageType::Article),
    ("stories", PageType::Article),
    ("post", PageType::Article),
    ("posts", PageType::Article),
    ("resources", PageType::Article),
    ("insights", PageType::Article),
    ("guides", PageType::Article),
    ("advice", PageType::Article),
    ("learn", PageType::Article),
    ("services", PageType::Service),
    ("service", PageType::Service),
    ("solutions", PageType::Service),
    ("pricing", PageType::Service),
    ("platform", PageType::Service),
    ("department", PageType::Service),
    ("departments", PageType::Service),
];

/// Whole path segments that name a kind of page by a convention of widespread software:
/// `/t/slug/123` is a Discourse thread, `/c/shoes` a shop's category. Too short to be
/// trusted as a word inside a longer segment (`t-shirts`).
const PATH_SEGMENTS: &[(&str, PageType)] = &[("t", PageType::Forum), ("c", PageType::Collection)];

/// First labels of a host name that name the kind of site (`docs.example.com`,
/// `forum.example.org`): every page there is of that kind unless its path says otherwise.
const HOST_LABELS: &[(&str, PageType)] = &[
    ("docs", PageType::Documentation),
    ("doc", PageType::Documentation),
    ("developer", PageType::Documentation),
    ("wiki", PageType::Documentation),
    ("forum", PageType::Forum),
    ("forums", PageType::Forum),
    ("community", PageType::Forum),
    ("discuss", PageType::Forum),
    ("discussion", PageType::Forum),
    ("boards", PageType::Forum),
];

/// Content with at least this many short blocks holding a price is a catalogue.
const MIN_PRICES_FOR_COLLECTION: usize = 4;
/// A block of at most this many words holding a price is a price tag, not prose about one.
const MAX_PRICE_BLOCK_WORDS: usize = 12;
/// Content whose blocks are mostly links, with at least this many of them, is a listing.
const MIN_LISTING_LINKS: usize = 8;
/// …or whose words are at least this share link text, with as many links.
const MIN_LISTING_LINK_SHARE: f64 = 0.3;

/// A home page showing at least this many story teasers is a front page listing stories.
const MIN_FRONT_PAGE_TEASERS: usize = 8;

/// Classifies the page.
///
/// In order: a home page is a front page (listing) or a service page; an `og:type`
/// `product.group` is a collection; a declared (JSON-LD or microdata) forum, product on sale,
/// group of products, search or reference page; a forum, documentation, product, category,
/// service or section-index word in the URL path or the host's first label; undated,
/// unsigned code is documentation; a declared article (or `og:type` article); a declared
/// list; then the content's shape — prices make a catalogue (a buyer's guide under a
/// publication's path), links a listing, readable text an article when the page has a date,
/// an author, an article's path or a headline's slug, else a service page.
#[must_use]
pub fn classify(evidence: &Evidence<'_>) -> PageType {
    let home = evidence.url.is_some_and(is_home_page);
    // A site's home page is its front door, not one publication: a front page when it lists
    // dated or linked stories, else the company's or product's own page, whatever prose it
    // holds or type its template declares — unless it declares when it was published (a
    // one-post site).
    if home && evidence.teasers >= MIN_FRONT_PAGE_TEASERS {
        return PageType::Listing;
    }
    match classify_inner(evidence) {
        PageType::Article | PageType::Unknown if home && !evidence.declares_date => PageType::Service,
        kind => kind,
    }
}

/// True when the page's declared types (JSON-LD or microdata) or its URL's path say it is a
/// discussion: a forum thread, a Q&A page.
#[must_use]
pub fn declares_discussion(declared_types: &[String], microdata_types: &[String], url: Option<&PageUrl>) -> bool {
    let declared = DECLARED_STRONG.iter().any(|&(t, kind)| kind == PageType::Forum && declared_types.iter().chain(microdata_types).any(|d| d == t));
    // A site named for its forum (`warriorforum.com`, `forums.example.org`) holds threads.
    declared || url.is_some_and(|u| path_kind(u) == Some(PageType::Forum) || u.host.contains("forum"))
}

/// Classifies a page from its declarations, URL and content shape.
fn classify_inner(evidence: &Evidence<'_>) -> PageType {
    let declares = |names: &[&str]| evidence.declared_types.iter().any(|d| names.contains(&d.as_str()));
    // Microdata says what an item is as plainly as JSON-LD does: forum software marks each
    // post up as a `DiscussionForumPosting`, shops their product as a `Product`.
    let strong = DECLARED_STRONG.iter().find(|(t, _)| evidence.declared_types.iter().chain(evidence.microdata_types).any(|d| d == t)).map(|&(_, kind)| kind);
    let from_path = evidence.url.and_then(path_kind);
    let shape = content_shape(evidence.blocks);
    let og = evidence.og_type.map(str::to_ascii_lowercase);
    // A `Product` with neither offers nor a price on the page is markup for review stars
    // (an `AggregateRating` on a business's or a service's page), not a product for sale.
    let priced = evidence.product_offered || evidence.blocks.iter().any(|b| has_price(&b.text)) || og.as_deref().is_some_and(|t| t.ends_with("product"));
    let strong = strong.filter(|&kind| kind != PageType::Product || priced);
    // `og:type` `product.group` is the OpenGraph type of a shop's category page, which often
    // declares each product of its grid in JSON-LD too.
    if og.as_deref().is_some_and(|t| OG_PRODUCT_GROUPS.contains(&t)) {
        return PageType::Collection;
    }
    // A declared product whose content lists many prices is a category page of products —
    // unless OpenGraph says the page is one item (the prices are then of its variants or of
    // related products).
    let og_item = og.as_deref().is_some_and(|t| t.ends_with("product") || t.ends_with("item"));
    if strong == Some(PageType::Product) && shape == Some(PageType::Collection) && from_path != Some(PageType::Product) && !og_item {
        return PageType::Collection;
    }
    if let Some(kind) = strong {
        return kind;
    }
    // The path is more specific than a blanket "Article" many templates declare on every page.
    if let Some(kind) = from_path.filter(|k| !matches!(k, PageType::Article | PageType::Unknown)) {
        return kind;
    }
    // Code samples in content that names neither a date nor an author are reference pages
    // and tutorials: posts that show code (blogs, forum answers) are dated and signed, and a
    // developer product's home page shows a sample to sell itself.
    let home = evidence.url.is_some_and(is_home_page);
    if !home && !evidence.dated && !evidence.credited && evidence.blocks.iter().any(|b| matches!(b.kind, BlockKind::Code { .. })) {
        return PageType::Documentation;
    }
    if declares(DECLARED_ARTICLE) || og.as_deref() == Some("article") {
        return if shape == Some(PageType::Listing) && !declares(DECLARED_ARTICLE) { PageType::Listing } else { PageType::Article };
    }
    if og.as_deref().is_some_and(|t| t.ends_with("product")) {
        return PageType::Product;
    }
    if declares(DECLARED_LIST) {
        return if shape == Some(PageType::Collection) { PageType::Collection } else { PageType::Listing };
    }
    // Text a reader reads — prose, or a long guide of headings and lists without many links —
    // is an article when something marks it as a publication (a date, an author, a
    // publication's path or a headline's slug), else a company's page about itself.
    let text = shape == Some(PageType::Article) || (shape.is_none() && is_running_text(evidence.blocks));
    let published = evidence.dated || evidence.credited || from_path == Some(PageType::Article) || evidence.url.is_some_and(has_headline_slug);
    match shape {
        _ if text && published => PageType::Article,
        _ if text => PageType::Service,
        // Prices under a publication's path are those of a buyer's guide ("best laptops
        // under $500"), not a catalogue's.
        Some(PageType::Collection) if from_path == Some(PageType::Article) => PageType::Article,
        Some(kind) => kind,
        None if evidence.url.map(path_depth) == Some(0) => PageType::Service,
        None => from_path.unwrap_or(PageType::Unknown),
    }
}

/// Content of at least this many words, with little of it linked, is running text even
/// when it is not mostly paragraphs (a guide of headings and lists).
const MIN_TEXT_WORDS: usize = 300;
/// Running text has at most this share of its words in links.
const MAX_TEXT_LINK_SHARE: f64 = 0.1;
/// A last path segment of at least this many words is a headline turned into a slug
/// (`/what-to-look-for-in-a-used-car`), as publications name their pages; a company names
/// its pages for what it sells (`/data-analytics-services`).
const MIN_HEADLINE_SLUG_WORDS: usize = 5;

/// True for content that is mostly unlinked text, long enough to be read.
fn is_running_text(blocks: &[Block]) -> bool {
    let words: usize = blocks.iter().map(|b| b.word_count()).sum();
    let linked = crate::shape::linked_words(blocks);
    words >= MIN_TEXT_WORDS && linked < MAX_TEXT_LINK_SHARE * words as f64
}

/// True when the URL's last path segment is a headline's slug.
fn has_headline_slug(url: &PageUrl) -> bool {
    let Some(last) = url.path.split('/').rfind(|s| !s.is_empty()) else { return false };
    let stem = last
        .rsplit_once('.')
        .filter(|(_, ext)| matches!(ext.to_ascii_lowercase().as_str(), "html" | "htm" | "php" | "asp" | "aspx"))
        .map_or(last, |(stem, _)| stem);
    stem.split(['-', '_']).filter(|w| !w.is_empty()).count() >= MIN_HEADLINE_SLUG_WORDS
}

/// A path segment of more than this many words is a headline's slug
/// (`/best-oral-hygiene-products/`): its words do not name the kind of page.
const MAX_KIND_SEGMENT_WORDS: usize = 2;

/// The kind named by the URL: a word of its path, in a segment that is not a slug, else the
/// first label of its host. A company's service section can hold its blog
/// (`/managed-services/resources/blog/…`): a service word yields to a later article word.
fn path_kind(url: &PageUrl) -> Option<PageType> {
    let path = url.path.as_str();
    if path.split('/').rfind(|segment| !segment.is_empty()).is_some_and(|last| SECTION_INDEXES.contains(&last.to_ascii_lowercase().as_str())) {
        return Some(PageType::Listing);
    }
    let mut kinds = path.split('/').filter(|segment| !segment.is_empty()).flat_map(|segment| {
        let lower = segment.to_ascii_lowercase();
        if let Some(&(_, kind)) = PATH_SEGMENTS.iter().find(|(s, _)| *s == lower) {
            return vec![kind];
        }
        if segment.split(['-', '_']).count() > MAX_KIND_SEGMENT_WORDS {
            return Vec::new();
        }
        lower.split(['-', '_', '.']).filter_map(|word| PATH_WORDS.iter().find(|(w, _)| *w == word).map(|&(_, kind)| kind)).collect()
    });
    match kinds.next() {
        Some(PageType::Service) => Some(if kinds.any(|k| k == PageType::Article) { PageType::Article } else { PageType::Service }),
        Some(kind) => Some(kind),
        None if names_an_offering(path) => Some(PageType::Service),
        None => host_kind(url),
    }
}

/// True when the path's last segment, shorter than a headline's slug, ends with a word
/// naming an offering: a company names its pages for what it sells, where a publication's
/// slug is a headline ("how-to-choose-a-cleaning-service").
fn names_an_offering(path: &str) -> bool {
    let Some(last) = path.split('/').rfind(|s| !s.is_empty()) else { return false };
    let words: Vec<String> = last
        .to_ascii_lowercase()
        .split(['-', '_', '.'])
        .filter(|w| !w.is_empty() && !matches!(*w, "html" | "htm" | "php" | "aspx"))
        .map(str::to_string)
        .collect();
    words.len() < MIN_HEADLINE_SLUG_WORDS && words.last().is_some_and(|w| OFFERING_WORDS.contains(&w.as_str()))
}

/// The kind named by the first label of the URL's host (`docs.example.com`).
fn host_kind(url: &PageUrl) -> Option<PageType> {
    let labels: Vec<&str> = url.host.split('.').collect();
    let first = labels.first().filter(|_| labels.len() >= 2)?;
    HOST_LABELS.iter().find(|(l, _)| l == first).map(|&(_, kind)| kind)
}

/// A page's URL as page typing reads it, parsed once (by the `url` crate): its host
/// (lowercase, empty for a relative URL) and its path, without query and fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl {
    /// The host, lowercase; empty when the URL names none (a relative canonical URL).
    host: String,
    /// The path, percent-encoded as the URL standard writes it (`/` at least).
    path: String,
    /// A front controller given its route in the query (`/index.php?/topic/123-title/`).
    routed: bool,
}

impl PageUrl {
    /// Parses `url`, absolute or relative (a canonical URL as a page writes it); `None` for a
    /// blank or unparsable one.
    #[must_use]
    pub fn parse(url: &str) -> Option<Self> {
        let url = url.trim();
        if url.is_empty() {
            return None;
        }
        let parsed = match url::Url::parse(url) {
            Ok(absolute) => absolute,
            // A relative URL: its path read against a placeholder base, and no host.
            Err(url::ParseError::RelativeUrlWithoutBase) => {
                let base = url::Url::parse(RELATIVE_BASE).ok()?;
                let joined = base.join(url).ok()?;
                let host = if url.starts_with("//") { joined.host_str().unwrap_or("").to_string() } else { String::new() };
                return Some(Self::of(&joined, host));
            }
            Err(_) => return None,
        };
        let host = parsed.host_str().unwrap_or("").to_string();
        Some(Self::of(&parsed, host))
    }

    fn of(url: &url::Url, host: String) -> Self {
        let routed = url.query().is_some_and(|query| query.starts_with('/'));
        Self { host, path: url.path().to_string(), routed }
    }
}

/// The base a relative URL's path is read against (its host is not the page's).
const RELATIVE_BASE: &str = "http://relative.invalid/";

/// True for the URL of a site's home page: no path, or only an index file
/// (`https://example.com/`, `/index.html`). Not a URL without a host, nor a front controller
/// given its route in the query (`/index.php?/topic/123-title/`).
#[must_use]
pub fn is_home_page(url: &PageUrl) -> bool {
    if url.host.is_empty() || url.routed {
        return false;
    }
    let path = url.path.trim_matches('/');
    path.is_empty() || (!path.contains('/') && path.to_ascii_lowercase().starts_with("index."))
}

/// How many non-empty segments the URL's path has (0 for a home page).
fn path_depth(url: &PageUrl) -> usize {
    url.path.split('/').filter(|s| !s.is_empty()).count()
}

/// What the content's shape says: mostly prose (article), many prices (collection), mostly
/// links (listing).
fn content_shape(blocks: &[Block]) -> Option<PageType> {
    let total: usize = blocks.iter().map(|b| b.word_count()).sum();
    if total == 0 {
        return None;
    }
    if crate::shape::is_article_like(blocks) {
        return Some(PageType::Article);
    }
    let prices = blocks.iter().filter(|b| b.word_count() <= MAX_PRICE_BLOCK_WORDS && has_price(&b.text)).count();
    if prices >= MIN_PRICES_FOR_COLLECTION {
        return Some(PageType::Collection);
    }
    let links = blocks.iter().filter(|b| b.link_density() > 0.5).count();
    if links >= MIN_LISTING_LINKS && links * 2 >= blocks.len() {
        return Some(PageType::Listing);
    }
    // Content whose words are largely link text, in blocks that mix a linked title with a
    // line of summary, is a list of links too.
    let linked = crate::shape::linked_words(blocks);
    if links >= MIN_LISTING_LINKS && linked >= MIN_LISTING_LINK_SHARE * total as f64 {
        return Some(PageType::Listing);
    }
    None
}

/// True when the text holds a price: a currency sign or code next to a number.
fn has_price(text: &str) -> bool {
    let lower = text.to_lowercase();
    CURRENCIES.iter().any(|c| {
        lower.match_indices(c).any(|(i, _)| {
            let before = lower[..i].trim_end().chars().next_back();
            let after = lower[i + c.len()..].chars().find(|ch| !ch.is_whitespace());
            before.is_some_and(|ch| ch.is_ascii_digit()) || after.is_some_and(|ch| ch.is_ascii_digit())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A parsed URL that lives as long as the test.
    fn page_url(url: &str) -> &'static PageUrl {
        Box::leak(Box::new(PageUrl::parse(url).expect("a URL")))
    }

    fn classify_with(types: &[&str], url: &str, blocks: &[Block]) -> PageType {
        let types: Vec<String> = types.iter().map(|t| (*t).to_string()).collect();
        classify(&Evidence {
            declared_types: &types,
            microdata_types: &[],
            teasers: 0,
            product_offered: true,
            og_type: None,
            url: Some(page_url(url)),
            blocks,
            dated: true,
            declares_date: false,
            credited: false,
        })
    }

    #[test]
    fn declared_types_and_paths_decide() {
        assert_eq!(classify_with(&["DiscussionForumPosting"], "https://shop.example/a", &[]), PageType::Forum);
        assert_eq!(classify_with(&["Product"], "https://shop.example/a", &[]), PageType::Product);
        assert_eq!(classify_with(&["Article"], "https://shop.example/forum/t/123", &[]), PageType::Forum);
        assert_eq!(classify_with(&[], "https://shop.example/docs/install", &[]), PageType::Documentation);
        assert_eq!(classify_with(&[], "https://shop.example/", &[]), PageType::Service);
        assert_eq!(path_kind(page_url("https://shop.example/product-category/shoes")), Some(PageType::Product));
        assert_eq!(path_kind(page_url("https://shop.example/best-oral-hygiene-products/")), None);
        assert_eq!(path_kind(page_url("https://shop.example/viewtopic.php?t=1")), Some(PageType::Forum));
        assert_eq!(path_kind(page_url("https://acme.example/services/cloud-migration/")), Some(PageType::Service));
        assert_eq!(path_kind(page_url("https://acme.example/managed-services/resources/blog/why-migrate")), Some(PageType::Article));
        assert_eq!(path_kind(page_url("https://talk.example/t/my-take-on-valuation/105724")), Some(PageType::Forum));
        assert_eq!(path_kind(page_url("https://shop.example/t-shirts/blue")), None, "a one-letter word inside a segment");
        assert_eq!(path_kind(page_url("https://shop.example/c/hiking-boots")), Some(PageType::Collection));
        assert_eq!(path_kind(page_url("https://docs.example.org/en/latest/user/advanced/")), Some(PageType::Documentation));
        assert_eq!(path_kind(page_url("https://forum.example.org/some-thread-title-here")), Some(PageType::Forum));
        assert_eq!(path_kind(page_url("https://games.example/boards/189706-switch/80702016")), Some(PageType::Forum));
        assert_eq!(path_kind(page_url("https://boards.example.com/what-is-your-favourite-film")), Some(PageType::Forum));
        assert_eq!(path_kind(page_url("https://docs.example.org/blog/release-notes")), Some(PageType::Article), "the path before the host");
        assert_eq!(path_kind(page_url("https://www.example.org/")), None);
        assert_eq!(path_kind(page_url("https://acme.example/data-analytics-services/")), Some(PageType::Service));
        assert_eq!(path_kind(page_url("https://acme.example/how-to-choose-a-cleaning-service/")), None, "a headline's slug");
        assert_eq!(path_kind(page_url("https://acme.example/post/blockchain-seo-agency")), Some(PageType::Article));
        assert_eq!(path_kind(page_url("https://acme.example/about/news/")), Some(PageType::Listing));
        assert_eq!(path_kind(page_url("https://acme.example/news/rates-rise")), Some(PageType::Article));
        assert_eq!(classify_with(&["Article"], "https://acme.example/services/cloud-migration/", &[]), PageType::Service);
        let home = |url: &str| PageUrl::parse(url).as_ref().is_some_and(is_home_page);
        assert!(home("https://news.example/") && home("https://news.example/index.php?ref=x") && home("https://news.example"));
        assert!(!home("https://news.example/2025/story") && !home("https://news.example/news"));
        assert!(!home("") && !home("https://forum.example/index.php?/topic/201820-split/"));
        // A relative canonical URL names no site: it is no home page (it was read as a host).
        assert!(!home("viewtopic.php?id=309936") && !home("What are the different types of wine?") && !home("/"));
        assert!(home("//news.example/"), "a protocol-relative URL has its host");
    }

    #[test]
    fn a_home_page_is_a_front_page_or_a_service_page() {
        let prose = Block::paragraph("A long sentence of running text that goes on and on, as articles do, with more words. ".repeat(3));
        let blocks = [prose];
        let types = ["Article".to_string()];
        let home = |teasers| {
            classify(&Evidence {
                declared_types: &types,
                microdata_types: &[],
                teasers,
                product_offered: true,
                og_type: None,
                url: Some(page_url("https://acme.example/")),
                blocks: &blocks,
                dated: true,
                declares_date: false,
                credited: true,
            })
        };
        assert_eq!(home(0), PageType::Service);
        assert_eq!(home(MIN_FRONT_PAGE_TEASERS), PageType::Listing);
        assert_eq!(classify_with(&["Article"], "https://acme.example/why-acme", &blocks), PageType::Article);
    }

    #[test]
    fn undated_unsigned_code_is_documentation() {
        let blocks = [
            Block::paragraph("Call the function with a path.".to_string()),
            Block { kind: BlockKind::Code { lang: None }, ..Block::paragraph("open(\"a.txt\")".to_string()) },
        ];
        let evidence = |dated| Evidence {
            declared_types: &[],
            microdata_types: &[],
            teasers: 0,
            product_offered: true,
            og_type: Some("article"),
            url: Some(page_url("https://lib.example/guide/io")),
            blocks: &blocks,
            dated,
            declares_date: dated,
            credited: false,
        };
        assert_eq!(classify(&evidence(false)), PageType::Documentation);
        assert_eq!(classify(&evidence(true)), PageType::Article, "a dated post showing code");
        let home = Evidence { url: Some(page_url("https://lib.example/")), ..evidence(false) };
        assert_eq!(classify(&home), PageType::Service, "a product's home page showing a sample");
    }

    #[test]
    fn a_product_without_offers_or_prices_is_review_markup() {
        let types = ["LocalBusiness".to_string(), "Product".to_string(), "AggregateRating".to_string()];
        let blocks = [Block::paragraph("We move homes and offices across the state, with care. ".repeat(8))];
        let page = |product_offered, blocks: &[Block]| {
            classify(&Evidence {
                declared_types: &types,
                microdata_types: &[],
                teasers: 0,
                product_offered,
                og_type: None,
                url: Some(page_url("https://movers.example/residential")),
                blocks,
                dated: false,
                declares_date: false,
                credited: false,
            })
        };
        assert_eq!(page(false, &blocks), PageType::Service);
        assert_eq!(page(true, &blocks), PageType::Product);
        assert_eq!(page(false, &[Block::paragraph("Moving kit, $49.99".to_string())]), PageType::Product, "a price shown");
    }

    #[test]
    fn undated_text_is_an_article_under_a_headline_slug() {
        let guide: Vec<Block> = (0..40)
            .map(|i| Block {
                kind: BlockKind::ListItem { ordered: false, depth: 0 },
                ..Block::paragraph(format!("Step {i}: check the oil level and the tyre pressure"))
            })
            .collect();
        let undated = |url| {
            classify(&Evidence {
                declared_types: &[],
                microdata_types: &[],
                teasers: 0,
                product_offered: true,
                og_type: None,
                url: Some(page_url(url)),
                blocks: &guide,
                dated: false,
                declares_date: false,
                credited: false,
            })
        };
        assert_eq!(undated("https://garage.example/learning/car-maintenance-checklist-for-new-drivers"), PageType::Article);
        assert_eq!(undated("https://garage.example/car-maintenance"), PageType::Service);
        assert_eq!(classify_with(&[], "https://garage.example/car-maintenance", &guide), PageType::Article, "dated");
        assert!(
            has_headline_slug(page_url("https://a.example/x/what-to-look-for-in-a-car.html"))
                && !has_headline_slug(page_url("https://a.example/data-analytics-services/"))
        );
        let short = &guide[..3];
        assert_eq!(
            classify(&Evidence {
                blocks: short,
                ..Evidence {
                    declared_types: &[],
                    microdata_types: &[],
                    teasers: 0,
                    product_offered: true,
                    og_type: None,
                    url: Some(page_url("https://garage.example/a/b")),
                    blocks: &guide,
                    dated: false,
                    declares_date: false,
                    credited: false
                }
            }),
            PageType::Unknown,
            "too short to be read as text"
        );
    }

    #[test]
    fn linked_titles_with_summaries_are_a_listing() {
        let teaser = |i: usize| {
            let title = format!("Story number {i} of today");
            let linked = Block { link_chars: title.chars().count(), ..Block::paragraph(title) };
            vec![linked, Block::paragraph("What the story tells its readers.".to_string()), Block::paragraph(format!("October {i}"))]
        };
        let blocks: Vec<Block> = (0..MIN_LISTING_LINKS).flat_map(teaser).collect();
        assert_eq!(content_shape(&blocks), Some(PageType::Listing), "a third of the blocks are links, most of the words");
        assert_eq!(content_shape(&blocks[..3 * (MIN_LISTING_LINKS - 1)]), None, "too few links");
    }

    #[test]
    fn content_shape_decides_when_nothing_is_declared() {
        let prose = Block::paragraph("A long sentence of running text that goes on and on, as articles do, with more words. ".repeat(3));
        assert_eq!(classify_with(&[], "https://shop.example/a/b", &[prose]), PageType::Article);
        let prices: Vec<Block> = (0..5).map(|i| Block::paragraph(format!("Item {i} $19.99"))).collect();
        assert_eq!(classify_with(&["Product"], "https://shop.example/a/b", &prices), PageType::Collection);
        assert_eq!(classify_with(&[], "https://shop.example/a/b", &prices), PageType::Collection);
        assert_eq!(classify_with(&[], "https://review.example/blog/best-laptops", &prices), PageType::Article, "a buyer's guide");
        let og = |og_type, types: &[&str]| {
            let types: Vec<String> = types.iter().map(|t| (*t).to_string()).collect();
            classify(&Evidence {
                declared_types: &types,
                microdata_types: &[],
                teasers: 0,
                product_offered: true,
                og_type: Some(og_type),
                url: Some(page_url("https://shop.example/a/b")),
                blocks: &prices,
                dated: false,
                declares_date: false,
                credited: false,
            })
        };
        assert_eq!(og("product.group", &["Product"]), PageType::Collection);
        assert_eq!(og("product", &["Product"]), PageType::Product, "one item's page listing its variants' prices");
        assert_eq!(og("website", &["Product"]), PageType::Collection);
        assert!(has_price("€ 12,50") && has_price("19.99 EUR") && !has_price("the euro zone"));
    }
}
