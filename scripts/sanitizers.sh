#!/usr/bin/env bash
# Runs the loader and concurrency-relevant tests under AddressSanitizer and ThreadSanitizer, each build in its own
# scratch folder (.build-asan, .build-tsan), and prints a summary. The hostile-input catalogue
# (Tests/NotelintEngineTests/Hostile/) then runs the sanitized notelint binary on its inputs, with its time and
# memory bounds multiplied (sanitized code is slower and larger).
#
#   scripts/sanitizers.sh [asan] [tsan]     (default: both)
#
# Exit status: 0 when every selected run built and passed, 1 otherwise. Full logs: .build-asan/sanitizer-test.log,
# .build-tsan/sanitizer-test.log.
set -u
cd "$(dirname "$0")/.."

# Loader, the engine over many notes, the schema's limits, and every hostile input.
ASAN_FILTER='NotelintLoaderTests|Hostile|FixtureTests|EngineRegressionTests|SchemaLimitTests'
# Whatever runs on several threads: Linter.lint's parallel phases (fixtures, fixes, baselines, the hostile
# catalogue's 20,000 notes), schemas and the spelling dictionary shared between threads.
TSAN_FILTER='Hostile|TwoPass|ResultCache|FixtureTests|FixFixtureTests|FixPropertyTests|BaselineTests|SchemaLimitTests|SpellCheckerTests'

# A sanitizer report must not look like a lint result (exit codes 0, 1 and 2 are taken).
# detect_stack_use_after_return=0: with it, locals live in heap "fake stacks", and the schema evaluator's depth
# guard, which compares the addresses of locals with its stack allowance, no longer measures the stack.
# Suppressed leaks, not ours: XCTest's harness keeps two objects at exit, and Foundation's file reader
# (readBytesFromFile) loses its buffer when it reads an empty file. Every other leak is reported.
export ASAN_OPTIONS="exitcode=86:detect_leaks=1:detect_stack_use_after_return=0"
export TSAN_OPTIONS="exitcode=66:halt_on_error=0"
suppressions=$(mktemp)
trap 'rm -f "$suppressions"' EXIT
printf 'leak:libXCTest.so\nleak:readBytesFromFile\n' >"$suppressions"
export LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0"

selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=(asan tsan)
summary=()
failed=0

run() {
    local name=$1 sanitizer=$2 scratch=$3 filter=$4 scale=$5
    shift 5
    local skips=()
    for test in "$@"; do skips+=(--skip "$test"); done
    local log="$scratch/sanitizer-test.log"
    mkdir -p "$scratch"
    echo "== $name: building with --sanitize=$sanitizer in $scratch"
    local started=$SECONDS
    if ! swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch" >"$log" 2>&1; then
        echo "$name: build failed; the last lines of $log:"
        tail -n 30 "$log"
        summary+=("$name: BUILD FAILED (see $log)")
        failed=1
        return
    fi
    echo "== $name: testing (filter: $filter)"
    NOTELINT_BINARY="$scratch/debug/notelint" NOTELINT_HOSTILE_SCALE=$scale \
        swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" --filter "$filter" "${skips[@]}" >>"$log" 2>&1
    local status=$?
    local reports
    reports=$(grep -cE "ERROR: AddressSanitizer|ERROR: LeakSanitizer|WARNING: ThreadSanitizer" "$log")
    local result
    result=$(grep -E "Test run with [0-9]+ tests? .*(passed|failed)" "$log" | tail -n 1 | sed 's/^[^T]*//')
    [ -z "$result" ] && result="no Swift Testing summary"
    local line="$name: exit $status; $result; sanitizer reports in the log: $reports; $((SECONDS - started)) s"
    echo "$line"
    if [ "$status" -ne 0 ] || [ "$reports" -ne 0 ]; then
        failed=1
        grep -E "✘|ERROR: AddressSanitizer|ERROR: LeakSanitizer|WARNING: ThreadSanitizer|SUMMARY:" "$log" | head -n 40
    fi
    summary+=("$line")
}

for choice in "${selected[@]}"; do
    case $choice in
        # deepestTreesFitInASmallStack asserts how small the schema evaluator's frames are; instrumented frames
        # are several times larger, so under a sanitizer it measures the sanitizer.
        asan) run asan address .build-asan "$ASAN_FILTER" 4 deepestTreesFitInASmallStack ;;
        tsan) run tsan thread .build-tsan "$TSAN_FILTER" 10 deepestTreesFitInASmallStack ;;
        *) echo "unknown sanitizer '$choice' (asan, tsan)" >&2; exit 2 ;;
    esac
done

echo
echo "Sanitizer summary:"
printf '  %s\n' "${summary[@]}"
exit $failed
