//! Reading a comment thread into comments: the repeated items of the thread, and in each one
//! who wrote it, when, and what it says.

use std::collections::HashMap;

use serde::Serialize;

use crate::blocks::{self, Block, BlockKind};
use crate::dom::{Dom, Element, NodeData, NodeId, Tag};

use super::Threads;

/// One reader comment.
///
/// JSON form (the `comments` array of `--comments --format json`): `{author, date, text}`,
/// absent values `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Comment {
    /// Who wrote it, as the page names them.
    pub author: Option<String>,
    /// When it was posted: the machine-readable date the page gives (`<time datetime>`), else
    /// the date as shown.
    pub date: Option<String>,
    /// What it says: paragraphs separated by a blank line (replies quoted inside it included,
    /// replies posted under it not: they are comments of their own).
    pub text: String,
    /// The text as blocks, for Markdown and HTML output. Not serialized.
    #[serde(skip)]
    pub blocks: Vec<Block>,
}

/// The comments of the page's threads, in page order. `skip` says which nodes are never
/// text (scripts, hidden elements, reply buttons).
#[must_use]
pub fn read(dom: &Dom, threads: &Threads, skip: &dyn Fn(NodeId) -> bool) -> Vec<Comment> {
    let mut comments = Vec::new();
    for &(start, end) in threads.regions() {
        // A thread opened by a heading: the heading says "Comments", it is none.
        let skip = |id: NodeId| skip(id) || (id == start && dom.tag(id).heading_level().is_some());
        let items = items_of(dom, start, end, &skip);
        if items.is_empty() {
            let tops = top_level(dom, start, end);
            match signed_runs(dom, &tops, &skip) {
                Some(runs) => comments.extend(runs.iter().filter_map(|(run, signature)| read_signed(dom, run, *signature, &skip))),
                None => comments.extend(read_item(dom, &tops, &[], &skip)),
            }
            continue;
        }
        for &item in &items {
            comments.extend(read_item(dom, &[item], &items, &skip));
        }
    }
    comments
}

/// The nodes of the run `start..end` whose parent is outside it.
fn top_level(dom: &Dom, start: NodeId, end: NodeId) -> Vec<NodeId> {
    let mut tops = Vec::new();
    let mut id = start;
    while id < end {
        tops.push(id);
        id = dom.subtree_end(id);
    }
    tops
}

/// A thread of bare paragraphs, each comment closed by a signature line of one kind
/// (`<p class="posted">Posted by: Ann at May 3, 2012</p>`): the runs of nodes up to and
/// including each signature. `None` when no kind of short line recurs.
fn signed_runs(dom: &Dom, tops: &[NodeId], skip: &dyn Fn(NodeId) -> bool) -> Option<Vec<(Vec<NodeId>, NodeId)>> {
    let mut counts: HashMap<(Tag, &str), usize> = HashMap::new();
    for &id in tops.iter().filter(|&&id| !skip(id)) {
        if let Some(kind) = dom.element(id).and_then(kind_of) {
            *counts.entry(kind).or_default() += 1;
        }
    }
    let short = |id: NodeId| crate::text::word_count(&dom.raw_text(id)) <= MAX_SIGNATURE_WORDS;
    let kind = counts
        .into_iter()
        .filter(|&(kind, count)| count >= 2 && tops.iter().filter(|&&id| dom.element(id).and_then(kind_of) == Some(kind)).all(|&id| short(id)))
        .max_by_key(|&(_, count)| count)?
        .0;
    let mut runs = Vec::new();
    let mut run = Vec::new();
    for &id in tops {
        run.push(id);
        if dom.element(id).and_then(kind_of) == Some(kind) {
            runs.push((std::mem::take(&mut run), id));
        }
    }
    Some(runs)
}

/// A comment's signature line holds at most this many words.
const MAX_SIGNATURE_WORDS: usize = 20;

