"""PostgreSQL's search made the SQLite index's equal; nothing to do on other databases.

One stored, generated ``search`` column per searched table replaces migration 0008's three
(``search_en``, ``search_ru``, ``search_tr``, each in its own language's dictionary only).
It holds every language's text of the entry, each word folded (lower case, diacritics
removed by ``unaccent``, Turkish İ, I and ı all ``i``) and then turned into lexemes by the
``simple``, ``english``, ``russian`` and ``turkish`` configurations at once: the folded word
and its stem in each language, as relations/search_index.py stores them on SQLite. The
title is weight A (a title match is a test of that weight), the other fields weight B.
Page sections and people's roles get a column of their own, matched through their key.

Three functions do it (IMMUTABLE, so a generated column may call them; every name in them
is schema-qualified, so they hold whatever the search path of a restore is):
``relations_fold(text)``, ``relations_search_vector(text, weight)`` and
``relations_word_query(word, prefix, weights)``, the query of one word in all its forms
(the folded word, or its start, and its stems), which relations/search.py combines.

The fields are written out here, as a migration should be; tests/test_search.py checks
they are the ones search.KINDS names. The trigram indexes of migration 0008 stay.
"""

from importlib import import_module

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

search_indexes = import_module(f"{__package__}.0008_search_indexes")

LANGUAGES = ("en", "ru", "tr")
CONFIGURATIONS = ("simple", "english", "russian", "turkish")
# Characters of the title and of the other fields the vector reads (about 16,000 words, as
# on SQLite): with four configurations the vector stays well under its limit of 1 MB.
SEARCHED_LENGTH = 100_000
# model: (title, other fields), as search.KINDS (fields, then more).
KINDS = {
    "partnerpage": ("title", "summary"),
    "agreement": ("title", "summary", "place"),
    "event": ("title", "summary", "body", "place"),
    "visit": ("title", "summary", "role", "place"),
    "eventseries": ("name", "acronym", "description", "place"),
    "organisation": ("name", "acronym", "description", "members_note", "founding_note"),
    "office": ("name", "city", "address", "summary"),
    "person": ("name", "summary"),
}
# Rows of a related list, read as the entry's other fields (search.KINDS' related).
RELATED = {"section": ("title", "body"), "role": ("title",)}


def functions(schema, unaccent_schema):
    forms = " || ".join(
        f"to_tsvector('pg_catalog.{name}'::regconfig, folded)" for name in CONFIGURATIONS
    )
    stems = " || ".join(
        f"to_tsvector('pg_catalog.{name}'::regconfig, folded)" for name in CONFIGURATIONS[1:]
    )
    # Each form once (the query planner adds up the frequency of each alternative): the
    # folded word, starred when it is a prefix, and its stems, but not a stem that cuts it
    # down to a short other word (Turkish stems "forum" to "for"), as search_index.forms.
    suffix = (
        "CASE WHEN starred OR weights <> '' THEN ':' || CASE WHEN starred THEN '*' ELSE '' END"
        " || weights ELSE '' END"
    )
    word = (
        f"SELECT coalesce(string_agg(quote_literal(lexeme) || {suffix}, ' | '), '')::tsquery"
        f" FROM (SELECT {{schema}}.relations_fold(word) AS folded) AS query, LATERAL ("
        " SELECT lexeme, bool_or(starred) AS starred FROM ("
        " SELECT lexeme, prefix AS starred FROM unnest(tsvector_to_array("
        "to_tsvector('pg_catalog.simple'::regconfig, folded))) AS lexeme UNION ALL"
        f" SELECT lexeme, false FROM unnest(tsvector_to_array({stems})) AS lexeme"
        " WHERE length(lexeme) >= least(4, length(folded) - 1)) AS found GROUP BY lexeme"
        ") AS forms"
    ).replace("{schema}", schema)
    return [
        (
            f"CREATE FUNCTION {schema}.relations_fold(text) RETURNS text"
            " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
            f" RETURN lower({unaccent_schema}.unaccent("
            f"'{unaccent_schema}.unaccent'::regdictionary, translate($1, 'İIı', 'iii')))",
            f"DROP FUNCTION {schema}.relations_fold(text)",
        ),
        (
            f'CREATE FUNCTION {schema}.relations_search_vector(document text, weight "char")'
            " RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE BEGIN ATOMIC"
            f" SELECT setweight({forms}, weight) FROM (SELECT {schema}.relations_fold("
            f"left(document, {SEARCHED_LENGTH})) AS folded) AS source; END",
            f'DROP FUNCTION {schema}.relations_search_vector(text, "char")',
        ),
        (
            # PL/pgSQL keeps the plan of its body for the session: a query calls it for
            # each word several times while it is planned (0.1 ms a call, not 1 ms).
            f"CREATE FUNCTION {schema}.relations_word_query(word text, prefix boolean,"
            " weights text) RETURNS tsquery LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE"
            f" AS $$ BEGIN RETURN ({word}); END $$",
            f"DROP FUNCTION {schema}.relations_word_query(text, boolean, text)",
        ),
    ]


def joined(model, fields):
    """Every language's column of each field, field by field, as one text."""
    columns = {field.column for field in model._meta.fields}
    names = [
        name
        for field in fields
        for name in (
            [f"{field}_{code}" for code in LANGUAGES] if f"{field}_en" in columns else [field]
        )
    ]
    return " || ' ' || ".join(f"coalesce(\"{name}\", '')" for name in names)


def columns(apps, schema):
    def vector(model, fields, weight):
        return f"{schema}.relations_search_vector({joined(model, fields)}, '{weight}')"

    tables = [
        (name, f"{vector(model, fields[:1], 'A')} || {vector(model, fields[1:], 'B')}")
        for name, fields in KINDS.items()
        for model in [apps.get_model("relations", name)]
    ] + [
        (name, vector(model, fields, "B"))
        for name, fields in RELATED.items()
        for model in [apps.get_model("relations", name)]
    ]
    for name, expression in tables:
        table = apps.get_model("relations", name)._meta.db_table
        yield (
            f'ALTER TABLE "{table}" ADD COLUMN "search" tsvector '
            f"GENERATED ALWAYS AS ({expression}) STORED",
            f'ALTER TABLE "{table}" DROP COLUMN "search"',
        )
        yield (
            f'CREATE INDEX "{name}_search" ON "{table}" USING gin ("search")',
            f'DROP INDEX "{name}_search"',
        )


def old_columns(apps):
    """Migration 0008's vectors, one per language (its trigram indexes stay)."""
    for forwards, backwards in search_indexes.statements(apps):
        if "_trgm_" not in forwards:
            yield backwards, forwards


def statements(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_schema(), extnamespace::regnamespace::text"
            " FROM pg_extension WHERE extname = 'unaccent'"
        )
        schema, unaccent_schema = cursor.fetchone()
    return [
        *reversed(list(old_columns(apps))),
        *functions(schema, unaccent_schema),
        *columns(apps, schema),
    ]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for forwards, _backwards in statements(apps, schema_editor):
            schema_editor.execute(forwards)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _forwards, backwards in reversed(statements(apps, schema_editor)):
            schema_editor.execute(backwards)


class Migration(migrations.Migration):
    dependencies = [("relations", "0014_search_index_in_date_order")]

    # UnaccentExtension does nothing on other databases; reversed, it drops the extension.
    operations = [UnaccentExtension(), migrations.RunPython(create, drop)]
