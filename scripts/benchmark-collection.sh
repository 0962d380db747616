#!/usr/bin/env bash
# What the collection rules (duplicate-value, slug-collision, broken-reference, date-order) cost: lints a
# generated corpus with the embedded default, and with the same configuration but those four rules off,
# interleaved, and prints the medians of wall time, CPU time and peak RSS, their ratio, and the median and range
# of each round's ratio of CPU times.
#
#   scripts/benchmark-collection.sh [--notes N] [--runs R] [--work DIR] [--binary PATH]
#
#   --notes N     notes in the corpus (default 10000); 1 % take an earlier note's title, 10 % name an earlier
#                 note in `series: "[[…]]"` (1 % of those a note that does not exist)
#   --runs R      timed runs of each configuration (default 5)
#   --work DIR    where the corpus and the configurations go (default $TMPDIR/notelint-collection-bench)
#   --binary P    the notelint to time (default .build/release/notelint; build it with `swift build -c release`)
#   --cache       lint as a first run does by default: with the result cache, emptied before each run (written,
#                 never read); without it, `--no-cache`
#   --instructions  also count the instructions of one run of each (valgrind's callgrind, `--jobs 1`): the figure
#                 that does not move with the machine's load (about 60 times slower than a run)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NOTES=10000
RUNS=5
WORK="${TMPDIR:-/tmp}/notelint-collection-bench"
BINARY="$ROOT/.build/release/notelint"
INSTRUCTIONS=0
CACHE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --notes) NOTES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --binary) BINARY="$2"; shift 2 ;;
    --instructions) INSTRUCTIONS=1; shift ;;
    --cache) CACHE=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$BINARY" ] || { echo "no notelint at $BINARY (swift build -c release)" >&2; exit 2; }

corpus="$WORK/corpus-$NOTES"
if [ ! -f "$corpus/manifest.jsonl" ]; then
  rm -rf "$corpus"
  python3 "$ROOT/Benchmarks/corpus/generate_corpus.py" "$corpus" --notes "$NOTES" --duplicate-rate 0.01 --reference-rate 0.1 >&2
fi

