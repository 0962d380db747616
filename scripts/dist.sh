#!/usr/bin/env bash
# Assembles the release archive from an already built binary (`make dist` builds it first):
#
#   dist/notelint-VERSION-ARCH-linux.tar.gz    one folder, notelint-VERSION-ARCH-linux/, laid out as a prefix:
#     bin/notelint                              stripped; Swift runtime, libyaml and Hunspell linked in
#     share/man/man1/notelint.1                 from swift-argument-parser's generate-manual
#     share/bash-completion/completions/notelint, share/zsh/site-functions/_notelint,
#     share/fish/vendor_completions.d/notelint.fish
#     share/notelint/hunspell/en_US.{aff,dic}   the fallback dictionary, used when the system has none
#     share/doc/notelint/                       README, CHANGELOG, and licences/ of everything linked or shipped
#   dist/SHA256SUMS                             checksums of every archive and package in dist/
#
# Usage: scripts/dist.sh --binary PATH --manual-generator PATH [--output dist]
# The binary must already be built (see `make dist`); nothing is compiled here.
set -euo pipefail
repository=$(cd "$(dirname "$0")/.." && pwd)
binary= generator= output=$repository/dist
while [ $# -gt 0 ]; do
    case $1 in
    --binary) binary=$2; shift 2 ;;
    --manual-generator) generator=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    *) echo "usage: $0 --binary PATH --manual-generator PATH [--output FOLDER]" >&2; exit 2 ;;
    esac
done
[ -x "$binary" ] || { echo "$0: no binary at '$binary'" >&2; exit 2; }
[ -x "$generator" ] || { echo "$0: no generate-manual at '$generator'" >&2; exit 2; }

version=$(tr -d '[:space:]' <"$repository/VERSION")
arch=$(uname -m)
name=notelint-$version-$arch-linux
reported=$("$binary" --version | head -n 1)
[ "$reported" = "$version" ] || { echo "$0: the binary says $reported, VERSION says $version" >&2; exit 1; }
# Dates and owners in the archive come from the last commit, so that building twice gives the same bytes.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repository" log -1 --format=%ct 2>/dev/null || date +%s)}

mkdir -p "$output"
output=$(cd "$output" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/$name
install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d" "$root/share/notelint/hunspell" \
    "$root/share/doc/notelint/licences"

install -m 755 "$binary" "$root/bin/notelint"
strip --strip-unneeded "$root/bin/notelint"

# The manual: generate-manual asks the binary for its commands (--experimental-dump-help) and writes mdoc.
mkdir "$stage/manual"
"$generator" "$root/bin/notelint" --output-directory "$stage/manual" \
    --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" --authors "the notelint maintainers" >/dev/null
install -m 644 "$stage/manual/notelint.1" "$root/share/man/man1/notelint.1"
# One page; with --multi-page subcommands would get their own (notelint.lint.1, …), kept beside it.
for page in "$stage"/manual/notelint.*.1; do
    [ -e "$page" ] && install -m 644 "$page" "$root/share/man/man1/"
done

"$root/bin/notelint" --generate-completion-script bash >"$root/share/bash-completion/completions/notelint"
"$root/bin/notelint" --generate-completion-script zsh >"$root/share/zsh/site-functions/_notelint"
"$root/bin/notelint" --generate-completion-script fish >"$root/share/fish/vendor_completions.d/notelint.fish"

# The en_US dictionary, so that tag spelling works on a machine without one; the system's is preferred.
dictionary_folder=
for folder in /usr/share/hunspell /usr/share/myspell/dicts /usr/share/myspell; do
    if [ -f "$folder/en_US.aff" ] && [ -f "$folder/en_US.dic" ]; then dictionary_folder=$folder; break; fi
done
[ -n "$dictionary_folder" ] || { echo "$0: no en_US Hunspell dictionary to ship (install hunspell-en-us)" >&2; exit 1; }
install -m 644 "$(readlink -f "$dictionary_folder/en_US.aff")" "$root/share/notelint/hunspell/en_US.aff"
install -m 644 "$(readlink -f "$dictionary_folder/en_US.dic")" "$root/share/notelint/hunspell/en_US.dic"

# Licences: the Debian copyright files of the C libraries linked in and of the dictionary, the licence texts
# they refer to, the Swift runtime's (standard library, Foundation, Dispatch) and swift-argument-parser's.
licences=$root/share/doc/notelint/licences
licence_of_package() { # PACKAGE NAME
    local file=/usr/share/doc/$1/copyright
    [ -f "$file" ] || { echo "$0: $file is missing" >&2; exit 1; }
    install -m 644 "$file" "$licences/$2.copyright"
}
licence_of_package "$(dpkg-query -S "$(readlink -f "$(pkg-config --variable=libdir yaml-0.1)/libyaml.a")" | cut -d: -f1)" libyaml
licence_of_package "$(dpkg-query -S "$(readlink -f "$(pkg-config --variable=libdir hunspell)/libhunspell-1.7.a")" | cut -d: -f1)" hunspell
licence_of_package "$(dpkg-query -S "$(readlink -f "$dictionary_folder/en_US.dic")" | cut -d: -f1)" hunspell-en-us
for text in LGPL-2.1 GPL-2 MPL-1.1; do # Hunspell's three licences, named by its copyright file
    install -m 644 "/usr/share/common-licenses/$text" "$licences/$text"
done
swift_licence=$(dirname "$(readlink -f "$(command -v swift)")")/../share/swift/LICENSE.txt
[ -f "$swift_licence" ] || { echo "$0: the toolchain's $swift_licence is missing" >&2; exit 1; }
install -m 644 "$swift_licence" "$licences/swift.LICENSE.txt"
install -m 644 "$repository/.build/checkouts/swift-argument-parser/LICENSE.txt" "$licences/swift-argument-parser.LICENSE.txt"
cat >"$root/share/doc/notelint/licences/README" <<'TEXT'
What this archive contains besides notelint itself, and under which terms:

  bin/notelint links in statically
    the Swift standard library, Foundation and Dispatch    swift.LICENSE.txt (Apache 2.0 with Runtime Library Exception)
    swift-argument-parser                                   swift-argument-parser.LICENSE.txt (Apache 2.0)
    libyaml                                                 libyaml.copyright (MIT/Expat)
    Hunspell                                                hunspell.copyright (MPL 1.1 / GPL 2 / LGPL 2.1;
                                                            texts in MPL-1.1, GPL-2, LGPL-2.1)
  share/notelint/hunspell/en_US.*                           hunspell-en-us.copyright (SCOWL, permissive)

It links dynamically only to the C library (glibc), libm, libstdc++ and libgcc_s of the system.
TEXT
install -m 644 "$repository/README.md" "$repository/CHANGELOG.md" "$root/share/doc/notelint/"

find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
archive=$output/$name.tar.gz
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -cf - "$name" |
    gzip -9 -n >"$archive"
"$repository/scripts/write-checksums.sh" "$output"
echo "$archive ($(du -k "$archive" | cut -f1) KiB)"
