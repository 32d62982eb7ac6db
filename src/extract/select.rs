//! Stage "select": chooses the subtree that holds the main content — the element whose
//! content score (prose minus link lists and labels) is highest, with a bonus for elements
//! that mark themselves as the main content.

use crate::dom::{Dom, Element, NodeId, Tag};

use super::score::NodeStats;

/// Multiplier on the prose of an element that declares itself the main content
/// (`<article>`, `<main>`, `role=main`, `itemprop=articleBody`, common content class names).
const SEMANTIC_BONUS: f32 = 0.6;

/// The element whose subtree is the main content, or `None` when the page has no prose.
#[must_use]
pub fn main_content(dom: &Dom, stats: &[NodeStats], removed: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
    let mut best: Option<(NodeId, f32)> = None;
    for (index, node) in dom.nodes.iter().enumerate() {
        let id = NodeId::from_index(index);
        let crate::dom::NodeData::Element(element) = &node.data else { continue };
        if removed(id) {
            continue;
        }
        let s = &stats[index];
        if s.score <= 0.0 {
            continue;
        }
        let mut value = s.score;
        if declares_main_content(element) {
            value += SEMANTIC_BONUS * s.good;
        }
        if best.is_none_or(|(_, b)| value > b) {
            best = Some((id, value));
        }
    }
    best.map(|(id, _)| id)
}

/// True for elements that say they hold the main content.
fn declares_main_content(element: &Element) -> bool {
    if matches!(element.tag, Tag::Article | Tag::Main) {
        return true;
    }
    if element.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
        || element.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody") || p.eq_ignore_ascii_case("text"))
    {
        return true;
    }
    crate::lexicon::names::CONTENT_NAMES.iter().any(|name| element.id_class.contains(name))
}

/// When the page has exactly one full story in an `<article>` and the chosen root lies
/// outside it — a comment section or a forum widget that outweighs the story — the story is
/// the content: an `<article>` is the page's own statement of where its content is.
#[must_use]
pub fn lone_article(dom: &Dom, stats: &[NodeStats], root: NodeId, removed: &dyn Fn(NodeId) -> bool) -> NodeId {
    let mut found = None;
    let mut id = Dom::ROOT;
    while id.index() < dom.nodes.len() {
        if dom.tag(id) == Tag::Article && !removed(id) {
            let s = &stats[id.index()];
            if s.good >= MIN_STORY_PROSE && s.paragraphs >= MIN_STORY_PARAGRAPHS {
                if found.is_some() {
                    return root;
                }
                found = Some(id);
            }
            id = dom.subtree_end(id);
        } else {
            id += 1;
        }
    }
    match found {
        Some(article) if !dom.contains(article, root) && !dom.contains(root, article) => article,
        _ => root,
    }
}

/// A story needs this much prose (characters) to count as a full article rather than a teaser.
pub(crate) const MIN_STORY_PROSE: f32 = 500.0;
/// …and at least this many prose paragraphs, and its own `<h1>`/`<h2>` headline (posts of a
/// forum thread, which are articles too, have none).
pub(crate) const MIN_STORY_PARAGRAPHS: u32 = 3;

/// When the chosen root holds several full stories in their own `<article>` elements (news
/// sites glue the next story below the first as the reader scrolls), keeps the first: the
/// page's own story comes first. A listing of teasers is untouched, because teasers are too
/// short to count as stories.
#[must_use]
pub fn first_story(dom: &Dom, stats: &[NodeStats], root: NodeId, removed: &dyn Fn(NodeId) -> bool) -> NodeId {
    let end = dom.subtree_end(root);
    let mut stories = Vec::new();
    let mut id = root + 1;
    while id < end {
        if dom.tag(id) == Tag::Article && !removed(id) {
            let s = &stats[id.index()];
            let headed = dom.subtree(id).any(|d| matches!(dom.tag(d), Tag::H1 | Tag::H2));
            if s.good >= MIN_STORY_PROSE && s.paragraphs >= MIN_STORY_PARAGRAPHS && headed {
                stories.push(id);
            }
            id = dom.subtree_end(id); // outermost articles only
        } else {
            id += 1;
        }
    }
    if stories.len() >= 2 { stories[0] } else { root }
}

