#!/bin/sh
# The official image's first start, reduced: an empty data folder gets a cluster whose superuser is
# POSTGRES_USER with POSTGRES_PASSWORD (scram-sha-256 over TCP) and a database POSTGRES_DB; then the server.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is not set}"
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pw="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pw"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pw" -A scram-sha-256 --auth-local=trust -E UTF-8 --locale=C.UTF-8 > /dev/null
  rm -f "$pw"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then
    echo "CREATE DATABASE \"$db\" OWNER \"$user\";" | postgres --single -D "$PGDATA" postgres > /dev/null
  fi
fi
exec postgres -D "$PGDATA" -c listen_addresses="${POSTGRES_LISTEN:-*}" -c unix_socket_directories=/var/run/postgresql "$@"
