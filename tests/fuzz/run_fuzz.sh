#!/usr/bin/env bash
# Runs the scenario fuzzer for a fixed time:  tests/fuzz/run_fuzz.sh BUILD_DIR SECONDS
# The seed corpus is made now from the bundled scenarios (scenarios/**/*.json), the inputs that
# once found a bug (tests/fuzz/regressions/*.json) and the malformed corpus
# (tests/data/invalid/*.json), and a dictionary from their keys and strings; inputs the fuzzer
# finds go to BUILD_DIR/fuzz/corpus, which a later run continues from, crashes to
# BUILD_DIR/fuzz/artifacts. Exit status 0 iff no crash,
# timeout, leak or out-of-memory was found.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: run_fuzz.sh BUILD_DIR SECONDS}
seconds=${2:?usage: run_fuzz.sh BUILD_DIR SECONDS}
fuzzer="$build/tests/fuzz/fuzz_scenario"
[ -x "$fuzzer" ] || { echo "run_fuzz.sh: $fuzzer is not built (meson setup with -Dfuzz=true)" >&2; exit 2; }

work="$build/fuzz"
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  cp "$f" "$work/seeds/$n-$(basename "$f")"
done < <(find scenarios tests/data/invalid tests/fuzz/regressions -name '*.json' -print0 | sort -z)
python3 tests/fuzz/make_dict.py "$work/scenario.dict" "$work"/seeds/*.json
echo "run_fuzz.sh: $n seed files, $(wc -l < "$work/scenario.dict") dictionary entries, running for $seconds s" >&2

# -timeout: one input may take at most 10 s (a hang is a bug); -rss_limit_mb: the process may
# use at most 2 GiB (running out of memory is a bug, the checker must stop on its own limits).
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# A fixed seed (FUZZ_SEED, default 1) makes a run reproducible: from the same corpus, CI goes
# through the same inputs as a local run of at least its length did. FUZZ_SEED=0 picks one at
# random (for long local runs).
seed=${FUZZ_SEED:-1}
status=0
"$fuzzer" -seed="$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict="$work/scenario.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
  "$work/corpus" "$work/seeds" > "$work/fuzz.log" 2>&1 || status=$?
if [ "$status" -eq 0 ]; then
  grep -E '^(Done|stat::)' "$work/fuzz.log" >&2 || true
  echo "run_fuzz.sh: no crash in $seconds s (log: $work/fuzz.log)" >&2
else
  grep -v '^"' "$work/fuzz.log" | tail -n 80 >&2
  echo "run_fuzz.sh: the fuzzer found a problem (exit $status); reproducer in $work/artifacts/," \
       "log in $work/fuzz.log" >&2
fi
exit "$status"
