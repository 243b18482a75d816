"""The search index of the default install: one SQLite FTS5 table over every kind.

Each entry is one row; its words are folded (case, diacritics, Turkish dotted and dotless
i) and, besides each word, its stem in English, Russian and Turkish is stored (Snowball,
PyStemmer), so "Erdogan" finds "Erdoğan", "кайсери" finds "Кайсери" and "договора" finds
"договор" whatever the page's language. A query is folded and stemmed the same way.

The row of an entry is numbered ``kind number × SPAN + primary key``, so writing, deleting
and matching one kind's rows are lookups on the rowid, never a scan. Rows are written by
the receivers of post_save and post_delete (admin, import, fixture load, restore) and all
at once by ``rebuild()`` (``manage.py rebuild_search_index``, and after ``load_content``
and ``generate_content``, which write rows in bulk). PostgreSQL has its own indexes
(migration 0008); there, everything here does nothing.
"""

import functools
import re
import unicodedata

import Stemmer
from django.db import connection, transaction
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

TABLE = "relations_search_fts"
SPAN = 10**12
LANGUAGES = {"en": "english", "ru": "russian", "tr": "turkish"}
STEMMERS = [Stemmer.Stemmer(name) for name in LANGUAGES.values()]
# A body longer than this many words is indexed by its first ones (as on PostgreSQL,
# whose vectors are bounded too).
MAX_TEXT_WORDS = 16_000
WORD = re.compile(r"\w+")

CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)


def active():
    return connection.vendor == "sqlite"


def fold(word):
    """Lower case without diacritics; İ, I and ı all become i."""
    word = word.replace("İ", "i").replace("I", "i").replace("ı", "i").lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=100_000)
def forms(word):
    """The folded word and its folded stems in each language."""
    lower = word.replace("İ", "i").lower()
    return frozenset([fold(word), *(fold(stemmer.stemWord(lower)) for stemmer in STEMMERS)])


def words(text, limit=MAX_TEXT_WORDS):
    return WORD.findall(text or "")[:limit]


def terms(text):
    """What is stored for ``text``: every form of every word, once."""
    found = set()
    for word in words(text):
        found |= forms(word)
    return " ".join(sorted(found))


def values(item, field):
    """The field in every language, for fields that have translations."""
    options = translator.get_options_for_model(type(item)) if type(item) in registered() else None
    if options and field in options.all_fields:
        return [getattr(item, build_localized_fieldname(field, code)) for code in LANGUAGES]
    return [getattr(item, field)]


@functools.cache
def registered():
    return set(translator.get_registered_models(abstract=False))


def document(kind, item):
    """(title, body) text of an entry: the title in every language, and every other
    readable field, with the rows of its related lists (a page's sections, a person's
    roles)."""
    title = " ".join(value or "" for value in values(item, kind.title))
    body = [value or "" for field in kind.fields + kind.more for value in values(item, field)]
    for accessor, fields in kind.related:
        for row in getattr(item, accessor).all():
            body += [value or "" for field in fields for value in values(row, field)]
    return terms(title), terms(" ".join(body))


def rowid(kind, pk):
    return kind.number * SPAN + pk


def write(kind, items):
    rows = [(rowid(kind, item.pk), *document(kind, item)) for item in items]
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(row[0],) for row in rows])
        cursor.executemany(f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows)


def delete(kind, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [rowid(kind, pk)])


def rebuild(kinds, batch=2000):
    """Every entry of every kind written anew; returns the number of rows."""
    if not active():
        return 0
    count = 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(CREATE)
            cursor.execute(f"DELETE FROM {TABLE}")
        for kind in kinds:
            queryset = kind.model._default_manager.order_by("pk")
            if kind.related:
                queryset = queryset.prefetch_related(*(accessor for accessor, _ in kind.related))
            items = []
            for item in queryset.iterator(chunk_size=batch):
                items.append(item)
                if len(items) == batch:
                    write(kind, items)
                    count, items = count + len(items), []
            write(kind, items)
            count += len(items)
    return count


def quoted(term):
    return f'"{term}"'


def expression(text, column=None):
    """The FTS5 query for ``text``: every word, in any of its forms; the last word also as
    the start of a longer word once it has four letters (what a reader is still typing)."""
    query_words = [word for word in words(text, 10) if len(word) > 1 or word.isdigit()]
    if not query_words:
        return None
    groups = []
    for position, word in enumerate(query_words):
        alternatives = [quoted(term) for term in sorted(forms(word))]
        if position == len(query_words) - 1 and len(word) >= 4:
            alternatives.append(quoted(fold(word)) + " *")
        groups.append("(" + " OR ".join(alternatives) + ")")
    joined = " AND ".join(groups)
    return f"{column} : ({joined})" if column else joined


def matching(kind, text, column=None):
    """SQL and parameters for the primary keys of ``kind`` whose row matches ``text``."""
    base = kind.number * SPAN
    sql = f"SELECT rowid - %s FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s"
    return sql, [base, expression(text, column), base, base + SPAN - 1]
