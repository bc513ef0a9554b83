#!/usr/bin/env bash
# Configure (once) and build the given presets incrementally; default: native and wasm.
# Prints the WASM module's sizes (raw and gzip) after a wasm build.
set -euo pipefail
cd "$(dirname "$0")/.."
source ./emsdk.env
presets=("$@")
((${#presets[@]})) || presets=(native wasm)
for preset in "${presets[@]}"; do
  dir="build/$preset"
  configure=(cmake --preset "$preset")
  [[ $preset == wasm ]] && configure=(emcmake cmake --preset "$preset")
  if [[ ! -f $dir/build.ninja ]]; then
    "${configure[@]}" >"build-$preset-configure.log" 2>&1 || { cat "build-$preset-configure.log"; exit 1; }
    rm -f "build-$preset-configure.log"
  fi
  log="$dir/last-build.log"
  if ! cmake --build "$dir" >"$log" 2>&1; then
    cat "$log"; echo "build: $preset failed" >&2; exit 1
  fi
  # ninja's progress lines are noise; "no work to do" and compiler warnings are not.
  steps=$(grep -cE '^\[[1-9][0-9]*/[0-9]+\] ' "$log" || true)
  if [[ $steps -eq 0 ]]; then echo "build: $preset: up to date, nothing rebuilt"; else echo "build: $preset: $steps steps"; fi
  grep -vE '^\[[0-9]+/[0-9]+\] |^ninja: no work to do|^-- ' "$log" || true
done
for preset in "${presets[@]}"; do
  if [[ $preset == wasm ]]; then node scripts/sizes.mjs; fi
done
