#!/usr/bin/env bash
# JSqlParser 5.3 (Redline's SecondOpinion settings, time bound per statement) against every statement of the
# shared corpus, next to Redline's own StatementParser: failures, time-outs, timing, disagreements, wrong successes.
# Usage: bench/jsqlparser.sh [--bound-ms N] [--show N] [--warmup N] [--repo NAME]... [--corpus PATH]
#        JSQLPARSER_JAR=/path/jsqlparser-5.4.jar bench/jsqlparser.sh   # try another JSqlParser version
# Always exits 0 (it is a report) unless the build fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

MVN=(mvn -B -ntp -q)
# Maven's output goes to a log, shown only when the build fails.
if ! "${MVN[@]}" test-compile >"$OUT/jsqlparser-build.log" 2>&1; then
  cat "$OUT/jsqlparser-build.log" >&2
  echo "test-compile failed" >&2
  exit 2
fi
CP_FILE="$OUT/test-classpath.txt"
if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
  if ! "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" \
      >"$OUT/jsqlparser-build.log" 2>&1; then
    cat "$OUT/jsqlparser-build.log" >&2
    exit 2
  fi
fi

# Run from a snapshot of the compiled classes (its own folder, so accuracy.sh running meanwhile is not disturbed):
# a build started meanwhile must not pull classes from under the running benchmark.
SNAP="$OUT/classes-snapshot-jsqlparser"
rm -rf "$SNAP"
mkdir -p "$SNAP"
cp -R target/classes "$SNAP/main"
cp -R target/test-classes "$SNAP/test"

CP="$(cat "$CP_FILE")"
if [[ -n "${JSQLPARSER_JAR:-}" ]]; then
  # the project's jsqlparser jar replaced by the one given (the pom is not touched)
  CP="$(tr ':' '\n' <<<"$CP" | grep -v '/jsqlparser-[^/]*\.jar$' | paste -sd: -)"
  CP="$JSQLPARSER_JAR:$CP"
fi

CORPUS="${REDLINE_CORPUS:-$ROOT/../shared/corpus}"
exec java -Dredline.corpus="$CORPUS" \
  -cp "$SNAP/main:$SNAP/test:$CP" \
  dev.redline.bench.JSqlParserCorpusBenchmark "$@"
