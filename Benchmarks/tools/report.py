#!/usr/bin/env python3
"""Turns the benchmark's raw runs into the table and the goal checks.

    report.py RESULTS.tsv [--machine TEXT] [--main LABEL] [--large LABEL] [--note TEXT]...

RESULTS.tsv has one row a run: CORPUS, TOOL, NOTES, SECONDS, RSS_KB, CPU_SECONDS (tab-separated), as
scripts/benchmark.sh writes it; a row with two more columns, INSTRUCTIONS and SOURCE (what counted them), is an
instruction count, not a timed run. Each (corpus, tool) is summarised by the medians of its runs. Prints Markdown.
The goals (issue 17's, then the peers' of issue 7) compare the main corpus (--main, default 10k) with the large
one (--large, default 100k); the commit hook's rows are on corpus "MAIN repo", the one-note rows on "one".
"""
import argparse
import collections
import statistics

LABELS = {
    "nl-j0": "notelint `--jobs 0` (2 workers)",
    "nl-j1": "notelint `--jobs 1`",
    "nl-cold": "notelint, cold cache",
    "nl-warm": "notelint, warm cache",
    "nl-fix": "notelint `--fix` (safe fixes, fresh copy)",
    "nl-fix-lint": "notelint lint of the same fresh copy",
    "c-floor": "C floor: libyaml events",
    "read-floor": "read floor: `head -c 8192`",
    "python": "Python checker (CSafeLoader)",
    "yamllint": "yamllint (extracted .yaml)",
    "hook-changed": "commit hook: `notelint lint NOTE` (the note edited before each run, warm cache)",
    "hook-path": "commit hook: `notelint lint NOTE` again (the note unchanged since the last run, warm cache)",
    "hook-staged": "commit hook: `notelint lint --staged` (one staged note, warm cache)",
    "version": "notelint `--version`",
    "startup-known": "notelint, one note, all tags known",
    "startup-dictionary": "notelint, one note, dictionary needed",
    "startup-dictionary-warm": "notelint, one note, dictionary needed, warm cache",
}
ORDER = list(LABELS)


