"""``manage.py rebuild_search_index``: write the SQLite search index anew from the content.

Saves keep the index in step; this is for a database written around them (rows copied in
by SQL, an upgrade from before the index). On PostgreSQL the stored vectors are kept by
the database itself and the command has nothing to do.
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from relations import search


class Command(BaseCommand):
    help = "Write the SQLite search index anew from every entry."

    def handle(self, *args, **options):
        if connection.vendor != "sqlite":
            self.stdout.write("PostgreSQL keeps its own search vectors: nothing to do.")
            return
        started = time.monotonic()
        count = search.rebuild_index()
        self.stdout.write(f"Indexed {count} entries in {time.monotonic() - started:.1f} s.")
