//! Stage "score": measures every node bottom-up — how much text it holds, how much of it is
//! link text, and how much of it reads like prose — and gives it a content score: the sum of
//! the values of the text blocks inside it, where prose counts for and link lists and short
//! labels count against.

use crate::dom::{Dom, NodeData, NodeId, Tag};

/// What the score stage knows about one node's subtree.
#[derive(Debug, Clone, Copy, Default)]
pub struct NodeStats {
    /// Non-whitespace characters of text.
    pub chars: u32,
    /// Non-whitespace characters inside links.
    pub link_chars: u32,
    /// Sum of the values of the text blocks inside (may be negative).
    pub score: f32,
    /// Sum of the positive values of blocks that are not links: the amount of prose and
    /// other plain text.
    pub good: f32,
    /// Number of prose blocks.
    pub paragraphs: u32,
    /// Text not yet closed into a block by a block-level ancestor.
    open_chars: u32,
    open_links: u32,
    open_punct: u32,
    open_anchors: u32,
}

impl NodeStats {
    /// Share of the characters that are link text.
    #[must_use]
    pub fn link_density(&self) -> f32 {
        // The same share as in f32 arithmetic: dividing in f64 and rounding once to f32 gives the
        // correctly rounded f32 quotient (for counts up to 2^24, exact in f32).
        crate::shape::link_density(self.link_chars as usize, self.chars as usize) as f32
    }
}

/// A block of text shorter than this (in characters, links excluded) is a label ("Menu",
/// "Share", "Next", a price), not prose.
const MIN_PROSE_CHARS: u32 = 25;
/// A block whose link text exceeds this share is a link list item, not prose.
const MAX_PROSE_LINK_DENSITY: f32 = 0.5;
/// How much a label's characters count against its container (prose counts 1.0 for).
const LABEL_WEIGHT: f32 = 0.6;
/// How much link-block characters count against their container.
const LINK_BLOCK_WEIGHT: f32 = 0.5;

/// Links whose text averages at least this many characters are headlines of the items a
/// listing page is made of, not navigation ("Home", "Contact", "Next").
const HEADLINE_LINK_CHARS: u32 = 30;
/// How much headline-link characters count for their container.
const HEADLINE_LINK_WEIGHT: f32 = 1.0;

/// Value of one text block: positive for prose, headline links and labels, negative for
/// navigation link lists.
fn block_value(chars: u32, links: u32, punct: u32, anchors: u32) -> f32 {
    if chars == 0 {
        return 0.0;
    }
    if links as f32 > MAX_PROSE_LINK_DENSITY * chars as f32 {
        if links / anchors.max(1) >= HEADLINE_LINK_CHARS {
            return chars as f32 * HEADLINE_LINK_WEIGHT;
        }
        return -(chars as f32) * LINK_BLOCK_WEIGHT;
    }
    let plain = chars - links;
    if plain < MIN_PROSE_CHARS {
        return plain as f32 * LABEL_WEIGHT;
    }
    // Punctuation marks sentences: prose gets a little more than its length.
    plain as f32 + punct.min(plain / PUNCT_SPACING) as f32 * PUNCT_BONUS
}

/// Prose has a punctuation mark every few dozen characters at most; more is not rewarded.
const PUNCT_SPACING: u32 = 20;
/// Extra value per punctuation mark of a prose block.
const PUNCT_BONUS: f32 = 5.0;

/// Counts of one text node: non-whitespace characters and punctuation marks.
fn text_counts(text: &str) -> (u32, u32) {
    let mut chars = 0;
    let mut punct = 0;
    for c in text.chars() {
        if !c.is_whitespace() {
            chars += 1;
            if matches!(c, '.' | ',' | '!' | '?' | ';' | '。' | '，' | '、' | '！' | '？' | '؟' | '،') {
                punct += 1;
            }
        }
    }
    (chars, punct)
}

