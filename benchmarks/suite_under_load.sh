#!/usr/bin/env bash
# The loaded-machine check of docs/reliability.md in one command: the full suite
# (`python -m pytest -n 2`, as README and .ci/run give it) RUNS times in a row while
# BUSY busy loops occupy the cores. Records, per run, pass/fail, the wall time, pytest's
# summary line and the load average; the busy loops are always ended (also on ctrl+c).
#
#   bash benchmarks/suite_under_load.sh                 # 5 runs under 2 busy loops
#   RUNS=1 BUSY=0 bash benchmarks/suite_under_load.sh   # one idle run (the CI budget)
#   bash benchmarks/suite_under_load.sh tests/tui       # extra arguments go to pytest
#
# Environment: RUNS (5), BUSY (2), PYTHON (.venv/bin/python if present, else python3),
# OUT (a folder for the logs; default /tmp/namndtui-load-<date>), NAMNDTUI_HYPOTHESIS
# (ci, as .ci/run: the leak property's 2,000 examples).
# Exit status: 0 when every run passed, 1 otherwise. Paste the table it prints into
# docs/reliability.md ("The loaded-machine check").
set -u
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
BUSY=${BUSY:-2}
if [ -z "${PYTHON:-}" ]; then
  if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
OUT=${OUT:-/tmp/namndtui-load-$(date -u +%Y%m%dT%H%M%SZ)}
export NAMNDTUI_HYPOTHESIS=${NAMNDTUI_HYPOTHESIS:-ci}
mkdir -p "$OUT"
summary="$OUT/summary.md"

busy_pids=()
stop_busy() {
  for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${busy_pids[@]}"; do wait "$pid" 2>/dev/null; done
  busy_pids=()
}
trap 'stop_busy; exit 130' INT TERM
trap stop_busy EXIT

for _ in $(seq 1 "$BUSY"); do
  python3 -c 'while 1: pass' &
  busy_pids+=("$!")
done

{
  echo "Suite under load: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "$(nproc) cores, $BUSY busy loops, NAMNDTUI_HYPOTHESIS=$NAMNDTUI_HYPOTHESIS $PYTHON -m pytest -n 2 $*"
  echo
  echo "| run | result | wall | pytest summary | load before → after |"
  echo "|---|---|---|---|---|"
} | tee "$summary"

failed=0
for i in $(seq 1 "$RUNS"); do
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s)
  "$PYTHON" -m pytest -n 2 -q -p no:cacheprovider "$@" >"$OUT/run$i.log" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$rc" -eq 0 ]; then result=pass; else result="FAIL (exit $rc)"; failed=1; fi
  line=$(grep -E '[0-9]+ (passed|failed|errors?)( |,|$)' "$OUT/run$i.log" | tail -1 | tr -d '=' | sed 's/^ *//;s/ *$//')
  printf '| %d | %s | %dm %02ds | %s | %s → %s |\n' \
    "$i" "$result" $((secs / 60)) $((secs % 60)) "${line:-?}" "$load_before" "$load_after" \
    | tee -a "$summary"
  if [ "$rc" -ne 0 ]; then
    grep -E '^(FAILED|ERROR) ' "$OUT/run$i.log" | sed 's/^/    /' | tee -a "$summary"
  fi
done

echo | tee -a "$summary"
if [ "$failed" -eq 0 ]; then
  echo "All $RUNS runs passed. Logs: $OUT" | tee -a "$summary"
else
  echo "Not all runs passed. Logs: $OUT" | tee -a "$summary"
fi
exit "$failed"
