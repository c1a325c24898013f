#!/usr/bin/env bash
# Runs every test: the .NET suites, then the Node conformance suites against a live gateway.
# Prints one closing line "N passed, N failed" and exits non-zero when anything failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

passed=0; failed=0
results=$(mktemp -d)

echo "== .NET test suites"
dotnet build Waldur.GraphGateway.sln -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Waldur.GraphGateway.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=run" --results-directory "$results" --logger "console;verbosity=normal"
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

# Names of the tests with outcome $1 in the trx files $2…
outcome() { OUTCOME=$1 perl -0777 -ne 'while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="$ENV{OUTCOME}"/g) { print "$1\n" }' "${@:2}" | sort -u; }
# A failed .NET test gets one rerun, alone. One that passes then is counted as passed but named FLAKY at the end of the
# log (with its first failure's message), so a timing-dependent test is reported and fixed, not silently retried.
if [ "$failed" -gt 0 ] && ls "$results"/run*.trx >/dev/null 2>&1; then
  first=$(outcome Failed "$results"/run*.trx)
  filter=$(echo "$first" | sed -e 's/(.*//' -e 's/^/FullyQualifiedName=/' | sort -u | paste -sd'|')
  echo "== rerunning the failed .NET tests once: $filter"
  dotnet test Waldur.GraphGateway.sln -c Release --no-build -nologo --filter "$filter" \
    --logger "trx;LogFilePrefix=rerun" --results-directory "$results/rerun" --logger "console;verbosity=normal"
  again=$(outcome Passed "$results"/rerun/*.trx 2>/dev/null)
  comm -12 <(echo "$first") <(echo "$again") | sed 's/^/FLAKY (failed, then passed on its one rerun): /' > "$results/flaky.txt"
  flaky=$(grep -c . "$results/flaky.txt" || true)
  passed=$((passed + flaky)); failed=$((failed - flaky))
fi

# The checked-in catalog must be what the vendored spec and the overrides produce (README, "The resource catalog").
echo "== catalog check"
if dotnet run --project src/Waldur.Catalog.Generator -c Release --no-build -- --check; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "the catalog is stale: run 'dotnet run --project src/Waldur.Catalog.Generator' and commit the result"
fi

# The contract suite again, against the emulator playing Waldur 7.0.7 (drift mode): the gateway over a Waldur that is
# not the one its catalog was written from (README, "Contract suite: any Waldur"). The sln run above used normal mode.
echo "== contract suite against the emulator in drift mode (Waldur 7.0.7)"
WALDUR_CONTRACT_EMULATOR_ARGS='--Emulator:Drift=waldur-7' dotnet test tests/contract -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=drift" --results-directory "$results/drift" --logger "console;verbosity=minimal"
for trx in "$results"/drift/*.trx; do
  [ -f "$trx" ] || { failed=$((failed + 1)); echo "the drift-mode contract run produced no results"; continue; }
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

# Node suites (against live servers, or the printed schemas for relay); each prints a closing "N passed, N failed" line.
for suite in tests/conformance/run.sh tests/federation/run.sh tests/relay/run.sh; do
  [ -f "$suite" ] || continue
  echo "== $suite"
  # tee to a file, not /dev/stderr: reopening /dev/stderr truncates a log file that stdout also writes to.
  bash "$suite" 2>&1 | tee "$results/suite.log"
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$results/suite.log" | tail -1)
  if [ -n "$line" ]; then
    passed=$((passed + $(echo "$line" | cut -d' ' -f1))); failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
  else
    failed=$((failed + 1)); echo "$suite produced no result line"
  fi
done

# Name every failed .NET test again at the end, with its message, so the tail of a long CI log says what failed.
for trx in "$results"/*.trx "$results"/drift/*.trx; do
  [ -f "$trx" ] || continue
  # perl-base is essential on Debian; a trx result element holds testName, outcome and a Message.
  perl -0777 -ne 'while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed".*?<Message>(.*?)<\/Message>/gs) { print "FAILED $1 :: ", substr($2, 0, 2000), "\n" }' "$trx"
done

[ -f "$results/flaky.txt" ] && cat "$results/flaky.txt"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
