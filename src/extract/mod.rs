//! Stage "selection": clean (mark what can never be content), score what is left and choose
//! the content's roots and what inside them to skip ([`select`]); once the blocks are read,
//! [`Selection::refine`] drops the captions and bare links the selection knows of.

pub mod clean;
pub mod score;
pub mod select;

use crate::blocks::{Block, BlockKind};
use crate::comments::Threads;
use crate::dom::{Dom, NodeData, NodeId, Tag};

use std::collections::HashMap;

use clean::Mark;

/// A boilerplate-marked element holding more than this share of the page's prose is not
/// boilerplate but a wrapper around the content (a `<div class="main-nav-wrapper">` around
/// everything, a forum whose posts are "comments").
const WRAPPER_SHARE: f32 = 0.5;

/// A boilerplate wrapper is spared only when it holds at least this much prose (characters):
/// on a page with no real content, the footer's "© 2025" must not become the content.
const MIN_WRAPPER_PROSE: f32 = 200.0;

/// Boilerplate-named look-alike elements holding together more than this share of the page's
/// prose are its content (a forum thread's posts); below it they are an article's comments.
const GROUP_SHARE: f32 = 0.5;

/// What the page's metadata says about where and what its content is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence<'a> {
    /// The article text stated in JSON-LD (`articleBody`): when it can be located in the
    /// tree, the element holding it is the content root.
    pub article_body: Option<&'a str>,
    /// The JSON-LD declares a product: customer reviews are then beside the content.
    pub product: bool,
    /// The page's comment threads: kept out of the content unless the page is all thread.
    pub threads: Option<&'a Threads>,
    /// The page says it is a discussion (a forum thread, a Q&A page): its comments are its
    /// posts, the content.
    pub discussion: bool,
    /// The page's title, to tell its headline.
    pub title: Option<&'a str>,
}

/// Stage "selection": where a page's main content is — the roots to read blocks from and
/// what inside them to skip — with the trace of how it was chosen.
#[derive(Debug)]
pub struct Selection {
    /// Each node's final mark (boilerplate wrappers spared, marks inherited).
    marks: Vec<Mark>,
    /// Each node's measures over what its marks leave.
    stats: Vec<score::NodeStats>,
    /// The subtrees the content is read from, in document order (empty: no content).
    roots: Vec<NodeId>,
    /// The content container (the last root that is not a grid).
    root: NodeId,
    /// A grid of look-alike items holding the content, whose link-heavy items are kept.
    grid: Option<NodeId>,
    /// The end of the story's own body inside the root; what follows is cut when
    /// `cut_after_body`.
    body_end: NodeId,
    /// Whether what follows the story's body inside the root is cut.
    cut_after_body: bool,
    /// The link density of the content container.
    container_density: f32,
    /// Whether comment threads were kept out of the content (the article's view), rather than
    /// being the content (a thread and nothing else).
    comments_left_out: bool,
    /// How the decision was reached, for [`Selection::explain`].
    pub trace: Trace,
}

