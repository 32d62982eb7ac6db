//! Stage "clean-up": text-level rules applied to the blocks after selection (and, for
//! plain-text input, instead of it). They remove what survives the tree stages: headlines
//! repeated in captions and share bars, datelines, "Skip to content"-style labels,
//! "Recommended"/"Related" tails, and a second story glued below the first.

mod dateline;
pub(crate) use crate::text::normalize;
pub(crate) use dateline::is_dateline;
mod lines;

use std::collections::{HashMap, HashSet};

use crate::blocks::{Block, BlockKind};
use crate::lexicon::text::CREDIT_LABELS;
use crate::shape::{PROSE_MIN_WORDS, is_article_like, is_prose};
use crate::text::ends_like_sentence;

/// Which kind of input the blocks came from: the rules are stricter on plain text, where no
/// markup told prose from clutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Blocks collected from selected HTML.
    Html,
    /// Lines of already-extracted plain text.
    Text,
}

/// A block of at most this many words without sentence punctuation is a label, not prose.
const MAX_LABEL_WORDS: usize = 8;

/// More datelines than this in the content are per-item dates, not the page's.
const MAX_PAGE_DATELINES: usize = 2;

/// What the rules need to know about a block, computed once.
struct Facts {
    /// The block's identity for repetition ([`normalize`]d text).
    key: String,
    dateline: bool,
}

/// Applies the clean-up rules to blocks, in order.
#[must_use]
pub fn clean_blocks(blocks: Vec<Block>, title: Option<&str>, mode: Mode) -> Vec<Block> {
    if mode == Mode::Text {
        return lines::clean(blocks);
    }
    // On pages that are not articles (products, listings, services) the headline is part of
    // what the page shows; in an article it is metadata, given apart from the text.
    let article_like = is_article_like(&blocks);
    let title_key = title.map(normalize).filter(|t| !t.is_empty());
    let facts: Vec<Facts> = blocks.iter().map(|b| Facts { key: normalize(&b.text), dateline: dateline::is_dateline(&b.text) }).collect();
    // One or two datelines state when the page was published; many are the dates of the posts
    // of a thread or the items of a list, and belong to them.
    let datelines = facts.iter().filter(|f| f.dateline).count();
    let drop_datelines = datelines <= MAX_PAGE_DATELINES;
    // A sentence said twice as paragraphs — a standfirst or summary box repeating the body's
    // sentence — is kept where the body says it: the last copy.
    let mut last_paragraph: HashMap<&str, usize> = HashMap::new();
    for (index, (block, fact)) in blocks.iter().zip(&facts).enumerate() {
        if block.kind == BlockKind::Paragraph && block.list.is_none() {
            last_paragraph.insert(fact.key.as_str(), index);
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    for (index, (block, fact)) in blocks.into_iter().zip(&facts).enumerate() {
        let repeated_later = article_like
            && block.kind == BlockKind::Paragraph
            && block.list.is_none()
            && is_sentence(&block)
            && last_paragraph.get(fact.key.as_str()).is_some_and(|&last| last > index);
        let keep = match block.kind {
            _ if repeated_later && !fact.key.is_empty() => false,
            BlockKind::TableRow { .. } | BlockKind::Code { .. } => true,
            BlockKind::Heading(_) if !article_like && title_key.as_deref() == Some(fact.key.as_str()) && seen.insert(&fact.key) => true,
            _ => keep_block(&block, fact, title_key.as_deref(), &mut seen, drop_datelines),
        };
        if keep {
            kept.push(block);
        }
    }
    trim_edges(trim_tail(kept))
}

/// The blocks led by the headline `title` as a level-1 heading, unless a heading saying it
/// already leads them.
#[must_use]
pub fn lead_with_headline(mut blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else { return blocks };
    let leads = blocks.first().is_some_and(|b| matches!(b.kind, BlockKind::Heading(_)) && normalize(&b.text) == normalize(title));
    if !leads {
        blocks.insert(0, Block::heading(1, title.to_string()));
    }
    blocks
}

/// Whether one block survives the block-level rules.
fn keep_block<'a>(block: &Block, fact: &'a Facts, title_key: Option<&str>, seen: &mut HashSet<&'a str>, drop_datelines: bool) -> bool {
    let key = fact.key.as_str();
    if key.is_empty() {
        return false;
    }
    // The headline repeated inside the content (title, caption, share bar, sticky header).
    if title_key.is_some_and(|t| t == key) {
        return false;
    }
    if drop_datelines && fact.dateline {
        return false;
    }
    if is_counter(key) {
        return false;
    }
    // An exact duplicate of an earlier block (a caption or pull quote repeated as text).
    matches!(block.kind, BlockKind::ListItem { .. }) || seen.insert(key)
}

/// True for a gallery's or a slideshow's counter: "3 of 12", "Photo 3 of 12" (`key` is the
/// [`normalize`]d line; "3 / 12" would be "3 12", a price's "19.99" too, so it is left).
fn is_counter(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let pair = match words.as_slice() {
        [_, a, link, b] | [a, link, b] if COUNTER_LINKS.contains(link) => Some((*a, *b)),
        _ => None,
    };
    pair.is_some_and(|(a, b)| number(a) && number(b))
}

/// The word between a counter's two numbers ("3 of 12"), in the dev sets' languages. The
/// counter rule lifts 8 WCXB-dev pages (product galleries, slideshows) and lowers 3 (a
/// "Step 1 of 3" that the truth keeps); the other sets are unchanged.
const COUNTER_LINKS: &[&str] = &["of", "von", "de", "sur", "di", "van", "z", "av", "af"];

/// True for a short block that does not read as a sentence: a label, a button, a heading-like
/// line ("Recommended Articles", "Share this").
pub(crate) fn is_label(block: &Block) -> bool {
    block.word_count() <= MAX_LABEL_WORDS && !ends_like_sentence(&block.text)
}

/// A line with a copyright sign of at most this many words is a credit or copyright notice.
const MAX_CREDIT_WORDS: usize = 40;

/// True for a short line bearing a copyright sign: a picture credit ("© AFP / Jane Doe") or
/// the site's copyright notice, never the story's prose.
fn is_credit(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Paragraph) && block.word_count() <= MAX_CREDIT_WORDS && (block.text.contains('©') || has_credit_label(&block.text))
}

