"""Server time of searches through Django's test client: the median of 20 requests, the
page cache emptied before each (docs/search.md, "Figures").

    DATABASE_URL=... python scripts/search_timing.py "q=forum" "q=forum&kind=events&page=3"

Each argument is a query string of /en/search/ (or a path with one: /ru/search/?q=форум).
Prints the median, the count line the page shows, and the SQL queries of one request.
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


def measure(target):
    url = target if target.startswith("/") else f"/en/search/?{target}"
    client, times = Client(), []
    client.get(url)  # a first request opens the connection and loads the templates
    for _ in range(REPEAT):
        page_cache.invalidate()
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    page_cache.invalidate()
    # Each request empties the connection's query log; not the one counted.
    request_started.disconnect(reset_queries)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).text
    request_started.connect(reset_queries)
    found = re.findall(r"\((?:more than )?[\d,]+\)|[\d,]+ results?", html)
    return statistics.median(times) * 1000, found[:8], len(queries)


if __name__ == "__main__":
    # Pages name hashed static files: collected once into a folder of our own, as the tests do.
    with tempfile.TemporaryDirectory() as root, override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        for target in sys.argv[1:]:
            median, found, queries = measure(target)
            print(f"{median:8.1f} ms  {queries:2} queries  {target}  {' '.join(found)}")
