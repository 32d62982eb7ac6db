//! Authors: the names a page credits, from JSON-LD, `<meta>` tags, microdata and bylines in
//! the DOM, cleaned of "By", roles, credentials and dates.

use crate::dom::{Dom, NodeData, NodeId, Tag};
use crate::lexicon::metadata::{BYLINE_PREFIXES, COLLECTIVE_ROLES, END_OF_NAMES, NAME_PARTICLES, NOT_NAMES, POST_AUTHOR_ATTRIBUTES, TEXT_BYLINE_LABELS};
use crate::text::collapse;

use super::Source;

/// A credited name has at most this many words; longer text is a sentence or a bio.
const MAX_NAME_WORDS: usize = 6;
/// A byline (the element text a name is read from) has at most this many characters.
const MAX_BYLINE_CHARS: usize = 120;

/// Splits a credit into names and cleans each: "By Jane Doe and John Roe, Staff Writers |
/// May 5, 2025" gives `["Jane Doe", "John Roe"]`.
#[must_use]
pub fn clean(credit: &str) -> Vec<String> {
    clean_credit(credit, false)
}

/// Like [`clean`], for a credit the page declares in an author field (JSON-LD `author`,
/// `<meta name="author">`): there, one short word in capitals is an organisation's initials
/// ("WRAL", "JWU"), where in the page's text it is as often a label or a stray word.
#[must_use]
pub fn clean_declared(credit: &str) -> Vec<String> {
    clean_credit(credit, true)
}

fn clean_credit(credit: &str, declared: bool) -> Vec<String> {
    let credit = collapse(credit);
    // What follows a "|", a dash or a bullet is a date, a role or the site.
    let credit = credit.split(['|', '•', '·', '\n']).next().unwrap_or("");
    let credit = [" - ", " – ", " — "].iter().fold(credit, |c, sep| c.split(sep).next().unwrap_or(""));
    let credit = cut_at_label(credit);
    let credit = strip_prefix(credit.trim());
    let mut names = Vec::new();
    let parts = split_names(credit);
    // Credentials follow a name: a declared credit that is one short word in capitals is no
    // credential left alone.
    let alone = declared && parts.len() == 1;
    for (position, part) in parts.into_iter().enumerate() {
        let name = clean_name(part, declared);
        if name.is_empty() {
            continue;
        }
        // After a comma, a single word or an abbreviation is a role or a credential
        // ("Jane Doe, MD", "Tracy Parker, Dietitian"), not another person.
        if position > 0 && part.trim_start().starts_with(',') && (is_credential(&name) || !name.contains(' ')) {
            continue;
        }
        if (if alone { is_listed_credential(&name) } else { is_credential(&name) })
            || !looks_like_name(&name)
            || NOT_NAMES.contains(&name.to_lowercase().as_str())
            || is_prefix_alone(&name)
            || super::datetime::month_number(&name.to_lowercase()).is_some()
        {
            continue;
        }
        if !names.iter().any(|n: &String| n.eq_ignore_ascii_case(&name)) {
            names.push(name);
        }
    }
    names
}

/// Cuts a byline before the first word that ends the names in it (see [`END_OF_NAMES`]),
/// except at its start ("Staff Writer" alone stays, to be rejected later).
fn cut_at_label(text: &str) -> &str {
    let words: Vec<&str> = text.split(' ').collect();
    // One word and a newsroom role is a collective credit ("Resy Staff", "SFist
    // Contributor"): a person's byline names them in full before a role.
    if let [first, role] = words.as_slice()
        && [first, role].iter().all(|w| w.starts_with(char::is_uppercase))
        && COLLECTIVE_ROLES.contains(&role.to_lowercase().as_str())
        && !END_OF_NAMES.contains(&first.to_lowercase().as_str())
    {
        return text;
    }
    let mut offset = 0;
    for (index, word) in words.iter().enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if index > 0 && (END_OF_NAMES.contains(&bare.as_str()) || starts_a_date(&bare, words.get(index + 1).copied())) {
            return text[..offset].trim_end();
        }
        offset += word.len() + 1;
    }
    text
}