/// The comment in `run`, signed by its last node `signature` ("Posted by: Ann at May 3,
/// 2012 02:30 PM"): the author is the signature's link, or else its words before the date;
/// the date what follows the author.
fn read_signed(dom: &Dom, run: &[NodeId], signature: NodeId, skip: &dyn Fn(NodeId) -> bool) -> Option<Comment> {
    let body: Vec<NodeId> = run.iter().copied().filter(|&id| id != signature).collect();
    let mut comment = read_item(dom, &body, &[], skip)?;
    let line = crate::text::collapse(&dom.raw_text(signature));
    let linked = dom.descendants(signature).find(|&d| dom.tag(d) == Tag::A).map(|a| crate::text::collapse(&dom.raw_text(a))).filter(|a| !a.is_empty());
    let author = linked.or_else(|| {
        let before = line.split([',', '|']).next().unwrap_or("");
        let words: Vec<&str> = before.split_whitespace().filter(|w| !AUTHOR_FILLER.contains(&w.trim_end_matches(':').to_lowercase().as_str())).collect();
        (1..=MAX_NAME_WORDS).contains(&words.len()).then(|| words.join(" "))
    });
    let date = author.as_deref().and_then(|a| line.split_once(a)).map(|(_, after)| after).unwrap_or(&line);
    let date: Vec<&str> =
        date.split_whitespace().skip_while(|w| AUTHOR_FILLER.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())).collect();
    comment.author = comment.author.or(author);
    comment.date = comment.date.or_else(|| (!date.is_empty()).then(|| date.join(" ")));
    Some(comment)
}

/// A thread's items cover at least this share of its text: a signature that covers less is a
/// part of each comment (its footer, its avatar), not the comment.
const MIN_ITEM_COVERAGE: f32 = 0.6;

/// The elements of a thread that are its comments: the elements of one kind (tag and first
/// class) that recur most often and together hold most of the thread's text; replies nested in
/// a comment are items of the same kind inside it.
fn items_of(dom: &Dom, start: NodeId, end: NodeId, skip: &dyn Fn(NodeId) -> bool) -> Vec<NodeId> {
    let chars = text_chars(dom, start, end, skip);
    let total = top_level(dom, start, end).iter().map(|id| chars[id.index() - start.index()]).sum::<u32>().max(1) as f32;
    let mut kinds: HashMap<(Tag, &str), Kind> = HashMap::new();
    for id in Dom::between(start, end) {
        let Some(kind) = dom.element(id).and_then(kind_of) else { continue };
        let held = chars[id.index() - start.index()];
        if held == 0 {
            continue;
        }
        let entry = kinds.entry(kind).or_default();
        if id >= entry.outer_end {
            entry.covered += held;
            entry.outer_end = dom.subtree_end(id);
        }
        entry.elements.push(id);
    }
    kinds
        .into_values()
        .filter(|k| k.elements.len() >= 2 && k.covered as f32 >= MIN_ITEM_COVERAGE * total)
        .max_by(|a, b| a.elements.len().cmp(&b.elements.len()).then(a.covered.cmp(&b.covered)).then(b.elements[0].cmp(&a.elements[0])))
        .map(|k| k.elements)
        .unwrap_or_default()
}

/// The elements of one kind in a thread.
#[derive(Default)]
struct Kind {
    /// Characters of text held by the outermost ones.
    covered: u32,
    /// The end of the last outermost one.
    outer_end: NodeId,
    /// All of them, in document order.
    elements: Vec<NodeId>,
}

/// The kind of an element for telling a thread's items: its tag and first class without a
/// trailing number (`comment-123` and `comment-456` are one kind; the later classes, such as
/// WordPress's `even`/`odd` and `depth-2`, vary between items of one kind and are left out).
fn kind_of(element: &Element) -> Option<(Tag, &str)> {
    let class = element.attr("class")?.split_whitespace().next()?;
    Some((element.tag, class.trim_end_matches(|c: char| c.is_ascii_digit())))
}

