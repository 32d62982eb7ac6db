//! The human-readable report and the JSON form of the metrics.

use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use crate::evaluation::Evaluation;
use crate::meta::{Field, MetaScores, Mismatch};

/// Longest truth or prediction shown in a metadata mismatch list, in characters.
const MAX_META_CELL: usize = 70;

/// The overall table (one column per dataset) and, for datasets with page types, the word
/// scores per type.
#[must_use]
pub fn summary(evals: &[Evaluation]) -> String {
    let mut header = vec!["metric".to_owned()];
    header.extend(evals.iter().map(|e| e.dataset.name.clone()));
    let rows: Vec<Vec<String>> = [
        ("pages", "pages"),
        ("word F1", "word_f1"),
        ("word P", "word_precision"),
        ("word R", "word_recall"),
        ("shingle P", "shingle_precision"),
        ("shingle R", "shingle_recall"),
        ("shingle F1", "shingle_f1"),
        ("accuracy", "accuracy"),
        ("with%", "with_share"),
        ("without%", "without_share"),
        ("seg P", "seg_precision"),
        ("seg R", "seg_recall"),
        ("seg Acc", "seg_accuracy"),
        ("seg F", "seg_f1"),
        ("errors", "errors"),
        ("empty", "empty"),
        ("pages/s", "pages_per_s"),
        ("ms/page p50", "ms_p50"),
        ("ms/page p99", "ms_p99"),
        ("ms/page max", "ms_max"),
    ]
    .iter()
    .map(|&(label, key)| {
        let mut row = vec![label.to_owned()];
        row.extend(evals.iter().map(|e| cell(e, key)));
        row
    })
    .collect();
    let mut out = render(&header, &rows, 1);
    let jobs = evals.first().map_or(1, |e| e.run.jobs);
    let _ = writeln!(out, "\npages/s: wall clock, {jobs} extraction thread{}", if jobs == 1 { "" } else { "s" });
    for e in evals.iter().filter(|e| e.run.errors() > 0) {
        let kinds: Vec<String> = e.run.error_kinds().iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = writeln!(out, "errors in {}: {}", e.dataset.name, kinds.join(", "));
    }
    out.push_str(&meta_summary(evals));
    for e in evals {
        if let Some(c) = &e.comments {
            let _ = writeln!(
                out,
                "\n{}: reader comments on {} pages: --comments word P {} R {} F1 {}; texts holding > {:.0}% comment text: {}",
                e.dataset.name,
                c.pages,
                f3(c.word.precision),
                f3(c.word.recall),
                f3(c.word.f1),
                crate::comments::LEAK_SHARE * 100.0,
                c.leaking_pages
            );
        }
    }
    for e in evals {
        if let Some(text) = e.scores.text.as_ref().filter(|t| !t.by_type.is_empty()) {
            let _ = writeln!(out, "\n{}: word scores by page type", e.dataset.name);
            let header: Vec<String> = ["type", "n", "P", "R", "F1"].map(str::to_owned).into();
            let mut rows: Vec<Vec<String>> =
                text.by_type.iter().map(|t| vec![t.name.clone(), t.n.to_string(), f3(t.word.precision), f3(t.word.recall), f3(t.word.f1)]).collect();
            rows.push(vec!["all".to_owned(), e.scores.pages.to_string(), f3(text.word.precision), f3(text.word.recall), f3(text.word.f1)]);
            out.push_str(&render(&header, &rows, 1));
        }
    }
    out
}

/// The metadata section of the summary: one column per dataset with a metadata truth, each
/// cell the share and the number of pages it is taken over; empty when no dataset has one.
fn meta_summary(evals: &[Evaluation]) -> String {
    let with_meta: Vec<(&str, MetaScores)> = evals.iter().filter_map(|e| e.meta.map(|m| (e.dataset.name.as_str(), m))).collect();
    if with_meta.is_empty() {
        return String::new();
    }
    let mut header = vec!["metadata".to_owned()];
    header.extend(with_meta.iter().map(|(name, _)| (*name).to_owned()));
    let rows: Vec<Vec<String>> = MetaScores::default()
        .rates()
        .iter()
        .enumerate()
        .map(|(i, (key, _))| {
            let mut row = vec![meta_label(key).to_owned()];
            row.extend(with_meta.iter().map(|(_, m)| {
                let rate = m.rates()[i].1;
                rate.value().map_or("-".to_owned(), |v| format!("{} of {}", f3(v), rate.n))
            }));
            row
        })
        .collect();
    let mut out = format!("\n{}", render(&header, &rows, 1));
    out.push_str(
        "n: pages with a true title / date / author / page type; false date: among pages without a \
         true date (lower is better)\n",
    );
    out
}

