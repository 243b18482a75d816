"""The editor during a load test: saves numbered edits until told to stop, then checks none is lost.

Every edit goes through the ORM (full_clean, save) to one of the seed's events
in turn. At the end each event must hold the last text written to it, both in
the database and on its public page as gunicorn serves it.
"""

import argparse
import os
import sys
import time
import urllib.request

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from relations.models import Event  # noqa: E402  (needs django.setup() first)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--base-url", required=True)
    args = parser.parse_args()

    events = list(Event.objects.published().order_by("pk"))
    last_written = {}
    deadline = time.monotonic() + args.seconds
    edits = 0
    while time.monotonic() < deadline:
        event = events[edits % len(events)]
        event.refresh_from_db()
        event.summary_en = f"Edit number {edits} of the load test."
        event.full_clean()
        event.save()
        last_written[event.pk] = event.summary_en
        edits += 1
        time.sleep(0.05)

    lost = [pk for pk, text in last_written.items() if Event.objects.get(pk=pk).summary_en != text]
    stale = []
    for n, event in enumerate(Event.objects.filter(pk__in=last_written)):
        request = urllib.request.Request(
            f"{args.base_url}/en/events/{event.slug}/",
            # As many visitors behind the balancer (loadtest.sh), each asking for one page:
            # not one address asking for hundreds of misses at once, which nginx limits.
            headers={
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": f"10.2.{n // 250}.{n % 250 + 1}",
            },
        )
        with urllib.request.urlopen(request) as response:
            if last_written[event.pk] not in response.read().decode():
                stale.append(event.slug)
    print(f"EDITOR edits={edits} lost={len(lost)} stale_pages={len(stale)}")
    return 1 if lost or stale else 0


if __name__ == "__main__":
    sys.exit(main())
