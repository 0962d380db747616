#!/usr/bin/env python3
"""Plants misspelt tags in a generated collection, lints it with notelint and prints recall and precision.

    tag-spelling-evaluation.py NOTELINT WORK [--notes N] [--seed S] [--per-cell K] [--corpora DIR] [--json FILE]

Called by scripts/evaluate-tag-spelling.sh, which explains the columns. The collection comes from the benchmark's
generator (Benchmarks/corpus/generate_corpus.py, imported, its output unchanged): N notes' front matter with its
Zipf-like tags. Each planted tag sits alone in a note of its own, so the collection's evidence is the same for
every slip. Slips are planted in tags the collection uses once, twice and often (at least five notes), and the
collection is linted twice: with the en_US Hunspell dictionary and without any (`dictionary: false`).

A slip is kept only when the word it changes is not a word Hunspell accepts (a slip that makes another real word
cannot be told from a choice), and when the slipped tag is not a tag of the collection.

Precision: the tags of the real corpora (read with `notelint dump`; a single string under the key counts as one
tag) and the words opentelemetry.io's front matter lists under `cSpell:ignore`, lowercased, each planted in a note of
its own in the same collection (so used once, with no evidence for it), and the generated collection's own tags.
"""
import argparse
import collections
import ctypes
import ctypes.util
import json
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks", "corpus"))
import generate_corpus  # noqa: E402  (the generator; nothing of it is changed)

import yaml  # noqa: E402

KINDS = [
    ("truncation-end", "tag-spelling", "1-3 letters cut off the end: `geopolitic`"),
    ("truncation-short", "tag-spelling", "a one-word tag cut to 3-4 letters: `sle` for `sleep`"),
    ("dropped-letter", "tag-spelling", "a letter left out: `stratgy`"),
    ("doubled-letter", "tag-spelling", "a letter typed twice: `comppetition`"),
    ("transposition", "tag-spelling", "two neighbouring letters swapped: `histroy`"),
    ("wrong-letter", "tag-spelling", "a letter replaced by a keyboard neighbour: `neurosciense`"),
    ("missing-hyphen", "tag-spelling", "the hyphen of a two-word tag left out: `labormarket`"),
    ("extra-hyphen", "tag-spelling", "a word split by a hyphen: `compe-tition`"),
    ("separator", "tag-format", "`_` or a space instead of `-`: `labor_market`"),
    ("case", "tag-format", "capitals: `Labor-Market`"),
]
BANDS = [("none", 0), ("once", 1), ("twice", 2), ("often", 5)]
KEYBOARD = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok", "o": "ipl",
    "p": "ol", "a": "qsz", "s": "adwx", "d": "sfe", "f": "dgr", "g": "fht", "h": "gjy", "j": "hku", "k": "jli",
    "l": "ko", "z": "xa", "x": "zcs", "c": "xvd", "v": "cbf", "b": "vng", "n": "bmh", "m": "nj",
}
RULES_OFF = [
    "unreadable-file", "front-matter-missing", "front-matter-unterminated", "front-matter-format", "yaml-syntax",
    "duplicate-key", "required-key", "empty-value", "wrong-type", "enum-value", "unknown-key", "schema",
    "draft-status", "date-format", "url-format", "duplicate-tag", "ambiguous-scalar", "trailing-whitespace",
    "unused-suppression",
]
TAG_IN_MESSAGE = re.compile(r"tag `([^`]*)`")


class Hunspell:
    """The en_US dictionary through libhunspell, to keep only slips that are not real words."""

    def __init__(self):
        name = ctypes.util.find_library("hunspell-1.7") or ctypes.util.find_library("hunspell")
        if not name:
            sys.exit("libhunspell not found (install libhunspell-dev)")
        library = ctypes.CDLL(name)
        library.Hunspell_create.restype = ctypes.c_void_p
        library.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        library.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        folder = next((f for f in ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"]
                       if os.path.exists(f + "/en_US.dic")), None)
        if not folder:
            sys.exit("no en_US Hunspell dictionary (install hunspell-en-us)")
        self.library = library
        self.handle = library.Hunspell_create(f"{folder}/en_US.aff".encode(), f"{folder}/en_US.dic".encode())
        self.cache = {}

    def accepts(self, word):
        if word not in self.cache:
            forms = {word, word.capitalize(), word.upper()}
            self.cache[word] = any(
                self.library.Hunspell_spell(self.handle, form.encode("latin-1", "replace")) for form in forms)
        return self.cache[word]


