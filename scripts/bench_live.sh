#!/bin/sh
# The live host under load: 200 students on loopback answer 100 questions each as fast as
# they can (release build). Prints answers per second and the p99 time from an answer
# sent to the next question received. LIVE_STUDENTS and LIVE_QUESTIONS change the load.
set -eu
cd "$(dirname "$0")/.."
cargo test --release --quiet --test live_bench -- --ignored --nocapture 2>&1 | grep '^live:'
