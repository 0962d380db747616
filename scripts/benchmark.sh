#!/usr/bin/env bash
# Benchmarks notelint against floors and peers on generated corpora; prints a Markdown table and the goal
# checks. Benchmarks/README.md explains the columns.
#
#   scripts/benchmark.sh [--notes N] [--large] [--runs R] [--seed S] [--work DIR] [--yamllint-notes N]
#                        [--startup-runs N] [--no-instructions] [--no-build] [--profile]
#
#   --notes N           notes in the main corpus (default 10000)
#   --large             also a 100,000-note corpus (notelint, floors, Python checker; adds about 20 minutes
#                       with 5 runs, 12 with --runs 3)
#   --large-notes N     its size (default 100000)
#   --runs R            timed runs of each tool, interleaved; the median is reported (default 5)
#   --seed S            corpus seed (default 1)
#   --defect-rate R     share of notes with a defect (default 0.05; 0 for a clean corpus)
#   --work DIR          scratch folder for corpora and results (default $TMPDIR/notelint-bench). It must not lie
#                       below a folder holding a .lint.yml: the corpora are linted with the embedded default.
#   --yamllint-notes N  yamllint lints the first N notes' front matter only (default 2000; it runs at about
#                       200 notes/s, and its rate is what is compared)
#   --startup-runs N    runs of each one-note measurement: start-up, `--version`, the commit hook (default 20)
#   --no-instructions   do not count instructions per note (perf's counter when the machine exposes it, else
#                       callgrind: one `lint --jobs 1` of the main corpus under valgrind, 1-2 minutes at 10k)
#   --no-build          use the existing .build/release/notelint
#   --profile           instead of timing: callgrind profiles of `notelint lint --jobs 1` on 2,000 generated
#                       notes (with the usual defects, and without any), top inclusive functions of Sources/
#
# Needs: swift, cc, libyaml-dev (scripts/setup.sh installs it), python3 with venv, GNU time (/usr/bin/time), git;
# perf or valgrind for the instruction count, valgrind for --profile. yamllint and PyYAML are installed into
# .build-bench/venv.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NOTES=10000
LARGE=0
LARGE_NOTES=100000
RUNS=5
SEED=1
DEFECT_RATE=0.05
WORK="${TMPDIR:-/tmp}/notelint-bench"
YAMLLINT_NOTES=2000
STARTUP_RUNS=20
BUILD=1
PROFILE=0
INSTRUCTIONS=1

while [ $# -gt 0 ]; do
  case "$1" in
    --notes) NOTES="$2"; shift 2 ;;
    --large) LARGE=1; shift ;;
    --large-notes) LARGE_NOTES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --defect-rate) DEFECT_RATE="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --yamllint-notes) YAMLLINT_NOTES="$2"; shift 2 ;;
    --startup-runs) STARTUP_RUNS="$2"; shift 2 ;;
    --no-instructions) INSTRUCTIONS=0; shift ;;
    --no-build) BUILD=0; shift ;;
    --profile) PROFILE=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*" >&2; }
die() { echo "benchmark: $*" >&2; exit 1; }

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
SCRATCH="$ROOT/.build-bench"
mkdir -p "$SCRATCH"

# The corpora must get the embedded default configuration: no .lint.yml in WORK or above it.
dir="$WORK"
while :; do
  [ -e "$dir/.lint.yml" ] && die "$dir/.lint.yml would configure the corpora; choose another --work"
  [ "$dir" = / ] && break
  dir="$(dirname "$dir")"
done

# -- tools --------------------------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  say "building notelint (release, linked as released: make release)"
  (cd "$ROOT" && make --no-print-directory release 2>&1 | tail -n 1) >&2
fi
NOTELINT="$ROOT/.build/release/notelint"
[ -x "$NOTELINT" ] || die "no $NOTELINT; run without --no-build"

FLOOR="$SCRATCH/libyaml_events"
if [ ! -x "$FLOOR" ] || [ "$ROOT/Benchmarks/floor/libyaml_events.c" -nt "$FLOOR" ]; then
  say "compiling the C floor"
  cc -O2 -o "$FLOOR" "$ROOT/Benchmarks/floor/libyaml_events.c" -lyaml
