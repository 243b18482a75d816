"""Site-wide search over every kind of entry and the partner pages.

Every word must be found in any of its forms (folded, stemmed in English, Russian and
Turkish), in any language; entries with every word in the title come first, then the most
recent, then by title. On SQLite the FTS5 index of ``search_index`` answers; counts and
pages are read from the index (``IndexedMatches``), so neither reads more entries than it
shows. On PostgreSQL the stored vectors of migration 0015 (pgsearch), which fold and stem
the same way, and when a kind has no match, trigram similarity on titles so a typo still
finds the entry.
"""

import datetime
import heapq
import math
import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramStrictWordSimilarity
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from . import search_index
from .dates import Precision
from .kinds import ALL, EntryKind

MAX_QUERY_LENGTH = 200
PER_KIND = 25
# A search's counts are read up to this many (and one more: "more than 1,000"), and its
# pages reach this far. Counting a common word's 20,000 events up to 10,001, the lists'
# cap, read 3,600 pages of PostgreSQL's side table (10–20 ms); up to 1,001, 360 (1–2 ms).
COUNT_LIMIT = 1000


@contextmanager
def indexed():
    """On PostgreSQL, the queries inside are planned without sequential scans: the
    planner takes a prefix match (``forum:*``) of a GIN index over a small vocabulary for a
    scan of the whole index, and reads the 20,000 visits instead (20 ms; 0.1 ms through the
    index). A plan without them is costed past ``jit_above_cost`` (a disabled node counts
    10¹⁰), and compiling it took 500 ms: JIT is off too. In a transaction of its own (the
    settings are local to it); nothing elsewhere."""
    if connection.vendor != "postgresql":
        yield
        return
    nested = connection.in_atomic_block
    with transaction.atomic(savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), current_setting('jit'),"
                " set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)"
            )
            before = cursor.fetchone()[:2]
        yield
        # Inside a transaction already, the settings would outlive this block, to its end
        # (after an error there is nothing to restore: the transaction is rolled back).
        if nested:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('enable_seqscan', %s, true), set_config('jit', %s, true)",
                    before,
                )


# The registry's kinds (relations/kinds.py), in the order of their numbers in the index.
KINDS = sorted((kind for kind in ALL if kind.search), key=lambda kind: kind.search.number)
BY_NAME = {kind.name: kind for kind in KINDS}


def entries(kind):
    """The entries of ``kind`` search may show (people are not drafts: all of them)."""
    manager = kind.model.objects
    return manager.published() if hasattr(manager, "published") else manager.all()


@dataclass
class Result:
    kind: EntryKind
    item: object
    rank: float
    words: list

    @property
    def title(self):
        return highlight(getattr(self.item, self.kind.search.title), self.words)

    @property
    def date(self):
        return getattr(self.item, self.kind.search.date) if self.kind.search.date else ""

    @property
    def excerpt(self):
        """The first field that mentions a word, cut around the first mention."""
        wanted = wanted_forms(self.words)
        for field in self.kind.search.fields + self.kind.search.more:
            text = getattr(self.item, field) or ""
            match = next(
                (m for m in search_index.WORD.finditer(text) if is_wanted(m.group(0), wanted)),
                None,
            )
            if match:
                start = text.rfind(" ", 0, max(0, match.start() - 80)) + 1
                prefix = "… " if start else ""
                return highlight(prefix + Truncator(text[start:]).words(40), self.words)
        return ""


def localized(model, field, language=None):
    """``title`` → ``title_ru`` under Russian, for fields that have translations."""
    if field in translator.get_options_for_model(model).all_fields:
        return build_localized_fieldname(field, language or get_language() or "en")
    return field


def words_of(text):
    return [word for word in re.findall(r"\w+", text[:MAX_QUERY_LENGTH]) if len(word) > 1][:10]


def wanted_forms(words):
    """Every form of the query's words, and the last word's start (see search_index)."""
    forms = set()
    for word in words:
        forms |= search_index.forms(word)
    prefix = search_index.fold(words[-1]) if words and len(words[-1]) >= 4 else None
    return forms, prefix


def is_wanted(word, wanted):
    forms, prefix = wanted
    return bool(search_index.forms(word) & forms) or bool(
        prefix and search_index.fold(word).startswith(prefix)
    )