/// A month name longer than this, ending a byline, starts a date ("Luke Kim December");
/// shorter ones are names as often ("Tom May", "Alyssa Maio") unless a number follows.
const MAX_NAME_LIKE_MONTH_CHARS: usize = 5;

/// True when `word` is a month that starts a date: followed by a number, or a long month name
/// at the end of the byline.
fn starts_a_date(word: &str, next: Option<&str>) -> bool {
    super::datetime::month_number(word).is_some()
        && match next {
            Some(next) => next.starts_with(|c: char| c.is_ascii_digit()),
            None => word.chars().count() > MAX_NAME_LIKE_MONTH_CHARS,
        }
}

/// True for a byline's label standing alone ("By" in its own element before the name).
fn is_prefix_alone(name: &str) -> bool {
    let lower = name.to_lowercase();
    BYLINE_PREFIXES.iter().any(|p| p.trim_end_matches(':') == lower)
}

/// Removes a leading "By", "Written by", "Von"…
fn strip_prefix(text: &str) -> &str {
    let lower = text.to_lowercase();
    for prefix in BYLINE_PREFIXES {
        if let Some(rest) = lower.strip_prefix(prefix) {
            // Whole words only: "Bye" and "Byron" are not "By".
            if rest.starts_with(|c: char| c.is_whitespace() || c == ':') || prefix.ends_with(':') {
                let cut = text.char_indices().nth(prefix.chars().count()).map_or(text.len(), |(i, _)| i);
                return text[cut..].trim_start_matches([':', ' ']).trim();
            }
        }
    }
    text
}

