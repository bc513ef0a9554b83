#!/usr/bin/env bash
# npm test: every suite, in order; each runner prints its own summary; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1
source ./emsdk.env
bash scripts/build.sh native native-asan wasm || exit 1

failed=()
passed_total=0
failed_total=0
log_dir=build/test-logs
mkdir -p "$log_dir"

run() {  # run NAME CMD...: tee output, remember failures, add up counts from the summary lines
  local name=$1; shift
  echo
  echo "=== $name ==="
  "$@" 2>&1 | tee "$log_dir/$name.log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -oE '^\[doctest\] test cases: +[0-9]+ \| +[0-9]+ passed' "$log_dir/$name.log" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | tail -1)
  f=$(grep -oE '^\[doctest\] test cases:.*\| +[0-9]+ failed' "$log_dir/$name.log" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' | tail -1)
  if [[ -z $p ]]; then
    p=$(grep -oE '^# pass [0-9]+' "$log_dir/$name.log" | grep -oE '[0-9]+' | tail -1)
    f=$(grep -oE '^# fail [0-9]+' "$log_dir/$name.log" | grep -oE '[0-9]+' | tail -1)
  fi
  if [[ -z $p ]]; then
    p=$(grep -oE '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "$log_dir/$name.log" | tail -1 | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(grep -oE '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "$log_dir/$name.log" | tail -1 | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
  fi
  passed_total=$((passed_total + ${p:-0}))
  failed_total=$((failed_total + ${f:-0}))
  if [[ $rc -ne 0 ]]; then failed+=("$name"); [[ ${f:-0} -eq 0 ]] && failed_total=$((failed_total + 1)); fi
}

run doctest-native build/native/trypost_tests --no-colors=true
run doctest-asan env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 build/native-asan/trypost_tests --no-colors=true
run doctest-wasm node --no-experimental-fetch build/wasm/trypost_tests.cjs --no-colors=true
shopt -s nullglob
js_tests=(tests/js/*.test.js tests/js/*.test.mjs)
e2e_tests=(tests/e2e/*.test.js tests/e2e/*.test.mjs)
((${#js_tests[@]})) && run node-test node --test --test-concurrency=2 "${js_tests[@]}"
((${#e2e_tests[@]})) && run browser-test node --test --test-concurrency=1 "${e2e_tests[@]}"
[[ -x scripts/fuzz-smoke.sh ]] && run fuzz-smoke bash scripts/fuzz-smoke.sh

echo
if ((${#failed[@]})); then
  echo "FAILED suites: ${failed[*]}"
fi
echo "all: $passed_total passed, $failed_total failed"
((${#failed[@]} == 0))
