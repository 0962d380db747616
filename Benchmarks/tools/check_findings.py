#!/usr/bin/env python3
"""Compares a linter's findings on a generated corpus with the corpus manifest.

    check_findings.py CORPUS REPORT.json [--name NAME]

REPORT.json is notelint's `--format json` document (or the Python checker's, which has the same shape):
{"diagnostics": [{"path": ..., "rule": ..., "message": ..., "line": ...}, ...]}. Paths are taken relative to
CORPUS. Prints, for each defect kind, how many defective notes got the expected rule; lists findings on notes
generated without a defect (false findings) and defective notes that were missed. Exits 1 when there are any.
"""
import argparse
import collections
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("report")
    parser.add_argument("--name", default="notelint")
    parser.add_argument("--show", type=int, default=15, help="false findings and misses to list")
    args = parser.parse_args()
    corpus = os.path.realpath(args.corpus)
    manifest = {}
    with open(os.path.join(corpus, "manifest.jsonl"), encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            manifest[entry["path"]] = entry
    with open(args.report, encoding="utf-8") as report:
        diagnostics = json.load(report)["diagnostics"]
    by_path = collections.defaultdict(list)
    for diagnostic in diagnostics:
        path = diagnostic["path"]
        path = os.path.relpath(os.path.realpath(path), corpus) if os.path.isabs(path) or os.path.exists(path) else path
        by_path[path].append(diagnostic)

    found = collections.Counter()
    total = collections.Counter()
    misses, false_findings = [], []
    for path, entry in sorted(manifest.items()):
        got = by_path.get(path, [])
        if entry["defect"] is None:
            false_findings += [(path, d) for d in got]
            continue
        total[entry["defect"]] += 1
        if any(d["rule"] == entry["expect"] for d in got):
            found[entry["defect"]] += 1
        else:
            misses.append((path, entry, got))
        false_findings += [(path, d) for d in got if d["rule"] != entry["expect"]]
    unknown = sorted(set(by_path) - set(manifest))

    print(f"{args.name}: {len(manifest)} notes, {sum(total.values())} with a defect, {len(diagnostics)} findings")
    for kind in sorted(total):
        print(f"  {kind:<14} found {found[kind]}/{total[kind]}")
    rules = collections.Counter(d["rule"] for _, d in false_findings)
    print(f"  false findings (on good notes, or an unexpected rule on a defective one): {len(false_findings)}"
          + (f" by rule {dict(rules)}" if rules else ""))
    for path, diagnostic in false_findings[:args.show]:
        print(f"    {path}:{diagnostic.get('line', '?')}: {diagnostic['rule']}: {diagnostic['message']}")
    print(f"  missed defects: {len(misses)}")
    for path, entry, got in misses[:args.show]:
        print(f"    {path}: {entry['defect']} ({entry['detail']}) -> got {[d['rule'] for d in got] or 'nothing'}")
    if unknown:
        print(f"  findings on files outside the manifest: {len(unknown)}")
    sys.exit(1 if misses or false_findings or unknown else 0)


if __name__ == "__main__":
    main()