/// The steps of a selection, as `explain` prints them: each rule and the node it chose.
#[derive(Debug, Default)]
pub struct Trace {
    /// Each node's own mark, before wrappers were spared.
    own: Vec<Mark>,
    /// Each node's measures before wrappers were spared.
    before_sparing: Vec<score::NodeStats>,
    /// `(rule, chosen node)` in the order the rules ran.
    steps: Vec<(&'static str, Option<NodeId>)>,
    /// Why there is no content, when there is none.
    empty_because: Option<&'static str>,
}

impl Trace {
    fn step(&mut self, rule: &'static str, node: Option<NodeId>) {
        self.steps.push((rule, node));
    }
}

/// Chooses the main content of a parsed page.
///
/// Comment threads are first kept out (the article's view): a short post is printed, never
/// the comments in its place. Only when nothing is left, not even a headline — or when the
/// page says it is a discussion — are they read as any other part of the page (the thread's view: a forum's
/// posts, a page whose only text is its comments).
#[must_use]
pub fn select(dom: &Dom, evidence: &Evidence<'_>) -> Selection {
    let own = clean::mark(dom, evidence.product);
    let first = score::compute(dom, &|id: NodeId| own[id.index()] == Mark::Drop);
    // The trace keeps what the stages computed anyway (moved, not copied): every page pays
    // nothing for `explain`.
    let mut trace = Trace { own, before_sparing: first, ..Trace::default() };
    if let Some(threads) = evidence.threads.filter(|t| !t.is_empty() && !evidence.discussion) {
        let (marks, stats) = spare_and_measure(dom, &trace, Some(threads));
        let selection = choose(dom, evidence, marks, stats, true, trace);
        // A post without text (a picture, a video) is its headline, never its comments.
        if !selection.roots.is_empty() || selection.headline_box(dom, evidence.title).is_some() {
            return selection;
        }
        trace = selection.trace;
        trace.steps.clear();
        trace.empty_because = None;
    }
    let (marks, stats) = spare_and_measure(dom, &trace, None);
    choose(dom, evidence, marks, stats, false, trace)
}

/// The final marks (wrappers spared, marks inherited; `threads` kept out) and the stats over
/// what they leave, from the own marks and first stats in `trace`.
fn spare_and_measure(dom: &Dom, trace: &Trace, threads: Option<&Threads>) -> (Vec<Mark>, Vec<score::NodeStats>) {
    let mut own = trace.own.clone();
    for &(start, end) in threads.map(Threads::regions).unwrap_or_default() {
        for id in Dom::between(start, end) {
            if own[id.index()] == Mark::Keep {
                own[id.index()] = Mark::Boilerplate;
            }
        }
    }
    let marks = spare_wrappers(dom, own, &trace.before_sparing, trace.before_sparing[Dom::ROOT.index()].good, threads);
    let stats = score::compute(dom, &|id: NodeId| marks[id.index()] != Mark::Keep);
    (marks, stats)
}

/// Chooses the content's roots given the final marks and stats.
fn choose(dom: &Dom, evidence: &Evidence<'_>, marks: Vec<Mark>, stats: Vec<score::NodeStats>, comments_left_out: bool, mut trace: Trace) -> Selection {
    let removed = |id: NodeId| marks[id.index()] != Mark::Keep;
    let candidate = select::main_content(dom, &stats, &removed);
    trace.step("main_content", candidate);
    let empty = |marks, stats, trace: Trace| Selection {
        marks,
        stats,
        roots: Vec::new(),
        root: Dom::ROOT,
        grid: None,
        body_end: Dom::ROOT,
        cut_after_body: false,
        container_density: 0.0,
        comments_left_out,
        trace,
    };
    let Some(root) = candidate else {
        trace.empty_because = Some("no candidate");
        return empty(marks, stats, trace);
    };
    // A page whose best candidate holds next to no text (a lone "Menu" link, an app shell)
    // has no main content.
    if stats[root.index()].chars < MIN_CONTENT_CHARS {
        trace.empty_because = Some("the best candidate holds next to no text");
        return empty(marks, stats, trace);
    }
    let root = select::first_story(dom, &stats, root, &removed);
    trace.step("first_story", Some(root));
    let root = select::dominant_child(dom, &stats, root, &removed);
    trace.step("dominant_child", Some(root));
    let root = select::story_column(dom, &stats, root, &removed);
    trace.step("story_column", Some(root));
    let root = select::lone_article(dom, &stats, root, &removed);
    trace.step("lone_article", Some(root));
    let stated = evidence.article_body.and_then(|body| select::stated_body(dom, body)).filter(|&r| !removed(r));
    trace.step("stated_body", stated);
    let marked = select::marked_body(dom, &stats, &removed);
    trace.step("marked_body", marked);
    let root = stated.unwrap_or(root);
    // A page that states where its article's body is (JSON-LD `articleBody`, microdata
    // `itemprop=articleBody`) holds an article, not a listing: no grid of items is read beside
    // it — unless it is a discussion, whose posts each mark their body.
    let declared_body = !evidence.discussion && (stated.is_some() || marked.is_some());
    let grid = if declared_body { None } else { select::item_grid(dom, &stats, root, &removed) };
    trace.step("item_grid", grid);
    let roots = match grid {
        Some(grid) if dom.contains(grid, root) => vec![grid],
        Some(grid) if dom.contains(root, grid) => vec![root],
        Some(grid) => vec![root.min(grid), root.max(grid)],
        None => match select::lead_before(dom, &stats, root, &removed) {
            Some(lead) => {
                trace.step("lead_before", Some(lead));
                vec![lead, root]
            }
            None => vec![root],
        },
    };
    let container_density = stats[root.index()].link_density();
    // What follows the story's body inside the root (teasers, author boxes, copyright lines,
    // newsletter blocks) is not part of it.
    let body = select::story_body(dom, &stats, root, &removed);
    trace.step("story_body", Some(body));
    let body_end = dom.subtree_end(body);
    // A root made link-dense by a column of teasers beside the story is not a listing: what
    // follows a plain-prose body is cut all the same.
    let body_stats = &stats[body.index()];
    let story = body_stats.good >= select::MIN_STORY_PROSE
        && body_stats.paragraphs >= select::MIN_STORY_PARAGRAPHS
        && body_stats.good >= MIN_STORY_PARAGRAPH_CHARS * body_stats.paragraphs as f32;
    let cut_density = if story { body_stats.link_density() } else { container_density };
    let cut_after_body = grid.is_none() && cut_density <= LISTING_DENSITY;
    Selection { marks, stats, roots, root, grid, body_end, cut_after_body, container_density, comments_left_out, trace }
}

impl Selection {
    /// The chosen roots, in document order (empty when the page has no main content).
    #[must_use]
    pub fn roots(&self) -> &[NodeId] {
        &self.roots
    }