# Both configurations are the embedded default (Rules/), one with the collection rules off.
config="$WORK/config"
rm -rf "$config" && mkdir -p "$config"
cp "$ROOT"/Rules/* "$config/"
cp "$config/default.lint.yml" "$config/with.lint.yml"
{ cat "$config/default.lint.yml"; printf '  %s: off\n' date-order broken-reference; } > "$config/without.lint.yml"
# The default names duplicate-value and slug-collision with options: turned off in place.
python3 - "$config/without.lint.yml" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
for rule in ("duplicate-value", "slug-collision"):
    text = re.sub(rf"\n  {rule}:\n(    .*\n)+", f"\n  {rule}: off\n", text)
open(path, "w").write(text)
PY

measure() {  # prints "seconds peak-KB cpu-seconds"
  local cache=(--no-cache)
  if [ "$CACHE" = 1 ]; then
    rm -rf "$WORK/cache-$1"
    cache=(--cache-dir "$WORK/cache-$1")
  fi
  /usr/bin/time -f "%e %M %U %S" "$BINARY" lint "${cache[@]}" --jobs 0 --config "$config/$1.lint.yml" "$corpus" \
    >/dev/null 2>"$WORK/time.txt" || true
  tail -1 "$WORK/time.txt" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
}

: > "$WORK/without.tsv"
: > "$WORK/with.tsv"
measure with >/dev/null   # warm the page cache
for run in $(seq "$RUNS"); do
  if [ $((run % 2)) -eq 1 ]; then
    measure without >> "$WORK/without.tsv"; measure with >> "$WORK/with.tsv"
  else
    measure with >> "$WORK/with.tsv"; measure without >> "$WORK/without.tsv"
  fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
row() {
  local file="$WORK/$1.tsv"
  printf '%s\t%s\t%s\t%s\n' "$1" "$(cut -d' ' -f1 "$file" | median)" "$(cut -d' ' -f3 "$file" | median)" \
    "$(cut -d' ' -f2 "$file" | median | awk '{ printf "%.0f", $1 / 1024 }')"
}
without=$(row without)
with=$(row with)
[ "$CACHE" = 1 ] && echo "each run a first run with the result cache (written to an empty folder)" || echo "each run with --no-cache"
echo "| configuration | notes | seconds | CPU s | peak RSS MB |"
echo "|---|---|---|---|---|"
for line in "$without" "$with"; do
  IFS=$'\t' read -r name seconds cpu rss <<<"$line"
  label=$([ "$name" = with ] && echo "default (collection rules on)" || echo "collection rules off")
  echo "| $label | $NOTES | $seconds | $cpu | $rss |"
done
IFS=$'\t' read -r _ s0 c0 _ <<<"$without"
IFS=$'\t' read -r _ s1 c1 r1 <<<"$with"
awk -v s0="$s0" -v s1="$s1" -v c0="$c0" -v c1="$c1" -v r1="$r1" 'BEGIN {
  printf "\ncollection rules add %+.1f %% wall time, %+.1f %% CPU time (goal: at most +15 %%); peak RSS %d MB (goal: at most 100 MB)\n",
    (s1 / s0 - 1) * 100, (c1 / c0 - 1) * 100, r1 }'
# The machine's speed drifts during a batch; the two runs of one round ran side by side, so each round's ratio
# cancels the drift that the medians above carry.
ratios=$(paste -d' ' "$WORK/with.tsv" "$WORK/without.tsv" | awk '{ printf "%.4f\n", ($6 > 0 ? $3 / $6 : 1) }' | sort -n)
awk -v median="$(median <<<"$ratios")" -v low="$(head -1 <<<"$ratios")" -v high="$(tail -1 <<<"$ratios")" -v rounds="$RUNS" 'BEGIN {
  printf "CPU time, each round on against off: median %+.1f %%, from %+.1f %% to %+.1f %% (%d rounds)\n",
    (median - 1) * 100, (low - 1) * 100, (high - 1) * 100, rounds }'
# How far that median may be from the machine's own, at this many rounds: the medians of 10,000 resamples of the
# rounds (drawn with replacement, a fixed seed), their middle 95 %.
python3 - "$WORK/with.tsv" "$WORK/without.tsv" <<'PY'
import random, statistics, sys
on = [float(line.split()[2]) for line in open(sys.argv[1]) if line.strip()]
off = [float(line.split()[2]) for line in open(sys.argv[2]) if line.strip()]
ratios = [a / b for a, b in zip(on, off) if b > 0]
if len(ratios) >= 5:
    random.seed(1)
    medians = sorted(statistics.median(random.choices(ratios, k=len(ratios))) for _ in range(10000))
    print("  its 95 %% interval (bootstrap): %+.1f %% to %+.1f %%" % ((medians[249] - 1) * 100, (medians[9749] - 1) * 100))
PY

if [ "$INSTRUCTIONS" = 1 ]; then
  command -v valgrind >/dev/null || { echo "--instructions needs valgrind (apt-get install valgrind)" >&2; exit 2; }
  count() {  # instructions of one run, with the given configuration
    # Swift seeds its hashing anew in each process, which moves the count by a few tenths of a percent from run to
    # run; with the seed fixed, a count is the same every time.
    SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BINARY" lint --no-cache --jobs 1 --config "$config/$1.lint.yml" \
      "$corpus" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' || true  # exit 1: findings
  }
  i0=$(count without)
  i1=$(count with)
  awk -v i0="$i0" -v i1="$i1" 'BEGIN {
    printf "instructions (--jobs 1): %.2f G off, %.2f G on: collection rules add %+.1f %%\n", i0 / 1e9, i1 / 1e9, (i1 / i0 - 1) * 100 }'
fi
