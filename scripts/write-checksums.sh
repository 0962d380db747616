#!/usr/bin/env bash
# Writes FOLDER/SHA256SUMS for every release archive and Debian package in FOLDER (`sha256sum -c` format).
set -euo pipefail
cd "${1:?usage: $0 FOLDER}"
shopt -s nullglob
files=(notelint-*.tar.gz notelint_*.deb)
[ ${#files[@]} -gt 0 ] || { echo "$0: nothing to checksum in $PWD" >&2; exit 1; }
sha256sum -- "${files[@]}" >SHA256SUMS