    /// Whether node `id` is left out of the content: boilerplate, past the story's body, or
    /// a list of links inside a story.
    #[must_use]
    pub fn skips(&self, dom: &Dom, id: NodeId) -> bool {
        let removed = self.marks[id.index()] != Mark::Keep;
        let in_grid = self.grid.is_some_and(|g| dom.contains(g, id));
        let after_body = self.cut_after_body && id >= self.body_end && dom.contains(self.root, id);
        removed || after_body || (!in_grid && is_link_list(dom, &self.stats, id, self.container_density))
    }

    /// Whether the page's comment threads were kept out of the content (they are then read
    /// apart, on request); false when they are the content (a forum thread) or there are none.
    #[must_use]
    pub fn comments_left_out(&self) -> bool {
        self.comments_left_out
    }

    /// Whether node `id` is never text of a comment: never content at all (scripts, styles,
    /// controls), hidden, a form, or boilerplate by its markup for another reason than being
    /// part of a comment (a share bar, an ad). Not inherited: read subtrees stop at such a node.
    #[must_use]
    pub fn outside_comment_text(&self, dom: &Dom, id: NodeId) -> bool {
        clean::is_comment_furniture(dom, id)
    }

    /// When no main content was found: the page's headline and the small box it stands in
    /// with what goes with it (a byline, a standfirst), as `(headline, box)` (the box is the
    /// headline itself when its parent holds more). The headline is the first `<h1>` — or, on
    /// a page without one, the first heading named a title (`h3.post-title`) — outside what is
    /// never content, a phrase of [`MIN_HEADLINE_WORDS`] words or more that the page's `title`
    /// says too (not a logo or a section name).
    #[must_use]
    pub fn headline_box(&self, dom: &Dom, title: Option<&str>) -> Option<(NodeId, NodeId)> {
        let title = crate::text::normalize(title?);
        let visible = |id: NodeId| self.trace.own[id.index()] != Mark::Drop;
        let named_title = |id: NodeId| dom.tag(id).heading_level().is_some() && dom.element(id).is_some_and(|e| e.id_class.contains("title"));
        let headline = dom.ids().find(|&id| dom.tag(id) == Tag::H1 && visible(id)).or_else(|| dom.ids().find(|&id| named_title(id) && visible(id)))?;
        let said = crate::text::normalize(&dom.raw_text(headline));
        if crate::text::word_count(&said) < MIN_HEADLINE_WORDS || !title.contains(&said) {
            return None;
        }
        let parent = dom.node(headline).parent.filter(|&p| p != Dom::ROOT && crate::text::word_count(&dom.raw_text(p)) <= MAX_HEADLINE_BOX_WORDS);
        Some((headline, parent.unwrap_or(headline)))
    }

