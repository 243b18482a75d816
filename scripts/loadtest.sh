#!/usr/bin/env bash
# Load test: gunicorn (several workers, production settings) on PostgreSQL, many
# visitors (wrk) browsing, filtering and searching while an editor saves changes.
# Fails on any 5xx, any connection error or any lost edit. Loopback only.
#   LOADTEST_SECONDS (default 30)  LOADTEST_CONNECTIONS (default 32)  LOADTEST_WORKERS (default 4)
set -euo pipefail
cd "$(dirname "$0")/.."
# Several workers share one page cache in production; without it an edit would be
# invalidated in one worker's memory only and the others would serve stale pages.
if [ -z "${REDIS_URL:-}${CACHE_URL:-}" ] && [ -f scripts/with-redis.sh ]; then
  exec bash scripts/with-redis.sh bash "$0" "$@"
fi
PY=${PY:-.venv/bin/python}
SECONDS_TO_RUN=${LOADTEST_SECONDS:-30}
CONNECTIONS=${LOADTEST_CONNECTIONS:-32}
WORKERS=${LOADTEST_WORKERS:-4}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

work=$(mktemp -d)
gunicorn_pid=""
cleanup() {
  if [ -n "$gunicorn_pid" ]; then kill "$gunicorn_pid" 2>/dev/null || true; wait "$gunicorn_pid" 2>/dev/null || true; fi
  if [ -f "$work/pg/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A throwaway cluster on a unix socket only: nothing listens on the network.
chown postgres "$work"
runuser -u postgres -- "$PG_BIN/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
  -o "-c listen_addresses='' -c unix_socket_directories='$work' -c max_connections=100" start >/dev/null
runuser -u postgres -- "$PG_BIN/createdb" -h "$work" -U postgres loadtest
export DATABASE_URL="postgres://postgres@$(printf %s "$work" | sed 's|/|%2F|g')/loadtest"

export DJANGO_ENV=production DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_LOG_LEVEL=WARNING
# As behind the TLS proxy of a real deployment: requests say they came over HTTPS.
export DJANGO_BEHIND_PROXY=1 DJANGO_STATIC_ROOT="$work/static"
DJANGO_SECRET_KEY=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(60))')
export DJANGO_SECRET_KEY
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py load_content seed --quiet
"$PY" manage.py collectstatic --noinput -v 0

# As `make serve` runs it, on a free loopback port: its address is written once it answers.
"$PY" scripts/gunicorn_server.py --workers "$WORKERS" --log "$work/gunicorn.log" > "$work/address" &
gunicorn_pid=$!
until [ -s "$work/address" ]; do
  kill -0 "$gunicorn_pid" 2>/dev/null || { echo "gunicorn did not start"; exit 1; }
  sleep 0.2
done
base=$(cat "$work/address")

echo "load test: $SECONDS_TO_RUN s, $CONNECTIONS connections, $WORKERS gunicorn workers, PostgreSQL"
PYTHONPATH=. "$PY" scripts/loadtest/editor.py --seconds "$SECONDS_TO_RUN" --base-url "$base" > "$work/editor.out" &
editor_pid=$!
wrk -t2 -c "$CONNECTIONS" -d "${SECONDS_TO_RUN}s" --timeout 10s --latency \
  -s scripts/loadtest/visitors.lua "$base" > "$work/wrk.out"
editor_status=0
wait "$editor_pid" || editor_status=$?

result=$(grep '^RESULT' "$work/wrk.out")
echo "$result"
cat "$work/editor.out"
failed=0
for key in status_5xx status_4xx connect_errors read_errors write_errors timeouts; do
  value=$(printf '%s\n' "$result" | sed -n "s/.* $key=\([0-9]*\).*/\1/p")
  if [ "$value" != "0" ]; then echo "FAIL: $key=$value"; failed=1; fi
done
if [ "$editor_status" != "0" ]; then echo "FAIL: the editor lost an edit or saw a stale page"; failed=1; fi
if grep -q "Traceback\|ERROR" "$work/gunicorn.log"; then cat "$work/gunicorn.log"; failed=1; fi
[ "$failed" = 0 ] && echo "load test passed"
exit "$failed"
