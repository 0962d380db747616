#!/usr/bin/env python3
"""Interrupted and concurrent `notelint lint --fix` runs never leave a torn or half-fixed note.

On a generated corpus (Benchmarks/corpus/generate_corpus.py, many notes with fixable defects):

1. Reference: `--fix` runs to completion on a copy; each note's fixed version is what it leaves. A second `--fix`
   on the result must change nothing.
2. Kills: on fresh copies, `--fix` is killed with SIGKILL at seeded random moments spread over the reference
   run's duration (at least one in its first fifth and one in its last fifth), and more if needed until two
   have caught the run part way through its writes. After each kill every note must be
   byte for byte its original or its fixed version, and nothing else may be new in the tree but the writer's
   temporary files, `.NAME.notelint-XXXXXX`: hidden, never named like a note (so no later run lints them), and
   each holding a prefix of its note's fixed version. SIGKILL gives the writer no chance to remove them;
   notelint does not delete them on later runs either, since it cannot tell an abandoned one from one that
   another notelint is writing at that moment. They are safe to delete by hand.
   At least one kill must have caught the run part way through its writes, or the test proved nothing.
   One killed tree is then fixed to completion: it must end equal to the reference.
3. Concurrency: two `--fix` runs start together on a fresh copy. Both must end by themselves (exit 1: findings
   remain; or 2: a note was left alone because the other run had changed it meanwhile, named on standard error
   as such), every note must end as its fixed version, and one more `--fix` must change nothing.

Usage (from the repository root):
    python3 scripts/test-fix-interruptions.py [--notelint PATH] [--notes N] [--seed S] [--kills K] [--release]
The binary defaults to .build/release/notelint, else .build/debug/notelint. With --release, the binary is a
release build and must ignore NOTELINT_FAULT (which debug builds honour, for tests). Exits non-zero on any
failure. With the release build and 10,000 notes it takes about four minutes, mostly copying and comparing
the 140 MB tree.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(REPO, "Benchmarks", "corpus", "generate_corpus.py")
NOTE_SUFFIXES = (".md", ".markdown")
TEMPORARY = re.compile(r"^\.(.+)\.notelint-[A-Za-z0-9]{6}$")
TODAY = "2026-01-01"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def listing(root):
    """Every file under root, as a path relative to it, with its bytes' digest."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                files[os.path.relpath(path, root)] = hashlib.sha256(handle.read()).digest()
    return files


def copy_tree(source, destination):
    subprocess.run(["cp", "-a", source, destination], check=True)


def fix(binary, folder, extra_environment=None):
    """Runs `notelint lint --fix` in folder; returns (process, start time)."""
    environment = dict(os.environ, NO_COLOR="1")
    environment.pop("GITHUB_ACTIONS", None)
    environment.update(extra_environment or {})
    log = open(os.path.join(os.path.dirname(folder), os.path.basename(folder) + ".stderr"), "wb")
    process = subprocess.Popen(
        # --no-cache: the tree must hold nothing but notes, and the subject here is the notes.
        [binary, "lint", "--fix", "--no-cache", "--now", TODAY, "--format", "concise", "."],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=log, env=environment)
    log.close()
    return process


def stderr_of(folder):
    with open(os.path.join(os.path.dirname(folder), os.path.basename(folder) + ".stderr"), "rb") as handle:
        return handle.read().decode("utf-8", "replace")


def run_to_end(binary, folder, expected_codes, what):
    started = time.monotonic()
    process = fix(binary, folder)
    code = process.wait()
    seconds = time.monotonic() - started
    if code not in expected_codes:
        fail(f"{what}: exit code {code}, expected one of {sorted(expected_codes)}: {stderr_of(folder)[-2000:]}")
    return seconds


