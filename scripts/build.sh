#!/usr/bin/env bash
# Installs npm packages when needed and compiles to dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
npx tsc -p .
node scripts/build-web.mjs
