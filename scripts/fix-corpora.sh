#!/usr/bin/env bash
# Runs `notelint lint --fix --unsafe-fixes` over copies of the five real corpora in ../shared/corpora/, twice each:
# with their configurations in Tests/Corpora/ and with the embedded default (the copies live in a temporary folder
# with no .lint.yml above it). Checks that fixing changed front matter only (bodies, BOMs and line breaks byte for
# byte the same, no file added or removed, no temporary file left) and that a second run changes nothing; prints
# the fixes per rule: the findings each rule reported before and after fixing, and the fixer's own total.
#
#   scripts/fix-corpora.sh [NOTELINT-BINARY]
#
# The binary defaults to .build/debug/notelint (run `swift build` first). Dates are judged as of a fixed day
# (NOTELINT_NOW, default 2026-11-26). KEEP=1 keeps the copies and reports for a look at the changes (their folder
# is printed). Exits 1 when a check fails, 2 when notelint cannot run.
set -euo pipefail

binary="${1:-}"
if [ -n "$binary" ] && [ "${binary#/}" = "$binary" ]; then binary="$PWD/$binary"; fi
cd "$(dirname "$0")/.."
repository="$PWD"
binary="${binary:-$repository/.build/debug/notelint}"
now="${NOTELINT_NOW:-2026-11-26}"
corpora_root="$(cd "${CORPORA:-../shared/corpora}" 2>/dev/null && pwd)" || {
  echo "no corpora at ${CORPORA:-../shared/corpora} (set CORPORA to their folder)" >&2
  exit 2
}
corpora=(dendron-site 11ty-website opentelemetry.io pingcap-docs-cn rust-blog)

if [ ! -x "$binary" ]; then
  echo "no notelint binary at $binary (build with \`swift build\` or pass its path)" >&2
  exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/notelint-fix-corpora.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "copies and reports kept in $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi
# The embedded default applies only when no .lint.yml is found from a note's folder up to /.
folder="$work"
while [ "$folder" != / ]; do
  if [ -f "$folder/.lint.yml" ]; then
    echo "$folder/.lint.yml would apply to the copies; set TMPDIR to a folder without one above it" >&2
    exit 2
  fi
  folder=$(dirname "$folder")
done

# notelint exits 0 or 1 (findings); anything else is a crash or a usage/configuration problem.
lint() {
  local output="$1"
  shift
  local status=0
  "$binary" lint --now "$now" "$@" >"$output" 2>"$output.err" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "notelint $* failed (exit status $status):" >&2
    head -20 "$output.err" >&2
    exit 2
  fi
}

for mode in configured default; do
  for corpus in "${corpora[@]}"; do
    copy="$work/$mode/$corpus"
    reports="$work/reports/$mode/$corpus"
    mkdir -p "$(dirname "$copy")" "$reports"
    cp -R "$corpora_root/$corpus" "$copy"
    options=()
    if [ "$mode" = configured ]; then options=(--config "$repository/Tests/Corpora/$corpus.lint.yml"); fi

    lint "$reports/before.json" --format json "${options[@]}" "$copy"
    lint "$reports/fix.txt" --fix --unsafe-fixes --format human --color never "${options[@]}" "$copy"
    lint "$reports/after.json" --format json "${options[@]}" "$copy"
    cp -R "$copy" "$copy.once"
    lint "$reports/fix-again.txt" --fix --unsafe-fixes --format human --color never "${options[@]}" "$copy"
    if ! diff -r "$copy.once" "$copy" >"$reports/second-run.diff"; then
      echo "$mode/$corpus: a second run changed more:" >&2
      head -40 "$reports/second-run.diff" >&2
      exit 1
    fi
    rm -rf "$copy.once"
    diff -r "$corpora_root/$corpus" "$copy" >"$reports/changes.diff" || true
  done
done

python3 - "$corpora_root" "$work" "${corpora[@]}" <<'PY'
import collections
import json
import os
import re
import sys

corpora_root, work, corpora = sys.argv[1], sys.argv[2], sys.argv[3:]
BOM = b"\xef\xbb\xbf"


def split(data):
    """(front matter through the closing fence line's content, the rest) the way notelint's splitter finds them:
    an optional BOM, `---` (trailing blanks allowed) alone on the first line, then the next `---` or `...` line."""
    start = 3 if data.startswith(BOM) else 0
    lines = re.split(rb"(\r\n|\n|\r)", data[start:])
    # lines alternates content and break: [content, break, content, break, ..., content]
    contents, offset, ends = [], start, []
    for index in range(0, len(lines), 2):
        contents.append(lines[index])
        offset += len(lines[index])
        ends.append(offset)
        if index + 1 < len(lines):
            offset += len(lines[index + 1])
    if not contents or contents[0].rstrip(b" \t") != b"---" or len(contents) < 2:
        return None
    for number in range(1, len(contents)):
        if contents[number].rstrip(b" \t") in (b"---", b"..."):
            # A last line without a break is a fence only at the end of the file; the regex split handles it.
            return data[: ends[number]], data[ends[number]:]
    return None


