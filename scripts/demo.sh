#!/usr/bin/env bash
# npm run demo: installs and builds when needed, then runs `carelake demo` (lake ./lakehouse).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
TZ=UTC node dist/src/cli/main.js demo "$@"
