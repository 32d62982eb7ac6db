//! The names of page regions in `id` and `class` values, read by the clean stage
//! ([`crate::extract::clean`]) to mark what can never be content. The values are lowercased
//! before matching. How each list is matched decides which entries can ever match; the tests
//! in [`super`] check each list against its matching.

/// ARIA roles of pop-ups laid over the page and of the page footer: never content.
pub(crate) const OVERLAY_ROLES: &[&str] = &["dialog", "alertdialog", "contentinfo"];

/// ARIA landmark roles that never hold the main content (the roles of [`OVERLAY_ROLES`] are
/// dropped before this list is read).
pub(crate) const BOILERPLATE_ROLES: &[&str] = &["navigation", "banner", "complementary", "menu", "menubar", "search", "toolbar"];

/// ARIA roles of regions and tab panels: hidden until shown, but content.
pub(crate) const PANEL_ROLES: &[&str] = &["region", "tabpanel"];

/// Name tokens of teasers (`teaser`, `article-teaser`, `teasers--3columns`).
pub(crate) const TEASER_TOKENS: &[&str] = &["teaser", "teasers"];

/// Input types that are not entries (a form with several entries is an interface).
pub(crate) const NON_ENTRY_INPUT_TYPES: &[&str] = &["hidden", "submit", "button", "image", "reset"];

/// Words that name a shopping cart, as a token of a form's target URL or of its names.
pub(crate) const CART_TOKENS: &[&str] = &["cart", "basket", "addtocart", "panier", "warenkorb", "carrito", "carrello", "winkelwagen", "koszyk"];

/// Compound names of a purchase form, matched as substrings of its target or names.
/// (`add-to-cart` needs no entry: its token `cart` is a cart token.)
pub(crate) const BUY_NAMES: &[&str] = &["buy-box", "buybox", "buy-form", "buy_form"];

/// Names of customer-review widgets (matched as substrings of `id`/`class`): beside a
/// product, never its description.
pub(crate) const REVIEW_NAMES: &[&str] = &["review", "jdgm", "yotpo", "okendo", "bv-", "loox", "testimonial"];

/// Name tokens of overlays: modal dialogs, pop-ups, cookie and consent banners.
pub(crate) const OVERLAY_TOKENS: &[&str] = &["modal", "popup", "cookie", "cookies", "consent", "gdpr", "cookiebanner"];

/// Class names of the common CSS frameworks for visually hidden text.
pub(crate) const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader-only",
    "skip-link",
    "skiplink",
    "skip-to-content",
    "element-invisible",
    "u-hidden",
    "is-hidden",
    "d-none",
    "hide",
    "offscreen",
    "a11y-hidden",
    "visibility-hidden",
    "invisible",
];

/// Names of accordions, tabs and toggles (matched as substrings of `id`/`class`): hidden
/// until clicked, but content (`tabpanel` and `tab-panel` are caught by `panel`).
pub(crate) const PANEL_NAMES: &[&str] = &["accordion", "collaps", "tab-pane", "tabcontent", "tab-content", "toggle", "faq", "expand", "disclosure", "panel"];

/// Words that, as a whole token of an `id` or `class` (split at `-`, `_`, spaces and case
/// changes are not split), name a page region that is not main content. Whole-token matching
/// keeps `header` from matching `subheader`-less names like `leader`, and `ad` from `head`.
/// Words that overlays use (`cookie`, `consent`) are [`OVERLAY_TOKENS`], dropped before this
/// list is read, and words that a [`BOILERPLATE_SUBSTRINGS`] entry holds (`sidebar`,
/// `advertisement`, `sponsored`) need no token of their own.
pub(crate) const BOILERPLATE_TOKENS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "footer",
    "share",
    "sharing",
    "sharebar",
    "social",
    "socials",
    "related",
    "recommended",
    "recommendations",
    "subscribe",
    "subscription",
    "banner",
    "ad",
    "ads",
    "adsbygoogle",
    "adsense",
    "promo",
    "overlay",
    "comments",
    "comment",
    "disqus",
    "pagination",
    "pager",
    "toolbar",
    "masthead",
    "topbar",
    "skip",
    "signup",
    "login",
    "outbrain",
    "taboola",
    "print",
    "rating",
    "byline",
    "bio",
    "authorbox",
    "caption",
    "credit",
    "credits",
    "tags",
    "tagcloud",
];

/// Compound names (matched as substrings of the whole `id`/`class` value) that always mean
/// boilerplate whatever the separators.
pub(crate) const BOILERPLATE_SUBSTRINGS: &[&str] = &[
    "cookie",
    "social-",
    "share-",
    "-share",
    "related-",
    "-related",
    "newsletter",
    "breadcrumb",
    "sidebar",
    "comment-form",
    "commentform",
    "advert",
    "sponsor",
    "readmore",
    "read-more",
    "more-from",
    "author-bio",
    "author-box",
    "about-author",
    "about-the-author",
    "most-read",
    "mostread",
    "most-popular",
    "trending",
    "recirc",
];

