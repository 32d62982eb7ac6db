//! The record of one input: what was asked for, where it ended, and the article or the error.
//!
//! JSON form (one line per input in `gleaner batch` output):
//!
//! | key | value |
//! | --- | --- |
//! | `id` | the input's stable id: the id given in JSONL input, else its URL or path |
//! | `input` | where the input came from: the URL, the path, or `FILE:LINE` for a JSONL line |
//! | `url` | the URL asked for (or given with the HTML), `null` for a file without one |
//! | `final_url` | the URL after redirects, `null` when nothing was fetched |
//! | `status` | the final HTTP status, `null` when nothing was fetched or no answer came |
//! | `ok` | `true` when an article was extracted |
//!
//! followed, on success, by every field of the article as in `--format json` (see
//! [`crate::Article`]; its `url` is the record's), or on failure by
//! `"error": {"kind": …, "message": …}` with a stable `kind` (see [`BatchError::kind`]). A page in which no content was found (`no_content`) still says
//! what it is: its metadata fields (`title`, `authors`, dates, `page_type`…, every article
//! field but `text`) follow the error.

use serde_json::{Map, Value, json};

use super::BatchError;
use crate::Article;

/// The outcome of one input.
#[derive(Debug)]
#[non_exhaustive]
pub struct Record {
    /// The stable id.
    pub id: String,
    /// Where the input came from (URL, path or `FILE:LINE`).
    pub input: String,
    /// The URL asked for or given.
    pub url: Option<String>,
    /// The URL after redirects.
    pub final_url: Option<String>,
    /// The final HTTP status.
    pub status: Option<u16>,
    /// The article, or why there is none.
    pub outcome: Result<Article, BatchError>,
}

impl Record {
    /// Whether an article was extracted.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.outcome.is_ok()
    }

    /// The record as a JSON object (see the module documentation for its keys).
    #[must_use]
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        map.insert("id".into(), json!(self.id));
        map.insert("input".into(), json!(self.input));
        map.insert("url".into(), json!(self.url));
        map.insert("final_url".into(), json!(self.final_url));
        map.insert("status".into(), json!(self.status));
        map.insert("ok".into(), json!(self.ok()));
        if let Err(error) = &self.outcome {
            map.insert("error".into(), json!(error));
        }
        for (key, value) in self.article_fields() {
            map.entry(key).or_insert(value);
        }
        Value::Object(map)
    }

    /// The record as one compact JSON line, newline included: the record's own keys first, in
    /// the order of the module documentation, then the article's or `error`.
    #[must_use]
    pub fn to_json_line(&self) -> String {
        let head = json!([self.id, self.input, self.url, self.final_url, self.status, self.ok()]);
        let mut line = String::from("{");
        for (key, value) in HEAD_KEYS.iter().zip(head.as_array().into_iter().flatten()) {
            push_field(&mut line, key, value);
        }
        if let Err(error) = &self.outcome {
            push_field(&mut line, "error", &json!(error));
        }
        for (key, value) in self.article_fields().iter().filter(|(key, _)| !HEAD_KEYS.contains(&key.as_str())) {
            push_field(&mut line, key, value);
        }
        line.push_str("}\n");
        line
    }

    /// The article's JSON fields: all of them on success; on a `no_content` failure, the
    /// page's metadata (every field but `text`); none on other failures.
    fn article_fields(&self) -> Map<String, Value> {
        let fields = match &self.outcome {
            Ok(article) => serde_json::to_value(article),
            Err(error) => match error.page_metadata() {
                Some(page) => serde_json::to_value(page),
                None => return Map::new(),
            },
        };
        let Ok(Value::Object(fields)) = fields else { return Map::new() };
        fields
    }
}

/// The record's own keys, before the article's.
const HEAD_KEYS: [&str; 6] = ["id", "input", "url", "final_url", "status", "ok"];

fn push_field(line: &mut String, key: &str, value: &Value) {
    if line.len() > 1 {
        line.push(',');
    }
    line.push_str(&Value::from(key).to_string());
    line.push(':');
    line.push_str(&value.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed() -> Record {
        Record {
            id: "a".into(),
            input: "list.txt".into(),
            url: Some("http://127.0.0.1/a".into()),
            final_url: None,
            status: None,
            outcome: Err(BatchError::Panic { message: "took\ntoo long".into() }),
        }
    }

    #[test]
    fn failure_record_has_every_key_and_the_error() {
        let value = failed().to_json();
        for key in ["id", "input", "url", "final_url", "status", "ok", "error"] {
            assert!(value.get(key).is_some(), "{key} missing: {value}");
        }
        assert_eq!(value["ok"], false);
        assert_eq!(value["error"]["kind"], "panic");
        assert_eq!(value["error"]["message"], "took too long", "one line");
    }

    #[test]
    fn a_record_is_one_line() {
        let record = Record { outcome: Err(crate::Error::no_content().into()), ..failed() };
        let line = record.to_json_line();
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.ends_with('\n'));
        assert!(
            line.starts_with(
                r#"{"id":"a","input":"list.txt","url":"http://127.0.0.1/a","final_url":null,"status":null,"ok":false,"error":{"kind":"no_content""#
            ),
            "{line}"
        );
    }

    #[test]
    fn article_fields_follow_and_the_record_url_wins() {
        let article = crate::extract_with_hints(
            "<html><body><article><p>Forecasters expect heavy rain across the region on Thursday, with up to \
             40 mm falling in the hills before the front moves east.</p></article></body></html>",
            &crate::Hints::default().with_url("http://127.0.0.1/final"),
            &crate::Options::default(),
        )
        .expect("an article");
        let record = Record { outcome: Ok(article), final_url: Some("http://127.0.0.1/final".into()), ..failed() };
        let value = record.to_json();
        assert_eq!(value["ok"], true);
        assert_eq!(value["url"], "http://127.0.0.1/a");
        assert!(value["text"].as_str().is_some_and(|text| text.starts_with("Forecasters")));
        assert!(value.get("error").is_none());
        let line: Value = serde_json::from_str(&record.to_json_line()).expect("a JSON line");
        assert_eq!(line, value);
    }
}
