#!/usr/bin/env bash
# Measures tag-spelling per kind of slip: plants misspelt tags in a collection made by the benchmark's generator,
# lints it with and without the Hunspell dictionary, and prints recall per kind of slip and evidence, and precision
# on clean tags (scripts/tag-spelling-evaluation.py does the planting and counting).
#
#   scripts/evaluate-tag-spelling.sh [--binary PATH] [--notes N] [--seed S] [--per-cell K] [--misses] [--json FILE]
#
#   --binary PATH   the notelint to measure (default .build/debug/notelint; run `swift build` first)
#   --notes N       notes in the generated collection (default 3000)
#   --seed S        generator and planter seed (default 1)
#   --per-cell K    slips planted per kind and band (default 60)
#   --misses        also list every missed slip, every wrong first suggestion and every false finding
#   --json FILE     also write the counts as JSON
#
# Kinds of slip: truncation at the end (1-3 letters) and short (a one-word tag cut to 3-4 letters), a dropped,
# doubled, swapped or wrong letter (a neighbouring key), a missing hyphen between the two words of a tag, a hyphen
# splitting a word; `_` or a space for `-` and capitals are tag-format's to report and counted for it. Each is
# planted in tags the collection uses once, twice and often (five notes or more), each planted tag alone in a note
# of its own, and only when the word it changes is not a word the dictionary accepts.
#
# Columns: the band of the intended tag and whether the dictionary is on (`dictionary: false` in the configuration,
# and NOTELINT_IGNORE_SYSTEM_DICTIONARIES=1). A `*` marks where evidence exists: a tag used twice or more is
# trusted by the collection; a tag used once has the dictionary (when on) to vouch for its words, except for a
# stub of 3-4 letters, which starts too many words. `right` is the share of findings whose first suggestion is the
# intended tag.
#
# Precision: every tag of the corpora in ../shared/corpora (read with the keys of Tests/Corpora/tags/*.lint.yml;
# rust-blog's front matter is TOML without tags) and the words opentelemetry.io's front matter lists under
# `cSpell:ignore`, each planted alone in a note of the same collection (used once, so with no evidence for it),
# and the generated collection's own tags. Needs python3 with PyYAML, and libhunspell with the en_US dictionary.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
binary="$ROOT/.build/debug/notelint"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --notes|--seed|--per-cell|--json) args+=("$1" "$2"); shift 2 ;;
    --misses) args+=("$1"); shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ ! -x "$binary" ]; then
  echo "no notelint binary at $binary (build with \`swift build\` or pass --binary)" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$ROOT/scripts/tag-spelling-evaluation.py" "$binary" "$work" --corpora "${CORPORA:-$ROOT/../shared/corpora}" "${args[@]}"