/// A grid has at least this many items of one kind…
const MIN_GRID_ITEMS: usize = 4;
/// …holding at least this many characters of text in all…
const MIN_GRID_CHARS: u32 = 250;
/// …and is taken beside the chosen root only when it has this many times the root's text…
const GRID_OVER_ROOT: f32 = 1.0;
/// …and the root is no longer than this (a long article is not a listing's intro).
const MAX_ROOT_CHARS_FOR_GRID: u32 = 2500;

/// The largest grid of look-alike items (product cards, search results, a list of threads):
/// an element whose children are mostly of one kind (tag and class), each with some text.
/// Such items are short and link-heavy, so scoring alone passes them over, yet on listing and
/// collection pages they are the content.
#[must_use]
pub fn item_grid(dom: &Dom, stats: &[NodeStats], root: NodeId, removed: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
    let root_chars = stats[root.index()].chars;
    if root_chars > MAX_ROOT_CHARS_FOR_GRID {
        return None;
    }
    let mut best: Option<(NodeId, u32)> = None;
    for (index, node) in dom.nodes.iter().enumerate() {
        let id = NodeId::from_index(index);
        if node.children.len() < MIN_GRID_ITEMS || dom.element(id).is_none() || removed(id) {
            continue;
        }
        let chars = grid_chars(dom, stats, id, removed);
        if chars >= MIN_GRID_CHARS && best.is_none_or(|(_, c)| chars > c) {
            best = Some((id, chars));
        }
    }
    let (grid, chars) = best?;
    if in_side_column(dom, grid, root) || is_link_list_beside_story(dom, stats, grid, root) {
        return None;
    }
    (chars as f32 > GRID_OVER_ROOT * root_chars as f32).then_some(grid)
}

/// True when `grid` lies in a side column of the layout beside `root` (it or an ancestor of
/// it that does not hold the root is an `<aside>` or named as a side column): the blog's
/// archive and link lists, never the content.
fn in_side_column(dom: &Dom, grid: NodeId, root: NodeId) -> bool {
    std::iter::once(grid).chain(dom.ancestors(grid)).take_while(|&a| !dom.contains(a, root)).any(|a| dom.element(a).is_some_and(is_side_column))
}

/// A grid whose text is more than this share links is a list of bare links…
const MAX_GRID_LINK_DENSITY: f32 = 0.8;
/// …when its items have fewer pictures than this each (cards of a listing have a thumbnail)…
const MIN_CARD_IMAGES_PER_ITEM: f32 = 0.5;
/// …and the root beside it holds a story of at least this much prose (characters), a
/// paragraph at least.
const MIN_STORY_BESIDE_GRID: f32 = 150.0;

/// True when `grid` is a list of bare links (a navigation module, an archive, a `<select>`-like
/// list of sections), without pictures, beside a root that holds a prose paragraph: a short
/// post's navigation, not a listing's grid of cards.
fn is_link_list_beside_story(dom: &Dom, stats: &[NodeStats], grid: NodeId, root: NodeId) -> bool {
    let (g, r) = (&stats[grid.index()], &stats[root.index()]);
    let items = dom.node(grid).children.iter().filter(|&&c| dom.element(c).is_some()).count();
    let pictures = dom.subtree(grid).filter(|&d| matches!(dom.tag(d), Tag::Img | Tag::Picture)).count();
    !dom.contains(grid, root)
        && !dom.contains(root, grid)
        && g.link_density() > MAX_GRID_LINK_DENSITY
        && (pictures as f32) < MIN_CARD_IMAGES_PER_ITEM * items as f32
        && r.good >= MIN_STORY_BESIDE_GRID
        && r.paragraphs >= 1
}

/// The text in the children of `id` that share its most common child kind, when there are
/// enough of them and they all have text; 0 otherwise.
fn grid_chars(dom: &Dom, stats: &[NodeStats], id: NodeId, removed: &dyn Fn(NodeId) -> bool) -> u32 {
    let mut kinds: Vec<((Tag, &str), u32, u32)> = Vec::new(); // (kind, count, chars)
    for &child in &dom.node(id).children {
        let Some(element) = dom.element(child) else { continue };
        if removed(child) {
            continue;
        }
        let class = element.attr("class").and_then(|c| c.split_whitespace().next()).unwrap_or("");
        let kind = (element.tag, class);
        let s = &stats[child.index()];
        // An item has a few words of its own (not just an icon or a separator).
        let has_text = s.chars >= MIN_ITEM_CHARS;
        match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
            Some(entry) => {
                entry.1 += u32::from(has_text);
                entry.2 += s.chars;
            }
            None => kinds.push((kind, u32::from(has_text), s.chars)),
        }
    }
    kinds.into_iter().filter(|(_, count, _)| *count as usize >= MIN_GRID_ITEMS).map(|(_, _, chars)| chars).max().unwrap_or(0)
}