/// Splits a list of names at commas, " and ", "&" and their translations; each part but the
/// first keeps its separator's comma so that roles after a comma can be told apart.
fn split_names(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let lower = text.to_lowercase();
    let mut i = 0;
    while i < text.len() {
        let rest = &lower[i..];
        let sep_len = [" and ", " und ", " et ", " & ", " ; ", "; "].iter().find(|s| rest.starts_with(*s)).map(|s| s.len());
        if let Some(len) = sep_len {
            parts.push(&text[start..i]);
            start = i + len;
            i += len;
        } else if rest.starts_with(',') {
            parts.push(&text[start..i]);
            start = i; // the comma stays with the next part
            i += 1;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Trims punctuation, a leading comma, a trailing date ("Jane Doe May 5, 2025") and "@".
fn clean_name(part: &str, declared: bool) -> String {
    let part = part.trim().trim_start_matches(',').trim();
    let part = strip_prefix(part);
    // A parenthesised part is a display name or a handle repeated ("raoul (raoul)").
    let part = part.split('(').next().unwrap_or("");
    // Cut at the first word that starts with a digit: dates and times follow names (user
    // names may end in digits, "paulb203").
    let mut end = part.len();
    let mut offset = 0;
    for (index, word) in part.split(' ').enumerate() {
        // A declared author field holds no date before the name: a digit there opens the
        // name itself ("98 Buck Social", a generated handle).
        if word.starts_with(|c: char| c.is_ascii_digit()) && !(declared && index == 0) {
            end = offset;
            break;
        }
        offset += word.len() + 1;
    }
    let part = &part[..end.min(part.len())];
    let part = part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')');
    let part = part.trim_start_matches('@');
    // A lone capital before the name is an avatar's initial ("B boobaloobie").
    let part = match part.split_once(' ') {
        Some((initial, rest))
            if initial.chars().count() == 1
                && initial.chars().all(char::is_uppercase)
                && !rest.is_empty()
                && !rest.starts_with(|c: char| c.is_uppercase() && rest.chars().nth(1) == Some('.')) =>
        {
            rest
        }
        _ => part,
    };
    collapse(part)
}

/// Academic and professional credentials written after names.
fn is_credential(name: &str) -> bool {
    let compact: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
    // All capitals (`MD`, `FACLM`): a mixed-case word (`JonB`) is a user name.
    let capitals = compact.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    (compact.len() <= 6 && capitals && !name.contains(' ')) || is_listed_credential(name)
}

/// The credentials and suffixes that are never a name on their own (`PhD`, `MD`, `Jr`).
fn is_listed_credential(name: &str) -> bool {
    let compact: String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    crate::lexicon::metadata::CREDENTIALS.contains(&compact.as_str())
}

/// True for text that can be a name: a few words, not a URL, not an e-mail, not a sentence.
fn looks_like_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && !text.contains("://")
        && !text.contains('@')
        && !text.starts_with("www.")
        && !text.ends_with(['!', '?', ':'])
        && text.chars().any(char::is_alphabetic)
}

/// Names in the DOM: microdata (`itemprop="author"`), `rel="author"` links, and elements
/// named as bylines or authors (`class="byline"`, `"author-name"`), read from the first such
/// element at or after `from` (the headline or the content's start) and before `until`.
#[must_use]
pub fn from_dom(dom: &Dom, from: NodeId, until: NodeId) -> Option<(Vec<String>, Source)> {
    let mut id = from;
    while id < until.min(NodeId::from_index(dom.nodes.len())) {
        let Some(element) = dom.element(id) else {
            id += 1;
            continue;
        };
        // The page's footer is skipped, but an article's own `<footer>` holds its byline.
        let page_footer = element.tag == Tag::Footer && !dom.ancestors(id).any(|a| dom.tag(a) == Tag::Article);
        if matches!(element.tag, Tag::Script | Tag::Style | Tag::Template | Tag::Nav | Tag::Aside) || page_footer {
            id = dom.subtree_end(id);
            continue;
        }
        let microdata =
            element.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case("author") || p.eq_ignore_ascii_case("creator")));
        let rel_author = element.tag == Tag::A && element.attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("author")));
        // Forum engines name each post's author in an attribute of the post
        // (`<article data-author="jane">`, `<li data-username="jane">`): the first is the
        // thread's starter.
        if let Some(names) = POST_AUTHOR_ATTRIBUTES.iter().find_map(|a| element.attr(a)).map(clean).filter(|n| !n.is_empty()) {
            return Some((names, Source::Dom));
        }
        if microdata || rel_author || is_byline_element(&element.id_class) {
            let text = name_element(dom, id).map_or_else(|| byline_text(dom, id), |n| byline_text(dom, n));
            if text.chars().count() <= MAX_BYLINE_CHARS {
                let names = clean(&text);
                if !names.is_empty() {
                    let source = if microdata { Source::Microdata } else { Source::Dom };
                    return Some((names, source));
                }
            }
            // An author box with a bio: look inside it for a name element.
        }
        id += 1;
    }
    None
}

/// A text byline ("By Jane Doe", without the date after it) is at most this many characters;
/// longer text starting with "By" is a sentence ("By 2030, …").
const MAX_TEXT_BYLINE_CHARS: usize = 60;

