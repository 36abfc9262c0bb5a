#!/bin/sh
# The live host under load: 200 students on loopback answer 100 questions each as fast as
# they can (release build). Prints answers per second and the p99 time from an answer
# sent to the next question received. LIVE_STUDENTS and LIVE_QUESTIONS change the load.
set -eu
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! cargo test --release --quiet --test live_bench -- --ignored --nocapture >"$out" 2>&1; then
    cat "$out" >&2
    exit 1
fi
grep '^live:' "$out"
