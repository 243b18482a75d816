"""CPU time of searches (time.process_time: SQLite runs in the process, so this is the
server's work whatever the machine's load), median of 20 requests through the test
client (HTTP_HOST=localhost), the page cache emptied before each (docs/search.md).

    DATABASE_URL=sqlite:////tmp/big.sqlite3 python scripts/search_cpu_timing.py "q=forum&year=1995"

Prints the median, the queries of one request, the counts shown and the "Did you mean".
"""

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_started  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from relations import cache as page_cache  # noqa: E402


def measure(target):
    url = target if target.startswith("/") else f"/en/search/?{target}"
    client, times = Client(HTTP_HOST="localhost"), []
    client.get(url)
    for _ in range(20):
        page_cache.invalidate()
        start = time.process_time()
        response = client.get(url)
        times.append(time.process_time() - start)
        assert response.status_code == 200
    page_cache.invalidate()
    request_started.disconnect(reset_queries)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).text
    request_started.connect(reset_queries)
    found = re.findall(r"\((?:more than )?[\d,]+\)|[\d,]+ results?", html)
    mean = re.search(r'class="did-you-mean">[^<]*<a [^>]*>([^<]*)<', html)
    return statistics.median(times) * 1000, found[:8], len(queries), mean and mean.group(1)


with (
    tempfile.TemporaryDirectory() as root,
    override_settings(STATIC_ROOT=root, ALLOWED_HOSTS=["localhost"]),
):
    call_command("collectstatic", interactive=False, verbosity=0)
    for target in sys.argv[1:]:
        median, found, queries, mean = measure(target)
        print(
            f"{median:8.1f} ms CPU  {queries:2} queries  {target}"
            f"  {' '.join(found)}  did-you-mean={mean}"
        )
