//! Stage "comments": where a page's reader comments are ([`find`]) and what each one says
//! ([`read`]).
//!
//! A comment thread is found by its markup — `id`/`class` names (`comments`, `commentlist`,
//! `disqus_thread`), schema.org `Comment`/`UserComments` items — or by the heading that opens
//! it ("12 Comments", "Leave a Reply", "3 thoughts on “…”", an anchor named `comments`). The
//! selection keeps comment threads out of an article's text (see [`crate::extract`]); on a
//! page that is all thread (a forum) they are the content.

mod heading;
mod read;

pub use read::{Comment, read};

use crate::dom::{Dom, Element, NodeId, Tag};
use crate::lexicon::names::names_a_role;

/// The comment threads of a page, each a run of nodes in document order: an element's
/// subtree, or the nodes from a thread's heading to the end of the heading's parent.
#[derive(Debug, Clone, Default)]
pub struct Threads {
    /// `(first node, end)` of each thread, `end` exclusive; sorted and disjoint.
    regions: Vec<(NodeId, NodeId)>,
}

impl Threads {
    /// The threads as `(first node, end)` runs of node ids, `end` exclusive, in document order.
    #[must_use]
    pub fn regions(&self) -> &[(NodeId, NodeId)] {
        &self.regions
    }

    /// True when the page has no comment thread.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// True when node `id` is part of a comment thread.
    #[must_use]
    pub fn contains(&self, id: NodeId) -> bool {
        // The runs are disjoint and sorted: the one that could hold `id` is the last starting
        // at or before it.
        let at = self.regions.partition_point(|&(start, _)| start <= id);
        at > 0 && id < self.regions[at - 1].1
    }
}

/// Finds the comment threads of a page by their markup and their headings.
#[must_use]
pub fn find(dom: &Dom) -> Threads {
    let mut regions = Vec::new();
    let mut end = Dom::ROOT;
    for id in dom.ids() {
        if id < end {
            continue;
        }
        let Some(element) = dom.element(id) else { continue };
        // Sidebars and menus list recent comments, never a thread.
        if is_aside(element) {
            end = dom.subtree_end(id);
            continue;
        }
        // A heading named `comments` opens the thread that follows it; it holds none.
        if element.tag.heading_level().is_some() {
            // The thread runs from its heading to the end of the box the heading stands in.
            let Some(parent) = dom.node(id).parent else { continue };
            let parent_end = dom.subtree_end(parent);
            if heading::opens_thread(dom, id, parent_end) {
                end = parent_end;
                regions.push((id, end));
            }
        } else if is_comment_region(element) || is_notes_list(dom, id) {
            end = dom.subtree_end(id);
            regions.push((id, end));
        }
    }
    Threads { regions }
}

/// True for an element whose markup says it holds reader comments (a thread, a list of
/// them, or one comment, or a part of one: `comment-body`, `comment-meta`).
#[must_use]
pub fn is_comment_region(element: &Element) -> bool {
    // The page's frame is never a comment region, whatever its names say about the layout.
    if matches!(element.tag, Tag::Html | Tag::Body | Tag::Main | Tag::Head) {
        return false;
    }
    // Every element of every page is asked: the names are tested only when they could match.
    let names = &element.id_class;
    if !names.is_empty()
        && COMMENT_STEMS.iter().any(|stem| names.contains(stem))
        && names.split_whitespace().filter(|class| names_a_role(class)).any(names_comments)
    {
        return true;
    }
    element.attrs.iter().any(|(name, value)| match &**name {
        "itemtype" => declares_comment(value),
        "itemprop" => COMMENT_PROPS.contains(&value.trim()),
        _ => false,
    })
}

/// What every name [`names_comments`] accepts contains: `comment` or a comment service.
const COMMENT_STEMS: &[&str] = &["comment", "disqus", "dsq", "livefyre", "talkback"];

/// True for a box beside the page's content — an `<aside>`, a `<nav>` — or a list of recent
/// comments (`widget_recent_comments`, `recentcomments`, whose items are named
/// `comment-author-link`): they point to threads, they hold none.
fn is_aside(element: &Element) -> bool {
    matches!(element.tag, Tag::Aside | Tag::Nav) || element.id_class.contains("recent")
}

/// True for a list of readers' notes on a post — reblogs, likes and replies, a list named
/// `notes` of items named `note` (Tumblr's) — a thread by another name.
fn is_notes_list(dom: &Dom, id: NodeId) -> bool {
    let has_token = |id: NodeId, token: &str| dom.element(id).is_some_and(|e| e.id_class.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| t == token));
    matches!(dom.tag(id), Tag::Ol | Tag::Ul) && has_token(id, "notes") && {
        let items: Vec<NodeId> = dom.node(id).children.iter().copied().filter(|&c| dom.tag(c) == Tag::Li).collect();
        !items.is_empty() && items.iter().all(|&item| has_token(item, "note"))
    }
}

/// True for a schema.org item type of a comment or a set of them.
fn declares_comment(itemtype: &str) -> bool {
    itemtype.split_whitespace().any(|t| {
        let name = t.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        COMMENT_TYPES.contains(&name)
    })
}