/// Names from a byline written as text, in a page without a byline element: a short text
/// that opens with "By" and goes on with capitalised names ("by Nicole Burke"), or a label
/// ("Written by", "By") whose name is the next text (`By <a>Jane Doe</a>`). Only names whose
/// every word is capitalised count, so sentences that open with "By" do not.
#[must_use]
pub fn from_text(dom: &Dom, from: NodeId, until: NodeId) -> Option<Vec<String>> {
    let until = until.min(NodeId::from_index(dom.nodes.len()));
    let mut id = from;
    while id < until {
        // Links, controls and code hold "by" in other senses ("Sort by", `GENERATED BY
        // DEFAULT`).
        if matches!(
            dom.tag(id),
            Tag::Script
                | Tag::Style
                | Tag::Template
                | Tag::Nav
                | Tag::Footer
                | Tag::Aside
                | Tag::A
                | Tag::Button
                | Tag::Select
                | Tag::Form
                | Tag::Label
                | Tag::Pre
                | Tag::Code
        ) {
            id = dom.subtree_end(id);
            continue;
        }
        // A heading is a byline only as a whole ("Written by Jane Doe" over an author box),
        // not for a part of it ("Explore Courses <span>By Category</span>").
        if dom.tag(id).heading_level().is_some() {
            let text = byline_text(dom, id);
            if let Some(names) = opens_with_label(&text).then(|| text_byline_names(&text)).flatten() {
                return Some(names);
            }
            // A heading that is only the label ("Author", "Written by") titles the name below it.
            if is_label(&text)
                && let Some(names) = next_text(dom, dom.subtree_end(id), until).as_deref().and_then(text_byline_names)
            {
                return Some(names);
            }
            id = dom.subtree_end(id);
            continue;
        }
        if let NodeData::Text(text) = &dom.node(id).data {
            let text = collapse(text);
            let credit = if is_label(&text) { next_text(dom, id + 1, until) } else { opens_with_label(&text).then_some(text) };
            if let Some(names) = credit.as_deref().and_then(text_byline_names) {
                return Some(names);
            }
        }
        id += 1;
    }
    None
}

/// True for a text that is only a byline's label ("By", "Author:", "Written by").
fn is_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    TEXT_BYLINE_LABELS.contains(&lower.trim_end_matches(':')) || TEXT_BYLINE_LABELS.contains(&lower.as_str())
}

/// The names in a short credit whose every name is capitalised, else `None`.
fn text_byline_names(credit: &str) -> Option<Vec<String>> {
    let names = if credit.chars().count() <= MAX_TEXT_BYLINE_CHARS { clean(credit) } else { Vec::new() };
    (!names.is_empty() && names.iter().all(|n| is_capitalised(n))).then_some(names)
}

/// True when `text` opens with one of the [`TEXT_BYLINE_LABELS`] followed by more words.
fn opens_with_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    TEXT_BYLINE_LABELS
        .iter()
        .any(|label| lower.strip_prefix(label).is_some_and(|rest| rest.starts_with([' ', ':']) && rest.trim_start_matches([' ', ':']).len() > 1))
}

/// The first non-empty text at or after `id` (before `until`), collapsed.
fn next_text(dom: &Dom, id: NodeId, until: NodeId) -> Option<String> {
    Dom::between(id, until).find_map(|n| match &dom.node(n).data {
        NodeData::Text(t) => Some(collapse(t)).filter(|t| !t.is_empty()),
        _ => None,
    })
}

/// True for a name whose every word opens with a capital (or is a particle such as `van`).
fn is_capitalised(name: &str) -> bool {
    name.split_whitespace().all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w))
}

/// True for `id`/`class` names of bylines and author names (`byline`, `author-name`,
/// `post-author`, `authorName`), but not author bios, avatars or links to author archives.
fn is_byline_element(id_class: &str) -> bool {
    // One buffer for every class of the element (this runs on every element of the page).
    let mut joined = String::new();
    id_class.split_whitespace().any(|class| {
        // `PostUser-name`, `user_name` and `userName` are all `username` (joined only for
        // that word: `write-review` is no `writer`). `id_class` is lowercased already.
        joined.clear();
        joined.extend(class.chars().filter(|c| !matches!(c, '-' | '_')));
        // A class whose last part is `name` marks the name itself, whatever block holds it
        // (`author-box__name`, `author-card-name`): BEM and its kin name the element last.
        let name_part = class.rsplit(['-', '_']).next() == Some("name") && class.len() > "name".len();
        (class.contains("author") || class.contains("byline") || class.contains("writer") || joined.contains("username"))
            && (name_part
                || !["avatar", "image", "img", "photo", "pic", "bio", "desc", "title", "label", "box", "wrap", "authority", "social", "follow", "more", "date"]
                    .iter()
                    .any(|not| joined.contains(not)))
    })
}

