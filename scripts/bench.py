"""Measure every page against what this machine can serve at all.

    scripts/bench.py --scale large            # `make bench`: SQLite, then PostgreSQL
    scripts/bench.py --scale small --quick    # `make bench-quick`: SQLite, a second per URL

Builds the synthetic dataset once per scale and seed (cached in var/bench/, which git
ignores), serves it with real gunicorn workers as production does (DEBUG off, a generated
secret, a loopback port) and drives each URL with wrk, a separate process, for a fixed time
after a warm-up: once with the page cache off (cold) and once with it on (warm). The floor is
a static file through whitenoise and /ping, a view that touches no database; every page's
throughput is also given as a ratio of /ping's, which holds across machines where absolute
figures do not. "load CPU" is the CPU ms gunicorn (master and workers) spent per request
during the load, which other programs on a shared machine inflate far less than requests/s.
SQL queries per request are counted in this process with Django's test client.

Writes results/bench-<database>.csv, results/bench.png and prints a table, the fixture
loading speed (objects/s) and the peak memory of a worker. Exits non-zero when a page
answers with an error, or, with --check, when a page misses the budget (README,
"Performance").
"""

import argparse
import csv
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

import bench_front  # scripts/ is not a package: beside this file
import peer
from gunicorn_server import Gunicorn

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / "var" / "bench"
RESULTS = ROOT / "results"
PYTHON = sys.executable
PG_BIN = max(Path("/usr/lib/postgresql").glob("*/bin"), default=None)
SECRET = secrets.token_urlsafe(50)
WRK_THREADS = 2
WRK_CONNECTIONS = 8
LIST_QUERY_BUDGET = 8
WARM_BUDGET = 0.8
# Server time of a cold page (issue #20): a list or detail page, and the pages that draw
# on every kind (home, partner page, timeline, search).
SERVER_BUDGET_MS = 8
HUB_SERVER_BUDGET_MS = 20
HUB_PAGES = ("home", "partner page", "timeline", "search")
SERVER_REQUESTS = 20
FIELDS = [
    "database", "cache", "page", "url", "requests_s", "p50_ms", "p99_ms", "queries", "ratio",
    "server_ms", "cpu_ms", "worker_cpu_ms",
]  # fmt: skip


def run(*command, **kwargs):
    return subprocess.run(command, cwd=ROOT, check=True, **kwargs)


def manage(*args, env=None, **kwargs):
    return run(PYTHON, "manage.py", *args, env=env or os.environ, **kwargs)


def database_kind():
    return "postgres" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"


# ---------------------------------------------------------------------------
# The dataset


def build_dataset(scale, seed, serve=True):
    """The dataset in the database DATABASE_URL names, from a cached copy when there is one;
    with ``serve=False``, only the cached SQLite copy."""
    name = f"{scale}-{seed}"
    sqlite_copy = CACHE_DIR / f"{name}.sqlite3"
    if not sqlite_copy.exists():
        print(f"Generating the {scale} dataset (seed {seed}), cached in {sqlite_copy}")
        building = sqlite_copy.with_suffix(".building")
        building.unlink(missing_ok=True)
        env = os.environ | {"DATABASE_URL": f"sqlite:///{building}"}
        manage("migrate", "--noinput", "--verbosity", "0", env=env)
        manage("generate_content", "--scale", scale, "--seed", str(seed), env=env)
        building.rename(sqlite_copy)
    if not serve:
        return
    if database_kind() == "sqlite":
        # A copy, so sessions and log-ins written by a run never reach the cached data.
        target = CACHE_DIR / f"{name}.run.sqlite3"
        shutil.copyfile(sqlite_copy, target)
        os.environ["DATABASE_URL"] = f"sqlite:///{target}"
    else:
        dump = CACHE_DIR / f"{name}.pgdump"
        if dump.exists():
            run(f"{PG_BIN}/pg_restore", "--no-owner", "-d", pg_dsn(), str(dump))
        else:
            manage("migrate", "--noinput", "--verbosity", "0")
            manage("generate_content", "--scale", scale, "--seed", str(seed))
            run(f"{PG_BIN}/pg_dump", "-Fc", "-f", str(dump), pg_dsn())
    # Migrations added since the copy was made (an index, say) apply to it.
    manage("migrate", "--noinput", "--verbosity", "0")
    if database_kind() == "postgres":
        # pg_restore brings no planner statistics: without them PostgreSQL sorted the
        # whole events table for page 500 (2 s a request instead of 37 ms).
        run(f"{PG_BIN}/psql", "--quiet", "-c", "ANALYZE", pg_dsn())


