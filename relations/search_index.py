"""The search index of the default install: one SQLite FTS5 table over every kind.

Each entry is one row; its words are folded (case, diacritics, Turkish dotted and dotless
i) and, besides each word, its stem in English, Russian and Turkish is stored (Snowball,
PyStemmer), so "Erdogan" finds "Erdoğan", "кайсери" finds "Кайсери" and "договора" finds
"договор" whatever the page's language. A query is folded and stemmed the same way.

The row of an entry is numbered ``kind number × SPAN + day × DAY + primary key``, where
``day`` is the entry's date (the day number of ``date.toordinal()``, 0 for an undated
kind), so one kind's rows are a rowid range, and within it they run in date order: the
most recent matches of a common word are the first rows FTS5 reads backwards, and a
count is a walk along one word's list, neither reading the entries. The ``state`` column
holds the entry's key (``k3p42``, by which its row is found again), ``draft`` when it is
not published and ``timed`` when it has a "publish at" or "unpublish at" (decided at
query time, as time passes without a save). Rows are written by
the receivers of post_save and post_delete (admin, import, fixture load, restore) and all
at once by ``rebuild()`` (``manage.py rebuild_search_index``, and after ``load_content``
and ``generate_content``, which write rows in bulk). PostgreSQL has its own indexes
(stored vectors: migrations 0015 and 0019; side tables: 0016; trigram indexes: 0008);
there, everything here does nothing.
"""

import datetime
import functools
import re
import unicodedata

import Stemmer
from django.db import connection, transaction
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

TABLE = "relations_search_fts"
SPAN = 10**16
DAY = 10**9  # so a kind holds primary keys below a thousand million
LANGUAGES = {"en": "english", "ru": "russian", "tr": "turkish"}
STEMMERS = [Stemmer.Stemmer(name) for name in LANGUAGES.values()]
# A body longer than this many words is indexed by its first ones (as on PostgreSQL,
# whose vectors are bounded too).
MAX_TEXT_WORDS = 16_000
WORD = re.compile(r"\w+")

CREATE = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, body, state, tokenize = 'unicode61 remove_diacritics 2', prefix = '4 5 6 7 8')"
)


# The title words (folded, of four letters or more), each once, with a trigram index: the
# vocabulary a misspelled word is corrected from (``near_words``). Words are added as
# entries are written and only dropped by ``rebuild()``: a word no title holds any longer
# is never offered, as a correction is only used when it finds an entry.
WORDS = "relations_search_words"
WORDS_INDEX = "relations_search_words_trigrams"
CREATE_WORDS = (
    f"CREATE TABLE IF NOT EXISTS {WORDS} (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {WORDS_INDEX} USING fts5("
    f"word, content = '{WORDS}', content_rowid = 'id', tokenize = 'trigram')",
)
# pg_trgm's default thresholds for (strict) word similarity, so both databases agree.
SIMILARITY = 0.5
# Candidates read from the trigram index (those sharing the most trigrams), per word.
CANDIDATES = 60


def active():
    return connection.vendor == "sqlite"


@functools.lru_cache(maxsize=100_000)
def fold(word):
    """Lower case without diacritics; İ, I and ı all become i."""
    word = word.replace("İ", "i").replace("I", "i").replace("ı", "i").lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=100_000)
def forms(word):
    """The folded word and its folded stems in each language, but not a stem that cuts a
    word down to a short other word: Turkish stems "forum" to "for", which would make
    "forum" find every English "for" (and walk that long list)."""
    lower, folded = word.replace("İ", "i").lower(), fold(word)
    stems = {fold(stemmer.stemWord(lower)) for stemmer in STEMMERS}
    return frozenset([folded, *(stem for stem in stems if len(stem) >= min(4, len(folded) - 1))])


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


# Fields that are other names of an entry (an agreement's "also known as"): indexed with
# the title, so a name ranks as the title does and its misspellings are corrected.
NAMES = ("aliases",)


def names(kind, item):
    """The entry's title and other names, in every language."""
    found = list(values(item, kind.search.title))
    for field in kind.search.fields:
        if field in NAMES:
            found += values(item, field)
    return [value or "" for value in found]


def document(kind, item):
    """(title, body) text of an entry: the title and other names in every language, and
    every other readable field, with the rows of its related lists (a page's sections, a
    person's roles)."""
    title = " ".join(names(kind, item))
    body = [
        value or ""
        for field in kind.search.fields + kind.search.more
        for value in values(item, field)
    ]
    for accessor, fields in kind.search.related:
        for row in getattr(item, accessor).all():
            body += [value or "" for field in fields for value in values(row, field)]
    return terms(title), terms(" ".join(body))


