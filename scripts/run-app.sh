#!/usr/bin/env bash
# Installs dependencies, builds Topicscope (release preset) and launches it with the embedded broker.
# Extra arguments go to topicscope, e.g. scripts/run-app.sh --in-memory
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target topicscope
exec build/release/app/topicscope "$@"