fi

VENV="$SCRATCH/venv"
if [ ! -x "$VENV/bin/yamllint" ]; then
  say "installing yamllint and PyYAML into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check yamllint pyyaml
fi
PYTHON="$VENV/bin/python"
"$PYTHON" -c 'import yaml, sys; sys.exit(0 if yaml.__with_libyaml__ else 1)' \
  || die "PyYAML in $VENV has no libyaml (CSafeLoader); the Python checker needs it"
YAMLLINT_CONFIG='{extends: default, rules: {line-length: disable, indentation: {indent-sequences: whatever}}}'

# -- corpora ------------------------------------------------------------------------------------------------
GENERATOR="$ROOT/Benchmarks/corpus/generate_corpus.py"
# corpus DIR NOTES [ARGS...]: generates once; regenerates when the generator or the arguments change.
corpus() {
  local dir="$1" notes="$2"; shift 2
  local stamp
  stamp="$(cat "$GENERATOR" | sha256sum | cut -c1-16) $notes $SEED $* $("$PYTHON" -c 'import yaml; print(yaml.__version__)')"
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then return; fi
  say "generating $notes notes in $dir"
  rm -rf "$dir"
  "$PYTHON" "$GENERATOR" "$dir" --notes "$notes" --seed "$SEED" "$@" >&2
  echo "$stamp" > "$dir/.stamp"
}

