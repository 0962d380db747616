#!/usr/bin/env python3
"""Measures `notelint server` as an editor uses it: a keystroke in a 20 KB note of a 10,000-note collection.

    scripts/benchmark-server.py [--binary .build/release/notelint] [--notes 10000] [--keystrokes 60] [--corpus DIR]

It generates the collection (Benchmarks/corpus/generate_corpus.py) with the shipped configuration at its root, so
that tag-spelling weighs every keystroke against the whole collection's tags, warms the result cache with one
`notelint lint`, starts the server, opens the note closest to 20 KB and types into its front matter: each
keystroke is an incremental `didChange`, and the time until the server pushes the diagnostics of that version is
measured, typing first in the summary and then in a tag. The typing pause (debounce) is set to 0 so that the figure is the check alone; editors add the pause
(50 ms by default) on top. Prints the median and 90th percentile, and the server's resident memory (now and peak).
"""
import argparse
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Server:
    def __init__(self, binary, cwd):
        self.process = subprocess.Popen([binary, "server"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self, timeout=120):
        deadline = time.monotonic() + timeout
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                length = int([line.split(b":")[1] for line in self.buffer[:end].split(b"\r\n")
                              if line.lower().startswith(b"content-length")][0])
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the server sent nothing in time")
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 1 << 16)
                if not chunk:
                    raise EOFError("the server closed its output")
                self.buffer += chunk

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for_diagnostics(self, uri, version):
        while True:
            message = self.receive()
            params = message.get("params") or {}
            if message.get("method") == "textDocument/publishDiagnostics" and params.get("uri") == uri \
                    and params.get("version") == version:
                return params["diagnostics"]

    def memory(self):
        fields = {}
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                name, _, value = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    fields[name] = int(value.split()[0]) / 1024
        return fields


def make_corpus(folder, notes):
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/corpus/generate_corpus.py"), folder,
                    "--notes", str(notes)], check=True, stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(ROOT, "Rules/default.lint.yml"), os.path.join(folder, ".lint.yml"))
    for name in ("note.schema.yml", "tags.txt", "tag-replacements.txt"):
        shutil.copy(os.path.join(ROOT, "Rules", name), folder)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/notelint"))
    parser.add_argument("--notes", type=int, default=10000)
    parser.add_argument("--keystrokes", type=int, default=60)
    parser.add_argument("--corpus", help="use (or create) this folder instead of a temporary one")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    temporary = None
    if arguments.corpus:
        corpus = os.path.abspath(arguments.corpus)
        if not os.path.exists(os.path.join(corpus, ".lint.yml")):
            make_corpus(corpus, arguments.notes)
    else:
        temporary = tempfile.mkdtemp(prefix="notelint-server-bench-")
        corpus = os.path.join(temporary, "notes")
        make_corpus(corpus, arguments.notes)
    try:
        started = time.monotonic()
        subprocess.run([binary, "lint", "--exit-zero", "--now", "2026-01-01", "."], cwd=corpus, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        warm = time.monotonic() - started
        notes = []
        for folder, _, files in os.walk(corpus):
            notes += [os.path.join(folder, name) for name in files if name.endswith(".md")]
        path = min(notes, key=lambda note: (abs(os.path.getsize(note) - 20 * 1024), note))
        with open(path, encoding="utf-8") as note:
            text = note.read()
        lines = text.split("\n")
        # Two places to type: the `summary:` line (the collection's evidence stays as it was) and the first tag (each
        # keystroke changes the corpus the tag rules weigh the note against). Each keystroke appends a letter or
        # takes it away again.
        summary = next(index for index, value in enumerate(lines) if value.startswith("summary:"))
        tags = next(index for index, value in enumerate(lines) if value.startswith("tags:"))
        tag = tags + 1 if lines[tags].rstrip() == "tags:" else tags
        places = {"summary": summary, "tag": tag}

        server = Server(binary, corpus)
        uri = "file://" + path
        server.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + corpus, "capabilities": {},
                                      "initializationOptions": {"debounceMilliseconds": 0, "today": "2026-01-01"}})
        server.notify("initialized", {})
        started = time.monotonic()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                                 "text": text}})
        server.wait_for_diagnostics(uri, 1)
        first = time.monotonic() - started
        timings = {}
        version = 1
        for name, line in places.items():
            column = len(lines[line].encode("utf-16-le")) // 2
            timings[name] = []
            for stroke in range(arguments.keystrokes):
                version += 1
                at = {"line": line, "character": column}
                if stroke % 2 == 0:
                    change = {"range": {"start": at, "end": at}, "text": "x"}
                else:
                    change = {"range": {"start": at, "end": {"line": line, "character": column + 1}}, "text": ""}
                started = time.monotonic()
                server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                         "contentChanges": [change]})
                server.wait_for_diagnostics(uri, version)
                timings[name].append((time.monotonic() - started) * 1000)
        memory = server.memory()
        server.request("shutdown", None)
        server.notify("exit", None)
        server.process.wait(timeout=10)
        print("binary: %s" % binary)
        print("collection: %d notes (result cache warmed by `notelint lint` in %.1f s)" % (len(notes), warm))
        print("note: %s (%d bytes)" % (os.path.relpath(path, corpus), len(text.encode())))
        print("open to first diagnostics: %.1f ms" % (first * 1000))
        for name, values in timings.items():
            values.sort()
            print("keystroke in the %s to diagnostics: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms (%d keystrokes)" % (
                name, statistics.median(values), values[int(len(values) * 0.9) - 1], values[0], values[-1], len(values)))
        print("server memory: resident %.1f MB, peak %.1f MB" % (memory.get("VmRSS", 0), memory.get("VmHWM", 0)))
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
