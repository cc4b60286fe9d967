#!/usr/bin/env bash
# Speed of the workbench in a real window: opening LemmyNet/lemmy (684 files), and scrolling and typing in a
# 5,000-line migration. Runs dev.redline.ui.bench.WorkbenchBenchmark (a main, not a unit test) on the test classpath.
# Without a display it runs under xvfb-run (apt-get install xvfb libgtk-3-0).
# Usage: bench/ui-bench.sh [--runs N] ; REDLINE_BUILD_DIR=/tmp/x to build outside target/, REDLINE_CORPUS=/path
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS=5
if [[ "${1:-}" == "--runs" ]]; then RUNS="$2"; fi
source "$ROOT/bench/lib.sh"
build_and_snapshot ui-bench

CORPUS="${REDLINE_CORPUS:-$ROOT/../shared/corpus}"
# Monocle (a test dependency) must not be picked: the benchmark measures the real glass/prism pipeline.
CMD=(java ${JAVA_OPTS:-} -Dredline.corpus="$CORPUS" -Druns="$RUNS" -Dbench.out="$OUT/ui-bench.txt" -Dredline.configDir="$OUT/ui-config"
  -cp "$SNAP/main:$SNAP/test:$CP" dev.redline.ui.bench.WorkbenchBenchmark)
if [[ -z "${DISPLAY:-}" ]]; then
  exec xvfb-run -a -s '-screen 0 1600x1000x24' "${CMD[@]}"
fi
exec "${CMD[@]}"
