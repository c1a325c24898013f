#!/usr/bin/env bash
# Bytes the gateway allocates per S1 request: a machine-independent figure (CPU per request is not), from the runtime's
# own counter (dotnet.gc.heap.total_allocated, via dotnet-counters) over a wrk run against the Release build of this
# checkout (or GATEWAY_BUILD=<dir>) in front of the emulator. Env: DURATION (s, default 8), CONNECTIONS (default 4).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${GATEWAY_BUILD:-$root/src/Waldur.GraphGateway/bin/Release/net10.0}
duration=${DURATION:-8}
counters=${DOTNET_COUNTERS:-$HOME/.dotnet/tools/dotnet-counters}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -x "$counters" ] || dotnet tool install --global dotnet-counters >/dev/null
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$root/src/Waldur.Emulator/Waldur.Emulator.csproj" -c Release -nologo -v q >/dev/null
dotnet "$root/src/Waldur.Emulator/bin/Release/net10.0/Waldur.Emulator.dll" --urls http://127.0.0.1:18711 >"$work/emulator.log" 2>&1 &
pids+=($!)
(cd "$work" && Waldur__BaseUrl=http://127.0.0.1:18711/ RateLimiting__Enabled=false Logging__LogLevel__Default=Warning \
  exec dotnet "$build/Waldur.GraphGateway.dll" --urls http://127.0.0.1:18712 >"$work/gateway.log" 2>&1) &
gateway=$!
pids+=("$gateway")
query=$(tr '\n' ' ' <"$root/tests/Waldur.GraphGateway.Benchmarks/scenarios/s1.graphql" | sed 's/"/\\"/g')
cat >"$work/s1.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Token demo-token"
wrk.body = "{\"query\": \"$query\", \"variables\": {\"first\": 20}}"
EOF
for _ in $(seq 1 300); do
  curl -sf -o /dev/null -H 'Content-Type: application/json' -H 'Authorization: Token demo-token' \
    --data "{\"query\": \"$query\", \"variables\": {\"first\": 20}}" http://127.0.0.1:18712/graphql && break
  sleep 0.2
done
wrk -t2 -c"${CONNECTIONS:-4}" -d3s -s "$work/s1.lua" http://127.0.0.1:18712/graphql >/dev/null # warm-up
"$counters" collect -p "$gateway" --counters 'System.Runtime[dotnet.gc.heap.total_allocated]' --format json \
  -o "$work/counters.json" --refresh-interval 1 --duration "00:00:00:$((duration + 2))" >/dev/null &
collector=$!
sleep 1
requests=$(wrk -t2 -c"${CONNECTIONS:-4}" -d"${duration}s" -s "$work/s1.lua" http://127.0.0.1:18712/graphql | awk '/requests in/ {print $1}')
wait "$collector" || true
node -e '
  const data = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const bytes = data.Events.filter((e) => e.name.includes("total_allocated")).reduce((s, e) => s + e.value, 0);
  const requests = Number(process.argv[2]);
  console.log(`S1: ${requests} requests, ${(bytes / 1024 / 1024).toFixed(1)} MB allocated in the window, ~${(bytes / requests / 1024).toFixed(0)} KB per request (the window is ${process.argv[3]} s of load plus ~2 s idle)`);
' "$work/counters.json" "$requests" "$duration"
