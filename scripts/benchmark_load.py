"""How fast load_content loads a large fixture: N generated events into a fresh database.

    .venv/bin/python scripts/benchmark_load.py [N]        (default 100000)

Uses a temporary SQLite database (or DATABASE_URL when set) and prints objects per second.
"""

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
work = Path(tempfile.mkdtemp())
os.environ.setdefault("DATABASE_URL", f"sqlite:///{work / 'benchmark.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402  (the database is chosen before Django starts)

django.setup()

from django.core.management import call_command  # noqa: E402


def events(count):
    for n in range(count):
        yield {
            "model": "relations.event",
            "fields": {
                "title_en": f"Generated event {n}",
                "title_ru": f"Событие {n}",
                "slug": f"generated-event-{n}",
                "summary_en": f"Summary of event {n} with *Markdown*.",
                "date": f"{1920 + n % 100}-{1 + n % 12:02d}-01",
                "date_precision": "month",
                "category": "cultural",
                "publication": "published",
                "countries": [["turkey"], ["russia"]],
            },
        }


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    fixture = work / "generated.json"
    fixture.write_text(json.dumps(list(events(count))))
    call_command("migrate", verbosity=0)
    call_command("load_content", "seed", quiet=True)
    started = time.monotonic()
    call_command("load_content", str(fixture))
    elapsed = time.monotonic() - started
    print(f"{count} events in {elapsed:.1f} s: {count / elapsed:,.0f} objects/s")


if __name__ == "__main__":
    main()
