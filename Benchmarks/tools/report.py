#!/usr/bin/env python3
"""Turns the benchmark's raw runs into the table and the goal checks.

    report.py RESULTS.tsv [--machine TEXT] [--main LABEL] [--large LABEL]

RESULTS.tsv has one row a run: CORPUS, TOOL, NOTES, SECONDS, RSS_KB, CPU_SECONDS (tab-separated), as
scripts/benchmark.sh writes it. Each (corpus, tool) is summarised by the medians of its runs. Prints Markdown.
The goals compare the main corpus (--main, default 10k) with the large one (--large, default 100k).
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
    "startup-known": "notelint, one note, all tags known",
    "startup-dictionary": "notelint, one note, dictionary needed",
}
ORDER = list(LABELS)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--machine", default="")
    parser.add_argument("--main", default="10k")
    parser.add_argument("--large", default="100k")
    args = parser.parse_args()
    main_, large = args.main, args.large
    corpus_order = [main_, large, "one"]

    def corpus_key(name):
        return (corpus_order.index(name) if name in corpus_order else len(corpus_order), name)

    runs = collections.defaultdict(list)
    notes = {}
    with open(args.results, encoding="utf-8") as rows:
        for row in rows:
            corpus, tool, count, seconds, rss, cpu = (row.rstrip("\n").split("\t") + [""])[:6]
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
            rate = f"{n / value:,.0f}" if value > 0 else "-"
            ratio = f"{(value / n) / base:.2f}" if base and tool != "nl-j0" and corpus != "one" else ("1.00" if tool == "nl-j0" else "")
            shown = f"{value:.3f}" if value < 1 else f"{value:.2f}"
            cpu_shown = "" if cpu != cpu else (f"{cpu:.3f}" if cpu < 1 else f"{cpu:.2f}")
            print(f"| {corpus} | {LABELS.get(tool, tool)} | {n:,} | {shown} | {rate} | {rss / 1024:.1f} | {ratio} | {cpu_shown} "
                  f"| {count} |")
    print()
    print("`seconds`: median wall time; `ratio to notelint`: the tool's time per note divided by notelint's "
          "(`--jobs 0`, same corpus), above 1 is slower than notelint; `CPU s`: median user + system time.")
    print()

    def goal(name, value, target, met, unit=""):
        if value is None:
            print(f"| {name} | not measured | {target} | - |")
        else:
            verdict = "" if met is None else ("met" if met(value) else "**not met**")
            print(f"| {name} | {value}{unit} | {target} | {verdict} |")

    def ratio(a, b):
        return round(a / b, 2) if a is not None and b else None

    print("| measure | value | goal | |")
    print("|---|---:|---|---|")
    goal(f"notelint `--jobs 1` time / C floor time ({main_}, one core each)",
         ratio(seconds(main_, "nl-j1"), seconds(main_, "c-floor")), "-", None, "×")
    goal(f"Python checker time / notelint `--jobs 0` time ({main_})",
         ratio(seconds(main_, "python"), seconds(main_, "nl-j0")), "≥ 20×", lambda v: v >= 20, "×")
    goal(f"Python checker time / notelint `--jobs 1` time ({main_}, one core each)",
         ratio(seconds(main_, "python"), seconds(main_, "nl-j1")), "-", None, "×")
    goal(f"yamllint time per note / notelint's ({main_})",
         ratio(per_note(main_, "yamllint"), per_note(main_, "nl-j0")), "≥ 100×", lambda v: v >= 100, "×")
    goal(f"scaling: notelint {large} time / {main_} time (`--jobs 0`)",
         ratio(seconds(large, "nl-j0"), seconds(main_, "nl-j0")), "≤ 11×", lambda v: v <= 11, "×")
    goal(f"scaling: notelint {large} time / {main_} time (`--jobs 1`)",
         ratio(seconds(large, "nl-j1"), seconds(main_, "nl-j1")), "≤ 11×", lambda v: v <= 11, "×")
    goal(f"2 workers vs 1: `--jobs 1` time / `--jobs 0` time ({main_})",
         ratio(seconds(main_, "nl-j1"), seconds(main_, "nl-j0")), "≥ 1.7×", lambda v: v >= 1.7, "×")
    goal(f"2 workers vs 1: `--jobs 1` time / `--jobs 0` time ({large})",
         ratio(seconds(large, "nl-j1"), seconds(large, "nl-j0")), "≥ 1.7×", lambda v: v >= 1.7, "×")
    goal(f"cache: cold time / warm time ({large})",
         ratio(seconds(large, "nl-cold"), seconds(large, "nl-warm")), "≥ 5×", lambda v: v >= 5, "×")
    goal(f"cache: cold time / warm time ({main_})",
         ratio(seconds(main_, "nl-cold"), seconds(main_, "nl-warm")), "-", None, "×")
    goal(f"`--fix` time / lint time, same fresh copy ({main_})",
         ratio(seconds(main_, "nl-fix"), seconds(main_, "nl-fix-lint")), "≤ 2×", lambda v: v <= 2, "×")
    rss = summary.get((large, "nl-j0"))
    goal(f"notelint peak RSS at {large} (`--jobs 0`)", round(rss[1] / 1024, 1) if rss else None, "≤ 100 MB",
         lambda v: v <= 100, " MB")
    for tool in ("startup-known", "startup-dictionary"):
        value = seconds("one", tool)
        goal(f"start-up: {LABELS[tool]} (median)", round(value * 1000, 1) if value is not None else None, "-", None,
             " ms")


if __name__ == "__main__":
    main()
