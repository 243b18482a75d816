"""How much a stranger gains by busting the cache: one page through the production front
with made-up cookies and unknown parameters, beside the same page asked for plainly.

    bash scripts/with-postgres.sh bash scripts/with-redis.sh \
        .venv/bin/python scripts/cache_bypass.py

Starts gunicorn (4 workers, production settings, PostgreSQL, Redis) behind nginx → Varnish
(scripts/front.py), as `make smoke` does, and runs wrk for BYPASS_SECONDS (10) per mode
with BYPASS_CONNECTIONS (16) connections (scripts/loadtest/bypass.lua says what each mode
sends). Prints one BYPASS line per mode; docs/reliability.md records the figures.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from front import front  # scripts/ is not a package: found through sys.path
from gunicorn_server import Gunicorn, production_env

ROOT = Path(__file__).resolve().parent.parent
MODES = ("plain", "cookie", "marker", "params")


def main():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            sys.exit(f"{name} is not set: run inside scripts/with-postgres.sh and with-redis.sh.")
    seconds = os.environ.get("BYPASS_SECONDS", "10")
    connections = os.environ.get("BYPASS_CONNECTIONS", "16")
    path = os.environ.get("BYPASS_PATH", "/en/events/")
    workdir = Path(tempfile.mkdtemp(prefix="bypass."))
    env = production_env(workdir, DJANGO_LOG_LEVEL="WARNING")
    for args in (("migrate", "--noinput"), ("load_content", "seed", "--quiet"),
                 ("collectstatic", "--noinput")):  # fmt: skip
        subprocess.run([sys.executable, "manage.py", *args, "-v", "0"], cwd=ROOT, env=env,
                       check=True)  # fmt: skip
    with (
        Gunicorn(workdir / "gunicorn.log", workers=4, env=env) as server,
        front(server.port, workdir / "front", env=env) as (nginx, _varnish),
    ):
        for mode in MODES:
            result = subprocess.run(
                ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
                 "-s", str(ROOT / "scripts/loadtest/bypass.lua"), nginx],
                env=os.environ | {"BYPASS_MODE": mode, "BYPASS_PATH": path},
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            print(next(line for line in result.stdout.splitlines() if "BYPASS" in line))
    subprocess.run(["rm", "-rf", str(workdir)], check=True)


if __name__ == "__main__":
    main()
