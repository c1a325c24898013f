#!/usr/bin/env bash
# Relay's compiler (relay-compiler 21, schemaConfig.nonNodeIdFields) over schema.full.graphql and schema.graphql:
# only global Node ids may be named `id` (issue 21, item 4). No server: it reads the printed schemas at the repository
# root. Runs relay.test.mjs with node's test runner and prints "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
node --test --test-reporter=spec --test-timeout=300000 relay.test.mjs 2>&1 | tee "$out"
pass=$(grep -E '^ℹ pass [0-9]+' "$out" | grep -oE '[0-9]+$' | tail -1)
fail=$(grep -E '^ℹ fail [0-9]+' "$out" | grep -oE '[0-9]+$' | tail -1)
echo "${pass:-0} passed, ${fail:-1} failed"
[ "${fail:-1}" -eq 0 ] && [ "${pass:-0}" -gt 0 ]
