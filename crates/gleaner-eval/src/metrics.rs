//! The quality metrics, computed exactly as `reference/score.py` computes them.
//!
//! - shingle P/R/F1 and accuracy (ScrapingHub's article-extraction benchmark): case-kept `\w+`
//!   tokens, 4-token shingles as multisets, per-page tp/fp/fn normalised to sum 1, precision
//!   averaged over pages with predicted shingles, recall over pages with true shingles, F1 of
//!   the two means; accuracy is the share of pages whose token sequences are identical;
//! - word P/R/F1 (WCXB): lowercased `\w+` token bags, per-page scores averaged over all pages;
//!   an empty truth scores 1 only against an empty prediction;
//! - snippets (trafilatura): whitespace-normalised, case-sensitive substring matches of the
//!   `with` (tp/fn) and `without` (fp/tn) snippets, summed over all pages.

use std::collections::HashMap;
use std::hash::Hash;

use crate::dataset::{Dataset, Page};
use crate::pytext;

/// Shingle length of the ScrapingHub metric.
const SHINGLE_N: usize = 4;

/// Page types in report order (others follow alphabetically), as score.py orders them.
pub const TYPE_ORDER: [&str; 7] = ["article", "forum", "product", "collection", "listing", "documentation", "service"];

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1, the harmonic mean of precision and recall (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// Precision and recall with their F1.
    #[must_use]
    pub fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Self { precision, recall, f1 }
    }

    /// The component-wise means of per-page scores (zeros for none).
    #[must_use]
    pub fn mean_of(items: &[Prf]) -> Self {
        Self { precision: mean(items.iter().map(|p| p.precision)), recall: mean(items.iter().map(|p| p.recall)), f1: mean(items.iter().map(|p| p.f1)) }
    }
}

/// Snippet outcomes: `with` found (tp) or not (fn), `without` found (fp) or not (tn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SnippetCounts {
    /// `with` snippets found.
    pub tp: usize,
    /// `without` snippets found.
    pub fp: usize,
    /// `with` snippets missed.
    pub fn_: usize,
    /// `without` snippets absent.
    pub tn: usize,
}

impl std::ops::AddAssign for SnippetCounts {
    fn add_assign(&mut self, other: Self) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.tn += other.tn;
    }
}

/// One page's scores, kept for the worst-pages list.
#[derive(Debug, Clone)]
pub struct PageScore {
    /// The page id.
    pub id: String,
    /// The page type, where the dataset has types.
    pub page_type: Option<String>,
    /// Word P/R/F1, where the dataset has full text.
    pub word: Option<Prf>,
    /// Number of (lowercased) word tokens predicted.
    pub pred_words: usize,
    /// Number of word tokens in the truth (0 without full text).
    pub truth_words: usize,
    /// Snippet outcomes on this page.
    pub snippets: SnippetCounts,
}

/// Word scores of one page type.
#[derive(Debug, Clone)]
pub struct TypeScore {
    /// The page type.
    pub name: String,
    /// Number of pages of that type.
    pub n: usize,
    /// Mean word P/R/F1 over those pages.
    pub word: Prf,
}

/// The full-text metrics (datasets with a main-content ground truth).
#[derive(Debug, Clone)]
pub struct TextScores {
    /// Shingle precision/recall means and their F1.
    pub shingle: Prf,
    /// Share of pages whose case-kept token sequence equals the truth's.
    pub accuracy: f64,
    /// Mean word P/R/F1 over all pages.
    pub word: Prf,
    /// Word scores per page type, in report order (empty when pages have no type).
    pub by_type: Vec<TypeScore>,
}

/// The snippet metrics (datasets with `with`/`without` snippets).
#[derive(Debug, Clone)]
pub struct SnippetScores {
    /// Counts summed over all pages.
    pub counts: SnippetCounts,
    /// Share of `with` snippets found (`None` when there are none).
    pub with_share: Option<f64>,
    /// Share of `without` snippets found — lower is better (`None` when there are none).
    pub without_share: Option<f64>,
    /// Segment precision, recall, F: tp/(tp+fp), tp/(tp+fn), 2tp/(2tp+fp+fn).
    pub seg: Prf,
    /// Segment accuracy: (tp+tn)/all.
    pub seg_accuracy: f64,
}

/// Every metric of one set of predictions on one dataset.
#[derive(Debug, Clone)]
pub struct Scores {
    /// Number of pages.
    pub pages: usize,
    /// Pages whose prediction is blank.
    pub empty: usize,
    /// Full-text metrics, where the dataset has full text.
    pub text: Option<TextScores>,
    /// Snippet metrics, where the dataset has snippets.
    pub snippets: Option<SnippetScores>,
    /// Per-page scores, in dataset order.
    pub per_page: Vec<PageScore>,
}

