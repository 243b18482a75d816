#!/usr/bin/env bash
# Load test: nginx → Varnish → gunicorn (several workers, production settings) on PostgreSQL, many
# visitors (wrk) browsing, filtering and searching while an editor saves changes.
# Fails on any 5xx, any connection error or any lost edit. Loopback only.
#   LOADTEST_SECONDS (default 30)  LOADTEST_CONNECTIONS (default 32)  LOADTEST_WORKERS (default 4)
# Beside the visitors, the hostile mix (issue 16): made-up session cookies and unknown,
# ever-changing query parameters (cache-busting), whole-list downloads, searches never asked
# before (scripts/loadtest/hostile.lua), and slow clients holding connections open
# (scripts/loadtest/slow_clients.py). None of it may cause a 5xx, a connection error or a
# timeout, for the hostile requests or for the visitors beside them.
#   LOADTEST_HOSTILE (default 1; 0 leaves the mix out)  LOADTEST_HOSTILE_CONNECTIONS (8)
#   LOADTEST_SLOW_CLIENTS (default 8)  LOADTEST_PING_BUDGET_MS (default 10000: the longest a
#   /ping may wait beside the slow clients)
# Requests go through the production front (nginx → Varnish → gunicorn, scripts/front.py);
# LOADTEST_FRONT=0 sends them straight to gunicorn's sync workers.
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
HOSTILE=${LOADTEST_HOSTILE:-1}
HOSTILE_CONNECTIONS=${LOADTEST_HOSTILE_CONNECTIONS:-8}
SLOW_CLIENTS=${LOADTEST_SLOW_CLIENTS:-8}
FRONT=${LOADTEST_FRONT:-1}
# The longest a /ping may wait while the slow clients hold their connections: the visitors'
# timeout (wrk --timeout 10s).
PING_BUDGET_MS=${LOADTEST_PING_BUDGET_MS:-10000}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

work=$(mktemp -d)
gunicorn_pid=""
front_pid=""
cleanup() {
  if [ -n "$front_pid" ]; then kill "$front_pid" 2>/dev/null || true; wait "$front_pid" 2>/dev/null || true; fi
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
shape="straight to gunicorn"
if [ "$FRONT" = 1 ]; then
  # The production chain in front, as `make smoke` starts it: nginx (buffers slow clients)
  # → Varnish (the shared cache) → gunicorn. The editor's saves purge Varnish.
  # As behind the load balancer (loopback plays it): each visitor request names its own
  # address in X-Forwarded-For, the hostile mix one stranger's, so nginx's limit on what
  # reaches the workers (per address, deploy/nginx.conf) answers the stranger's misses 429
  # and never the visitors'.
  "$PY" scripts/front.py --backend-port "${base##*:}" --workdir "$work/front" --balancer 127.0.0.1 \
    > "$work/front.out" 2>&1 &
  front_pid=$!
  until grep -q '^FRONT' "$work/front.out"; do
    kill -0 "$front_pid" 2>/dev/null || { cat "$work/front.out"; echo "the front did not start"; exit 1; }
    sleep 0.2
  done
  base=$(sed -n 's/^FRONT nginx=\([^ ]*\) .*/\1/p' "$work/front.out")
  VARNISH_URLS=$(sed -n 's/^FRONT .* varnish=\([^ ]*\).*/\1/p' "$work/front.out")
  export VARNISH_URLS
  shape="through nginx and Varnish"
fi

echo "load test: $SECONDS_TO_RUN s, $CONNECTIONS connections, $WORKERS gunicorn workers, PostgreSQL, $shape"
if [ "$HOSTILE" = 1 ]; then
  echo "hostile mix: $HOSTILE_CONNECTIONS connections (cookies, unknown parameters, downloads, new searches), $SLOW_CLIENTS slow clients"
fi
PYTHONPATH=. "$PY" scripts/loadtest/editor.py --seconds "$SECONDS_TO_RUN" --base-url "$base" > "$work/editor.out" &
editor_pid=$!
hostile_pid="" slow_pid=""
if [ "$HOSTILE" = 1 ]; then
  wrk -t1 -c "$HOSTILE_CONNECTIONS" -d "${SECONDS_TO_RUN}s" --timeout 30s --latency \
    -s scripts/loadtest/hostile.lua "$base" > "$work/hostile.out" &
  hostile_pid=$!
  if [ "$SLOW_CLIENTS" -gt 0 ]; then
    "$PY" scripts/loadtest/slow_clients.py --seconds "$SECONDS_TO_RUN" --clients "$SLOW_CLIENTS" \
      --base-url "$base" > "$work/slow.out" &
    slow_pid=$!
  fi
fi
wrk -t2 -c "$CONNECTIONS" -d "${SECONDS_TO_RUN}s" --timeout 10s --latency \
  -s scripts/loadtest/visitors.lua "$base" > "$work/wrk.out"
editor_status=0
wait "$editor_pid" || editor_status=$?
if [ -n "$hostile_pid" ]; then wait "$hostile_pid" || true; fi
if [ -n "$slow_pid" ]; then wait "$slow_pid" || true; fi

value_of() { printf '%s\n' "$1" | sed -n "s/.* $2=\([0-9.]*\).*/\1/p"; }
result=$(grep '^RESULT' "$work/wrk.out")
echo "$result"
cat "$work/editor.out"
failed=0
for key in status_5xx status_4xx connect_errors read_errors write_errors timeouts; do
  value=$(value_of "$result" "$key")
  if [ "$value" != "0" ]; then echo "FAIL: $key=$value"; failed=1; fi
done
if [ "$HOSTILE" = 1 ]; then
  hostile=$(grep '^HOSTILE' "$work/hostile.out" || echo "HOSTILE missing")
  echo "$hostile"
  if [ -n "$slow_pid" ]; then
    slow=$(grep '^SLOW' "$work/slow.out" || echo "SLOW missing")
    echo "$slow"
    # wrk reports only the requests that got an answer: a site the slow clients made
    # unreachable shows as few requests, not as errors. The probe's /ping says it plainly.
    ping_max=$(value_of "$slow" ping_max_ms)
    if [ "$(value_of "$slow" ping_failed)" != "0" ] || [ "${ping_max:-99999}" -gt "$PING_BUDGET_MS" ]; then
      echo "FAIL: with $SLOW_CLIENTS slow clients, /ping waited up to ${ping_max:-?} ms (budget $PING_BUDGET_MS ms)"
      failed=1
    fi
  fi
  # A 4xx is allowed here (a page past the last is a 404, nginx's limit a 429); a 5xx, a
  # refused or dropped connection or a timeout is not.
  for key in status_5xx connect_errors read_errors write_errors timeouts; do
    value=$(value_of "$hostile" "$key")
    if [ "$value" != "0" ]; then echo "FAIL: hostile $key=${value:-missing}"; failed=1; fi
  done
  total=$(( $(value_of "$result" requests) + $(value_of "$hostile" requests) ))
  errors=$(( $(value_of "$result" status_5xx) + $(value_of "$hostile" status_5xx) ))
  echo "TOTAL requests=$total status_5xx=$errors visitors_p99_ms=$(value_of "$result" p99_ms) hostile_p99_ms=$(value_of "$hostile" p99_ms)"
fi
if [ "$editor_status" != "0" ]; then echo "FAIL: the editor lost an edit or saw a stale page"; failed=1; fi
if grep -q "Traceback\|ERROR" "$work/gunicorn.log"; then cat "$work/gunicorn.log"; failed=1; fi
[ "$failed" = 0 ] && echo "load test passed"
exit "$failed"
