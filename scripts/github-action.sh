#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml). Outside GitHub, the tests set the same variables.
#
#   github-action.sh install
#     Downloads NOTELINT_RELEASE_URL/vVERSION/notelint-VERSION-ARCH-linux.tar.gz and SHA256SUMS beside it,
#     checks the archive's checksum, unpacks it under RUNNER_TEMP and adds its bin/ to GITHUB_PATH.
#     VERSION is NOTELINT_VERSION, or the VERSION file next to this script's folder (the action's own).
#     ARCH comes from RUNNER_ARCH (X64 → x86_64, ARM64 → aarch64).
#   github-action.sh lint
#     Runs `notelint lint --format NOTELINT_FORMAT --output NOTELINT_OUTPUT [--changed-since REV] ARGS PATHS`;
#     the log gets the human output with workflow annotations. Writes `report` and `exit-code` to
#     GITHUB_OUTPUT and exits 0: the action's last step fails the job, after the report is uploaded.
set -euo pipefail
action_folder=$(cd "$(dirname "$0")/.." && pwd)

install_notelint() {
    local version=${NOTELINT_VERSION:-}
    [ -n "$version" ] || version=$(tr -d '[:space:]' <"$action_folder/VERSION")
    version=${version#v}
    [ "${RUNNER_OS:-Linux}" = Linux ] || { echo "::error::notelint releases are built for Linux only, not ${RUNNER_OS}"; exit 1; }
    local arch
    case ${RUNNER_ARCH:-X64} in
    X64) arch=x86_64 ;;
    ARM64) arch=aarch64 ;;
    *) echo "::error::no notelint release for the runner architecture ${RUNNER_ARCH}"; exit 1 ;;
    esac
    local name=notelint-$version-$arch-linux
    local base=${NOTELINT_RELEASE_URL:?NOTELINT_RELEASE_URL is not set}/v$version
    local folder=${RUNNER_TEMP:?RUNNER_TEMP is not set}/notelint-$version
    rm -rf "$folder"
    mkdir -p "$folder"
    echo "Downloading $base/$name.tar.gz"
    curl --fail --silent --show-error --location --retry 3 --output "$folder/$name.tar.gz" "$base/$name.tar.gz" || {
        echo "::error::cannot download $base/$name.tar.gz (is there a notelint $version release for $arch?)"
        exit 1
    }
    curl --fail --silent --show-error --location --retry 3 --output "$folder/SHA256SUMS" "$base/SHA256SUMS"
    grep -q " \*\?$name.tar.gz\$" "$folder/SHA256SUMS" || { echo "::error::SHA256SUMS does not list $name.tar.gz"; exit 1; }
    (cd "$folder" && grep " \*\?$name.tar.gz\$" SHA256SUMS | sha256sum --check --strict -) || {
        echo "::error::the checksum of $name.tar.gz does not match SHA256SUMS"
        exit 1
    }
    tar -C "$folder" -xzf "$folder/$name.tar.gz"
    rm "$folder/$name.tar.gz"
    "$folder/$name/bin/notelint" --version
    echo "$folder/$name/bin" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
}

lint() {
    local arguments=(lint --format "${NOTELINT_FORMAT:-sarif}" --output "${NOTELINT_OUTPUT:-notelint.sarif}")
    [ -z "${NOTELINT_CHANGED_SINCE:-}" ] || arguments+=(--changed-since "$NOTELINT_CHANGED_SINCE")
    local extra paths
    read -r -a extra <<<"${NOTELINT_ARGS:-}"
    read -r -d '' -a paths <<<"${NOTELINT_PATHS:-.}" || true
    arguments+=(${extra[@]+"${extra[@]}"} -- ${paths[@]+"${paths[@]}"})
    echo "notelint ${arguments[*]}"
    local status=0
    notelint "${arguments[@]}" || status=$?
    {
        echo "exit-code=$status"
        if [ -f "${NOTELINT_OUTPUT:-notelint.sarif}" ]; then echo "report=${NOTELINT_OUTPUT:-notelint.sarif}"; fi
    } >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
}

case ${1:-} in
install) install_notelint ;;
lint) lint ;;
*) echo "usage: $0 install|lint" >&2; exit 2 ;;
esac
