//! The words the metadata stage reads bylines, date labels, titles and page types by
//! ([`crate::metadata`]). The tables that pair a word with a page type stay beside the page
//! types in `metadata/page_type.rs` (the lexicon depends on nothing).

// Authors: bylines and the names in them.

/// Words that introduce a byline in the languages gleaner meets most ("By Jane Doe", "Von
/// Max Muster", "Written by …"), matched case-insensitively at the start.
pub(crate) const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "post by",
    "published by",
    "via",
    "reviewed by",
    "edited by",
    "story by",
    "words by",
    "text by",
    "by",
    "author:",
    "authors:",
    "author",
    "von",
    "par",
    "por",
    "door",
    "di",
    "autor:",
    "autorin:",
    "autor",
    "auteur:",
    "redaktion:",
    "text:",
];

/// Words after which a byline goes on with something other than names: a date label, a
/// month, a weekday, a role ("Jane Doe Last updated: May 5", "Jane Doe Staff Writer").
pub(crate) const END_OF_NAMES: &[&str] = &[
    "updated",
    "published",
    "posted",
    "reviewed",
    "last",
    "on",
    "am",
    "le",
    "el",
    "il",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "writer",
    "editor",
    "reporter",
    "contributor",
    "correspondent",
    "columnist",
    "journalist",
    "staff",
    "follow",
    "email",
    "read",
    "min",
    "minutes",
    "ago",
    "from",
    "wrote",
    "says",
    "said",
    "offline",
    "online",
    "member",
    "moderator",
    "joined",
    "posts",
    "messages",
    "reputation",
    "location",
    "reviewer",
    "veteran",
    "newbie",
    "greenhorn",
    "full",
    "senior",
    "junior",
    "registered",
    "active",
    "premium",
    "super",
    "well",
    "known",
    "verified",
];

/// Roles that, after a single capitalised word, name a publication's team.
pub(crate) const COLLECTIVE_ROLES: &[&str] = &["staff", "team", "contributor", "contributors", "editor", "editors", "writer", "writers", "desk"];

/// Words that label a byline rather than name anyone.
pub(crate) const NOT_NAMES: &[&str] = &[
    "author",
    "authors",
    "admin",
    "administrator",
    "editor",
    "editors",
    "staff",
    "guest",
    "anonymous",
    "unknown",
    "redaktion",
    "autor",
    "updated",
    "published",
    "posted",
    "deleted member",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that open a byline written as plain text ("By Jane Doe", "Written by" followed by
/// the name in its own element), matched case-insensitively. Reviewers and editors are left
/// out: they are not the author.
pub(crate) const TEXT_BYLINE_LABELS: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "words by",
    "story by",
    "text by",
    "article by",
    "author:",
    "authors:",
    "author",
    "authors",
    "author(s)",
    "contributors",
    "contributor",
    "von",
    "par",
    "por",
    "door",
];

/// Lowercase words that may stand inside a name (`Ludwig van Beethoven`).
pub(crate) const NAME_PARTICLES: &[&str] = &["van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "dos", "bin", "al", "el", "ter", "ten"];

/// Attributes in which forum engines name a post's author.
pub(crate) const POST_AUTHOR_ATTRIBUTES: &[&str] = &["data-author", "data-username"];

/// Credentials and name suffixes, lowercase without punctuation: never a name on their own
/// (`PhD`, `M.D.`, `Jr.`).
pub(crate) const CREDENTIALS: &[&str] = &["phd", "md", "mph", "rn", "jr", "sr", "mba", "msc", "bsc", "esq", "dds", "dvm", "ma", "ba", "ms"];

// Dates: the labels before a date.

/// Words that mark a date as a modification date, lowercase, in several languages (matched
/// as substrings, the earliest and then the shortest first: `update` catches `updated`).
pub(crate) const MODIFIED_WORDS: &[&str] = &[
    "update",
    "modified",
    "last edited",
    "edited",
    "revised",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualizado",
    "actualizada",
    "actualización",
    "aggiornato",
    "zaktualizowano",
    "aktualizacja",
    "bijgewerkt",
    "обновлено",
];

/// Words that label the day a member joined a forum or site, lowercase, in several languages:
/// the profile card beside each post shows it, and it dates the member, not the post.
pub(crate) const MEMBER_SINCE_WORDS: &[&str] = &[
    "joined",
    "join date",
    "member since",
    "registered",
    "beigetreten",
    "registriert",
    "mitglied seit",
    "inscrit",
    "membre depuis",
    "inscription",
    "miembro desde",
    "registrado",
    "iscritto",
    "registrato",
    "dołączył",
    "zarejestrowany",
    "lid sinds",
];

/// Words that label a date as the publication date, lowercase, in several languages (matched
/// as substrings: `published` catches `datePublished`).
pub(crate) const PUBLISHED_WORDS: &[&str] =
    &["published", "posted", "created", "veröffentlicht", "publié", "publicado", "pubblicato", "opublikowano", "erschienen"];

// Titles: how a page's title joins the headline and the site's name.

/// Separators sites put between a headline and their name in `<title>`.
pub(crate) const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ", " / ", "_", "｜"];

/// Separators that never occur inside a headline's prose: an `<h1>` holding one is a
/// template's `Headline | Tagline` or `Headline | Site`.
pub(crate) const BARS: &[&str] = &[" | ", "｜"];

/// Second-level labels under which country domains register names (`example.co.uk`).
pub(crate) const SECOND_LEVEL_LABELS: &[&str] = &["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"];

/// Separators that also occur inside headlines (`snake_case`, `Movers / Moving Companies`):
/// they confirm an `<h1>` but do not cut a title.
pub(crate) const WEAK_SEPARATORS: &[&str] = &[" / ", "_"];

// Page types: declared types, URL words and prices.

/// `og:type` values of a group of products (a shop's category page).
pub(crate) const OG_PRODUCT_GROUPS: &[&str] = &["product.group", "product:group"];

/// JSON-LD types of articles.
pub(crate) const DECLARED_ARTICLE: &[&str] = &[
    "NewsArticle",
    "BlogPosting",
    "Article",
    "ReportageNewsArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "LiveBlogPosting",
    "Recipe",
    "ScholarlyArticle",
    "Report",
];

/// JSON-LD types of lists of other pages.
pub(crate) const DECLARED_LIST: &[&str] = &["ItemList", "CollectionPage"];

/// Names of a site's sections of publications: as the last segment of a path
/// (`/news`, `/blog/`) they name the section's index, a list of its stories.
pub(crate) const SECTION_INDEXES: &[&str] = &["news", "blog", "blogs", "articles", "posts", "stories", "issues"];

/// Last words of a short slug that name what a company offers
/// (`/data-analytics-services/`, `/seo-agency`, `/college-admissions-packages/`).
pub(crate) const OFFERING_WORDS: &[&str] = &["services", "service", "solutions", "consulting", "agency", "company", "packages", "pricing", "plans"];

/// Currency signs and codes: one next to a number is a price.
pub(crate) const CURRENCIES: &[&str] = &["$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "chf", "kr"];
