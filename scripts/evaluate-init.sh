#!/usr/bin/env bash
# Runs `notelint init` on a copy of each real-world corpus (../shared/corpora), then `notelint lint`, and prints
# the findings per rule next to the embedded default's on the same notes. The corpora are never written: each is
# copied into a scratch folder first.
#
#   scripts/evaluate-init.sh [NOTELINT] [CORPORA]     (defaults: .build/debug/notelint, ../shared/corpora)
#
# Set KEEP=1 to keep the scratch folder, whose findings.txt files hold every finding for reading by hand.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
notelint=$(realpath "${1:-$here/.build/debug/notelint}")
corpora=$(realpath "${2:-$here/../shared/corpora}")
today=2026-12-07
scratch=$(mktemp -d)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$scratch"' EXIT

# Generators the corpora were written for; the corpora keep only their .md files, so nothing can be detected.
generator_of() {
    case "$1" in
        opentelemetry.io) echo hugo ;;
        11ty-website) echo eleventy ;;
        *) echo "" ;;
    esac
}

counts() {  # findings per rule from a JSON report on stdin, as "rule count" lines
    python3 -c 'import json,sys,collections
c=collections.Counter(d["rule"] for d in json.load(sys.stdin)["diagnostics"])
for r,n in sorted(c.items(), key=lambda x:(-x[1],x[0])): print(r,n)'
}

printf '%-18s %-22s %9s %9s\n' corpus rule default init
for corpus_path in "$corpora"/*/; do
    corpus=$(basename "$corpus_path")
    cp -r "$corpus_path" "$scratch/$corpus"
    (cd "$scratch" && "$notelint" lint --no-cache --now "$today" --format json "$corpus" || true) | counts > "$scratch/$corpus.default"
    generator=$(generator_of "$corpus")
    (cd "$scratch/$corpus" && "$notelint" init ${generator:+--generator "$generator"} --now "$today" . > "$scratch/$corpus.init.txt" 2>&1)
    (cd "$scratch/$corpus" && "$notelint" lint --no-cache --now "$today" --format json . || true) | counts > "$scratch/$corpus.init"
    (cd "$scratch/$corpus" && "$notelint" lint --no-cache --now "$today" --format concise . || true) > "$scratch/$corpus.findings.txt"
    total_default=$(awk '{s+=$2} END {print s+0}' "$scratch/$corpus.default")
    total_init=$(awk '{s+=$2} END {print s+0}' "$scratch/$corpus.init")
    for rule in $(cat "$scratch/$corpus.default" "$scratch/$corpus.init" | awk '{print $1}' | sort -u); do
        printf '%-18s %-22s %9s %9s\n' "$corpus" "$rule" \
            "$(awk -v r="$rule" '$1==r {print $2}' "$scratch/$corpus.default" | grep . || echo 0)" \
            "$(awk -v r="$rule" '$1==r {print $2}' "$scratch/$corpus.init" | grep . || echo 0)"
    done
    printf '%-18s %-22s %9s %9s\n\n' "$corpus" TOTAL "$total_default" "$total_init"
done
[ "${KEEP:-0}" = 1 ] && echo "scratch folder kept: $scratch"
exit 0