    /// Whether node `id` is marked, by itself or by an ancestor, as never content or as
    /// boilerplate (a share bar, a menu), whatever was selected.
    #[must_use]
    pub fn marked_out(&self, id: NodeId) -> bool {
        self.trace.own[id.index()] != Mark::Keep
    }

    /// The blocks read from the roots, refined: outside listings, without captions of named
    /// picture boxes and without lines that are a bare link.
    #[must_use]
    pub fn refine(&self, dom: &Dom, blocks: Vec<Block>) -> Vec<Block> {
        if self.container_density > LISTING_DENSITY || self.grid.is_some() {
            return blocks;
        }
        let blocks = drop_captions(dom, &self.stats, blocks);
        // Outside listings, a short line that is all link is navigation ("Read more", "Next
        // article", a category link), not content.
        blocks
            .into_iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading(_)) || !(b.link_density() > LINK_LABEL_DENSITY && b.word_count() <= MAX_LINK_LABEL_WORDS))
            .collect()
    }

    /// Developer aid: the selection's steps, then the chain of ancestors of the first text
    /// node containing `needle`, each with its tag, names, marks and stats.
    #[must_use]
    pub fn explain(&self, dom: &Dom, needle: &str) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (rule, node) in &self.trace.steps {
            let _ = writeln!(out, "{rule:>15}: {node:?}");
        }
        if let Some(why) = self.trace.empty_because {
            let _ = writeln!(out, "no content: {why}");
        }
        let _ = writeln!(
            out,
            "roots: {:?} grid: {:?} cut after the body: {} total good {:.0} (before sparing {:.0})",
            self.roots,
            self.grid,
            self.cut_after_body,
            self.stats[0].good,
            self.trace.before_sparing.first().map_or(0.0, |s| s.good)
        );
        let Some(hit) = dom.ids().find(|&id| matches!(&dom.node(id).data, NodeData::Text(t) if t.contains(needle))) else {
            return out + "text not found";
        };
        let mut chain = vec![hit];
        chain.extend(dom.ancestors(hit));
        for id in chain.into_iter().rev() {
            let s = &self.stats[id.index()];
            let (tag, names) = dom.element(id).map_or((Tag::Other, String::new()), |e| (e.tag, e.id_class.clone()));
            let _ = writeln!(
                out,
                "{id:>6} {tag:?} [{names}] own={:?} mark={:?} skipped={} chars={} links={} score={:.0} good={:.0} (before sparing {:.0}){}",
                self.trace.own[id.index()],
                self.marks[id.index()],
                self.skips(dom, id),
                s.chars,
                s.link_chars,
                s.score,
                s.good,
                self.trace.before_sparing[id.index()].good,
                if self.roots.contains(&id) { "  <== ROOT" } else { "" }
            );
        }
        out
    }
}

/// A page's headline has at least this many words (a logo or a section name has fewer).
const MIN_HEADLINE_WORDS: usize = 4;

/// A headline's box (the headline with its byline or standfirst) holds at most this many words.
const MAX_HEADLINE_BOX_WORDS: usize = 60;

/// A picture's caption holds at most this many characters.
const MAX_CAPTION_CHARS: u32 = 250;