/// Computes stats for every node, ignoring the subtrees for which `removed` is true.
#[must_use]
pub fn compute(dom: &Dom, removed: &dyn Fn(NodeId) -> bool) -> Vec<NodeStats> {
    let mut stats = vec![NodeStats::default(); dom.nodes.len()];
    let in_link = inside_links(dom);
    // Children have larger ids than their parents, so a reverse sweep sees children first.
    for index in (0..dom.nodes.len()).rev() {
        let id = NodeId::from_index(index);
        if removed(id) {
            continue;
        }
        let node = &dom.nodes[index];
        let mut own = NodeStats::default();
        let tag = match &node.data {
            NodeData::Text(text) => {
                let (chars, punct) = text_counts(text);
                own.chars = chars;
                own.open_chars = chars;
                if in_link[index] {
                    own.link_chars = chars;
                    own.open_links = chars;
                }
                own.open_punct = punct;
                stats[index] = own;
                continue;
            }
            NodeData::Element(element) => element.tag,
            NodeData::Document => Tag::Html,
        };
        for &child in &node.children {
            if removed(child) {
                continue;
            }
            let c = stats[child.index()];
            own.chars += c.chars;
            own.link_chars += c.link_chars;
            own.score += c.score;
            own.good += c.good;
            own.paragraphs += c.paragraphs;
            own.open_chars += c.open_chars;
            own.open_links += c.open_links;
            own.open_punct += c.open_punct;
            own.open_anchors += c.open_anchors;
        }
        if tag == Tag::A {
            own.open_anchors += 1;
        }
        if tag.is_block() || node.parent.is_none() {
            let value = block_value(own.open_chars, own.open_links, own.open_punct, own.open_anchors);
            own.score += value;
            // Headline links add to the score (a listing's content) but not to the prose.
            let is_links = own.open_links as f32 > MAX_PROSE_LINK_DENSITY * own.open_chars as f32;
            if value > 0.0 && !is_links {
                own.good += value;
                if own.open_chars - own.open_links >= MIN_PROSE_CHARS {
                    own.paragraphs += 1;
                }
            }
            own.open_chars = 0;
            own.open_links = 0;
            own.open_punct = 0;
            own.open_anchors = 0;
        }
        stats[index] = own;
    }
    stats
}

/// For each node, whether it is inside an `<a>` (links can wrap block-level elements, so this
/// is decided top-down, before blocks are closed).
fn inside_links(dom: &Dom) -> Vec<bool> {
    let mut in_link = vec![false; dom.nodes.len()];
    for (index, node) in dom.nodes.iter().enumerate() {
        let parent_in = node.parent.is_some_and(|p| in_link[p.index()]);
        in_link[index] = parent_in || matches!(&node.data, NodeData::Element(e) if e.is_navigating_link());
    }
    in_link
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse;

    fn stats_of(html: &str, tag: Tag) -> NodeStats {
        let dom = parse(html);
        let stats = compute(&dom, &|_| false);
        stats[dom.find_tag(tag).expect("the element").index()]
    }

    #[test]
    fn prose_scores_and_navigation_costs() {
        let prose = stats_of("<article><p>A sentence of prose, long enough to count, with commas, and a full stop.</p></article>", Tag::Article);
        assert!(prose.score > 0.0 && prose.good > 0.0 && prose.paragraphs == 1, "{prose:?}");
        let nav = stats_of("<ul><li><a href='/a'>Home</a></li><li><a href='/b'>News</a></li><li><a href='/c'>Sport</a></li></ul>", Tag::Ul);
        assert!(nav.score < 0.0 && nav.good == 0.0, "{nav:?}");
        assert!((nav.link_density() - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn headline_links_count_for_a_listing_but_not_as_prose() {
        let list = stats_of(
            "<ul><li><a href='/1'>Council approves the new cycle lanes for the city centre</a></li><li><a href='/2'>Heavy rain expected across the north on Sunday night</a></li></ul>",
            Tag::Ul,
        );
        assert!(list.score > 0.0 && list.good == 0.0 && list.paragraphs == 0, "{list:?}");
        let same_page = stats_of("<p><a href='#top'>Back to the top of this page, where the summary is</a></p>", Tag::P);
        assert_eq!(same_page.link_chars, 0, "fragment links are not navigation");
    }
}
