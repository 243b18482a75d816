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
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramStrictWordSimilarity
from django.db import connection
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
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from . import search_index
from .models import (
    Agreement,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Visit,
)

MAX_QUERY_LENGTH = 200
PER_KIND = 25


@dataclass(frozen=True)
class Kind:
    # Its number in the SQLite index (search_index.rowid); never reuse one.
    number: int
    slug: str
    label: str
    plural: str
    model: type
    title: str
    # Fields searched besides the title, most telling first.
    fields: tuple
    # The date shown, and the column the most recent are found by.
    date: str | None = None
    order: str | None = None
    # More fields, and (accessor, fields) of related rows. PostgreSQL's stored vectors
    # (migration 0015) hold the title, fields and more; related rows have their own.
    more: tuple = ()
    related: tuple = ()

    def entries(self):
        manager = self.model.objects
        return manager.published() if hasattr(manager, "published") else manager.all()


KINDS = [
    Kind(
        1,
        "partner-pages",
        _("Partner page"),
        _("Partner pages"),
        PartnerPage,
        "title",
        ("summary",),
        related=(("sections", ("title", "body")),),
    ),
    Kind(
        2,
        "agreements",
        _("Agreement"),
        _("Agreements"),
        Agreement,
        "title",
        ("summary", "place"),
        "when",
        "signed_on",
    ),
    Kind(
        3,
        "events",
        _("Event"),
        _("Events"),
        Event,
        "title",
        ("summary", "body", "place"),
        "when",
        "date",
    ),
    Kind(
        4,
        "visits",
        _("Visit"),
        _("Visits"),
        Visit,
        "title",
        ("summary", "role", "place"),
        "when",
        "date",
    ),
    Kind(
        5,
        "recurring-events",
        _("Recurring event"),
        _("Recurring events"),
        EventSeries,
        "name",
        ("acronym", "description", "place"),
    ),
    Kind(
        6,
        "organisations",
        _("Organisation"),
        _("Organisations"),
        Organisation,
        "name",
        ("acronym", "description"),
        more=("members_note", "founding_note"),
    ),
    Kind(7, "offices", _("Office"), _("Offices"), Office, "name", ("city", "address", "summary")),
    Kind(
        8,
        "people",
        _("Person"),
        _("People"),
        Person,
        "name",
        ("summary",),
        related=(("roles", ("title",)),),
    ),
]
BY_SLUG = {kind.slug: kind for kind in KINDS}


@dataclass
class Result:
    kind: Kind
    item: object
    rank: float
    words: list

    @property
    def title(self):
        return highlight(getattr(self.item, self.kind.title), self.words)

    @property
    def date(self):
        return getattr(self.item, self.kind.date) if self.kind.date else ""

    @property
    def excerpt(self):
        """The first field that mentions a word, cut around the first mention."""
        wanted = wanted_forms(self.words)
        for field in self.kind.fields + self.kind.more:
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


def ranked_sqlite(queryset, kind, text, year=None):
    """Entries whose index row holds every word; every word in the title first, then the
    most recent, then by title. Both tests are FTS5 lookups the index answers. For kinds
    with few entries, and for one year of a dated kind (a small slice of it)."""
    title = localized(kind.model, kind.title)
    if search_index.expression(text) is None:
        return queryset.none()
    # An entry touching a year starts before its end: only those rows are read.
    until = datetime.date(year, 12, 31).toordinal() if year and kind.order else None
    in_title = ExpressionWrapper(
        Q(pk__in=RawSQL(*search_index.matching(kind, text, "title", until))),
        output_field=BooleanField(),
    )
    order = [f"-{kind.order}"] if kind.order else []
    return (
        queryset.filter(pk__in=RawSQL(*search_index.matching(kind, text, until=until)))
        .annotate(in_title=in_title)
        .annotate(rank=ExpressionWrapper(F("in_title") * 1.0, output_field=FloatField()))
        .order_by("-in_title", *order, title)
    )


# Rows read past a window, so that the entries of its last day are all known (and put in
# title order) without a second query, unless more than this many share that day.
TIES = 20
FEW = 1000


class IndexedMatches:
    """The published entries of a kind matching a text, on SQLite, in the order of
    ``ranked_sqlite`` (every word in the title first, then the most recent, then by title),
    read from the index: its rows of a kind run in date order (search_index), so the count
    and the order of 100,000 entries are walks along the index's word lists, and only the
    entries shown are read (an undated kind, in title order, is read as ``ranked_sqlite``).
    A slice is what Django's Paginator takes; ``count_up_to`` is what CappedPaginator
    counts with."""

    ordered = True

    def __init__(self, queryset, kind, text, timed=None):
        self.queryset, self.kind, self.timed = queryset, kind, timed
        anywhere = search_index.expression(text, "{title body}")
        in_title = search_index.expression(text, "title")
        self.anywhere = search_index.published(anywhere)
        self.parts = (
            (1.0, search_index.published(in_title)),
            (0.0, search_index.published(f"({anywhere}) NOT ({in_title})")),
        )
        self.title = localized(kind.model, kind.title)
        self.text = text

    @cached_property
    def hidden(self):
        """Rows of entries published with a "publish at" or "unpublish at" that the clock
        keeps from visitors now (the index cannot know; there are few)."""
        if self.timed is None:
            self.timed = search_index.timed_rows()
        timed = self.timed.get(self.kind.number, [])
        if not timed:
            return []
        shown = set(
            self.queryset.filter(pk__in=[search_index.pk_of(row) for row in timed]).values_list(
                "pk", flat=True
            )
        )
        return [row for row in timed if search_index.pk_of(row) not in shown]

    def count_up_to(self, limit):
        number = search_index.count(self.kind, self.anywhere, limit, self.hidden)
        if limit is None or number < limit or number > FEW:
            self.total = number  # exact, or enough to know there are more than FEW
        return number

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
        if not self.kind.order:  # a kind of a few thousand entries at most, put in title order
            return list(ranked_sqlite(self.queryset, self.kind, self.text)[key])
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
        if self.few:
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
        day, title = getattr(item, self.kind.order), getattr(item, self.title)
        return (-(day.toordinal() if day else 0), title is not None, title or "")


