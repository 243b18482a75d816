"""The SQLite search index's vocabulary of title words with its trigram index
(relations.search_index.WORDS), for near spellings; the index is written anew from the
content (the vocabulary with it).

Migrations 0013 and 0014 make the index's table; this one fills it, from the current
models (the index is derived data, written the same way by `manage.py
rebuild_search_index`). A later migration that adds a field the index reads moves this
filling after it (the models read here must match the tables).

On PostgreSQL nothing.
"""

from django.db import migrations


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from relations import search

    search.rebuild_index()  # makes the vocabulary's tables too


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from relations import search_index

        schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.WORDS_INDEX}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.WORDS}")


class Migration(migrations.Migration):
    dependencies = [("relations", "0016_pgsearch7_side_tables")]

    operations = [migrations.RunPython(fill, drop)]