/// An item of a grid has at least this many characters of text.
const MIN_ITEM_CHARS: u32 = 10;

/// An `articleBody` shorter than this (characters) is a summary, not evidence of the body.
const MIN_STATED_BODY: usize = 400;
/// Length of the opening and closing pieces of `articleBody` looked up in the tree.
const ANCHOR_CHARS: usize = 40;

/// The element holding the article text a page states in its JSON-LD `articleBody`: the
/// nearest common ancestor of the text nodes where its opening and its closing words appear.
/// `None` when the stated body is short or either end is not found (a truncated summary).
#[must_use]
pub fn stated_body(dom: &Dom, body: &str) -> Option<NodeId> {
    let body = crate::text::collapse(body);
    let chars: Vec<char> = body.chars().collect();
    if chars.len() < MIN_STATED_BODY {
        return None;
    }
    let first: String = chars[..ANCHOR_CHARS].iter().collect();
    let last: String = chars[chars.len() - ANCHOR_CHARS..].iter().collect();
    let first = first.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    let last = last.split_whitespace().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(" ");
    let find = |needle: &str| {
        dom.ids().find(|&id| {
            matches!(&dom.node(id).data, crate::dom::NodeData::Text(t) if t.contains(needle) || crate::text::collapse(t).contains(needle))
                && !dom.ancestors(id).any(|a| matches!(dom.tag(a), Tag::Script | Tag::Head | Tag::Template))
        })
    };
    let (start, end) = (find(&first)?, find(&last)?);
    let mut ancestor = dom.node(start).parent?;
    while !dom.contains(ancestor, end) {
        ancestor = dom.node(ancestor).parent?;
    }
    dom.element(ancestor).is_some_and(|e| !matches!(e.tag, Tag::Html | Tag::Body)).then_some(ancestor)
}

/// The element the page's microdata names its article's body (`itemprop="articleBody"`)
/// holding the most prose — the largest, not the first: a page can mark a teaser's summary
/// too — when it holds at least [`MIN_STATED_BODY`] characters of it.
#[must_use]
pub fn marked_body(dom: &Dom, stats: &[NodeStats], removed: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
    dom.ids()
        .filter(|&id| {
            !removed(id)
                && dom.element(id).is_some_and(|e| e.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case("articleBody"))))
        })
        .max_by(|&a, &b| stats[a.index()].good.total_cmp(&stats[b.index()].good))
        .filter(|&id| stats[id.index()].good >= MIN_STATED_BODY as f32)
}

/// A child holding at least this share of its parent's prose is the content, and the rest
/// of the parent (teasers, author boxes, "more from" blocks beside the story) is not.
const DOMINANT_CHILD_SHARE: f32 = 0.95;

/// Descends from the chosen root into a child that holds nearly all of its prose.
#[must_use]
pub fn dominant_child(dom: &Dom, stats: &[NodeStats], root: NodeId, removed: &dyn Fn(NodeId) -> bool) -> NodeId {
    let mut current = root;
    loop {
        let total = stats[current.index()].good;
        let next = dom
            .node(current)
            .children
            .iter()
            .copied()
            .find(|&child| !removed(child) && dom.element(child).is_some() && stats[child.index()].good >= DOMINANT_CHILD_SHARE * total);
        match next {
            Some(child) if total > 0.0 => current = child,
            _ => return current,
        }
    }
}

/// A column holding at least this share of its parent's prose is the story's column when
/// what stands beside it is side columns (a short post's sidebars outweigh it by their many
/// long-titled links, so the post column often holds only half of the prose).
const COLUMN_SHARE: f32 = 0.5;
/// What stands beside the story's column is at least this share links: side columns of link
/// lists, not more of the story.
const MIN_SIDE_LINK_DENSITY: f32 = 0.5;
/// Siblings with fewer characters than this are left out of the side-column test (a clearing
/// `div`, a "top" link): only the columns beside the story must be named as side columns.
const MIN_SIDE_COLUMN_CHARS: u32 = 200;

