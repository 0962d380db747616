#!/usr/bin/env python3
"""A hand-written front matter checker: notelint's default rules in plain Python, with PyYAML's C loader.

    python_checker.py PATH... [--format human|json] [--now YYYY-MM-DD]

It is the peer a team would write instead of adopting notelint, so the benchmark can say what notelint's
speed buys. It walks folders for *.md and *.markdown, reads each note up to its closing `---` and parses the
front matter with `yaml.CSafeLoader` (libyaml). Checks, with notelint's rule ids:

  front-matter-missing / front-matter-unterminated / yaml-syntax / duplicate-key
  required-key, wrong-type, empty-value, enum-value, schema (title length, tag count, kebab-case values),
  unknown-key: the default schema (Rules/note.schema.yml), written out by hand
  draft-status      `draft: true` with `status: evergreen`
  date-format       YYYY-MM-DD (the schema's `format: date`), a real calendar date, not after today
  url-format        absolute https URL with a host; http and tracking parameters are warnings
  tag-format        lowercase kebab-case; duplicate-tag: a tag listed twice
  tag-spelling      a simple corpus check: a tag used by no two other notes that is cut off from (a strict
                    prefix of) or one or two edits from a tag used by at least two other notes, unless each of
                    its words is a word of such tags. No dictionary.
  trailing-whitespace

Not done: ambiguous-scalar (PyYAML reads YAML 1.1 itself), suppression comments, configuration files.
Single-threaded, as such a script usually is. Exit status: 1 when there are errors, else 0.
"""
import argparse
import bisect
import collections
import datetime
import json
import os
import re
import sys
import unicodedata

import yaml

Loader = yaml.CSafeLoader

REQUIRED = ("title", "date", "draft", "status", "tags", "summary", "layout")
STRING_KEYS = ("title", "summary", "layout", "source", "area", "category", "series", "guest", "insight", "speaker")
KEYS = set(REQUIRED) | {"source", "area", "category", "people", "companies_orgs", "products_models", "project",
                        "series", "guest", "insight", "speaker"}
