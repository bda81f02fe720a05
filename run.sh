#!/usr/bin/env bash
# Two-command setup, part one: installs what is missing, builds, migrates, seeds the demo county on first run and serves
# the portal on http://127.0.0.1:${PORT:-5000}. Ctrl-C stops the portal and its embedded PostgreSQL.
# Data: the embedded PostgreSQL keeps its data in /var/lib/familyplanning/pgdata (as root) or
# ~/.local/share/familyplanning/pgdata; set ConnectionStrings__Default to use another server instead.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

. ./.ci/prereqs.sh
need_dotnet
need_apt postgresql fonts-arphic-gbsn00lp

PORT=${PORT:-5000}
echo "正在编译……"
dotnet build src/FamilyPlanning.Web -c Release -nologo -clp:ErrorsOnly
app=(dotnet src/FamilyPlanning.Web/bin/Release/net10.0/FamilyPlanning.Web.dll --contentRoot "$PWD/src/FamilyPlanning.Web")

# This demo serves plain http on the loopback address, so its cookies cannot require https.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Security__RequireHttps=${Security__RequireHttps:-false}

# Migrates, seeds the demo county only when the database has none, and prints the demo logins.
"${app[@]}" seed-demo

echo
echo "门户地址：http://127.0.0.1:${PORT}   （按 Ctrl-C 停止）"
exec "${app[@]}" --urls "http://127.0.0.1:${PORT}"
