#!/usr/bin/env bash
# Creates .venv with the Python packages the interop tests use (delta-rs, PySpark, delta-spark).
# Idempotent: a stamp file records the requirements it was built from, so a second run takes well
# under a second. Then makes sure delta-spark's jars are in Spark's Ivy cache (~/.ivy2.5.2).
set -euo pipefail
cd "$(dirname "$0")/.."
req=scripts/requirements-test.txt
stamp=.venv/.carelake-stamp
if ! { [ -f "$stamp" ] && cmp -s "$req" "$stamp"; }; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$stamp"
fi
# The first Spark start with delta-spark fetches its jars from Maven Central through Ivy. Do it
# here, once and alone, so that test files starting Spark side by side never race on a cold cache.
delta=$(sed -n 's/^delta-spark==//p' "$req")
spark=$(sed -n 's/^pyspark==\([0-9]*\.[0-9]*\).*/\1/p' "$req")
if [ -n "$delta" ] && [ ! -f "$HOME/.ivy2.5.2/jars/io.delta_delta-spark_${spark}_2.13-$delta.jar" ]; then
  .venv/bin/python - <<'PY' >/dev/null 2>&1 || { echo "setup-python: could not fetch delta-spark's jars (Java 17 and Maven Central needed)" >&2; exit 1; }
from delta import configure_spark_with_delta_pip
from pyspark.sql import SparkSession
configure_spark_with_delta_pip(SparkSession.builder.master("local[1]")).getOrCreate().stop()
PY
fi