class Planter:
    def __init__(self, rng, hunspell, taken):
        self.rng = rng
        self.hunspell = hunspell
        self.taken = taken  # every tag that exists or was planted

    def fresh(self, slipped, changed_words):
        if slipped in self.taken or not slipped:
            return None
        if any(not word or self.hunspell.accepts(word) for word in changed_words):
            return None
        return slipped

    def slip(self, kind, tag):
        """One slip of `kind` in `tag`, or None when the tag cannot take it."""
        rng = self.rng
        words = tag.split("-")
        if kind == "truncation-end":
            last = words[-1]
            cut = rng.randint(1, 3)
            if len(last) - cut < 3 or len(tag) - cut < 5:
                return None
            return self.fresh(tag[:-cut], [last[:-cut]])
        if kind == "truncation-short":
            if len(words) != 1 or len(tag) < 5:
                return None
            keep = rng.choice([3, 4])
            return self.fresh(tag[:keep], [tag[:keep]])
        if kind == "missing-hyphen":
            if len(words) != 2:
                return None
            return self.fresh("".join(words), ["".join(words)])
        if kind in ("separator", "case"):
            if kind == "separator":
                if len(words) < 2:
                    return None
                slipped = rng.choice(["_", " "]).join(words)
            else:
                slipped = rng.choice([tag.capitalize(), tag.upper(), "-".join(w.capitalize() for w in words)])
            return slipped if slipped not in self.taken and slipped != tag else None
        position = rng.randrange(len(words))
        word = words[position]
        if kind == "extra-hyphen":
            if len(word) < 6:
                return None
            cut = rng.randint(2, len(word) - 2)
            head, tail = word[:cut], word[cut:]
            if self.hunspell.accepts(head) and self.hunspell.accepts(tail):
                return None
            slipped_words = words[:position] + [head, tail] + words[position + 1:]
            return self.fresh("-".join(slipped_words), [head if not self.hunspell.accepts(head) else tail])
        if len(word) < 4:
            return None
        letters = list(word)
        if kind == "dropped-letter":
            index = rng.randrange(1, len(letters))
            del letters[index]
        elif kind == "doubled-letter":
            index = rng.randrange(len(letters))
            letters.insert(index, letters[index])
        elif kind == "transposition":
            index = rng.randrange(len(letters) - 1)
            if letters[index] == letters[index + 1]:
                return None
            letters[index], letters[index + 1] = letters[index + 1], letters[index]
        elif kind == "wrong-letter":
            index = rng.randrange(len(letters))
            neighbours = KEYBOARD.get(letters[index])
            if not neighbours:
                return None
            letters[index] = rng.choice(neighbours)
        slipped_word = "".join(letters)
        return self.fresh("-".join(words[:position] + [slipped_word] + words[position + 1:]), [slipped_word])


def band_of(uses):
    if uses == 0:
        return "none"
    if uses == 1:
        return "once"
    if uses == 2:
        return "twice"
    return "often" if uses >= 5 else None


def corpus_tags(notelint, corpora):
    """Distinct tags of each real corpus, by the key its tags configuration reads."""
    found = {}
    for config in sorted(os.listdir(os.path.join(ROOT, "Tests", "Corpora", "tags"))):
        corpus = config[: -len(".lint.yml")]
        with open(os.path.join(ROOT, "Tests", "Corpora", "tags", config), encoding="utf-8") as file:
            key = (yaml.safe_load(file).get("rules", {}).get("tag-spelling") or {}).get("key", "tags")
        folder = os.path.join(corpora, corpus)
        if not os.path.isdir(folder):
            continue
        dump = subprocess.run([notelint, "dump", folder], capture_output=True, text=True, check=False).stdout
        tags = set()
        for line in dump.splitlines():
            front_matter = json.loads(line).get("frontMatter")
            value = front_matter.get(key) if isinstance(front_matter, dict) else None
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and item.strip():
                    tags.add(item)
        found[corpus] = tags
    return found