/// Non-whitespace characters of text under each node of the run `start..end` (indexed from
/// `start`), `skip`ped subtrees left out.
fn text_chars(dom: &Dom, start: NodeId, end: NodeId, skip: &dyn Fn(NodeId) -> bool) -> Vec<u32> {
    let mut chars = vec![0u32; end.index() - start.index()];
    for id in Dom::between(start, end).rev() {
        let at = id.index() - start.index();
        if skip(id) {
            chars[at] = 0;
            continue;
        }
        if let NodeData::Text(text) = &dom.node(id).data {
            chars[at] = u32::try_from(text.chars().filter(|c| !c.is_whitespace()).count()).unwrap_or(u32::MAX);
        }
        if let Some(parent) = dom.node(id).parent.filter(|&p| p >= start) {
            chars[parent.index() - start.index()] = chars[parent.index() - start.index()].saturating_add(chars[at]);
        }
    }
    chars
}

/// The comment in the subtrees `roots` (one item, or a thread's run of nodes), without the
/// replies among `items` nested in them. `None` when it says nothing.
fn read_item(dom: &Dom, roots: &[NodeId], items: &[NodeId], skip: &dyn Fn(NodeId) -> bool) -> Option<Comment> {
    let nested = |id: NodeId| !roots.contains(&id) && items.binary_search(&id).is_ok();
    let date = roots.iter().find_map(|&root| find_part(dom, root, &nested, skip, names_date));
    let named_author = roots.iter().find_map(|&root| find_part(dom, root, &nested, skip, names_author));
    // Unnamed, the author is what the date's line says besides the date ("Dave — July 17th").
    let meta_line = if named_author.is_none() { date.and_then(|d| author_beside(dom, d, roots)) } else { None };
    let author = named_author.map(|id| name_of(dom, id)).or_else(|| meta_line.as_ref().map(|(_, name)| name.clone()));
    let parts = [named_author, date, meta_line.map(|(line, _)| line)];
    let skipped = |id: NodeId| skip(id) || nested(id) || parts.iter().flatten().any(|&p| p == id) || names_control(dom, id);
    // A comment that is a list item is read from its children: it is not an item of a list
    // of the text.
    let roots: Vec<NodeId> = roots
        .iter()
        .flat_map(|&root| if matches!(dom.tag(root), Tag::Li | Tag::Dd | Tag::Dt) { dom.node(root).children.clone() } else { vec![root] })
        .collect();
    let blocks: Vec<Block> = blocks::collect(dom, &roots, &skipped)
        .into_iter()
        // A bare short link is a control ("Reply", "Report", "Permalink"), not what was said.
        .filter(|b| matches!(b.kind, BlockKind::Heading(_)) || !(b.link_density() > 0.8 && b.word_count() <= 3))
        .collect();
    if blocks.is_empty() {
        return None;
    }
    let author = author.filter(|a| !a.is_empty());
    let date = date.and_then(|id| date_of(dom, id));
    let text = blocks::plain_text(&blocks);
    Some(Comment { author, date, text, blocks })
}

/// The first element under `item` (outside nested replies and skipped parts) that `names`
/// accepts and that holds a short text: the comment's author or date.
fn find_part(dom: &Dom, root: NodeId, nested: &dyn Fn(NodeId) -> bool, skip: &dyn Fn(NodeId) -> bool, names: fn(&Element) -> bool) -> Option<NodeId> {
    let mut end = root;
    for id in dom.subtree(root) {
        if id < end {
            continue;
        }
        if nested(id) || skip(id) {
            end = dom.subtree_end(id);
            continue;
        }
        if dom.element(id).is_some_and(names) {
            let text = dom.raw_text(id);
            let words = crate::text::word_count(&text);
            if (1..=MAX_PART_WORDS).contains(&words) || (words == 0 && dom.element(id).is_some_and(|e| e.attr("datetime").is_some())) {
                return Some(id);
            }
        }
    }
    None
}

/// The commenter's name in element `id`: the innermost element named as the author inside it
/// (`b.fn` in `div.comment-author`), without the filler around it ("Ann says:").
fn name_of(dom: &Dom, id: NodeId) -> String {
    let inner = dom.descendants(id).rfind(|&d| dom.element(d).is_some_and(names_author)).filter(|&d| crate::text::word_count(&dom.raw_text(d)) > 0);
    let text = crate::text::collapse(&dom.raw_text(inner.unwrap_or(id)));
    let words: Vec<&str> = text.split_whitespace().filter(|w| !AUTHOR_FILLER.contains(&w.trim_end_matches(':').to_lowercase().as_str())).collect();
    words.join(" ")
}

