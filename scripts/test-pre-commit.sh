#!/usr/bin/env bash
# Proves that the hooks in .pre-commit-hooks.yaml work with the pre-commit framework: `pre-commit try-repo`
# builds notelint from this repository and runs it, in a scratch repository, on a good note (must pass), a bad
# note (must fail and name the problem) and, with the fix hook, a note with a duplicate tag (must lose it).
#
# Usage: scripts/test-pre-commit.sh [--committed]
#   By default the working tree is tested as it is, tracked and untracked files alike (ignored ones left out),
#   through a snapshot repository: try-repo pointed at this repository would take HEAD plus edits to tracked
#   files only, and so miss new files that are not committed yet.
#   --committed tests this repository's HEAD, as users who pin a `rev:` get it.
#
# try-repo builds notelint in release mode from nothing (its cache lives and dies with the run), so expect a
# few minutes. Exits non-zero if any check fails.
set -euo pipefail

repository=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-working-tree}
case $mode in
working-tree | --committed) ;;
*)
    echo "usage: $0 [--committed]" >&2
    exit 2
    ;;
esac

if command -v pre-commit >/dev/null 2>&1; then
    pre_commit=(pre-commit)
else
    echo "installing pre-commit with pip"
    python3 -m pip install --quiet --disable-pip-version-check pre-commit
    pre_commit=(python3 -m pre_commit)
fi
echo "using $("${pre_commit[@]}" --version)"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Scratch commits need an author whatever the machine's configuration, and must not wait for a signing key.
scratch_git() { git -c user.name="notelint tests" -c user.email=tests@example.invalid -c commit.gpgsign=false "$@"; }

if [ "$mode" = --committed ]; then
    hooks_repository=$repository
    revision=(--ref "$(git -C "$repository" rev-parse HEAD)")
    git -C "$repository" cat-file -e HEAD:.pre-commit-hooks.yaml 2>/dev/null || {
        echo "FAIL: HEAD has no .pre-commit-hooks.yaml; commit it first" >&2
        exit 1
    }
    echo "testing the hooks at HEAD ($(git -C "$repository" rev-parse --short HEAD))"
else
    hooks_repository=$scratch/snapshot
    mkdir "$hooks_repository"
    # Files deleted from the work tree but still in the index are skipped: tar would fail on them.
    git -C "$repository" ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' path; do
            if [ -e "$repository/$path" ] || [ -L "$repository/$path" ]; then printf '%s\0' "$path"; fi
        done |
        tar -C "$repository" --null -T - -cf - | tar -C "$hooks_repository" -xf -
    scratch_git init -q "$hooks_repository"
    scratch_git -C "$hooks_repository" add -A
    scratch_git -C "$hooks_repository" commit -q -m "Snapshot of the work tree"
    revision=() # expanded as ${revision[@]+…}: bash 3.2, macOS's, calls an empty array unset under `set -u`
    echo "testing the hooks in the work tree, through a snapshot repository"
fi

notes=$scratch/notes
scratch_git init -q "$notes"
cat >"$notes/good.md" <<'EOF'
---
title: A good note
date: 2024-05-01
draft: false
status: evergreen
tags: [war, strategy]
summary: A note that passes every check.
layout: post.njk
---
Body.
EOF
cat >"$notes/bad.md" <<'EOF'
---
title: A bad note
date: 2024-05-01
draft: true
status: evergreen
tags: [war]
summary: A draft that calls itself finished.
layout: post.njk
---
Body.
EOF
cat >"$notes/fixable.md" <<'EOF'
---
title: A fixable note
date: 2024-05-01
draft: false
status: evergreen
tags: [war, war]
summary: A note that lists one tag twice.
layout: post.njk
---
Body.
EOF
scratch_git -C "$notes" add .
scratch_git -C "$notes" commit -q -m "Three notes"

failures=0
fail() {
    echo "FAIL: $1"
    echo "---- pre-commit output ----"
    cat "$scratch/output"
    echo "---------------------------"
    failures=$((failures + 1))
}
# One try-repo run with every hook of this repository on every note: a single release build serves both hooks
# (try-repo's cache lives and dies with the run, so separate runs would each build from nothing).
echo "running every hook on good.md, bad.md and fixable.md (builds notelint; this takes a while)"
status=0
(cd "$notes" && "${pre_commit[@]}" try-repo "$hooks_repository" ${revision[@]+"${revision[@]}"} --color never --verbose --all-files) \
    >"$scratch/output" 2>&1 || status=$?
echo "  finished in $SECONDS s with status $status"

if [ "$status" -ne 0 ] && grep -q '^notelint\.*Failed' "$scratch/output" &&
    grep -q 'bad.md:5:9: error: .*\[draft-status\]' "$scratch/output"; then
    echo "ok: the notelint hook fails on bad.md, printing:"
    grep '^bad.md:' "$scratch/output" | sed 's/^/    /'
else
    fail "the notelint hook should fail with a draft-status finding in bad.md"
fi
if ! grep -q '^good.md:' "$scratch/output"; then
    echo "ok: good.md passes: no finding names it"
else
    fail "good.md should pass the notelint hook"
fi
if grep -q 'files were modified by this hook' "$scratch/output" && grep -qx 'tags: \[war\]' "$notes/fixable.md" &&
    ! git -C "$notes" diff --quiet -- fixable.md && git -C "$notes" diff --quiet -- good.md bad.md; then
    echo "ok: the notelint-fix hook rewrote fixable.md to 'tags: [war]' and left the other notes alone"
else
    fail "the notelint-fix hook should rewrite fixable.md to 'tags: [war]' only; it now reads: $(grep '^tags:' "$notes/fixable.md")"
fi

echo "total time: $SECONDS s"
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all pre-commit checks passed"
