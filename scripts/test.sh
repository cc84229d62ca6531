#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (npm packages, the Python
# venv for the delta-rs and Spark interop, delta-spark's jars), starts a local Spark Connect server
# for the Spark engine's tests (stopped on exit, failure included), builds, checks format and lint,
# runs every test. Idempotent and quick when everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
bash scripts/setup-python.sh
# The Spark tests talk to the server CARELAKE_SPARK_REMOTE names. Unless the caller set it, or a
# server started by scripts/spark-server.sh already runs (left running), one is started now, in
# the background so that its JVM starts while TypeScript builds, and stopped when this script
# ends, however it ends.
spark_start=
if [ -z "${CARELAKE_SPARK_REMOTE:-}" ] && ! bash scripts/spark-server.sh status >/dev/null 2>&1; then
  # Every step may fail without skipping the stop (errexit applies inside the trap too).
  trap '{ [ -z "$spark_start" ] || kill "$spark_start" 2>/dev/null || true; }; bash scripts/spark-server.sh stop >/dev/null || true' EXIT
  bash scripts/spark-server.sh start &
  spark_start=$!
fi
# The browser tests drive Debian's Chromium (no browser download at run time).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
rm -rf dist
npx tsc -p .
node scripts/build-web.mjs
npx biome check .
if [ -n "$spark_start" ]; then
  wait "$spark_start"
  spark_start=
fi
CARELAKE_SPARK_REMOTE=${CARELAKE_SPARK_REMOTE:-$(bash scripts/spark-server.sh remote)}
export CARELAKE_SPARK_REMOTE
export TZ=UTC
mapfile -t files < <(find dist/test -name '*.test.js' | sort)
node --test --test-concurrency=2 "${files[@]}"
