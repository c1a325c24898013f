#!/usr/bin/env bash
# The composition suite (issue 6): starts the emulator and a gateway pointed at it (Release builds, free loopback
# ports), runs federation.test.mjs with node's test runner, stops both, prints "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
emu_port=$(free_port); gw_port=$(free_port); full_port=$(free_port)
bin() { echo "$root/src/$1/bin/Release/net10.0/$1.dll"; }
[ -f "$(bin Waldur.GraphGateway)" ] || dotnet build "$root/src/Waldur.GraphGateway" -c Release -nologo -v q >/dev/null

dotnet "$(bin Waldur.Emulator)" --urls "http://127.0.0.1:$emu_port" --Logging:LogLevel:Default=Warning &
emu_pid=$!
dotnet "$(bin Waldur.GraphGateway)" --urls "http://127.0.0.1:$gw_port" --Waldur:BaseUrl="http://127.0.0.1:$emu_port" \
  --Logging:LogLevel:Default=Warning &
gw_pid=$!
# The same gateway serving every Waldur list (issue 13): its subgraph must compose too.
dotnet "$(bin Waldur.GraphGateway)" --urls "http://127.0.0.1:$full_port" --Waldur:BaseUrl="http://127.0.0.1:$emu_port" \
  --Catalog:Include='*' --Logging:LogLevel:Default=Warning &
full_pid=$!
trap 'kill $gw_pid $full_pid $emu_pid 2>/dev/null; wait $gw_pid $full_pid $emu_pid 2>/dev/null' EXIT

for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$gw_port/healthz" >/dev/null && curl -fs "http://127.0.0.1:$full_port/healthz" >/dev/null \
    && curl -s -o /dev/null "http://127.0.0.1:$emu_port/api/" && break
  sleep 0.25
done

out=$(mktemp)
GATEWAY_URL="http://127.0.0.1:$gw_port/graphql" FULL_GATEWAY_URL="http://127.0.0.1:$full_port/graphql" EMULATOR_URL="http://127.0.0.1:$emu_port" \
  node --test --test-reporter=spec --test-timeout=120000 federation.test.mjs 2>&1 | tee "$out"
pass=$(grep -E '^ℹ pass [0-9]+' "$out" | grep -oE '[0-9]+$' | tail -1)
fail=$(grep -E '^ℹ fail [0-9]+' "$out" | grep -oE '[0-9]+$' | tail -1)
echo "${pass:-0} passed, ${fail:-1} failed"
[ "${fail:-1}" -eq 0 ]
