#!/usr/bin/env bash
# The Node conformance suites, run against a live gateway built the way the Dockerfile builds it:
# `dotnet publish -c Release`, then the published dll is started (embedded emulator, a free loopback port).
# Every suites/*.mjs gets the endpoint URL as its argument and ends with a line "N passed, N failed";
# add a suite by dropping another file there (federation composition, ...). Prints one closing line with the sums.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"

if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "-- publishing the gateway (Release) from exactly the files the Dockerfile copies"
# Mirror the Dockerfile's build stage: its COPY set in a bare folder (so a file the image would lack fails here),
# the IDE's node_modules as its npm stage provides them, then restore and publish.
ctx="$work/context"
mkdir -p "$ctx"
# Stage 1 as the Dockerfile runs it: restore with only the project files its COPY lines name (read from the Dockerfile,
# so a project reference the image would not restore fails here too).
# The root files too are read from its first COPY line (`COPY global.json … ./`).
(cd "$root" && cp $(grep -m1 -E '^COPY global.json ' Dockerfile | sed -E 's/^COPY //; s/ \.\/$//') "$ctx/" \
  && grep -oE '^COPY src/[^ ]+\.csproj' Dockerfile | cut -d' ' -f2 | while read -r csproj; do
       mkdir -p "$ctx/$(dirname "$csproj")" && cp "$csproj" "$ctx/$csproj"; done)
if ! (cd "$ctx" && dotnet restore src/Waldur.GraphGateway/Waldur.GraphGateway.csproj -nologo -v q); then
  echo "0 passed, 1 failed"; exit 1
fi
# Stage 2: the sources, the IDE's node_modules as its npm stage provides them, then publish without restoring.
(cd "$root" && tar --exclude='bin' --exclude='obj' --exclude='node_modules' -cf - src | tar -xf - -C "$ctx")
ide="$root/src/Waldur.GraphGateway/ide/node_modules"
[ -d "$ide" ] || (cd "$root/src/Waldur.GraphGateway/ide" && npm ci --no-audit --no-fund --loglevel=error)
cp -r "$ide" "$ctx/src/Waldur.GraphGateway/ide/node_modules"
if ! (cd "$ctx" && dotnet publish src/Waldur.GraphGateway/Waldur.GraphGateway.csproj -c Release -o "$work/app" --no-restore -nologo -v q); then
  echo "0 passed, 1 failed"; exit 1
fi

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base="http://127.0.0.1:$port"
# No Waldur__BaseUrl: the published gateway must bring up its embedded emulator on its own.
(cd "$work/app" && exec env -u Waldur__BaseUrl ASPNETCORE_URLS="$base" DOTNET_ENVIRONMENT=Production \
  dotnet Waldur.GraphGateway.dll) >"$work/gateway.log" 2>&1 &
pid=$!

echo "-- waiting for $base/healthz"
if ! node -e '
  const url = process.argv[1]; const until = Date.now() + 90_000;
  (async () => { while (Date.now() < until) { try { if ((await fetch(url)).ok) process.exit(0); } catch {} await new Promise(r => setTimeout(r, 250)); } process.exit(1); })();
' "$base/healthz"; then
  echo "gateway did not become healthy; its log:"; cat "$work/gateway.log"
  echo "0 passed, 1 failed"; exit 1
fi

passed=0; failed=0
for suite in "$here"/suites/*.mjs; do
  echo "-- suite $(basename "$suite")"
  GATEWAY_APP="$work/app" timeout 600 node "$suite" "$base/graphql" 2>&1 | tee "$work/suite.log"
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/suite.log" | tail -1)
  if [ -z "$line" ]; then
    echo "suite $(basename "$suite") printed no result line"; failed=$((failed + 1)); continue
  fi
  passed=$((passed + $(echo "$line" | cut -d' ' -f1))); failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
done

if [ "$failed" -gt 0 ]; then echo "-- gateway log (tail)"; tail -50 "$work/gateway.log"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
