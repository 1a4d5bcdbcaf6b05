#!/usr/bin/env bash
# Builds the solution and runs every test suite, then prints the closing line
#   tests: N passed, M failed
# counted from the test results. Exits non-zero when a test failed, none ran, or the build broke.
set -u
cd "$(dirname "$0")/.."

results="${TEST_RESULTS_DIR:-$(mktemp -d)}"
mkdir -p "$results"
# Test artifacts (the HTML report's screenshots) go next to the results.
export TEST_RESULTS_DIR="$results"
rm -f "$results"/*.trx

status=0
# `dotnet test` builds test projects only: the benchmarks are built here (never run) so that they keep compiling.
dotnet build tests/Opper.Traces.Benchmarks/Opper.Traces.Benchmarks.csproj -c Release \
  -p:ContinuousIntegrationBuild=true || status=$?

dotnet test OpperGenerated.sln -c Release \
  --logger "trx;LogFilePrefix=results" \
  --results-directory "$results" \
  -p:ContinuousIntegrationBuild=true || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  e=$(printf '%s' "$counters" | sed -n 's/.* error="\([0-9]*\)".*/\1/p')
  t=$(printf '%s' "$counters" | sed -n 's/.* timeout="\([0-9]*\)".*/\1/p')
  a=$(printf '%s' "$counters" | sed -n 's/.* aborted="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done

# The consumer checks (packages installed the way users install them) count as tests too.
if [ -x scripts/consumer-tests.sh ] && [ "${SKIP_CONSUMER_TESTS:-0}" != "1" ]; then
  consumer_out=$(mktemp)
  scripts/consumer-tests.sh 2>&1 | tee "$consumer_out"
  cp=$(grep -c '^consumer: PASS' "$consumer_out" || true)
  cf=$(grep -c '^consumer: FAIL' "$consumer_out" || true)
  passed=$((passed + cp))
  failed=$((failed + cf))
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the test host broke: that is a failure even if no test result says so.
  failed=1
fi

if [ -d "$results/report-screenshots" ]; then
  echo "report screenshots: $results/report-screenshots"
fi

echo "tests: $passed passed, $failed failed"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