def check_tree(work, original, fixed, what):
    """Every note is its original or its fixed version; returns how many are fixed, and the temporary files."""
    found = listing(work)
    fixed_count = 0
    temporaries = []
    for path, digest in original.items():
        now = found.get(path)
        if now is None:
            fail(f"{what}: {path} is gone")
        elif now == fixed[path] and now != digest:
            fixed_count += 1
        elif now != digest:
            fail(f"{what}: {path} is neither its original nor its fixed version")
    for path in sorted(set(found) - set(original)):
        folder, name = os.path.split(path)
        match = TEMPORARY.match(name)
        if not match:
            fail(f"{what}: unexpected new file {path}")
            continue
        temporaries.append(path)
        if name.endswith(NOTE_SUFFIXES):
            fail(f"{what}: temporary file {path} is named like a note")
        note = os.path.join(folder, match.group(1))
        if note not in original:
            fail(f"{what}: temporary file {path} belongs to no note")
            continue
        # What the writer got to write: a prefix of the note's fixed version.
        with open(os.path.join(work, path), "rb") as handle:
            partial = handle.read()
        with open(os.path.join(fixed_root, note), "rb") as handle:
            complete = handle.read()
        if not complete.startswith(partial):
            fail(f"{what}: temporary file {path} is not a prefix of the fixed {note}")
    return fixed_count, temporaries


