#!/usr/bin/env bash
# Installs (when missing) and starts a local PostgreSQL 15 + PostGIS cluster for BIS that listens on
# 127.0.0.1 only. Idempotent: a second run finds everything in place and only makes sure it is up.
set -euo pipefail

PG_VERSION=15
CLUSTER=bis
PORT="${BIS_PG_PORT:-5433}"
DB_USER="${BIS_PG_USER:-bis}"
DB_PASSWORD="${BIS_PG_PASSWORD:-bis}"
DB_NAME="${BIS_PG_DATABASE:-bis}"
# The app's runtime role: what serves requests connects as it. It owns nothing; the migrations grant it
# what it needs, and on the audit log only SELECT and INSERT. DB_USER owns the database and migrates.
APP_USER="${BIS_PG_APP_USER:-bis_app}"
APP_PASSWORD="${BIS_PG_APP_PASSWORD:-bis}"

log() { printf '[postgres] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  dpkg -s "postgresql-$PG_VERSION" >/dev/null 2>&1 || missing+=("postgresql-$PG_VERSION")
  dpkg -s "postgresql-$PG_VERSION-postgis-3" >/dev/null 2>&1 || missing+=("postgresql-$PG_VERSION-postgis-3")
  dpkg -s postgresql-contrib >/dev/null 2>&1 || missing+=(postgresql-contrib)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

create_cluster() {
  if ! as_root pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_VERSION $CLUSTER"; then
    log "creating cluster $PG_VERSION/$CLUSTER on 127.0.0.1:$PORT"
    as_root pg_createcluster "$PG_VERSION" "$CLUSTER" --port "$PORT" >/dev/null
  fi
  # Settings are (re)applied on every run so a changed value here reaches existing clusters.
  local conf_dir="/etc/postgresql/$PG_VERSION/$CLUSTER/conf.d"
  as_root mkdir -p "$conf_dir"
  as_root tee "$conf_dir/bis.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
max_connections = 200
shared_buffers = 1GB
work_mem = 32MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
checkpoint_timeout = 15min
effective_cache_size = 8GB
random_page_cost = 1.1
jit = off
# The server answers on loopback only: TLS there protects nothing and cost BIS.Web about a third of
# its CPU in the lookup benchmark. A server reached over a network keeps ssl on (Npgsql prefers it).
ssl = off
CONF
}

start_cluster() {
  local status
  status=$(as_root pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')
  if [ "$status" != "online" ]; then
    log "starting cluster"
    as_root pg_ctlcluster "$PG_VERSION" "$CLUSTER" start
  else
    # Settings rewritten above reach a running server (those that need a restart wait for one).
    as_root pg_ctlcluster "$PG_VERSION" "$CLUSTER" reload
  fi
  for _ in $(seq 1 60); do
    as_root su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT" && return 0
    sleep 0.5
  done
  log "PostgreSQL did not become ready"; exit 1
}

psql_admin() { as_root su postgres -c "PGOPTIONS='-c client_min_messages=warning' psql -v ON_ERROR_STOP=1 -q -h /var/run/postgresql -p $PORT $*"; }

create_role_and_database() {
  psql_admin "-d postgres" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
    CREATE ROLE $APP_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$APP_PASSWORD';
  END IF;
END \$\$;
-- The owner may end the runtime role's sessions (DROP DATABASE ... WITH (FORCE) in the tests, a DBA
-- clearing a stuck node); it gains no privilege it lacks, and the runtime role gains nothing at all.
GRANT $APP_USER TO $DB_USER;
SQL
  # Extensions live in template1 so every database the tests create already has them; creating
  # PostGIS needs a superuser, which the application role deliberately is not.
  psql_admin "-d template1" <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
  if ! psql_admin "-d postgres -tAc \"SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'\"" | grep -q 1; then
    log "creating database $DB_NAME"
    psql_admin "-d postgres -c \"CREATE DATABASE $DB_NAME OWNER $DB_USER\""
  fi
  psql_admin "-d $DB_NAME" <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
}

install_packages
create_cluster
start_cluster
create_role_and_database
log "ready: Host=127.0.0.1;Port=$PORT;Database=$DB_NAME;Username=$APP_USER (runtime), Username=$DB_USER (owner)"