def pg_dsn():
    """libpq's form of DATABASE_URL (with-postgres.sh gives the socket folder as the host)."""
    from urllib.parse import unquote, urlparse

    url = urlparse(os.environ["DATABASE_URL"])
    return f"host={unquote(url.hostname or '')} user={url.username} dbname={url.path[1:]}"


# The content, without the history records the generator's saves left (a backup carries
# those; a fixture moving content between environments does not).
CONTENT_MODELS = [
    "relations.country", "relations.source", "relations.person", "relations.role",
    "relations.organisation", "relations.partnerpage", "relations.section",
    "relations.eventseries", "relations.event", "relations.agreement",
    "relations.agreementaction", "relations.agreementlink", "relations.visit",
    "relations.office", "relations.cochair",
]  # fmt: skip


def fixture_speed(scale, seed):
    """Objects per second for load_content (every object validated, all or nothing) of the
    dataset dumped with natural keys, on SQLite."""
    fixture = CACHE_DIR / f"{scale}-{seed}.json"
    build_dataset(scale, seed, serve=False)
    env = os.environ | {"DATABASE_URL": f"sqlite:///{CACHE_DIR / f'{scale}-{seed}.sqlite3'}"}
    if not fixture.exists():
        partial = fixture.with_suffix(".partial")
        manage(
            "dumpdata", *CONTENT_MODELS, "--natural-foreign", "--natural-primary",
            "--output", str(partial), env=env,
        )  # fmt: skip
        partial.rename(fixture)
    target = CACHE_DIR / "fixture-load.sqlite3"
    target.unlink(missing_ok=True)
    env["DATABASE_URL"] = f"sqlite:///{target}"
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    started = time.monotonic()
    manage("load_content", str(fixture), "--quiet", env=env)
    seconds = time.monotonic() - started
    target.unlink()
    return len(json.loads(fixture.read_text())), seconds


# ---------------------------------------------------------------------------
# What to request


