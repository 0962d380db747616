#!/usr/bin/env bash
# Tests what `make dist` and `make deb` made (run them first; `make test` does):
#   - the archive: its checksum in SHA256SUMS, its size (at most 20 MB), its files; unpacked into an empty
#     folder and run with a bare environment (env -i PATH=/usr/bin:/bin): only glibc, libm, libstdc++ and
#     libgcc_s are loaded, --version works, and its JSON report on the seed note equals the debug build's;
#     with the system dictionaries hidden (NOTELINT_IGNORE_SYSTEM_DICTIONARIES=1) it uses the dictionary it
#     ships, also when started through a link, and without that one tag spelling has no dictionary;
#   - the Debian package: its files (dpkg-deb --contents), no lintian error, its binary's libraries, and
#     its JSON report on the notes above;
#   - the GitHub Action: action.yml and the README's workflows validate against the vendored schemas, and its
#     script installs the archive from a release folder (checking the checksum) and writes a SARIF report.
# Installs lintian and check-jsonschema when missing. Exits non-zero if any check fails.
#
# Usage: scripts/test-dist.sh [--development-notelint PATH] [--seed NOTE]
set -euo pipefail
repository=$(cd "$(dirname "$0")/.." && pwd)
development=$repository/.build/debug/notelint
seed=$repository/../shared/seed/korean-war-origins.md
while [ $# -gt 0 ]; do
    case $1 in
    --development-notelint) development=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "usage: $0 [--development-notelint PATH] [--seed NOTE]" >&2; exit 2 ;;
    esac
done
version=$(tr -d '[:space:]' <"$repository/VERSION")
arch=$(uname -m)
dist=$repository/dist
name=notelint-$version-$arch-linux
archive=$dist/$name.tar.gz
deb=$dist/notelint_${version}_$(dpkg --print-architecture).deb

failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
bare() { env -i PATH=/usr/bin:/bin "$@"; }

missing=()
command -v lintian >/dev/null || missing+=(lintian)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v check-jsonschema >/dev/null || python3 -m pip install --quiet check-jsonschema

for file in "$archive" "$deb" "$dist/SHA256SUMS" "$development" "$seed"; do
    [ -e "$file" ] || { echo "FAIL: $file is missing (make deb builds dist/; swift build the debug binary)"; exit 1; }
done
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# --- the archive ---------------------------------------------------------------------------------------------
if (cd "$dist" && sha256sum --check --strict --quiet SHA256SUMS); then
    ok "SHA256SUMS matches $(wc -l <"$dist/SHA256SUMS") file(s): $(cut -d' ' -f3 "$dist/SHA256SUMS" | tr '\n' ' ')"
else
    fail "SHA256SUMS does not match dist/"
fi
size=$(stat -c %s "$archive")
if [ "$size" -le 20000000 ]; then ok "archive size $size bytes (at most 20 MB)"; else fail "archive is $size bytes, over 20 MB"; fi

tar -tzf "$archive" | sort >"$scratch/listing"
for file in bin/notelint share/man/man1/notelint.1 share/bash-completion/completions/notelint \
    share/zsh/site-functions/_notelint share/fish/vendor_completions.d/notelint.fish \
    share/notelint/hunspell/en_US.aff share/notelint/hunspell/en_US.dic \
    share/doc/notelint/licences/libyaml.copyright share/doc/notelint/licences/hunspell.copyright \
    share/doc/notelint/licences/hunspell-en-us.copyright share/doc/notelint/licences/swift.LICENSE.txt \
    share/doc/notelint/licences/swift-argument-parser.LICENSE.txt share/doc/notelint/CHANGELOG.md; do
    grep -qx "$name/$file" "$scratch/listing" || fail "the archive lacks $name/$file"
done
ok "the archive holds $(grep -cv '/$' "$scratch/listing") files, the expected ones among them"

install=$scratch/empty
mkdir "$install"
tar -C "$install" -xzf "$archive"
binary=$install/$name/bin/notelint

# The manual page renders and documents the lint command; the bash completion script parses.
if command -v man >/dev/null; then
    # Outputs are captured before grep reads them: `grep -q` stops at the first match, and with pipefail the
    # writer's SIGPIPE would fail a check that passed.
    manual=$(MANWIDTH=100 man -l "$install/$name/share/man/man1/notelint.1" 2>/dev/null || true)
    if grep -q -- '--changed-since' <<<"$manual"; then
        ok "the manual page renders and documents lint's options"
    else
        fail "the manual page does not render, or lacks lint's options"
    fi
