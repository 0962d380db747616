#!/usr/bin/env bash
# Fuzzes notelint with libFuzzer (Swift's -sanitize=fuzzer, with AddressSanitizer):
#
#   scripts/fuzz.sh loader|linter|fixer|server|all [SECONDS]      (default: 60 seconds per target)
#
# Targets (Sources/NotelintFuzzChecks/FuzzChecks.swift holds their invariants):
#   loader  the front-matter splitter and YAML loader, and the `notelint dump` record of what was loaded
#   linter  every rule of the embedded default configuration
#   fixer   --unsafe-fixes in memory, then the fixed text fixed again
#   server  the language server's message reader and dispatch (raw bytes, and one framed body)
#
# The fuzzing build lives in its own scratch folder, .build-fuzz/, with the working corpus of each target
# (.build-fuzz/corpus/TARGET), seeded from Fixtures/, the YAML test suite and a sample of the real-world corpora in
# ../shared, and from the saved corpus. Crash, timeout and out-of-memory inputs are copied to
# Fixtures/fuzz/TARGET/crashers/; the saved corpus Fixtures/fuzz/TARGET/corpus/ is re-minimized from the working one
# (-merge=1). Both are replayed by `swift test --filter Fuzz` in an ordinary build, no fuzzer needed.
#
# One libFuzzer process runs at a time (fork mode with one job, so that a crash is recorded and fuzzing goes on).
# Environment: FUZZ_BUILD_JOBS (default 1) build jobs; FUZZ_TIMEOUT (default 10) seconds one input may take;
# FUZZ_RSS_MB (default 2048) memory limit; FUZZ_MAX_LEN (default 8192) longest input; FUZZ_MAX_SAVED (default 300)
# most files in a saved corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: scripts/fuzz.sh loader|linter|fixer|server|all [SECONDS]" >&2
    exit 2
}
[ $# -ge 1 ] || usage
case "$1" in
    loader | linter | fixer | server) targets=("$1") ;;
    all) targets=(loader linter fixer server) ;;
    *) usage ;;
