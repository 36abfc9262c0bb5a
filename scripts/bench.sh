#!/usr/bin/env bash
# Benchmarks termquiz on synthetic inputs, each figure beside a reference measured in the
# same run, and prints one Markdown table: what, input, termquiz, reference, ratio, target.
# Times are the best of 3 wall-clock runs; memory is peak RSS.
# Usage: scripts/bench.sh            (needs python3 and /usr/bin/time; takes a few minutes)
#        QUICK=1 scripts/bench.sh    (10k/100k banks only, no 1M rows)
#        ONLY=import scripts/bench.sh (only one section's rows: validate, dump, wide, stats,
#                                      import or startup; same table)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin termquiz --example gen_bank --example scan_json --example gen_history
bin=$PWD/target/release/termquiz
ex=$PWD/target/release/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TERMQUIZ_DATA_DIR="$work/data"

# best of 3 of a command (each stopped after 120 s): sets $secs and $mib (the peak RSS
# of that best run). Wall time from bash's microsecond clock; RSS from /usr/bin/time.
# The command must exit with $EXPECT (0 unless set: 130 for a quiz whose input ends).
measure() {
  local best="" rss="" s k t0 rc
  for _ in 1 2 3; do
    t0=$EPOCHREALTIME
    rc=0
    timeout 120 /usr/bin/time -q -f '%M' -o "$work/t" "$@" </dev/null >/dev/null 2>"$work/err" || rc=$?
    if [ "$rc" -ne "${EXPECT:-0}" ]; then
      echo "failed or timed out (exit $rc): $* ($(head -c 300 "$work/err"))" >&2
      secs=nan mib=nan
      return 0
    fi
    s=$(awk "BEGIN{printf \"%.3f\", $EPOCHREALTIME - $t0}")
    read -r k <"$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s rss=$k; fi
  done
  secs=$best
  mib=$(awk "BEGIN{printf \"%.1f\", $rss/1024}")
}

size_mib() { awk "BEGIN{printf \"%.1f\", $(stat -c %s "$1")/1048576}"; }

# what, input, value, reference, unit, target ratio (e.g. 3 for "≤ 3×")
row() {
  local what=$1 input=$2 value=$3 ref=$4 unit=$5 target=$6 ratio verdict
  ratio=$(awk "BEGIN{ if ($ref+0 == 0 || \"$value\" == \"nan\") print \"nan\"; else printf \"%.2f\", $value/$ref }")
  verdict=$(awk "BEGIN{ if (\"$ratio\" == \"nan\") print \"?\"; else print ($ratio <= $target ? \"ok\" : \"MISSED\") }")
  printf '| %s | %s | %s %s | %s %s | %s× | ≤ %s× %s |\n' "$what" "$input" "$value" "$unit" "$ref" "$unit" "$ratio" "$target" "$verdict"
}

# Whether a section's rows are wanted (all of them unless ONLY names one).
section() { [ -z "${ONLY:-}" ] || [ "$ONLY" = "$1" ]; }

echo "| what | input | termquiz | reference | ratio | target |"
echo "|---|---|---|---|---|---|"

declare -A validate_s
sizes=(10000 100000 1000000)
[ -n "${QUICK:-}" ] && sizes=(10000 100000)
section validate || sizes=()
for n in "${sizes[@]}"; do
  f="$work/bank-$n.json"
  "$ex/gen_bank" "$n" >"$f"
  label="$n q, $(size_mib "$f") MiB"
  measure "$ex/scan_json" "$f"; scan=$secs
  measure python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$f"; py=$secs
  measure "$bin" validate "$f"; v=$secs; validate_s[$n]=$v
  row "validate vs read + serde IgnoredAny scan" "$label" "$v" "$scan" s 3
  row "validate vs python3 json.load" "$label" "$v" "$py" s 0.25
  measure "$bin" list "$f" --format json
  if [ "$n" -le 100000 ]; then
    row "list --format json vs validate" "$label" "$secs" "$v" s 2
  else
    # Past 128 MiB of rendered JSON, list goes through the file a second time rather than
    # hold the whole output: the issue's ≤ 2× is for 100k; this bound is ours.
    row "list --format json vs validate (past the render budget)" "$label" "$secs" "$v" s 3
  fi
  EXPECT=130 measure "$bin" play "$f" -n 20 --seed 1
  play_s=$secs play_mib=$mib
  row "play -n 20 (input ends at once): time vs validate" "$label" "$play_s" "$v" s 1.2
  # Memory against the file means something once the file outweighs the program itself
  # (about 10 MiB: code, thread stacks, the pieces being read).
  big=$([ "$n" -ge 100000 ] && echo 1 || true)
  [ -n "$big" ] && row "play -n 20: peak RSS vs file size" "$label" "$play_mib" "$(size_mib "$f")" MiB 1.3
  rm -rf "$work/data"
  EXPECT=130 measure "$bin" review "$f"
  row "review (input ends at once): time vs validate" "$label" "$secs" "$v" s 1.2
  [ -n "$big" ] && row "review: peak RSS vs file size" "$label" "$mib" "$(size_mib "$f")" MiB 1.3
  [ "$n" -ne 10000 ] && rm -f "$work/bank-10000.json"
