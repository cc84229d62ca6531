#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (npm packages, the Python
# venv for the delta-rs and Spark interop, delta-spark's jars), builds, checks format and lint,
# runs every test. Idempotent and quick when everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
bash scripts/setup-python.sh
# The browser tests drive Debian's Chromium (no browser download at run time).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
rm -rf dist
npx tsc -p .
node scripts/build-web.mjs
npx biome check .
export TZ=UTC
mapfile -t files < <(find dist/test -name '*.test.js' | sort)
node --test --test-concurrency=2 "${files[@]}"