/// Scores `preds` (one text per page, in `dataset.pages` order) against the dataset's truth.
#[must_use]
pub fn score(dataset: &Dataset, preds: &[String]) -> Scores {
    let has_text = dataset.has_text();
    let has_snippets = dataset.has_snippets();
    let mut shingle_p = Vec::new();
    let mut shingle_r = Vec::new();
    let mut exact = Vec::new();
    let mut per_page = Vec::with_capacity(preds.len());
    let mut totals = SnippetCounts::default();
    for (page, pred) in dataset.pages.iter().zip(preds) {
        let mut page_score = PageScore {
            id: page.id.clone(),
            page_type: page.page_type.clone(),
            word: None,
            pred_words: word_tokens(pred).len(),
            truth_words: 0,
            snippets: snippet_counts(pred, &page.with, &page.without),
        };
        if let (true, Some(truth)) = (has_text, &page.text) {
            let true_tokens = shingle_tokens(truth);
            let pred_tokens = shingle_tokens(pred);
            let (tp, fp, fn_) = shingle_match(&shingles(&true_tokens), &shingles(&pred_tokens));
            shingle_p.push(page_precision(tp, fp, fn_));
            shingle_r.push(page_recall(tp, fp, fn_));
            exact.push(if true_tokens == pred_tokens { 1.0 } else { 0.0 });
            page_score.word = Some(word_prf(pred, truth));
            page_score.truth_words = word_tokens(truth).len();
        }
        totals += page_score.snippets;
        per_page.push(page_score);
    }
    let text = has_text.then(|| TextScores {
        shingle: shingle_aggregate(&shingle_p, &shingle_r),
        accuracy: mean(exact.iter().copied()),
        word: Prf::mean_of(&per_page.iter().filter_map(|p| p.word).collect::<Vec<_>>()),
        by_type: by_type(&dataset.pages, &per_page),
    });
    let snippets = has_snippets.then(|| snippet_scores(totals));
    Scores { pages: dataset.pages.len(), empty: preds.iter().filter(|p| pytext::is_blank(p)).count(), text, snippets, per_page }
}

/// Mean word scores per page type, in [`TYPE_ORDER`] then alphabetical order.
fn by_type(pages: &[Page], scores: &[PageScore]) -> Vec<TypeScore> {
    let mut groups: HashMap<&str, Vec<Prf>> = HashMap::new();
    for (page, score) in pages.iter().zip(scores) {
        if let (Some(t), Some(word)) = (&page.page_type, score.word) {
            groups.entry(t.as_str()).or_default().push(word);
        }
    }
    let mut out: Vec<TypeScore> =
        groups.into_iter().map(|(name, items)| TypeScore { name: name.to_owned(), n: items.len(), word: Prf::mean_of(&items) }).collect();
    out.sort_by_key(|t| type_rank(&t.name));
    out
}

/// Sort key putting known page types in report order and others after them alphabetically.
#[must_use]
pub fn type_rank(name: &str) -> (usize, String) {
    let pos = TYPE_ORDER.iter().position(|t| *t == name).unwrap_or(TYPE_ORDER.len());
    (pos, name.to_owned())
}

/// The aggregate snippet metrics from summed counts.
#[must_use]
pub fn snippet_scores(c: SnippetCounts) -> SnippetScores {
    let ratio = |num: usize, den: usize| if den > 0 { num as f64 / den as f64 } else { 0.0 };
    let total = c.tp + c.fp + c.fn_ + c.tn;
    SnippetScores {
        counts: c,
        with_share: (c.tp + c.fn_ > 0).then(|| ratio(c.tp, c.tp + c.fn_)),
        without_share: (c.fp + c.tn > 0).then(|| ratio(c.fp, c.fp + c.tn)),
        seg: Prf { precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn_), f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn_) },
        seg_accuracy: ratio(c.tp + c.tn, total),
    }
}

/// Case-kept `\w+` tokens, as the ScrapingHub benchmark tokenizes.
#[must_use]
pub fn shingle_tokens(text: &str) -> Vec<&str> {
    pytext::words(text).collect()
}

/// The multiset of 4-token shingles; a text of at most 4 tokens is one (shorter) shingle.
#[must_use]
pub fn shingles<'a, 'b>(tokens: &'a [&'b str]) -> HashMap<&'a [&'b str], usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() <= SHINGLE_N {
        out.insert(tokens, 1);
        return out;
    }
    for window in tokens.windows(SHINGLE_N) {
        *out.entry(window).or_insert(0) += 1;
    }
    out
}

/// Size of the multiset intersection of two bags.
fn overlap<K: Eq + Hash>(a: &HashMap<K, usize>, b: &HashMap<K, usize>) -> usize {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().map(|(k, n)| (*n).min(large.get(k).copied().unwrap_or(0))).sum()
}

