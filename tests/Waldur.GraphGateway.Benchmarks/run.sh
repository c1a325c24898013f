#!/usr/bin/env bash
# The scenario benchmark (issues 7, 13, 14, 16): publishes the gateway as it ships (Release, ReadyToRun, as the Dockerfile
# does), starts emulators, gateways and the Mesh peers on loopback, drives bounded wrk load, prints a Markdown table.
# Env: ROUNDS (3), DURATION (5 s), WARMUP (1 s), MESH (1), STARTS (2), OUT; GATEWAY_BUILD skips the publish;
# TELEMETRY=1 adds S1 with telemetry off vs on (issue 15).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ -z "${GATEWAY_BUILD:-}" ]; then
  export GATEWAY_BUILD="$root/src/Waldur.GraphGateway/bin/Release/bench-publish"
  dotnet publish "$root/src/Waldur.GraphGateway/Waldur.GraphGateway.csproj" -c Release -o "$GATEWAY_BUILD" -nologo -v q
fi
exec node "$root/tests/Waldur.GraphGateway.Benchmarks/bench.mjs"
