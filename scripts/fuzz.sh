#!/usr/bin/env bash
# npm run fuzz -- --seconds N [target ...]: builds the libFuzzer targets (clang, ASan + UBSan)
# and runs each for N seconds on a working copy of its seed corpus. Prints executions per target
# and exits non-zero on any crash, leak or UB report.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
targets=()
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    -*) echo "usage: npm run fuzz -- [--seconds N] [target ...]" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
bash scripts/build.sh native-asan >/dev/null
if ((${#targets[@]} == 0)); then
  for f in fuzz/*_fuzz.cpp; do n=$(basename "$f" .cpp); targets+=("${n%_fuzz}"); done
fi
work=build/native-asan/fuzz-work
mkdir -p "$work"
total=0
status=0
printf '%-14s %12s %8s  %s\n' target executions seconds result
for t in "${targets[@]}"; do
  corpus="$work/$t"
  mkdir -p "$corpus" "$work/$t-artifacts"
  [[ -d fuzz/corpus/$t ]] && cp -n fuzz/corpus/$t/* "$corpus"/ 2>/dev/null || true
  dict=()
  case $t in
    time) dict=(-dict=fuzz/dict/dates.dict) ;;
    signing) dict=(-dict=fuzz/dict/sf.dict) ;;
    widget_token) dict=(-dict=fuzz/dict/jwt.dict) ;;
    counting | store) ;;  # raw text / an operation byte code: no token helps
    post | response | validation | snapshot | calendar) dict=(-dict=fuzz/dict/json.dict) ;;
    *) dict=(-dict=fuzz/dict/json.dict) ;;
  esac
  log="$work/$t.log"
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     "build/native-asan/${t}_fuzz" "${dict[@]}" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$work/$t-artifacts/" "$corpus" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log)"
    status=1
    tail -30 "$log"
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  printf '%-14s %12s %8s  %s\n' "$t" "$runs" "$seconds" "$result"
done
printf '%-14s %12s\n' total "$total"
exit $status
