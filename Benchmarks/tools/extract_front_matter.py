#!/usr/bin/env python3
"""Copies each note's front matter to a .yaml file, for linters that read YAML files only (yamllint).

    extract_front_matter.py CORPUS OUT [--limit N]

OUT mirrors CORPUS's folders; `a/b/note.md` becomes `a/b/note.yaml`, holding the opening `---` and the lines
up to (not including) the closing one. Notes without front matter are skipped. With --limit, only the first N
notes in sorted order are extracted.
"""
import argparse
import os


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    paths = []
    for folder, subfolders, files in os.walk(args.corpus):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        paths += [os.path.join(folder, name) for name in sorted(files) if name.endswith((".md", ".markdown"))]
    if args.limit is not None:
        paths = paths[:args.limit]
    written = 0
    for path in paths:
        with open(path, "rb") as note:
            lines = note.read().split(b"\n")
        if lines[0].rstrip(b"\r").lstrip(b"\xef\xbb\xbf") != b"---":
            continue
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip(b"\r \t") in (b"---", b"...")), None)
        if end is None:
            continue
        target = os.path.join(args.out, os.path.relpath(path, args.corpus))
        target = target[: target.rfind(".")] + ".yaml"
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(b"\n".join(lines[:end]) + b"\n")
        written += 1
    print(f"{written} front matters in {args.out}")


if __name__ == "__main__":
    main()
