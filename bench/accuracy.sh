#!/usr/bin/env bash
# Accuracy of Redline's rules against the shared corpus's libpg_query labels.
# Usage: bench/accuracy.sh [--details RULE|all]... [--direction up|down|all] [--repo NAME]... [--corpus PATH] [--strict]
# Exit 0 (it is a report) unless --strict is given and a rule misses its target.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/bench/lib.sh"
build_and_snapshot accuracy

CORPUS="${REDLINE_CORPUS:-$ROOT/../shared/corpus}"
exec java -Dredline.corpus="$CORPUS" \
  -cp "$SNAP/main:$SNAP/test:$CP" \
  dev.redline.bench.CorpusAccuracyBenchmark "$@"
