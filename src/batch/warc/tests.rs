use super::*;

/// One WARC record with the given type and extra headers, its Content-Length from `block`.
pub(crate) fn record(warc_type: &str, headers: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.1\r\nWARC-Type: {warc_type}\r\n{headers}Content-Length: {}\r\n\r\n", block.len()).into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn read_all(bytes: &[u8], cap: usize) -> Vec<Result<WarcRecord, Failed>> {
    WarcReader::new(std::io::Cursor::new(bytes.to_vec()), cap).collect()
}

const RESPONSE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>";

#[test]
fn records_are_read_with_their_headers() {
    let mut file = record("warcinfo", "", b"software: test\r\n");
    file.extend(record(
        "response",
        "WARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: http://a.test/\r\nContent-Type: application/http; msgtype=response\r\n",
        RESPONSE,
    ));
    let records = read_all(&file, 1 << 20);
    assert_eq!(records.len(), 2);
    let info = records[0].as_ref().expect("warcinfo");
    assert_eq!((info.ordinal, info.warc_type.as_str(), info.block.len()), (1, "warcinfo", 0));
    let response = records[1].as_ref().expect("response");
    assert_eq!(response.ordinal, 2);
    assert!(response.is_http_response());
    assert_eq!(response.record_id.as_deref(), Some("urn:uuid:1"));
    assert_eq!(response.target_uri.as_deref(), Some("http://a.test/"));
    assert_eq!(response.block, RESPONSE);
}

#[test]
fn a_record_without_content_length_is_skipped_to_the_next() {
    let mut file = b"WARC/1.1\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n".to_vec();
    file.extend(record("response", "", RESPONSE));
    let records = read_all(&file, 1 << 20);
    assert_eq!(records.len(), 2, "{records:?}");
    let failed = records[0].as_ref().expect_err("no length");
    assert_eq!((failed.ordinal, failed.error.kind()), (1, "bad_warc"));
    assert_eq!(records[1].as_ref().expect("next record").ordinal, 2);
}

#[test]
fn a_truncated_record_is_one_error_and_ends_the_file() {
    let mut file = record("response", "", RESPONSE);
    let whole = record("response", "", RESPONSE);
    file.extend_from_slice(&whole[..whole.len() - 10]);
    let records = read_all(&file, 1 << 20);
    assert_eq!(records.len(), 2);
    let failed = records[1].as_ref().expect_err("cut short");
    assert_eq!(failed.error.kind(), "bad_warc");
    assert!(failed.error.to_string().contains("truncated"), "{}", failed.error.to_string());
    // Cut inside the headers.
    let records = read_all(&whole[..20], 1 << 20);
    assert!(matches!(&records[..], [Err(Failed { ordinal: 1, .. })]), "{records:?}");
}

#[test]
fn blocks_over_the_cap_are_skipped_and_responses_among_them_fail() {
    let mut file = record("response", "", RESPONSE);
    file.extend(record("request", "", &[b'x'; 100]));
    file.extend(record("response", "", RESPONSE));
    let records = read_all(&file, 50);
    assert_eq!(records.len(), 3);
    assert!(matches!(&records[0], Err(Failed { error, .. }) if error.kind() == "too_large"));
    assert!(records[1].as_ref().is_ok_and(|request| request.block.is_empty()));
    assert!(records[2].is_err());
}

#[test]
fn garbage_never_panics() {
    for bytes in [&b"not a warc at all"[..], b"WARC/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", b"\r\n\r\n\r\n", b"WARC/"] {
        let _ = read_all(bytes, 1 << 20);
    }
}
