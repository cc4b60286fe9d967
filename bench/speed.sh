#!/usr/bin/env bash
# Wall-clock speed of `redline check` against squawk over the same corpus files (every .sql file of the shared
# corpus except OHDSI__WebAPI, whose unsubstituted ${placeholders} make squawk fail), alternating the two tools
# round by round.
#
# Usage: bench/speed.sh [-n ROUNDS] [--warmup N] [--only redline|squawk] [--rebuild] [--corpus PATH]
#   -n, --rounds N   timed rounds of each tool (default 5, or $ROUNDS)
#   --warmup N       untimed runs of each tool first (default 1)
#   --only TOOL      time one tool only
#   --rebuild        rebuild target/redline.jar even when it exists
#   --corpus PATH    the corpus (default $REDLINE_CORPUS or ../shared/corpus next to the project)
#   $REDLINE_JAR     time this jar instead of target/redline.jar (never built by the script)
#   $REDLINE_LAUNCH  "script" (default: bin/redline, the shipped CLI launcher) or "jar" (plain java -jar)
#
# Outputs of the last run of each tool are kept in bench/out/ (speed-redline.json, speed-squawk.json).

# No `set -e`: squawk (and redline's gate) exit non-zero when they find something.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 2

ROUNDS="${ROUNDS:-5}"
WARMUP=1
ONLY=""
REBUILD=0
CORPUS="${REDLINE_CORPUS:-$ROOT/../shared/corpus}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n|--rounds) ROUNDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    --corpus) CORPUS="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
case "$ONLY" in ""|redline|squawk) ;; *) echo "--only must be redline or squawk" >&2; exit 2 ;; esac
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "rounds must be a positive number" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "warmup must be a number" >&2; exit 2; }

if [[ ! -d "$CORPUS" ]]; then
  echo "corpus not found: $CORPUS (set REDLINE_CORPUS or --corpus)" >&2
  exit 2
fi
CORPUS="$(cd "$CORPUS" && pwd)"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

want() { [[ -z "$ONLY" || "$ONLY" == "$1" ]]; }

# ---- the file set: every repository folder of the corpus but OHDSI__WebAPI
REPOS=()
for d in "$CORPUS"/*__*/; do
  d="${d%/}"
  [[ "$(basename "$d")" == "OHDSI__WebAPI" ]] && continue
  REPOS+=("$d")
