#!/usr/bin/env bash
# Lints the five real corpora in ../shared/corpora/ with their configurations in Tests/Corpora/ and prints
# how many findings each rule reports in each corpus, then a total per corpus.
#
#   scripts/lint-corpora.sh [NOTELINT-BINARY]
#
# The binary defaults to .build/debug/notelint (run `swift build` first). Dates are judged as of a fixed day
# (NOTELINT_NOW, default 2026-11-26) so that counts do not drift. A crash or a configuration error stops the script.
set -euo pipefail

binary="${1:-}"
# A binary given relative to the caller's folder stays valid after moving to the repository root.
if [ -n "$binary" ] && [ "${binary#/}" = "$binary" ]; then binary="$PWD/$binary"; fi
cd "$(dirname "$0")/.."
binary="${binary:-.build/debug/notelint}"
now="${NOTELINT_NOW:-2026-11-26}"
corpora_root="${CORPORA:-../shared/corpora}"
corpora=(dendron-site 11ty-website opentelemetry.io pingcap-docs-cn rust-blog)

if [ ! -x "$binary" ]; then
  echo "no notelint binary at $binary (build with \`swift build\` or pass its path)" >&2
  exit 2
fi
if [ ! -d "$corpora_root" ]; then
  echo "no corpora at $corpora_root (set CORPORA to their folder)" >&2
  exit 2
fi

output=$(mktemp -d)
trap 'rm -rf "$output"' EXIT

for corpus in "${corpora[@]}"; do
  status=0
  "$binary" lint --config "Tests/Corpora/$corpus.lint.yml" --format json --now "$now" "$corpora_root/$corpus" \
    >"$output/$corpus.json" 2>"$output/$corpus.err" || status=$?
  # 0: no errors, 1: errors found; anything else is a crash or a usage/configuration problem.
  if [ "$status" -gt 1 ]; then
    echo "notelint failed on $corpus (exit status $status):" >&2
    head -20 "$output/$corpus.err" >&2
    exit 1
  fi
done

python3 - "$output" "${corpora[@]}" <<'PY'
import collections
import json
import sys

folder, corpora = sys.argv[1], sys.argv[2:]
rows = []
for corpus in corpora:
    with open(f"{folder}/{corpus}.json", encoding="utf-8") as file:
        report = json.load(file)
    counts = collections.Counter((d["rule"], d["severity"]) for d in report["diagnostics"])
    summary = report["summary"]
    print(f"{corpus}: {summary['filesChecked']} files checked, {summary['filesWithFindings']} with findings")
    for (rule, severity), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {rule:28} {severity:8} {count:6}")
    total = sum(counts.values())
    print(f"  {'total':28} {'':8} {total:6}")
    rows.append((corpus, summary["filesChecked"], total))
print()
print(f"{'corpus':20} {'files':>6} {'findings':>9}")
for corpus, files, total in rows:
    print(f"{corpus:20} {files:6} {total:9}")
PY
