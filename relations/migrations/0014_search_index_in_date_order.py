"""The SQLite search index, rows in date order with a state column (relations.search_index):
the table made anew and filled from the content, as in 0013.

On PostgreSQL nothing.
"""

from django.db import migrations


def recreate(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from relations import search_index

    schema_editor.execute(f"DROP TABLE IF EXISTS {search_index.TABLE}")
    schema_editor.execute(search_index.CREATE)
    # Filled by the last migration of a field the index reads
    # (0021_typo7_agreement_aliases), from the current models, which may have fields the
    # tables do not have yet here.


class Migration(migrations.Migration):
    dependencies = [("relations", "0013_search_index")]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
