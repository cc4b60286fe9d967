# Shared by the Java benchmarks: compile the project and its tests, resolve the test classpath, and snapshot the
# compiled classes so a build started meanwhile cannot pull classes from under a running benchmark.
# Usage (after `set -euo pipefail` and `ROOT=…`): source bench/lib.sh; build_and_snapshot NAME
#   $REDLINE_BUILD_DIR   where Maven builds (default target/)
# Sets OUT, CP (the dependency classpath) and SNAP (with SNAP/main and SNAP/test).

build_and_snapshot() {
  local name="$1"
  local build="${REDLINE_BUILD_DIR:-$ROOT/target}"
  OUT="$ROOT/bench/out"
  mkdir -p "$OUT"
  local mvn=(mvn -B -ntp -q "-Dredline.buildDir=$build")
  local log="$OUT/$name-build.log"
  # Maven's output goes to a log, shown only when the build fails.
  if ! (cd "$ROOT" && "${mvn[@]}" test-compile) >"$log" 2>&1; then
    cat "$log" >&2
    echo "test-compile failed" >&2
    exit 2
  fi
  local cp_file="$OUT/test-classpath.txt"
  if [[ ! -s "$cp_file" || "$ROOT/pom.xml" -nt "$cp_file" ]]; then
    if ! (cd "$ROOT" && "${mvn[@]}" dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$cp_file") >"$log" 2>&1; then
      cat "$log" >&2
      exit 2
    fi
  fi
  CP="$(cat "$cp_file")"
  SNAP="$OUT/classes-snapshot-$name"
  rm -rf "$SNAP"
  mkdir -p "$SNAP"
  cp -R "$build/classes" "$SNAP/main"
  cp -R "$build/test-classes" "$SNAP/test"
}
