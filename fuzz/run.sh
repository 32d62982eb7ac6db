#!/usr/bin/env bash
# Runs gleaner's fuzz targets with libFuzzer (cargo fuzz, nightly toolchain), each for a given
# time, seeded from fixtures/ and fuzz/seeds/ with the HTML dictionary fuzz/html.dict.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     # default: 1800 s, every target
#
# Targets: extract (bytes → article → every renderer), decode (gunzip + charset),
# jsonl (the batch JSONL line reader), warc (the WARC reader and HTTP response parser).
# Limits as the issue asks: -rss_limit_mb=2048 -timeout=10. A crash, leak or slow input is
# written to fuzz/artifacts/TARGET/; once fixed, add it to fixtures/bad/ (with its row in
# fixtures/bad/README.md and its case in tests/bad_inputs.rs). Not run by CI: CI runs the corpus.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-1800}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(extract decode jsonl warc)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# Seeds: a copy of the real pages and the bad inputs for extract and decode, the seed files
# for the readers. The working corpus grows under fuzz/corpus/ (not committed).
seed() {
    local target=$1 dir=corpus/$1
    mkdir -p "$dir"
    case $target in
        extract|decode)
            for file in ../fixtures/pages/*/source.html ../fixtures/bad/*; do
                [ -f "$file" ] || continue
                name=$(echo "$file" | tr '/' '_')
                head -c 262144 "$file" > "$dir/$name"
            done
            if [ "$target" = decode ]; then cp seeds/decode/* "$dir/"; fi
            ;;
        jsonl) cp seeds/jsonl/* "$dir/" ;;
        warc) cp seeds/warc/* "$dir/" ;;
    esac
}

# A finding stops that target's run, not the others'; the script fails at the end.
failed=()
for target in "${targets[@]}"; do
    seed "$target"
    echo "== fuzzing $target for $seconds s"
    if ! cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -dict=html.dict -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
        -max_len=262144 -print_final_stats=1; then
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "findings in: ${failed[*]} (see fuzz/artifacts/)" >&2
    exit 1
fi
echo "no findings"
