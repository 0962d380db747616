#!/usr/bin/env python3
"""The top inclusive functions of notelint's own code in a callgrind profile.

    callgrind_top.py CALLGRIND.OUT [--top N]

Reads `callgrind_annotate --inclusive=yes`, keeps functions whose source lies under Sources/ (the engine, the
loader and the command), drops the plumbing every lint passes through (main, the command's run, Linter.lint and
the closures that hand notes to workers), demangles Swift names with `swift demangle --simplified` when it is
there, and prints each function's share of all instructions. A few library entry points the engine calls into
(libyaml, Hunspell) are listed separately, for scale.
"""
import argparse
import re
import shutil
import subprocess

LINE = re.compile(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S.*?):(\S+)(?: \[(.*)\])?$")
PLUMBING = ("notelint_main", "LintCommand", "Linter.lint(", "Parallel.map", "closure #", "partial apply")
LIBRARIES = ("Hunspell_suggest", "Hunspell_spell", "Hunspell_create", "yaml_parser_parse", "swift_release",
             "swift_retain", "swift_allocObject", "malloc", "free")


def demangle(names):
    tool = shutil.which("swift-demangle")
    command = [tool, "--simplified"] if tool else (["swift", "demangle", "--simplified"] if shutil.which("swift") else None)
    if not command:
        return names
    out = subprocess.run(command, input="\n".join(names), capture_output=True, text=True).stdout.split("\n")
    return out[:len(names)] if len(out) >= len(names) else names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("profile")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", args.profile],
                          capture_output=True, text=True, check=True).stdout
    total = None
    own, libraries = {}, {}
    for line in text.splitlines():
        if "PROGRAM TOTALS" in line:
            total = int(line.split()[0].replace(",", ""))
            continue
        match = LINE.match(line)
        if not match:
            continue
        count = int(match.group(1).replace(",", ""))
        source, symbol = match.group(3), match.group(4)
        if "/Sources/" in source and symbol.startswith("$s"):
            own[symbol] = max(own.get(symbol, 0), count)
        elif any(symbol == name or symbol.startswith(name + "@") for name in LIBRARIES):
            libraries[symbol] = max(libraries.get(symbol, 0), count)
    symbols = list(own)
    names = dict(zip(symbols, demangle(symbols)))
    merged = {}
    for symbol, count in own.items():
        name = names[symbol].strip()
        if any(word in name for word in PLUMBING):
            continue
        merged[name] = max(merged.get(name, 0), count)
    print(f"total instructions: {total:,}")
    print(f"{'share':>7}  {'instructions':>15}  function (inclusive)")
    for name, count in sorted(merged.items(), key=lambda item: -item[1])[:args.top]:
        print(f"{100 * count / total:6.2f}%  {count:>15,}  {name[:150]}")
    print("library entry points:")
    for name, count in sorted(libraries.items(), key=lambda item: -item[1]):
        print(f"{100 * count / total:6.2f}%  {count:>15,}  {name}")


if __name__ == "__main__":
    main()