def highlight(text, words):
    """Each whole word of ``text`` that the query finds, marked; the rest escaped. Words
    hold no markup characters, so a mark never cuts an entity or a word in two."""
    text, wanted, parts, last = text or "", wanted_forms(words), [], 0
    for match in search_index.WORD.finditer(text):
        parts.append(escape(text[last : match.start()]))
        word = match.group(0)
        parts.append(f"<mark>{word}</mark>" if is_wanted(word, wanted) else word)
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def ranked_sqlite(queryset, kind, text, year=None, near=None):
    """Entries whose index row holds every word; every word in the title first, then the
    most recent, then by title. Both tests are FTS5 lookups the index answers. For kinds
    with few entries (``near``: see search_index.expression). With ``year``, over a
    queryset ``in_year()``: the plain query that IndexedMatches answers the same."""
    title = localized(kind.model, kind.search.title)
    if search_index.expression(text) is None:
        return queryset.none()
    # An entry touching a year starts before its end: only those rows are read.
    until = datetime.date(year, 12, 31).toordinal() if year and kind.search.order else None
    in_title = ExpressionWrapper(
        Q(pk__in=RawSQL(*search_index.matching(kind, text, "title", until, near))),
        output_field=BooleanField(),
    )
    order = [f"-{kind.search.order}"] if kind.search.order else []
    return (
        queryset.filter(pk__in=RawSQL(*search_index.matching(kind, text, until=until, near=near)))
        .annotate(in_title=in_title)
        .annotate(rank=ExpressionWrapper(F("in_title") * 1.0, output_field=FloatField()))
        .order_by("-in_title", *order, title)
    )


# Rows read past a window, so that the entries of its last day are all known (and put in
# title order) without a second query, unless more than this many share that day.
TIES = 20
FEW = 1000


# The rank of an entry found by a near spelling of a word (below every exact match).
NEAR_RANK = -0.5


class Corrections:
    """SQLite: the near spellings of a text's words that no title holds, {word: [folded
    title words]} (search_index.near_words); worked out once, when a kind first has no
    exact match, and shared by the kinds."""

    def __init__(self, text):
        self.text = text

    @cached_property
    def near(self):
        long = [w for w in words_of(self.text) if len(w) >= TYPO_LENGTH and not w.isdigit()]
        if not long or not search_index.active():
            return {}
        known = search_index.known_words(search_index.fold(word) for word in long)
        found = {}
        for word in long:
            if search_index.fold(word) not in known:
                spellings = search_index.near_words(word)
                if spellings:
                    found[word] = spellings
        return found


def raw(queryset, *fields):
    """The ``fields`` of the rows of ``queryset``, unordered, without the ORM's conversions
    (a decade's first day may hold hundreds of entries). Without modeltranslation's
    rewriting, which selects the fields in the order of a set (its values_list puts them
    back in order; a cursor does not)."""
    if hasattr(queryset, "rewrite"):
        queryset = queryset.rewrite(False)
    sql, params = queryset.order_by().values_list(*fields).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class Year:
    """The rows of a dated kind's entries that touch a year, as ``in_year()`` finds them
    (models.YearQuerySet): those that start in it are one rowid range of the index (its
    rows are in date order); the few others (a decade's first day at decade precision, a
    span that started before the year) are read from the entries by their own indexes."""

    def __init__(self, kind, year):
        start, start_precision, end, end_precision = kind.model.date_fields
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        decade = datetime.date(year - year % 10, 1, 1)
        self.days = (first.toordinal(), last.toordinal())
        before = {f"{start}__lt": first}
        manager, base = kind.model._default_manager, kind.search.number * search_index.SPAN
        # One query each, so that each is served by its index (an OR of them is a scan).
        decades = manager.filter(**{start: decade, start_precision: Precision.DECADE}, **before)
        day = base + decade.toordinal() * search_index.DAY
        self.others = {day + pk for (pk,) in raw(decades, "pk")}
        if end is not None:
            for lookups in (
                {f"{end}__gte": first},
                {end: decade, end_precision: Precision.DECADE},
            ):
                # Few rows (spans across the year's start): read through the ORM.
                spans = manager.filter(**lookups, **before).order_by().values_list("pk", start)
                self.others |= {base + day.toordinal() * search_index.DAY + pk for pk, day in spans}
        self.kind = kind

    def rows(self, query, leaving_out=()):
        """The rowids of the year's entries matching the FTS5 ``query``, newest first: the
        year's range, and the others, by a lookup each or, where many share a day (a
        decade's first), the rows of that day."""
        found = search_index.row_ids(
            self.kind, query, leaving_out=leaving_out, newest=False, days=self.days
        )
        by_day = {}
        for row in self.others:
            by_day.setdefault(search_index.day_of(row), set()).add(row)
        single = []
        for day, rows in by_day.items():
            if len(rows) > 10:
                found += [
                    row
                    for row in search_index.row_ids(self.kind, query, day=day, newest=False)
                    if row in rows
                ]
            else:
                single += rows
        found += search_index.matching_rows(query, single)
        leaving_out = set(leaving_out)
        return sorted({row for row in found if row not in leaving_out}, reverse=True)


