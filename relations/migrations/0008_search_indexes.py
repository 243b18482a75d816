"""Search columns and indexes on PostgreSQL; nothing to do on other databases.

Per kind and language, a stored generated column ``search_<language>`` holds the entry's
weighted full-text vector (title A, the other fields B, C, D, as relations/search.py
ranks them), kept up to date by PostgreSQL itself whatever writes the row; a GIN index
on it answers the search, and the rank reads the stored vector instead of parsing every
matching entry's text again (a common word at 100,000 events: 2.5 s → 0.17 s). A
trigram index on the title answers typo tolerance. The fields are written out here, as
a migration should be; tests/test_search.py checks they are the ones search.KINDS names.
"""

from django.db import migrations

LANGUAGES = {"en": "english", "ru": "russian", "tr": "turkish"}
# Characters of each field the vector reads: a vector may not exceed 1 MB, which a long
# text of distinct words does (1.3 MB of text: the save failed); four fields of this many
# characters stay well under it.
SEARCHED_LENGTH = 100_000
# model: (title, other fields most telling first), as search.KINDS.
KINDS = {
    "partnerpage": ("title", "summary"),
    "agreement": ("title", "summary", "place"),
    "event": ("title", "summary", "body", "place"),
    "visit": ("title", "summary", "role", "place"),
    "eventseries": ("name", "acronym", "description", "place"),
    "organisation": ("name", "acronym", "description"),
    "office": ("name", "city", "address", "summary"),
}


def statements(apps):
    for model_name, fields in KINDS.items():
        model = apps.get_model("relations", model_name)
        table = model._meta.db_table
        columns = {field.column for field in model._meta.fields}
        for language, config in LANGUAGES.items():
            localized = [
                f"{field}_{language}" if f"{field}_{language}" in columns else field
                for field in fields
            ]
            vector = " || ".join(
                f"setweight(to_tsvector('{config}'::regconfig, "
                f"left(coalesce(\"{column}\", ''), {SEARCHED_LENGTH})), '{weight}')"
                for column, weight in zip(localized, "ABCD", strict=False)
            )
            yield (
                f'ALTER TABLE "{table}" ADD COLUMN "search_{language}" tsvector '
                f"GENERATED ALWAYS AS ({vector}) STORED",
                f'ALTER TABLE "{table}" DROP COLUMN "search_{language}"',
            )
            yield (
                f'CREATE INDEX "{model_name}_search_{language}" ON "{table}" '
                f'USING gin ("search_{language}")',
                f'DROP INDEX "{model_name}_search_{language}"',
            )
            yield (
                f'CREATE INDEX "{model_name}_trgm_{language}" ON "{table}" '
                f'USING gin ("{localized[0]}" gin_trgm_ops)',
                f'DROP INDEX "{model_name}_trgm_{language}"',
            )


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for forwards, _backwards in statements(apps):
            schema_editor.execute(forwards)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _forwards, backwards in reversed(list(statements(apps))):
            schema_editor.execute(backwards)


class Migration(migrations.Migration):
    dependencies = [("relations", "0007_chronology_indexes")]

    operations = [migrations.RunPython(create, drop)]
