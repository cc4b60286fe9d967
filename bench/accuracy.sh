#!/usr/bin/env bash
# Accuracy of Redline's rules against the shared corpus's libpg_query labels.
# Usage: bench/accuracy.sh [--details RULE|all]... [--direction up|down|all] [--repo NAME]... [--corpus PATH] [--strict]
# Exit 0 (it is a report) unless --strict is given and a rule misses its target.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

MVN=(mvn -B -ntp -q)
# Maven's output goes to a log, shown only when the build fails.
if ! "${MVN[@]}" test-compile >"$OUT/accuracy-build.log" 2>&1; then
  cat "$OUT/accuracy-build.log" >&2
  echo "test-compile failed" >&2
  exit 2
fi
CP_FILE="$OUT/test-classpath.txt"
if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
  if ! "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" \
      >"$OUT/accuracy-build.log" 2>&1; then
    cat "$OUT/accuracy-build.log" >&2
    exit 2
  fi
fi

# Run from a snapshot of the compiled classes: a build started meanwhile (an IDE, another checkout's mvn) must not
# pull classes from under the running benchmark.
SNAP="$OUT/classes-snapshot"
rm -rf "$SNAP"
mkdir -p "$SNAP"
cp -R target/classes "$SNAP/main"
cp -R target/test-classes "$SNAP/test"

CORPUS="${REDLINE_CORPUS:-$ROOT/../shared/corpus}"
exec java -Dredline.corpus="$CORPUS" \
  -cp "$SNAP/main:$SNAP/test:$(cat "$CP_FILE")" \
  dev.redline.bench.CorpusAccuracyBenchmark "$@"