class IndexedMatches:
    """The published entries of a kind matching a text, on SQLite, in the order of
    ``ranked_sqlite`` (every word in the title first, then the most recent, then by title),
    read from the index: its rows of a kind run in date order (search_index), so the count
    and the order of 100,000 entries are walks along the index's word lists, and only the
    entries shown are read (an undated kind, in title order, is read as ``ranked_sqlite``).
    With a ``year``, the rows of that year (``Year``), all read. When no entry holds every
    word, those whose title holds a near spelling of each word no title holds are found
    instead (``Corrections``), ranked NEAR_RANK. A slice is what Django's Paginator takes;
    ``count_up_to`` is what CappedPaginator counts with."""

    ordered = True

    def __init__(self, queryset, kind, text, timed=None, year=None, corrections=None):
        self.queryset, self.kind, self.timed = queryset, kind, timed
        self.title = localized(kind.model, kind.search.title)
        self.text = text
        self.year = Year(kind, year) if year is not None else None
        self.corrections = corrections or Corrections(text)
        self.near, self.settled, self.found = None, False, {}
        self.aim()

    def aim(self):
        """The FTS5 queries: all entries, and the two parts in order (title, the rest)."""
        anywhere = search_index.expression(self.text, "{title body}", self.near)
        in_title = search_index.expression(self.text, "title", self.near)
        title_rank, other_rank = (NEAR_RANK, NEAR_RANK) if self.near else (1.0, 0.0)
        self.anywhere = search_index.published(anywhere)
        self.parts = (
            (title_rank, search_index.published(in_title)),
            (other_rank, search_index.published(f"({anywhere}) NOT ({in_title})")),
        )

    def year_rows(self, query):
        if query not in self.found:
            self.found[query] = self.year.rows(query, self.hidden)
        return self.found[query]

    @cached_property
    def hidden(self):
        """Rows of entries published with a "publish at" or "unpublish at" that the clock
        keeps from visitors now (the index cannot know; there are few)."""
        if self.timed is None:
            self.timed = search_index.timed_rows()
        timed = self.timed.get(self.kind.search.number, [])
        if not timed:
            return []
        shown = set(
            self.queryset.filter(pk__in=[search_index.pk_of(row) for row in timed]).values_list(
                "pk", flat=True
            )
        )
        return [row for row in timed if search_index.pk_of(row) not in shown]

    def count_up_to(self, limit):
        number = self.counted(limit)
        if not self.settled:
            self.settled = True
            if number == 0 and self.corrections.near:
                self.near = self.corrections.near
                self.aim()
                number = self.counted(limit)
        if limit is None or number < limit or number > FEW:
            self.total = number  # exact, or enough to know there are more than FEW
        return number

    def counted(self, limit):
        if self.year is not None:
            return min(len(self.year_rows(self.anywhere)), limit or FEW * FEW)
        return search_index.count(self.kind, self.anywhere, limit, self.hidden)

    @property
    def few(self):
        """At most FEW matches: then each part's rows are all read, oldest first (FTS5
        reads a long word list backwards slowly, and a query of several words may hold
        one: "in")."""
        if not hasattr(self, "total"):
            self.count_up_to(FEW + 1)
        return getattr(self, "total", FEW + 1) <= FEW

    def count(self):
        return self.count_up_to(None)

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        if not self.settled:
            self.count_up_to(FEW + 1)
        if (
            not self.kind.search.order
        ):  # a kind of a few thousand entries at most, put in title order
            items = list(ranked_sqlite(self.queryset, self.kind, self.text, near=self.near)[key])
            for item in items:
                item.rank = NEAR_RANK if self.near else item.rank
            return items
        start, stop, items = key.start or 0, key.stop, []
        for rank, query in self.parts:
            if stop <= 0:
                break
            found, total = self.window(query, start, stop)
            for item in found:
                item.rank = item.in_title = rank
            items += found
            start, stop = max(0, start - total), stop - total
        return items

    def window(self, query, start, stop):
        """Entries ``start`` to ``stop`` of the rows ``query`` finds, and how many rows it
        finds up to ``stop``. Rows come newest first; entries of one day are put in title
        order, so the rows of the days at either end of the window are all read."""
        if self.year is not None:
            rows = list(self.year_rows(query))
        elif self.few:
            rows = search_index.row_ids(self.kind, query, leaving_out=self.hidden, newest=False)
            rows.reverse()
        else:
            rows = search_index.row_ids(self.kind, query, stop + TIES, leaving_out=self.hidden)
        total = min(len(rows), stop)
        if start >= total:
            return [], total
        last = rows[-1]
        if len(rows) == stop + TIES and search_index.day_of(last) == search_index.day_of(
            rows[stop - 1]
        ):
            day = search_index.day_of(last)
            rows += [
                row
                for row in search_index.row_ids(self.kind, query, day=day, leaving_out=self.hidden)
                if row < last
            ]
        first_day = search_index.day_of(rows[start])
        last_day = search_index.day_of(rows[min(stop, total) - 1])
        before = sum(1 for row in rows if search_index.day_of(row) > first_day)
        window = [
            search_index.pk_of(row)
            for row in rows
            if last_day <= search_index.day_of(row) <= first_day
        ]
        entries = sorted(self.queryset.filter(pk__in=window), key=self.position)
        skip = start - before
        return entries[skip : skip + stop - start], total

    def position(self, item):
        day, title = getattr(item, self.kind.search.order), getattr(item, self.title)
        return (-(day.toordinal() if day else 0), title is not None, title or "")


