#!/usr/bin/env bash
# Checks that gleaner-eval computes the same metrics as the reference scorer.
#
#   crates/gleaner-eval/check_reference.sh DATASETS NAME [gleaner-eval options...]
#   crates/gleaner-eval/check_reference.sh ../shared/datasets wcxb-dev --jobs 2
#
# Runs gleaner-eval on DATASETS/NAME writing its predictions and metrics, scores the same
# predictions with DATASETS/reference/score.py, and compares every metric both report to
# 3 decimals. Exits 1 on any disagreement. Set GLEANER_EVAL to a built binary to skip cargo.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 DATASETS NAME [gleaner-eval options...]" >&2
    exit 2
fi
datasets=$1
name=$2
shift 2
score_py="$datasets/reference/score.py"
[[ -f "$score_py" ]] || { echo "no reference scorer at $score_py" >&2; exit 2; }
[[ -d "$datasets/$name" ]] || { echo "no dataset $datasets/$name" >&2; exit 2; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -n "${GLEANER_EVAL:-}" ]]; then
    eval_cmd=("$GLEANER_EVAL")
else
    eval_cmd=(cargo run --quiet --release --manifest-path "$here/../../Cargo.toml" -p gleaner-eval --)
fi
"${eval_cmd[@]}" "$datasets/$name" --preds "$tmp/preds.json" --json "$tmp/ours.json" "$@" > "$tmp/ours.txt"
BENCH_DATASETS="$datasets" python3 "$score_py" "$name" "$tmp/preds.json" --n-bootstrap 0 \
    --json "$tmp/reference.json" > "$tmp/reference.txt"

python3 - "$name" "$tmp/ours.json" "$tmp/reference.json" <<'PY'
import json
import sys

name, ours_path, ref_path = sys.argv[1:]
with open(ours_path, encoding="utf-8") as f:
    ours = json.load(f)["datasets"][name]
with open(ref_path, encoding="utf-8") as f:
    ref = json.load(f)["results"][0]


def flat(d, prefix=""):
    """Numeric leaves of a nested dict as {dotted.key: value}."""
    out = {}
    for key, value in d.items():
        if isinstance(value, dict):
            out.update(flat(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[prefix + key] = value
    return out


ours, ref = flat(ours), flat(ref)
common = sorted(k for k in set(ours) & set(ref) if not k.endswith("_std"))
bad = []
for key in common:
    a, b = ours[key], ref[key]
    agree = round(a, 3) == round(b, 3) or abs(a - b) < 1e-9
    print(f"{'ok ' if agree else 'BAD'}  {key:<40} gleaner-eval {a:>12.6f}   score.py {b:>12.6f}")
    if not agree:
        bad.append(key)
if len(common) < 5:
    sys.exit(f"only {len(common)} metrics in common: is this the right dataset?")
if bad:
    sys.exit(f"{name}: {len(bad)} of {len(common)} metrics disagree with score.py: {', '.join(bad)}")
print(f"{name}: all {len(common)} common metrics agree with score.py to 3 decimals")
PY
