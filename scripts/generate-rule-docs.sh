#!/usr/bin/env bash
# Regenerates docs/rules/ (one page a rule and README.md, the index) from the rules' descriptions.
# Run after changing a rule's description; a test fails while docs/rules/ and the rules differ.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product notelint
.build/debug/notelint rules --write-docs docs/rules
