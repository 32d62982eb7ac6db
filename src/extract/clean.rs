//! Stage "clean": marks the nodes that can never be content (scripts, styles, hidden
//! elements, form controls) and those that are boilerplate by their tag or their `id`/`class`
//! names (navigation, footers, share bars, cookie banners, related-links boxes…).

use crate::dom::{Dom, Element, NodeData, NodeId, Tag};
use crate::lexicon::names::{
    BOILERPLATE_ROLES, BOILERPLATE_SUBSTRINGS, BOILERPLATE_TOKENS, BUY_NAMES, CART_TOKENS, HIDDEN_CLASSES, NON_ENTRY_INPUT_TYPES, OVERLAY_ROLES,
    OVERLAY_TOKENS, PANEL_NAMES, PANEL_ROLES, POSTER_PANEL_NAMES, REVIEW_NAMES, TEASER_TOKENS, VOTE_TOKENS, names_a_role,
};

/// What the clean stage decided about a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// May be content.
    Keep,
    /// Never content: its subtree is ignored everywhere.
    Drop,
    /// Boilerplate by its markup (tag or names): ignored unless it turns out to wrap the
    /// page's main content (see [`super::score`]).
    Boilerplate,
}

/// Marks every node by itself; only [`Mark::Drop`] is inherited here, so that a boilerplate
/// wrapper can still be spared later (see [`propagate`]).
#[must_use]
///
/// `product_declared` says the page's JSON-LD declares a `Product` (the markup is read for one too).
pub fn mark(dom: &Dom, product_declared: bool) -> Vec<Mark> {
    let product_page = product_declared || declares_product(dom);
    let mut marks = vec![Mark::Keep; dom.nodes.len()];
    // Pages repeat a few dozen class strings over thousands of elements: each is read once.
    let mut verdicts: std::collections::HashMap<&str, NameVerdict> = std::collections::HashMap::new();
    for (index, node) in dom.nodes.iter().enumerate() {
        if node.parent.is_some_and(|p| marks[p.index()] == Mark::Drop) {
            marks[index] = Mark::Drop;
            continue;
        }
        if let NodeData::Element(element) = &node.data {
            let names = match element.id_class.as_str() {
                "" => NameVerdict::default(),
                id_class => *verdicts.entry(id_class).or_insert_with(|| NameVerdict::of(id_class)),
            };
            marks[index] = mark_element(element, names);
            // An article's `<header>` often holds its deck (standfirst): a sentence of a dozen
            // words outside the headline and links is content, so such a header is kept.
            if element.tag == Tag::Header && marks[index] == Mark::Boilerplate && holds_deck(dom, NodeId::from_index(index)) {
                marks[index] = Mark::Keep;
            }
            // A `<footer>` inside a quotation holds its citation, not the page's footer.
            if element.tag == Tag::Footer && dom.ancestors(NodeId::from_index(index)).any(|a| dom.tag(a) == Tag::Blockquote) {
                marks[index] = Mark::Keep;
            }
            // A teaser that links elsewhere is a pointer to another page ("teaser" alone also
            // names an article's own lead, which has no link); one of a row of look-alikes is
            // an item of a listing, the content of its page.
            if marks[index] == Mark::Keep && is_teaser(element) && links_elsewhere(dom, NodeId::from_index(index)) && !in_row(dom, NodeId::from_index(index)) {
                marks[index] = Mark::Boilerplate;
            }
            if marks[index] == Mark::Keep
                && ((element.tag == Tag::Form && (is_entry_form(dom, NodeId::from_index(index)) || is_purchase_form(element)))
                    || (product_page && is_review_block(element)))
            {
                marks[index] = Mark::Boilerplate;
            }
        }
    }
    marks
}

/// True when element `id`, inside a comment, is not part of what the comment says: never
/// content (scripts, controls), hidden, a form, or boilerplate by its tag or names — except the
/// `<header>`/`<footer>` that hold a comment's author and date, and the parts named for the
/// comment (`comment-content`, `comment-meta`), which the page's own marks set aside with the
/// whole thread. Not inherited: the caller stops at the first such element.
#[must_use]
pub fn is_comment_furniture(dom: &Dom, id: NodeId) -> bool {
    let Some(element) = dom.element(id) else { return false };
    if matches!(element.tag, Tag::Header | Tag::Footer) || crate::comments::is_comment_region(element) {
        return false;
    }
    mark_element(element, NameVerdict::of(&element.id_class)) != Mark::Keep || (element.tag == Tag::Form && is_entry_form(dom, id))
}

