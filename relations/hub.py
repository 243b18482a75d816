"""The publication's front pages: the home page, each partner country's page and About.

The home page says what the site is and who publishes it, and lists the partner
countries. A partner page tells the story of the relations with everything its country's
records hold (figures, the narrative, key documents, one chronology, the people, joint
bodies and offices), each part read newest first and cut to length, so the page costs the
same queries however long the record grows. About says what the site covers, where its
facts come from, how dates are shown and how to cite it.
"""

import datetime

from django.db import connections
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

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


def latest_linked(model, field, country, count, total):
    """The CHRONOLOGY_LENGTH latest published entries of ``model`` linked to ``country``
    (``count`` of them, ``total`` of the kind at most).

    Walking the kind's date index reads about CHRONOLOGY_LENGTH × total / count entries,
    the join all ``count`` of the country's, then sorts them: the cheaper is chosen (a
    partner with 5,000 of 100,000 events: 600 rows against 5,000; a partner with 20:
    the join). Both give the same entries."""
    queryset = model.objects.published().for_pages()
    if count * count > CHRONOLOGY_LENGTH * total:
        queryset = queryset.filter(linked_to(model, field, country))
    else:
        queryset = queryset.filter(**{field: country})
    return list(queryset[:CHRONOLOGY_LENGTH])


def partner_context(page):
    """Everything a partner page shows, drawn from the records of its country."""
    country = page.country
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
    # Newest first, read once for the chronology and the latest of each kind.
    recent_events = latest_linked(
        Event, "countries", country, figures["events"], counted["last_event"] or 0
    )
    recent_visits = list(
        Visit.objects.published().for_pages().involving(country)[:CHRONOLOGY_LENGTH]
    )
    recent_agreements = latest_linked(
        Agreement, "parties", country, figures["agreements"], counted["last_agreement"] or 0
    )
    return {
        "page": page,
        "sections": page.sections.all(),
        "figures": figures,
        # One chronology of every kind: each entry shows once on the page (the key
        # documents above it aside), not again in lists of the latest of each kind.
        "chronology": timeline.latest(
            recent_events, recent_visits, recent_agreements, CHRONOLOGY_LENGTH
        ),
        "people": partner_people(country),
        **first_few(
            "joint_bodies",
            Organisation.objects.published()
            .for_pages()
            .filter(countries=country, kind__in=JOINT_BODY_KINDS),
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
        today = timezone.localdate()
        country = self.object.country
        events, visits, agreements = timeline.published()
        # The day's dates come first (the date index), the country is then checked per
        # entry: a join would read all of the country's entries for a handful of days.
        querysets = (
            events.filter(linked_to(Event, "countries", country)),
            visits.involving(country),
            agreements.filter(linked_to(Agreement, "parties", country)),
        )
        entries = timeline.few(*timeline.same_day_in_earlier_years(*querysets, today))
        context["on_this_day"] = timeline.on_this_day(entries, today)
        return context | partner_context(self.object)


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
