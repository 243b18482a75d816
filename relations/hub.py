"""The publication's front pages: the home page, each partner country's page and About.

The home page says what the site is and who publishes it, and lists the partner
countries. A partner page tells the story of the relations with everything its country's
records hold (figures, the narrative, key documents, one chronology, the people, joint
bodies and offices), each part read newest first and cut to length, so the page costs the
same queries however long the record grows. About says what the site covers, where its
facts come from, how dates are shown and how to cite it.
"""

import datetime
import heapq
from itertools import islice

from django.db import connections
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as translation_language

from . import kinds, timeline
from .dates import Precision, format_date
from .models import (
    JOINT_BODY_KINDS,
    Agreement,
    AgreementAction,
    Event,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Role,
    Source,
    Visit,
)
from .views import DetailPageMixin

# How many of the latest dated records the partner page's chronology shows, and how
# many people it names: the page stays readable however large the record grows.
CHRONOLOGY_LENGTH = 30
PEOPLE_SHOWN = 30
# The visits whose dates give a person's roles beside their name on the partner page.
PEOPLE_VISITS_SHOWN = 5
# The side column's councils and offices: the first few, then a link to the whole list.
SIDE_LIST_LENGTH = 10


def partner_people(country):
    """People who visited or received visits, held an office or signed for the country.

    Three subqueries of person ids rather than joins with DISTINCT: a person with a
    thousand visits costs one row, not a thousand."""
    visits_made = Visit.objects.published().involving(country).values("person_id")
    roles = Role.objects.filter(country=country).values("person_id")
    # From the country's signatures to their agreements (the party index), not from every
    # published agreement (a scan of the table) to their signatures.
    published_agreement = Agreement.objects.published().filter(pk=OuterRef("agreement"))
    signatures = (
        AgreementAction.objects.filter(party=country)
        .filter(Exists(published_agreement))
        .values("signatory_id")
    )
    # Each person is named with the role held at their visits with the country (Demirel
    # came to Moscow in 1992 as head of government, years before he was President).
    partner_visits = Prefetch(
        "visits",
        queryset=Visit.objects.published()
        .involving(country)
        .order_by("date")[:PEOPLE_VISITS_SHOWN],
        to_attr="partner_visits",
    )
    return Person.objects.filter(
        Q(pk__in=visits_made) | Q(pk__in=roles) | Q(pk__in=signatures)
    ).prefetch_related("roles", partner_visits)[:PEOPLE_SHOWN]


def linked_to(model, field, country):
    """``model``'s entries linked to ``country`` through the many-to-many ``field``, as an
    EXISTS on the link table: the database may then walk the entries in their own order
    (newest first, on the list order's index) and stop at the first few, where a join
    reads all of the country's entries and sorts them."""
    through = model._meta.get_field(field).remote_field.through
    own = model._meta.model_name
    return Exists(through.objects.filter(**{own: OuterRef("pk"), "country": country}))


def linked_queryset(model, field, country, count, total):
    """``model``'s published entries linked to ``country`` (``count`` of them, ``total`` of
    the kind at most), filtered the way that reads fewer rows for its latest
    CHRONOLOGY_LENGTH.

    Walking the kind's date index reads about CHRONOLOGY_LENGTH × total / count entries,
    the join all ``count`` of the country's, then sorts them: the cheaper is chosen (a
    partner with 5,000 of 100,000 events: 600 rows against 5,000; a partner with 20:
    the join). Both give the same entries."""
    queryset = model.objects.published()
    if count * count > CHRONOLOGY_LENGTH * total:
        return queryset.filter(linked_to(model, field, country))
    return queryset.filter(**{field: country})


def latest_linked(model, field, country, count, total):
    """The CHRONOLOGY_LENGTH latest of ``linked_queryset`` read whole, with their related
    rows: the entries whose keys ``chronology_and_this_day`` finds."""
    queryset = linked_queryset(model, field, country, count, total).for_pages()
    return list(queryset[:CHRONOLOGY_LENGTH])


def keys(queryset, date_field, length=None):
    """(pk, date, title) of ``queryset``'s entries, newest first as the lists order them
    (the title in the page's language, as the ORM orders by it), the first ``length``."""
    title = build_localized_fieldname("title", translation_language())
    ordered = (
        queryset.rewrite(False)
        .order_by(f"-{date_field}", title, "pk")
        .values_list("pk", date_field, title)
    )
    return ordered if length is None else ordered[:length]


def union_of_keys(parts):
    """The rows of each (pk, date, title) queryset of ``parts``, tagged with its position,
    in one query: a UNION ALL of the narrow, indexed queries, ordered as each part is.

    Nine queries became one round trip: each kind's latest entries and its entries on
    this day, found without reading an entry whole (the entries shown are read after)."""
    selects, params, database = [], [], None
    for position, queryset in enumerate(parts):
        sql, sql_params = queryset.query.sql_with_params()
        selects.append(f"SELECT {position} AS part, * FROM ({sql}) part{position}")
        params += sql_params
        database = queryset.db
    # The parts' own order (date, title, id) said again: a UNION ALL keeps no order.
    query = " UNION ALL ".join(selects) + " ORDER BY 1, 3 DESC, 4, 2"
    with connections[database].cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    found = [[] for _part in parts]
    for position, pk, date, _title in rows:
        found[position].append((pk, date))
    return found


