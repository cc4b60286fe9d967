#!/usr/bin/env bash
# The dry-run's overhead: the same migration on a 1,000,000-row table, run by `redline dry-run` and by psql inside
# BEGIN … ROLLBACK, on the embedded PostgreSQL the tests use (zonky's binaries from Maven Central; psql is the
# machine's client). Prints every round, the medians and the ratios.
#
# Usage: bench/dryrun.sh [ROUNDS] [ROWS]     (default 5 rounds, 1000000 rows)
#   $REDLINE_BUILD_DIR   where Maven builds (default target/)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v psql >/dev/null || { echo "psql not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2; exit 2; }
source "$ROOT/bench/lib.sh"
build_and_snapshot dryrun

exec java -cp "$SNAP/main:$SNAP/test:$CP" dev.redline.dryrun.DryRunBenchmark "$@" \
  | tee "$OUT/dryrun.txt"
