"""The partner hub: the home page and each partner country's page.

Both show one partner page with everything its country's records hold (figures, key
documents, a chronology, the latest of each kind, the people, joint bodies and offices),
each part read newest first and cut to length, so the page costs the same queries however
long the record grows.
"""

import heapq

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from . import kinds, timeline
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


def chronology(recent_events, recent_visits, recent_agreements):
    """The latest dated records of a country, oldest first: (date, label, entry) triples.

    Each kind comes from the database newest first and already cut to length, so
    merging them reads a fixed number of rows however long the record grows.
    """
    merged = heapq.merge(
        ((event.date, kinds.EVENTS.label, event) for event in recent_events),
        ((visit.date, kinds.VISITS.label, visit) for visit in recent_visits),
        (
            (agreement.signed_on, kinds.AGREEMENTS.label, agreement)
            for agreement in recent_agreements
        ),
        key=lambda item: item[0],
        reverse=True,
    )
    return list(reversed(list(merged)[:CHRONOLOGY_LENGTH]))


def partner_people(country):
    """People who visited or received visits, held an office or signed for the country.

    Three subqueries of person ids rather than joins with DISTINCT: a person with a
    thousand visits costs one row, not a thousand."""
    visits_made = Visit.objects.published().involving(country).values("person_id")
    roles = Role.objects.filter(country=country).values("person_id")
    signatures = AgreementAction.objects.filter(
        party=country, agreement__in=Agreement.objects.published()
    ).values("signatory_id")
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


def partner_context(page):
    """Everything a partner page shows, drawn from the records of its country."""
    country = page.country
    # Newest first, read once for the chronology and the latest of each kind.
    recent_events = list(
        Event.objects.published().for_pages().filter(countries=country)[:CHRONOLOGY_LENGTH]
    )
    recent_visits = list(
        Visit.objects.published().for_pages().involving(country)[:CHRONOLOGY_LENGTH]
    )
    recent_agreements = list(
        Agreement.objects.published().for_pages().filter(parties=country)[:CHRONOLOGY_LENGTH]
    )
    return {
        "page": page,
        "sections": page.sections.all(),
        "figures": {
            "agreements": Agreement.objects.published().filter(parties=country).count(),
            "visits": Visit.objects.published().involving(country).count(),
            "events": Event.objects.published().filter(countries=country).count(),
        },
        "key_agreements": Agreement.objects.published()
        .for_pages()
        .filter(parties=country, is_key=True)
        .order_by("signed_on"),
        "latest_agreements": recent_agreements[:10],
        "chronology": chronology(recent_events, recent_visits, recent_agreements),
        "people": partner_people(country),
        "latest_events": recent_events[:6],
        "latest_visits": recent_visits[:6],
        **first_few(
            "joint_bodies",
            Organisation.objects.published()
            .for_pages()
            .filter(countries=country, kind__in=JOINT_BODY_KINDS),
        ),
        **first_few("offices", Office.objects.published().for_pages().filter(country=country)),
    }


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
        querysets = timeline.filter_by(*timeline.published(), country=country)
        entries = timeline.chronology(*timeline.same_day_in_earlier_years(*querysets, today))
        context["on_this_day"] = timeline.on_this_day(entries, today)
        return context | partner_context(self.object)


class HomeView(TemplateView):
    """The featured partner page in full, and every partner page as a link."""

    template_name = "relations/home.html"
    query_parameters = ()
    surrogate_lists = ("partnerpage",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = list(PartnerPage.objects.published().select_related("country"))
        context["partner_pages"] = pages
        if pages:
            context |= partner_context(pages[0])
        return context
