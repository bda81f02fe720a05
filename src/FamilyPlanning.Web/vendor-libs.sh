#!/usr/bin/env bash
# Re-vendors the front-end libraries from the npm registry into wwwroot/lib (no CDN at run time).
# Versions are pinned here; run this only to upgrade, then commit the files.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent bootstrap@5.3.8 >/dev/null && tar xzf bootstrap-5.3.8.tgz )
mkdir -p wwwroot/lib/bootstrap
cp "$tmp/package/dist/css/bootstrap.min.css" "$tmp/package/dist/js/bootstrap.bundle.min.js" "$tmp/package/LICENSE" wwwroot/lib/bootstrap/
( cd "$tmp" && rm -rf package && npm pack --silent chart.js@4.5.1 >/dev/null && tar xzf chart.js-4.5.1.tgz )
mkdir -p wwwroot/lib/chart.js
cp "$tmp/package/dist/chart.umd.min.js" "$tmp/package/LICENSE.md" wwwroot/lib/chart.js/
echo "vendored bootstrap 5.3.8 and chart.js 4.5.1"