fi
if bash -n "$install/$name/share/bash-completion/completions/notelint" &&
    grep -q 'changed-since' "$install/$name/share/bash-completion/completions/notelint"; then
    ok "the bash completion script parses and completes lint's options"
else
    fail "the bash completion script does not parse"
fi

# Shared libraries, as the dynamic loader resolves them with no library path set.
bare ldd "$binary" | awk '{ print $1 }' | sed 's|.*/||' | sort >"$scratch/libraries"
unexpected=$(grep -vxE 'linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|ld-linux-(x86-64|aarch64)\.so\.[12]' \
    "$scratch/libraries" || true)
if [ -z "$unexpected" ] && grep -qx libc.so.6 "$scratch/libraries"; then
    ok "ldd lists only $(tr '\n' ' ' <"$scratch/libraries")"
else
    fail "ldd lists libraries beyond glibc, libm, libstdc++ and libgcc_s: $(echo "$unexpected" | tr '\n' ' ')"
    bare ldd "$binary" | sed 's/^/    /'
fi
# SwiftPM links executables with the run path $ORIGIN (the binary's own folder); nothing else may be searched.
search_paths=$(readelf -d "$binary" | grep -E 'RPATH|RUNPATH' || true)
if [ -n "$search_paths" ] && grep -qv 'path: \[\$ORIGIN\]' <<<"$search_paths"; then
    fail "the binary carries a library search path: $(readelf -d "$binary" | grep -E 'RPATH|RUNPATH')"
fi

(cd "$install" && bare "$binary" --version) >"$scratch/version" 2>&1 || true
if [ "$(head -n 1 "$scratch/version")" = "$version" ] && grep -q '^en_US dictionary: ' "$scratch/version"; then
    ok "--version prints: $(tr '\n' '|' <"$scratch/version" | sed 's/|$//; s/|/ | /')"
else
    fail "--version should print $version and the dictionary; it printed: $(cat "$scratch/version")"
fi

# The seed note, and a note with a tag that only the dictionary can correct, linted in a folder of their own.
notes=$scratch/notes
mkdir "$notes"
cp "$seed" "$notes/seed.md"
cat >"$notes/misspelled.md" <<'NOTE'
---
title: A note with a misspelled tag
date: 2024-05-01
draft: false
status: evergreen
tags: [strategy, diplomacy, negotation]
summary: The third tag lacks an i.
layout: post.njk
---
Body.
NOTE
report() { # NAME ENV... -- BINARY : lints both notes, keeping the JSON report and the exit code
    local report_name=$1
    shift
    local status=0
    (cd "$notes" && "$@" lint --format json --now 2026-12-06 --no-cache seed.md misspelled.md) \
        >"$scratch/$report_name.json" 2>"$scratch/$report_name.err" || status=$?
    echo "$status" >"$scratch/$report_name.status"
}
report development env NO_COLOR=1 "$development"
report archive env -i PATH=/usr/bin:/bin "$binary"
dictionary_rule() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for x in d["diagnostics"] if x["rule"]=="tag-spelling" and "negotiation" in x.get("suggestions",[])))' "$1"; }
if [ "$(dictionary_rule "$scratch/development.json")" = 1 ]; then
    ok "the development build corrects 'negotation' to 'negotiation' with its dictionary"
else
    fail "the development build should suggest 'negotiation' (is hunspell-en-us installed?): $(head -c 600 "$scratch/development.json")"
fi
if cmp -s "$scratch/development.json" "$scratch/archive.json" && cmp -s "$scratch/development.status" "$scratch/archive.status"; then
    ok "the unpacked binary's JSON report equals the development build's ($(wc -c <"$scratch/archive.json") bytes, exit $(cat "$scratch/archive.status"))"
else
    fail "the unpacked binary's report differs from the development build's"
    diff "$scratch/development.json" "$scratch/archive.json" | head -20 | sed 's/^/    /'
fi

