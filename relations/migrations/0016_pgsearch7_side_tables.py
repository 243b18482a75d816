"""PostgreSQL: a narrow table beside each dated kind, for the public search; nothing to do
on other databases.

An entry's row of ``relations_event`` is 1.5 kB (its text in three languages and its
stored vector of migration 0015), and a common word is in a fifth of all events: counting
it, and finding its most recent matches, read tens of thousands of those rows. Each
``<table>_search`` holds, per entry, only what the public search reads: its publication
state (``published``, ``publish_at``, ``unpublish_at``), its date (``day``), its titles
(for the order of entries of one day), the stored vector stripped of positions and
weights (``search``) and the title's own (``title``, every language's title words). The
vectors have GIN indexes and the date a btree, each only over the published rows, so a
count is a bitmap scan of a table a third the size, and the newest matches of a common
word are the first rows of the date index (relations/search.py, ``PostgresMatches``).

A trigger on the entry's table writes its row after every insert, update and delete
(admin, import, fixtures, restore, SQL: whoever writes), and empties it on ``TRUNCATE``
(Django's ``flush``). The vector is read from the stored column, so it is folded and
stemmed as migration 0015 says. A migration that drops that column (to alter a field it
reads) must not write rows of the table before it is added back, and then refills this
one: ``fill`` below.
"""

from django.db import migrations

LANGUAGES = ("en", "ru", "tr")
# model: (title field, date field), as search.KINDS (the kinds with an order).
KINDS = {
    "agreement": ("title", "signed_on"),
    "event": ("title", "date"),
    "visit": ("title", "date"),
}


def names(apps, model):
    table = apps.get_model("relations", model)._meta.db_table
    return table, f"{table}_search"


def values(prefix, title, day):
    """The side row of an entry, from the entry's row ``prefix`` (``NEW``, or a table)."""
    titles = ", ".join(f'{prefix}."{title}_{code}"' for code in LANGUAGES)
    return (
        f"{prefix}.id, {prefix}.publication = 'published', {prefix}.publish_at,"
        f' {prefix}.unpublish_at, {prefix}."{day}", {titles},'
        f" strip(ts_filter({prefix}.search, '{{a}}')), strip({prefix}.search)"
    )


def fill(apps, model, schema_editor):
    """Rewrite every row of ``model``'s side table from the entries."""
    table, side = names(apps, model)
    title, day = KINDS[model]
    schema_editor.execute(f'TRUNCATE "{side}"')
    schema_editor.execute(f'INSERT INTO "{side}" SELECT {values("t", title, day)} FROM "{table}" t')
    schema_editor.execute(f'ANALYZE "{side}"')


def statements(apps, schema):
    for model, (title, day) in KINDS.items():
        table, side = names(apps, model)
        titles = ", ".join(f'"{title}_{code}" text' for code in LANGUAGES)
        columns = ", ".join(
            ["id", "published", "publish_at", "unpublish_at", "day"]
            + [f"{title}_{code}" for code in LANGUAGES]
            + ["title", "search"]
        )
        update = ", ".join(f'"{name}" = EXCLUDED."{name}"' for name in columns.split(", ")[1:])
        sync, empty = f"{schema}.{side}_sync", f"{schema}.{side}_empty"
        yield (
            f'CREATE TABLE "{side}" (id bigint PRIMARY KEY, published boolean NOT NULL,'
            f" publish_at timestamptz, unpublish_at timestamptz, day date, {titles},"
            " title tsvector NOT NULL, search tsvector NOT NULL)",
            f'DROP TABLE "{side}"',
        )
        yield (
            f'CREATE INDEX "{side}_words" ON "{side}" USING gin (search) WHERE published',
            f'DROP INDEX "{side}_words"',
        )
        yield (
            f'CREATE INDEX "{side}_title" ON "{side}" USING gin (title) WHERE published',
            f'DROP INDEX "{side}_title"',
        )
        yield (
            f'CREATE INDEX "{side}_day" ON "{side}" (day DESC NULLS LAST) WHERE published',
            f'DROP INDEX "{side}_day"',
        )
        yield (
            f"CREATE FUNCTION {sync}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f" IF TG_OP = 'DELETE' THEN DELETE FROM {schema}.\"{side}\" WHERE id = OLD.id;"
            f" RETURN NULL; END IF;"
            f' INSERT INTO {schema}."{side}" ({columns}) VALUES ({values("NEW", title, day)})'
            f" ON CONFLICT (id) DO UPDATE SET {update}; RETURN NULL; END $$",
            f"DROP FUNCTION {sync}()",
        )
        yield (
            f"CREATE FUNCTION {empty}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f' TRUNCATE {schema}."{side}"; RETURN NULL; END $$',
            f"DROP FUNCTION {empty}()",
        )
        yield (
            f'CREATE TRIGGER "{side}_sync" AFTER INSERT OR UPDATE OR DELETE ON "{table}"'
            f" FOR EACH ROW EXECUTE FUNCTION {sync}()",
            f'DROP TRIGGER "{side}_sync" ON "{table}"',
        )
        yield (
            f'CREATE TRIGGER "{side}_empty" AFTER TRUNCATE ON "{table}"'
            f" FOR EACH STATEMENT EXECUTE FUNCTION {empty}()",
            f'DROP TRIGGER "{side}_empty" ON "{table}"',
        )


def schema_of(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        return cursor.fetchone()[0]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for forwards, _backwards in statements(apps, schema_of(schema_editor)):
        schema_editor.execute(forwards)
    for model in KINDS:
        fill(apps, model, schema_editor)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _forwards, backwards in reversed(list(statements(apps, schema_of(schema_editor)))):
            schema_editor.execute(backwards)


class Migration(migrations.Migration):
    dependencies = [("relations", "0015_pgsearch_vectors")]

    operations = [migrations.RunPython(create, drop)]
