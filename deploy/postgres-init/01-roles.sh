#!/usr/bin/env bash
# Runs once, when the postgres container initialises its data folder: the login the portal runs as (fp_web), a member of the
# privilege group fp_app that the AppRolePrivileges migration grants to (registers read/write, audit log INSERT/SELECT
# only). Migrations run as the owner (POSTGRES_USER).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=web_password="$FP_WEB_PASSWORD" <<'SQL'
CREATE ROLE fp_app NOLOGIN;
CREATE ROLE fp_web LOGIN IN ROLE fp_app;
ALTER ROLE fp_web PASSWORD :'web_password';
SQL
