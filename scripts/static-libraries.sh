#!/usr/bin/env bash
# Prepares the static link of libyaml and Hunspell for release builds: writes pkg-config files for `yaml-0.1` and
# `hunspell` into FOLDER/pkgconfig whose library folder, FOLDER/lib, holds only links to Debian's `libyaml.a` and
# `libhunspell-1.7.a`. With PKG_CONFIG_PATH=FOLDER/pkgconfig, the linker meets that folder first and takes the
# archives for `-lyaml` and `-lhunspell-1.7` (the module maps' link lines), so the binary does not need the
# shared libraries. Compile flags are those of the system's files, unchanged.
#
# Usage: scripts/static-libraries.sh FOLDER      (the Makefile uses .build/static)
set -euo pipefail
folder=${1:?usage: $0 FOLDER}
mkdir -p "$folder/lib" "$folder/pkgconfig"
folder=$(cd "$folder" && pwd)
for module in yaml-0.1 hunspell; do
    system_file=$(pkg-config --path "$module") || {
        echo "$0: pkg-config does not know $module; run scripts/setup.sh" >&2
        exit 1
    }
    libdir=$(pkg-config --variable=libdir "$module")
    for library in $(pkg-config --libs-only-l "$module"); do
        archive=$libdir/lib${library#-l}.a
        [ -f "$archive" ] || {
            echo "$0: $archive is missing (Debian's -dev packages ship it)" >&2
            exit 1
        }
        ln -sfn "$archive" "$folder/lib/"
    done
    sed -E "s|^libdir=.*|libdir=$folder/lib|" "$system_file" >"$folder/pkgconfig/$module.pc.new"
    # Rewritten only when it changes: SwiftPM rebuilds what a changed pkg-config file concerns.
    if cmp -s "$folder/pkgconfig/$module.pc.new" "$folder/pkgconfig/$module.pc"; then
        rm "$folder/pkgconfig/$module.pc.new"
    else
        mv "$folder/pkgconfig/$module.pc.new" "$folder/pkgconfig/$module.pc"
    fi
done