def number(value):
    """Seconds as the table shows them: 16.50, 1.42, 0.340, 0.0660, 0.00812 (milliseconds still readable)."""
    for floor, decimals in ((1, 2), (0.1, 3), (0.01, 4)):
        if value >= floor:
            return f"{value:.{decimals}f}"
    return f"{value:.5f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--machine", default="")
    parser.add_argument("--main", default="10k")
    parser.add_argument("--large", default="100k")
    parser.add_argument("--note", action="append", default=[], help="a line printed below the goals")
    args = parser.parse_args()
    main_, large = args.main, args.large
    repo = f"{main_} repo"
    corpus_order = [main_, large, repo, "one"]

    def corpus_key(name):
        return (corpus_order.index(name) if name in corpus_order else len(corpus_order), name)

    runs = collections.defaultdict(list)
    notes = {}
    counts = {}
    with open(args.results, encoding="utf-8") as rows:
        for row in rows:
            corpus, tool, count, seconds, rss, cpu, instructions, source = (row.rstrip("\n").split("\t") + [""] * 2)[:8]
            if instructions:
                counts[corpus, tool] = (int(instructions), int(count), source)
                continue
            runs[corpus, tool].append((float(seconds), int(rss), float(cpu) if cpu else float("nan")))
            notes[corpus, tool] = int(count)
    summary = {key: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values), len(values),
                     statistics.median(v[2] for v in values))
               for key, values in runs.items()}

    def seconds(corpus, tool):
        return summary[corpus, tool][0] if (corpus, tool) in summary else None

    def per_note(corpus, tool):
        value = seconds(corpus, tool)
        return value / notes[corpus, tool] if value is not None and notes[corpus, tool] else None

    def rate(corpus, tool):
        value = seconds(corpus, tool)
        return round(notes[corpus, tool] / value) if value else None

    def milliseconds(corpus, tool):
        value = seconds(corpus, tool)
        return round(value * 1000, 1) if value is not None else None

    if args.machine:
        print(args.machine)
        print()
    print("| corpus | tool | notes | seconds | notes/s | peak RSS MB | ratio to notelint | CPU s | runs |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for corpus in sorted({c for c, _ in summary}, key=corpus_key):
        base = per_note(corpus, "nl-j0")
        for tool in sorted({t for c, t in summary if c == corpus}, key=lambda t: (ORDER.index(t) if t in ORDER else 99, t)):
            value, rss, count, cpu = summary[corpus, tool]
            n = notes[corpus, tool]
            shown_rate = f"{n / value:,.0f}" if value > 0 and n else "-"
            ratio = f"{(value / n) / base:.2f}" if base and n and tool != "nl-j0" else ("1.00" if tool == "nl-j0" else "")
            cpu_shown = "" if cpu != cpu else number(cpu)
            print(f"| {corpus} | {LABELS.get(tool, tool)} | {n:,} | {number(value)} | {shown_rate} | {rss / 1024:.1f} | {ratio} "
                  f"| {cpu_shown} | {count} |")
    print()
    print("`seconds`: median wall time; `ratio to notelint`: the tool's time per note divided by notelint's "
          "(`--jobs 0`, same corpus), above 1 is slower than notelint; `CPU s`: median user + system time.")
    print()

    def goal(name, value, target, met, shown=None):
        if value is None:
            print(f"| {name} | not measured | {target} | - |")
        else:
            verdict = "" if met is None else ("met" if met(value) else "**not met**")
            print(f"| {name} | {shown(value) if shown else value} | {target} | {verdict} |")

    def ratio(a, b):
        return round(a / b, 2) if a is not None and b else None

    def times(value):
        return f"{value}×"

    def ms(value):
        return f"{value} ms"

    def per_second(value):
        return f"{value:,} notes/s"

    print("| measure | value | goal | |")
    print("|---|---:|---|---|")
    # Issue 17: 1. the commit hook.
    goal(f"commit hook: `lint NOTE`, one note of a {main_}-note repository edited before each run, warm cache (median)",
         milliseconds(repo, "hook-changed"), "≤ 10 ms", lambda v: v <= 10, ms)
    goal("commit hook: `lint NOTE` again, the note unchanged since the last run (median)",
         milliseconds(repo, "hook-path"), "-", None, ms)
    goal("commit hook: `lint --staged`, the same note staged (median)",
         milliseconds(repo, "hook-staged"), "≤ 10 ms", lambda v: v <= 10, ms)
    goal("one note, dictionary needed, embedded default, warm cache (median)",
         milliseconds("one", "startup-dictionary-warm"), "≤ 10 ms", lambda v: v <= 10, ms)
    for tool in ("startup-known", "startup-dictionary"):
        goal(f"start-up: {LABELS[tool]}, `--no-cache` (median)", milliseconds("one", tool), "-", None, ms)
    # 2. process start.
    goal("process start: `notelint --version` (median)", milliseconds("one", "version"), "≤ 5 ms", lambda v: v <= 5, ms)
    # 3. the warm cache.
    goal(f"cache: cold time / warm time ({large})",
         ratio(seconds(large, "nl-cold"), seconds(large, "nl-warm")), "≥ 20×", lambda v: v >= 20, times)
    goal(f"cache: cold time / warm time ({main_})",
         ratio(seconds(main_, "nl-cold"), seconds(main_, "nl-warm")), "-", None, times)
    # 4. cold throughput and instructions per note.
    goal(f"cold throughput: notelint `--jobs 0`, `--no-cache` ({large})", rate(large, "nl-j0"), "≥ 20,000 notes/s",
         lambda v: v >= 20000, per_second)
    goal(f"cold throughput: notelint `--jobs 0`, `--no-cache` ({main_})", rate(main_, "nl-j0"), "-", None, per_second)
    counted = counts.get((main_, "instructions"))
    goal(f"instructions per note: `lint --jobs 1 --no-cache` ({main_}{', ' + counted[2] if counted else ''})",
         round(counted[0] / counted[1] / 1e6, 3) if counted and counted[1] else None, "≤ 0.4 M", lambda v: v <= 0.4,
         lambda v: f"{v} M ({counted[0] / 1e9:.2f} G in all)")
    # 5. --fix.
    goal(f"`--fix` time / lint time, same fresh copy ({main_})",
         ratio(seconds(main_, "nl-fix"), seconds(main_, "nl-fix-lint")), "≤ 2×", lambda v: v <= 2, times)
    # 6. scaling.
    goal(f"scaling: notelint {large} time / {main_} time (`--jobs 0`)",
         ratio(seconds(large, "nl-j0"), seconds(main_, "nl-j0")), "≤ 11×", lambda v: v <= 11, times)
    goal(f"scaling: notelint {large} time / {main_} time (`--jobs 1`)",
         ratio(seconds(large, "nl-j1"), seconds(main_, "nl-j1")), "≤ 11×", lambda v: v <= 11, times)
    goal(f"2 workers vs 1: `--jobs 1` time / `--jobs 0` time ({main_})",
         ratio(seconds(main_, "nl-j1"), seconds(main_, "nl-j0")), "≥ 1.7×", lambda v: v >= 1.7, times)
    goal(f"2 workers vs 1: `--jobs 1` time / `--jobs 0` time ({large})",
         ratio(seconds(large, "nl-j1"), seconds(large, "nl-j0")), "≥ 1.7×", lambda v: v >= 1.7, times)
    rss = summary.get((large, "nl-j0"))
    goal(f"notelint peak RSS at {large} (`--jobs 0`)", round(rss[1] / 1024, 1) if rss else None, "≤ 100 MB",
         lambda v: v <= 100, lambda v: f"{v} MB")
    # Issue 7: the floor and the peers.
    goal(f"notelint `--jobs 1` time / C floor time ({main_}, one core each)",
         ratio(seconds(main_, "nl-j1"), seconds(main_, "c-floor")), "-", None, times)
    goal(f"Python checker time / notelint `--jobs 0` time ({main_})",
         ratio(seconds(main_, "python"), seconds(main_, "nl-j0")), "≥ 20×", lambda v: v >= 20, times)
    goal(f"Python checker time / notelint `--jobs 1` time ({main_}, one core each)",
         ratio(seconds(main_, "python"), seconds(main_, "nl-j1")), "-", None, times)
    goal(f"yamllint time per note / notelint's ({main_})",
         ratio(per_note(main_, "yamllint"), per_note(main_, "nl-j0")), "≥ 100×", lambda v: v >= 100, times)
    if args.note:
        print()
        for line in args.note:
            print(f"- {line}")


if __name__ == "__main__":
    main()
