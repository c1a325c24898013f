#!/usr/bin/env bash
# S1 of this checkout and of another commit, side by side in one run: ./compare.sh <git-ref> (default: the parent).
# Builds the other commit in a temporary worktree, then runs bench.mjs with both gateways in front of the same emulator.
# Env as bench.mjs (ROUNDS, DURATION, WARMUP, CONNECTIONS); ONLY defaults to the S1 pair.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ref=${1:-HEAD~1}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
base=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$base" >/dev/null 2>&1 || true' EXIT
git -C "$root" worktree add --detach -q "$base" "$ref"
dotnet build "$base/src/Waldur.GraphGateway/Waldur.GraphGateway.csproj" -c Release -nologo -v q
dotnet build "$root/src/Waldur.GraphGateway/Waldur.GraphGateway.csproj" -c Release -nologo -v q
echo "baseline: $(git -C "$root" rev-parse --short "$ref") ($ref); this build: $(git -C "$root" rev-parse --short HEAD) + working tree"
BASELINE_GATEWAY="$base/src/Waldur.GraphGateway/bin/Release/net10.0" ONLY=${ONLY:-GW-S1,BASE-S1} MESH=0 \
  node "$root/tests/Waldur.GraphGateway.Benchmarks/bench.mjs"
