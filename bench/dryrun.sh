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
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
command -v psql >/dev/null || { echo "psql not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2; exit 2; }

BUILD="${REDLINE_BUILD_DIR:-$ROOT/target}"
MVN=(mvn -B -ntp -q -Dredline.buildDir="$BUILD")
if ! "${MVN[@]}" test-compile >"$OUT/dryrun-build.log" 2>&1; then
  cat "$OUT/dryrun-build.log" >&2
  echo "test-compile failed" >&2
  exit 2
fi
CP_FILE="$OUT/dryrun-classpath.txt"
if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
  "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" \
      >"$OUT/dryrun-build.log" 2>&1 || { cat "$OUT/dryrun-build.log" >&2; exit 2; }
fi

# Run from a snapshot of the classes, so a rebuild in the same folder meanwhile cannot change what is measured.
SNAP="$OUT/dryrun-classes"
rm -rf "$SNAP"
mkdir -p "$SNAP"
cp -R "$BUILD/classes" "$SNAP/main"
cp -R "$BUILD/test-classes" "$SNAP/test"

exec java -cp "$SNAP/main:$SNAP/test:$(cat "$CP_FILE")" dev.redline.dryrun.DryRunBenchmark "$@" \
  | tee "$OUT/dryrun.txt"