def main():
    global fixed_root
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notelint")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--release", action="store_true", help="the binary is a release build")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    arguments = parser.parse_args()
    binary = arguments.notelint
    if binary is None:
        candidates = [os.path.join(REPO, ".build", kind, "notelint") for kind in ("release", "debug")]
        binary = next((path for path in candidates if os.access(path, os.X_OK)), candidates[0])
    binary = os.path.abspath(binary)
    randomness = random.Random(arguments.seed)
    scratch = tempfile.mkdtemp(prefix="notelint-interruptions-")
    try:
        started = time.monotonic()
        # A high defect rate: about a quarter of the notes get a safe fix (dates, duplicate and cut-off tags).
        subprocess.run(
            [sys.executable, GENERATOR, os.path.join(scratch, "original"), "--notes", str(arguments.notes),
             "--seed", str(arguments.seed), "--defect-rate", "0.6"], check=True, stdout=subprocess.DEVNULL)
        original_root = os.path.join(scratch, "original")
        # Hunspell only sharpens tag-spelling's suggestions; without it `--fix` runs ten times faster and still
        # fixes a quarter of the notes (dates, duplicate tags, tags cut short that other notes spell in full).
        with open(os.path.join(original_root, ".lint.yml"), "w") as handle:
            handle.write("rules:\n  tag-spelling:\n    languages: []\n")
        original = listing(original_root)
        notes = sum(1 for path in original if path.endswith(NOTE_SUFFIXES))
        print(f"corpus: {notes} notes ({time.monotonic() - started:.1f} s)")

        fixed_root = os.path.join(scratch, "fixed")
        copy_tree(original_root, fixed_root)
        started = time.monotonic()
        code = fix(binary, fixed_root).wait()
        duration = time.monotonic() - started
        if code not in (0, 1):
            fail(f"reference run: exit code {code}: {stderr_of(fixed_root)[-2000:]}")
        fixed = listing(fixed_root)
        changed = sum(1 for path in original if fixed.get(path) != original[path])
        if set(fixed) != set(original):
            fail(f"reference run: files added or removed: {sorted(set(fixed) ^ set(original))[:10]}")
        print(f"reference --fix: {changed} notes fixed in {duration:.1f} s")
        if changed < notes // 10:
            fail(f"only {changed} notes were fixed: the corpus does not exercise the writer")
        if arguments.release:
            # A release build must not honour the fault injection that debug builds offer to tests.
            # A note with a duplicated tag: its fix does not depend on the other notes.
            with open(os.path.join(original_root, "manifest.jsonl")) as handle:
                entries = [json.loads(line) for line in handle]
            sample = next(entry["path"] for entry in entries
                          if entry["defect"] == "duplicate-tag" and fixed[entry["path"]] != original[entry["path"]])
            alone = os.path.join(scratch, "alone")
            os.makedirs(alone)
            shutil.copy2(os.path.join(original_root, sample), alone)
            name = os.path.basename(sample)
            code = fix(binary, alone, {"NOTELINT_FAULT": "write:" + name}).wait()
            with open(os.path.join(alone, name), "rb") as handle:
                if code not in (0, 1) or hashlib.sha256(handle.read()).digest() != fixed[sample]:
                    fail(f"the release build honoured NOTELINT_FAULT (exit code {code}): {stderr_of(alone)}")
        run_to_end(binary, fixed_root, {0, 1}, "second --fix")
        if listing(fixed_root) != fixed:
            fail("a second --fix changed the fixed tree")

        # Kill moments as fractions of the reference duration: one early, one late, the rest anywhere. Then, while
        # fewer than two kills have caught the run part way through its writes (the writes are not spread evenly
        # over a run, and a loaded machine shifts them), more kills bisect between the latest moment that found
        # nothing written and the earliest that found everything written.
        fractions = [randomness.uniform(0.03, 0.2), randomness.uniform(0.8, 0.97)]
        fractions += [randomness.uniform(0.03, 0.97) for _ in range(max(arguments.kills - 2, 0))]
        fractions.sort()
        caught_mid_write = 0
        resumed = None
        before_writes, after_writes = 0.0, 1.5
        index = 0
        while index < len(fractions) or (caught_mid_write < 2 and index < len(fractions) + 8):
            if index < len(fractions):
                fraction = fractions[index]
            else:
                fraction = (before_writes + after_writes) / 2
            work = os.path.join(scratch, f"kill-{index}")
            copy_tree(original_root, work)
            process = fix(binary, work)
            time.sleep(fraction * duration)
            still_running = process.poll() is None
            if still_running:
                process.send_signal(signal.SIGKILL)
            code = process.wait()
            what = f"kill {index + 1} at {fraction * duration:.2f} s"
            count, temporaries = check_tree(work, original, fixed, what)
            state = "killed" if code == -signal.SIGKILL else f"had already exited with {code}"
            print(f"{what} ({fraction:.0%}): {state}; {count} of {changed} fixed notes written, "
                  f"{len(temporaries)} temporary files left")
            if still_running and 0 < count < changed:
                caught_mid_write += 1
                if resumed is None:
                    resumed = work
            elif count == 0 and still_running:
                before_writes = max(before_writes, fraction)
            else:
                after_writes = min(after_writes, fraction)
            if resumed != work:
                shutil.rmtree(work)
            index += 1
        if caught_mid_write == 0:
            fail("no kill caught the run part way through its writes")
        if resumed is not None:
            run_to_end(binary, resumed, {0, 1}, "--fix after a kill")
            after = {path: digest for path, digest in listing(resumed).items()
                     if not TEMPORARY.match(os.path.basename(path))}
            if after != fixed:
                differing = sorted(path for path in set(after) | set(fixed) if after.get(path) != fixed.get(path))
                fail(f"--fix after a kill did not reach the reference: {differing[:10]}")
            else:
                print("--fix after a kill: every note equals the reference")
            shutil.rmtree(resumed)

        work = os.path.join(scratch, "concurrent")
        copy_tree(original_root, work)
        started = time.monotonic()
        first = fix(binary, work)
        second_folder = work  # the same tree; only the stderr log differs
        environment = dict(os.environ, NO_COLOR="1")
        second_log = os.path.join(scratch, "concurrent-second.stderr")
        with open(second_log, "wb") as log:
            second = subprocess.Popen(
                # --no-cache: the tree must hold nothing but notes, and the subject here is the notes.
        [binary, "lint", "--fix", "--no-cache", "--now", TODAY, "--format", "concise", "."],
                cwd=second_folder, stdout=subprocess.DEVNULL, stderr=log, env=environment)
        codes = [first.wait(), second.wait()]
        seconds = time.monotonic() - started
        with open(second_log, "rb") as handle:
            errors = stderr_of(work) + handle.read().decode("utf-8", "replace")
        skipped = [line for line in errors.splitlines() if line]
        unexpected = [line for line in skipped
                      if not line.endswith("not fixed: the file changed on disk while it was being fixed; left untouched")]
        for code in codes:
            if code not in (1, 2):
                fail(f"concurrent --fix: exit code {code}: {errors[-2000:]}")
        if unexpected:
            fail(f"concurrent --fix: unexpected messages: {unexpected[:5]}")
        result = listing(work)
        differing = sorted(path for path in set(result) | set(fixed) if result.get(path) != fixed.get(path))
        if differing:
            fail(f"concurrent --fix: {len(differing)} files differ from the reference: {differing[:10]}")
        run_to_end(binary, work, {0, 1}, "--fix after the concurrent runs")
        if listing(work) != result:
            fail("--fix after the concurrent runs changed something")
        print(f"two concurrent --fix: exit codes {codes}, {len(skipped)} notes left to the other run, "
              f"{len(differing)} differing from the reference ({seconds:.1f} s)")
    finally:
        if arguments.keep:
            print(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failures", file=sys.stderr)
        return 1
    print("interrupted and concurrent --fix: OK")
    return 0


fixed_root = None

if __name__ == "__main__":
    sys.exit(main())