def shown_entries(keyed):
    """{kind slug: {pk: entry}}: the entries of ``keyed`` ({slug: pks}) read whole, their
    own rows only (what the chronology and "on this day" show: title, dates, choice,
    address; an agreement's status with whether later steps are recorded)."""
    querysets = {
        kinds.EVENTS.singular: Event.objects.published(),
        kinds.VISITS.singular: Visit.objects.published(),
        kinds.AGREEMENTS.singular: Agreement.objects.published().annotate(
            later_steps_recorded=Agreement.objects.later_steps()
        ),
    }
    return {slug: querysets[slug].in_bulk(pks) if pks else {} for slug, pks in keyed.items()}


def chronology_and_this_day(country, figures, last_ids, today):
    """(chronology, on this day): the partner's CHRONOLOGY_LENGTH latest entries of every
    kind as (date, label, entry), oldest first, and its entries of today's day and month
    in earlier years as timeline entries, in four queries.

    The keys of both come first (``union_of_keys``); only the 30 of the chronology, not
    each kind's latest 30, and the day's few are then read, one query a kind."""
    linked = {
        kinds.EVENTS: linked_queryset(
            Event, "countries", country, figures["events"], last_ids["event"]
        ),
        kinds.VISITS: Visit.objects.published().involving(country),
        kinds.AGREEMENTS: linked_queryset(
            Agreement, "parties", country, figures["agreements"], last_ids["agreement"]
        ),
    }
    # The day's dates come first (the date index), the country is then checked per
    # entry: a join would read all of the country's entries for a handful of days.
    day_querysets = timeline.same_day_in_earlier_years(
        Event.objects.published().filter(linked_to(Event, "countries", country)),
        Visit.objects.published().involving(country),
        Agreement.objects.published().filter(linked_to(Agreement, "parties", country)),
        today,
    )
    latest_parts, day_parts = [], []
    for kind, day_queryset in zip(timeline.KINDS, day_querysets, strict=True):
        date_field = kind.date_fields[0]
        latest_parts.append(keys(linked[kind], date_field, CHRONOLOGY_LENGTH))
        day_parts.append(keys(day_queryset, date_field))
    found = union_of_keys(latest_parts + day_parts)
    latest_keys, day_keys = found[: len(timeline.KINDS)], found[len(timeline.KINDS) :]
    # As timeline.latest merges the entries: newest first, each kind's in its list order,
    # an earlier kind first on the same date.
    streams = [
        [(date, kind, pk) for pk, date in rows]
        for kind, rows in zip(timeline.KINDS, latest_keys, strict=True)
    ]
    merged = heapq.merge(*streams, key=lambda key: key[0], reverse=True)
    latest = list(islice(merged, CHRONOLOGY_LENGTH))
    keyed = {kind.singular: set() for kind in timeline.KINDS}
    for _date, kind, pk in latest:
        keyed[kind.singular].add(pk)
    for kind, rows in zip(timeline.KINDS, day_keys, strict=True):
        keyed[kind.singular].update(pk for pk, _date in rows)
    items = shown_entries(keyed)
    chronology = [
        (date, kind.label, items[kind.singular][pk])
        for date, kind, pk in reversed(latest)
        if pk in items[kind.singular]  # unpublished between the two queries
    ]
    return chronology, timeline.on_this_day(day_entries(day_keys, items), today)


def day_entries(day_keys, items):
    """The day's entries as ``timeline.few`` orders them: by date, title, kind and id."""
    keyed = []
    for kind, rows in zip(timeline.KINDS, day_keys, strict=True):
        date_field, precision_field = kind.date_fields
        for pk, _date in rows:
            item = items[kind.singular].get(pk)
            if item is None:
                continue
            date = getattr(item, date_field)
            entry = timeline.Entry(kind.singular, item, date, getattr(item, precision_field))
            keyed.append(((date, str(item.title), kind.singular, pk), entry))
    keyed.sort(key=lambda pair: pair[0])
    return [entry for _key, entry in keyed]


