"""The SQLite search index (relations.search_index): an FTS5 table, filled from the content.

On PostgreSQL nothing: its stored vectors are migrations 0015 and 0019's, the side tables
of its public search 0016's, the titles' trigram indexes 0008's.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from relations import search_index

    schema_editor.execute(search_index.CREATE)
    # Filled by the last migration of a field the index reads
    # (0021_typo7_agreement_aliases), from the current models, which may have fields the
    # tables do not have yet here.


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        from relations import search_index

        schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.TABLE}")


class Migration(migrations.Migration):
    dependencies = [("relations", "0012_editors2_phone_validation")]

    operations = [migrations.RunPython(create, drop)]
