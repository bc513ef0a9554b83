#!/usr/bin/env bash
# npm start: set up, build what is stale, serve the dashboard with the embedded local API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh wasm >/dev/null
exec node server/dev.js "$@"
