#!/usr/bin/env bash
# Writes every output gleaner gives for every dev page into OUT_DIR, so that two builds can be
# compared with `diff -r`: for each dev set, the `jsonl` records, Markdown and HTML (links and
# images on) of the single-input CLI, and the records of `gleaner batch`.
#
#   quality/snapshot.sh OUT_DIR [GLEANER_BINARY] [DATASETS]
#
# A refactoring that must keep the output identical: snapshot before, snapshot after,
# `diff -r before after`.
set -euo pipefail
out=${1:?usage: quality/snapshot.sh OUT_DIR [GLEANER_BINARY] [DATASETS]}
bin=${2:-./target/release/gleaner}
datasets=${3:-../shared/datasets}
mkdir -p "$out"
for set in wcxb-dev trafilatura-eval dragnet-train cleaneval-dev wet-dev; do
    dir="$datasets/$set/html"
    [ -d "$dir" ] || dir="$datasets/$set/text"
    mapfile -t files < <(find "$dir" -type f | sort)
    "$bin" -f jsonl "${files[@]}" > "$out/$set.jsonl" 2> "$out/$set.stderr" || true
    "$bin" -f markdown --links --images "${files[@]}" > "$out/$set.md" 2> /dev/null || true
    "$bin" -f html --links --images "${files[@]}" > "$out/$set.html" 2> /dev/null || true
    printf '%s\n' "${files[@]}" > "$out/$set.list"
    "$bin" batch --jobs 2 "$out/$set.list" > "$out/$set.batch.jsonl" 2> /dev/null || true
    rm "$out/$set.list"
    echo "$set: $(wc -l < "$out/$set.jsonl") records" >&2
done
