#!/usr/bin/env bash
# Speed of the workbench in a real window: opening LemmyNet/lemmy (684 files), and scrolling and typing in a
# 5,000-line migration. Runs dev.redline.ui.bench.WorkbenchBenchmark (a main, not a unit test) on the test classpath.
# Without a display it runs under xvfb-run (apt-get install xvfb libgtk-3-0).
# Usage: bench/ui-bench.sh [--runs N] ; REDLINE_BUILD_DIR=/tmp/x to build outside target/, REDLINE_CORPUS=/path
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
BUILD="${REDLINE_BUILD_DIR:-$ROOT/target}"
RUNS=5
if [[ "${1:-}" == "--runs" ]]; then RUNS="$2"; fi

MVN=(mvn -B -ntp -q "-Dredline.buildDir=$BUILD")
if ! "${MVN[@]}" test-compile >"$OUT/ui-bench-build.log" 2>&1; then
  cat "$OUT/ui-bench-build.log" >&2
  echo "test-compile failed" >&2
  exit 2
fi
CP_FILE="$OUT/ui-test-classpath.txt"
if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
  "${MVN[@]}" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" \
      >"$OUT/ui-bench-build.log" 2>&1 || { cat "$OUT/ui-bench-build.log" >&2; exit 2; }
fi
# a snapshot of the classes, so a build started meanwhile cannot pull them from under the benchmark
SNAP="$OUT/ui-classes-snapshot"
rm -rf "$SNAP"
mkdir -p "$SNAP"
cp -R "$BUILD/classes" "$SNAP/main"
cp -R "$BUILD/test-classes" "$SNAP/test"

CORPUS="${REDLINE_CORPUS:-$ROOT/../shared/corpus}"
# Monocle (a test dependency) must not be picked: the benchmark measures the real glass/prism pipeline.
CMD=(java ${JAVA_OPTS:-} -Dredline.corpus="$CORPUS" -Druns="$RUNS" -Dbench.out="$OUT/ui-bench.txt" -Dredline.configDir="$OUT/ui-config"
  -cp "$SNAP/main:$SNAP/test:$(cat "$CP_FILE")" dev.redline.ui.bench.WorkbenchBenchmark)
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s '-screen 0 1600x1000x24' "${CMD[@]}"
fi
exec "${CMD[@]}"
