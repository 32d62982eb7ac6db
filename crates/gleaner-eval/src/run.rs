//! Running gleaner over a dataset's pages and timing it.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::dataset::{self, Dataset, Page};
use crate::meta::MetaPred;

/// What the scored texts hold besides the article's body, for benchmarks with other
/// conventions than gleaner's default output (which the gate pins).
#[derive(Debug, Clone, Copy, Default)]
pub struct Conventions {
    /// The page's reader comments after the text (`gleaner --comments`).
    pub comments_in_text: bool,
    /// The headline before the text (`gleaner --headline`).
    pub headline: bool,
}

/// The predictions for a dataset and how producing them went.
#[derive(Debug, Clone)]
pub struct Run {
    /// The extracted text of each page, in dataset order; `""` where extraction failed.
    pub texts: Vec<String>,
    /// The metadata predicted for each page, in dataset order; none where extraction failed.
    pub metas: Vec<MetaPred>,
    /// The reader comments read from each page (`--comments`: author, date and text of each),
    /// in dataset order; read only on datasets that record comments, `""` elsewhere.
    pub comments: Vec<String>,
    /// The error kind of each page whose extraction failed (`panic` for a crash,
    /// `read` when the HTML file could not be read).
    pub failures: Vec<Option<&'static str>>,
    /// Wall-clock seconds of the extraction phase (inputs already in memory).
    pub seconds: f64,
    /// Number of threads that extracted.
    pub jobs: usize,
    /// Milliseconds each page's extraction took, in dataset order.
    pub page_ms: Vec<f64>,
}

impl Run {
    /// Number of pages whose extraction failed.
    #[must_use]
    pub fn errors(&self) -> usize {
        self.failures.iter().flatten().count()
    }

    /// How many failures of each kind.
    #[must_use]
    pub fn error_kinds(&self) -> BTreeMap<&'static str, usize> {
        let mut out = BTreeMap::new();
        for kind in self.failures.iter().flatten() {
            *out.entry(*kind).or_insert(0) += 1;
        }
        out
    }

    /// The per-page extraction time (milliseconds) at quantile `q` (0.5 the median, 1.0 the
    /// slowest page); 0 for an empty run.
    #[must_use]
    pub fn page_ms_quantile(&self, q: f64) -> f64 {
        let mut times = self.page_ms.clone();
        times.sort_by(f64::total_cmp);
        let Some(last) = times.len().checked_sub(1) else { return 0.0 };
        times[((q.clamp(0.0, 1.0) * last as f64).ceil() as usize).min(last)]
    }

    /// Pages per wall-clock second (0 when no time was measured).
    #[must_use]
    pub fn pages_per_second(&self) -> f64 {
        if self.seconds > 0.0 { self.texts.len() as f64 / self.seconds } else { 0.0 }
    }
}

/// Extracts every page of `dataset`, on `jobs` threads (1: on the calling thread).
///
/// The HTML files are read and gunzipped first; only the extraction calls are timed.
/// A page that cannot be read, fails to extract or panics gets an empty prediction. The
/// `conventions` say what the texts hold besides the article's body.
///
/// # Errors
/// When the thread pool cannot be built.
pub fn extract_all(dataset: &Dataset, jobs: usize, conventions: Conventions) -> Result<Run> {
    let jobs = jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().context("cannot start the extraction threads")?;
    let inputs: Vec<Result<Vec<u8>>> = pool.install(|| dataset.pages.par_iter().map(|p| dataset::read_html(&p.html_path)).collect());
    for err in inputs.iter().filter_map(|r| r.as_ref().err()) {
        eprintln!("warning: {err:#}");
    }

    let started = Instant::now();
    // Comments are read only where the dataset can score them (the text is the same either way).
    let read_comments = conventions.comments_in_text || dataset.pages.iter().any(|p| p.comments.is_some());
    let timed = |page: &Page, input: &Result<Vec<u8>>| {
        let start = Instant::now();
        let outcome = extract_page(page, input, read_comments, conventions);
        (outcome, start.elapsed().as_secs_f64() * 1000.0)
    };
    let outcomes: Vec<(Outcome, f64)> = if jobs == 1 {
        dataset.pages.iter().zip(&inputs).map(|(page, input)| timed(page, input)).collect()
    } else {
        pool.install(|| dataset.pages.par_iter().zip(&inputs).map(|(page, input)| timed(page, input)).collect())
    };
    let seconds = started.elapsed().as_secs_f64();

    let mut run = Run { texts: Vec::new(), metas: Vec::new(), comments: Vec::new(), failures: Vec::new(), seconds, jobs, page_ms: Vec::new() };
    for (outcome, ms) in outcomes {
        run.page_ms.push(ms);
        let Outcome { text, meta, comments, failure } = outcome;
        run.texts.push(text);
        run.comments.push(comments);
        run.metas.push(meta);
        run.failures.push(failure);
    }
    Ok(run)
}

