#!/usr/bin/env python3
"""Plants defects a schema can catch in a generated collection, runs `notelint init` on it, lints it with the
inferred configuration and prints the recall of the planted defects and the findings on clean notes.

    scripts/evaluate-init-planted.py [--notes N] [--rate R] [--seed S] [--notelint PATH] [--keep]

The collection comes from the project's generator (Benchmarks/corpus/generate_corpus.py, with no defect of its
own); then a share R of the notes (default 0.05) each gets one planted defect, in turn:

  misspelt-key    a key renamed one or two edits away (`layout` -> `layuot`)   unknown-key
  wrong-type      `draft: 'no'`, a string where every other note has a boolean  wrong-type
  invalid-date    `date: 2023-02-30`                                            date-format
  outside-set     `status: evergren`, outside the values the notes use          enum-value
  truncated-tag   a frequent tag cut short (`strategy` -> `strateg`)            tag-spelling
  duplicated-key  `layout:` written twice                                       duplicate-key

`init` sees the planted notes too, as it would on a real collection. A planted defect counts as found when the
note gets a finding of the expected rule; a clean note counts against when it gets any error.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KINDS = ["misspelt-key", "wrong-type", "invalid-date", "outside-set", "truncated-tag", "duplicated-key"]
EXPECTED = {"misspelt-key": "unknown-key", "wrong-type": "wrong-type", "invalid-date": "date-format",
            "outside-set": "enum-value", "truncated-tag": "tag-spelling", "duplicated-key": "duplicate-key"}
MISSPELLINGS = {"layout": ["layuot", "layot", "Layout"], "summary": ["sumary", "summray", "Summary"],
                "status": ["staus", "stauts"], "title": ["tilte", "titel", "Title"]}
BAD_DATES = ["2023-02-30", "2021-13-01", "2022-04-31", "2019-00-10"]
STATUSES = ["seedling", "budding", "evergreen"]
OTHER_STATUSES = ["published", "archived", "wip", "done", "todo", "review", "final", "stale"]


def slip(word, rng):
    """One edit of `word`: a letter dropped, doubled or swapped with the next, or a capital."""
    i = rng.randrange(1, len(word) - 1)
    return rng.choice([word[:i] + word[i + 1:], word[:i] + word[i] + word[i:], word[:i] + word[i + 1] + word[i] + word[i + 2:],
                       word.capitalize()])


def generator_module():
    """The project's corpus generator, for its table of cuts that leave no English word."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("generate_corpus", os.path.join(ROOT, "Benchmarks", "corpus", "generate_corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TRUNCATIONS = generator_module().TRUNCATIONS


def split(text):
    """The front matter's lines and the rest of the note."""
    newline = "\r\n" if "\r\n" in text[:200] else "\n"
    lines = text.split(newline)
    end = lines.index("---", 1)
    return lines[1:end], lines[end:], newline


def tags_of(front):
    import yaml
    data = yaml.safe_load("\n".join(front))
    return [t for t in (data.get("tags") or []) if isinstance(t, str)]