def cspell_words(corpora):
    """Words opentelemetry.io vouches for: `cSpell:ignore` comments inside front matter."""
    words = set()
    folder = os.path.join(corpora, "opentelemetry.io")
    for directory, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as file:
                text = file.read()
            if not text.startswith("---"):
                continue
            end = text.find("\n---", 3)
            for match in re.finditer(r"cSpell:ignore:?([^\n]*)", text[: end if end > 0 else 0]):
                for word in match.group(1).split():
                    word = word.strip(",.;:'\"`").lower()
                    if re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", word):
                        words.add(word)
    return words


def write_note(folder, index, tags):
    text = "---\n" + yaml.safe_dump({"title": f"note {index}", "tags": tags}, allow_unicode=True, width=1000)
    with open(os.path.join(folder, f"note-{index:06d}.md"), "w", encoding="utf-8") as file:
        file.write(text + "---\n\nA note.\n")


def write_config(folder, dictionary):
    lines = [
        "include: ['**/*.md']",
        "rules:",
        "  tag-spelling:",
        "    vocabulary-files: [tags.txt]",
        "    replacement-files: [tag-replacements.txt]",
        f"    dictionary: {'true' if dictionary else 'false'}",
    ] + [f"  {rule}: off" for rule in RULES_OFF]
    with open(os.path.join(folder, ".lint.yml"), "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    # The shipped vocabulary and replacement list, beside the configuration that names them.
    for name in ("tags.txt", "tag-replacements.txt"):
        shutil.copyfile(os.path.join(ROOT, "Rules", name), os.path.join(folder, name))


def lint(notelint, folder, dictionary):
    write_config(folder, dictionary)
    environment = dict(os.environ, NOTELINT_IGNORE_SYSTEM_DICTIONARIES="0" if dictionary else "1")
    run = subprocess.run([notelint, "lint", "--no-cache", "--format", "json", folder],
                         capture_output=True, text=True, env=environment, check=False)
    if run.returncode > 1:
        sys.exit(f"notelint failed ({run.returncode}): {run.stderr[:2000]}")
    findings = {}  # note file name -> {tag: (rule, suggestion, evidence)}
    for diagnostic in json.loads(run.stdout)["diagnostics"]:
        match = TAG_IN_MESSAGE.search(diagnostic["message"])
        name = os.path.basename(diagnostic["path"])
        evidence = diagnostic["message"].rsplit("(", 1)[-1].rstrip(")") if diagnostic["rule"] == "tag-spelling" else ""
        suggestion = (diagnostic.get("suggestions") or [""])[0]
        findings.setdefault(name, []).append((diagnostic["rule"], match.group(1) if match else "", suggestion, evidence))
    return findings


def evidence_name(evidence):
    if evidence.startswith("used in") and "dictionary" in evidence:
        return "collection+dictionary"
    if evidence.startswith("used in"):
        return "collection"
    if evidence.startswith("suggested by"):
        return "dictionary"
    if evidence.startswith("in ") or evidence.startswith("listed in"):
        return "vocabulary"
    return "other"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notelint")
    parser.add_argument("work")
    parser.add_argument("--notes", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-cell", type=int, default=60)
    parser.add_argument("--corpora", default=os.path.join(ROOT, "..", "shared", "corpora"))
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--misses", action="store_true", help="list every missed slip and every false finding")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    generator = generate_corpus.Generator(args.seed)
    notes = [generator.front_matter()[0]["tags"] for _ in range(args.notes)]
    uses = collections.Counter(tag for tags in notes for tag in tags)
    with open(os.path.join(ROOT, "Rules", "tags.txt"), encoding="utf-8") as file:
        vocabulary = {line.strip() for line in file if line.strip() and not line.startswith("#")}
    hunspell = Hunspell()
    # Targets: tags of dictionary words only, so that the dictionary has something to say about every slip.
    word_set = set(generate_corpus.WORDS)
    targets = sorted(tag for tag in uses if all(word in word_set for word in tag.split("-")))
    # Tags the collection does not have, for the dictionary alone: single words and pairs of its words.
    words = sorted(word_set)
    absent = {word for word in words if word not in uses}
    while len(absent) < 4 * args.per_cell:
        pair = f"{rng.choice(words)}-{rng.choice(words)}"
        if pair not in uses:
            absent.add(pair)
    targets += sorted(absent)
    planter = Planter(rng, hunspell, set(uses) | vocabulary)

    planted = []  # (kind, band, intended, slipped)
    # A case or separator slip is the same tag to the collection's evidence (uses are counted whatever the case):
    # its targets are kept apart, so that it cannot add a use to another kind's target.
    reserved = set()
    for kind, rule, _ in sorted(KINDS, key=lambda entry: entry[1] == "tag-spelling"):
        for band, _ in BANDS:
            pool = [tag for tag in targets if band_of(uses[tag]) == band
                    and (rule != "tag-spelling" or tag not in reserved)]
            rng.shuffle(pool)
            count = 0
            for tag in pool:
                if count == args.per_cell:
                    break
                slipped = None
                for _ in range(6):
                    slipped = planter.slip(kind, tag)
                    if slipped:
                        break
                if slipped:
                    planter.taken.add(slipped)
                    if rule != "tag-spelling":
                        reserved.add(tag)
                    planted.append((kind, band, tag, slipped))
                    count += 1

    clean_sets = corpus_tags(args.notelint, args.corpora)
    clean_sets["opentelemetry.io cSpell:ignore"] = cspell_words(args.corpora)
    clean = []  # (set, tag) planted alone, used once
    for name, tags in sorted(clean_sets.items()):
        for tag in sorted(tags):
            if tag not in uses:
                clean.append((name, tag))

    folder = os.path.join(args.work, "collection")
    os.makedirs(folder, exist_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for index, tags in enumerate(notes):
        write_note(folder, index, tags)
    slip_notes = {}
    next_index = len(notes)
    for entry in planted:
        write_note(folder, next_index, [entry[3]])
        slip_notes[f"note-{next_index:06d}.md"] = entry
        next_index += 1
    clean_notes = {}
    for entry in clean:
        write_note(folder, next_index, [entry[1]])
        clean_notes[f"note-{next_index:06d}.md"] = entry
        next_index += 1

    rule_of = {kind: rule for kind, rule, _ in KINDS}
    results = {"slips": {}, "precision": {}, "planted": len(planted)}
    misses = []
    for dictionary in (True, False):
        mode = "dictionary" if dictionary else "no dictionary"
        findings = lint(args.notelint, folder, dictionary)
        for name, (kind, band, intended, slipped) in slip_notes.items():
            cell = results["slips"].setdefault(f"{kind}|{band}|{mode}", {"planted": 0, "found": 0, "right": 0,
                                                                            "evidence": {}})
            cell["planted"] += 1
            hits = [f for f in findings.get(name, []) if f[0] == rule_of[kind]]
            if hits:
                cell["found"] += 1
                if rule_of[kind] == "tag-spelling":
                    cell["right"] += hits[0][2] == intended
                    source = evidence_name(hits[0][3])
                    cell["evidence"][source] = cell["evidence"].get(source, 0) + 1
                else:
                    cell["right"] += 1
            else:
                misses.append(f"missed [{mode}] {kind} {band}: {slipped} (for {intended}, used {uses[intended]}x)")
            if hits and rule_of[kind] == "tag-spelling" and hits[0][2] != intended:
                misses.append(f"wrong [{mode}] {kind} {band}: {slipped} -> {hits[0][2]} (for {intended}; {hits[0][3]})")
        # Precision: the collection's own notes, and the clean tags planted alone.
        generated_flagged = {f[1] for name, found in findings.items()
                             if name not in slip_notes and name not in clean_notes
                             for f in found if f[0] == "tag-spelling"}
        row = results["precision"].setdefault("generated collection", {})
        row[mode] = (len(uses), len(generated_flagged))
        for tag in sorted(generated_flagged):
            misses.append(f"false [{mode}] generated collection: {tag}")
        for name, (set_name, tag) in clean_notes.items():
            row = results["precision"].setdefault(set_name, {})
            checked, flagged = row.get(mode, (0, 0))
            hit = [f for f in findings.get(name, []) if f[0] == "tag-spelling"]
            row[mode] = (checked + 1, flagged + (1 if hit else 0))
            if hit:
                misses.append(f"false [{mode}] {set_name}: {tag} -> {hit[0][2]} ({hit[0][3]})")

    print_table(results)
    if args.misses:
        print()
        print("\n".join(misses))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump(results, file, indent=1, sort_keys=True)


def evidence_exists(kind, band, mode):
    """Where the goal applies: a collection tag used by at least two notes, or one used once with the dictionary
    vouching for its words, for slips that leave enough of the word (a 3-4 letter stub is a prefix of too many
    words). The dictionary alone (`none`) is the weakest evidence: shown, not held to the goal."""
    if band in ("twice", "often"):
        return True
    if band == "none":
        return False
    return mode == "dictionary" and kind != "truncation-short"


def print_table(results):
    modes = ["dictionary", "no dictionary"]
    columns = [(band, mode) for mode in modes for band, _ in BANDS]
    print("Recall per kind of slip: found / planted, by how many notes use the intended tag (none, once, twice,"
          " often) and whether the dictionary is on; * = evidence exists, goal >= 0.98; right = share of findings"
          " whose first suggestion is the intended tag")
    print()
    header = "| kind | rule | " + " | ".join(f"{band}, {'dict' if mode == 'dictionary' else 'no dict'}"
                                            for band, mode in columns) + " | right |"
    print(header)
    print("|" + "---|" * (len(columns) + 3))
    totals = collections.Counter()
    for kind, rule, _ in KINDS:
        cells = []
        right = found = 0
        for band, mode in columns:
            cell = results["slips"].get(f"{kind}|{band}|{mode}")
            if not cell or not cell["planted"]:
                cells.append("-")
                continue
            recall = cell["found"] / cell["planted"]
            mark = "*" if evidence_exists(kind, band, mode) else ""
            cells.append(f"{recall:.2f}{mark}")
            right += cell["right"]
            found += cell["found"]
            if mark:
                totals["planted"] += cell["planted"]
                totals["found"] += cell["found"]
        print(f"| {kind} | {rule} | " + " | ".join(cells) + f" | {right / found if found else 0:.2f} |")
    if totals["planted"]:
        print()
        print(f"Where evidence exists: {totals['found']} of {totals['planted']} found "
              f"({totals['found'] / totals['planted']:.3f}).")
    print()
    print("Evidence named by the findings (dictionary runs / runs without):")
    for kind, rule, _ in KINDS:
        if rule != "tag-spelling":
            continue
        parts = []
        for mode in modes:
            sources = collections.Counter()
            for band, _ in BANDS:
                cell = results["slips"].get(f"{kind}|{band}|{mode}")
                if cell:
                    sources.update(cell["evidence"])
            parts.append(", ".join(f"{source} {count}" for source, count in sorted(sources.items())) or "none")
        print(f"  {kind}: {' / '.join(parts)}")
    print()
    print("Precision on clean tags (tags left alone / tags; each planted once, alone in a note)")
    print()
    print("| set | tags | dict | no dict |")
    print("|---|---|---|---|")
    for name, row in sorted(results["precision"].items()):
        cells = []
        total = 0
        for mode in modes:
            checked, flagged = row.get(mode, (0, 0))
            total = checked
            cells.append(f"{(checked - flagged) / checked:.3f} ({flagged} flagged)" if checked else "-")
        print(f"| {name} | {total} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