esac
seconds=${2:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
timeout_s=${FUZZ_TIMEOUT:-10}
rss_mb=${FUZZ_RSS_MB:-2048}
max_len=${FUZZ_MAX_LEN:-8192}
scratch=.build-fuzz
shared=../shared

echo "== building the fuzzing flavour in $scratch"
mkdir -p "$scratch"
# SwiftPM renames an executable's entry point to notelint_fuzz_main and aliases main to it; under NOTELINT_FUZZING
# that function runs libFuzzer's driver, which must be exported for it to be found.
if ! timeout 3600 swift build -c debug -j "${FUZZ_BUILD_JOBS:-1}" --build-path "$scratch" --product notelint-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DNOTELINT_FUZZING \
    -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver >"$scratch/fuzz-build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$scratch/fuzz-build.log" | tail -n 30
    echo "fuzz build failed (log: $scratch/fuzz-build.log)" >&2
    exit 1
fi
binary="$scratch/debug/notelint-fuzz"

# Seeds: every fixture note; each YAML test suite input as front matter (between fences, before a short body) and
# as a whole file; front matter and the start of the body of a sample of the real-world notes.
seed() {
    local dir=$1
    rm -rf "$dir"
    mkdir -p "$dir"
    python3 - "$dir" "$shared" <<'PY'
import hashlib, os, sys
out, shared = sys.argv[1], sys.argv[2]
def save(data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
for root, _, files in os.walk("Fixtures"):
    for name in files:
        if name.endswith(".md") or name.endswith(".markdown"):
            save(open(os.path.join(root, name), "rb").read())
suite = os.path.join(shared, "suites", "yaml-test-suite")
if os.path.isdir(suite):
    for case in sorted(os.listdir(suite)):
        path = os.path.join(suite, case, "in.yaml")
        if os.path.isfile(path):
            yaml = open(path, "rb").read()
            save(yaml)
            save(b"---\n" + yaml + (b"" if yaml.endswith(b"\n") else b"\n") + b"---\n\nBody.\n")
corpora = os.path.join(shared, "corpora")
if os.path.isdir(corpora):
    for collection in sorted(os.listdir(corpora)):
        notes = []
        for root, _, files in os.walk(os.path.join(corpora, collection)):
            notes += [os.path.join(root, n) for n in files if n.endswith((".md", ".markdown"))]
        notes.sort()
        for path in notes[:: max(1, len(notes) // 40)]:
            data = open(path, "rb").read()
            # Up to the closing fence and 200 bytes of body.
            end = data.find(b"\n---", 3)
            save(data[: end + 204] if data.startswith(b"---") and end > 0 else data[:400])
else:
    print("fuzz.sh: no shared corpora at " + corpora + "; seeding from Fixtures only", file=sys.stderr)
PY
    for saved in "Fixtures/fuzz/$target/corpus" "Fixtures/fuzz/$target/crashers"; do
        [ -d "$saved" ] && cp "$saved"/* "$dir"/ 2>/dev/null || true
    done
    return 0
}

summary=()
for target in "${targets[@]}"; do
    work="$scratch/corpus/$target"
    seeds="$scratch/seeds/$target"
    artifacts="$scratch/fuzz-artifacts/$target"  # not artifacts/: SwiftPM owns and empties that folder on every build
    log="$scratch/fuzz-$target.log"
    mkdir -p "$work" "$artifacts" "Fixtures/fuzz/$target/corpus" "Fixtures/fuzz/$target/crashers"
    seed "$seeds"
    echo "== fuzzing $target for ${seconds}s ($(ls "$seeds" | wc -l) seeds, $(ls "$work" | wc -l) in the working corpus; log: $log)"
    # Fork mode with one job: a single process fuzzes at a time, and a crash, timeout or OOM is kept and the run
    # goes on. Detect leaks off: the notes' trees are released, but Swift runtime caches look like leaks.
    set +e
    NOTELINT_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=0" \
        timeout $((seconds + 600)) "$binary" "$work" "$seeds" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" -max_len="$max_len" \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e

    # Keep what failed.
    found=0
    for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
        [ -f "$artifact" ] || continue
        name=$(basename "$artifact")
        if [ ! -f "Fixtures/fuzz/$target/crashers/$name" ]; then
            mv "$artifact" "Fixtures/fuzz/$target/crashers/$name"
            found=$((found + 1))
        fi
    done

    # Re-minimize the saved corpus from the working one, from small inputs only: the largest size allowed is
    # halved until the minimized corpus has at most $max_saved files.
    max_saved=${FUZZ_MAX_SAVED:-300}
    small="$scratch/merge-input/$target"
    merged="$scratch/merged/$target"
    for size in 2048 1024 512 256; do
        rm -rf "$small" "$merged"
        mkdir -p "$small" "$merged"
        find "$work" "Fixtures/fuzz/$target/corpus" -type f -size -$((size + 1))c -exec cp {} "$small"/ \;
        NOTELINT_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=0" \
            timeout 1800 "$binary" -merge=1 -timeout="$timeout_s" -rss_limit_mb="$rss_mb" "$merged" "$small" \
            >"$scratch/merge-$target.log" 2>&1 || echo "merge for $target failed (see $scratch/merge-$target.log)"
        [ "$(ls "$merged" | wc -l)" -le "$max_saved" ] && break
    done
    if [ -n "$(ls "$merged")" ] && [ "$(ls "$merged" | wc -l)" -le "$max_saved" ]; then
        rm -rf "Fixtures/fuzz/$target/corpus"
        mv "$merged" "Fixtures/fuzz/$target/corpus"
    else
        echo "the minimized corpus of $target has more than $max_saved files: Fixtures/fuzz/$target/corpus left as it was"
    fi

    # Fork mode reports "#RUNS: cov: N ft: N corp: N exec/s: N oom/timeout/crash: a/b/c time: Ns".
    last=$(grep -E '^#[0-9]+: cov: ' "$log" | tail -n 1 || true)
    runs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    failures=$(sed -nE 's/.*oom\/timeout\/crash: ([0-9]+\/[0-9]+\/[0-9]+).*/\1/p' <<<"$last")
    elapsed=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$last")
    rate=$([ -n "$elapsed" ] && [ "$elapsed" -gt 0 ] && echo $((runs / elapsed)) || echo "?")
    saved="$(ls "Fixtures/fuzz/$target/corpus" | wc -l) files, $(du -sk "Fixtures/fuzz/$target/corpus" | cut -f1) KB"
    line="$target: ${elapsed:-?}s, ${runs:-?} executions (${rate}/s), cov ${cov:-?} ft ${ft:-?}, oom/timeout/crash ${failures:-?}, new crashers $found, saved corpus $saved, exit $status"
    echo "$line"
    summary+=("$line")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
ls Fixtures/fuzz/*/crashers/ 2>/dev/null | grep -q . && echo "crashers: Fixtures/fuzz/*/crashers/ (replayed by swift test --filter Fuzz)"
exit 0
