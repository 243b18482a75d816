"""Queries and median render time of the pages the records feed, on the loaded seed.

Run after `make setup`:  PYTHONPATH=. .venv/bin/python benchmarks/record_pages.py
"""

import os
import statistics
import time

PAGES = [
    "/en/countries/turkey/",
    "/en/agreements/treaty-on-principles-of-relations-1992/",
    "/en/people/recep-tayyip-erdogan/",
    "/en/organisations/high-level-cooperation-council/",
    "/en/series/idef/",
    "/en/visits/?role=President",
    "/en/agreements/?action=signature&action_year=1992",
]
RUNS = 20


def count_queries(connection, client, url):
    queries = []

    def counted(run, *args):
        queries.append(args[0])
        return run(*args)

    with connection.execute_wrapper(counted):
        client.get(url)
    return len(queries)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()
    for url in PAGES:
        client.get(url)
        queries = count_queries(connection, client, url)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        print(f"{url:58} {queries:3} queries {median:7.1f} ms (median of {RUNS})")


if __name__ == "__main__":
    main()
