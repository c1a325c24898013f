#!/usr/bin/env bash
# The scenario benchmark (issue 7): builds Release, starts emulators, gateways and the Mesh peer on loopback,
# drives bounded wrk load, prints a Markdown table. Env: ROUNDS (3), DURATION (8 s), WARMUP (2 s), MESH (1), OUT,
# TELEMETRY=1 (adds S1 with telemetry off vs on, issue 15).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
dotnet build "$root/src/Waldur.GraphGateway/Waldur.GraphGateway.csproj" -c Release -nologo -v q
exec node "$root/tests/Waldur.GraphGateway.Benchmarks/bench.mjs"
