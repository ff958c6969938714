#!/usr/bin/env bash
# Builds the libFuzzer harness and fuzzes the whole pipeline for SECONDS (default 60), seeded with
# every sample and every small corpus file. Exits non-zero when the fuzzer finds a crash; the input
# that caused it is left as Fuzz/crash-*. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
swift build -c debug --product hqscreen-fuzz --sanitize=fuzzer --sanitize=address 2>&1 | grep -v "Cannot export local symbol" | tail -2
mkdir -p corpus seeds
cp ../SampleData/*.csv ../SampleData/exports/*.csv seeds/
for f in ../Tests/Corpus/files/*.csv; do
    [ "$(stat -c %s "$f")" -le 8192 ] && cp "$f" seeds/
done
# fontconfig (through cairo) keeps caches until exit, which LeakSanitizer reports as leaks: off, both
# during the run (-detect_leaks=0) and at exit (ASAN_OPTIONS).
status=0
ASAN_OPTIONS=detect_leaks=0 .build/debug/hqscreen-fuzz corpus seeds -max_total_time="$seconds" -max_len=4096 -detect_leaks=0 \
    -print_final_stats=1 > fuzz.log 2>&1 || status=$?
grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|ERROR|SUMMARY|Fatal error|Test unit written" fuzz.log || true
if [ "$status" -ne 0 ]; then
    echo "the fuzzer stopped with status $status; the last lines of Fuzz/fuzz.log:" >&2
    tail -40 fuzz.log >&2
fi
exit "$status"
