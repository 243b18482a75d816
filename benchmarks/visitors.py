"""Times the visitor features on the seed plus synthetic entries, and prints figures.

    .venv/bin/python benchmarks/visitors.py [ENTRIES_PER_KIND]
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/visitors.py 2000

Runs in a throwaway test database (SQLite in memory, or a test_ copy on PostgreSQL),
without the test environment's template instrumentation, so timings are a server's.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from relations.models import Agreement, Country, Event, Person, Publication, Visit  # noqa: E402

URLS = [
    "/en/timeline/",
    "/en/timeline/?kind=agreement",
    "/en/countries/turkey/",
    "/en/search/?q=treaty",
    "/en/search/?q=brotherhod",
    "/ru/search/?q=договор",
    "/en/events/?format=csv",
    "/en/events/?format=json",
    "/api/events/?page=2",
    "/en/calendar.ics",
    "/en/feeds/atom/",
    "/sitemap.xml",
]


def add_entries(count):
    russia, turkey = Country.objects.get(slug="russia"), Country.objects.get(slug="turkey")
    person = Person.objects.first()
    day = datetime.date(1950, 1, 1)
    published = {"publication": Publication.PUBLISHED}
    events = Event.objects.bulk_create(
        Event(
            title=f"Synthetic trade fair {n}",
            slug=f"synthetic-event-{n}",
            date=day + datetime.timedelta(days=7 * n),
            summary="A fair on trade and industry between the two countries.",
            category="economic",
            **published,
        )
        for n in range(count)
    )
    Event.countries.through.objects.bulk_create(
        Event.countries.through(event=event, country=turkey) for event in events
    )
    Visit.objects.bulk_create(
        Visit(
            title=f"Synthetic working visit {n}",
            slug=f"synthetic-visit-{n}",
            date=day + datetime.timedelta(days=5 * n),
            person=person,
            origin_country=russia,
            host_country=turkey,
            level="working",
            **published,
        )
        for n in range(count)
    )
    agreements = Agreement.objects.bulk_create(
        Agreement(
            title=f"Synthetic protocol on trade {n}",
            slug=f"synthetic-agreement-{n}",
            kind="protocol",
            signed_on=day + datetime.timedelta(days=3 * n),
            **published,
        )
        for n in range(count)
    )
    Agreement.parties.through.objects.bulk_create(
        Agreement.parties.through(agreement=agreement, country=country)
        for agreement in agreements
        for country in (russia, turkey)
    )


def measure(client, url, runs=5):
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, HTTP_HOST="localhost")
            body = b"".join(response.streaming_content) if response.streaming else response.content
            timings.append(time.perf_counter() - start)
    return response.status_code, len(body), len(queries), statistics.median(timings) * 1000


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("loaddata", "seed", verbosity=0)
        add_entries(count)
        client = Client()
        print(f"{connection.vendor}, seed + {count} events, visits and agreements each")
        print(f"{'URL':32} {'status':>6} {'KiB':>8} {'queries':>7} {'median ms':>10}")
        for url in URLS:
            status, size, queries, ms = measure(client, url)
            print(f"{url:32} {status:>6} {size / 1024:>8.0f} {queries:>7} {ms:>10.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