/// A credit label counts among this many first words of the line ("Image credit:").
const CREDIT_LABEL_REACH: usize = 3;

/// True when a caption or credit label opens the line: "Foto:", "(Credit:", "Abbildung 4:".
fn has_credit_label(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(CREDIT_LABEL_REACH).collect();
    let labelled = |word: &str| CREDIT_LABELS.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str());
    // The label itself, or the label and a number ("Abbildung 4:").
    let numbered = |i: usize| i > 0 && words[i].trim_end_matches(':').chars().all(|c| c.is_ascii_digit() || c == '.') && labelled(words[i - 1]);
    words.iter().enumerate().any(|(i, w)| w.ends_with(':') && (labelled(w) || numbered(i)))
}

/// A sentence of prose has at least this many words.
const MIN_SENTENCE_WORDS: usize = 8;

/// True for a block of prose: a statement of [`MIN_SENTENCE_WORDS`] words or more without a
/// credit or copyright mark (a notice repeated at the top and the bottom is no standfirst).
fn is_sentence(block: &Block) -> bool {
    block.word_count() >= MIN_SENTENCE_WORDS && ends_like_statement(&block.text) && !is_credit(block)
}

/// True for text ending in a full stop, not in an ellipsis ("Loading...", a cut teaser) nor
/// in a question or exclamation mark (the calls of share and comment boxes).
fn ends_like_statement(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | '»' | '」'));
    trimmed.ends_with(['.', '。']) && !trimmed.ends_with("..")
}