# A word this long that is not found may be a misspelling: near spellings in the title
# are then offered (trigram similarity), when the kind has no exact match.
TYPO_LENGTH = 5


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
        query = "relations_word_query(%s, %s, %s)"
        tests, params = [], []
        title = quote(localized(model, self.kind.title))
        for position, word in enumerate(self.words):
            forms = [word, position == len(self.words) - 1 and len(word) >= 4, self.weights]
            near = self.near and len(word) >= TYPO_LENGTH
            if self.kind.related and not self.weights:
                # The entries holding the word, the entries whose related rows hold it (and
                # the near spellings): one list, each part read through its own index, where
                # "the entry's vector or a subquery" would read every entry's vector.
                own = f"SELECT holds_own.{quote(model._meta.pk.column)}"
                own += f" FROM {quote(model._meta.db_table)} AS holds_own WHERE holds_own"
                parts, values = [f"{own}.search @@ {query}"], list(forms)
                for accessor, _fields in self.kind.related:
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
    title = localized(kind.model, kind.title)
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
    order = [F(kind.order).desc(nulls_last=True)] if kind.order else []
    return queryset.filter(matching).annotate(rank=rank).order_by("-rank", *order, title)


def side_table(kind):
    """The narrow table beside a dated kind's entries (migration 0016), or None."""
    return f"{kind.model._meta.db_table}_search" if kind.order else None


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

    def __init__(self, queryset, kind, text):
        self.queryset, self.kind, self.text = queryset, kind, text
        self.table = side_table(kind)
        self.title = localized(kind.model, kind.title)
        self.words = words_of(text)
        self.now = timezone.now()
        self.near = None  # ranked_postgres, when nothing holds every word
        self.total = self.rows = self.limit = None
        self.exact = False

    def words_query(self):
        """One tsquery: every word in one of its forms (see Holds)."""
        last = len(self.words) - 1
        sql = " && ".join(["relations_word_query(%s, %s, '')"] * len(self.words))
        params = [
            value
            for position, word in enumerate(self.words)
            for value in (word, position == last and len(word) >= 4)
        ]
        return f"({sql})", params

    def where(self, part, dense=False):
        """The test of ``part`` ("all", "title" or "rest"), and whether it is shown now. A
        dense part is tested row by row (``ts_match_vq`` is ``@@``, which the word index
        would answer instead of the date index)."""
        query, params = self.words_query()
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
        return " AND ".join([*tests[0], visible]), [*tests[1], self.now, self.now]

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
        number = self.number("all", limit) if self.words else 0
        # Exact, or a lower bound (the count stopped at ``limit``).
        self.total, self.exact, self.limit = number, limit is None or number < limit, limit
        if number == 0 and any(len(word) >= TYPO_LENGTH for word in self.words):
            self.near = ranked_postgres(self.queryset, self.kind, self.text)
            return count(self.near, limit)
        return number

    def count(self):
        return self.count_up_to(None)

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        if self.rows is None:
            self.count_up_to(10_001)
        if self.near is not None:
            return list(self.near[key])
        start, stop = key.start or 0, key.stop
        total = self.total
        if total == 0 or start >= stop:
            return []
        # A part is dense when reading its newest rows costs less than sorting it all:
        # stop / density < size, so past this many matches (1,582 for a first page of
        # 25 at 100,000 rows).
        enough = max(stop, math.isqrt(stop * self.rows)) + 1
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


def matches(kind, text, year=None, timed=None):
    """Published entries of ``kind`` matching ``text`` (in ``year``), best first. On SQLite,
    ``timed`` is ``search_index.timed_rows()`` if the caller has it already."""
    text = " ".join(words_of(text))
    queryset = kind.entries()
    if year is not None:
        queryset = queryset.in_year(year) if dated(kind) else queryset.none()
    if connection.vendor != "postgresql":
        if year is None and search_index.expression(text) is not None:
            return IndexedMatches(queryset, kind, text, timed)
        return ranked_sqlite(queryset, kind, text, year)
    if year is None and side_table(kind) and words_of(text):
        return PostgresMatches(queryset, kind, text)
    return ranked_postgres(queryset, kind, text)


def searched(kinds, year):
    return [kind for kind in kinds if dated(kind)] if year is not None else kinds


def search(text, kinds=KINDS, year=None):
    """The best PER_KIND entries of every kind matching ``text``, best first."""
    if not words_of(text):
        return []
    timed = search_index.timed_rows() if search_index.active() and year is None else None
    found = [(kind, matches(kind, text, year, timed)) for kind in searched(kinds, year)]
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


def count(entries, limit=None):
    """How many ``matches()`` there are, counted up to ``limit`` if given."""
    if isinstance(entries, IndexedMatches | PostgresMatches):
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
    found, timed = [], search_index.timed_rows() if search_index.active() and year is None else None
    for kind in searched(kinds, year):
        entries = matches(kind, text, year, timed)
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
        for accessor, _fields in kind.related:
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