# Without the system dictionaries: the shipped one, also through a link from another folder.
hidden() { env -i PATH=/usr/bin:/bin NOTELINT_IGNORE_SYSTEM_DICTIONARIES=1 "$@"; }
mkdir "$scratch/links"
ln -s "$binary" "$scratch/links/notelint"
shipped=$(cd "$install/$name/share/notelint/hunspell" && pwd -P)/en_US.dic
for started in "$binary" "$scratch/links/notelint"; do
    line=$(hidden "$started" --version | sed -n 2p)
    if [ "$line" = "en_US dictionary: $shipped (shipped with notelint)" ]; then
        ok "with the system dictionaries hidden, $(basename "$(dirname "$started")")/notelint --version says: $line"
    else
        fail "with the system dictionaries hidden, $started --version should name $shipped; it says: $line"
    fi
done
report shipped hidden "$scratch/links/notelint"
if cmp -s "$scratch/development.json" "$scratch/shipped.json"; then
    ok "with only the shipped dictionary, the report is the same (tag spelling included)"
else
    fail "with only the shipped dictionary, the report differs from the development build's"
    diff "$scratch/development.json" "$scratch/shipped.json" | head -20 | sed 's/^/    /'
fi
mv "$install/$name/share/notelint/hunspell" "$scratch/hunspell-away"
report none hidden "$binary"
hidden "$binary" --version >"$scratch/none.version"
mv "$scratch/hunspell-away" "$install/$name/share/notelint/hunspell"
if [ "$(dictionary_rule "$scratch/none.json")" = 0 ] && grep -q '^en_US dictionary: none found' "$scratch/none.version"; then
    ok "with no dictionary at all, 'negotation' gets no dictionary suggestion and --version says none was found"
else
    fail "with no dictionary at all, the dictionary should not be used: $(head -c 600 "$scratch/none.json")"
fi

# --- the Debian package --------------------------------------------------------------------------------------
dpkg-deb --contents "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$scratch/deb-files"
for file in /usr/bin/notelint /usr/share/man/man1/notelint.1.gz /usr/share/bash-completion/completions/notelint \
    /usr/share/zsh/vendor-completions/_notelint /usr/share/fish/vendor_completions.d/notelint.fish \
    /usr/share/doc/notelint/copyright /usr/share/doc/notelint/changelog.gz; do
    grep -qx "$file" "$scratch/deb-files" || fail "the package lacks $file"
done
ok "dpkg-deb --contents lists $(grep -cv '/$' "$scratch/deb-files") files, the expected ones among them"
if [ "$(dpkg-deb --field "$deb" Version)" = "$version" ] && grep -qw hunspell-en-us <<<"$(dpkg-deb --field "$deb" Recommends)"; then
    ok "the package is version $version, depends on '$(dpkg-deb --field "$deb" Depends)' and recommends hunspell-en-us"
else
    fail "the package's version or Recommends is wrong: $(dpkg-deb --field "$deb" Version Recommends)"
fi
lintian_status=0
lintian --fail-on error --tag-display-limit 0 "$deb" >"$scratch/lintian" 2>&1 || lintian_status=$?
if [ "$lintian_status" -eq 0 ] && ! grep -q '^E:' "$scratch/lintian"; then
    ok "lintian reports no error ($(grep -c '^W:' "$scratch/lintian" || true) warnings, $(grep -c '^I:' "$scratch/lintian" || true) notes)"
else
    fail "lintian reports errors:"
fi
sed 's/^/    /' "$scratch/lintian"
# The packaged binary is linked against Debian's shared libyaml and Hunspell, which the package depends on.
dpkg-deb -x "$deb" "$scratch/deb-root"
depends=$(dpkg-deb --field "$deb" Depends)
packaged_libraries=$(bare ldd "$scratch/deb-root/usr/bin/notelint")
if grep -q 'libyaml-0-2' <<<"$depends" && grep -q 'libhunspell-1.7-0' <<<"$depends" &&
    grep -q 'libyaml-0.so.2 => /' <<<"$packaged_libraries"; then
    ok "the packaged binary links Debian's libyaml and Hunspell, and the package depends on them"
else
    fail "the packaged binary should link libyaml and Hunspell from Debian: $(bare ldd "$scratch/deb-root/usr/bin/notelint" | tr '\n' ' ')"
fi
report package env -i PATH=/usr/bin:/bin "$scratch/deb-root/usr/bin/notelint"
if [ "$(bare "$scratch/deb-root/usr/bin/notelint" --version | head -n 1)" = "$version" ] &&
    cmp -s "$scratch/development.json" "$scratch/package.json"; then
    ok "the packaged binary runs, and its JSON report equals the development build's"
