"""One chronology of events, visits and agreements.

Each kind's dates, titles and ids come from its own queryset, ordered by the database on
(date, title) and cut to the rows a page needs; ``heapq.merge`` interleaves the three sorted
streams without sorting in Python, and only the entries a page shows are then read in full,
so a page costs the same queries however many entries there are. A
date is stored as the first day of its period, so "1930s" sorts at the start of
its decade without special cases.
"""

import datetime
import heapq
from dataclasses import dataclass
from itertools import groupby, islice

from django import forms
from django.db import connections
from django.db.models import BooleanField, Expression, F
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import NONE
from modeltranslation.utils import build_localized_fieldname, fallbacks_enabled, resolution_order

from . import kinds
from .dates import Precision, decade_label, format_date
from .models import Category, Country

# The kinds on the timeline, in the order of the querysets every function below takes.
KINDS = (kinds.EVENTS, kinds.VISITS, kinds.AGREEMENTS)
BY_SLUG = {kind.singular: kind for kind in KINDS}
# The choice shown beside each entry: what sort of event, agreement or visit it is.
DETAIL_FIELDS = {
    kinds.EVENTS.singular: "category",
    kinds.AGREEMENTS.singular: "kind",
    kinds.VISITS.singular: "level",
}


@dataclass
class Entry:
    kind: str
    item: object
    date: object
    precision: str

    @property
    def kind_label(self):
        return BY_SLUG[self.kind].label

    @property
    def detail(self):
        """The entry's category, kind of agreement or level of visit, as get_FOO_display()."""
        return getattr(self.item, f"get_{DETAIL_FIELDS[self.kind]}_display")()

    @property
    def decade(self):
        return self.date.year - self.date.year % 10

    @property
    def period(self):
        """The heading an entry sits under: its year, or its decade when that is all we know."""
        if self.precision == Precision.DECADE:
            return format_date(self.date, Precision.DECADE)
        return str(self.date.year)


# Entries per page of /timeline/, and how deep pages go before a decade is the way on.
PAGE_SIZE = 100
MAX_PAGES = 10


def published():
    """Each kind's published entries, as the timeline shows them, in KINDS order."""
    return tuple(kind.published() for kind in KINDS)


def rows_only():
    """Each kind's published entries without their related rows, in KINDS order: what the
    timeline's entries show (title, dates, category or kind, address) is the entry's own
    row. (``published()`` also reads each event's place and series, each visit's person
    with their roles, each agreement's parties and later steps: two more queries and three
    times the objects a page, for the home and partner pages' status and roles.)"""
    return tuple(kind.model.objects.published() for kind in KINDS)


def with_fields(events, visits, agreements):
    """(queryset, date column, precision column) for each kind, in KINDS order."""
    return [
        (queryset, *kind.date_fields)
        for queryset, kind in zip((events, visits, agreements), KINDS, strict=True)
    ]


def translated_keys(queryset, date_field):
    """(date, title, pk) rows of ``queryset``, the title in the current language with
    modeltranslation's fallback, as ``values_list(date_field, "title", "pk")`` gives them.

    modeltranslation's values_list resolves the fallback on a stand-in instance for every
    row, through its field descriptor, looking the language up again each time: for the
    1,001 rows a kind gives the timeline's deepest page, most of the page's time. Here the
    languages are looked up once and the localized columns read as plain values."""
    model = queryset.model
    descriptor = model.title
    field = descriptor.field
    languages = resolution_order(get_language(), descriptor.fallback_languages)
    columns = [build_localized_fieldname("title", language) for language in languages]
    default = field.get_default()
    undefined = default if descriptor.fallback_undefined is NONE else descriptor.fallback_undefined
    missing = (
        descriptor.fallback_value
        if fallbacks_enabled() and descriptor.fallback_value is not NONE
        else default
    )
    rows = queryset.rewrite(False).values_list(date_field, *columns, "pk")
    for date, *titles, pk in rows:
        title = next(
            (value for value in titles if value is not None and value != undefined), missing
        )
        yield date, title, pk


def sort_keys(rows, kind):
    for date, title, pk in rows:
        yield date, str(title), kind, pk


def chronology(events, visits, agreements, kind=None, limit=None, skip=0):
    """Entries of one kind or all, oldest first, from querysets of published entries: the
    ``limit`` entries after the first ``skip`` when given.

    The order is found on the dates, titles and ids alone, reading no more than
    ``skip + limit`` of them from each kind; only the entries shown are then read in full,
    so a deep page costs little more than the first.
    """
    keys, querysets = [], {}
    for each, (queryset, date_field, precision_field) in zip(
        BY_SLUG, with_fields(events, visits, agreements), strict=True
    ):
        if kind and each != kind:
            continue
        querysets[each] = (queryset, date_field, precision_field)
        ordered = queryset.order_by(date_field, "title", "pk")
        if limit is not None:
            ordered = ordered[: skip + limit]
        keys.append(sort_keys(translated_keys(ordered, date_field), each))
    end = None if limit is None else skip + limit
    shown = list(islice(heapq.merge(*keys), skip, end))
    items = {}
    for each, (queryset, _date_field, _precision_field) in querysets.items():
        pks = [pk for _date, _title, key_kind, pk in shown if key_kind == each]
        items[each] = queryset.in_bulk(pks) if pks else {}
    chronological = []
    for _date, _title, each, pk in shown:
        _queryset, date_field, precision_field = querysets[each]
        item = items[each][pk]
        chronological.append(
            Entry(each, item, getattr(item, date_field), getattr(item, precision_field))
        )
    return chronological