done
if [[ ${#REPOS[@]} -eq 0 ]]; then
  echo "no repository folders in $CORPUS" >&2
  exit 2
fi
FILES=$(find "${REPOS[@]}" -type f -name '*.sql' | wc -l | tr -d ' ')
echo "corpus: $CORPUS"
echo "folders: ${#REPOS[@]} ($(for r in "${REPOS[@]}"; do basename "$r"; done | paste -sd' ' -))"
echo "files: $FILES .sql files (find -type f)"

# ---- redline
JAR="${REDLINE_JAR:-$ROOT/target/redline.jar}"
if want redline; then
  if [[ -z "${REDLINE_JAR:-}" ]] && [[ $REBUILD -eq 1 || ! -f "$JAR" ]]; then
    echo "building $JAR …"
    if ! mvn -B -ntp -q -DskipTests package; then
      echo "build failed" >&2
      exit 2
    fi
  fi
  [[ -f "$JAR" ]] || { echo "no $JAR after the build" >&2; exit 2; }
fi

# ---- squawk: the npm package ships a native binary per platform (@squawk-cli/<os>-<arch>/bin/squawk)
SQUAWK_DIR="$ROOT/bench/.squawk"
find_squawk() {
  local b
  b=$(find "$SQUAWK_DIR/node_modules/@squawk-cli" -type f -path '*/bin/squawk*' -perm -u+x 2>/dev/null | head -n 1)
  if [[ -z "$b" && -x "$SQUAWK_DIR/node_modules/.bin/squawk" ]]; then
    b="$SQUAWK_DIR/node_modules/.bin/squawk" # the node wrapper, which execs the same binary
  fi
  echo "$b"
}
SQUAWK=""
if want squawk; then
  SQUAWK=$(find_squawk)
  if [[ -z "$SQUAWK" ]]; then
    echo "installing squawk-cli into $SQUAWK_DIR …"
    mkdir -p "$SQUAWK_DIR"
    if ! npm install --prefix "$SQUAWK_DIR" --no-audit --no-fund --loglevel=error squawk-cli >/dev/null; then
      echo "npm install squawk-cli failed" >&2
      exit 2
    fi
    SQUAWK=$(find_squawk)
  fi
  [[ -n "$SQUAWK" ]] || { echo "squawk binary not found under $SQUAWK_DIR" >&2; exit 2; }
  echo "squawk: $("$SQUAWK" --version 2>/dev/null) ($SQUAWK)"
fi
# How redline is started: the shipped launcher (bin/redline: JVM flags for short runs) or plain `java -jar`.
if [[ "${REDLINE_LAUNCH:-script}" == "jar" ]]; then
  REDLINE_CMD=(java -jar "$JAR")
else
  REDLINE_CMD=(env REDLINE_JAR="$JAR" "$ROOT/bin/redline")
fi
want redline && echo "redline: ${REDLINE_CMD[*]} ($(java -version 2>&1 | head -n 1))"
echo

# squawk expands the globs itself (no ARG_MAX worry), relative to the corpus so its report names match.
SQUAWK_ARGS=()
for r in "${REPOS[@]}"; do SQUAWK_ARGS+=("$(basename "$r")/**/*.sql"); done

run_redline() {
  "${REDLINE_CMD[@]}" check --all-sql --format json "${REPOS[@]}" >"$OUT/speed-redline.json" 2>"$OUT/speed-redline.err"
  echo $? >"$OUT/speed-redline.rc"
}
run_squawk() {
  (cd "$CORPUS" && "$SQUAWK" --reporter json "${SQUAWK_ARGS[@]}") >"$OUT/speed-squawk.json" 2>"$OUT/speed-squawk.err"
  echo $? >"$OUT/speed-squawk.rc"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
time_it() { # prints seconds
  local t0 t1
  t0=$(now)
  "$@"
  t1=$(now)
  elapsed "$t0" "$t1"
}
median() { # numbers as arguments
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit }
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

TOOLS=()
want redline && TOOLS+=(redline)
want squawk && TOOLS+=(squawk)

for ((w = 1; w <= WARMUP; w++)); do
  for t in "${TOOLS[@]}"; do "run_$t"; done
done

# A tool that could not run at all (e.g. an unknown command) is reported, not timed.
check_ran() {
  local t="$1" rc
  rc=$(cat "$OUT/speed-$t.rc" 2>/dev/null || echo 127)
  if [[ ! -s "$OUT/speed-$t.json" ]]; then
    echo "$t produced no output (exit $rc); stderr:" >&2
    head -n 20 "$OUT/speed-$t.err" >&2
    return 1
  fi
  return 0
}

declare -A TIMES
printf '%-7s' "round"
for t in "${TOOLS[@]}"; do printf ' %10s' "$t"; done
echo
for ((i = 1; i <= ROUNDS; i++)); do
  order=("${TOOLS[@]}")
  if ((i % 2 == 0)) && [[ ${#TOOLS[@]} -eq 2 ]]; then order=("${TOOLS[1]}" "${TOOLS[0]}"); fi
  declare -A this=()
  for t in "${order[@]}"; do
    this[$t]=$(time_it "run_$t")
    TIMES[$t]="${TIMES[$t]:-} ${this[$t]}"
  done
  printf '%-7s' "$i"
  for t in "${TOOLS[@]}"; do printf ' %9ss' "${this[$t]}"; done
  echo "   (order: ${order[*]})"
done

echo
OK=()
for t in "${TOOLS[@]}"; do
  if check_ran "$t"; then OK+=("$t"); fi
done
declare -A MED
for t in "${TOOLS[@]}"; do
  # shellcheck disable=SC2086
  MED[$t]=$(median ${TIMES[$t]})
  printf '%-8s median %8ss  (exit code %s)\n' "$t" "${MED[$t]}" "$(cat "$OUT/speed-$t.rc")"
done

# ---- how many files each tool saw
echo
echo "files given: $FILES"
if want squawk; then
  seen=$( (cd "$CORPUS" && "$SQUAWK" "${SQUAWK_ARGS[@]}") 2>&1 | sed -n 's/.*checked \([0-9]*\) source files.*/\1/p' | tail -n 1)
  echo "squawk saw: ${seen:-?} files (its \"checked N source files\")"
fi
if want redline && [[ -s "$OUT/speed-redline.json" ]]; then
  # The JSON's shape is the check command's; count the distinct .sql paths it names under file/path-like keys.
  seen=$(node -e '
    const data = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const keys = new Set(["file", "path", "relativePath", "relative_path", "script"]);
    const seen = new Set();
    (function walk(v) {
      if (Array.isArray(v)) { v.forEach(walk); return; }
      if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) {
          if (keys.has(k) && typeof x === "string" && x.endsWith(".sql")) seen.add(x);
          else walk(x);
        }
      }
    })(data);
    console.log(seen.size);' "$OUT/speed-redline.json" 2>/dev/null)
  echo "redline saw: ${seen:-?} files (distinct .sql paths in its JSON)"
fi

if [[ " ${OK[*]} " == *" redline "* && " ${OK[*]} " == *" squawk "* ]]; then
  echo
  awk -v r="${MED[redline]}" -v s="${MED[squawk]}" \
    'BEGIN { if (s > 0) printf "ratio redline/squawk (medians): %.2f\n", r / s }'
fi
