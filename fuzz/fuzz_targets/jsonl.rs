//! The batch JSONL line reader: any line becomes a job (possibly an invalid-input one).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let line = String::from_utf8_lossy(bytes);
    for (n, line) in line.lines().enumerate() {
        let job = gleaner::batch::inputs::jsonl_job(line, format!("fuzz.jsonl:{}", n + 1));
        assert!(!job.id.is_empty() || line.trim().is_empty() || matches!(job.source, gleaner::batch::Source::Invalid(_)));
        let _ = job.source.url();
    }
});