# A word this long that is not found may be a misspelling: near spellings in the title
# are then offered (trigram similarity), when the kind has no exact match.
TYPO_LENGTH = 5


# (word, prefix, weights): the text of its tsquery, as relations_word_query() makes it.
WORD_QUERIES = {}


def word_queries(words, weights, connection=connection):
    """The tsquery of each word of ``words`` (the last one of four letters or more also as
    a prefix), as text, for ``%s::tsquery``. Asked of the database once per word (one
    query for all the words not asked yet): relations_word_query() is IMMUTABLE, and
    PostgreSQL ran it while planning every query that named it, about 1 ms a query
    (17 ms of planning for the 16 queries of a search of five words; 0.3 ms once)."""
    keys = [
        (word, position == len(words) - 1 and len(word) >= 4, weights)
        for position, word in enumerate(words)
    ]
    wanted = [key for key in dict.fromkeys(keys) if key not in WORD_QUERIES]
    # Both weights at once: the search asks for every word and for every word in the title.
    wanted = list(
        dict.fromkeys(
            (word, prefix, other) for word, prefix, _weights in wanted for other in ("", "A")
        )
    )
    if wanted:
        if len(WORD_QUERIES) > 10_000:
            WORD_QUERIES.clear()
        select = ", ".join(["relations_word_query(%s, %s, %s)::text"] * len(wanted))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {select}", [value for key in wanted for value in key])
            WORD_QUERIES.update(zip(wanted, cursor.fetchone(), strict=True))
    return [WORD_QUERIES[key] for key in keys]


