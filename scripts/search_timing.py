"""Server time of searches through Django's test client: the median of 20 requests, the
page cache emptied before each (docs/search.md, "Figures").

    DATABASE_URL=... python scripts/search_timing.py "q=forum" "q=forum&kind=events&page=3"

Each argument is a query string of /en/search/ (or a path with one: /ru/search/?q=форум).
Prints the median wall-clock time, the count line the page shows, and the number of SQL
queries of one request, with the "Did you mean" it offers. Also the median CPU time of the
request: this process's (SQLite's work included, as it runs in the process) and, on
PostgreSQL on this machine (a unix socket: scripts/with-postgres.sh), the database
server's (its backend's, from /proc/<pid>/schedstat, in nanoseconds): on a shared machine
that is the honest figure, the wall-clock time also counts the time other processes had
the cores. ``-v`` prints each
query of one request with its time.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django

django.setup()

import re  # noqa: E402
import tempfile  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_started  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from relations import cache as page_cache  # noqa: E402

REPEAT = 20


def backend_cpu():
    """CPU seconds the database server's process for this connection has used, or None."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        # Nanoseconds on a CPU (the scheduler's own count; /proc/<pid>/stat has 10 ms ticks).
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except OSError:  # the server is on another machine
        return None


def measure(target, verbose=False):
    url = target if target.startswith("/") else f"/en/search/?{target}"
    client, times, cpu, database = Client(), [], [], []
    client.get(url)  # a first request opens the connection and loads the templates
    for _ in range(REPEAT):
        page_cache.invalidate()
        server = backend_cpu()
        start, own = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        # The query that reads the server's clock is not counted. SQLite runs in this
        # process: its work is in the process's own time.
        database.append(backend_cpu() - server if server is not None else 0.0)
        cpu.append(time.process_time() - own + database[-1])
        assert response.status_code == 200, response.status_code
    page_cache.invalidate()
    # Each request empties the connection's query log; not the one counted.
    request_started.disconnect(reset_queries)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).text
    request_started.connect(reset_queries)
    found = re.findall(r"\((?:more than )?[\d,]+\)|[\d,]+ results?", html)
    mean = re.search(r'class="did-you-mean">[^<]*<a [^>]*>([^<]*)<', html)
    if mean:
        found.append(f"(did you mean: {mean.group(1)})")
    if verbose:
        for query in queries.captured_queries:
            print(f"      {float(query['time']) * 1000:6.1f} ms  {query['sql'][:160]}")
    cpu = (statistics.median(cpu) * 1000, statistics.median(database) * 1000)
    return statistics.median(times) * 1000, cpu, found[:8], len(queries)


if __name__ == "__main__":
    # Pages name hashed static files: collected once into a folder of our own, as the tests do.
    with tempfile.TemporaryDirectory() as root, override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        verbose = "-v" in sys.argv[1:]
        print(f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
        for target in [argument for argument in sys.argv[1:] if argument != "-v"]:
            median, cpu, found, queries = measure(target, verbose)
            cpu = f"{cpu[0]:6.1f} ms CPU ({cpu[1]:5.1f} in the database server)"
            print(f"{median:8.1f} ms  {cpu}  {queries:2} queries  {target}  {' '.join(found)}")