done
if [ -n "${validate_s[1000000]:-}" ]; then
  row "validate 1M vs validate 100k (linear: ≤ 11×)" "1M / 100k" "${validate_s[1000000]}" "${validate_s[100000]}" s 11
fi
rm -f "$work"/bank-*.json

# The issue's user: a 500k-question trivia dump, a 20-question quiz started in well under a
# second (here: half) with less memory than the file.
if section dump; then
  f="$work/dump.json"
  "$ex/gen_bank" 500000 >"$f"
  label="500k q, $(size_mib "$f") MiB"
  EXPECT=130 measure "$bin" play "$f" -n 20 --seed 1
  row "play -n 20 on a 500k dump vs 0.5 s" "$label" "$secs" 0.5 s 1
  row "play -n 20 on a 500k dump: peak RSS vs file size" "$label" "$mib" "$(size_mib "$f")" MiB 1
  rm -f "$f"
fi

# One question with a million choices: duplicate checks must stay linear.
if section wide; then
  python3 - "$work/wide.json" <<'PY'
import json, sys
n = 1_000_000
q = {"id": "wide", "kind": "single", "prompt": "Which?", "answer": "choice 0",
     "wrong": [f"choice {i}" for i in range(1, n)]}
json.dump({"title": "Wide", "questions": [q]}, open(sys.argv[1], "w"))
PY
  measure "$bin" validate "$work/wide.json"
  row "validate one question with 1M choices vs 2 s" "$(size_mib "$work/wide.json") MiB" "$secs" 2 s 1
  rm -f "$work/wide.json"
fi

# stats streams the history: memory against the file's size.
if section stats; then
  mkdir -p "$work/data"
  "$ex/gen_history" 200 >"$work/data/history.jsonl"
  measure "$bin" stats
  row "stats over a 200 MiB history: peak RSS vs file size" "$(size_mib "$work/data/history.jsonl") MiB" "$mib" "$(size_mib "$work/data/history.jsonl")" MiB 0.5
  rm -rf "$work/data"
fi

# Importers, about 50k questions each: time against 0.5 s (Moodle XML 1 s), memory ≤ 3× the input.
if section import; then
  "$ex/gen_bank" 58400 >"$work/g.json"
  import_row() { # format, file, target seconds
    local format=$1 file=$2 target=$3 n
    n=$(wc -l <"$file")
    measure "$bin" import "$file" --from "$format" -o "$work/back.json"
    rm -f "$work/back.json"
    row "import --from $format vs $target s" "$(size_mib "$file") MiB" "$secs" "$target" s 1
    row "import --from $format: peak RSS vs input" "$(size_mib "$file") MiB" "$mib" "$(size_mib "$file")" MiB 3
  }
  "$bin" export "$work/g.json" --to gift -o "$work/g.gift" 2>/dev/null && import_row gift "$work/g.gift" 0.5
  python3 - "$work/a.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(50_000):
        f.write(f"Which release came first in set {i}?\nA. Snow White {i}\nB. The Band Wagon {i}\nC. Oklahoma {i}\nD. Hamilton {i}\nANSWER: {'ABCD'[i % 4]}\n\n")
PY
  import_row aiken "$work/a.txt" 0.5
  if "$bin" export "$work/g.json" --to csv -o "$work/g.csv" 2>/dev/null; then import_row csv "$work/g.csv" 0.5; fi
  if "$bin" export "$work/g.json" --to moodle-xml -o "$work/g.xml" 2>/dev/null; then import_row moodle-xml "$work/g.xml" 1; fi
fi

# Start-up on the embedded bank: median of 50 runs.
if section startup; then
  startup=$(python3 - "$bin" <<'PY'
import subprocess, sys, time
runs = []
for _ in range(50):
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "list", "--format", "json"], stdout=subprocess.DEVNULL, check=True)
    runs.append((time.perf_counter() - t) * 1000)
runs.sort()
print(f"{runs[len(runs) // 2]:.1f}")
PY
  )
  row "start-up (list --format json, embedded bank) vs 5 ms" "default bank" "$startup" 5 ms 1
fi