class Holds(Expression):
    """PostgreSQL: true when the entry holds every word of ``text`` in one of its forms,
    in its stored vector (migration 0015: every language, folded and stemmed as on SQLite)
    or a row of its related lists (a page's sections, a person's roles); the last word of
    four letters or more also as the start of a longer word. ``weights="A"``: every word in
    the title. ``near``: a word of TYPO_LENGTH letters or more may instead be a near
    spelling of a word of the title in the page's language (``%>>``: strict word
    similarity, whole words of the title, at least pg_trgm's default 0.5).

    The SQL names the table by the alias of the query it is compiled in, so it holds in a
    subquery of the same table too."""

    output_field = BooleanField()

    def __init__(self, kind, text, weights="", near=False):
        super().__init__()
        self.kind, self.words, self.weights, self.near = kind, words_of(text), weights, near

    def as_sql(self, compiler, connection):
        quote, model = compiler.quote_name_unless_alias, self.kind.model
        table = quote(compiler.query.get_initial_alias())
        pk = f"{table}.{quote(model._meta.pk.column)}"
        query = "%s::tsquery"
        tests, params = [], []
        title = quote(localized(model, self.kind.search.title))
        queries = word_queries(self.words, self.weights, connection)
        for word, word_query in zip(self.words, queries, strict=True):
            forms = [word_query]
            near = self.near and len(word) >= TYPO_LENGTH
            if self.kind.search.related and not self.weights:
                # The entries holding the word, the entries whose related rows hold it (and
                # the near spellings): one list, each part read through its own index, where
                # "the entry's vector or a subquery" would read every entry's vector.
                own = f"SELECT holds_own.{quote(model._meta.pk.column)}"
                own += f" FROM {quote(model._meta.db_table)} AS holds_own WHERE holds_own"
                parts, values = [f"{own}.search @@ {query}"], list(forms)
                for accessor, _fields in self.kind.search.related:
                    relation = model._meta.get_field(accessor)
                    related = quote(relation.related_model._meta.db_table)
                    key = f"{related}.{quote(relation.field.column)}"
                    parts.append(f"SELECT {key} FROM {related} WHERE {related}.search @@ {query}")
                    values += forms
                if near:
                    parts.append(f"{own}.{title} %%>> %s")
                    values.append(word)
                tests.append(f"{pk} IN ({' UNION ALL '.join(parts)})")
                params += values
                continue
            either, values = [f"{table}.search @@ {query}"], list(forms)
            if near:
                either.append(f"{table}.{title} %%>> %s")
                values.append(word)
            tests.append("(" + " OR ".join(either) + ")")
            params += values
        return " AND ".join(tests) or "FALSE", params


def ranked_postgres(queryset, kind, text):
    """Entries holding every word; every word in the title first, then the most recent,
    then by title, as on SQLite. Each test is a lookup the GIN index on the stored vector
    answers. When no entry of the kind holds every word and a word has TYPO_LENGTH
    letters or more, entries whose title nearly spells the words they lack are found
    instead (the trigram index answers it), the nearest first."""
    words = words_of(text)
    if not words:
        return queryset.none()
    title = localized(kind.model, kind.search.title)
    exact, in_title = Holds(kind, text), Holds(kind, text, weights="A")
    rank = Case(When(in_title, then=Value(1.0)), default=Value(0.0), output_field=FloatField())
    matching = exact
    if any(len(word) >= TYPO_LENGTH for word in words):
        found = Exists(queryset.filter(Holds(kind, text)))
        matching = exact | (Holds(kind, text, near=True) & ~found)
        rank = Case(
            When(in_title, then=Value(1.0)),
            When(found, then=Value(0.0)),
            default=TrigramStrictWordSimilarity(text, title) - 1.0,
            output_field=FloatField(),
        )
    order = [F(kind.search.order).desc(nulls_last=True)] if kind.search.order else []
    # Then by key, as PostgresMatches (entries of one day without a title in the page's
    # language came in whatever order the plan gave).
    return queryset.filter(matching).annotate(rank=rank).order_by("-rank", *order, title, "pk")


def side_table(kind):
    """The narrow table beside a dated kind's entries (migration 0016), or None."""
    return f"{kind.model._meta.db_table}_search" if kind.search.order else None