else
    fail "the packaged binary does not run, or its report differs from the development build's"
fi

# --- the GitHub Action ---------------------------------------------------------------------------------------
if check-jsonschema --builtin-schema vendor.github-actions "$repository/action.yml" >"$scratch/schema" 2>&1; then
    ok "action.yml validates against the GitHub Actions metadata schema"
else
    fail "action.yml does not validate: $(cat "$scratch/schema")"
fi
# Every README block whose first line names a workflow file (# .github/workflows/NAME.yml) is one.
python3 - "$repository/README.md" "$scratch/workflows" <<'PY'
import os, re, sys
readme, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
blocks = re.findall(r"```yaml\n(# \.github/workflows/([\w.-]+\.ya?ml)\n.*?)```", open(readme, encoding="utf-8").read(), re.S)
for index, (text, file_name) in enumerate(blocks):
    open(os.path.join(out, f"{index}-{file_name}"), "w", encoding="utf-8").write(text)
PY
workflows=("$scratch"/workflows/*)
if [ ${#workflows[@]} -ge 2 ] && check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}" >"$scratch/schema" 2>&1; then
    ok "the README's ${#workflows[@]} workflows validate against the GitHub workflow schema"
else
    fail "the README's workflows (${#workflows[@]} found, 2 expected at least) do not validate: $(cat "$scratch/schema")"
fi

# The action's script against a release folder laid out like GitHub's (RELEASE-URL/vVERSION/...).
release=$scratch/releases/v$version
mkdir -p "$release"
cp "$archive" "$dist/SHA256SUMS" "$release/"
runner=$scratch/runner
mkdir -p "$runner/temp" "$runner/workspace"
action_env=(env -i PATH=/usr/bin:/bin HOME="$runner" RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$runner/temp"
    GITHUB_PATH="$runner/path" GITHUB_OUTPUT="$runner/output" NOTELINT_RELEASE_URL="file://$scratch/releases")
if "${action_env[@]}" "$repository/scripts/github-action.sh" install >"$scratch/action" 2>&1 &&
    [ -x "$(cat "$runner/path")/notelint" ]; then
    ok "the action installs notelint $version from the release folder, checksum checked"
else
    fail "the action's install step failed: $(cat "$scratch/action")"
fi
cp "$notes/seed.md" "$notes/misspelled.md" "$runner/workspace/"
git -C "$runner/workspace" init -q
git -C "$runner/workspace" add seed.md
git -C "$runner/workspace" -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit -q -m base
base=$(git -C "$runner/workspace" rev-parse HEAD)
git -C "$runner/workspace" add misspelled.md
status=0
(cd "$runner/workspace" && "${action_env[@]}" PATH="$(cat "$runner/path"):/usr/bin:/bin" NOTELINT_FORMAT=sarif \
    NOTELINT_OUTPUT=notelint.sarif NOTELINT_CHANGED_SINCE="$base" NOTELINT_PATHS=". " NOTELINT_ARGS="--now 2026-12-06 --no-cache" \
    "$repository/scripts/github-action.sh" lint) >"$scratch/action" 2>&1 || status=$?
if [ "$status" -eq 0 ] && grep -qx 'exit-code=1' "$runner/output" && grep -qx 'report=notelint.sarif' "$runner/output" &&
    python3 - "$runner/workspace/notelint.sarif" "$version" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["tool"]["driver"]["version"] == sys.argv[2], run["tool"]["driver"]
files = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert files == {"misspelled.md"}, files  # the seed note is not changed since the base commit
PY
then
    ok "the action's lint step writes notelint.sarif (tool.driver.version $version) for the changed note only, exit-code=1"
else
    fail "the action's lint step: status $status, outputs $(tr '\n' ' ' <"$runner/output"); log: $(cat "$scratch/action")"
fi
# A damaged archive is refused.
printf 'x' >>"$release/$name.tar.gz"
if ! "${action_env[@]}" "$repository/scripts/github-action.sh" install >"$scratch/action" 2>&1 && grep -q 'checksum' "$scratch/action"; then
    ok "the action refuses an archive whose checksum does not match"
else
    fail "the action should refuse a damaged archive: $(cat "$scratch/action")"
fi

echo "total time: $SECONDS s"
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all distribution checks passed"