/// A form where the reader types or picks several things (sign-up, contact, search filters) is
/// an interface, not content. Forms wrapping a whole page (ASP.NET) have few such controls for
/// their size and are spared as wrappers anyway.
fn is_entry_form(dom: &Dom, form: NodeId) -> bool {
    let controls = dom
        .subtree(form)
        .filter_map(|id| dom.element(id))
        .filter(|e| match e.tag {
            Tag::Select | Tag::Textarea => true,
            Tag::Input => !e.attr("type").is_some_and(|t| NON_ENTRY_INPUT_TYPES.contains(&t.trim().to_ascii_lowercase().as_str())),
            _ => false,
        })
        .count();
    controls >= MIN_FORM_CONTROLS
}

/// A form that sends to a cart (`action="/cart/add"`, `class="variations_form cart"`,
/// `id="addToCart"`) is the purchase interface — variant pickers, quantity boxes, price tiers,
/// payment plans, stock notices — beside the product's description, never the description
/// itself, whatever few controls it has.
fn is_purchase_form(element: &Element) -> bool {
    let action = element.attr("action").unwrap_or("").to_ascii_lowercase();
    [action.as_str(), element.id_class.as_str()]
        .iter()
        .any(|names| names.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| CART_TOKENS.contains(&token)) || BUY_NAMES.iter().any(|b| names.contains(b)))
}

/// True for elements named as teasers (`teaser`, `article-teaser`, `teasers--3columns`).
fn is_teaser(element: &Element) -> bool {
    element
        .id_class
        .split_whitespace()
        .filter(|class| names_a_role(class))
        .any(|class| class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| TEASER_TOKENS.contains(&token)))
}

/// A row of at least this many look-alike siblings is a listing.
const MIN_ROW_ITEMS: usize = 3;

/// A teaser this many levels below an item of a row belongs to that item.
const MAX_ITEM_DEPTH: usize = 3;

/// True when `id` or one of its nearest ancestors is an item of a row of look-alikes.
fn in_row(dom: &Dom, id: NodeId) -> bool {
    std::iter::once(id).chain(dom.ancestors(id)).take(MAX_ITEM_DEPTH + 1).any(|a| is_row_item(dom, a))
}

/// True when `id` has at least [`MIN_ROW_ITEMS`] siblings (itself included) of its tag and class.
fn is_row_item(dom: &Dom, id: NodeId) -> bool {
    let (Some(element), Some(parent)) = (dom.element(id), dom.node(id).parent) else { return false };
    let class = element.attr("class");
    dom.node(parent).children.iter().filter(|&&s| dom.element(s).is_some_and(|e| e.tag == element.tag && e.attr("class") == class)).count() >= MIN_ROW_ITEMS
}

/// True when the subtree of `id` holds a link to another page.
fn links_elsewhere(dom: &Dom, id: NodeId) -> bool {
    dom.subtree(id).any(|d| dom.element(d).is_some_and(crate::dom::Element::is_navigating_link))
}

/// A deck has at least this many words.
const MIN_DECK_WORDS: usize = 12;

/// True when a text node under `header` has [`MIN_DECK_WORDS`] words and sits outside
/// headings, links and navigation.
fn holds_deck(dom: &Dom, header: NodeId) -> bool {
    dom.descendants(header).any(|id| {
        matches!(&dom.node(id).data, NodeData::Text(t) if crate::text::word_count(t) >= MIN_DECK_WORDS)
            && !dom
                .ancestors(id)
                .take_while(|&a| a != header)
                .any(|a| matches!(dom.tag(a), Tag::H1 | Tag::H2 | Tag::A | Tag::Nav | Tag::Script | Tag::Style | Tag::Noscript))
    })
}

/// A form with at least this many entry controls is an interface.
const MIN_FORM_CONTROLS: usize = 3;

