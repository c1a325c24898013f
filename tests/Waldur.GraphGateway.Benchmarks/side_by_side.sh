#!/usr/bin/env bash
# Two gateway builds (or one build with and without an environment setting) side by side in front of one emulator:
#   side_by_side.sh <build A> <build B> ["NAME=value ..." for B only]
# Rounds alternate which process is measured first; CPU per request is each process's user + system time over its
# runs (/proc/<pid>/stat). Run it twice with A and B swapped: on this 2-core machine an A/A run favoured the second
# process by ~4%, so a ratio means something only when it holds both ways. Env: SCENARIO (s1 | s2: 30 aliased
# by-uuid lookups), ROUNDS (6), DURATION (5 s), CONNECTIONS (16). Prints the medians and the B/A ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
a=$1; b=$2; env_b=${3:-}
rounds=${ROUNDS:-6}; duration=${DURATION:-5}; connections=${CONNECTIONS:-16}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$root/src/Waldur.Emulator/Waldur.Emulator.csproj" -c Release -nologo -v q >/dev/null
dotnet "$root/src/Waldur.Emulator/bin/Release/net10.0/Waldur.Emulator.dll" --urls http://127.0.0.1:18751 >"$work/emulator.log" 2>&1 &
pids+=($!)
start() { # port build [env]
  (cd "$work" && exec env $3 Waldur__BaseUrl=http://127.0.0.1:18751/ RateLimiting__Enabled=false Logging__LogLevel__Default=Warning \
    dotnet "$2/Waldur.GraphGateway.dll" --urls "http://127.0.0.1:$1" >"$work/gateway-$1.log" 2>&1) &
  pids+=($!)
}
start 18752 "$a" ""
gateway_a=${pids[-1]}
start 18753 "$b" "$env_b"
gateway_b=${pids[-1]}
for port in 18752 18753; do
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -H 'Authorization: Token demo-token' \
      --data '{"query":"{ __typename }"}' "http://127.0.0.1:$port/graphql" && break
    sleep 0.2
  done
done
if [ "${SCENARIO:-s1}" = s2 ]; then
  query=$(curl -sf -H 'Authorization: Token demo-token' 'http://127.0.0.1:18751/api/digitalocean-images/?page_size=30' | node -e '
    const rows = JSON.parse(require("fs").readFileSync(0, "utf8"));
    process.stdout.write(`{ ${rows.map((r, i) => `i${i}: digitalOceanImageByUuid(uuid: \\"${r.uuid}\\") { uuid name distribution }`).join(" ")} }`);')
  body="{\"query\": \"$query\"}"
else
  query=$(tr '\n' ' ' <"$root/tests/Waldur.GraphGateway.Benchmarks/scenarios/s1.graphql" | sed 's/"/\\"/g')
  body="{\"query\": \"$query\", \"variables\": {\"first\": 20}}"
fi
printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Token demo-token"\nwrk.body = [[%s]]\n' "$body" >"$work/body.lua"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for port in 18752 18753; do wrk -t1 -c"$connections" -d10s -s "$work/body.lua" "http://127.0.0.1:$port/graphql" >/dev/null; done
for round in $(seq 1 "$rounds"); do
  order="a b"; [ $((round % 2)) -eq 0 ] && order="b a"
  for side in $order; do
    if [ "$side" = a ]; then port=18752; pid=$gateway_a; else port=18753; pid=$gateway_b; fi
    before=$(ticks "$pid")
    out=$(wrk -t1 -c"$connections" -d"${duration}s" -s "$work/body.lua" "http://127.0.0.1:$port/graphql")
    after=$(ticks "$pid")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    echo "$side $(echo "$out" | awk '/Requests\/sec/ {print $2}') $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests ))"
  done
done >"$work/rounds"
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(l => l.split(" "));
  const median = xs => { const s = [...xs].sort((x, y) => x - y); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  const side = s => ({ rps: median(rows.filter(r => r[0] === s).map(r => +r[1])), cpu: median(rows.filter(r => r[0] === s).map(r => +r[2])) });
  const [a, b] = [side("a"), side("b")];
  console.log(`A: ${a.rps.toFixed(0)} req/s, ${a.cpu} µs CPU/request; B: ${b.rps.toFixed(0)} req/s, ${b.cpu} µs CPU/request`);
  console.log(`B/A: ${(b.rps / a.rps).toFixed(3)}x req/s, ${(b.cpu / a.cpu).toFixed(3)}x CPU per request`);' "$work/rounds"
