#!/usr/bin/env bash
# JSqlParser (the pom's version, 5.4; Redline's SecondOpinion settings, time bound per statement) against every statement of the
# shared corpus, next to Redline's own StatementParser: failures, time-outs, timing, disagreements, wrong successes.
# Usage: bench/jsqlparser.sh [--bound-ms N] [--show N] [--warmup N] [--repo NAME]... [--corpus PATH]
#        JSQLPARSER_JAR=/path/jsqlparser-5.4.jar bench/jsqlparser.sh   # try another JSqlParser version
# Always exits 0 (it is a report) unless the build fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/bench/lib.sh"
build_and_snapshot jsqlparser

if [[ -n "${JSQLPARSER_JAR:-}" ]]; then
  # the project's jsqlparser jar replaced by the one given (the pom is not touched)
  CP="$(tr ':' '\n' <<<"$CP" | grep -v '/jsqlparser-[^/]*\.jar$' | paste -sd: -)"
  CP="$JSQLPARSER_JAR:$CP"
fi

CORPUS="${REDLINE_CORPUS:-$ROOT/../shared/corpus}"
exec java -Dredline.corpus="$CORPUS" \
  -cp "$SNAP/main:$SNAP/test:$CP" \
  dev.redline.bench.JSqlParserCorpusBenchmark "$@"