/// True for a heading that reads as a sentence (more words than a label, ending in sentence
/// punctuation): a deck or a paragraph set as a heading, not a section label ("Related",
/// "More on this topic") nor a teaser headline, which do not end in a full stop. A heading
/// opening with a quotation mark is a pull quote, which repeats the text.
fn is_sentence_heading(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Heading(_))
        && block.word_count() > MAX_LABEL_WORDS
        && ends_like_sentence(&block.text)
        && !block.text.trim_start().starts_with(['"', '“', '„', '«', '»', '\'', '‘', '‚', '「'])
}

/// Removes headings whose section is empty: followed directly by a heading of the same or a
/// higher level. In an article their content was a link list or widget removed earlier ("More
/// on this topic", "You might also like"); on a listing, headings alone are the items, so this
/// runs on article-like content only.
fn drop_empty_sections(blocks: Vec<Block>) -> Vec<Block> {
    let levels: Vec<Option<u8>> = blocks.iter().map(|b| if let BlockKind::Heading(l) = b.kind { Some(l) } else { None }).collect();
    blocks
        .into_iter()
        .enumerate()
        .filter(|(i, b)| match (levels[*i], levels.get(i + 1).copied().flatten()) {
            (Some(level), Some(next)) => next > level || is_sentence_heading(b),
            _ => true,
        })
        .map(|(_, b)| b)
        .collect()
}

/// Removes a dangling tail after the last prose: headings with nothing below them and short
/// link-heavy lines ("Recommended Articles", "Next post").
fn trim_tail(blocks: Vec<Block>) -> Vec<Block> {
    let mut blocks = blocks;
    while let Some(last) = blocks.last() {
        // A "heading" of many words is a paragraph styled as one (some pages set their whole
        // text in `<h3>`/`<h4>`), not a label left without its section.
        let dangling_heading = matches!(last.kind, BlockKind::Heading(_)) && last.word_count() <= MAX_DANGLING_HEADING_WORDS;
        let link_label = matches!(last.kind, BlockKind::Paragraph) && is_label(last) && last.link_density() > 0.5;
        // A last line ending in a colon introduces something that is not there (a link list
        // removed earlier). A paragraph of prose so ending (it introduced a video or a
        // picture) stays when prose comes right before it; after a label or a heading it is a
        // notice of the page's tail.
        let after_prose = blocks.len() < 2 || is_prose(&blocks[blocks.len() - 2], 1) && !is_label(&blocks[blocks.len() - 2]);
        let dangling_intro =
            matches!(last.kind, BlockKind::Paragraph) && last.text.trim_end().ends_with(':') && (last.word_count() < PROSE_MIN_WORDS || !after_prose);
        if dangling_heading || link_label || dangling_intro {
            blocks.pop();
        } else {
            break;
        }
    }
    blocks
}

/// A heading of more than this many words is running text set as a heading.
const MAX_DANGLING_HEADING_WORDS: usize = 20;

/// A heading of at most this many words around the story is a section label ("Related").
const MAX_LABEL_HEADING_WORDS: usize = 7;

/// After the story, a paragraph shorter than this is a call to action, not more story.
const MAX_TAIL_CTA_WORDS: usize = 12;

/// The story's first and last paragraphs have at least this many words: shorter paragraphs at
/// the edges are standfirsts, captions and sign-offs as often as story.
const MIN_EDGE_PARAGRAPH_WORDS: usize = 30;

