"""PostgreSQL: an agreement's other names (``aliases``, migration 0021) are searched as its
title is (weight A, so "Moscow Treaty" ranks the 1921 treaty as its title would, and the
side table's title vector holds them); nothing to do on other databases.

The stored vector of migration 0015 is a generated column: to read one more field it is
dropped and added back with its index, then the agreements' side table (migration 0016)
is filled again from it.
"""

from importlib import import_module

from django.db import migrations

vectors = import_module(f"{__package__}.0015_pgsearch_vectors")
side_tables = import_module(f"{__package__}.0016_pgsearch7_side_tables")

# model: (title, other fields), as search.KINDS (fields, then more); for the agreements,
# the title and the aliases are read as the title.
KINDS = {**vectors.KINDS, "agreement": ("title", "aliases", "summary", "place")}
RELATED = vectors.RELATED
LANGUAGES = vectors.LANGUAGES
TITLE_FIELDS = 2


def column(apps, schema, fields, title_fields):
    model = apps.get_model("relations", "agreement")

    def vector(part, weight):
        return f"{schema}.relations_search_vector({vectors.joined(model, part)}, '{weight}')"

    expression = f"{vector(fields[:title_fields], 'A')} || {vector(fields[title_fields:], 'B')}"
    table = model._meta.db_table
    return [
        f'ALTER TABLE "{table}" DROP COLUMN "search"',
        f'ALTER TABLE "{table}" ADD COLUMN "search" tsvector '
        f"GENERATED ALWAYS AS ({expression}) STORED",
        f'CREATE INDEX "agreement_search" ON "{table}" USING gin ("search")',
    ]


def rewrite(apps, schema_editor, fields, title_fields):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = cursor.fetchone()[0]
    for statement in column(apps, schema, fields, title_fields):
        schema_editor.execute(statement)
    side_tables.fill(apps, "agreement", schema_editor)


def forwards(apps, schema_editor):
    rewrite(apps, schema_editor, KINDS["agreement"], TITLE_FIELDS)


def backwards(apps, schema_editor):
    rewrite(apps, schema_editor, vectors.KINDS["agreement"], 1)


class Migration(migrations.Migration):
    dependencies = [("relations", "0021_typo7_agreement_aliases")]

    operations = [migrations.RunPython(forwards, backwards)]
