#!/usr/bin/env python3
"""Compare `notelint dump --untyped` with PyYAML's libyaml-based BaseLoader on the real-world corpora.

Both read every scalar as a string, so their data must be identical, key order included, for every front matter
PyYAML can parse. Where PyYAML rejects a front matter, notelint must report a positioned YAML syntax problem
(or, for a mapping used as a key, which PyYAML cannot hash, load it). Prints the counts and the time each side
took, and exits non-zero on any disagreement.

Usage (from the repository root):
    python3 scripts/compare-pyyaml.py [--notelint PATH] [CORPUS_DIR ...]
The binary defaults to $NOTELINT, else .build/release/notelint (built with `swift build -c release` if absent).
The corpora default to every folder of ../shared/corpora.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPORA = os.path.join(os.path.dirname(REPO), "shared", "corpora")
NOTE_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRECTORIES = {".git", "node_modules"}
LINE_BREAK = re.compile(rb"\r\n|\r|\n")
OPENING_FENCE = re.compile(rb"---[ \t]*")
CLOSING_FENCE = re.compile(rb"(---|\.\.\.)[ \t]*")


def find_binary(explicit):
    path = explicit or os.environ.get("NOTELINT")
    if path:
        return path
    path = os.path.join(REPO, ".build", "release", "notelint")
    if not os.path.exists(path):
        print("building notelint (release)…", file=sys.stderr)
        subprocess.run(["swift", "build", "-c", "release", "--product", "notelint"], cwd=REPO, check=True)
    return path


def front_matter(data):
    """The bytes between a first-line `---` and the next `---` or `...` line, or None.

    The same rule notelint's splitter applies: optional BOM, fences alone on their line with trailing blanks
    allowed, LF, CRLF or CR line ends.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = []
    position = 0
    for match in LINE_BREAK.finditer(data):
        lines.append((position, match.start()))
        position = match.end()
    lines.append((position, len(data)))
    first_start, first_end = lines[0]
    if not OPENING_FENCE.fullmatch(data, first_start, first_end):
        return None
    for start, end in lines[1:]:
        if CLOSING_FENCE.fullmatch(data, start, end):
            return data[lines[1][0]:start]
    return None


def same_position(error, problem):
    """Whether PyYAML's error mark, relative to the front matter, is notelint's file position.

    The front matter starts on line 2, after the opening fence; both count columns in characters.
    """
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return True
    return (mark.line + 2, mark.column + 1) == (problem["line"], problem["column"])


def describe_mark(error):
    mark = getattr(error, "problem_mark", None)
    return f"file line {mark.line + 2}, column {mark.column + 1}" if mark else "no position"


def same(a, b):
    """Equal values, with mappings also equal in key order."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a.keys()) == list(b.keys()) and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def python_walk(root):
    found = []
    for directory, subdirectories, files in os.walk(root, followlinks=False):
        subdirectories[:] = [name for name in subdirectories if name not in SKIPPED_DIRECTORIES]
        found.extend(os.path.join(directory, name) for name in files
                     if name.endswith(NOTE_SUFFIXES) and name not in NOTE_SUFFIXES)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notelint", help="path of the notelint binary")
    parser.add_argument("corpora", nargs="*", help="folders to compare (default: every corpus)")
    options = parser.parse_args()
    if not options.corpora:
        if not os.path.isdir(DEFAULT_CORPORA):
            sys.exit(f"missing {DEFAULT_CORPORA}: the shared folder must sit next to the repository")
        options.corpora = sorted(os.path.join(DEFAULT_CORPORA, name) for name in os.listdir(DEFAULT_CORPORA)
                                 if os.path.isdir(os.path.join(DEFAULT_CORPORA, name)))
    binary = find_binary(options.notelint)

    # Best of three runs, so that the first one's cold file cache does not decide the number.
    notelint_seconds = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        output = subprocess.run([binary, "dump", "--untyped", *options.corpora], check=True, capture_output=True).stdout
        notelint_seconds = min(notelint_seconds, time.perf_counter() - started)
    records = [json.loads(line) for line in output.splitlines()]

    counts = {"agree": 0, "disagree": 0, "pyyaml-error": 0, "notelint-problem": 0}
    disagreements = []
    notes = []

    walked = sorted(path for corpus in options.corpora for path in python_walk(corpus))
    if walked != sorted(record["path"] for record in records):
        disagreements.append("notelint and os.walk found different files")

    pyyaml_seconds = 0.0
    for record in records:
        path = record["path"]
        problems = record["problems"]
        with open(path, "rb") as handle:
            block = front_matter(handle.read())
        error = None
        expected = None
        try:
            text = block.decode("utf-8") if block is not None else None
        except UnicodeDecodeError as decode_error:
            text, error = None, decode_error
        if text is not None:
            started = time.perf_counter()
            try:
                expected = yaml.load(text, Loader=yaml.CBaseLoader)
            except yaml.YAMLError as yaml_error:
                error = yaml_error
            pyyaml_seconds += time.perf_counter() - started
        if error is not None:
            counts["pyyaml-error"] += 1
            reason = str(error).splitlines()[0]
            syntax = [p for p in problems if p["kind"] in ("yaml-syntax", "invalid-utf8") and p["line"] >= 1]
            if "unhashable" in str(error):
                notes.append(f"{path}: PyYAML cannot hash a mapping used as a key; notelint loads it "
                             f"({'with problems' if problems else 'no problem'})")
            elif syntax and not same_position(error, syntax[0]):
                counts["disagree"] += 1
                disagreements.append(f"{path}: PyYAML reports {reason} at {describe_mark(error)}, notelint at line "
                                     f"{syntax[0]['line']}, column {syntax[0]['column']}")
            elif syntax:
                notes.append(f"{path}: PyYAML: {reason}; notelint: line {syntax[0]['line']}, "
                             f"column {syntax[0]['column']}: {syntax[0]['message']}")
            else:
                counts["disagree"] += 1
                disagreements.append(f"{path}: PyYAML rejects it ({reason}) but notelint reports no syntax problem")
            continue
        if problems:
            counts["notelint-problem"] += 1
            notes.append(f"{path}: notelint problems: " + "; ".join(p["kind"] for p in problems))
        if same(record["frontMatter"], expected):
            counts["agree"] += 1
        else:
            counts["disagree"] += 1
            disagreements.append(f"{path}: notelint {json.dumps(record['frontMatter'], ensure_ascii=False)[:300]}"
                                 f" vs PyYAML {json.dumps(expected, ensure_ascii=False)[:300]}")

    for line in notes:
        print("note:", line)
    for line in disagreements:
        print("DISAGREE:", line)
    print(f"files: {len(records)} in {len(options.corpora)} corpora")
    print("  ".join(f"{name}: {number}" for name, number in counts.items()))
    print("  (agree + disagree + pyyaml-error = files; notelint-problem counts files PyYAML parsed that notelint"
          " flagged, such as duplicate keys, and is also in agree or disagree)")
    print(f"notelint dump --untyped (whole run in one process: walk, read, parse, JSON; best of 3): {notelint_seconds:.3f} s")
    print(f"PyYAML CBaseLoader (yaml.load calls only): {pyyaml_seconds:.3f} s")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
