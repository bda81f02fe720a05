#!/usr/bin/env bash
# Times the county dashboard and the indicator API on a running portal (default: the demo of ./run.sh on port 5000).
# Usage: bench/dashboard-timing.sh [base-url] [runs]. Prints the median and the spread of the wall times, in seconds.
set -euo pipefail
base=${1:-http://127.0.0.1:5000}
runs=${2:-9}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$base/Account/Login" --data-urlencode "Input.UserName=${FP_USER:-county}" \
  --data-urlencode "Input.Password=${FP_PASSWORD:-demo-2026-fp}" --data-urlencode "__RequestVerificationToken=$token"
measure() {
  local url=$1 times=()
  curl -s -b "$jar" -o /dev/null "$base$url"   # warm-up
  for _ in $(seq "$runs"); do times+=("$(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$base$url")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk -v u="$url" '{a[NR]=$1} END {printf "%-55s median %.3f s  min %.3f  max %.3f  (%d runs)\n", u, a[int((NR+1)/2)], a[1], a[NR], NR}'
}
measure "/Dashboard?period=2026H1"
measure "/Dashboard?period=2026"
measure "/api/indicators?period=2026H1"
measure "/api/indicators?period=2026H1&township=371426100000"
measure "/Dashboard/Township?code=371426100000&period=2026H1"
