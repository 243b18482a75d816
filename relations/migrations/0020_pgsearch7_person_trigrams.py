"""PostgreSQL: trigram indexes of people's names, which migration 0008 left out (a
misspelt name read every person's name: relations/search.py, ``Holds`` with ``near``);
nothing to do on other databases."""

from django.db import migrations

LANGUAGES = ("en", "ru", "tr")


def statements(apps):
    table = apps.get_model("relations", "person")._meta.db_table
    for code in LANGUAGES:
        yield (
            f'CREATE INDEX "person_trgm_{code}" ON "{table}"'
            f' USING gin ("name_{code}" gin_trgm_ops)',
            f'DROP INDEX "person_trgm_{code}"',
        )


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for forwards, _backwards in statements(apps):
            schema_editor.execute(forwards)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _forwards, backwards in statements(apps):
            schema_editor.execute(backwards)


class Migration(migrations.Migration):
    dependencies = [("relations", "0019_pgsearch7_folding")]

    operations = [migrations.RunPython(create, drop)]
