#!/usr/bin/env bash
# Mutation testing of src/saidwhat/pipeline/ against tests/pipeline (issue 14; docs/testing.md).
# Not part of CI or of pytest: a benchmark of the tests, run by hand.
#
#   scripts/mutation.sh [N] [CHUNK]     # N sampled mutants (default 400), CHUNK per mutmut run (50)
#
# Needs mutmut (pip install -e '.[dev]'). Runs niced on one worker; resumable: a mutant with a
# result is not run again. Delete mutants/ to start over, and always after src/ changed: mutmut
# then regenerates the changed functions' mutants, which changes the sample. The sample is
# reproducible for one source (fixed seed, scripts/mutation_sample.py). MUTMUT and PYTHON may
# name other executables.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-400}"
CHUNK="${2:-50}"
PYTHON="${PYTHON:-python}"
MUTMUT="${MUTMUT:-mutmut}"

nice -n 15 "$PYTHON" scripts/mutation_sample.py generate
while :; do
    mapfile -t chunk < <("$PYTHON" scripts/mutation_sample.py pending "$N" | grep -v '^$' | head -n "$CHUNK")
    [ "${#chunk[@]}" -eq 0 ] && break
    echo "== $(date -u +%H:%M:%S) running ${#chunk[@]} mutants"
    nice -n 15 "$MUTMUT" run --max-children 1 "${chunk[@]}" | tr '\r' '\n' | grep -v '^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]' || true
done
"$PYTHON" scripts/mutation_sample.py report "$N"