/// In article-like content, the clutter around the story — bylines, category labels, "More on
/// this" headings and teaser links — sits before the first and after the last prose paragraph:
/// drops labels, headings and link-heavy lines there. Pages that are not mostly prose (products,
/// listings, docs) are left alone: their short lines are the content.
fn trim_edges(blocks: Vec<Block>) -> Vec<Block> {
    if !is_article_like(&blocks) {
        return blocks;
    }
    let blocks = drop_empty_sections(blocks);
    let edge = |b: &Block| is_prose(b, MIN_EDGE_PARAGRAPH_WORDS);
    let first = blocks.iter().position(edge).or_else(|| blocks.iter().position(|b| is_prose(b, PROSE_MIN_WORDS))).unwrap_or(0);
    let last = blocks.iter().rposition(edge).or_else(|| blocks.iter().rposition(|b| is_prose(b, PROSE_MIN_WORDS))).unwrap_or(blocks.len());
    // Long headings before the story are its headline or deck, not section labels.
    let clutter = |b: &Block| {
        (matches!(b.kind, BlockKind::Heading(_)) && b.word_count() <= MAX_LABEL_HEADING_WORDS)
            || (matches!(b.kind, BlockKind::Paragraph) && is_label(b))
            || b.link_density() > 0.5
    };
    // After the story, a short paragraph is a call to action or a sign-off box ("Join our
    // mailing list", "Written by …"), not more of the story — unless it is a plain statement
    // without links ("Thanks for reading." "Added a tweet."), the story's own last words.
    let short_statement = |b: &Block| ends_like_statement(&b.text) && b.link_chars == 0;
    let tail_clutter = |b: &Block| clutter(b) || (matches!(b.kind, BlockKind::Paragraph) && b.word_count() < MAX_TAIL_CTA_WORDS && !short_statement(b));
    blocks
        .into_iter()
        .enumerate()
        .filter(|(i, b)| !is_credit(b) && ((first..=last).contains(i) || (*i < first && !clutter(b)) || (*i > last && !tail_clutter(b))))
        .map(|(_, b)| b)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_standfirst_repeating_the_body_is_dropped_where_it_heads_the_story() {
        let dek = "The council will vote on the new cycle lanes next week, after a year of consultation with residents, shops and the bus company.";
        let para = |text: &str| Block::paragraph(text.to_string());
        let blocks = vec![
            para(dek),
            para("Residents on both sides of the river have argued over the plans since last spring, at meetings that often ran past midnight."),
            para(dek),
            para("The final design keeps the bus stops where they are and narrows two junctions, which the shops had asked for from the start."),
        ];
        let kept: Vec<String> = clean_blocks(blocks, None, Mode::Html).into_iter().map(|b| b.text).collect();
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept[0].starts_with("Residents"), "the header copy goes, the body copy stays: {kept:?}");
        assert_eq!(kept[1], dek);
    }

    #[test]
    fn gallery_counters_are_not_text() {
        for counter in ["3 of 12", "Photo 3 of 12", "Bild 2 von 9"] {
            assert!(is_counter(&normalize(counter)), "{counter}");
        }
        for line in ["$19.99", "3 / 12", "One of us", "Chapter 3 of the report"] {
            assert!(!is_counter(&normalize(line)), "{line}");
        }
    }

    #[test]
    fn the_headline_leads_once() {
        let body = vec![Block::paragraph("The story begins here, with a sentence long enough to be prose.".into())];
        let led = lead_with_headline(body.clone(), Some("  A headline "));
        assert_eq!(led[0], Block::heading(1, "A headline".into()));
        assert_eq!(led.len(), 2);
        assert_eq!(lead_with_headline(led.clone(), Some("A HEADLINE")), led);
        assert_eq!(lead_with_headline(body.clone(), None), body);
    }

    #[test]
    fn normalizes_for_comparison() {
        assert_eq!(normalize("  Hello,  World! "), "hello world");
    }

    #[test]
    fn html_mode_drops_title_repeats_and_dangling_headings() {
        let blocks = vec![
            Block::paragraph("Big News Today".into()),
            Block::paragraph("The first paragraph of the story, which says something.".into()),
            Block::paragraph("big news today".into()),
            Block { kind: BlockKind::Heading(2), ..Block::paragraph("Related".into()) },
        ];
        let kept = clean_blocks(blocks, Some("Big news today"), Mode::Html);
        assert_eq!(kept.len(), 1);
        assert!(kept[0].text.starts_with("The first paragraph"));
    }

    #[test]
    fn a_prose_paragraph_ending_in_a_colon_is_kept_after_prose_only() {
        let story = "The story begins with a paragraph of its own, long enough to be read as running prose by every rule here.";
        let intro =
            "I could give a little talk about the subject now, but I would rather show you a short video that I found which explains it better than I could:";
        let kept = clean_blocks(vec![Block::paragraph(story.into()), Block::paragraph(intro.into())], None, Mode::Html);
        assert_eq!(kept.len(), 2);
        let heading = Block { kind: BlockKind::Heading(2), ..Block::paragraph("More tips".into()) };
        let kept = clean_blocks(vec![Block::paragraph(story.into()), heading, Block::paragraph(intro.into())], None, Mode::Html);
        assert_eq!(kept.len(), 1);
        let short = clean_blocks(vec![Block::paragraph(story.into()), Block::paragraph("Read the press releases:".into())], None, Mode::Html);
        assert_eq!(short.len(), 1);
    }

    #[test]
    fn a_deck_set_as_a_heading_is_not_an_empty_section() {
        let heading = |level, text: &str| Block { kind: BlockKind::Heading(level), ..Block::paragraph(text.into()) };
        let deck = "The actress talks about her new film, the training it took and what the role meant to her.";
        let story = "The story itself follows here, a paragraph long enough to be read as running prose by the rules of this module.";
        let quote = "“A pull quote that repeats a sentence of the story itself.”";
        let blocks =
            vec![heading(2, deck), heading(2, "A label"), heading(2, "Section"), Block::paragraph(story.into()), heading(3, quote), heading(3, "Next")];
        let kept = drop_empty_sections(blocks);
        assert_eq!(kept.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), [deck, "Section", story, "Next"]);
    }

    #[test]
    fn a_short_statement_after_the_story_is_kept_a_call_to_action_is_not() {
        let story = "The story runs here in a paragraph long enough to be prose, with a clause or two, and then a few more words to pass thirty.";
        let blocks = ["Thanks for reading.", "Subscribe to our newsletter!", "Loading..."].map(|t| Block::paragraph(t.into()));
        let kept = clean_blocks([vec![Block::paragraph(story.into())], blocks.to_vec()].concat(), None, Mode::Html);
        assert_eq!(kept.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), [story, "Thanks for reading."]);
    }

    #[test]
    fn credit_lines_are_dropped_from_articles() {
        let story = "The story runs here in a paragraph long enough to be prose, with a clause or two, and then a few more words to pass thirty.";
        let credit = "The skier at the finish line in Beijing. © AFP / Jane Doe";
        let labelled = "Abbildung 4: the weak layer, its grains larger than those above and below.";
        let story = story.repeat(2);
        let blocks = [story.as_str(), credit, labelled, "(Credit: Jane Doe / Grist)", &story.replace("story", "tale")].map(|t| Block::paragraph(t.into()));
        let kept = clean_blocks(blocks.to_vec(), None, Mode::Html);
        assert_eq!(kept.len(), 2);
        assert!(!has_credit_label("The photographs: taken at dawn, they show the harbour."));
    }

    #[test]
    fn text_set_as_headings_is_not_a_dangling_tail() {
        let heading = |level, text: &str| Block { kind: BlockKind::Heading(level), ..Block::paragraph(text.into()) };
        let sentence = "Children between six and twelve are invited to take part in the competition with colourful and creative ideas of their own.";
        let blocks = vec![heading(2, "The poster competition"), heading(3, sentence), heading(4, "Related")];
        let kept = clean_blocks(blocks, None, Mode::Html);
        assert_eq!(kept.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(), ["The poster competition", sentence]);
    }
}