/// A page's text and metadata, and the kind of its failure when it failed (a page with no
/// content found still has its metadata).
#[derive(Default)]
struct Outcome {
    text: String,
    meta: MetaPred,
    comments: String,
    failure: Option<&'static str>,
}

impl Outcome {
    fn failed(kind: &'static str) -> Self {
        Self { failure: Some(kind), ..Self::default() }
    }
}

/// Extracts one page's text (as the `conventions` want it), metadata and (when
/// `read_comments`) comments, and names why there are none.
fn extract_page(page: &Page, input: &Result<Vec<u8>>, read_comments: bool, conventions: Conventions) -> Outcome {
    let Ok(bytes) = input else {
        return Outcome::failed("read");
    };
    let hints = match &page.url {
        Some(url) => gleaner::Hints::default().with_url(url.as_str()),
        None => gleaner::Hints::default(),
    };
    let format = if page.is_text { gleaner::InputFormat::Text } else { gleaner::InputFormat::Auto };
    let options = gleaner::Options::default().with_input_format(format).with_comments(read_comments).with_headline(conventions.headline);
    match catch_unwind(AssertUnwindSafe(|| gleaner::extract_bytes(bytes, &hints, &options))) {
        Ok(Ok(article)) => {
            let meta = MetaPred::of(&article.metadata);
            let comments = comments_text(&article);
            let text = if conventions.comments_in_text { article.text_with_comments() } else { article.text };
            Outcome { text, meta, comments, failure: None }
        }
        Ok(Err(err)) => Outcome { meta: err.page_metadata().map(MetaPred::of).unwrap_or_default(), ..Outcome::failed(err.kind()) },
        Err(_) => {
            eprintln!("warning: gleaner panicked on page {} ({})", page.id, page.html_path.display());
            Outcome::failed("panic")
        }
    }
}

/// The comments read from a page as one text: each comment's author, date and text.
fn comments_text(article: &gleaner::Article) -> String {
    let mut out = String::new();
    for comment in article.comments.iter().flatten() {
        for part in [comment.author.as_deref(), comment.date.as_deref(), Some(comment.text.as_str())].into_iter().flatten() {
            out.push_str(part);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_time_quantiles() {
        let run = Run {
            texts: Vec::new(),
            metas: Vec::new(),
            comments: Vec::new(),
            failures: Vec::new(),
            seconds: 0.0,
            jobs: 1,
            page_ms: (1..=100).map(f64::from).rev().collect(),
        };
        assert_eq!(run.page_ms_quantile(0.5), 51.0);
        assert_eq!(run.page_ms_quantile(0.99), 100.0);
        assert_eq!(run.page_ms_quantile(1.0), 100.0);
        assert_eq!(run.page_ms_quantile(0.0), 1.0);
        let empty = Run { page_ms: Vec::new(), ..run };
        assert_eq!(empty.page_ms_quantile(0.99), 0.0);
    }
}