class PostgresMatches:
    """The published entries of a dated kind matching a text, on PostgreSQL, in the order of
    ``ranked_postgres`` (every word in the title first, then the most recent, then by
    title), read from the kind's side table (migration 0016): a count is a bitmap scan of
    its word index, and each part of the order (title matches, then the others) is read
    either as the first rows of its date index that hold every word, when the part is
    dense (a common word: few rows read for a page), or from the word index and sorted,
    when it is sparse (few rows to sort); only the entries shown are read. When no entry
    holds every word, the near spellings of ``ranked_postgres`` answer. A slice is what
    Django's Paginator takes; ``count_up_to`` is what CappedPaginator counts with."""

    ordered = True

    def __init__(self, queryset, kind, text, year=None):
        self.queryset, self.kind, self.text = queryset, kind, text
        self.year = year
        self.around = self.others(year) if year is not None else None
        self.table = side_table(kind)
        self.title = localized(kind.model, kind.search.title)
        self.words = words_of(text)
        self.now = timezone.now()
        self.near = None  # ranked_postgres, when nothing holds every word
        self.total = self.rows = self.limit = None
        self.exact = False

    def others(self, year):
        """The entries that touch ``year`` without starting in it, as ``in_year()`` finds
        them (a decade's first day at decade precision, a span that started before the
        year): few, each branch one query its index serves (as SQLite's ``Year``)."""
        start, start_precision, end, end_precision = self.kind.model.date_fields
        first = datetime.date(year, 1, 1)
        decade = datetime.date(year - year % 10, 1, 1)
        manager, before = self.kind.model._default_manager, {f"{start}__lt": first}
        branches = [{start: decade, start_precision: Precision.DECADE}]
        if end is not None:
            branches += [{f"{end}__gte": first}, {end: decade, end_precision: Precision.DECADE}]
        return sorted(
            {pk for lookups in branches for (pk,) in raw(manager.filter(**lookups, **before), "pk")}
        )

    def words_query(self):
        """One tsquery: every word in one of its forms (see Holds)."""
        queries = word_queries(self.words, "")
        return "(" + " && ".join(["%s::tsquery"] * len(queries)) + ")", queries

    def where(self, part, dense=False):
        """The test of ``part`` ("all", "title" or "rest"), and whether it is shown now. A
        dense part is tested row by row (``ts_match_vq`` is ``@@``, which the word index
        would answer instead of the date index)."""
        query, params = self.words_query()
        # A year's rows (about 1,300 of 100,000 events) are read through the date index and
        # tested, not found among a common word's 20,000 in the word index.
        dense = dense or self.year is not None
        test = (
            (lambda vector: f"ts_match_vq({vector}, {query})")
            if dense
            else (lambda vector: f"{vector} @@ {query}")
        )
        tests = {
            "all": ([test("search")], params),
            "title": ([test("title")], params),
            "rest": ([test("search"), f"NOT {test('title')}"], params + params),
        }[part]
        visible = (
            "published AND (publish_at IS NULL OR publish_at <= %s)"
            " AND (unpublish_at IS NULL OR unpublish_at > %s)"
        )
        sql, params = " AND ".join([*tests[0], visible]), [*tests[1], self.now, self.now]
        if self.year is not None:  # in_year(): the year's days (the date index), the others
            sql += " AND (day BETWEEN %s AND %s OR id = ANY(%s))"
            first, last = datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
            params += [first, last, self.around]
        return sql, params

    def number(self, part, limit):
        where, params = self.where(part)
        bounded = " LIMIT %s" if limit is not None else ""
        sql = (
            f"SELECT (SELECT count(*) FROM (SELECT 1 FROM {self.table} WHERE {where}{bounded})"
            " AS found), (SELECT reltuples FROM pg_class WHERE oid = %s::regclass)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *([limit] if limit is not None else []), self.table])
            number, rows = cursor.fetchone()
        self.rows = int(max(rows or 0, number, 1))
        return number

    def count_up_to(self, limit):
        if self.near is not None:
            return count(self.near, limit)
        if self.rows is not None and (self.exact or limit == self.limit):
            # Counted already (the search page counts, then its paginator): the same answer.
            return self.total if limit is None else min(self.total, limit)
        if self.year is not None:
            number = len(self.in_year)
            self.rows, limit = max(number, 1), None
        else:
            number = self.number("all", limit) if self.words else 0
        # Exact, or a lower bound (the count stopped at ``limit``).
        self.total, self.exact, self.limit = number, limit is None or number < limit, limit
        if number == 0 and any(len(word) >= TYPO_LENGTH for word in self.words):
            queryset = self.queryset if self.year is None else self.queryset.in_year(self.year)
            self.near = ranked_postgres(queryset, self.kind, self.text)
            return count(self.near, limit)
        return number

    def count(self):
        return self.count_up_to(None)

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        if self.rows is None:
            self.count_up_to(COUNT_LIMIT + 1)
        if self.near is not None:
            return list(self.near[key])
        start, stop = key.start or 0, key.stop
        total = self.total
        if total == 0 or start >= stop:
            return []
        if self.year is not None:
            return self.read(self.in_year[start:stop])
        # A part is dense when reading its newest rows costs less than sorting it all:
        # stop / density < size, so past this many matches (1,582 for a first page of
        # 25 at 100,000 rows).
        # Past COUNT_LIMIT (pages reach no further) the part is taken as dense: it fills the
        # page, and its newest rows hold the title words at least once in a hundred.
        enough = max(stop, min(math.isqrt(stop * self.rows), COUNT_LIMIT)) + 1
        in_title = self.number("title", enough)
        ids = []
        if start < min(in_title, stop):
            ids += [
                (pk, 1.0)
                for pk in self.part("title", start, min(in_title, stop), in_title >= enough)
            ]
        if in_title < stop and total > in_title:
            rest, first, last = total - in_title, max(0, start - in_title), stop - in_title
            if first < last and (first < rest or not self.exact):
                dense = rest * rest > last * self.rows
                ids += [(pk, 0.0) for pk in self.part("rest", first, last, dense)]
        return self.read(ids)

    @cached_property
    def in_year(self):
        """[(primary key, rank)] of every match in the year, in order: one query (about
        1,300 rows of the date index at 100,000 events, and the few others), where the two
        counts and a part's page read them three times."""
        where, params = self.where("all")
        query, words = self.words_query()
        sql = (
            f"SELECT id, ts_match_vq(title, {query}) AS in_title FROM {self.table}"
            f" WHERE {where} ORDER BY in_title DESC, day DESC NULLS LAST, {self.title}, id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*words, *params])
            return [(pk, 1.0 if in_title else 0.0) for pk, in_title in cursor.fetchall()]

    def read(self, ids):
        """The entries of [(primary key, rank)], in that order, ranked."""
        entries = self.queryset.in_bulk([pk for pk, _rank in ids])
        found = []
        for pk, rank in ids:
            if pk in entries:
                entries[pk].rank = entries[pk].in_title = rank
                found.append(entries[pk])
        return found

    def part(self, part, start, stop, dense):
        """Primary keys of entries ``start`` to ``stop`` of ``part``, in order."""
        where, params = self.where(part, dense)
        order = f"day DESC NULLS LAST, {self.title}, id"
        select = f"SELECT id, day, {self.title} FROM {self.table} WHERE {where}"
        if dense:  # the date index, in order, until enough rows hold every word
            sql = f"{select} ORDER BY {order} LIMIT %s OFFSET %s"
        else:  # the word index; the rows found are sorted
            sql = (
                f"WITH found AS MATERIALIZED ({select})"
                f" SELECT id FROM found ORDER BY {order} LIMIT %s OFFSET %s"
            )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, stop - start, start])
            return [row[0] for row in cursor.fetchall()]


