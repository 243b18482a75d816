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
from django.utils.translation import gettext_lazy as _

from . import kinds
from .dates import Precision, format_date
from .models import Category, Country

# The kinds on the timeline, in the order of the querysets every function below takes.
KINDS = (kinds.EVENTS, kinds.VISITS, kinds.AGREEMENTS)
BY_SLUG = {kind.singular: kind for kind in KINDS}
# The choice shown beside each entry: what sort of event, agreement or visit it is.
DETAIL_METHODS = {
    kinds.EVENTS.singular: "get_category_display",
    kinds.AGREEMENTS.singular: "get_kind_display",
    kinds.VISITS.singular: "get_level_display",
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
        """The entry's category, kind of agreement or level of visit."""
        return getattr(self.item, DETAIL_METHODS[self.kind])()

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


def with_fields(events, visits, agreements):
    """(queryset, date column, precision column) for each kind, in KINDS order."""
    return [
        (queryset, *kind.date_fields)
        for queryset, kind in zip((events, visits, agreements), KINDS, strict=True)
    ]


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
        ordered = queryset.order_by(date_field, "title", "pk").values_list(
            date_field, "title", "pk"
        )
        if limit is not None:
            ordered = ordered[: skip + limit]
        keys.append(sort_keys(ordered, each))
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


def decades(events, visits, agreements):
    """Every decade from the earliest entry's to the latest one's.

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


def decade_label(decade):
    return format_date(datetime.date(decade, 1, 1), Precision.DECADE)


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
    return tuple(
        queryset.filter(**{f"{date_field}__in": days, precision_field: Precision.DAY})
        for queryset, date_field, precision_field in with_fields(events, visits, agreements)
    )


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