def partner_context(page, today=None):
    """Everything a partner page shows, drawn from the records of its country, "on this
    day" for ``today`` (the site's date by default)."""
    country = page.country
    today = today or timezone.localdate()
    counted = scalars(
        counts={
            "agreements": Agreement.objects.published().filter(parties=country),
            "visits": Visit.objects.published().involving(country),
            "events": Event.objects.published().filter(countries=country),
        },
        firsts={
            "last_event": Event._base_manager.order_by("-pk").values("pk")[:1],
            "last_agreement": Agreement._base_manager.order_by("-pk").values("pk")[:1],
        },
    )
    figures = {name: counted[name] for name in ("agreements", "visits", "events")}
    last_ids = {
        "event": counted["last_event"] or 0,
        "agreement": counted["last_agreement"] or 0,
    }
    # One chronology of every kind: each entry shows once on the page (the key
    # documents above it aside), not again in lists of the latest of each kind.
    chronology, on_this_day = chronology_and_this_day(country, figures, last_ids, today)
    return {
        "page": page,
        "sections": page.sections.all(),
        "figures": figures,
        "chronology": chronology,
        "on_this_day": on_this_day,
        "people": partner_people(country),
        # The councils' own rows: the side column names no body's countries.
        **first_few(
            "joint_bodies",
            Organisation.objects.published().filter(countries=country, kind__in=JOINT_BODY_KINDS),
        ),
        **first_few("offices", Office.objects.published().for_pages().filter(country=country)),
    }


def scalars(counts, firsts):
    """In one query: the number of rows of each queryset in ``counts``, and the first value
    of each single-column queryset in ``firsts`` (None when it has no row), by name.

    The partner page's three figures and the two kinds' largest ids were five queries;
    as scalar subqueries of one SELECT they are one round trip and one cursor."""
    names, selects, params, database = [], [], [], None
    for name, queryset in counts.items():
        sql, sql_params = queryset.order_by().values("pk").query.sql_with_params()
        names.append(name)
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) counted)")
        params += sql_params
        database = queryset.db
    for name, queryset in firsts.items():
        sql, sql_params = queryset.query.sql_with_params()
        names.append(name)
        selects.append(f"({sql})")
        params += sql_params
        database = queryset.db
    with connections[database].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(selects)}", params)
        row = cursor.fetchone()
    return dict(zip(names, row, strict=True))


def first_few(name, queryset):
    """``name``: the first SIDE_LIST_LENGTH entries; ``name_more``: whether there are more."""
    entries = list(queryset[: SIDE_LIST_LENGTH + 1])
    return {name: entries[:SIDE_LIST_LENGTH], f"{name}_more": len(entries) > SIDE_LIST_LENGTH}


class PartnerDetailView(DetailPageMixin, DetailView):
    template_name = "relations/partner_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return self.entries(PartnerPage).select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return context | partner_context(self.object, timezone.localdate())


# How many of the latest dated entries, of every partner, the home page lists.
HOME_LATEST = 5


class HomeView(TemplateView):
    """What the site is and who publishes it, the partner countries and the latest entries.

    Not a copy of a partner page: no two addresses carry the same page."""

    template_name = "relations/home.html"
    query_parameters = ()
    surrogate_lists = ("partnerpage", "event", "visit", "agreement")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["partner_pages"] = list(PartnerPage.objects.published().select_related("country"))
        events, visits, agreements = (
            list(queryset[:HOME_LATEST]) for queryset in timeline.published()
        )
        context["latest"] = list(reversed(timeline.latest(events, visits, agreements, HOME_LATEST)))
        return context


def cited_sources():
    """Every source that a page visitors may see cites, in the order they were recorded.

    A draft's source stays out, as the draft does; people are not drafts (they are on the
    site once something published names them, and their sources with them)."""
    cited = Q(person_entries__isnull=False)
    for kind in kinds.ALL:
        model = kind.model
        if model is not Person and any(f.name == "sources" for f in model._meta.many_to_many):
            public = model.objects.published().values("pk")
            cited |= Q(**{f"{model._meta.model_name}_entries__in": public})
    return Source.objects.filter(pk__in=Source.objects.filter(cited).values("pk"))


# The dates "About" shows as examples of each precision, in the page's language.
DATE_EXAMPLES = (
    (datetime.date(1920, 6, 2), Precision.DAY, "1920-06-02"),
    (datetime.date(1992, 5, 1), Precision.MONTH, "1992-05"),
    (datetime.date(1993, 1, 1), Precision.YEAR, "1993"),
    (datetime.date(1930, 1, 1), Precision.DECADE, "1930"),
)


class AboutView(TemplateView):
    """About and sources: coverage, where the facts come from, dates, how to cite."""

    template_name = "relations/about.html"
    query_parameters = ()
    surrogate_lists = (
        *(kind.model._meta.model_name for kind in kinds.ALL),
        "source",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = list(PartnerPage.objects.published().select_related("country"))
        example = pages[0] if pages else None
        context |= {
            "partner_pages": pages,
            "sources": cited_sources(),
            "date_examples": [
                (format_date(value, precision), machine)
                for value, precision, machine in DATE_EXAMPLES
            ],
            "listed_kinds": [kinds.LISTED[name] for name in kinds.LISTED],
            "example": example,
            "example_permalink": self.request.build_absolute_uri(example.get_absolute_url())
            if example
            else "",
            "accessed": timezone.localdate(),
            "feed_url": reverse("relations:feed-atom"),
            "calendar_url": reverse("relations:calendar"),
            "api_url": reverse("api:index"),
            "breadcrumbs": [(_("Home"), reverse("relations:home"))],
            "breadcrumb_current": _("About and sources"),
        }
        return context