/// True when the page's markup says it is about a product (microdata `Product` or `og:type`
/// product; JSON-LD is read by the metadata stage): its customer reviews are then a widget
/// beside the content. (On articles and forums, text in "review" containers is often the
/// content itself.)
fn declares_product(dom: &Dom) -> bool {
    dom.nodes.iter().any(|node| {
        let NodeData::Element(e) = &node.data else { return false };
        match e.tag {
            Tag::Meta => {
                e.attr("property").is_some_and(|p| p.eq_ignore_ascii_case("og:type"))
                    && e.attr("content").is_some_and(|c| c.trim().eq_ignore_ascii_case("product"))
            }
            _ => e.attr("itemtype").is_some_and(|t| t.trim_end_matches('/').ends_with("schema.org/Product")),
        }
    })
}

/// Customer-review containers, by the names review widgets use.
fn is_review_block(element: &Element) -> bool {
    REVIEW_NAMES.iter().any(|name| element.id_class.contains(name))
}

/// Gives every node the mark of its nearest non-kept ancestor (a dropped node stays dropped).
pub fn propagate(dom: &Dom, marks: &mut [Mark]) {
    for index in 0..dom.nodes.len() {
        if let Some(parent) = dom.nodes[index].parent {
            let inherited = marks[parent.index()];
            if inherited != Mark::Keep && marks[index] != Mark::Drop {
                marks[index] = inherited;
            }
        }
    }
}

/// What an element's lowercased `id`/`class` string says of it, whatever the element.
#[derive(Debug, Clone, Copy, Default)]
struct NameVerdict {
    /// Names a pop-up laid over the page (modal, cookie banner).
    overlay: bool,
    /// Holds a screen-reader-only class.
    hidden: bool,
    /// Names a boilerplate region.
    boilerplate: bool,
}

impl NameVerdict {
    fn of(id_class: &str) -> Self {
        Self {
            overlay: id_class
                .split_whitespace()
                .filter(|class| names_a_role(class))
                .any(|class| class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| OVERLAY_TOKENS.contains(&token))),
            hidden: id_class.split_whitespace().any(|class| HIDDEN_CLASSES.contains(&class)),
            boilerplate: has_boilerplate_name(id_class),
        }
    }
}

/// The mark an element earns by itself; `names` is what its `id`/`class` string says.
fn mark_element(element: &Element, names: NameVerdict) -> Mark {
    if never_content(element.tag) || is_overlay(element, names) {
        return Mark::Drop;
    }
    // Hidden elements are usually menus and pop-ups, but some pages hide their whole content
    // until a script reveals it: as boilerplate, a hidden wrapper of most prose is spared.
    if (names.hidden || is_hidden(element)) && !is_collapsed_panel(element) {
        return Mark::Boilerplate;
    }
    // The page's root and its declared main element are never boilerplate by their names,
    // which there describe the layout ("has-sidebar", "menu-open"), not the region.
    if matches!(element.tag, Tag::Html | Tag::Body | Tag::Main) {
        return Mark::Keep;
    }
    // Captions describe pictures; they are not part of the text a reader wants (and repeat
    // the headline or credit a photographer).
    // `<noscript>` holds "enable JavaScript" notices and tracking pixels, but sometimes the
    // whole page (then it is spared as a wrapper). (`<footer>` is an overlay, dropped above.)
    if matches!(element.tag, Tag::Nav | Tag::Aside | Tag::Header | Tag::Menu | Tag::Figcaption | Tag::Noscript)
        || has_boilerplate_role(element)
        || names.boilerplate
    {
        return Mark::Boilerplate;
    }
    Mark::Keep
}

/// Pop-ups laid over the page — modal dialogs, cookie and consent banners — are never its
/// content, however much text they hold (a privacy policy in a modal can outweigh the article,
/// so they must not count when deciding what wraps the content).
fn is_overlay(element: &Element, names: NameVerdict) -> bool {
    if matches!(element.tag, Tag::Html | Tag::Body) {
        return false;
    }
    // The page footer belongs here too: its legal text and disclaimers can outweigh a short
    // page, and it never wraps the content.
    element.tag == Tag::Footer || element.attr("role").is_some_and(|r| OVERLAY_ROLES.contains(&r.trim().to_ascii_lowercase().as_str())) || names.overlay
}

/// Elements whose content is never readable text of the page.
fn never_content(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Template
            | Svg
            | Canvas
            | Iframe
            | Object
            | Embed
            | Button
            | Select
            | Option
            | Optgroup
            | Textarea
            | Input
            | Head
            | Title
            | Meta
            | Link
            | Audio
            | Video
            | Source
            | Track
            | Map
            | Dialog
            | Frame
            | Frameset
    )
}

