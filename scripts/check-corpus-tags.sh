#!/usr/bin/env bash
# Runs tag-spelling alone over the tags of the real corpora in ../shared/corpora/, with the configurations in
# Tests/Corpora/tags/ (each names the corpus's tag key and the shipped Rules/ vocabulary and replacement list),
# and prints per corpus: the distinct tags, how many tag-spelling flags, and each flagged tag with its suggestion.
#
#   scripts/check-corpus-tags.sh [NOTELINT-BINARY]
#
# The binary defaults to .build/debug/notelint (run `swift build` first). CORPORA overrides the corpora folder.
# The distinct tags are read with `notelint dump` from the notes the configuration includes; only string items
# of a list count, as that is what tag-spelling reads (a key holding a single string is listed separately).
# Needs python3 with PyYAML (to read the configurations' include and exclude globs).
#
# Every corpus note is linted in one run: with --config, cross-note evidence (tags used by other notes) comes
# from the notes linted, not from the configuration's folder, so linting a single note would lose it.
set -euo pipefail

binary="${1:-}"
# A binary given relative to the caller's folder stays valid after moving to the repository root.
if [ -n "$binary" ] && [ "${binary#/}" = "$binary" ]; then binary="$PWD/$binary"; fi
cd "$(dirname "$0")/.."
binary="${binary:-.build/debug/notelint}"
corpora_root="${CORPORA:-../shared/corpora}"
corpora=(dendron-site 11ty-website opentelemetry.io pingcap-docs-cn)

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
  config="Tests/Corpora/tags/$corpus.lint.yml"
  status=0
  "$binary" lint --config "$config" --format json "$corpora_root/$corpus" \
    >"$output/$corpus.lint.json" 2>"$output/$corpus.err" || status=$?
  # 0: nothing flagged, 1: findings; anything else is a crash or a usage/configuration problem.
  if [ "$status" -gt 1 ]; then
    echo "notelint lint failed on $corpus (exit status $status):" >&2
    head -20 "$output/$corpus.err" >&2
    exit 1
  fi
  if ! "$binary" dump "$corpora_root/$corpus" >"$output/$corpus.dump.jsonl" 2>"$output/$corpus.err"; then
    echo "notelint dump failed on $corpus:" >&2
    head -20 "$output/$corpus.err" >&2
    exit 1
  fi
done

python3 - "$output" "$corpora_root" "${corpora[@]}" <<'PY'
import collections
import fnmatch
import json
import os
import re
import sys

import yaml

folder, corpora_root, corpora = sys.argv[1], sys.argv[2], sys.argv[3:]


def glob_segments(pattern):
    """notelint's globs: gitignore-style, `**` spans segments, a pattern without `/` matches at any depth."""
    if pattern.startswith("./"):
        pattern = pattern[2:]
    if pattern.startswith("/"):
        pattern = pattern[1:]
    elif "/" not in pattern:
        pattern = "**/" + pattern
    if pattern.endswith("/"):
        pattern += "**"
    return [segment for segment in pattern.split("/") if segment]


def glob_matches(segments, parts):
    if not segments:
        return not parts
    if segments[0] == "**":
        return any(glob_matches(segments[1:], parts[skip:]) for skip in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], segments[0]) and glob_matches(segments[1:], parts[1:])


def included(path, config_folder, include, exclude):
    parts = [part for part in os.path.relpath(path, config_folder).split(os.sep) if part]
    return any(glob_matches(glob_segments(g), parts) for g in include) and not any(
        glob_matches(glob_segments(g), parts) for g in exclude
    )


tag_in_message = re.compile(r"tag `([^`]*)`")
rows = []
for corpus in corpora:
    config_path = f"Tests/Corpora/tags/{corpus}.lint.yml"
    with open(config_path, encoding="utf-8") as file:
        config = yaml.safe_load(file)
    key = (config.get("rules", {}).get("tag-spelling") or {}).get("key", "tags")
    include = config.get("include", ["**/*.md", "**/*.markdown"])
    exclude = config.get("exclude", [])
    config_folder = os.path.dirname(os.path.abspath(config_path))

    tag_notes = collections.Counter()  # distinct tag -> notes using it
    single_strings = collections.Counter()
    notes_with_list = 0
    with open(f"{folder}/{corpus}.dump.jsonl", encoding="utf-8") as file:
        for line in file:
            note = json.loads(line)
            front_matter = note.get("frontMatter")
            if not isinstance(front_matter, dict) or key not in front_matter:
                continue
            if not included(os.path.abspath(note["path"]), config_folder, include, exclude):
                continue
            value = front_matter[key]
            if isinstance(value, list):
                notes_with_list += 1
                for tag in {item for item in value if isinstance(item, str) and item}:
                    tag_notes[tag] += 1
            elif isinstance(value, str) and value:
                single_strings[value] += 1

    with open(f"{folder}/{corpus}.lint.json", encoding="utf-8") as file:
        report = json.load(file)
    flagged = {}  # tag -> (suggestion, evidence, notes)
    for diagnostic in report["diagnostics"]:
        if diagnostic["rule"] != "tag-spelling":
            continue
        match = tag_in_message.search(diagnostic["message"])
        tag = match.group(1) if match else "?"
        suggestion = (diagnostic.get("suggestions") or ["?"])[0]
        evidence = diagnostic["message"].rsplit("(", 1)[-1].rstrip(")")
        _, _, count = flagged.get(tag, (suggestion, evidence, 0))
        flagged[tag] = (suggestion, evidence, count + 1)

    checked = report["summary"]["filesChecked"]
    print(f"{corpus} (key `{key}`): {checked} notes checked, {notes_with_list} with a tag list")
    print(f"  distinct tags: {len(tag_notes)}")
    print(f"  tags flagged:  {len(flagged)}")
    for tag, (suggestion, evidence, count) in sorted(flagged.items()):
        print(f"    {tag} -> {suggestion}  ({evidence}; {count} note{'s' if count != 1 else ''})")
    if single_strings:
        shown = ", ".join(sorted(single_strings))
        print(f"  not checked: {len(single_strings)} single string{'s' if len(single_strings) != 1 else ''} under `{key}` ({shown})")
    rows.append((corpus, len(tag_notes), len(flagged)))

print()
print(f"{'corpus':20} {'distinct':>8} {'flagged':>8}")
for corpus, distinct, flagged_count in rows:
    print(f"{corpus:20} {distinct:8} {flagged_count:8}")
print(f"{'total':20} {sum(r[1] for r in rows):8} {sum(r[2] for r in rows):8}")
PY
