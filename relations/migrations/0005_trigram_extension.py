"""pg_trgm for typo-tolerant search on PostgreSQL; nothing to do on other databases."""

from django.db import migrations


def create_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("relations", "0004_records")]

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