/// In an article, drops the blocks inside a small box that holds a picture and a line of text
/// and is named as a picture's (`div.imginline`, `span.picture-element` with
/// `p.image-annotation`, `div.img-metadata`): captions and credits not marked up as
/// `<figcaption>`. Outside articles such boxes are the content (product cards, features with an
/// icon, a listing's items), and unnamed ones are as often a short story beside its photo, so
/// both are kept.
fn drop_captions(dom: &Dom, stats: &[score::NodeStats], blocks: Vec<Block>) -> Vec<Block> {
    if !crate::shape::is_article_like(&blocks) {
        return blocks;
    }
    let mut has_image = vec![false; dom.nodes.len()];
    for index in (0..dom.nodes.len()).rev() {
        has_image[index] |= matches!(dom.tag(NodeId::from_index(index)), Tag::Img | Tag::Picture);
        if has_image[index]
            && let Some(parent) = dom.node(NodeId::from_index(index)).parent
        {
            has_image[parent.index()] = true;
        }
    }
    let picture_box = |id: NodeId| {
        let s = &stats[id.index()];
        has_image[id.index()]
            && matches!(dom.tag(id), Tag::Div | Tag::Figure | Tag::Span | Tag::Section)
            && s.link_density() < MAX_CAPTION_LINK_DENSITY
            && !dom.subtree(id).any(|d| dom.tag(d).heading_level().is_some())
    };
    blocks
        .into_iter()
        .filter(|b| {
            // The block's element and its ancestors up to the caption's size.
            let small = || std::iter::once(b.node).chain(dom.ancestors(b.node)).take_while(|&a| stats[a.index()].chars <= MAX_CAPTION_CHARS);
            !(small().any(picture_box) && small().any(|a| dom.element(a).is_some_and(|e| names_picture(&e.id_class))))
        })
        .collect()
}

/// A caption is text, not a link (a linked picture with a title is a teaser).
const MAX_CAPTION_LINK_DENSITY: f32 = 0.5;

/// True when an `id`/`class` names a picture or its box (`imginline`, `image-annotation`,
/// `photo-credit`, `picture-element`, `visual`).
fn names_picture(id_class: &str) -> bool {
    const PICTURE_NAMES: &[&str] = &["img", "image", "photo", "picture", "foto", "figure", "visual"];
    PICTURE_NAMES.iter().any(|n| id_class.contains(n))
}

/// True when an `id`/`class` holds a caption token (`caption`, `wp-caption`, `caption-text`).
fn names_caption(element: &crate::dom::Element) -> bool {
    element.id_class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| crate::lexicon::names::CAPTION_TOKENS.contains(&token))
}

/// The main content holds at least this many characters of text.
const MIN_CONTENT_CHARS: u32 = 20;

/// A story's paragraphs average at least this much prose (characters); a list of teasers with
/// one-line summaries has shorter ones.
const MIN_STORY_PARAGRAPH_CHARS: f32 = 100.0;

/// Bare links of at most this many words are navigation; longer ones may be item titles.
const MAX_LINK_LABEL_WORDS: usize = 3;

/// Link density from which a short line counts as a bare link.
const LINK_LABEL_DENSITY: f64 = 0.8;