def few(events, visits, agreements):
    """Every entry of the three querysets, oldest first, in the order ``chronology`` gives:
    for querysets known to hold few entries (a day's in every year), read whole at once,
    one query a kind, rather than their keys first and then the entries shown."""
    keyed = []
    for each, (queryset, date_field, precision_field) in zip(
        BY_SLUG, with_fields(events, visits, agreements), strict=True
    ):
        for item in queryset.order_by(date_field, "title", "pk"):
            date = getattr(item, date_field)
            entry = Entry(each, item, date, getattr(item, precision_field))
            keyed.append(((date, str(item.title), each, item.pk), entry))
    keyed.sort(key=lambda pair: pair[0])
    return [entry for _key, entry in keyed]


def latest(events, visits, agreements, length):
    """The ``length`` latest of entries already read newest first and cut to length (the
    partner page's chronology), oldest first: (date, label, entry) triples.

    Merging lists read from the database reads a fixed number of rows however long the
    record grows; the whole chronology above is read by keys instead, page by page.
    """
    streams = [
        labelled(kind, entries)
        for kind, entries in zip(KINDS, (events, visits, agreements), strict=True)
    ]
    merged = heapq.merge(*streams, key=lambda item: item[0], reverse=True)
    return list(reversed(list(islice(merged, length))))


def labelled(kind, entries):
    date_field = kind.date_fields[0]
    for entry in entries:
        yield getattr(entry, date_field), kind.label, entry


