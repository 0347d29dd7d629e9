#!/usr/bin/env bash
# Starts a PostgreSQL cluster on 127.0.0.1 for the server tests and prints the
# URL to export as TEST_DATABASE_URL. Idempotent: safe to run when it is already up.
# Needs root (apt's postgresql package); CI runs it from .ci/run.
set -euo pipefail

PORT="${PGPORT:-5432}"
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main -p "$PORT" >/dev/null
fi
conf="/etc/postgresql/$version/main/postgresql.conf"
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "$conf"
# The tests create and drop many schemas; durability is not what they check.
grep -q '^fsync = off' "$conf" || printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >> "$conf"
pg_ctlcluster "$version" main start >/dev/null 2>&1 || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT" && break
  sleep 0.5
done
su postgres -c "psql -q -p $PORT -tc \"SELECT 1 FROM pg_roles WHERE rolname='newsdesk'\"" | grep -q 1 \
  || su postgres -c "psql -q -p $PORT -c \"CREATE ROLE newsdesk LOGIN PASSWORD 'newsdesk' CREATEDB\""
su postgres -c "psql -q -p $PORT -tc \"SELECT 1 FROM pg_database WHERE datname='newsdesk_test'\"" | grep -q 1 \
  || su postgres -c "psql -q -p $PORT -c \"CREATE DATABASE newsdesk_test OWNER newsdesk\""
echo "postgres://newsdesk:newsdesk@127.0.0.1:$PORT/newsdesk_test"
