"""One chronology of events, visits and agreements.

Each kind comes from its own queryset, ordered by the database on (date, title);
``heapq.merge`` interleaves the three sorted streams without sorting in Python,
so the page costs the same three queries however many entries there are. A date
is stored as the first day of its period, so "1930s" sorts at the start of its
decade without special cases.
"""

import heapq
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .dates import Precision, format_date


class Kind:
    EVENT = "event"
    VISIT = "visit"
    AGREEMENT = "agreement"
    CHOICES = [(EVENT, _("Events")), (VISIT, _("Visits")), (AGREEMENT, _("Agreements"))]
    LABELS = {EVENT: _("Event"), VISIT: _("Visit"), AGREEMENT: _("Agreement")}


DETAIL_METHODS = {
    Kind.EVENT: "get_category_display",
    Kind.AGREEMENT: "get_kind_display",
    Kind.VISIT: "get_level_display",
}


@dataclass
class Entry:
    kind: str
    item: object
    date: object
    precision: str

    @property
    def kind_label(self):
        return Kind.LABELS[self.kind]

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


def entries(queryset, kind, date_field, precision_field):
    for item in queryset:
        yield Entry(kind, item, getattr(item, date_field), getattr(item, precision_field))


def chronology(events, visits, agreements, kind=None):
    """Entries of one kind or all, oldest first, from querysets of published entries."""
    kinds = [kind] if kind else [Kind.EVENT, Kind.VISIT, Kind.AGREEMENT]
    streams = []
    if Kind.EVENT in kinds:
        streams.append(
            entries(events.order_by("date", "title"), Kind.EVENT, "date", "date_precision")
        )
    if Kind.VISIT in kinds:
        streams.append(
            entries(visits.order_by("date", "title"), Kind.VISIT, "date", "date_precision")
        )
    if Kind.AGREEMENT in kinds:
        streams.append(
            entries(
                agreements.order_by("signed_on", "title"),
                Kind.AGREEMENT,
                "signed_on",
                "signed_precision",
            )
        )
    return list(heapq.merge(*streams, key=lambda entry: (entry.date, str(entry.item.title))))


def filter_by(events, visits, agreements, category=None, country=None):
    """The three querysets narrowed the same way; visits have no category, so none match one."""
    if category:
        events = events.filter(category=category)
        agreements = agreements.filter(sphere=category)
        visits = visits.none()
    if country:
        events = events.filter(countries=country)
        agreements = agreements.filter(parties=country)
        visits = visits.filter(Q(origin_country=country) | Q(host_country=country))
    return events, visits, agreements


def by_decade(chronology_entries):
    """[(decade, label, [(period, [entries])])] for headings and jump links."""
    decades = []
    for decade, in_decade in groupby(chronology_entries, key=lambda entry: entry.decade):
        periods = [
            (period, list(group)) for period, group in groupby(in_decade, lambda e: e.period)
        ]
        label = format_date(periods[0][1][0].date.replace(year=decade), Precision.DECADE)
        decades.append((decade, label, periods))
    return decades


def on_this_day(chronology_entries, today):
    """Entries known to the day that happened on today's day and month in an earlier year."""
    return [
        entry
        for entry in chronology_entries
        if entry.precision == Precision.DAY
        and (entry.date.month, entry.date.day) == (today.month, today.day)
        and entry.date.year < today.year
    ]