/// Inside a byline or a forum post's author card, the element holding just the name: one
/// marked `itemprop="name"`, named as a name (`class="username"`, `"author-name"`) or a link.
fn name_element(dom: &Dom, byline: NodeId) -> Option<NodeId> {
    let inner = dom.descendants(byline);
    let named = inner.into_iter().find(|&d| {
        dom.element(d).is_some_and(|e| {
            e.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("name"))
                || e.id_class.split_whitespace().any(|c| c.contains("name") && !c.contains("names"))
        })
    });
    named.or_else(|| dom.descendants(byline).find(|&d| dom.tag(d) == Tag::A && !collapse(&dom.raw_text(d)).is_empty()))
}

/// The text of a byline element, with the text of its images' `alt` ignored and `<time>`
/// left out.
fn byline_text(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    let end = dom.subtree_end(id);
    let mut node = id;
    while node < end {
        if matches!(dom.tag(node), Tag::Time | Tag::Script | Tag::Style | Tag::Svg) {
            node = dom.subtree_end(node);
            continue;
        }
        if let NodeData::Text(text) = &dom.node(node).data {
            out.push_str(text);
            out.push(' ');
        }
        node += 1;
    }
    collapse(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_prefixes_roles_credentials_and_dates() {
        assert_eq!(clean("By Jane Doe"), ["Jane Doe"]);
        assert_eq!(clean("Written by Jane Doe and John Roe | May 5, 2025"), ["Jane Doe", "John Roe"]);
        assert_eq!(clean("Doris Munoz-Mantilla, MD, FOMA, DABOM"), ["Doris Munoz-Mantilla"]);
        assert_eq!(clean("Tracy Parker, Dietitian"), ["Tracy Parker"]);
        assert_eq!(clean("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"), ["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]);
        assert_eq!(clean("Von Max Mustermann"), ["Max Mustermann"]);
        assert_eq!(clean("Maria & Katerina"), ["Maria", "Katerina"]);
        assert_eq!(clean("Jane Doe 16 December 2025"), ["Jane Doe"]);
        assert_eq!(clean("Cazzy Magennis Last Updated: August"), ["Cazzy Magennis"]);
        assert_eq!(clean("David Jackson - FullStack Editorial Team"), ["David Jackson"]);
        assert_eq!(clean("Luke Kim December"), ["Luke Kim"]);
        assert_eq!(clean("Resy Staff"), ["Resy Staff"]);
        assert_eq!(clean_declared("WRAL"), ["WRAL"]);
        assert!(clean("WRAL").is_empty());
        assert_eq!(clean_declared("98 Buck Social"), ["98 Buck Social"]);
        assert!(clean("12 comments").is_empty());
        assert_eq!(clean("Jane Doe, RD"), ["Jane Doe"]);
        assert!(clean("MD").is_empty());
        assert_eq!(clean("Jane Doe Staff Writer"), ["Jane Doe"]);
        assert_eq!(clean("jdoe Member"), ["jdoe"]);
        assert_eq!(clean("Tom May"), ["Tom May"]);
        assert_eq!(clean("Alyssa Maio May 5, 2025"), ["Alyssa Maio"]);
        assert!(clean("Author").is_empty() && clean("August").is_empty());
        assert_eq!(clean("paulb203"), ["paulb203"]);
        assert_eq!(clean("JonB"), ["JonB"]);
        assert!(clean("By").is_empty());
        assert_eq!(clean("B boobaloobie Full Member"), ["boobaloobie"]);
        assert_eq!(clean("raoul (raoul)"), ["raoul"]);
        assert_eq!(clean("Post by galitsyn"), ["galitsyn"]);
    }

    #[test]
    fn rejects_what_is_not_a_name() {
        assert!(clean("https://example.com/author/jane").is_empty());
        assert!(clean("This article was written with care by our whole editorial team over many weeks.").is_empty());
        assert_eq!(clean("Byron Smith"), ["Byron Smith"]);
    }

    #[test]
    fn finds_bylines_written_as_text() {
        let all = |dom: &Dom| from_text(dom, Dom::ROOT, NodeId::from_index(dom.nodes.len()));
        let dom = crate::dom::parse("<h1>Headline</h1><p><span>Published May 7, 2023</span> <span>by Jane Doe</span></p>");
        assert_eq!(all(&dom), Some(vec!["Jane Doe".to_string()]));
        let dom = crate::dom::parse("<h1>Headline</h1><div><p>Written by</p><p>Max Muster</p></div>");
        assert_eq!(all(&dom), Some(vec!["Max Muster".to_string()]));
        let dom = crate::dom::parse("<h1>Headline</h1><p>By <a href='/p/jd'>Jane Doe</a></p>");
        assert_eq!(all(&dom), Some(vec!["Jane Doe".to_string()]));
        let dom = crate::dom::parse("<h1>Headline</h1><div><h3>Author</h3><p>Lisa D. Ellis</p></div>");
        assert_eq!(all(&dom), Some(vec!["Lisa D. Ellis".to_string()]));
        let dom = crate::dom::parse("<h3>Written by Jane Doe</h3><p>Jane writes about money.</p>");
        assert_eq!(all(&dom), Some(vec!["Jane Doe".to_string()]));
        let dom = crate::dom::parse("<p>By using this site you agree.</p><p>By 2030 sales will double.</p><h2>Courses <span>By Category</span></h2>");
        assert_eq!(all(&dom), None);
    }

    #[test]
    fn finds_bylines_in_the_dom() {
        let dom =
            crate::dom::parse("<h1>Headline</h1><div class='post-meta'><span class='author-name'>By Jane Doe</span> <time>May 5, 2025</time></div><p>Body</p>");
        assert_eq!(from_dom(&dom, Dom::ROOT, NodeId::from_index(dom.nodes.len())).map(|(n, _)| n), Some(vec!["Jane Doe".to_string()]));
        let all = |dom: &Dom| from_dom(dom, Dom::ROOT, NodeId::from_index(dom.nodes.len())).map(|(n, _)| n);
        let dom = crate::dom::parse("<article data-author='starter'><p>Question?</p></article><article data-author='replier'><p>Answer.</p></article>");
        assert_eq!(all(&dom), Some(vec!["starter".to_string()]));
        let dom = crate::dom::parse("<div class='PostUser'><h3 class='PostUser-name'>antonym</h3></div><p>Post</p>");
        assert_eq!(all(&dom), Some(vec!["antonym".to_string()]));
        let dom = crate::dom::parse(
            "<article><p>Body</p><footer><a rel='author' href='/a/jo'>Jo Bloggs</a></footer></article><footer><a rel='author' href='/x'>Site Team</a></footer>",
        );
        assert_eq!(all(&dom), Some(vec!["Jo Bloggs".to_string()]));
        let dom = crate::dom::parse("<p>Body</p><footer><a rel='author' href='/x'>Site Team</a></footer>");
        assert_eq!(all(&dom), None);
        let dom = crate::dom::parse("<div class='author-box'><h4 class='author-box__name'>Liz Kenny</h4><p class='author-box__bio'>Liz writes.</p></div>");
        assert_eq!(all(&dom), Some(vec!["Liz Kenny".to_string()]));
        let dom = crate::dom::parse("<a class='product-meta__write-review'>Write a review</a>");
        assert_eq!(all(&dom), None);
        let dom = crate::dom::parse("<div itemprop='author' itemscope><span itemprop='name'>Max Muster</span></div>");
        assert_eq!(from_dom(&dom, Dom::ROOT, NodeId::from_index(dom.nodes.len())), Some((vec!["Max Muster".to_string()], Source::Microdata)));
    }
}
