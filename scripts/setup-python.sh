#!/usr/bin/env bash
# Creates .venv with the Python packages the interop tests use (delta-rs). Idempotent: a stamp
# file records the requirements it was built from, so a second run takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."
req=scripts/requirements-test.txt
stamp=.venv/.carelake-stamp
if [ -f "$stamp" ] && cmp -s "$req" "$stamp"; then exit 0; fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r "$req"
cp "$req" "$stamp"
