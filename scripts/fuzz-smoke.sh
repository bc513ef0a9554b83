#!/usr/bin/env bash
# Part of npm test: every fuzz target for a few seconds on its corpus, so a regression that the
# corpus reaches fails CI. Prints the plain closing line that CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(bash scripts/fuzz.sh --seconds "${TRYPOST_FUZZ_SMOKE_SECONDS:-3}" 2>&1)
rc=$?
echo "$out"
n=$(echo "$out" | grep -cE '  ok$' || true)
f=$(echo "$out" | grep -c 'FAILED' || true)
echo "fuzz: $n passed, $f failed"
exit $rc
