"""Start gunicorn as `make serve` runs it, on a free loopback port: the one way the
benchmark (scripts/bench.py), the smoke test (scripts/smoke_production.py) and the load
test (scripts/loadtest.sh) start it.

config/gunicorn.py's settings, the environment the caller gives (production settings,
a secret), the workers' output in a log file, and a wait until /ping answers as it does
behind the TLS proxy. From Python:

    with Gunicorn(log_path, workers=3, env=env) as server:
        urllib.request.urlopen(f"{server.base}/ping")

From a shell, it prints gunicorn's address once it answers and serves until it is sent
SIGTERM, which stops gunicorn too:

    python scripts/gunicorn_server.py --workers 4 --log gunicorn.log > address &
"""

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# As the load balancer that ends TLS passes requests on (DJANGO_BEHIND_PROXY=1).
PROXY_HEADER = {"X-Forwarded-Proto": "https"}


def production_env(workdir, **more):
    """The environment of a production process for a check that serves the site: this
    process's (DATABASE_URL, REDIS_URL) with production settings, a fresh secret, the
    proxy in front, and static files collected into ``workdir``."""
    return os.environ | {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_BEHIND_PROXY": "1",
        "DJANGO_STATIC_ROOT": str(workdir / "static"),
        **more,
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn on 127.0.0.1 with ``workers`` workers; ``args`` are more of its options.

    ``python``, ``cwd``, ``config`` and ``probe`` serve another site the same way (the
    benchmark's peer, scripts/peer.py): its interpreter, folder, gunicorn settings file and
    an address that answers 200 once it is up."""

    def __init__(
        self, log_path, workers, env=None, args=(), seconds=30,
        python=sys.executable, cwd=ROOT, config=ROOT / "config" / "gunicorn.py", probe="/ping",
    ):  # fmt: skip
        self.probe = probe
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = (os.environ if env is None else env) | {
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
        }
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [str(python), "-m", "gunicorn", "--config", str(config), *args],
            cwd=cwd,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_until_it_answers(seconds)

    def wait_until_it_answers(self, seconds):
        deadline = time.monotonic() + seconds
        while True:
            try:
                probe = urllib.request.Request(f"{self.base}{self.probe}", headers=PROXY_HEADER)
                urllib.request.urlopen(probe, timeout=1).read()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    sys.exit(f"gunicorn did not start; see {self.log.name}")
                time.sleep(0.2)

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self):
        """The CPU time (user and system) gunicorn's master and workers have used so far:
        taken before and after a load, the CPU a request costs, which other programs on a
        shared machine inflate far less than its wall time."""
        ticks = 0
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
            except OSError:  # a worker that has just exited
                continue
            fields = stat.rsplit(")", 1)[1].split()  # from the 3rd field, state
            ticks += int(fields[11]) + int(fields[12])  # the 14th and 15th: utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def under_load(self, wrk, url, seconds, *args):
        """``wrk(url, seconds, *args)``'s figures (requests/s, p50 ms, p99 ms, errors) and
        the CPU ms gunicorn spent per request meanwhile ("" when none was answered)."""
        before = self.cpu_seconds()
        rate, p50, p99, errors = wrk(url, seconds, *args)
        cpu = self.cpu_seconds() - before
        return rate, p50, p99, errors, cpu * 1000 / (rate * seconds) if rate else ""

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def main():
    parser = argparse.ArgumentParser(description="Serve with gunicorn; print its address.")
    parser.add_argument("--workers", type=int, required=True)
    parser.add_argument("--log", required=True, help="where the workers' output goes")
    args, gunicorn_args = parser.parse_known_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # leaves through stop()
    with Gunicorn(args.log, args.workers, args=gunicorn_args) as server:
        print(server.base, flush=True)
        server.process.wait()


if __name__ == "__main__":
    main()