/// Re-marks as kept the boilerplate-marked elements that wrap most of the page's prose — alone
/// (a `<div class="has-sidebar">` around everything) or together with their look-alikes (forum
/// posts named "comment", repeated items of one class) — then propagates marks to descendants.
fn spare_wrappers(dom: &Dom, own: Vec<Mark>, first: &[score::NodeStats], total_good: f32, threads: Option<&Threads>) -> Vec<Mark> {
    let mut marks = own;
    // Prose per signature, counting only the outermost element of each signature.
    let mut by_signature: HashMap<(Tag, String), (f32, NodeId)> = HashMap::new();
    // Spared wrappers enclosing the current node, as (end of subtree, prose): a wrapper's share
    // is measured against the innermost spared wrapper around it, so `sidebar-content` inside
    // a spared `sidebar-layout` is spared when it holds most of the layout's prose.
    let mut spared: Vec<(NodeId, f32)> = Vec::new();
    // A `<nav>` element is never a wrapper of the content, nor is anything inside it: a mega
    // menu of plain-text categories can hold more words than a short product page. Nor is a
    // comment thread, in the article's view (`threads` given).
    let mut unspared_end = Dom::ROOT;
    for index in 0..dom.nodes.len() {
        if marks[index] != Mark::Boilerplate {
            continue;
        }
        let id = NodeId::from_index(index);
        if id < unspared_end {
            continue;
        }
        if dom.tag(id) == Tag::Nav || threads.is_some_and(|t| t.contains(id)) {
            unspared_end = dom.subtree_end(id);
            continue;
        }
        while spared.last().is_some_and(|&(end, _)| id >= end) {
            spared.pop();
        }
        // A box named as a caption holding more prose than a caption can is the story told
        // beside a picture (a media viewer's headline and text), not a caption.
        if first[index].good > MAX_CAPTION_CHARS as f32 && dom.element(id).is_some_and(names_caption) {
            marks[index] = Mark::Keep;
            continue;
        }
        let reference = spared.last().map_or(total_good, |&(_, good)| good);
        if first[index].good > WRAPPER_SHARE * reference && first[index].good >= MIN_WRAPPER_PROSE {
            // A sidebar full of teasers can hold most of a short post's page; with a story of
            // its own outside it, it is still a sidebar: neither a wrapper nor a group of posts.
            if reference - first[index].good >= MIN_WRAPPER_PROSE && dom.element(id).is_some_and(is_sidebar) {
                continue;
            }
            marks[index] = Mark::Keep;
            spared.push((dom.subtree_end(id), first[index].good));
            continue;
        }
        if let Some(signature) = signature(dom, id) {
            let entry = by_signature.entry(signature).or_insert((0.0, Dom::ROOT));
            if id >= entry.1 {
                entry.0 += first[index].good;
                entry.1 = dom.subtree_end(id);
            }
        }
    }
    by_signature.retain(|_, (good, _)| *good > GROUP_SHARE * total_good && *good >= MIN_WRAPPER_PROSE);
    if !by_signature.is_empty() {
        for (index, mark) in marks.iter_mut().enumerate() {
            if *mark == Mark::Boilerplate && signature(dom, NodeId::from_index(index)).is_some_and(|s| by_signature.contains_key(&s)) {
                *mark = Mark::Keep;
            }
        }
    }
    clean::propagate(dom, &mut marks);
    marks
}

/// True for an `<aside>` or an element named a sidebar by a whole class or id (`sidebar`,
/// `primary-sidebar`; not a layout's modifier such as `with-sidebar-layout` or
/// `m-article--sidebar-right`), unless it is also named as the content or the main region.
fn is_sidebar(element: &crate::dom::Element) -> bool {
    use crate::lexicon::names::{CONTENT_TOKENS, SIDEBAR_NAMES};
    let tokens = || element.id_class.split(|c: char| !c.is_ascii_alphanumeric());
    element.tag == Tag::Aside
        || (element.id_class.split_whitespace().any(|name| SIDEBAR_NAMES.contains(&name)) && !tokens().any(|t| CONTENT_TOKENS.contains(&t)))
}

/// What makes repeated elements look alike: the tag and the class names with digits removed
/// (`post-123` and `post-456` are the same kind of element).
fn signature(dom: &Dom, id: NodeId) -> Option<(Tag, String)> {
    let element = dom.element(id)?;
    let class: String = element.attr("class").unwrap_or("").chars().filter(|c| !c.is_ascii_digit()).collect();
    let class = class.trim().to_ascii_lowercase();
    // Unnamed elements (a bare `<header>` or `<aside>`) are not a recognisable kind.
    (!class.is_empty()).then_some((element.tag, class))
}

/// Link density above which a block-level element inside the content is a list of links
/// (related articles, tag clouds, pagination) rather than content.
const LINK_LIST_DENSITY: f32 = 0.6;
/// A content container whose own link density is above this is itself a list of links (a
/// listing page): its link-heavy children are its content and are kept.
const LISTING_DENSITY: f32 = 0.35;
/// Link lists shorter than this many characters are left alone (an inline "read more").
const MIN_LINK_LIST_CHARS: u32 = 20;