/// Descends from the chosen root into the column that holds the story when every sizeable
/// element beside it is a link-heavy column named as a side column (`div.gamma`,
/// `div.column-right`, `div.rightwrapper`, `div.yom-secondary`, `<aside>`): a short post is
/// outscored by the parent of its column and the blog's sidebars. A listing's intro beside its
/// grid of cards stays with the grid, because the grid is not named as a side column.
#[must_use]
pub fn story_column(dom: &Dom, stats: &[NodeStats], root: NodeId, removed: &dyn Fn(NodeId) -> bool) -> NodeId {
    let mut current = root;
    while let Some(column) = column_beside_sides(dom, stats, current, removed) {
        current = column;
    }
    current
}

/// The child of `parent` that holds the story when the rest of `parent` is side columns.
fn column_beside_sides(dom: &Dom, stats: &[NodeStats], parent: NodeId, removed: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
    let total = &stats[parent.index()];
    let children = || dom.node(parent).children.iter().copied().filter(|&c| !removed(c) && dom.element(c).is_some());
    let column = children().max_by(|&a, &b| stats[a.index()].good.total_cmp(&stats[b.index()].good))?;
    let s = &stats[column.index()];
    if total.good <= 0.0 || s.good < COLUMN_SHARE * total.good || is_text_block(dom.tag(column)) {
        return None;
    }
    let rest_chars = total.chars.saturating_sub(s.chars);
    let rest_links = total.link_chars.saturating_sub(s.link_chars);
    if (rest_links as f32) < MIN_SIDE_LINK_DENSITY * rest_chars as f32 {
        return None;
    }
    let mut beside = children().filter(|&c| c != column && stats[c.index()].chars >= MIN_SIDE_COLUMN_CHARS).peekable();
    (beside.peek().is_some() && beside.all(|c| dom.element(c).is_some_and(is_side_column))).then_some(column)
}

/// Blocks of text (a paragraph, a list, a table, a heading) are the story's parts, not a column.
fn is_text_block(tag: Tag) -> bool {
    tag.heading_level().is_some() || matches!(tag, Tag::P | Tag::Li | Tag::Ul | Tag::Ol | Tag::Blockquote | Tag::Pre | Tag::Table)
}

/// True for an `<aside>` or an element named as a side column of the layout.
fn is_side_column(element: &Element) -> bool {
    use crate::lexicon::names::{SIDE_COLUMN_PREFIXES, SIDE_COLUMN_TOKENS};
    element.tag == Tag::Aside
        || element
            .id_class
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|token| SIDE_COLUMN_TOKENS.contains(&token) || SIDE_COLUMN_PREFIXES.iter().any(|p| token.starts_with(p)))
}

/// A descendant holding at least this share of the root's prose is the story's body.
const BODY_SHARE: f32 = 0.7;

/// The story's body inside `root`: the deepest element reached by following, from the root
/// down, a child that holds most of the root's prose (the root itself when no child does).
#[must_use]
pub fn story_body(dom: &Dom, stats: &[NodeStats], root: NodeId, removed: &dyn Fn(NodeId) -> bool) -> NodeId {
    let total = stats[root.index()].good;
    let mut current = root;
    while let Some(child) = dom
        .node(current)
        .children
        .iter()
        .copied()
        .find(|&child| !removed(child) && dom.element(child).is_some() && total > 0.0 && stats[child.index()].good >= BODY_SHARE * total)
    {
        current = child;
    }
    current
}

/// A lead is a sentence or a short paragraph: between these many characters…
const MIN_LEAD_CHARS: u32 = 40;
/// …and these.
const MAX_LEAD_CHARS: u32 = 1200;
/// A lead is prose, not a list of links.
const MAX_LEAD_LINK_DENSITY: f32 = crate::shape::PROSE_MAX_LINK_DENSITY as f32;
/// The lead and the body share an ancestor at most this many levels above the body.
const MAX_LEAD_LEVELS: usize = 3;