def plant(kind, front, rng, tag_uses, used):
    """Changes the front matter's lines in place; returns a description, or None when the note cannot take it."""
    top = {line.split(":", 1)[0]: index for index, line in enumerate(front) if re.match(r"^[A-Za-z_]+:", line)}
    if kind == "misspelt-key":
        candidates = [key for key in MISSPELLINGS if key in top]
        key = rng.choice(candidates)
        wrong = rng.choice(MISSPELLINGS[key])
        front[top[key]] = wrong + front[top[key]][len(key):]
        return f"{key} -> {wrong}"
    if kind == "wrong-type":
        if "draft" not in top:
            return None
        front[top["draft"]] = "draft: 'no'"
        return "draft: 'no'"
    if kind == "invalid-date":
        bad = rng.choice(BAD_DATES)
        front[top["date"]] = f"date: {bad}" if rng.random() < 0.5 else f"date: '{bad}'"
        return bad
    if kind == "outside-set":
        # Each wrong value once in the whole collection: a value several notes share is one of the set.
        for _ in range(50):
            bad = slip(rng.choice(STATUSES), rng) if rng.random() < 0.7 else rng.choice(OTHER_STATUSES)
            if bad not in used and bad not in STATUSES:
                used.add(bad)
                front[top["status"]] = f"status: {bad}"
                return bad
        return None
    if kind == "duplicated-key":
        front.append(front[top["layout"]])
        return "layout twice"
    # truncated-tag: a tag used by at least 4 notes, its last word cut as the generator cuts it (into no English
    # word), into a form no note uses.
    tags = [t for t in tags_of(front) if tag_uses.get(t, 0) >= 4 and t.split("-")[-1] in TRUNCATIONS]
    rng.shuffle(tags)
    for tag in tags:
        cut = tag[:-int(rng.choice(TRUNCATIONS[tag.split("-")[-1]]))]
        if cut in tag_uses or cut in used:
            continue
        pattern = re.compile(r"(?<=[\[\s,-])" + re.escape(tag) + r"(?=[,\]]|$)")
        # Only the lines of the tag list: `tags: [a, b]`, or `tags:` and the `- a` lines below it.
        start = top["tags"]
        lines = [start]
        while start + len(lines) < len(front) and front[start + len(lines)].lstrip().startswith("- "):
            lines.append(start + len(lines))
        for index in lines:
            line = front[index]
            if pattern.search(line):
                front[index] = pattern.sub(cut, line, count=1)
                used.add(cut)
                return f"{tag} -> {cut}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--notelint", default=os.path.join(ROOT, ".build", "debug", "notelint"))
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    notelint = os.path.abspath(args.notelint)
    scratch = tempfile.mkdtemp(prefix="notelint-planted-")
    out = os.path.join(scratch, "notes")
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "corpus", "generate_corpus.py"), out,
                    "--notes", str(args.notes), "--seed", str(args.seed), "--defect-rate", "0"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "manifest.jsonl"), encoding="utf-8") as manifest:
        paths = sorted(json.loads(line)["path"] for line in manifest)
    os.remove(os.path.join(out, "manifest.jsonl"))

    rng = random.Random(args.seed)
    texts = {}
    tag_uses = {}
    for path in paths:
        with open(os.path.join(out, path), encoding="utf-8", newline="") as note:
            texts[path] = note.read()
        front, _, _ = split(texts[path])
        for tag in set(tags_of(front)):
            tag_uses[tag] = tag_uses.get(tag, 0) + 1
    chosen = sorted(rng.sample(paths, round(len(paths) * args.rate)))
    planted = {}
    used = set()
    for position, path in enumerate(chosen):
        front, rest, newline = split(texts[path])
        for attempt in range(len(KINDS)):
            kind = KINDS[(position + attempt) % len(KINDS)]
            trial = list(front)
            detail = plant(kind, trial, rng, tag_uses, used)
            if detail:
                planted[path] = (kind, detail)
                with open(os.path.join(out, path), "w", encoding="utf-8", newline="") as note:
                    note.write(newline.join(["---"] + trial + rest))
                break

    today = "2026-12-07"
    init = subprocess.run([notelint, "init", "--now", today, "."], cwd=out, capture_output=True, text=True)
    if init.returncode != 0:
        sys.exit(f"init failed ({init.returncode}):\n{init.stdout}{init.stderr}")
    lint = subprocess.run([notelint, "lint", "--no-cache", "--now", today, "--format", "json", "."], cwd=out,
                          capture_output=True, text=True)
    report = json.loads(lint.stdout)
    findings = {}
    for diagnostic in report["diagnostics"]:
        path = os.path.normpath(diagnostic["path"])
        findings.setdefault(path, []).append(diagnostic)

    print(f"{len(paths)} notes, {len(planted)} with a planted defect ({args.rate:.0%}), seed {args.seed}")
    print(f"{'defect':16} {'planted':>8} {'found':>6} {'recall':>7}  expected rule")
    found_total = 0
    misses = []
    for kind in KINDS:
        notes = [p for p, (k, _) in planted.items() if k == kind]
        found = [p for p in notes if any(d["rule"] == EXPECTED[kind] for d in findings.get(p, []))]
        found_total += len(found)
        misses += [(p, planted[p][1], [d["rule"] for d in findings.get(p, [])]) for p in notes if p not in found]
        recall = len(found) / len(notes) if notes else 0
        print(f"{kind:16} {len(notes):8} {len(found):6} {recall:7.1%}  {EXPECTED[kind]}")
    print(f"{'all':16} {len(planted):8} {found_total:6} {found_total / max(1, len(planted)):7.1%}")
    clean = [p for p in paths if p not in planted]
    errors = [(p, d) for p in clean for d in findings.get(p, []) if d["severity"] == "error"]
    others = [(p, d) for p in clean for d in findings.get(p, []) if d["severity"] != "error"]
    print(f"clean notes: {len(clean)}; errors on them: {len(errors)}; warnings or infos on them: {len(others)}")
    for path, detail, rules in misses[:20]:
        print(f"  missed: {path}: {detail} (findings: {', '.join(rules) or 'none'})")
    for path, diagnostic in (errors + others)[:10]:
        print(f"  on a clean note: {path}: {diagnostic['message']} [{diagnostic['rule']}]")
    if args.keep:
        print(f"kept: {scratch}")
    else:
        subprocess.run(["rm", "-rf", scratch], check=True)


if __name__ == "__main__":
    main()
