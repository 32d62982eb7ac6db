//! Stage "select": chooses the subtree that holds the main content — the element whose
//! content score (prose minus link lists and labels) is highest, with a bonus for elements
//! that mark themselves as the main content.

use crate::dom::{Dom, Element, NodeId, Tag};

use super::score::NodeStats;

/// Multiplier on the prose of an element that declares itself the main content
/// (`<article>`, `<main>`, `role=main`, `itemprop=articleBody`, common content class names).
const SEMANTIC_BONUS: f32 = 0.15;

/// The element whose subtree is the main content, or `None` when the page has no prose.
#[must_use]
pub fn main_content(dom: &Dom, stats: &[NodeStats], removed: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
    let mut best: Option<(NodeId, f32)> = None;
    for (index, node) in dom.nodes.iter().enumerate() {
        let id = index as NodeId;
        let crate::dom::NodeData::Element(element) = &node.data else { continue };
        if removed(id) {
            continue;
        }
        let s = &stats[index];
        if s.good <= 0.0 {
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
    const CONTENT_NAMES: &[&str] = &[
        "article-body", "article-content", "articlebody", "post-content", "post-body", "entry-content",
        "story-body", "main-content", "page-content", "content-body", "article__body", "c-article-body",
        "td-post-content", "post-entry", "blog-content", "single-content", "text-content", "rich-text",
    ];
    CONTENT_NAMES.iter().any(|name| element.id_class.contains(name))
}

/// A story needs this much prose (characters) to count as a full article rather than a teaser.
const MIN_STORY_PROSE: f32 = 500.0;
/// …and at least this many prose paragraphs, and its own `<h1>`/`<h2>` headline (posts of a
/// forum thread, which are articles too, have none).
const MIN_STORY_PARAGRAPHS: u32 = 3;

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
            let s = &stats[id as usize];
            let headed = (id..dom.subtree_end(id)).any(|d| matches!(dom.tag(d), Tag::H1 | Tag::H2));
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
