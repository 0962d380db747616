#!/usr/bin/env bash
# Builds dist/notelint_VERSION_ARCH.deb with dpkg-deb from the release archive that `make dist` made (its manual
# and completions) and the release build's object files:
#
#   /usr/bin/notelint
#   /usr/share/man/man1/notelint*.1.gz
#   /usr/share/bash-completion/completions/notelint, /usr/share/zsh/vendor-completions/_notelint,
#   /usr/share/fish/vendor_completions.d/notelint.fish
#   /usr/share/doc/notelint/{copyright,changelog.gz}
#
# The binary is the release build's, linked again from the same object files but against Debian's shared
# libyaml and Hunspell, as Debian wants libraries it packages (lintian's embedded-library); the Swift runtime
# stays linked in. The dictionary is not in the package: it recommends Debian's hunspell-en-us, which notelint
# finds in /usr/share/hunspell. Its dependencies come from dpkg-shlibdeps.
#
# Usage: scripts/deb.sh ARCHIVE BUILD_FOLDER [--output dist]     (BUILD_FOLDER: .build/release)
set -euo pipefail
repository=$(cd "$(dirname "$0")/.." && pwd)
archive=${1:?usage: $0 ARCHIVE BUILD_FOLDER [--output FOLDER]}
build=${2:?usage: $0 ARCHIVE BUILD_FOLDER [--output FOLDER]}
output=$repository/dist
[ "${3:-}" = --output ] && output=$4
: "${DEB_MAINTAINER:=notelint maintainers <notelint@example.org>}"

version=$(tr -d '[:space:]' <"$repository/VERSION")
architecture=$(dpkg --print-architecture)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repository" log -1 --format=%ct 2>/dev/null || date +%s)}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
tar -C "$stage" -xzf "$archive"
unpacked=$(echo "$stage"/notelint-*-linux)
package=$stage/package

install -d "$package/DEBIAN" "$package/usr/bin" "$package/usr/share/man/man1" \
    "$package/usr/share/bash-completion/completions" "$package/usr/share/zsh/vendor-completions" \
    "$package/usr/share/fish/vendor_completions.d" "$package/usr/share/doc/notelint"
# The link line of SwiftPM's release build (swift build -v) without the static archives' folder; the objects
# of the executable name their entry point notelint_main.
objects=$build/notelint.product/Objects.LinkFileList
[ -f "$objects" ] || { echo "$0: $objects is missing: build with swift build -c release first" >&2; exit 1; }
triple=$(basename "$(dirname "$(readlink -f "$build")")") # .build/release → .build/TRIPLE/release
swiftc -target "$triple" -L "$build" -o "$stage/notelint" -module-name notelint -static-stdlib -emit-executable \
    -Xlinker --gc-sections -Xlinker --defsym -Xlinker main=notelint_main "@$objects" -g 2> >(grep -v "use of \`mktemp'" >&2)