def rowid(kind, item):
    day = getattr(item, kind.search.order) if kind.search.order else None
    if isinstance(day, str):  # an entry created with its date as text, not read back
        day = datetime.date.fromisoformat(day[:10])
    return kind.search.number * SPAN + (day.toordinal() if day else 0) * DAY + item.pk


def key(kind, pk):
    return f"k{kind.search.number}p{pk}"


def state(kind, item):
    words = [key(kind, item.pk)]
    if hasattr(item, "publication"):
        if item.publication != "published":
            words.append("draft")
        if item.publish_at or item.unpublish_at:
            words.append("timed")
    return " ".join(words)


BY_KEY = f"DELETE FROM {TABLE} WHERE rowid IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)"


def title_words(kind, item):
    """The folded words of the entry's title in every language worth correcting towards."""
    return {
        fold(word)
        for value in names(kind, item)
        for word in words(value)
        if len(word) >= 4 and not word.isdigit()
    }


def add_words(cursor, found):
    """Add the words of ``found`` the vocabulary does not hold yet (one query if none)."""
    found = sorted(found)
    if not found:
        return
    known = set()
    for start in range(0, len(found), 500):
        chunk = found[start : start + 500]
        cursor.execute(
            f"SELECT word FROM {WORDS} WHERE word IN ({', '.join(['%s'] * len(chunk))})", chunk
        )
        known |= {row[0] for row in cursor.fetchall()}
    new = [word for word in found if word not in known]
    if new:
        cursor.executemany(f"INSERT INTO {WORDS} (word) VALUES (%s)", [(w,) for w in new])
        cursor.executemany(
            f"INSERT INTO {WORDS_INDEX} (rowid, word) SELECT id, word FROM {WORDS} WHERE word = %s",
            [(w,) for w in new],
        )


def write(kind, items, vocabulary=True):
    rows = [(rowid(kind, item), *document(kind, item), state(kind, item)) for item in items]
    with connection.cursor() as cursor:
        cursor.executemany(BY_KEY, [(f"state : {key(kind, item.pk)}",) for item in items])
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, body, state) VALUES (%s, %s, %s, %s)", rows
        )
        if vocabulary:
            add_words(cursor, set().union(*(title_words(kind, item) for item in items)))


def delete(kind, pk):
    with connection.cursor() as cursor:
        cursor.execute(BY_KEY, [f"state : {key(kind, pk)}"])


def rebuild(kinds, batch=2000):
    """Every entry of every kind written anew; returns the number of rows."""
    if not active():
        return 0
    count, vocabulary = 0, set()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(CREATE)
            cursor.execute(f"DELETE FROM {TABLE}")
            for statement in CREATE_WORDS:
                cursor.execute(statement)
            cursor.execute(f"DELETE FROM {WORDS}")
            cursor.execute(f"INSERT INTO {WORDS_INDEX} ({WORDS_INDEX}) VALUES ('delete-all')")
        for kind in kinds:
            queryset = kind.model._default_manager.order_by("pk")
            if kind.search.related:
                queryset = queryset.prefetch_related(
                    *(accessor for accessor, _ in kind.search.related)
                )
            items = []
            for item in queryset.iterator(chunk_size=batch):
                items.append(item)
                vocabulary |= title_words(kind, item)
                if len(items) == batch:
                    write(kind, items, vocabulary=False)
                    count, items = count + len(items), []
            write(kind, items, vocabulary=False)
            count += len(items)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {WORDS} (word) VALUES (%s)", [(w,) for w in sorted(vocabulary)]
            )
            cursor.execute(f"INSERT INTO {WORDS_INDEX} ({WORDS_INDEX}) VALUES ('rebuild')")
    return count


def trigrams(word):
    """pg_trgm's trigrams of one word: padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(one, other):
    """pg_trgm's similarity of two (folded) words: shared trigrams over all trigrams."""
    a, b = trigrams(one), trigrams(other)
    return len(a & b) / len(a | b)


def known_words(found):
    """The words of ``found`` (folded) that some title holds."""
    found = sorted(set(found))
    if not found:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {WORDS} WHERE word IN ({', '.join(['%s'] * len(found))})", found
        )
        return {row[0] for row in cursor.fetchall()}