/// The story's lead when the templates put it just outside the chosen root: the last text
/// before the root belongs to an element named as a lead (`class="article-intro"`,
/// `"standfirst"`, `"chapo"`…), holding a sentence or a short paragraph of prose, in the same
/// region as the body (a common ancestor at most three levels above it).
#[must_use]
pub fn lead_before(dom: &Dom, stats: &[NodeStats], root: NodeId, removed: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
    // The last visible text before the root, in document order.
    let last_text =
        Dom::between(Dom::ROOT, root).rev().find(|&id| matches!(&dom.node(id).data, crate::dom::NodeData::Text(t) if !t.trim().is_empty()) && !removed(id))?;
    let region = dom.ancestors(root).take(MAX_LEAD_LEVELS).find(|&a| dom.contains(a, last_text))?;
    dom.ancestors(last_text).take_while(|&a| a != region).find(|&a| {
        let (Some(element), s) = (dom.element(a), &stats[a.index()]) else { return false };
        !removed(a)
            && (MIN_LEAD_CHARS..=MAX_LEAD_CHARS).contains(&s.chars)
            && s.link_density() < MAX_LEAD_LINK_DENSITY
            && element
                .id_class
                .split_whitespace()
                .any(|class| class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| crate::lexicon::names::LEAD_TOKENS.contains(&token)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{NodeData, parse};
    use crate::extract::clean::Mark;

    /// The first element whose `id`/`class` contains `name`.
    fn named(dom: &Dom, name: &str) -> NodeId {
        dom.ids().find(|&id| dom.element(id).is_some_and(|e| e.id_class.contains(name))).expect("element")
    }

    fn prose(words: usize) -> String {
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(words / 8 + 1)
    }

    #[test]
    fn the_largest_marked_article_body_is_the_body() {
        let summary = format!("<div itemprop='articleBody'><p>{}</p></div>", prose(70));
        let body = format!("<div itemprop='articleBody' class='full'><p>{}</p><p>{}</p></div>", prose(80), prose(80));
        with_page(&format!("<body>{summary}{body}</body>"), |dom, stats, removed| {
            assert_eq!(marked_body(dom, stats, removed), Some(named(dom, "full")));
        });
        // A short marked summary alone is no evidence of where the body is.
        with_page(&format!("<body><div itemprop='articleBody'><p>{}</p></div></body>", prose(16)), |dom, stats, removed| {
            assert_eq!(marked_body(dom, stats, removed), None);
        });
    }

    /// Runs `check` with the page's tree, stats and removal test, as the pipeline sees them.
    fn with_page(html: &str, check: impl Fn(&Dom, &[NodeStats], &dyn Fn(NodeId) -> bool)) {
        let dom = parse(html);
        let selection = super::super::select(&dom, &super::super::Evidence::default());
        let (marks, stats) = (selection.marks, selection.stats);
        check(&dom, &stats, &|id: NodeId| marks[id.index()] != Mark::Keep);
    }

    #[test]
    fn main_content_prefers_prose_over_link_lists() {
        let links = "<li><a href='/a'>A section of the site</a></li>".repeat(30);
        let html = format!("<ul class='links'>{links}</ul><div class='body'><p>{}</p><p>{}</p></div>", prose(60), prose(60));
        with_page(&html, |dom, stats, removed| {
            assert_eq!(main_content(dom, stats, removed), Some(named(dom, "body")));
        });
    }

    #[test]
    fn first_story_of_several() {
        let story = |n: &str| format!("<article class='{n}'><h2>Headline</h2><p>{0}</p><p>{0}</p><p>{0}</p></article>", prose(40));
        let html = format!("<div class='feed'>{}{}</div>", story("one"), story("two"));
        with_page(&html, |dom, stats, removed| {
            let root = named(dom, "feed");
            assert_eq!(first_story(dom, stats, root, removed), named(dom, "one"));
        });
    }

    #[test]
    fn lead_just_before_the_body_is_found() {
        let html = format!(
            "<div class='story'><h1>Headline</h1><p class='article-intro'>The lead sentence says what happened and why it matters.</p>\
             <div class='body'><p>{}</p><p>{}</p></div></div>",
            prose(60),
            prose(60)
        );
        with_page(&html, |dom, stats, removed| {
            let lead = lead_before(dom, stats, named(dom, "body"), removed);
            assert_eq!(lead, Some(named(dom, "article-intro")));
        });
        // An unnamed paragraph, or a lead far from the body, is not taken.
        let html = format!("<p>Some other sentence that stands before the body text here.</p><div class='body'><p>{}</p></div>", prose(60));
        with_page(&html, |dom, stats, removed| assert_eq!(lead_before(dom, stats, named(dom, "body"), removed), None));
    }

    #[test]
    fn dominant_child_descends_into_the_story() {
        let html = format!("<div class='outer'><div class='inner'><p>{}</p><p>{}</p></div><span>x</span></div>", prose(80), prose(80));
        with_page(&html, |dom, stats, removed| {
            assert_eq!(dominant_child(dom, stats, named(dom, "outer"), removed), named(dom, "inner"));
        });
    }

    /// A blog page: a short post in `div.beta` between two link-heavy side columns, or
    /// between `left` and `right`, named by `names`.
    fn three_columns(names: [&str; 3]) -> String {
        let links = |n: usize| format!("<ul>{}</ul>", "<li><a href='/p'>A long title of another post on the same blog</a></li>".repeat(n));
        let [left, post, right] = names;
        format!(
            "<div class='page'><div class='{left}'>{}</div><div class='{post}'><h1>The post</h1><p>{}</p></div><div class='{right}'>{}</div></div>",
            links(12),
            prose(60),
            links(8)
        )
    }

    #[test]
    fn story_column_leaves_the_side_columns() {
        with_page(&three_columns(["alpha", "beta", "gamma"]), |dom, stats, removed| {
            assert_eq!(story_column(dom, stats, named(dom, "page"), removed), named(dom, "beta"));
        });
        with_page(&three_columns(["column-left", "column-main", "rightwrapper"]), |dom, stats, removed| {
            assert_eq!(story_column(dom, stats, named(dom, "page"), removed), named(dom, "page"), "`column-left` is not named as a side column");
        });
    }

    #[test]
    fn story_column_keeps_a_listing_with_its_intro() {
        // An intro paragraph beside a grid of link cards is a listing: the grid is its content.
        with_page(&three_columns(["cards", "intro", "more-cards"]), |dom, stats, removed| {
            assert_eq!(story_column(dom, stats, named(dom, "page"), removed), named(dom, "page"));
        });
    }

    #[test]
    fn a_grid_in_a_side_column_is_not_the_content() {
        let cards = "<li><img src='t.jpg'><a href='/p'>A long title of another post on the same blog</a></li>".repeat(8);
        let page = |side: &str| format!("<div class='page'><div class='post'><p>{}</p></div><div class='{side}'><ul>{cards}</ul></div></div>", prose(20));
        with_page(&page("column-right"), |dom, stats, removed| {
            assert_eq!(item_grid(dom, stats, named(dom, "post"), removed), None);
        });
        // The same cards in a column not named as a side column are a grid beside a short intro.
        with_page(&page("cards"), |dom, stats, removed| {
            assert!(item_grid(dom, stats, named(dom, "post"), removed).is_some());
        });
    }

    #[test]
    fn bare_links_beside_a_story_are_not_a_grid() {
        let link = "<li><a href='/s'>A section of the site with its name</a></li>";
        let page = |item: &str| format!("<div class='page'><div class='post'><p>{}</p></div><ul class='list'>{}</ul></div>", prose(20), item.repeat(10));
        with_page(&page(link), |dom, stats, removed| {
            assert_eq!(item_grid(dom, stats, named(dom, "post"), removed), None);
        });
        // Cards with a picture each are a listing's grid beside its intro.
        with_page(&page("<li><img src='t.jpg'><a href='/s'>A section of the site with its name</a></li>"), |dom, stats, removed| {
            assert_eq!(item_grid(dom, stats, named(dom, "post"), removed), Some(named(dom, "list")));
        });
    }

    #[test]
    fn stated_body_is_located() {
        let body = prose(90);
        let html = format!("<div class='wrap'><div class='text'><p>{body}</p></div><p>Other</p></div>");
        let dom = parse(&html);
        let found = stated_body(&dom, &body).expect("located");
        assert!(matches!(dom.node(found).data, NodeData::Element(_)));
        assert!(dom.contains(named(&dom, "text"), found));
        assert_eq!(stated_body(&dom, "too short"), None);
    }
}