def breaks(data):
    crlf = data.count(b"\r\n")
    return (crlf, data.count(b"\n") - crlf, data.count(b"\r") - crlf)


failures = []
rows = []
for mode in ("configured", "default"):
    print(f"== {mode}: " + ("Tests/Corpora/<corpus>.lint.yml" if mode == "configured" else "the embedded default"))
    for corpus in corpora:
        original_root = os.path.join(corpora_root, corpus)
        fixed_root = os.path.join(work, mode, corpus)
        reports = os.path.join(work, "reports", mode, corpus)
        names = lambda root: {
            os.path.relpath(os.path.join(folder, name), root)
            for folder, _, files in os.walk(root) for name in files
        }
        before_names, after_names = names(original_root), names(fixed_root)
        for extra in sorted(after_names - before_names):
            failures.append(f"{mode}/{corpus}: new file {extra}")
        for missing in sorted(before_names - after_names):
            failures.append(f"{mode}/{corpus}: file gone {missing}")
        changed = 0
        for name in sorted(before_names & after_names):
            with open(os.path.join(original_root, name), "rb") as file:
                before = file.read()
            with open(os.path.join(fixed_root, name), "rb") as file:
                after = file.read()
            if before == after:
                continue
            changed += 1
            where = f"{mode}/{corpus}/{name}"
            split_before, split_after = split(before), split(after)
            if split_before is None or split_after is None:
                failures.append(f"{where}: changed, but front matter not found")
                continue
            if split_before[1] != split_after[1]:
                failures.append(f"{where}: the body changed")
            if before.startswith(BOM) != after.startswith(BOM):
                failures.append(f"{where}: the BOM changed")
            # A CRLF front matter gets no bare LF, an LF one no CRLF; lone CRs are never added.
            old, new = breaks(split_before[0]), breaks(split_after[0])
            if (old[1] == 0 and new[1] > 0) or (old[0] == 0 and new[0] > 0) or new[2] != old[2]:
                failures.append(f"{where}: line breaks changed: {old} -> {new} (CRLF, LF, CR)")
        with open(os.path.join(reports, "fix.txt"), encoding="utf-8") as file:
            text = file.read().strip()
        summary = text.splitlines()[-1] if text else ""
        match = re.search(r"fixed (\d+) findings? in (\d+) files?", summary)
        fixed_total, fixed_files = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        with open(os.path.join(reports, "fix-again.txt"), encoding="utf-8") as file:
            if "; fixed " in file.read():
                failures.append(f"{mode}/{corpus}: the second run fixed more")
        if fixed_files != changed:
            failures.append(f"{mode}/{corpus}: notelint says it fixed {fixed_files} files, {changed} changed")
        counts = {}
        for stage in ("before", "after"):
            with open(os.path.join(reports, f"{stage}.json"), encoding="utf-8") as file:
                report = json.load(file)
            counts[stage] = collections.Counter(d["rule"] for d in report["diagnostics"])
            counts[stage + "-fixable"] = collections.Counter(d["rule"] for d in report["diagnostics"] if d.get("fix"))
        files_checked = report["summary"]["filesChecked"]
        print(f"{corpus}: {files_checked} notes checked, {changed} changed; notelint: fixed {fixed_total} findings in {fixed_files} files")
        rules = sorted(set(counts["before-fixable"]) | {r for r in counts["before"] if counts["before"][r] != counts["after"][r]})
        if rules:
            print(f"  {'rule':22} {'before':>7} {'fixable':>8} {'after':>6} {'fixed':>6}")
        for rule in rules:
            before, after = counts["before"][rule], counts["after"][rule]
            print(f"  {rule:22} {before:7} {counts['before-fixable'][rule]:8} {after:6} {before - after:6}")
        rows.append((mode, corpus, files_checked, changed, fixed_total))
print()
print(f"{'mode':11} {'corpus':18} {'notes':>6} {'changed':>8} {'fixes':>6}")
for mode, corpus, files, changed, fixed in rows:
    print(f"{mode:11} {corpus:18} {files:6} {changed:8} {fixed:6}")
if failures:
    print(f"\n{len(failures)} problems:", file=sys.stderr)
    for failure in failures[:50]:
        print("  " + failure, file=sys.stderr)
    sys.exit(1)
print("\nonly front matter changed; a second run changed nothing")
PY