strip --strip-unneeded "$stage/notelint"
[ "$("$stage/notelint" --version | head -n 1)" = "$version" ] || { echo "$0: the relinked binary does not run" >&2; exit 1; }
install -m 755 "$stage/notelint" "$package/usr/bin/notelint"
for page in "$unpacked"/share/man/man1/*.1; do
    gzip -9 -n <"$page" >"$package/usr/share/man/man1/$(basename "$page").gz"
    chmod 644 "$package/usr/share/man/man1/$(basename "$page").gz"
done
# bash-completion sources the script: the generator's #! line is left out.
sed '1{/^#!/d}' "$unpacked/share/bash-completion/completions/notelint" >"$package/usr/share/bash-completion/completions/notelint"
chmod 644 "$package/usr/share/bash-completion/completions/notelint"
install -m 644 "$unpacked/share/zsh/site-functions/_notelint" "$package/usr/share/zsh/vendor-completions/_notelint"
install -m 644 "$unpacked/share/fish/vendor_completions.d/notelint.fish" "$package/usr/share/fish/vendor_completions.d/notelint.fish"
# A native package's changelog is in Debian's format: this version's entries of CHANGELOG.md, as one entry.
{
    echo "notelint ($version) unstable; urgency=medium"
    echo
    # One line per entry, then wrapped to Debian's 80 columns.
    awk -v heading="## $version " 'index($0, heading) == 1 { inside = 1; next } /^## / { inside = 0 } !inside { next }
        /^- / { if (entry != "") print entry; entry = substr($0, 3); next } /^  [^ ]/ { sub(/^ +/, ""); entry = entry " " $0 }
        END { if (entry != "") print entry }' "$repository/CHANGELOG.md" |
        while IFS= read -r entry; do printf '%s\n' "$entry" | fold -s -w 74 | sed -e 's/ *$//' -e '1s/^/  * /' -e '2,$s/^/    /'; done
    echo
    echo " -- $DEB_MAINTAINER  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} >"$stage/changelog"
grep -q '^  \* ' "$stage/changelog" || { echo "$0: CHANGELOG.md has no entries for $version" >&2; exit 1; }
gzip -9 -n <"$stage/changelog" >"$package/usr/share/doc/notelint/changelog.gz"
chmod 644 "$package/usr/share/doc/notelint/changelog.gz"

first_year=$(git -C "$repository" log --max-parents=0 --format=%cd --date=format:%Y 2>/dev/null | tail -n 1 || true)
last_year=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)
years=$last_year
[ -n "$first_year" ] && [ "$first_year" != "$last_year" ] && years=$first_year-$last_year
# copyright: notelint's own terms first, then the copyright files of what the binary links in statically.
licences=$unpacked/share/doc/notelint/licences
{
    cat <<TEXT
notelint: a linter and fixer for the YAML front matter of Markdown notes.

Copyright $years the notelint maintainers. The terms under which notelint itself is distributed are stated in its
source repository.

/usr/bin/notelint links in statically:
  the Swift standard library, Foundation and Dispatch: Apache License 2.0 with Runtime Library Exception
  swift-argument-parser: Apache License 2.0
The text of the Apache License 2.0 is in /usr/share/common-licenses/Apache-2.0; the Runtime Library
Exception follows.
TEXT
    printf '\n%s\n\n' "-----------------------------------------------------------------------------"
    sed -n '/Runtime Library Exception/,$p' "$licences/swift.LICENSE.txt"
} >"$package/usr/share/doc/notelint/copyright"
chmod 644 "$package/usr/share/doc/notelint/copyright"

depends=$(cd "$stage" && mkdir -p debian && printf 'Source: notelint\n\nPackage: notelint\nArchitecture: any\n' >debian/control &&
    dpkg-shlibdeps -O "$package/usr/bin/notelint" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
installed_size=$(du -k -s --exclude=DEBIAN "$package" | cut -f1)
cat >"$package/DEBIAN/control" <<TEXT
Package: notelint
Version: $version
Architecture: $architecture
Maintainer: $DEB_MAINTAINER
Installed-Size: $installed_size
Depends: $depends
Recommends: hunspell-en-us
Section: text
Priority: optional
Description: linter and fixer for the YAML front matter of Markdown notes
 notelint checks the front matter of Markdown notes (Eleventy, Hugo, Jekyll,
 Obsidian-style knowledge bases) against a schema and a set of rules: a
 truncated or misspelled tag, a draft marked as published, an empty title,
 a date that is not a date. It points at the exact line and column, fixes
 the trivial mistakes, and reports in formats for CI (SARIF, GitHub, GitLab,
 JUnit, Checkstyle). Tag spelling uses the Hunspell en_US dictionary.
TEXT
(cd "$package" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
chmod 644 "$package/DEBIAN/control" "$package/DEBIAN/md5sums"
find "$package" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$output"
deb=$output/notelint_${version}_$architecture.deb
dpkg-deb --root-owner-group -Zxz --build "$package" "$deb" >/dev/null
"$repository/scripts/write-checksums.sh" "$output"
echo "$deb ($(du -k "$deb" | cut -f1) KiB)"
