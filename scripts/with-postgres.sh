#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster:
#   scripts/with-postgres.sh .venv/bin/python -m pytest
# The cluster lives in a temporary folder and listens only on a unix socket there (no TCP
# port, so several can run at once); DATABASE_URL points at it while the command runs, and
# the cluster is stopped and deleted afterwards, whatever happens. Installs Debian's
# postgresql package when no PostgreSQL server is found.
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_bin=$(find_bin)
if [ -z "$pg_bin" ]; then
    echo "with-postgres: installing Debian's postgresql package" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_bin)
fi

# initdb refuses to run as root: the cluster then belongs to the postgres user.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

dir=$(mktemp -d /tmp/pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi

stop() {
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
# Durability is pointless for a cluster that is deleted afterwards; speed is not.
as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s start \
    -o "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    || { cat "$dir/server.log" >&2; exit 1; }
"$pg_bin/createdb" -h "$dir" -U postgres cooperation

# dj-database-url reads a percent-encoded socket folder as the host.
export DATABASE_URL="postgres://postgres@${dir//\//%2F}/cooperation"
echo "with-postgres: DATABASE_URL=$DATABASE_URL" >&2
"$@"
