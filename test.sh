#!/usr/bin/env bash
# Installs what the tests need, then builds and runs every test project against a real throwaway PostgreSQL.
# Ends with the line "N passed, N failed[, N skipped]" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

. ./.ci/prereqs.sh
need_dotnet
need_apt postgresql fonts-arphic-gbsn00lp chromium

# Throwaway clusters left by test runs that died are stopped and deleted by the test fixture itself
# (LocalPostgres.CleanStaleThrowaways), before it starts this run's own server.

set -e
dotnet tool restore >/dev/null
dotnet build FamilyPlanning.sln -c Release -nologo -clp:ErrorsOnly
dotnet format FamilyPlanning.sln --verify-no-changes --no-restore -v quiet \
  || { echo "dotnet format found style differences: run 'dotnet format FamilyPlanning.sln'"; echo "0 passed, 1 failed"; exit 1; }
set +e

# Every project runs on the test clock's default instant (2027-01-01 00:00 China time, tests/Shared/TestClock.cs); the HTTP
# and browser suites run once more at the last minute of a half-year (2026-06-30 23:59 China time), so no test depends on
# the date it runs.
runs=()
for proj in tests/*/*.csproj; do runs+=("$proj|"); done
for proj in tests/FamilyPlanning.Web.Tests/FamilyPlanning.Web.Tests.csproj tests/FamilyPlanning.Browser.Tests/FamilyPlanning.Browser.Tests.csproj; do
  runs+=("$proj|2026-06-30T23:59:00+08:00|Category!=DateIndependent")
done

passed=0; failed=0; skipped=0; status=0
for run in "${runs[@]}"; do
  IFS='|' read -r proj now filter <<<"$run"
  name="$(basename "$proj" .csproj)${now:+ at $now}"
  log=$(mktemp)
  FP_TEST_NOW="$now" dotnet test "$proj" -c Release --no-build ${filter:+--filter "$filter"} 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  summary=$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -1)
  if [ -z "$summary" ]; then
    echo "$name: no test summary (rc=$rc)"; tail -40 "$log"; failed=$((failed + 1)); status=1
  else
    echo "$name: $summary"
    f=$(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")
    p=$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")
    s=$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$rc" -ne 0 ] && status=1
  fi
  rm -f "$log"
done

[ "$failed" -gt 0 ] && status=1
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit $status
