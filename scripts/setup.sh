#!/usr/bin/env bash
# Installs what building and testing notelint needs, when it is missing: Debian's libyaml and Hunspell
# (with the en_US dictionary), pkg-config, and dpkg-dev for `make deb` (dpkg-shlibdeps, strip). Safe to run
# again. scripts/test-dist.sh installs lintian itself.
set -euo pipefail
packages=(libyaml-dev libhunspell-dev hunspell-en-us pkg-config dpkg-dev)
# Neovim: the language server is tested against its built-in LSP client (headless).
packages+=(neovim)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The corpus comparison script checks notelint against PyYAML's libyaml loader.
if ! python3 -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null; then
  python3 -m pip install --quiet pyyaml
fi
{ command -v check-jsonschema && python3 -c 'import rfc3986_validator'; } >/dev/null 2>&1 || python3 -m pip install --quiet check-jsonschema rfc3986-validator  # the SARIF tests validate output (URIs too) with them