if [ "$PROFILE" = 1 ]; then
  command -v valgrind > /dev/null || die "--profile needs valgrind"
  for variant in defects clean; do
    dir="$WORK/corpus-2000-s$SEED-$variant"
    if [ "$variant" = clean ]; then corpus "$dir" 2000 --defect-rate 0; else corpus "$dir" 2000; fi
    say "callgrind: notelint lint --jobs 1 on 2,000 notes ($variant)"
    (cd "$WORK" && valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind-$variant.out" \
      "$NOTELINT" lint "$dir" --jobs 1 --color never > /dev/null 2> "$WORK/callgrind-$variant.log") || true
    grep -E "Collected" "$WORK/callgrind-$variant.log" >&2 || true
    python3 "$ROOT/Benchmarks/tools/callgrind_top.py" "$WORK/callgrind-$variant.out" --top 25
  done
  exit 0
fi

SUFFIX="$([ "$DEFECT_RATE" = 0.05 ] || echo "-d$DEFECT_RATE")"
MAIN="$WORK/corpus-$NOTES-s$SEED$SUFFIX"
corpus "$MAIN" "$NOTES" --defect-rate "$DEFECT_RATE"
label() { if [ $(($1 % 1000)) = 0 ]; then echo "$(($1 / 1000))k"; else echo "$1"; fi; }
LABEL_MAIN="$(label "$NOTES")"
if [ "$LARGE" = 1 ]; then
  BIG="$WORK/corpus-$LARGE_NOTES-s$SEED$SUFFIX"
  corpus "$BIG" "$LARGE_NOTES" --defect-rate "$DEFECT_RATE"
  LABEL_BIG="$(label "$LARGE_NOTES")"
fi

say "correctness on the generated corpus (not timed)"
(cd "$WORK" && "$NOTELINT" lint "$MAIN" --format json > "$WORK/notelint-$NOTES.json") || true
"$PYTHON" "$ROOT/Benchmarks/tools/check_findings.py" "$MAIN" "$WORK/notelint-$NOTES.json" --name notelint || true
"$PYTHON" "$ROOT/Benchmarks/peers/python_checker.py" "$MAIN" --format json > "$WORK/python-$NOTES.json" || true
"$PYTHON" "$ROOT/Benchmarks/tools/check_findings.py" "$MAIN" "$WORK/python-$NOTES.json" --name "python checker" || true
"$FLOOR" "$MAIN" >&2

EXTRACTED="$WORK/yaml-$NOTES-s$SEED$SUFFIX-$YAMLLINT_NOTES"
if [ ! -f "$EXTRACTED/.stamp" ] || [ "$(cat "$EXTRACTED/.stamp")" != "$(cat "$MAIN/.stamp")" ]; then
  rm -rf "$EXTRACTED"
  "$PYTHON" "$ROOT/Benchmarks/tools/extract_front_matter.py" "$MAIN" "$EXTRACTED" --limit "$YAMLLINT_NOTES" >&2
  cp "$MAIN/.stamp" "$EXTRACTED/.stamp"
fi
YAMLLINT_COUNT="$(find "$EXTRACTED" -name '*.yaml' | wc -l)"

# One-note start-up: a note whose tags are all in the shipped vocabulary or CJK (no dictionary), and one
# whose English tags send notelint to the Hunspell dictionary.
ONE="$WORK/one"
mkdir -p "$ONE/known" "$ONE/dictionary"
one_note() {
  cat <<EOF
---
title: Scheduling GPU jobs on a shared cluster
date: '2024-11-24'
draft: false
status: evergreen
tags: [$1]
summary: How we share eight GPUs between training and notebooks.
layout: post.njk
source: https://example.org/articles/gpu-scheduling
---

Body text.
EOF
}
# Written only when their text changes: the warm-cache row needs a note older than its first read (below).
write_if_changed() { if ! cmp -s - "$1" 2>/dev/null <<< "$2"; then printf '%s\n' "$2" > "$1"; fi; }
write_if_changed "$ONE/known/note.md" "$(one_note "kubernetes, nvidia, cuda, 朝鲜战争")"
write_if_changed "$ONE/dictionary/note.md" "$(one_note "scheduling, cluster, strategy")"
for variant in known dictionary; do
  (cd "$WORK" && "$NOTELINT" lint "$ONE/$variant/note.md" > /dev/null) \
    || die "the one-note start-up note ($variant) is not clean: $("$NOTELINT" lint "$ONE/$variant/note.md")"
done

# -- cache --------------------------------------------------------------------------------------------------
# The cache is on by default; every row but the cache rows runs with --no-cache.
HAS_CACHE=0
if "$NOTELINT" lint --help 2>&1 | grep -q -- '--no-cache'; then HAS_CACHE=1; fi
NO_CACHE=()
[ "$HAS_CACHE" = 1 ] && NO_CACHE=(--no-cache)
clear_cache() { rm -rf "$WORK/.notelint-cache" "$MAIN/.notelint-cache" ${BIG:+"$BIG/.notelint-cache"}; }
# --fix writes the notes: each fix run gets a fresh copy of the corpus (copied outside the timing).
FIX_COPY="$WORK/fix-copy"
fresh_copy() { rm -rf "$FIX_COPY"; cp -a "$1" "$FIX_COPY"; }

# -- commit hook --------------------------------------------------------------------------------------------
# The main corpus copied into a git repository, configured by the embedded rules copied in as its .lint.yml. A
# lint of the whole collection warms the cache; then one note is changed as a commit would change it (its tags
# become plain dictionary words) and staged. The hook's runs go from the repository's folder, as git runs them.
REPORT_NOTES=()
REPO="$WORK/repo-$NOTES-s$SEED$SUFFIX"
say "commit hook: $LABEL_MAIN notes in a git repository, $REPO"
rm -rf "$REPO"
cp -a "$MAIN" "$REPO"
cp "$ROOT"/Rules/* "$REPO/"
mv "$REPO/default.lint.yml" "$REPO/.lint.yml"
in_repo() {
  git -C "$REPO" -c user.name=benchmark -c user.email=benchmark@example.invalid -c commit.gpgsign=false \
    -c core.hooksPath=/dev/null -c core.looseCompression=1 "$@"
}
in_repo init --quiet
in_repo add --all
in_repo commit --quiet --message "Notes"
# A note whose time is within a second of its reading is read again on the next run (ResultCache): every note
# must be older than the run that warms the cache.
sleep 2
(cd "$REPO" && "$NOTELINT" lint --color never > /dev/null 2>&1) || true
HOOK_NOTE="$("$PYTHON" "$ROOT/Benchmarks/tools/change_one_note.py" "$REPO")"
in_repo add -- "$HOOK_NOTE"
sleep 2
# The first, untimed runs of the warm-cache rows: the changed note enters the cache, and they must be clean.
warm_up() {
  local dir="$1"; shift
  local output
  if ! output="$(cd "$dir" && "$NOTELINT" "$@" --color never 2>&1)"; then
    echo "warning: \`notelint $*\` in $dir is not clean:" >&2
    printf '%s\n' "$output" | head -n 20 >&2
    REPORT_NOTES+=("Not clean, so timed with its findings: \`notelint $*\`: $(printf '%s' "$output" | head -n 1)")
  fi
}
warm_up "$REPO" lint "$HOOK_NOTE"
warm_up "$REPO" lint --staged
warm_up "$ONE/dictionary" lint note.md

# -- timed runs ---------------------------------------------------------------------------------------------
RESULTS="$WORK/results-$(date +%Y%m%d-%H%M%S).tsv"
: > "$RESULTS"
TIMEFILE="$WORK/.time"

# measure CORPUS TOOL NOTES COMMAND...: one run under GNU time (wall seconds, peak RSS, user + system CPU
# seconds), appended to $RESULTS.
measure() {
  local corpus="$1" tool="$2" notes="$3"; shift 3
  (cd "$WORK" && /usr/bin/time -f "%e %M %U %S" -o "$TIMEFILE" "$@" > /dev/null 2>&1) || true
  if grep -q -E "terminated by signal|non-zero status ([2-9]|[1-9][0-9])" "$TIMEFILE"; then
    echo "warning: $tool on $corpus: $(head -n 1 "$TIMEFILE")" >&2
  fi
  local seconds rss user system cpu
  read -r seconds rss user system < <(tail -n 1 "$TIMEFILE")
  cpu="$(echo "$user $system" | awk '{printf "%.2f", $1 + $2}')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$corpus" "$tool" "$notes" "$seconds" "$rss" "$cpu" >> "$RESULTS"
  printf '  %-5s %-11s %8ss %8s KB %8ss CPU\n' "$corpus" "$tool" "$seconds" "$rss" "$cpu" >&2
}

# run_tool LABEL DIR NOTES TOOL
run_tool() {
  local label="$1" dir="$2" notes="$3" tool="$4"
  case "$tool" in
    nl-j0) measure "$label" "$tool" "$notes" "$NOTELINT" lint "$dir" --jobs 0 --color never "${NO_CACHE[@]}" ;;
    nl-j1) measure "$label" "$tool" "$notes" "$NOTELINT" lint "$dir" --jobs 1 --color never "${NO_CACHE[@]}" ;;
    nl-cold) clear_cache; measure "$label" "$tool" "$notes" "$NOTELINT" lint "$dir" --color never ;;
    nl-warm) (cd "$WORK" && "$NOTELINT" lint "$dir" > /dev/null 2>&1) || true
             measure "$label" "$tool" "$notes" "$NOTELINT" lint "$dir" --color never ;;
    nl-fix) fresh_copy "$dir"
            measure "$label" "$tool" "$notes" "$NOTELINT" lint "$FIX_COPY" --fix --color never "${NO_CACHE[@]}" ;;
    nl-fix-lint) fresh_copy "$dir"
            measure "$label" "$tool" "$notes" "$NOTELINT" lint "$FIX_COPY" --color never "${NO_CACHE[@]}" ;;
    c-floor) measure "$label" "$tool" "$notes" "$FLOOR" "$dir" ;;
    read-floor) measure "$label" "$tool" "$notes" \
                  sh -c 'find "$1" -name "*.md" -print0 | xargs -0 head -q -c 8192' sh "$dir" ;;
    python) measure "$label" "$tool" "$notes" "$PYTHON" "$ROOT/Benchmarks/peers/python_checker.py" "$dir" ;;
    yamllint) measure "$label" "$tool" "$YAMLLINT_COUNT" \
                "$VENV/bin/yamllint" -f parsable -d "$YAMLLINT_CONFIG" "$EXTRACTED" ;;
  esac
}

# rounds LABEL DIR NOTES TOOL...: RUNS rounds, each running every tool once; the order rotates per round.
rounds() {
  local label="$1" dir="$2" notes="$3"; shift 3
  local tools=("$@") count=$# round index
  for ((round = 0; round < RUNS; round++)); do
    say "round $((round + 1))/$RUNS on $label"
    for ((index = 0; index < count; index++)); do
      run_tool "$label" "$dir" "$notes" "${tools[(index + round) % count]}"
    done
  done
}

MAIN_TOOLS=(nl-j0 nl-j1 c-floor read-floor python yamllint nl-fix nl-fix-lint)
[ "$HAS_CACHE" = 1 ] && MAIN_TOOLS+=(nl-cold nl-warm)
rounds "$LABEL_MAIN" "$MAIN" "$NOTES" "${MAIN_TOOLS[@]}"
if [ "$LARGE" = 1 ]; then
  BIG_TOOLS=(nl-j0 nl-j1 c-floor read-floor python)
  [ "$HAS_CACHE" = 1 ] && BIG_TOOLS+=(nl-cold nl-warm)
  rounds "$LABEL_BIG" "$BIG" "$LARGE_NOTES" "${BIG_TOOLS[@]}"
fi

# measure_one CORPUS TOOL NOTES DIR COMMAND...: one short run from DIR, at microsecond resolution.
measure_one() {
  local corpus="$1" tool="$2" notes="$3" dir="$4"; shift 4
  (cd "$dir" && python3 "$ROOT/Benchmarks/tools/measure.py" "$RESULTS" "$corpus" "$tool" "$notes" -- "$@")
}
# cache_state DIR: names, sizes and times of the files in a cache folder; a warm run should leave them as they were.
cache_state() { find "$1" -type f -printf '%P %s %T@\n' 2>/dev/null | sort | cksum; }
declare -A CACHE_WRITES=()
# measure_warm CORPUS TOOL DIR COMMAND...: measure_one of one note, and counts the runs that wrote to DIR's cache.
measure_warm() {
  local corpus="$1" tool="$2" dir="$3"; shift 3
  local before
  before="$(cache_state "$dir/.notelint-cache")"
  measure_one "$corpus" "$tool" 1 "$dir" "$@"
  if [ "$(cache_state "$dir/.notelint-cache")" != "$before" ]; then
    CACHE_WRITES[$tool]=$((${CACHE_WRITES[$tool]:-0} + 1))
  fi
}

say "one note (start-up, --version, commit hook), $STARTUP_RUNS runs each"
for ((run = 0; run < STARTUP_RUNS; run++)); do
  measure_one one version 0 "$WORK" "$NOTELINT" --version
  for variant in known dictionary; do
    measure_one one "startup-$variant" 1 "$WORK" "$NOTELINT" lint "$ONE/$variant/note.md" --color never "${NO_CACHE[@]}"
  done
  measure_warm one startup-dictionary-warm "$ONE/dictionary" "$NOTELINT" lint note.md --color never
  measure_warm "$LABEL_MAIN repo" hook-path "$REPO" "$NOTELINT" lint "$HOOK_NOTE" --color never
  measure_warm "$LABEL_MAIN repo" hook-staged "$REPO" "$NOTELINT" lint --staged --color never
done
# The hook as it runs before a commit: the note was just edited, so it is read and checked again (the rows above
# repeat a run over an unchanged note). Its tags alternate between two sets of plain dictionary words.
HOOK_TAGS=("war, korean-war, strategy" "war, korean-war, strategy, history")
for ((run = 0; run < STARTUP_RUNS; run++)); do
  "$PYTHON" "$ROOT/Benchmarks/tools/change_one_note.py" "$REPO" --tags "${HOOK_TAGS[$(((run + 1) % 2))]}" > /dev/null
  measure_one "$LABEL_MAIN repo" hook-changed 1 "$REPO" "$NOTELINT" lint "$HOOK_NOTE" --color never
done
"$PYTHON" "$ROOT/Benchmarks/tools/change_one_note.py" "$REPO" --tags "${HOOK_TAGS[0]}" > /dev/null
for tool in "${!CACHE_WRITES[@]}"; do
  REPORT_NOTES+=("${CACHE_WRITES[$tool]} of $STARTUP_RUNS timed runs of $tool wrote to the cache folder (a warm run only reads it).")
  echo "warning: ${REPORT_NOTES[-1]}" >&2
done

# Instructions per note: one `lint --jobs 1` of the main corpus, counted by perf when the machine exposes the
# counter (not in most virtual machines), else by callgrind. Appended as a row with two more columns:
# INSTRUCTIONS, SOURCE.
if [ "$INSTRUCTIONS" = 1 ]; then
  COUNTED="$WORK/instructions.txt"
  count="" source=""
  if perf stat -x, -e instructions:u true 2>&1 > /dev/null | grep -q '^[0-9]'; then
    say "instructions: perf stat -e instructions:u, notelint lint --jobs 1 on $LABEL_MAIN"
    (cd "$WORK" && perf stat -x, -e instructions:u -o "$COUNTED" \
      "$NOTELINT" lint "$MAIN" --jobs 1 --color never "${NO_CACHE[@]}" > /dev/null 2>&1) || true
    count="$(awk -F, '$3 ~ /^instructions/ && $1 ~ /^[0-9]+$/ {print $1}' "$COUNTED")"
    source="perf stat -e instructions:u"
  elif command -v valgrind > /dev/null; then
    say "instructions: callgrind (no perf counter on this machine), notelint lint --jobs 1 on $LABEL_MAIN"
    (cd "$WORK" && valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind-instructions.out" \
      "$NOTELINT" lint "$MAIN" --jobs 1 --color never "${NO_CACHE[@]}" > /dev/null 2> "$COUNTED") || true
    count="$(sed -n 's/.*Collected : *\([0-9][0-9]*\).*/\1/p' "$COUNTED" | head -n 1)"
    source="callgrind"
  fi
  if [ -n "$count" ]; then
    printf '%s\tinstructions\t%s\t0\t0\t\t%s\t%s\n' "$LABEL_MAIN" "$NOTES" "$count" "$source" >> "$RESULTS"
    echo "  $LABEL_MAIN instructions $count ($source)" >&2
  else
    if [ -n "$source" ]; then why="$source gave no count (see $COUNTED)"
    else why="neither the instruction counter of perf nor valgrind is available"; fi
    REPORT_NOTES+=("Instructions per note not counted: $why.")
  fi
fi

# -- report -------------------------------------------------------------------------------------------------
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT with local changes"; fi
SWIFT_RUNTIME="$(ldd "$NOTELINT" 2>/dev/null | grep -q libswiftCore && echo 'Swift runtime linked dynamically' || echo 'Swift runtime linked statically')"
SYSTEM="$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release 2>/dev/null || true)"
MACHINE="$(date -u '+%Y-%m-%d %H:%M UTC'). Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), \
$(free -g | awk '/^Mem:/ {print $2}') GB RAM${SYSTEM:+, $SYSTEM}, load average at the end $(cut -d' ' -f1-3 /proc/loadavg). \
notelint $("$NOTELINT" --version 2>/dev/null | head -n 1) at commit $COMMIT, release build ($SWIFT_RUNTIME); \
cache: $([ "$HAS_CACHE" = 1 ] && echo yes || echo 'none (no --no-cache option)'). Corpus seed $SEED, $DEFECT_RATE defective."
say "results ($RESULTS)"
REPORT_ARGS=()
for note in "${REPORT_NOTES[@]}"; do REPORT_ARGS+=(--note "$note"); done
python3 "$ROOT/Benchmarks/tools/report.py" "$RESULTS" --machine "$MACHINE" --main "$LABEL_MAIN" --large "${LABEL_BIG:-100k}" \
  "${REPORT_ARGS[@]}" | tee "${RESULTS%.tsv}.md"
