#!/usr/bin/env bash
# Installs the native dependencies (Debian packages) when any is missing; does nothing otherwise.
# Called by `make deps`, on which every other make target depends.
set -euo pipefail

packages=(libopenblas-dev libhdf5-dev hdf5-tools gnuplot-nox pkg-config)

have_all() {
    command -v pkg-config >/dev/null 2>&1 &&
        pkg-config --exists openblas hdf5 &&
        command -v h5dump >/dev/null 2>&1 &&
        command -v gnuplot >/dev/null 2>&1
}

if have_all; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: missing native dependencies and no apt-get to install them: ${packages[*]}" >&2
    exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "error: installing ${packages[*]} needs root (or sudo)" >&2
        exit 1
    fi
fi

echo "Installing native dependencies: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null

if ! have_all; then
    echo "error: installed ${packages[*]} but pkg-config still cannot find openblas and hdf5" >&2
    exit 1
fi