/// Hidden by the `hidden` attribute, `aria-hidden`, or an inline `display:none` /
/// `visibility:hidden` (a screen-reader-only class, which holds "Skip to content" links and
/// other text sighted readers never see, is read with the names: [`NameVerdict`]).
fn is_hidden(element: &Element) -> bool {
    if (element.attr("hidden").is_some() && !is_streamed_segment(element)) || element.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// True for a segment of a page streamed by React's server renderer: it arrives as
/// `<div hidden id="S:1">` and a script moves it into place at once, so its content is shown.
fn is_streamed_segment(element: &Element) -> bool {
    element.attr("id").and_then(|id| id.strip_prefix("S:")).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Accordions, tabs and "read more" toggles hide part of the content until clicked; that text
/// is content (FAQ answers, product details), unlike hidden menus and pop-ups.
fn is_collapsed_panel(element: &Element) -> bool {
    if element.attr("role").is_some_and(|r| PANEL_ROLES.contains(&r.trim().to_ascii_lowercase().as_str())) {
        return true;
    }
    PANEL_NAMES.iter().any(|name| element.id_class.contains(name))
}

/// ARIA landmark roles that never hold the main content.
fn has_boilerplate_role(element: &Element) -> bool {
    element.attr("role").is_some_and(|role| BOILERPLATE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
}

/// One automaton for all [`BOILERPLATE_SUBSTRINGS`]: every element's names are checked, so
/// one pass per name beats one search per substring.
static BOILERPLATE_MATCHER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| aho_corasick::AhoCorasick::new(boilerplate_substrings()).ok());

/// Every substring that names boilerplate: [`BOILERPLATE_SUBSTRINGS`] and [`POSTER_PANEL_NAMES`].
fn boilerplate_substrings() -> impl Iterator<Item = &'static str> {
    BOILERPLATE_SUBSTRINGS.iter().chain(POSTER_PANEL_NAMES).copied()
}

/// True when the lowercased `id`/`class` string names a boilerplate region.
pub(crate) fn has_boilerplate_name(id_class: &str) -> bool {
    let mut names = id_class.split_whitespace().filter(|class| names_a_role(class));
    names.any(|class| {
        BOILERPLATE_MATCHER.as_ref().map_or_else(|| boilerplate_substrings().any(|s| class.contains(s)), |m| m.is_match(class))
            || class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| BOILERPLATE_TOKENS.contains(&token) || VOTE_TOKENS.contains(&token))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn marks_by_text(html: &str) -> Vec<(String, Mark)> {
        let dom = parse(html);
        let mut marks = mark(&dom, false);
        propagate(&dom, &mut marks);
        dom.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.data {
                NodeData::Text(t) if !t.trim().is_empty() => Some((t.trim().to_string(), marks[i])),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn vote_and_reaction_counts_are_boilerplate() {
        let html = "<div class='answer'><div class='votecell'><div class='js-vote-count'>281</div></div>\
                    <div class='postcell'>Use a hash map; lookups stay constant time.</div>\
                    <div class='ipsReact_reactCount'>5</div><p class='vote-note'>Votes cast by readers</p></div>";
        let marks = marks_by_text(html);
        assert!(marks.iter().all(|(t, m)| (*m == Mark::Keep) == t.starts_with("Use a hash")), "{marks:?}");
    }

    #[test]
    fn a_posters_rank_statistics_and_signature_are_boilerplate() {
        let html = "<div class='message'><div class='message-user'><h4>alice</h4><h5 class='userTitle message-userTitle'>Full Member</h5>\
                    <div class='message-userExtras'><dl><dt>Joined</dt><dd>Jun 29, 2016</dd></dl></div></div>\
                    <div class='message-body'>The answer is in the manual, chapter three.</div>\
                    <div class='message-signature'>Current games: chess</div></div>";
        let marks = marks_by_text(html);
        let mark_of = |text: &str| marks.iter().find(|(t, _)| t == text).map(|(_, m)| *m);
        for text in ["Full Member", "Joined", "Jun 29, 2016", "Current games: chess"] {
            assert_eq!(mark_of(text), Some(Mark::Boilerplate), "{text}");
        }
        assert_eq!(mark_of("alice"), Some(Mark::Keep));
        assert_eq!(mark_of("The answer is in the manual, chapter three."), Some(Mark::Keep));
        let html = "<div class='poster'><h4>bob</h4><ul class='user_info'><li class='postgroup'>Newbie</li><li class='postcount'>Posts: 116</li></ul></div>\
                    <dl class='postprofile'><dt>carol</dt><dd class='profile-posts'>Posts: 4032</dd><dd class='profile-joined'>Joined: May 2019</dd></dl>";
        let marks = marks_by_text(html);
        assert!(marks.iter().all(|(t, m)| (*m == Mark::Boilerplate) == (t.starts_with("Posts") || t.starts_with("Joined") || t == "Newbie")), "{marks:?}");
    }

    #[test]
    fn marks_scripts_hidden_and_boilerplate() {
        let got = marks_by_text(
            "<nav>Home</nav><div class='share-tools'>Share</div><p style='display: none'>ghost</p>\
             <span class='sr-only'>Skip to content</span><a class='visibility-hidden-focusable visibility-hidden'>Skip</a><script>var x</script><p>Body</p>",
        );
        assert_eq!(
            got,
            vec![
                ("Home".into(), Mark::Boilerplate),
                ("Share".into(), Mark::Boilerplate),
                ("ghost".into(), Mark::Boilerplate),
                ("Skip to content".into(), Mark::Boilerplate),
                ("Skip".into(), Mark::Boilerplate),
                ("var x".into(), Mark::Drop),
                ("Body".into(), Mark::Keep),
            ]
        );
    }

    #[test]
    fn names_match_whole_tokens_only() {
        assert!(has_boilerplate_name("post-comments"));
        assert!(has_boilerplate_name("site-nav main"));
        assert!(!has_boilerplate_name("header-image leader"));
        assert!(!has_boilerplate_name("article-body"));
        assert!(!has_boilerplate_name("download"));
        assert!(!has_boilerplate_name("post type-post category-newsletter tag-social-media"));
    }

    #[test]
    fn numbered_items_are_not_roles_but_counted_variants_are() {
        assert!(!names_a_role("post-589546"));
        assert!(!names_a_role("comment-1065461_wrap"));
        assert!(names_a_role("teasers--3columns"));
        assert!(names_a_role("comments"));
        assert!(!names_a_role("modal-enabled"));
        assert!(!names_a_role("menu-open"));
    }

    #[test]
    fn a_linking_teaser_is_boilerplate_unless_one_of_a_row() {
        let story = "<p>The story's own lead, a sentence long enough to be read as prose.</p>";
        let lone = format!("<article>{story}<div class='teaser'><a href='/other'>Another story</a></div></article>");
        assert_eq!(marks_by_text(&lone)[1], ("Another story".into(), Mark::Boilerplate));
        let lead = format!("<article><div class='teaser'>{story}</div></article>");
        assert_eq!(marks_by_text(&lead)[0].1, Mark::Keep);
        let row = "<div class='teaser'><a href='/x'>An item of the listing</a></div>".repeat(3);
        assert!(marks_by_text(&format!("<main>{row}</main>")).iter().all(|(_, m)| *m == Mark::Keep));
    }

    #[test]
    fn a_form_that_sends_to_a_cart_is_not_content() {
        let got = marks_by_text(
            "<form action='/cart/add'><span>Size</span><span>XS S M L XL</span></form>\
             <form class='variations_form cart'><p>Choose an option</p></form><form action='/cartoons/search'><p>Cartoons</p></form>\
             <form id='aspnetForm' action='/default.aspx'><p>The whole page</p></form>",
        );
        let mark = |text: &str| got.iter().find(|(t, _)| t == text).map(|(_, m)| *m);
        assert_eq!(mark("XS S M L XL"), Some(Mark::Boilerplate));
        assert_eq!(mark("Choose an option"), Some(Mark::Boilerplate));
        assert_eq!(mark("Cartoons"), Some(Mark::Keep));
        assert_eq!(mark("The whole page"), Some(Mark::Keep));
    }

    #[test]
    fn streamed_segments_are_shown() {
        let got = marks_by_text("<div hidden id='S:c'><p>Streamed item</p></div><div hidden id='menu'><p>Menu</p></div>");
        assert_eq!(got, vec![("Streamed item".into(), Mark::Keep), ("Menu".into(), Mark::Boilerplate)]);
    }
}
