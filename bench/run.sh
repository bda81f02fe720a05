#!/usr/bin/env bash
# Benchmark harness (not part of ./test.sh): seeds a throwaway PostgreSQL with the demo county at each scale, measures the
# indicators against a hand-written SQL baseline, the dashboard under wrk against a SELECT-1 endpoint, the half-year PDFs,
# a 100 000-row import against raw COPY and the demo seeding, and writes docs/benchmarks.md.
# Usage: bench/run.sh [--scale N | --scales 1,10] [--runs 7] [--period 2026H1]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
. ./.ci/prereqs.sh
need_dotnet
need_apt postgresql fonts-arphic-gbsn00lp wrk

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) args+=(--scales "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

dotnet build FamilyPlanning.sln -c Release -nologo -clp:ErrorsOnly
# The first occurrence of an option wins, so the caller's come before the defaults.
dotnet bench/FamilyPlanning.Bench/bin/Release/net10.0/FamilyPlanning.Bench.dll "${args[@]}" \
  --web src/FamilyPlanning.Web/bin/Release/net10.0/FamilyPlanning.Web.dll --out docs/benchmarks.md
echo "docs/benchmarks.md written"