/// True for a link-dense block-level element inside a content container that is not itself a
/// listing.
fn is_link_list(dom: &Dom, stats: &[score::NodeStats], id: NodeId, container_density: f32) -> bool {
    if container_density > LISTING_DENSITY {
        return false;
    }
    let tag = dom.tag(id);
    // Headings are kept even when they are links: a listing's item titles, a docs section.
    if !(tag.is_block() && tag != Tag::Table) || tag.heading_level().is_some() {
        return false;
    }
    let s = &stats[id.index()];
    s.chars >= MIN_LINK_LIST_CHARS && s.link_density() > LINK_LIST_DENSITY
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        let dom = crate::dom::parse(html);
        let selection = select(&dom, &Evidence::default());
        let blocks = crate::blocks::collect(&dom, selection.roots(), &|id| selection.skips(&dom, id));
        selection.refine(&dom, blocks).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn a_page_without_content_fails_with_its_metadata() {
        let html = "<html lang='fr'><head><title>Le direct | Journal</title>\
                    <meta property='article:published_time' content='2025-02-01T08:00:00Z'></head>\
                    <body><nav><a href='/'>Accueil</a></nav><div id='player'></div></body></html>";
        let err = crate::extract(html, &crate::Options::default()).err();
        let page = err.as_ref().and_then(crate::Error::page_metadata);
        assert!(matches!(err, Some(crate::Error::NoContent { .. })), "{err:?}");
        assert_eq!(page.and_then(|p| p.title.as_deref()), Some("Le direct"));
        assert_eq!(page.and_then(|p| p.language.as_deref()), Some("fr"));
        assert_eq!(page.and_then(|p| p.date_published.as_deref()), Some("2025-02-01T08:00:00Z"));
        // Plain text has no metadata to give.
        let text = crate::extract("x", &crate::Options::default().with_input_format(crate::InputFormat::Text)).err();
        assert!(matches!(text, Some(crate::Error::NoContent { page: None })), "{text:?}");
    }

    #[test]
    fn a_page_of_pictures_gives_its_headline_and_says_so() {
        let gallery = "<html><head><title>Ten years of the harbour festival | Town News</title></head><body>\
                       <nav><a href='/'>Home</a></nav><div class='head'><h1>Ten years of the harbour festival</h1><p>By Ann Lee, 3 May 2024</p></div>\
                       <div class='gallery'><img src='1.jpg'><img src='2.jpg'></div></body></html>";
        let article = crate::extract(gallery, &crate::Options::default()).expect("the headline");
        assert_eq!(article.text, "Ten years of the harbour festival\n\nBy Ann Lee, 3 May 2024");
        assert_eq!(article.metadata.warnings, vec![crate::Warning::HeadlineOnly]);
        // A logo in an `<h1>` is no headline: such a page has no content.
        let shop = "<html><head><title>Checkout | Shop</title></head><body><h1>Shop</h1><div class='app'></div></body></html>";
        assert!(matches!(crate::extract(shop, &crate::Options::default()), Err(crate::Error::NoContent { .. })));
    }

    #[test]
    fn an_app_shell_has_no_content() {
        assert!(texts("<body><div class='app'><div class='mobile'><a>Menu</a></div><div id='root'></div></div></body>").is_empty());
    }

    #[test]
    fn captions_in_named_picture_boxes_are_left_out_of_articles() {
        let para = "<p>A sentence of the story, long enough to read as prose, with a clause or two. A second sentence follows it.</p>";
        let caption = "<div class='imginline'><img src='a.jpg'><span>The harbour at dawn. © Jane Doe</span></div>";
        let unnamed = "<div class='box'><img src='b.jpg'><span>A line beside an unnamed picture box.</span></div>";
        let html = format!("<article>{para}{caption}{para}{unnamed}{para}</article>");
        let got = texts(&html);
        assert!(!got.iter().any(|t| t.contains("harbour")), "{got:?}");
        assert!(got.iter().any(|t| t.contains("unnamed")), "{got:?}");
    }

    #[test]
    fn link_lists_inside_the_story_are_left_out() {
        let para = "A sentence of the story, long enough to read as prose, with a clause or two. ".repeat(4);
        let links = "<li><a href='/x'>Another story somewhere else</a></li>".repeat(6);
        let html = format!("<article><p>{para}</p><ul>{links}</ul><p>{para}</p></article>");
        let got = texts(&html);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|t| t.starts_with("A sentence")));
    }

    #[test]
    fn a_short_post_is_read_without_its_side_columns() {
        let links = |n: usize| format!("<ul>{}</ul>", "<li><a href='/p'>A long title of another post on the same blog</a></li>".repeat(n));
        let about = "<p>About me: a writer who lives by the sea.</p>";
        let post = "<p>A short post of two sentences, long enough to read as prose. It says one thing and stops there.</p>";
        let html = format!(
            "<div class='page'><div class='alpha'>{}</div><div class='beta'><h1>The post</h1>{post}</div><div class='gamma'>{about}{}</div></div>",
            links(40),
            links(8)
        );
        let got = texts(&html);
        assert!(got.iter().any(|t| t.starts_with("A short post")), "{got:?}");
        // Neither the columns nor the link list in one of them, as a grid beside the post.
        assert!(!got.iter().any(|t| t.contains("long title") || t.contains("About me")), "{got:?}");
    }

    #[test]
    fn a_story_in_a_caption_box_is_content() {
        let story = "A sentence of the story told beside the photo, long enough to read as prose. ".repeat(6);
        let teaser = "<div class='teaser-box'><p>Another story of the day, told in a sentence or two of prose here, and a clause more to make it longer. <a href='/x'>More</a></p></div>";
        let html =
            format!("<div class='mediaviewer'><img src='a.jpg'><div class='caption'><h1>The headline</h1><p>{story}</p></div></div>{}", teaser.repeat(8));
        let got = texts(&html);
        assert!(got.iter().any(|t| t.starts_with("A sentence of the story")), "{got:?}");
        // A caption of a caption's length stays out.
        let html = format!("<article><p>{story}</p><div class='caption'>The harbour at dawn. © Jane Doe</div><p>{story}</p></article>");
        assert!(!texts(&html).iter().any(|t| t.contains("harbour")));
    }

    #[test]
    fn a_sidebar_beside_a_short_post_is_not_spared() {
        let post = "A sentence of the short post, long enough to read as prose, with a clause. ".repeat(4);
        let teaser = "<div class='item'><p>A teaser for another story of the site, told in a sentence of prose. <a href='/x'>More</a></p></div>";
        let html = format!("<body><div class='post'><h1>The post</h1><p>{post}</p></div><aside class='sidebar'>{}</aside></body>", teaser.repeat(8));
        let got = texts(&html);
        assert!(got.iter().any(|t| t.starts_with("A sentence of the short post")), "{got:?}");
        assert!(!got.iter().any(|t| t.contains("teaser")), "{got:?}");
    }

    #[test]
    fn a_mega_menu_in_nav_never_wraps_the_content() {
        let category = "<li><span>Solidbody guitars and semi-hollow guitars</span> <span>Baritone guitars and 12-string guitars</span></li>";
        let menu = format!("<nav><div class='mega-menu'><ul>{}</ul></div></nav>", category.repeat(40));
        let description = "<p>A dynamic microphone with a built-in preamp, for podcasts, broadcast and vocals in the studio.</p>";
        let got = texts(&format!("<body>{menu}<main><h1>The microphone</h1>{description}</main></body>"));
        assert!(got.iter().any(|t| t.starts_with("A dynamic microphone")), "{got:?}");
        assert!(!got.iter().any(|t| t.contains("Baritone")), "{got:?}");
    }
}