/// (tp, fp, fn) of two shingle multisets, normalised to sum to 1 (all zero when both are empty).
#[must_use]
pub fn shingle_match<K: Eq + Hash>(truth: &HashMap<K, usize>, pred: &HashMap<K, usize>) -> (f64, f64, f64) {
    let tp = overlap(truth, pred);
    let fp = pred.values().sum::<usize>() - tp;
    let fn_ = truth.values().sum::<usize>() - tp;
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / total, fp as f64 / total, fn_ as f64 / total)
}

/// Per-page shingle precision, or `None` when the page has no predicted shingles.
#[must_use]
pub fn page_precision(tp: f64, fp: f64, fn_: f64) -> Option<f64> {
    if tp + fp <= 0.0 {
        None
    } else if fp == 0.0 && fn_ == 0.0 {
        Some(1.0)
    } else {
        Some(tp / (tp + fp))
    }
}

/// Per-page shingle recall, or `None` when the page has no true shingles.
#[must_use]
pub fn page_recall(tp: f64, fp: f64, fn_: f64) -> Option<f64> {
    if tp + fn_ <= 0.0 {
        None
    } else if fp == 0.0 && fn_ == 0.0 {
        Some(1.0)
    } else {
        Some(tp / (tp + fn_))
    }
}

/// Shingle P and R as means over the pages where they are defined, and the F1 of those means.
#[must_use]
pub fn shingle_aggregate(precisions: &[Option<f64>], recalls: &[Option<f64>]) -> Prf {
    Prf::new(mean(precisions.iter().flatten().copied()), mean(recalls.iter().flatten().copied()))
}

/// Lowercased `\w+` tokens, as WCXB tokenizes.
#[must_use]
pub fn word_tokens(text: &str) -> Vec<String> {
    pytext::words(&text.to_lowercase()).map(str::to_owned).collect()
}

/// WCXB's per-page word precision, recall and F1 over token bags.
#[must_use]
pub fn word_prf(pred: &str, truth: &str) -> Prf {
    let pred_tokens = word_tokens(pred);
    let true_tokens = word_tokens(truth);
    if true_tokens.is_empty() {
        let hit = if pred_tokens.is_empty() { 1.0 } else { 0.0 };
        return Prf { precision: hit, recall: hit, f1: hit };
    }
    if pred_tokens.is_empty() {
        return Prf::default();
    }
    let common = overlap(&bag(&pred_tokens), &bag(&true_tokens)) as f64;
    Prf::new(common / pred_tokens.len() as f64, common / true_tokens.len() as f64)
}

/// Token counts.
fn bag(tokens: &[String]) -> HashMap<&str, usize> {
    let mut out = HashMap::new();
    for t in tokens {
        *out.entry(t.as_str()).or_insert(0) += 1;
    }
    out
}

/// Snippet outcomes of one page: whitespace-normalised, case-sensitive substring matches.
#[must_use]
pub fn snippet_counts(pred: &str, with: &[String], without: &[String]) -> SnippetCounts {
    let text = pytext::normalize_space(pred);
    let found = |s: &String| text.contains(pytext::normalize_space(s).as_str());
    let tp = with.iter().filter(|s| found(s)).count();
    let fp = without.iter().filter(|s| found(s)).count();
    SnippetCounts { tp, fp, fn_: with.len() - tp, tn: without.len() - fp }
}