def dated(kind):
    return hasattr(kind.model, "date_fields")


def matches(kind, text, year=None, timed=None, corrections=None):
    """Published entries of ``kind`` matching ``text`` (in ``year``), best first. On SQLite,
    ``timed`` is ``search_index.timed_rows()`` and ``corrections`` a ``Corrections`` of
    the text if the caller has them already."""
    text = " ".join(words_of(text))
    queryset = entries(kind)
    if year is not None and not dated(kind):
        return queryset.none()
    if connection.vendor != "postgresql":
        if search_index.expression(text) is None:
            return queryset.none()
        return IndexedMatches(queryset, kind, text, timed, year, corrections)
    if side_table(kind) and words_of(text):
        return PostgresMatches(queryset, kind, text, year)
    if year is not None:
        queryset = queryset.in_year(year)
    return ranked_postgres(queryset, kind, text)


def searched(kinds, year):
    return [kind for kind in kinds if dated(kind)] if year is not None else kinds


def search(text, kinds=KINDS, year=None):
    """The best PER_KIND entries of every kind matching ``text``, best first."""
    if not words_of(text):
        return []
    timed = search_index.timed_rows() if search_index.active() else None
    corrections = Corrections(" ".join(words_of(text)))
    found = [
        (kind, matches(kind, text, year, timed, corrections)) for kind in searched(kinds, year)
    ]
    return best(text, found)