def setup_django():
    os.environ["DJANGO_SECRET_KEY"] = SECRET
    os.environ["PAGE_CACHE_SECONDS"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def pages():
    """(name, path): the floor, every visitor page type, an admin changelist."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage

    from relations.sample_pages import sample_pages

    # /ping first: every ratio is taken against it.
    yield "floor: /ping", "/ping"
    yield "floor: static file", staticfiles_storage.url("css/site.css")
    yield from sample_pages()
    yield "admin: events", f"/{settings.ADMIN_URL}relations/event/"


def editor_cookie():
    """A session cookie for a superuser, created directly (no login form, no lockout)."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def count_queries(path, cookie):
    """(status, SQL queries) for one request through Django's test client, cache off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies.load(cookie)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(queries.captured_queries)


def server_time(path, cookie, requests=SERVER_REQUESTS):
    """(server ms, CPU ms): the medians of ``requests`` cold requests, one at a time, through
    Django's test client in this process. The page cache is off (setup_django) and the cache
    is emptied before each request, so fragments and figures are computed afresh too. Server
    ms is wall time (the database's own time included, PostgreSQL's too); CPU ms is this
    process's CPU time (time.process_time: SQLite's work, not PostgreSQL's), which other
    programs on a shared machine do not inflate."""
    from statistics import median

    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies.load(cookie)
    walls, cpus = [], []
    for _ in range(requests):
        cache.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
    return median(walls) * 1000, median(cpus) * 1000


# ---------------------------------------------------------------------------
# The server and the load


class Server(Gunicorn):
    """gunicorn as `make serve` runs it, on a loopback port, page cache on or off."""

    def __init__(self, workers, cache_on):
        env = os.environ | {
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": SECRET,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_BEHIND_PROXY": "1",
            "PAGE_CACHE_SECONDS": "600" if cache_on else "0",
        }
        # No recycling during a run: it would show as latency and reset peak memory.
        super().__init__(CACHE_DIR / "gunicorn.log", workers, env, args=("--max-requests", "0"))

    def peak_worker_memory(self):
        """The largest peak resident memory of any worker, in MiB (VmHWM from /proc)."""
        peaks = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
        return max(peaks, default=0)


def wrk(url, seconds, cookie=""):
    """(requests/s, p50 ms, p99 ms, errors) from wrk over ``seconds``."""
    headers = ["-H", "X-Forwarded-Proto: https"]
    if cookie:
        headers += ["-H", f"Cookie: {cookie}"]
    command = ["wrk", "--threads", str(WRK_THREADS), "--connections", str(WRK_CONNECTIONS)]
    # A slow page is a figure to report, not an error: only a wait this long counts as one.
    command += ["--timeout", "30s"]
    output = subprocess.run(
        [*command, "--duration", f"{seconds}s", "--latency", *headers, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"\b(50|99)%\s+([\d.]+[a-z]+)", output))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", output)
    failures = sum(int(found.group(1)) for found in (errors, timeouts) if found)
    return rate, milliseconds(latency["50"]), milliseconds(latency["99"]), failures


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing Debian's wrk package")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


# ---------------------------------------------------------------------------
# Report


def table(rows):
    header = "page                       cache    req/s   p50 ms   p99 ms  SQL  × ping"
    header += " load CPU  server ms  CPU ms"
    lines = [header, "-" * len(header)]
    for row in rows:
        lines.append(
            f"{row['page']:<26} {row['cache']:<5} {row['requests_s']:>8.0f} {row['p50_ms']:>8.1f} "
            f"{row['p99_ms']:>8.1f} {row['queries']:>4} {row['ratio']:>7.2f}"
            + f" {row['worker_cpu_ms'] or 0:>8.2f}"
            + (f" {row['server_ms']:>10.1f} {row['cpu_ms']:>7.1f}" if row["server_ms"] else "")
        )
    return "\n".join(lines)


def budget(rows):
    """Every page that misses the budget, as a sentence."""
    misses = []
    for row in rows:
        page, ratio = row["page"], row["ratio"]
        if page.startswith(("floor", "admin")):
            continue
        is_list = "list" in page or "filter" in page or "page " in page
        if is_list and row["queries"] > LIST_QUERY_BUDGET:
            misses.append(f"{page}: {row['queries']} queries (budget {LIST_QUERY_BUDGET})")
        if row["cache"] == "warm" and ratio < WARM_BUDGET:
            misses.append(f"{page} warm: {ratio:.2f} × ping (budget {WARM_BUDGET})")
        allowed = HUB_SERVER_BUDGET_MS if page.startswith(HUB_PAGES) else SERVER_BUDGET_MS
        if row["cache"] == "cold" and row["server_ms"] > allowed:
            misses.append(f"{page}: server {row['server_ms']:.1f} ms (budget {allowed} ms)")
        if row["cache"] == "cold" and row["p99_ms"] > 4 * row["p50_ms"]:
            misses.append(
                f"{page} cold: p99 {row['p99_ms']:.0f} ms > 4 × p50 {row['p50_ms']:.0f} ms"
            )
    return misses


def chart():
    """A bar per page and cache state, per database: throughput as a ratio of /ping's."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    files = sorted(RESULTS.glob("bench-*.csv"))
    figure, axes = plt.subplots(1, len(files), figsize=(8 * len(files), 11), squeeze=False)
    for axis, path in zip(axes[0], files, strict=True):
        with path.open() as file:
            rows = list(csv.DictReader(file))
        names = list(dict.fromkeys(row["page"] for row in rows))
        for offset, cache in ((-0.2, "cold"), (0.2, "warm")):
            ratios = {row["page"]: float(row["ratio"]) for row in rows if row["cache"] == cache}
            axis.barh(
                [i + offset for i in range(len(names))],
                [ratios.get(name, 0) for name in names],
                height=0.4,
                label=f"cache {'off' if cache == 'cold' else 'on'}",
            )
        axis.set_yticks(range(len(names)), names)
        axis.invert_yaxis()
        axis.axvline(WARM_BUDGET, color="green", linestyle=":", label="warm budget")
        axis.set_xlabel("throughput ÷ throughput of /ping")
        axis.set_title(f"{rows[0]['database']}: requests/s as a ratio of the trivial view")
        axis.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(RESULTS / "bench.png", dpi=80)


# ---------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", default="large", choices=("small", "medium", "large"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=int, default=5, help="Load time per URL.")
    parser.add_argument("--warmup", type=int, default=1, help="Warm-up time per URL (0: none).")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--fixture-scale",
        choices=("small", "medium", "large"),
        help="Dataset whose fixture loading is timed (default: --scale).",
    )
    parser.add_argument("--quick", action="store_true", help="No fixture timing, no chart.")
    parser.add_argument("--check", action="store_true", help="Exit 1 when the budget is missed.")
    parser.add_argument("--peer", action="store_true", help="Measure the peer (scripts/peer.py).")
    parser.add_argument("--front", action="store_true", help="Warm, through nginx → Varnish too.")
    parser.add_argument("--pages", help="Only the pages whose names match this regex (and /ping).")
    args = parser.parse_args()

    ensure_wrk()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    kind = database_kind()
    build_dataset(args.scale, args.seed)
    env = os.environ | {"DJANGO_ENV": "production", "DJANGO_SECRET_KEY": SECRET}
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    setup_django()
    cookie = editor_cookie()

    targets = []
    for name, path in pages():
        if args.pages and name != "floor: /ping" and not re.search(args.pages, name):
            continue
        page_cookie = cookie if name.startswith("admin") else ""
        status, queries = count_queries(path, page_cookie)
        if status != 200:
            sys.exit(f"{name}: {path} answered {status}")
        targets.append((name, path, queries, server_time(path, page_cookie)))

    rows, memory, failed, front_rows = [], {}, [], []
    for cache in ("cold", "warm"):
        server = Server(args.workers, cache_on=cache == "warm")
        try:
            floor = None
            for name, path, queries, (server_ms, cpu_ms) in targets:
                url = server.base + path
                page_cookie = cookie if name.startswith("admin") else ""
                if args.warmup:
                    wrk(url, args.warmup, page_cookie)
                rate, p50, p99, errors, worker_cpu = server.under_load(
                    wrk, url, args.seconds, page_cookie
                )
                if errors:
                    failed.append(f"{name} ({cache}): {errors} error responses")
                floor = floor or (rate if name == "floor: /ping" else None)
                row = {
                    "database": kind,
                    "cache": cache,
                    "page": name,
                    "url": path,
                    "requests_s": rate,
                    "p50_ms": p50,
                    "p99_ms": p99,
                    "queries": queries,
                    "ratio": rate / floor if floor else 1.0,
                    # Measured once, above, with the page cache off: a cold page's figure.
                    "server_ms": server_ms if cache == "cold" else "",
                    "cpu_ms": cpu_ms if cache == "cold" else "",
                    "worker_cpu_ms": worker_cpu,
                }
                rows.append(row)
                print(table([row]).splitlines()[-1], flush=True)
            if cache == "warm" and args.front:
                front_rows, errors = bench_front.measure(
                    server.port, targets, wrk, args.seconds, args.warmup, floor
                )
                failed += errors
            memory[cache] = server.peak_worker_memory()
        finally:
            server.stop()

    order = [name for name, *_ in targets]
    rows.sort(key=lambda row: (order.index(row["page"]), row["cache"]))
    with (RESULTS / f"bench-{kind}.csv").open("w", newline="") as file:
        writer = csv.DictWriter(file, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    print(
        f"\n{kind}, {args.scale} dataset (seed {args.seed}), {args.workers} gunicorn workers, wrk "
        f"{WRK_THREADS} threads × {WRK_CONNECTIONS} connections, {args.seconds} s per URL"
    )
    print(table(rows))
    print(f"Peak memory of a worker: {max(memory.values()):.0f} MiB")
    if front_rows:
        print("\nWarm, through the front (nginx → Varnish → gunicorn, scripts/bench_front.py):")
        print(bench_front.table(front_rows))
    peer_misses = []
    if args.peer:
        peer_misses = peer.run(rows, wrk, args.workers, args.seconds, args.warmup)
    if not args.quick:
        if kind == "sqlite":
            scale = args.fixture_scale or args.scale
            objects, seconds = fixture_speed(scale, args.seed)
            print(
                f"Fixture loading ({scale} dataset, natural keys): {objects:,} objects in "
                f"{seconds:.0f} s, {objects / seconds:,.0f} objects/s"
            )
        chart()
        print(f"Written: {RESULTS / f'bench-{kind}.csv'}, {RESULTS / 'bench.png'}")
    misses = budget(rows) + peer_misses
    print("\nBudget: " + ("every page within it." if not misses else "missed by"))
    for miss in misses:
        print(f"  {miss}")
    if failed:
        sys.exit("Errors:\n  " + "\n  ".join(failed))
    if args.check and misses:
        sys.exit(1)


if __name__ == "__main__":
    main()