def decades(events, visits, agreements):
    """Every decade from the earliest entry's to the latest one's: the candidates that
    ``filled_decades`` narrows to those holding an entry.

    The first and the last dates of each kind, read from the date indexes. Five rows, not
    one: for LIMIT 1 SQLite's planner prefers reading every row to walking an index, and
    MIN with MAX in one query reads every row on it too."""
    years = []
    for queryset, date_field, _precision in with_fields(events, visits, agreements):
        dates = queryset.values_list(date_field, flat=True)
        for order in (date_field, f"-{date_field}"):
            years += [bound.year for bound in dates.order_by(order)[:5]]
    if not years:
        return []
    return list(range(min(years) // 10 * 10, max(years) // 10 * 10 + 1, 10))


# Decades per query of filled_decades: each is one SELECT of a UNION ALL, and SQLite allows
# 500 of them in one statement.
DECADES_PER_QUERY = 100


def filled_decades(candidates, *groups):
    """For each group of (events, visits, agreements) querysets, the ``candidates`` that at
    least one of the three holds an entry in, so that no decade offered is empty.

    One query for up to DECADES_PER_QUERY decades, whatever the number of entries: a row
    per decade, a flag per group, each an EXISTS that seeks the date index once per kind.
    Each kind's EXISTS is compiled once (``decade_test``) and given each decade's bounds."""
    found = [[] for _group in groups]
    tests, database = [], None
    for querysets in groups:
        kinds_tests = []
        for queryset, date_field, _precision in with_fields(*querysets):
            if queryset.query.is_empty():  # .none(): a kind the filters leave out
                continue
            kinds_tests.append(decade_test(queryset, date_field))
            database = queryset.db
        tests.append(kinds_tests)
    if database is None:
        return found
    for first in range(0, len(candidates), DECADES_PER_QUERY):
        chunk = candidates[first : first + DECADES_PER_QUERY]
        selects, params = [], []
        for decade in chunk:
            start, end = datetime.date(decade, 1, 1), datetime.date(decade + 10, 1, 1)
            flags = []
            for kinds_tests in tests:
                conditions = []
                for sql, bind in kinds_tests:
                    conditions.append(sql)
                    params += bind(start, end)
                test = " OR ".join(conditions) or "1 = 0"
                flags.append(f"CASE WHEN {test} THEN 1 ELSE 0 END")
            selects.append(f"SELECT {int(decade)}, {', '.join(flags)}")
        with connections[database].cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            rows = cursor.fetchall()
        for decade, *flags in rows:
            for index, flag in enumerate(flags):
                if flag:
                    found[index].append(decade)
    return [sorted(decades) for decades in found]


# Two pairs of bounds that no other parameter of a timeline queryset equals: compiling a
# query with each shows which of its parameters are the bounds.
_PROBES = (
    (datetime.date(1, 1, 2), datetime.date(1, 1, 3)),
    (datetime.date(1, 1, 4), datetime.date(1, 1, 5)),
)


def decade_test(queryset, date_field):
    """("EXISTS (...)", bind): ``queryset`` narrowed to ``start <= date < end``, compiled
    once, and ``bind(start, end)`` giving its parameters for any bounds.

    Compiling a queryset through the ORM costs about as much as running it here; the
    decade menu needs one per decade and kind, so the SQL is built once and only the two
    bounds change (found by compiling with two sets of made-up bounds and comparing)."""
    compiled = []
    for start, end in _PROBES:
        inside = queryset.filter(**{f"{date_field}__gte": start, f"{date_field}__lt": end})
        compiled.append(inside.order_by().values("pk").query.sql_with_params())
    (sql, first), (second_sql, second) = compiled
    if sql != second_sql or len(first) != len(second):
        raise AssertionError("the bounds changed the query's SQL")  # never: ORM invariant
    connection = connections[queryset.db]
    adapted = {
        connection.ops.adapt_datefield_value(_PROBES[0][0]): 0,
        connection.ops.adapt_datefield_value(_PROBES[0][1]): 1,
    }
    slots = []
    for position, (one, other) in enumerate(zip(first, second, strict=True)):
        if one != other:
            slots.append((position, adapted[one]))
    if sorted(bound for _position, bound in slots) != [0, 1]:
        raise AssertionError("the bounds were not found among the parameters")

    def bind(start, end):
        params = list(first)
        bounds = (
            connection.ops.adapt_datefield_value(start),
            connection.ops.adapt_datefield_value(end),
        )
        for position, bound in slots:
            params[position] = bounds[bound]
        return params

    return f"EXISTS ({sql})", bind


def in_decade(events, visits, agreements, decade):
    """The three querysets narrowed to the ten years from ``decade``."""
    start, end = datetime.date(decade, 1, 1), datetime.date(decade + 10, 1, 1)
    return tuple(
        queryset.filter(**{f"{date_field}__gte": start, f"{date_field}__lt": end})
        for queryset, date_field, _precision in with_fields(events, visits, agreements)
    )


def filter_by(events, visits, agreements, category=None, country=None):
    """The three querysets narrowed the same way; visits have no category, so none match one."""
    if category:
        events = events.filter(category=category)
        agreements = agreements.filter(sphere=category)
        visits = visits.none()
    if country:
        events = events.filter(countries=country)
        agreements = agreements.filter(parties=country)
        visits = visits.involving(country)
    return events, visits, agreements


def by_decade(chronology_entries):
    """[(decade, label, [(period, [entries])])] for headings and jump links."""
    grouped = []
    for decade, decade_entries in groupby(chronology_entries, key=lambda entry: entry.decade):
        periods = [
            (period, list(group))
            for period, group in groupby(decade_entries, key=lambda entry: entry.period)
        ]
        grouped.append((decade, decade_label(decade), periods))
    return grouped


def on_this_day(chronology_entries, today):
    """Entries known to the day that happened on today's day and month in an earlier year."""
    return [
        entry
        for entry in chronology_entries
        if entry.precision == Precision.DAY
        and (entry.date.month, entry.date.day) == (today.month, today.day)
        and entry.date.year < today.year
    ]


# The earliest year "on this day" looks back to.
FIRST_YEAR = 1700


def same_day_in_earlier_years(events, visits, agreements, today):
    """The querysets narrowed to today's day and month in earlier years: a list of dates
    the date indexes answer directly, where extracting month and day would read every row."""
    days = []
    for year in range(FIRST_YEAR, today.year):
        try:
            days.append(today.replace(year=year))
        except ValueError:  # 29 February in a common year
            continue
    days = tuple(days)
    return tuple(
        queryset.filter(OnDays(date_field, days), **{precision_field: Precision.DAY})
        for queryset, date_field, precision_field in with_fields(events, visits, agreements)
    )


class OnDays(Expression):
    """``column IN (days)``, as ``column__in=days`` writes it, for a few hundred dates.

    The ORM resolves, prepares and adapts each value of an ``__in`` list one by one,
    through several layers, when the queryset is built and again when it is compiled:
    for the 326 days of "on this day", three kinds, about 3 ms of a partner page of 20.
    Here the dates are adapted once, as the database backend adapts a date."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, column, days):
        super().__init__()
        self.column = F(column)
        self.days = days

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        if not self.days:
            return "1 = 0", ()
        sql, params = compiler.compile(self.column)
        values = [connection.ops.adapt_datefield_value(day) for day in self.days]
        placeholders = ", ".join(["%s"] * len(values))
        return f"{sql} IN ({placeholders})", (*params, *values)


class TimelineForm(forms.Form):
    """The chronology mixes three kinds, so it filters with a plain form, not a FilterSet."""

    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any category")), *Category.choices]
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        required=False,
        to_field_name="slug",
        queryset=Country.objects.all(),
        empty_label=_("Any country"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of entry"),
        required=False,
        choices=[("", _("All kinds")), *((kind.singular, kind.plural_label) for kind in KINDS)],
    )
    decade = forms.TypedChoiceField(label=_("Decade"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, decades=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decade"].choices = [
            ("", _("All decades")),
            *((decade, decade_label(decade)) for decade in decades),
        ]