def best(text, found):
    """The best PER_KIND of each kind's ``matches()`` in ``found`` [(kind, matches)]."""
    words = words_of(text)
    results = [
        [Result(kind, item, item.rank, words) for item in entries[:PER_KIND]]
        for kind, entries in found
    ]
    # Each list comes ranked from the database; merging keeps that order.
    return list(heapq.merge(*results, key=lambda result: -result.rank))


def suggestion(text, results):
    """ "Did you mean …": when every result is only near what was typed (rank below 0, on
    either database), the text with each word of TYPO_LENGTH letters or more that the best
    result's title does not hold replaced by the title's word nearest to it (trigram
    similarity, as pg_trgm has it, at least search_index.SIMILARITY), spelled as the title
    spells it (in lower case if the reader typed the word so). None otherwise."""
    if not results or any(result.rank >= 0 for result in results):
        return None
    top = results[0]
    title = [
        word
        for value in search_index.names(top.kind, top.item)
        for word in search_index.WORD.findall(value or "")
    ]

    typed = words_of(text)

    def corrected(match):
        word = match.group(0)
        # The last word may be the start of a longer one (as the search has it).
        wanted = (
            wanted_forms([word])
            if typed and word == typed[-1]
            else (search_index.forms(word), None)
        )
        if len(word) < TYPO_LENGTH or any(is_wanted(other, wanted) for other in title):
            return word
        folded = search_index.fold(word)
        # The first of the nearest, in the order of the title (then the other names).
        score, nearest = max(
            ((search_index.similarity(folded, search_index.fold(o)), o) for o in title),
            default=(0, None),
            key=lambda pair: pair[0],
        )
        if score < search_index.SIMILARITY:
            return word
        return nearest if word != word.lower() else nearest.replace("İ", "i").lower()

    text = " ".join(text.split())
    suggested = re.sub(r"\w+", corrected, text)
    return suggested if suggested != text else None


def count(entries, limit=None):
    """How many ``matches()`` there are, counted up to ``limit`` if given."""
    if hasattr(entries, "count_up_to"):  # read from an index: IndexedMatches, PostgresMatches
        return entries.count_up_to(limit)
    entries = entries.order_by()
    if connection.vendor == "postgresql":
        entries = entries.values("pk")  # without the rank, which costs a test per entry
    return (entries[:limit] if limit else entries).count()


def counted(text, kinds=KINDS, year=None, limit=None):
    """[(kind, number of matching entries, the matches)] for the kinds with any; counted
    up to ``limit`` + 1 (a number above ``limit`` means "more than")."""
    if not words_of(text):
        return []
    found, timed = [], search_index.timed_rows() if search_index.active() else None
    corrections = Corrections(" ".join(words_of(text)))
    for kind in searched(kinds, year):
        entries = matches(kind, text, year, timed, corrections)
        number = count(entries, limit + 1 if limit else None)
        if number:
            found.append((kind, number, entries))
    return found


def counts(text, kinds=KINDS, year=None, limit=None):
    """[(kind, number of matching entries)] for the kinds with any (see ``counted``)."""
    return [(kind, number) for kind, number, _entries in counted(text, kinds, year, limit)]


BY_MODEL = {kind.model: kind for kind in KINDS}


def parents():
    """{related model: (kind, name of its key to the entry)}: a section belongs to a page."""
    found = {}
    for kind in KINDS:
        for accessor, _fields in kind.search.related:
            relation = kind.model._meta.get_field(accessor)
            found[relation.related_model] = (kind, relation.field.name)
    return found


PARENTS = parents()


def reindex(sender, instance, **kwargs):
    """Receiver of post_save and post_delete: the SQLite index follows every write."""
    if not search_index.active():
        return
    if sender in BY_MODEL:
        kind = BY_MODEL[sender]
        if kwargs.get("signal") is post_delete:
            search_index.delete(kind, instance.pk)
        else:
            search_index.write(kind, [instance])
    elif sender in PARENTS:
        kind, key = PARENTS[sender]
        parent = kind.model._default_manager.filter(pk=getattr(instance, f"{key}_id")).first()
        if parent is not None:
            search_index.write(kind, [parent])


def rebuild_index():
    return search_index.rebuild(KINDS)
