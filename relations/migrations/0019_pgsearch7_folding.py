"""PostgreSQL's stored vectors fold and stem as the SQLite index does; nothing to do on
other databases.

- ``relations_fold`` makes ``й`` ``и`` (``unaccent`` keeps it; SQLite's folding, which
  removes every combining mark, does not), so "Йошкар-Ола" and "йогурт" are found typed
  either way, as on SQLite.
- ``relations_search_vector`` leaves out a stem that cuts its word down to a short other
  word (shorter than four letters and than the word less one letter: Turkish stems "forum"
  and "forumu" to "for"), as ``search_index.forms`` does: "for" no longer finds every
  forum. The stems are matched to their words by position (every configuration numbers
  the words of a text alike).

The vectors are stored, so each table's column is dropped and added back (PostgreSQL
computes it again for every row), and the side tables of migration 0016 are filled again.
"""

from importlib import import_module

from django.db import migrations

vectors = import_module(f"{__package__}.0015_pgsearch_vectors")
side_tables = import_module(f"{__package__}.0016_pgsearch7_side_tables")

STEMMERS = ("english", "russian", "turkish")


def functions(schema, unaccent_schema):
    stems = " UNION ".join(
        f"SELECT s.lexeme, p AS position FROM"
        f" unnest(to_tsvector('pg_catalog.{name}'::regconfig, folded)) AS s,"
        " unnest(s.positions) AS p"
        for name in STEMMERS
    )
    words = (
        "SELECT p AS position, max(length(w.lexeme)) AS length FROM"
        " unnest(to_tsvector('pg_catalog.simple'::regconfig, folded)) AS w,"
        " unnest(w.positions) AS p GROUP BY p"
    )
    return [
        (
            f"CREATE OR REPLACE FUNCTION {schema}.relations_fold(text) RETURNS text"
            " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE"
            f" RETURN lower({unaccent_schema}.unaccent("
            f"'{unaccent_schema}.unaccent'::regdictionary, translate($1, 'İIıЙй', 'iiiИи')))"
        ),
        (
            # The folded words, and each stem where it is at least four letters long or
            # its word at most one letter longer (a word of no known length keeps it).
            f"CREATE OR REPLACE FUNCTION {schema}.relations_search_vector("
            'document text, weight "char") RETURNS tsvector'
            " LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE BEGIN ATOMIC"
            " SELECT setweight(to_tsvector('pg_catalog.simple'::regconfig, folded) || coalesce(("
            " SELECT string_agg(quote_literal(kept.lexeme) || ':' || kept.positions, ' ')::tsvector"
            " FROM (SELECT stem.lexeme, string_agg(stem.position::text, ',') AS positions"
            f" FROM ({stems}) AS stem LEFT JOIN ({words}) AS word"
            " ON word.position = stem.position"
            " WHERE length(stem.lexeme) >= least(4, coalesce(word.length, 0) - 1)"
            " GROUP BY stem.lexeme) AS kept), ''::tsvector), weight)"
            f" FROM (SELECT {schema}.relations_fold(left(document, {vectors.SEARCHED_LENGTH}))"
            " AS folded) AS source; END"
        ),
    ]


def previous_functions(schema, unaccent_schema):
    """Migration 0015's folding and vectors."""
    return [
        forwards.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
        for forwards, _backwards in vectors.functions(schema, unaccent_schema)
        if "relations_word_query" not in forwards.split("(")[0]
    ]


def rewrite(apps, schema_editor, make_functions):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_schema(), extnamespace::regnamespace::text"
            " FROM pg_extension WHERE extname = 'unaccent'"
        )
        schema, unaccent_schema = cursor.fetchone()
    columns = list(vectors.columns(apps, schema))
    for _forwards, backwards in reversed(columns):
        schema_editor.execute(backwards)
    for statement in make_functions(schema, unaccent_schema):
        schema_editor.execute(statement)
    for forwards, _backwards in columns:
        schema_editor.execute(forwards)
    for model in side_tables.KINDS:
        side_tables.fill(apps, model, schema_editor)


def forwards(apps, schema_editor):
    rewrite(apps, schema_editor, functions)


def backwards(apps, schema_editor):
    rewrite(apps, schema_editor, previous_functions)


class Migration(migrations.Migration):
    dependencies = [("relations", "0018_typo7_span_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
