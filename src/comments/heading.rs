//! The heading that opens a comment thread: "12 Comments", "Comments (3)", "Leave a Reply",
//! "3 thoughts on “The story”", or any heading holding the `#comments` anchor.

use crate::dom::{Dom, NodeId};

/// True when heading `id` opens a comment thread that runs to `end`: it says so, and no
/// heading of its rank or above that does not follow it before `end` (a paper's "Discussion"
/// is followed by its "Conclusion").
pub(super) fn opens_thread(dom: &Dom, id: NodeId, end: NodeId) -> bool {
    let Some(level) = dom.tag(id).heading_level() else { return false };
    says_thread(dom, id)
        && !Dom::between(dom.subtree_end(id), end).any(|later| dom.tag(later).heading_level().is_some_and(|l| l <= level) && !says_thread(dom, later))
}

/// True when heading `id` reads as a thread's heading.
fn says_thread(dom: &Dom, id: NodeId) -> bool {
    let anchored = std::iter::once(id).chain(dom.descendants(id)).filter_map(|d| dom.element(d)).any(|e| {
        [e.attr("id"), e.attr("name")].into_iter().flatten().any(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "comments" | "comment" | "respond"))
    });
    anchored || is_thread_heading(&dom.raw_text(id))
}

/// True for the text of a heading that opens a comment thread.
fn is_thread_heading(text: &str) -> bool {
    let lower = crate::text::collapse(text).to_lowercase();
    if lower.chars().count() > MAX_HEADING_CHARS {
        return false;
    }
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    // "12 Comments", "Comments (12)", "Comments: 12": the count goes either side.
    let counted = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    let bare: Vec<&str> = words.iter().copied().filter(|w| !counted(w)).collect();
    let phrase = bare.join(" ");
    if THREAD_HEADINGS.contains(&phrase.as_str()) {
        return true;
    }
    // "3 thoughts on “Title”", "12 Responses to “Title”", "5 comments on Title".
    matches!(words.as_slice(), [count, noun, link, ..] if counted(count) && COUNTED_NOUNS.contains(noun) && matches!(*link, "on" | "to"))
}

/// A thread's heading is short: a count, a word or two, perhaps the story's title.
const MAX_HEADING_CHARS: usize = 120;

/// Whole headings (counts removed, lowercased) that open a comment thread, in the languages of
/// the dev sets. With the anchor rule they catch the flat threads of older blogs: dragnet
/// 0.864 → 0.866 word F1 (comment words leaked 16,843 → 9,057), R197 +0.55 once an `h2` named
/// `comments` counted; none break on WCXB or cleaneval ("discussion" was taken out: it cut a
/// paper's and a manual's Discussion section, WCXB 0689 and 4063).
const THREAD_HEADINGS: &[&str] = &[
    "comments",
    "comment",
    "reader comments",
    "readers' comments",
    "user comments",
    "your comments",
    "responses",
    "replies",
    "reactions",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "add comment",
    "write a comment",
    "join the discussion",
    "have your say",
    "kommentare",
    "kommentar",
    "commentaires",
    "commentaire",
    "commenti",
    "comentarios",
    "comentários",
    "reacties",
    "komentarze",
    "kommentarer",
];

/// Nouns of "N <noun> on/to “Title”", the thread headings of blog themes.
const COUNTED_NOUNS: &[&str] = &["thoughts", "thought", "responses", "response", "comments", "comment", "replies", "reply"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_headings_are_whole_phrases_with_counts() {
        for heading in ["12 Comments", "Comments (3)", "Leave a Reply", "3 thoughts on “A walk”", "One Response", "Kommentare: 4", "COMMENTS"] {
            let expected = heading != "One Response";
            assert_eq!(is_thread_heading(heading), expected, "{heading}");
        }
        for heading in ["Recent Comments", "Comments on the draft law", "Most commented", "Thoughts on the budget"] {
            assert!(!is_thread_heading(heading), "{heading}");
        }
    }
}
