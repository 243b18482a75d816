"""The SQLite search index's vocabulary of title words with its trigram index
(relations.search_index.WORDS), for near spellings: the tables, filled with the index by
0021_typo7_agreement_aliases (the last migration of a field the index reads).

On PostgreSQL nothing.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from relations import search_index

    for statement in search_index.CREATE_WORDS:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from relations import search_index

        schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.WORDS_INDEX}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.WORDS}")


class Migration(migrations.Migration):
    dependencies = [("relations", "0016_pgsearch7_side_tables")]

    operations = [migrations.RunPython(create, drop)]
