#!/usr/bin/env bash
# Benchmarks termquiz on synthetic banks (10k, 100k, 1M questions) against python's
# json.load and jq. Prints a Markdown table: wall seconds and peak RSS (MiB).
# Usage: scripts/bench.sh [sizes...]   (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
cargo build --release --quiet --bin termquiz --example gen_bank
bin=target/release/termquiz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# best of 3: "seconds peak_kib"
measure() {
  local best="" rss=""
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; return 1; }
    read -r s k <"$work/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; rss=$k; fi
  done
  printf '%s %s' "$best" "$rss"
}

row() { # label, file size, then command
  local label=$1 size=$2; shift 2
  read -r s k <<<"$(measure "$@")"
  printf '| %s | %s | %.3f | %.0f |\n' "$label" "$size" "$s" "$(awk "BEGIN{print $k/1024}")"
}

echo "| command | bank | seconds | peak RSS MiB |"
echo "|---|---|---|---|"
row "termquiz list --format json (embedded bank)" "default" "$bin" list --format json
for n in "${sizes[@]}"; do
  f="$work/bank-$n.json"
  target/release/examples/gen_bank "$n" >"$f"
  mib=$(awk "BEGIN{printf \"%.0f MiB\", $(stat -c %s "$f")/1048576}")
  label="$n q, $mib"
  row "termquiz validate" "$label" "$bin" validate "$f"
  row "termquiz list --format json" "$label" "$bin" list "$f" --format json
  row "python3 json.load" "$label" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$f"
  row "jq length" "$label" jq length "$f"
  row "termquiz play --count 20 (EOF at once)" "$label" sh -c "$bin play '$f' --count 20 --seed 1 </dev/null; test \$? -eq 130"
done

# GIFT import of about 50k questions (the generator's banks, exported; order questions drop out).
target/release/examples/gen_bank 58400 >"$work/g.json"
"$bin" export "$work/g.json" --to gift -o "$work/g.gift" 2>/dev/null
n=$(grep -c '^::' "$work/g.gift")
row "termquiz import --from gift" "$n q GIFT" "$bin" import "$work/g.gift" --from gift -o "$work/g-back.json"