/// The summary's label of a metadata metric key.
fn meta_label(key: &str) -> &str {
    match key {
        "title_match" => "title match",
        "date_match" => "date match",
        "date_false_rate" => "false date",
        "author_match" => "author match",
        "page_type_match" => "page type match",
        other => other,
    }
}

/// The first `n` of `mismatches` (of metadata `field` on `eval`'s dataset) as a table of id,
/// truth and prediction.
#[must_use]
pub fn worst_meta(eval: &Evaluation, mismatches: &[Mismatch], field: Field, n: usize) -> String {
    let what = if field == Field::Date { "a wrong date or a date where there is none" } else { "no match" };
    let mut out = format!("{}: {} of {} pages with {what} for the {}\n", eval.dataset.name, n.min(mismatches.len()), mismatches.len(), field.name());
    let header: Vec<String> = ["id", "truth", "prediction"].map(str::to_owned).into();
    let rows: Vec<Vec<String>> = mismatches.iter().take(n).map(|m| vec![m.id.clone(), clip(&m.truth), clip(&m.pred)]).collect();
    out.push_str(&render(&header, &rows, 3));
    out
}

/// `text` on one line and cut to [`MAX_META_CELL`] characters (`-` when empty).
fn clip(text: &str) -> String {
    let line = crate::pytext::normalize_space(text);
    if line.is_empty() {
        return "-".to_owned();
    }
    if line.chars().count() <= MAX_META_CELL {
        return line;
    }
    let mut cut: String = line.chars().take(MAX_META_CELL - 1).collect();
    cut.push('…');
    cut
}

/// The `n` pages of `eval` that scored worst: lowest word F1 where there is full text
/// (restricted to `page_type` when given), else the most snippet mistakes.
#[must_use]
pub fn worst(eval: &Evaluation, n: usize, page_type: Option<&str>) -> String {
    let pages = eval.scores.per_page.iter().zip(&eval.run.failures);
    let error_cell = |failure: &Option<&str>| failure.unwrap_or("").to_owned();
    if eval.scores.text.is_some() {
        let mut list: Vec<_> = pages
            .filter(|(p, _)| page_type.is_none() || p.page_type.as_deref() == page_type)
            .filter_map(|(p, failure)| p.word.map(|w| (p, w, failure)))
            .collect();
        list.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1).then_with(|| a.0.id.cmp(&b.0.id)));
        let scope = page_type.map_or(String::new(), |t| format!(" among {t} pages"));
        let mut out = format!("{}: {} pages with the lowest word F1{scope}\n", eval.dataset.name, n.min(list.len()));
        let header: Vec<String> = ["id", "type", "P", "R", "F1", "words", "truth", "error"].map(str::to_owned).into();
        let rows: Vec<Vec<String>> = list
            .iter()
            .take(n)
            .map(|(p, w, failure)| {
                vec![
                    p.id.clone(),
                    p.page_type.clone().unwrap_or_default(),
                    f3(w.precision),
                    f3(w.recall),
                    f3(w.f1),
                    p.pred_words.to_string(),
                    p.truth_words.to_string(),
                    error_cell(failure),
                ]
            })
            .collect();
        out.push_str(&render(&header, &rows, 2));
        return out;
    }
    let mut list: Vec<_> = pages.collect();
    list.sort_by(|a, b| {
        let mistakes = |p: &crate::metrics::PageScore| p.snippets.fn_ + p.snippets.fp;
        mistakes(b.0).cmp(&mistakes(a.0)).then_with(|| a.0.id.cmp(&b.0.id))
    });
    let mut out = format!("{}: {} pages with the most snippet mistakes\n", eval.dataset.name, n.min(list.len()));
    let header: Vec<String> = ["id", "with missed", "without found", "words", "error"].map(str::to_owned).into();
    let rows: Vec<Vec<String>> = list
        .iter()
        .take(n)
        .map(|(p, failure)| {
            let s = p.snippets;
            vec![p.id.clone(), format!("{}/{}", s.fn_, s.tp + s.fn_), format!("{}/{}", s.fp, s.fp + s.tn), p.pred_words.to_string(), error_cell(failure)]
        })
        .collect();
    out.push_str(&render(&header, &rows, 1));
    out
}

