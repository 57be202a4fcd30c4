#!/usr/bin/env bash
# Installs dependencies, builds everything (release preset, warnings as errors) and runs the whole test
# suite under ctest. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release -DTOPICSCOPE_WERROR=ON >/dev/null
cmake --build --preset release
export QT_QPA_PLATFORM=offscreen
ctest --preset release -j "$(nproc)" "$@"