/// The mean of `values` (0 for none), summed with compensation like Python's `math.fsum`.
#[must_use]
pub fn mean(values: impl IntoIterator<Item = f64>) -> f64 {
    let (mut sum, mut comp, mut n) = (0.0_f64, 0.0_f64, 0_usize);
    for v in values {
        let t = sum + v;
        comp += if sum.abs() >= v.abs() { (sum - t) + v } else { (v - t) + sum };
        sum = t;
        n += 1;
    }
    if n == 0 { 0.0 } else { (sum + comp) / n as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn word_prf_counts_token_bags() {
        // pred: the cat sat the (4), truth: the cat the mat (4); overlap the×2 + cat = 3
        let prf = word_prf("The cat sat, the!", "the CAT the mat");
        assert!(close(prf.precision, 0.75) && close(prf.recall, 0.75) && close(prf.f1, 0.75));
        let prf = word_prf("a b", "a b c d");
        assert!(close(prf.precision, 1.0) && close(prf.recall, 0.5) && close(prf.f1, 2.0 / 3.0));
    }

    #[test]
    fn word_prf_empty_rules() {
        assert_eq!(word_prf("", ""), Prf { precision: 1.0, recall: 1.0, f1: 1.0 });
        assert_eq!(word_prf(" -- ", "!"), Prf { precision: 1.0, recall: 1.0, f1: 1.0 });
        assert_eq!(word_prf("words", ""), Prf::default());
        assert_eq!(word_prf("", "some truth"), Prf::default());
        assert_eq!(word_prf("unrelated", "some truth"), Prf::default());
    }

    #[test]
    fn word_tokens_are_unicode_and_lowercased() {
        assert_eq!(word_tokens("Straße ÉTÉ 東京 Ωμέγα_2"), ["straße", "été", "東京", "ωμέγα_2"]);
        // final sigma, as Python's str.lower()
        assert_eq!(word_tokens("ΟΔΟΣ ΣΑΣ"), ["οδο\u{3c2}", "σα\u{3c2}"]);
    }

    #[test]
    fn shingles_of_long_and_short_texts() {
        let long = shingle_tokens("a b c d e a b c d");
        let sh = shingles(&long);
        assert_eq!(sh.values().sum::<usize>(), 6);
        assert_eq!(sh.get(&["a", "b", "c", "d"][..]), Some(&2));
        let short = shingle_tokens("only three words");
        assert_eq!(shingles(&short).len(), 1);
        assert_eq!(shingles(&short).get(&["only", "three", "words"][..]), Some(&1));
        assert!(shingles(&[]).is_empty());
    }

    #[test]
    fn shingle_match_normalises() {
        let t = shingle_tokens("a b c d e");
        let p = shingle_tokens("a b c d x");
        // truth {abcd, bcde}, pred {abcd, bcdx}: tp 1, fp 1, fn 1 → thirds
        let (tp, fp, fn_) = shingle_match(&shingles(&t), &shingles(&p));
        assert!(close(tp, 1.0 / 3.0) && close(fp, 1.0 / 3.0) && close(fn_, 1.0 / 3.0));
        assert_eq!(page_precision(tp, fp, fn_), Some(0.5));
        assert_eq!(page_recall(tp, fp, fn_), Some(0.5));
        // a short truth never matches a longer prediction's 4-grams
        let short = shingle_tokens("a b c");
        let (tp, _, _) = shingle_match(&shingles(&short), &shingles(&t));
        assert_eq!(tp, 0.0);
        // identical short texts match as one shingle
        assert_eq!(shingle_match(&shingles(&short), &shingles(&short)), (1.0, 0.0, 0.0));
    }

    #[test]
    fn shingle_empty_pages_are_skipped_in_means() {
        let empty: Vec<&str> = Vec::new();
        let t = shingle_tokens("a b c d e");
        let (tp, fp, fn_) = shingle_match(&shingles(&t), &shingles(&empty));
        assert_eq!((tp, fp, fn_), (0.0, 0.0, 1.0));
        assert_eq!(page_precision(tp, fp, fn_), None);
        assert_eq!(page_recall(tp, fp, fn_), Some(0.0));
        assert_eq!(shingle_match(&shingles(&empty), &shingles(&empty)), (0.0, 0.0, 0.0));
        assert_eq!(page_precision(0.0, 0.0, 0.0), None);
        assert_eq!(page_recall(0.0, 0.0, 0.0), None);
        // P over one page (1.0), R over two (1.0, 0.0)
        let agg = shingle_aggregate(&[Some(1.0), None], &[Some(1.0), Some(0.0)]);
        assert!(close(agg.precision, 1.0) && close(agg.recall, 0.5) && close(agg.f1, 2.0 / 3.0));
        assert_eq!(shingle_aggregate(&[], &[]), Prf::default());
    }

    #[test]
    fn snippets_match_normalised_and_case_sensitive() {
        let with = vec!["quick  brown\nfox".to_owned(), "Lazy dog".to_owned()];
        let without = vec!["Share this".to_owned(), "Menu".to_owned()];
        let c = snippet_counts("The quick brown\u{a0}fox jumps over the lazy dog.\n\nMenu", &with, &without);
        assert_eq!(c, SnippetCounts { tp: 1, fp: 1, fn_: 1, tn: 1 });
        let c = snippet_counts("", &with, &without);
        assert_eq!(c, SnippetCounts { tp: 0, fp: 0, fn_: 2, tn: 2 });
    }

    #[test]
    fn snippet_aggregates() {
        let s = snippet_scores(SnippetCounts { tp: 6, fp: 2, fn_: 2, tn: 6 });
        assert_eq!(s.with_share, Some(0.75));
        assert_eq!(s.without_share, Some(0.25));
        assert!(close(s.seg.precision, 0.75) && close(s.seg.recall, 0.75) && close(s.seg.f1, 0.75));
        assert!(close(s.seg_accuracy, 0.75));
        let none = snippet_scores(SnippetCounts::default());
        assert_eq!((none.with_share, none.without_share, none.seg.f1), (None, None, 0.0));
    }

    #[test]
    fn mean_is_compensated() {
        assert_eq!(mean(std::iter::empty()), 0.0);
        assert!(close(mean([0.1; 10]), 0.1));
        assert_eq!(mean([1e16, 1.0, -1e16, 1.0]), 0.5);
    }
}