/// schema.org types of comments: each names a comment or a thread of them.
const COMMENT_TYPES: &[&str] = &["Comment", "UserComments"];

/// `itemprop` values of comments inside a schema.org item.
const COMMENT_PROPS: &[&str] = &["comment", "comments"];

/// True when one class (or the id) names comments: a token that starts with `comment`
/// (`comments`, `commentlist`, `comment_body`) but is not `commentary` (an opinion piece),
/// `commentator` or `commented` ("most commented" lists), or a comment service's own name.
fn names_comments(class: &str) -> bool {
    class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| {
        (token.starts_with("comment") && !["commentary", "commentator", "commented"].iter().any(|not| token.starts_with(not)))
            || COMMENT_SERVICES.contains(&token)
    })
}

/// Names of comment services and of the threads they fill in (Disqus, Facebook comments,
/// Livefyre) and of the older blogs' "talkback". With the `comment*` names they keep threads
/// out of the text: dragnet 0.839 → 0.864; they break cleaneval 13 and 57, whose truth keeps
/// comments (its convention, `--comments`), and WCXB forum 0526 until forum hosts counted.
const COMMENT_SERVICES: &[&str] = &["disqus", "dsq", "fbcomments", "livefyre", "talkback"];

#[cfg(test)]
mod tests {
    use super::*;

    fn texts_in_threads(html: &str) -> Vec<String> {
        let dom = crate::dom::parse(html);
        let threads = find(&dom);
        dom.ids()
            .filter(|&id| threads.contains(id))
            .filter_map(|id| match &dom.node(id).data {
                crate::dom::NodeData::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
                _ => None,
            })
            .collect()
    }

    fn extract(html: &str, url: &str, comments: bool) -> crate::Article {
        let options = crate::Options::default().with_comments(comments);
        crate::extract_bytes(html.as_bytes(), &crate::Hints::default().with_url(url), &options).expect("content")
    }

    const POSTS: &str = "<div class='comments'>\
        <div class='comment'><span class='author'>ann</span><p>Has anyone fitted the larger tank to the 2019 model? The brackets look different.</p></div>\
        <div class='comment'><span class='author'>bob</span><p>Yes, the 2019 brackets fit once you drill one extra hole on the left side.</p></div>\
        <div class='comment'><span class='author'>cy</span><p>Same here, and the fuel line needs the longer clip from the 2020 kit.</p></div></div>";

    #[test]
    fn a_forum_threads_posts_are_its_text_whatever_the_flag() {
        let html = format!("<html><body><h1>Larger tank on the 2019 model</h1>{POSTS}</body></html>");
        for flag in [false, true] {
            let article = extract(&html, "https://talk.example/forum/t/larger-tank/123", flag);
            assert!(article.text.contains("brackets fit") && article.text.contains("fuel line"), "{}", article.text);
            assert_eq!(article.comments.as_ref().map(Vec::len), flag.then_some(0));
        }
    }

    #[test]
    fn a_short_post_is_printed_never_its_comments_in_its_place() {
        let html = format!("<html><body><article><h1>Tank day</h1><p>We fitted the larger tank today. Photos to follow.</p></article>{POSTS}</body></html>");
        let article = extract(&html, "https://blog.example/2024/05/tank-day", true);
        assert_eq!(article.text, "Tank day\n\nWe fitted the larger tank today. Photos to follow.");
        let comments = article.comments.expect("read");
        assert_eq!(comments.len(), 3);
        assert_eq!(comments[0].author.as_deref(), Some("ann"));
        assert!(comments[2].text.starts_with("Same here"), "{comments:?}");
    }

    #[test]
    fn threads_are_found_by_names_schema_and_headings() {
        let story = "<p>The story.</p>";
        let named = format!("<article>{story}</article><ol class='commentlist'><li>First!</li></ol>");
        assert_eq!(texts_in_threads(&named), ["First!"]);
        let schema = format!("<article>{story}<div itemprop='comment' itemtype='https://schema.org/Comment'>Nice.</div></article>");
        assert_eq!(texts_in_threads(&schema), ["Nice."]);
        let headed = format!("<div class='entry'>{story}<h2>3 Comments</h2><p>Great post.</p><p>Posted by: Ann</p></div><div>Sidebar</div>");
        assert_eq!(texts_in_threads(&headed), ["3 Comments", "Great post.", "Posted by: Ann"]);
        let notes =
            format!("<article>{story}</article><ol class='notes'><li class='note reblog'>ann reblogged this</li><li class='note like'>bo liked this</li></ol>");
        assert_eq!(texts_in_threads(&notes), ["ann reblogged this", "bo liked this"]);
        let release_notes = format!("<article>{story}<ul class='notes'><li>Fixed the parser.</li></ul></article>");
        assert!(texts_in_threads(&release_notes).is_empty());
        let commentary = format!("<div class='commentary'>{story}</div><h2>Recent comments</h2><p>A list</p>");
        assert!(texts_in_threads(&commentary).is_empty());
    }
}
