#!/usr/bin/env python3
"""Changes one note of a generated corpus the way a commit would: its tags become plain dictionary words.

    change_one_note.py CORPUS [--tags "war, korean-war, strategy"]

Picks the first note of CORPUS/manifest.jsonl generated without a defect whose tags are one flow list on one
line (`tags: [a, b]`) and whose lines end in LF, replaces that line with `tags: [TAGS]` and prints the note's
path relative to CORPUS. Every other byte of the note is kept. The same corpus gives the same note.
"""
import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--tags", default="war, korean-war, strategy")
    args = parser.parse_args()
    with open(os.path.join(args.corpus, "manifest.jsonl"), encoding="utf-8") as manifest:
        for line in manifest:
            entry = json.loads(line)
            if entry["defect"] is not None:
                continue
            path = os.path.join(args.corpus, entry["path"])
            with open(path, "rb") as note:
                text = note.read()
            if b"\r" in text:
                continue
            lines = text.split(b"\n")
            # The front matter: from the opening fence to the next line that is `---`.
            if not lines or lines[0] != b"---" or b"---" not in lines[1:]:
                continue
            end = lines.index(b"---", 1)
            found = [i for i in range(1, end) if lines[i].startswith(b"tags: [") and lines[i].endswith(b"]")]
            if len(found) != 1:
                continue
            lines[found[0]] = b"tags: [" + args.tags.encode("utf-8") + b"]"
            with open(path, "wb") as note:
                note.write(b"\n".join(lines))
            print(entry["path"])
            return
    sys.exit(f"{args.corpus}: no note without a defect has its tags in one flow list")


if __name__ == "__main__":
    main()