def near_words(word):
    """The title words nearest to ``word`` (folded), at least SIMILARITY alike, the best
    ones only (ties kept). The trigram index gives the CANDIDATES words sharing the most
    (and the rarest) of its trigrams, of a length that can be alike enough."""
    folded = fold(word)
    inner = sorted({folded[i : i + 3] for i in range(len(folded) - 2)})
    if not inner:
        return []
    # similarity >= 0.5 needs the shorter word's trigrams to be at least half the longer's
    # (a word of n letters has n + 2 of them).
    shortest, longest = (len(folded) + 2 + 1) // 2 - 2, 2 * (len(folded) + 2) - 2
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word FROM {WORDS_INDEX} WHERE {WORDS_INDEX} MATCH %s "
            "AND length(word) BETWEEN %s AND %s ORDER BY rank LIMIT %s",
            [" OR ".join(quoted(gram) for gram in inner), shortest, longest, CANDIDATES],
        )
        candidates = [row[0] for row in cursor.fetchall()]
    scored = [(similarity(folded, candidate), candidate) for candidate in candidates]
    scored = [(score, candidate) for score, candidate in scored if score >= SIMILARITY]
    if not scored:
        return []
    best = max(score for score, _candidate in scored)
    return sorted(candidate for score, candidate in scored if score == best)


def quoted(term):
    return f'"{term}"'


def expression(text, column=None, near=None):
    """The FTS5 query for ``text``: every word, in any of its forms; the last word also as
    the start of a longer word once it has four letters (what a reader is still typing).
    ``near`` {word: [folded title words]}: a word may instead be one of its near
    spellings, in the title (``near_words``)."""
    query_words = [word for word in words(text, 10) if len(word) > 1 or word.isdigit()]
    if not query_words:
        return None
    groups = []
    for position, word in enumerate(query_words):
        alternatives = [quoted(term) for term in sorted(forms(word))]
        if position == len(query_words) - 1 and len(word) >= 4:
            alternatives.append(quoted(fold(word)) + " *")
        group = "(" + " OR ".join(alternatives) + ")"
        if column:
            group = f"{column} : {group}"
        if near and near.get(word):
            spellings = " OR ".join(quoted(term) for term in near[word])
            group = f"({group} OR title : ({spellings}))"
        groups.append(group)
    return " AND ".join(groups)


def matching(kind, text, column=None, until=None, near=None):
    """SQL and parameters for the primary keys of ``kind`` whose row matches ``text``
    (dated no later than the day number ``until``, if given; ``near``: see expression)."""
    base = kind.search.number * SPAN
    high = base + (until * DAY + DAY - 1 if until is not None else SPAN - 1)
    sql = f"SELECT rowid %% %s FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s"
    return sql, [DAY, expression(text, column or "{title body}", near), base, high]


def published(query):
    """An FTS5 query for the rows of ``query`` not marked as drafts."""
    return f"({query}) NOT state : draft"


def timed_rows():
    """{kind number: rowids} of the published entries with a "publish at" or "unpublish
    at": whether a visitor sees them is the clock's to say at query time (there are few)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s",
            ["state : timed NOT state : draft"],
        )
        found = {}
        for (row,) in cursor.fetchall():
            found.setdefault(row // SPAN, []).append(row)
        return found


def rows(kind, query, day=None, leaving_out=(), days=None):
    """SQL and parameters for the rowids of ``kind`` matching the FTS5 ``query``; only those
    of ``day`` (or of the day numbers ``days`` = (first, last)) if given, and not those in
    ``leaving_out``."""
    if day is not None:
        days = (day, day)
    base = kind.search.number * SPAN
    low, high = (
        (base + days[0] * DAY, base + days[1] * DAY + DAY - 1) if days else (base, base + SPAN - 1)
    )
    sql = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s"
    params = [query, low, high]
    if leaving_out:
        sql += f" AND rowid NOT IN ({', '.join(['%s'] * len(leaving_out))})"
        params += list(leaving_out)
    return sql, params


def row_ids(kind, query, limit=None, day=None, leaving_out=(), newest=True, days=None):
    """The rowids of ``rows()``, the most recent first (or in the index's own order, the
    oldest first), at most ``limit``."""
    sql, params = rows(kind, query, day, leaving_out, days)
    if newest:
        sql += " ORDER BY rowid DESC"
    if limit is not None:
        sql, params = sql + " LIMIT %s", [*params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def matching_rows(query, rowids):
    """Those of ``rowids`` whose row matches the FTS5 ``query`` (a lookup each)."""
    found = []
    rowids = sorted(rowids)
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s "
                f"AND rowid IN ({', '.join(['%s'] * len(chunk))})",
                [query, *chunk],
            )
            found += [row[0] for row in cursor.fetchall()]
    return found


def count(kind, query, limit=None, leaving_out=()):
    """How many of ``rows()`` there are, counted up to ``limit``."""
    sql, params = rows(kind, query, leaving_out=leaving_out)
    with connection.cursor() as cursor:
        # LIMIT -1 is no limit.
        cursor.execute(f"SELECT count(*) FROM ({sql} LIMIT %s)", [*params, limit or -1])
        return cursor.fetchone()[0]


def day_of(row):
    return row % SPAN // DAY


def pk_of(row):
    return row % DAY