/// The line holding the comment's `date` (its nearest block-level ancestor inside `roots`)
/// and the name it gives besides the date, once separators and filler ("by", "says", "on")
/// are trimmed: `Dave — July 17th, 2012`, `Posted by: Ann | 3 May 2012`.
fn author_beside(dom: &Dom, date: NodeId, roots: &[NodeId]) -> Option<(NodeId, String)> {
    let line = dom.ancestors(date).take_while(|&a| roots.iter().any(|&r| dom.contains(r, a))).find(|&a| dom.tag(a).is_block())?;
    let text = dom.raw_text(line).replacen(&dom.raw_text(date), " ", 1);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '—' | '–' | '·' | '•' | ':' | ','))
        .filter(|w| !w.is_empty() && *w != "-" && !AUTHOR_FILLER.contains(&w.to_lowercase().as_str()))
        .collect();
    (1..=MAX_NAME_WORDS).contains(&words.len()).then(|| (line, words.join(" ")))
}

/// Words around a commenter's name on the line of the date ("Posted by: Ann at", "Dave
/// says"), in the dev sets' languages. Read only with `--comments` (the text never changes):
/// names beside dates lifted its dragnet word F1 0.786 → 0.793.
const AUTHOR_FILLER: &[&str] = &["by", "posted", "written", "says", "said", "wrote", "on", "at", "von", "am", "par", "le", "por", "el"];

/// A commenter's name beside the date holds at most this many words.
const MAX_NAME_WORDS: usize = 4;

/// An author's name or a date holds at most this many words.
const MAX_PART_WORDS: usize = 8;

/// True for the element naming a comment's author (`comment-author`, `fn`, `username`,
/// `itemprop=author`, `<cite>`).
fn names_author(element: &Element) -> bool {
    element.tag == Tag::Cite
        || element.attr("itemprop").is_some_and(|p| matches!(p.trim(), "author" | "creator" | "name"))
        || element.id_class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| AUTHOR_TOKENS.contains(&token))
}

/// Name tokens of a comment's author (`comment-author`, `vcard fn`, `username`, `poster`).
/// Read only with `--comments`; measured through its word F1 on dragnet's comment truth.
const AUTHOR_TOKENS: &[&str] = &["author", "fn", "username", "user", "poster", "commenter", "nickname", "nick", "name", "by"];

/// True for the element holding a comment's date (`<time>`, `comment-date`, `timestamp`).
fn names_date(element: &Element) -> bool {
    element.tag == Tag::Time
        || element.attr("itemprop").is_some_and(|p| matches!(p.trim(), "dateCreated" | "datePublished" | "commentTime"))
        || element.id_class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| DATE_TOKENS.contains(&token))
}

/// Name tokens of a comment's date (`comment-date`, `timestamp`, `posted-on`).
const DATE_TOKENS: &[&str] = &["date", "time", "timestamp", "datetime", "posted", "published", "ago"];

/// The comment's date: the machine-readable one when given, else the text shown.
fn date_of(dom: &Dom, id: NodeId) -> Option<String> {
    let stated = std::iter::once(id).chain(dom.descendants(id)).find_map(|d| dom.element(d)?.attr("datetime").map(str::trim).filter(|v| !v.is_empty()));
    let date = stated.map_or_else(|| crate::text::collapse(&dom.raw_text(id)), str::to_string);
    (!date.is_empty()).then_some(date)
}

/// True for the controls of a comment (reply and report buttons, vote counts, share links),
/// by their names.
fn names_control(dom: &Dom, id: NodeId) -> bool {
    dom.element(id).is_some_and(|e| e.id_class.split(|c: char| !c.is_ascii_alphanumeric()).any(|token| CONTROL_TOKENS.contains(&token)))
}

/// Name tokens of a comment's controls (reply, report, vote, like, share, permalink, avatar).
const CONTROL_TOKENS: &[&str] = &["reply", "report", "flag", "vote", "votes", "like", "likes", "share", "permalink", "avatar", "edit", "actions", "tools"];
