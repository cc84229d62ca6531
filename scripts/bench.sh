#!/usr/bin/env bash
# npm run bench -- <suite> [--quick]: builds, then runs the suite and records bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
TZ=UTC node dist/bench/run.js "$@"
