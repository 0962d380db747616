#!/usr/bin/env python3
"""Runs a command once and appends its wall time and peak RSS to a results file.

    measure.py RESULTS CORPUS TOOL NOTES -- COMMAND...

The same two numbers `/usr/bin/time -f "%e %M"` prints (wall-clock seconds, and the child's ru_maxrss in KB
from wait4), but with microsecond resolution, for runs too short for `%e`'s hundredths (start-up on one note).
Output goes to /dev/null. Appends the row `CORPUS<TAB>TOOL<TAB>NOTES<TAB>SECONDS<TAB>RSS_KB<TAB>CPU_SECONDS`.
"""
import os
import subprocess
import sys
import time


def main():
    if "--" not in sys.argv or sys.argv.index("--") != 5:
        sys.exit(__doc__)
    results, corpus, tool, notes = sys.argv[1:5]
    command = sys.argv[6:]
    with open(os.devnull, "wb") as null:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=null, stderr=null)
        _, _, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    with open(results, "a", encoding="utf-8") as out:
        cpu = usage.ru_utime + usage.ru_stime
        out.write(f"{corpus}\t{tool}\t{notes}\t{elapsed:.6f}\t{usage.ru_maxrss}\t{cpu:.6f}\n")


if __name__ == "__main__":
    main()