/// Names of the parts of a forum post that describe its poster rather than say anything:
/// rank titles and banners, the join date / post count / reputation box, the signature.
/// Forum engines repeat them under every post (XenForo `message-userExtras`, Invision
/// `cAuthorPane_stats`, vBulletin `userinfo_extra`, MyBB `author_statistics`, phpBB
/// `profile-posts`, SMF `postcount`/`membergroup`, phpBB and Stack Exchange `signature`s).
pub(crate) const POSTER_PANEL_NAMES: &[&str] = &[
    "userextras",
    "user-extras",
    "userinfo_extra",
    "usertitle",
    "userbanner",
    "userrank",
    "authorpane_stats",
    "user-stats",
    "userstats",
    "author_statistics",
    "profile-posts",
    "profile-joined",
    "profile-rank",
    "postcount",
    "postgroup",
    "membergroup",
    "signature",
];

/// Name tokens of the score and reaction controls beside a post or an answer (Stack Exchange
/// `votecell`/`js-vote-count`, Invision `ipsReact`, XenForo `reactionsBar`): a bare count and
/// the names of those who liked it, never part of what was said.
pub(crate) const VOTE_TOKENS: &[&str] = &["vote", "votes", "votecell", "upvote", "downvote", "ipsreact", "reactionsbar"];

/// Prefixes of classes that describe what an item is about or its state, not what region it
/// is: blog engines tag a post `category-newsletter` or `tag-social-media`.
pub(crate) const TAXONOMY_PREFIXES: &[&str] = &["category-", "tag-", "format-", "status-", "type-", "has-", "is-"];

/// Suffixes of classes that state what an element can do or is doing, not what it is: an
/// article `modal-enabled` opens pictures in a modal, a wrapper `menu-open` has its menu open.
pub(crate) const STATE_SUFFIXES: &[&str] = &["-enabled", "-disabled", "-open", "-opened", "-closed", "-active", "-inactive", "-loaded", "-ready", "-visible"];

/// Names of the element that holds a page's main content (matched as substrings of
/// `id`/`class`: `article-body` catches `c-article-body`, `post-content` `td-post-content`).
pub(crate) const CONTENT_NAMES: &[&str] = &[
    "article-body",
    "article-content",
    "articlebody",
    "post-content",
    "post-body",
    "entry-content",
    "story-body",
    "main-content",
    "page-content",
    "content-body",
    "article__body",
    "post-entry",
    "blog-content",
    "single-content",
    "text-content",
    "rich-text",
];

/// Name tokens of a page layout's side columns (`div.gamma`, `div.yom-secondary`): beside a
/// short post they hold the blog's link lists. On dragnet-train the Greek-letter columns of
/// blog templates fix 13 pages and break 1 (by 0.04); `secondary` fixes 3. No WCXB page moves.
pub(crate) const SIDE_COLUMN_TOKENS: &[&str] = &["secondary", "alpha", "beta", "gamma"];

/// Prefixes of name tokens of side columns (`column-right`, `rightwrapper`, `sidebar`,
/// `side`): on dragnet-train `right` fixes 13 pages and `side` 3, breaking none; no WCXB page
/// moves.
pub(crate) const SIDE_COLUMN_PREFIXES: &[&str] = &["right", "side"];

/// Name tokens of a picture's caption box, spared when it holds more prose than a caption can
/// (a media viewer's story): on dragnet-train 5 pages better (321, 439, R901 by 0.9), 2 worse
/// by 0.02; on wcxb-dev 3 better, 4 worse by at most 0.02.
pub(crate) const CAPTION_TOKENS: &[&str] = &["caption"];

/// Whole class names and ids of a sidebar, which is not spared as a wrapper when a story
/// stands outside it (with `<aside>`: on dragnet-train 14 pages better, T83 by 0.82; 1 worse by
/// 0.01; on wcxb-dev 1 better, none worse). `primary-sidebar` and `sidebar-wrapper` fix one
/// page each.
pub(crate) const SIDEBAR_NAMES: &[&str] = &["sidebar", "sidebars", "primary-sidebar", "sidebar-wrapper"];

/// Name tokens of the content region: an element named both as content and sidebar is the
/// layout's wrapper of both (`content-sidebar-wrap`, `body_main sidebar`), not a sidebar.
pub(crate) const CONTENT_TOKENS: &[&str] = &["content", "main"];

/// Name tokens of the lead paragraph (standfirst, chapô, teaser) that news and blog templates
/// place between the headline and the body.
pub(crate) const LEAD_TOKENS: &[&str] =
    &["intro", "lead", "lede", "teaser", "chapo", "chapeau", "standfirst", "summary", "excerpt", "deck", "abstract", "subline", "kicker"];

/// False for classes that do not name an element's role: utility classes with variants or
/// values (`print:hidden`, `[--nav-height:4rem]`, `w-1/2`), taxonomy/state classes, and
/// numbered item classes (`post-589546`, `comment-12`, `comment-1065461_wrap`; but a count
/// glued to a word, as in `teasers--3columns`, is a layout variant of a role).
pub(crate) fn names_a_role(class: &str) -> bool {
    let number = class.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '-');
    let after_digits = number.trim_start_matches(|c: char| c.is_ascii_digit());
    let numbered_item = number.starts_with(|c: char| c.is_ascii_digit()) && !after_digits.starts_with(|c: char| c.is_ascii_alphabetic());
    !class.contains([':', '[', '/'])
        && !numbered_item
        && !TAXONOMY_PREFIXES.iter().any(|p| class.starts_with(p))
        && !STATE_SUFFIXES.iter().any(|s| class.ends_with(s))
}
