#!/usr/bin/env bash
# Proves that the hooks in .pre-commit-hooks.yaml work with the pre-commit framework: `pre-commit try-repo`
# builds notelint from this repository and runs it, in a scratch repository, on a good note (must pass), a bad
# note (must fail and name the problem) and, with the fix hook, a note with a duplicate tag (must lose it).
#
# The hooks that use an installed notelint (language: system) run in a second try-repo, with the notelint named
# by --system-notelint on PATH (default: .build/release/notelint), on the same notes.
#
# Usage: scripts/test-pre-commit.sh [--committed] [--system-notelint PATH]
#   By default the working tree is tested as it is, tracked and untracked files alike (ignored ones left out),
#   through a snapshot repository: try-repo pointed at this repository would take HEAD plus edits to tracked
#   files only, and so miss new files that are not committed yet.
#   --committed tests this repository's HEAD, as users who pin a `rev:` get it.
#
# try-repo builds notelint in release mode from nothing (its cache lives and dies with the run), so expect a
# few minutes. Exits non-zero if any check fails.
set -euo pipefail

repository=$(cd "$(dirname "$0")/.." && pwd)
mode=working-tree
system_notelint=$repository/.build/release/notelint
while [ $# -gt 0 ]; do
    case $1 in
    --committed) mode=--committed; shift ;;
    --system-notelint) system_notelint=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    *)
        echo "usage: $0 [--committed] [--system-notelint PATH]" >&2
        exit 2
        ;;
    esac
done
[ -x "$system_notelint" ] || {
    echo "FAIL: no notelint at $system_notelint for the system hooks; build it (swift build -c release) or name one" >&2
    exit 1
}

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
# Runs try-repo with the hooks of this repository except those in $1 (pre-commit's SKIP), on every note, after
# putting the notes back as committed; PATH is the caller's.
try_hooks() {
    git -C "$notes" checkout -q -- .
    status=0
    (cd "$notes" && SKIP=$1 "${pre_commit[@]}" try-repo "$hooks_repository" ${revision[@]+"${revision[@]}"} --color never --verbose --all-files) \
        >"$scratch/output" 2>&1 || status=$?
}
# What every pair of hooks must do: $1 is the lint hook's name, $2 the fix hook's, as pre-commit prints them.
check_hooks() {
    local lint_name=$1 fix_name=$2
    if [ "$status" -ne 0 ] && grep -q "^$lint_name\.*Failed" "$scratch/output" &&
        grep -q 'bad.md:5:9: error: .*\[draft-status\]' "$scratch/output"; then
        echo "ok: the '$lint_name' hook fails on bad.md, printing:"
        grep '^bad.md:' "$scratch/output" | sort -u | sed 's/^/    /'
    else
        fail "the '$lint_name' hook should fail with a draft-status finding in bad.md"
    fi
    if ! grep -q '^good.md:' "$scratch/output"; then
        echo "ok: good.md passes: no finding names it"
    else
        fail "good.md should pass the '$lint_name' hook"
    fi
    if grep -q "^$fix_name\.*Failed" "$scratch/output" && grep -q 'files were modified by this hook' "$scratch/output" &&
        grep -qx 'tags: \[war\]' "$notes/fixable.md" &&
        ! git -C "$notes" diff --quiet -- fixable.md && git -C "$notes" diff --quiet -- good.md bad.md; then
        echo "ok: the '$fix_name' hook rewrote fixable.md to 'tags: [war]' and left the other notes alone"
    else
        fail "the '$fix_name' hook should rewrite fixable.md to 'tags: [war]' only; it now reads: $(grep '^tags:' "$notes/fixable.md")"
    fi
}

# One try-repo run with both Swift hooks: a single release build serves them (try-repo's cache lives and dies
# with the run, so separate runs would each build from nothing).
echo "running the Swift hooks on good.md, bad.md and fixable.md (builds notelint; this takes a while)"
started=$SECONDS
try_hooks notelint-system,notelint-fix-system
echo "  finished in $((SECONDS - started)) s with status $status"
check_hooks notelint 'notelint (fix)'

# The system hooks, with only the given notelint on PATH besides the system's tools: nothing is built.
mkdir "$scratch/bin"
ln -s "$system_notelint" "$scratch/bin/notelint"
echo "running the system hooks with $system_notelint"
started=$SECONDS
PATH=$scratch/bin:$PATH try_hooks notelint,notelint-fix
echo "  finished in $((SECONDS - started)) s with status $status"
if grep -q 'Installing environment' "$scratch/output"; then fail "the system hooks should install (build) nothing"; fi
check_hooks 'notelint (installed)' 'notelint (installed, fix)'

echo "total time: $SECONDS s"
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all pre-commit checks passed"