/// Every metric of one evaluation as a JSON object, under the key names score.py uses.
#[must_use]
pub fn to_json(eval: &Evaluation) -> Value {
    let mut m = Map::new();
    m.insert("dataset".into(), json!(eval.dataset.name));
    m.insert("kind".into(), json!(eval.dataset.kind.label()));
    m.insert("dir".into(), json!(eval.dataset.dir.display().to_string()));
    m.insert("pages".into(), json!(eval.scores.pages));
    m.insert("empty".into(), json!(eval.scores.empty));
    m.insert("errors".into(), json!(eval.run.errors()));
    m.insert("error_kinds".into(), json!(eval.run.error_kinds()));
    m.insert("seconds".into(), json!(eval.run.seconds));
    m.insert("pages_per_s".into(), json!(eval.run.pages_per_second()));
    m.insert("jobs".into(), json!(eval.run.jobs));
    m.insert("ms_p50".into(), json!(eval.run.page_ms_quantile(0.5)));
    m.insert("ms_p99".into(), json!(eval.run.page_ms_quantile(0.99)));
    m.insert("ms_max".into(), json!(eval.run.page_ms_quantile(1.0)));
    if let Some(t) = &eval.scores.text {
        let mut by_type = Map::new();
        for ts in &t.by_type {
            by_type.insert(ts.name.clone(), json!({"n": ts.n, "precision": ts.word.precision, "recall": ts.word.recall, "f1": ts.word.f1}));
        }
        m.insert("shingle_precision".into(), json!(t.shingle.precision));
        m.insert("shingle_recall".into(), json!(t.shingle.recall));
        m.insert("shingle_f1".into(), json!(t.shingle.f1));
        m.insert("accuracy".into(), json!(t.accuracy));
        m.insert("word_precision".into(), json!(t.word.precision));
        m.insert("word_recall".into(), json!(t.word.recall));
        m.insert("word_f1".into(), json!(t.word.f1));
        m.insert("word_f1_by_type".into(), Value::Object(by_type));
    }
    if let Some(c) = &eval.comments {
        m.insert("comments_pages".into(), json!(c.pages));
        m.insert("comments_word_precision".into(), json!(c.word.precision));
        m.insert("comments_word_recall".into(), json!(c.word.recall));
        m.insert("comments_word_f1".into(), json!(c.word.f1));
        m.insert("comment_leak_pages".into(), json!(c.leaking_pages));
    }
    if let Some(s) = &eval.scores.snippets {
        m.insert("snip_tp".into(), json!(s.counts.tp));
        m.insert("snip_fp".into(), json!(s.counts.fp));
        m.insert("snip_fn".into(), json!(s.counts.fn_));
        m.insert("snip_tn".into(), json!(s.counts.tn));
        m.insert("with_share".into(), json!(s.with_share));
        m.insert("without_share".into(), json!(s.without_share));
        m.insert("seg_precision".into(), json!(s.seg.precision));
        m.insert("seg_recall".into(), json!(s.seg.recall));
        m.insert("seg_accuracy".into(), json!(s.seg_accuracy));
        m.insert("seg_f1".into(), json!(s.seg.f1));
    }
    if let Some(meta) = &eval.meta {
        for (key, rate) in meta.rates() {
            m.insert(key.into(), json!(rate.value()));
            m.insert(format!("{key}_n"), json!(rate.n));
        }
    }
    Value::Object(m)
}

/// The report cell of metric `key` for `eval`: shares as percentages, counts as integers,
/// scores with three decimals, `-` where the dataset lacks the metric.
fn cell(eval: &Evaluation, key: &str) -> String {
    match key {
        "pages" => eval.scores.pages.to_string(),
        "pages_per_s" => format!("{:.1}", eval.run.pages_per_second()),
        "ms_p50" => format!("{:.1}", eval.run.page_ms_quantile(0.5)),
        "ms_p99" => format!("{:.1}", eval.run.page_ms_quantile(0.99)),
        "ms_max" => format!("{:.1}", eval.run.page_ms_quantile(1.0)),
        "errors" | "empty" => eval.metric(key).map_or("-".to_owned(), |v| format!("{v:.0}")),
        "with_share" | "without_share" => eval.metric(key).map_or("-".to_owned(), |v| format!("{:.1}", 100.0 * v)),
        _ => eval.metric(key).map_or("-".to_owned(), f3),
    }
}

/// A score with three decimals.
fn f3(v: f64) -> String {
    format!("{v:.3}")
}

/// A fixed-width table: the first `left` columns left-aligned, the others right-aligned.
fn render(header: &[String], rows: &[Vec<String>], left: usize) -> String {
    let widths: Vec<usize> = (0..header.len())
        .map(|i| rows.iter().filter_map(|r| r.get(i)).chain(std::iter::once(&header[i])).map(|c| c.chars().count()).max().unwrap_or(0))
        .collect();
    let line = |cells: &[String]| {
        let parts: Vec<String> =
            cells.iter().zip(&widths).enumerate().map(|(i, (c, &w))| if i < left { format!("{c:<w$}") } else { format!("{c:>w$}") }).collect();
        parts.join("  ").trim_end().to_owned() + "\n"
    };
    let mut out = line(header);
    out.push_str(&line(&widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>()));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}
