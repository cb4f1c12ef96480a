#!/usr/bin/env bash
# A local PostgreSQL for the tests: install it (Debian, apt-get) if missing, start a
# cluster on 127.0.0.1:5432 (the packaged cluster with pg_ctlcluster, or a fresh one made
# with initdb + pg_ctl in a temporary directory: no systemd needed), create the user and
# database kiosk / kiosk_test, and print the SQLAlchemy URL on stdout (progress on stderr):
#   postgresql+psycopg://kiosk:<password>@127.0.0.1:5432/kiosk_test
# The user may create databases: under pytest-xdist each worker makes its own next to
# kiosk_test (kiosk_test_gw0, kiosk_test_gw1…, tests/helpers/central_fixtures.py).
# Needs root or sudo. The password is for a loopback-only test database.
set -euo pipefail

PORT="${KIOSK_PG_PORT:-5432}"
PASSWORD="${KIOSK_PG_PASSWORD:-kiosk-test-only}"
USER_NAME=kiosk
DB_NAME=kiosk_test
say() { echo "postgres.sh: $*" >&2; }

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { say "needs root or sudo"; exit 1; }
  SUDO="sudo"
fi
as_postgres() { $SUDO runuser -u postgres -- "$@" 2>/dev/null || $SUDO su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; }

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [[ -n "$dir" ]] && echo "$dir"
}

if [[ -z "$(pg_bin || true)" ]]; then
  say "installing postgresql with apt-get"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN=$(pg_bin)
VERSION=$(basename "$(dirname "$BIN")")

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; }

if ! ready; then
  if command -v pg_ctlcluster >/dev/null && [[ -d "/etc/postgresql/$VERSION/main" ]]; then
    say "starting cluster $VERSION/main"
    $SUDO pg_ctlcluster "$VERSION" main start >&2 || true
  fi
fi
if ! ready; then
  DATA="${KIOSK_PG_DATA:-/tmp/kiosk-postgres-$VERSION}"
  if [[ ! -s "$DATA/PG_VERSION" ]]; then
    say "creating a cluster in $DATA"
    $SUDO mkdir -p "$DATA"
    $SUDO chown postgres:postgres "$DATA"
    $SUDO chmod 700 "$DATA"
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >&2
  fi
  say "starting PostgreSQL $VERSION from $DATA"
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp" start >&2
fi
for _ in $(seq 1 50); do ready && break; sleep 0.2; done
ready || { say "PostgreSQL does not answer on 127.0.0.1:$PORT"; exit 1; }

psql_admin() {
  # the packaged cluster listens on the Debian socket directory, ours on /tmp
  local host=/var/run/postgresql
  [[ -S "$host/.s.PGSQL.$PORT" ]] || host=/tmp
  as_postgres "$BIN/psql" -h "$host" -p "$PORT" -v ON_ERROR_STOP=1 -qAt "$@"
}
if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME'")" != 1 ]]; then
  psql_admin -c "CREATE ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
else
  psql_admin -c "ALTER ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$PASSWORD'" >&2
fi
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]]; then
  psql_admin -c "CREATE DATABASE $DB_NAME OWNER $USER_NAME" >&2
fi
say "ready"
echo "postgresql+psycopg://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB_NAME"
