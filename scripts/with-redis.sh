#!/usr/bin/env bash
# Run a command with a throwaway Redis server as the shared cache:
#   scripts/with-redis.sh .venv/bin/python -m pytest
# Redis listens only on a unix socket in a temporary folder and keeps nothing on disk;
# REDIS_URL points at it while the command runs, and it is stopped and deleted afterwards.
# Installs Debian's redis-server package when it is missing.
set -euo pipefail

if ! command -v redis-server >/dev/null; then
    echo "with-redis: installing Debian's redis-server package" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

dir=$(mktemp -d /tmp/redis.XXXXXX)
stop() {
    if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

redis-server --port 0 --unixsocket "$dir/redis.sock" --unixsocketperm 700 \
    --save '' --appendonly no --dir "$dir" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
for _ in $(seq 50); do
    [ -S "$dir/redis.sock" ] && break
    sleep 0.1
done
[ -S "$dir/redis.sock" ] || { cat "$dir/redis.log" >&2; exit 1; }

export REDIS_URL="unix://$dir/redis.sock"
echo "with-redis: REDIS_URL=$REDIS_URL" >&2
"$@"