NON_EMPTY = {"title", "summary", "layout"}
KEBAB_KEYS = ("area", "category")
NAME_LISTS = ("people", "companies_orgs", "products_models")
STATUSES = ("seedling", "budding", "evergreen")
PUBLISHED, DRAFT_STATUSES = {"evergreen"}, {"draft"}
TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|si|mc_eid|igshid)$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(//([^/?#]*))?")
FENCE = re.compile(rb"^(---|\.\.\.)[ \t]*\r?$", re.M)
KEBAB_CATEGORIES = {"Ll", "Lo", "Nd", "Nl", "No"}


def is_tag_kebab(tag):
    """Lowercase kebab-case: letters and numbers, no capitals, single hyphens between words."""
    previous_hyphen = True
    for character in tag:
        if character == "-":
            if previous_hyphen:
                return False
            previous_hyphen = True
            continue
        if not character.isalnum() or character.isupper():
            return False
        previous_hyphen = False
    return not previous_hyphen


def is_schema_kebab(text):
    """The schema's pattern ^[\\p{Ll}\\p{Lo}\\p{N}]+(-[\\p{Ll}\\p{Lo}\\p{N}]+)*$."""
    if not text or text[0] == "-" or text[-1] == "-" or "--" in text:
        return False
    return all(c == "-" or unicodedata.category(c) in KEBAB_CATEGORIES for c in text)


def is_dense(tag):
    """Han, kana, Hangul and similar scripts: no near-miss checks, one character is a whole word there."""
    return any(0x2E80 <= ord(c) <= 0x9FFF or 0xAC00 <= ord(c) <= 0xD7AF or 0xF900 <= ord(c) <= 0xFAFF
               or 0x0E00 <= ord(c) <= 0x0EFF for c in tag)


class Note:
    __slots__ = ("path", "findings", "tags", "tag_lines")

    def __init__(self, path):
        self.path = path
        self.findings = []
        self.tags = []
        self.tag_lines = []

    def add(self, rule, severity, line, column, message):
        self.findings.append({"path": self.path, "rule": rule, "severity": severity, "line": line,
                              "column": column, "message": message})


def read_front_matter(path, note):
    """The bytes up to and including the closing fence, read in growing chunks; None when there is none."""
    with open(path, "rb") as handle:
        data = handle.read(16384)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        first_end = data.find(b"\n")
        first_line = data[:first_end if first_end >= 0 else len(data)].rstrip(b"\r \t")
        if first_line != b"---":
            note.add("front-matter-missing", "error", 1, 1, "the note has no front matter")
            return None
        start = first_end + 1
        chunk = 16384
        while True:
            match = FENCE.search(data, start)
            if match:
                return data[start:match.start()]
            more = handle.read(chunk)
            if not more:
                note.add("front-matter-unterminated", "error", 1, 1, "the front matter has no closing `---`")
                return None
            data += more
            chunk *= 2


def check_note(path, today):
    note = Note(path)
    try:
        raw = read_front_matter(path, note)
    except OSError as error:
        note.add("unreadable-file", "error", 1, 1, f"cannot read file: {error.strerror}")
        return note
    if raw is None:
        return note
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        note.add("yaml-syntax", "error", 2, 1, "front matter is not UTF-8")
        return note
    for number, line in enumerate(text.split("\n"), start=2):
        stripped = line.rstrip("\r")
        if stripped != stripped.rstrip(" \t"):
            note.add("trailing-whitespace", "warning", number, len(stripped.rstrip(" \t")) + 1, "trailing whitespace")
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            root = yaml.MappingNode("tag:yaml.org,2002:map", [])
        if not isinstance(root, yaml.MappingNode):
            note.add("yaml-syntax", "error", root.start_mark.line + 2, root.start_mark.column + 1,
                     "front matter must be a mapping")
            return note
        pairs = []
        seen = {}
        for key_node, value_node in root.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line, column = key_node.start_mark.line + 2, key_node.start_mark.column + 1
            if key in seen:
                note.add("duplicate-key", "error", line, column, f"key `{key}` appears twice")
                continue
            seen[key] = True
            try:
                value = loader.construct_object(value_node, deep=True)
            except (ValueError, yaml.YAMLError):
                value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
            pairs.append((key, value, value_node, line, column))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        note.add("yaml-syntax", "error", (mark.line + 2) if mark else 2, (mark.column + 1) if mark else 1,
                 f"front matter is not valid YAML: {getattr(error, 'problem', None) or error}")
        return note
    finally:
        loader.dispose()
    check_values(note, pairs, today)
    return note


def check_values(note, pairs, today):
    values = {}
    for key, value, node, line, column in pairs:
        position = (node.start_mark.line + 2, node.start_mark.column + 1)
        values[key] = (value, position)
        if key not in KEYS:
            note.add("unknown-key", "warning", line, column, f"unknown key `{key}`")
    for key in REQUIRED:
        if key not in values:
            note.add("required-key", "error", 2, 1, f"required key `{key}` is missing")

    def wrong(key, expected, position):
        note.add("wrong-type", "error", *position, f"`{key}` must be {expected}")

    for key in STRING_KEYS:
        if key not in values:
            continue
        value, position = values[key]
        if key == "date":
            continue
        if value is None or not isinstance(value, str):
            if value is None and key in NON_EMPTY:
                note.add("empty-value", "error", *position, f"`{key}` is empty")
            elif value is not None or key in NON_EMPTY:
                wrong(key, "a string", position)
            continue
        if key in NON_EMPTY and not value:
            note.add("empty-value", "error", *position, f"`{key}` is empty")
        if key == "title" and len(value) > 200:
            note.add("schema", "error", *position, "`title` is longer than 200 characters")
        if key in KEBAB_KEYS and not is_schema_kebab(value):
            note.add("schema", "error", *position, f"`{key}` must be kebab-case")
        if key == "source":
            check_url(note, value, position)

    if "date" in values:
        value, position = values["date"]
        if isinstance(value, datetime.datetime):
            note.add("date-format", "error", *position, f"`{value}` is a date and time, not a date (YYYY-MM-DD)")
        elif isinstance(value, datetime.date):
            if value > today:
                note.add("date-format", "error", *position, f"`{value}` is in the future")
        elif isinstance(value, str):
            check_date(note, value, position, today)
        else:
            wrong("date", "a date YYYY-MM-DD", position)

    draft = values.get("draft")
    if draft is not None and not isinstance(draft[0], bool):
        wrong("draft", "true or false", draft[1])
    status = values.get("status")
    if status is not None and status[0] not in STATUSES:
        note.add("enum-value", "error", *status[1], f"`status` must be one of {', '.join(STATUSES)}")
    if draft is not None and status is not None and isinstance(draft[0], bool) and isinstance(status[0], str):
        if (status[0] in PUBLISHED and draft[0]) or (status[0] in DRAFT_STATUSES and not draft[0]):
            note.add("draft-status", "error", *status[1], f"`status: {status[0]}` contradicts `draft: {draft[0]}`")

    for key in NAME_LISTS + ("project",):
        if key not in values:
            continue
        value, position = values[key]
        if not isinstance(value, list):
            wrong(key, "a list", position)
            continue
        for item in value:
            if not isinstance(item, str):
                wrong(key, "a list of strings", position)
            elif key == "project" and not is_schema_kebab(item):
                note.add("schema", "error", *position, f"`{key}` item `{item}` must be kebab-case")
            elif not item:
                note.add("empty-value", "error", *position, f"`{key}` has an empty item")

    if "tags" in values:
        check_tags(note, values["tags"], pairs)


def check_tags(note, tags_value, pairs):
    value, position = tags_value
    if not isinstance(value, list):
        if value is None:
            note.add("empty-value", "error", *position, "`tags` is empty")
        else:
            note.add("wrong-type", "error", *position, "`tags` must be a list")
        return
    if not value:
        note.add("empty-value", "error", *position, "`tags` is empty")
        return
    if len(value) > 20:
        note.add("schema", "error", *position, "more than 20 tags")
    node = next(node for key, _, node, _, _ in pairs if key == "tags")
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    seen = set()
    for index, tag in enumerate(value):
        item_position = ((items[index].start_mark.line + 2, items[index].start_mark.column + 1)
                         if index < len(items) else position)
        if not isinstance(tag, str):
            note.add("wrong-type", "error", *item_position, "a tag must be a string")
            continue
        if not is_tag_kebab(tag):
            note.add("tag-format", "error", *item_position, f"tag `{tag}` is not lowercase kebab-case")
        if tag in seen:
            note.add("duplicate-tag", "error", *item_position, f"tag `{tag}` is listed twice")
            continue
        seen.add(tag)
        note.tags.append(tag)
        note.tag_lines.append(item_position)


def check_date(note, text, position, today):
    match = DATE.match(text)
    valid = None
    if match:
        try:
            valid = datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            valid = None
    if valid is None:
        note.add("date-format", "error", *position, f"`{text}` is not an ISO 8601 date (YYYY-MM-DD)")
    elif valid > today:
        note.add("date-format", "error", *position, f"`{text}` is in the future")


def check_url(note, url, position):
    if url != url.strip() or any(c in url for c in " \t\r\n"):
        note.add("url-format", "error", *position, f"`{url}` contains spaces")
        return
    match = URL.match(url)
    if not match:
        note.add("url-format", "error", *position, f"`{url}` is not an absolute URL")
        return
    scheme = match.group(1).lower()
    host = (match.group(3) or "").split("@")[-1].split(":")[0]
    if match.group(2) is None or not host:
        note.add("url-format", "error", *position, f"`{url}` has no host")
    elif scheme == "http":
        note.add("url-format", "warning", *position, "`http:` URL where https is expected")
    elif scheme != "https":
        note.add("url-format", "error", *position, f"scheme `{scheme}:` is not allowed")
    elif "?" in url:
        query = url.split("?", 1)[1].split("#", 1)[0]
        if any(TRACKING.match(part.split("=", 1)[0]) for part in query.split("&")):
            note.add("url-format", "warning", *position, f"`{url}` carries tracking parameters")


def damerau(a, b, limit):
    """Optimal string alignment distance, or limit + 1 when it is larger than limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def deletions(word, depth):
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def check_tag_spelling(notes, minimum_uses=2):
    """Cut-off and near-miss tags, judged by how often the other notes use each tag."""
    uses = collections.Counter(tag for note in notes for tag in note.tags)
    known = sorted(tag for tag, count in uses.items() if count >= minimum_uses)
    known_set = set(known)
    known_words = {word for tag in known for word in tag.split("-")}
    index = collections.defaultdict(list)
    for tag in known:
        if not is_dense(tag):
            for key in deletions(tag, 2 if len(tag) >= 8 else 1):
                index[key].append(tag)
    verdicts = {}

    def judge(tag):
        if uses[tag] - 1 >= minimum_uses or is_dense(tag) or len(tag) < 4:
            return None
        if all(word in known_words or len(word) < 3 or not word.isalpha() for word in tag.split("-")):
            return None
        start = bisect.bisect_right(known, tag)
        for candidate in known[start:start + 50]:
            if not candidate.startswith(tag):
                break
            if "-" not in candidate[len(tag):] and uses[candidate] >= minimum_uses:
                return f"tag `{tag}` looks cut off; did you mean `{candidate}`? (used in {uses[candidate]} notes)"
        limit = 2 if len(tag) >= 8 else 1
        best = None
        for key in deletions(tag, limit):
            for candidate in index.get(key, ()):
                if candidate != tag and candidate in known_set and uses[candidate] > uses[tag]:
                    distance = damerau(tag, candidate, limit)
                    if distance <= limit and (best is None or (distance, -uses[candidate]) < best[:2]):
                        best = (distance, -uses[candidate], candidate)
        if best:
            return f"tag `{tag}` is {best[0]} edit(s) from `{best[2]}` (used in {-best[1]} notes)"
        return None

    for note in notes:
        for tag, position in zip(note.tags, note.tag_lines):
            if tag not in verdicts:
                verdicts[tag] = judge(tag)
            if verdicts[tag]:
                note.add("tag-spelling", "error", *position, verdicts[tag])


def walk(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith((".md", ".markdown")):
                        yield os.path.join(folder, name)
        else:
            yield path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--format", choices=["human", "json"], default="human")
    parser.add_argument("--now", help="today, YYYY-MM-DD")
    args = parser.parse_args()
    today = datetime.date.fromisoformat(args.now) if args.now else datetime.date.today()
    notes = [check_note(path, today) for path in walk(args.paths)]
    check_tag_spelling(notes)
    findings = sorted((f for note in notes for f in note.findings),
                      key=lambda f: (f["path"], f["line"], f["column"], f["rule"]))
    errors = sum(f["severity"] == "error" for f in findings)
    if args.format == "json":
        json.dump({"version": 1, "diagnostics": findings,
                   "summary": {"errors": errors, "warnings": len(findings) - errors, "filesChecked": len(notes)}},
                  sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for f in findings:
            print(f"{f['path']}:{f['line']}:{f['column']}: {f['severity']}: {f['message']} [{f['rule']}]")
        print(f"{len(notes)} notes checked, {errors} errors, {len(findings) - errors} warnings", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
