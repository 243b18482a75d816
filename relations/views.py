"""Visitor pages: thin class-based views over the models' published querysets."""

from math import ceil

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils.functional import cached_property
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import filters
from .models import (
    Agreement,
    Event,
    EventSeries,
    Office,
    Organisation,
    OrganisationKind,
    PartnerPage,
    Person,
    Visit,
)


def published(model):
    return model.objects.published()


# Querysets with the related rows each page shows, fetched in a fixed number of queries.


def events():
    return published(Event).select_related("place_country", "series")


def agreements():
    return published(Agreement).select_related("place_country").prefetch_related("parties")


def visits():
    return published(Visit).select_related("person", "origin_country", "host_country")


def offices():
    return published(Office).select_related("organisation", "country")


def organisations():
    return published(Organisation).prefetch_related("countries")


class CappedPaginator(Paginator):
    """Counts and pages through the first MAX_RESULTS results only.

    Counting 100,000 entries, or skipping to the 5,000th page, costs in proportion to the
    whole table; capped, a list page costs the same whatever the size of the data. Older
    entries are a filter or a "sort: oldest first" away.
    """

    MAX_RESULTS = 10_000

    @cached_property
    def count(self):
        return self.object_list.order_by()[: self.MAX_RESULTS + 1].count()

    @property
    def is_capped(self):
        return self.count > self.MAX_RESULTS

    @cached_property
    def num_pages(self):
        return ceil(min(self.count, self.MAX_RESULTS) / self.per_page) or 1


class FilteredListView(FilterView):
    """A list with django-filter's form, a result count and pagination that keeps filters."""

    paginate_by = 20
    paginator_class = CappedPaginator
    strict = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context["paginator"]
        context["result_count"] = (
            min(paginator.count, paginator.MAX_RESULTS)
            if paginator
            else len(context["object_list"])
        )
        context["result_count_capped"] = paginator.is_capped if paginator else False
        context["is_filtered"] = any(
            value for key, value in self.request.GET.items() if key != "page"
        )
        return context


class EventListView(FilteredListView):
    filterset_class = filters.EventFilter
    template_name = "relations/event_list.html"

    def get_queryset(self):
        return events()


class AgreementListView(FilteredListView):
    filterset_class = filters.AgreementFilter
    template_name = "relations/agreement_list.html"

    def get_queryset(self):
        return agreements()


class VisitListView(FilteredListView):
    filterset_class = filters.VisitFilter
    template_name = "relations/visit_list.html"

    def get_queryset(self):
        return visits()


class OfficeListView(FilteredListView):
    filterset_class = filters.OfficeFilter
    template_name = "relations/office_list.html"

    def get_queryset(self):
        return offices().prefetch_related(Prefetch("represents", queryset=published(Organisation)))


class OrganisationListView(FilteredListView):
    filterset_class = filters.OrganisationFilter
    template_name = "relations/organisation_list.html"

    def get_queryset(self):
        return organisations().select_related("parent")


class EventDetailView(DetailView):
    template_name = "relations/event_detail.html"

    def get_queryset(self):
        return events().prefetch_related(
            "countries", Prefetch("organisations", queryset=published(Organisation))
        )


class AgreementDetailView(DetailView):
    template_name = "relations/agreement_detail.html"

    def get_queryset(self):
        return agreements().select_related("visit", "visit__person")


class VisitDetailView(DetailView):
    template_name = "relations/visit_detail.html"

    def get_queryset(self):
        return visits().prefetch_related(
            Prefetch("agreements", queryset=agreements(), to_attr="public_agreements")
        )


class OfficeDetailView(DetailView):
    template_name = "relations/office_detail.html"

    def get_queryset(self):
        return offices().prefetch_related(Prefetch("represents", queryset=published(Organisation)))


class OrganisationDetailView(DetailView):
    template_name = "relations/organisation_detail.html"

    def get_queryset(self):
        return organisations().prefetch_related(
            Prefetch("children", queryset=published(Organisation), to_attr="public_children"),
            Prefetch("offices", queryset=offices(), to_attr="public_offices"),
            Prefetch("represented_by", queryset=offices(), to_attr="public_represented_by"),
            Prefetch("events", queryset=events(), to_attr="public_events"),
            Prefetch("event_series", queryset=published(EventSeries), to_attr="public_series"),
        )


class PersonDetailView(DetailView):
    model = Person
    template_name = "relations/person_detail.html"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch("visits", queryset=visits(), to_attr="public_visits")
        )


class SeriesDetailView(DetailView):
    template_name = "relations/series_detail.html"

    def get_queryset(self):
        return (
            published(EventSeries)
            .select_related("country")
            .prefetch_related(
                Prefetch("participants", queryset=published(Organisation)),
                Prefetch("editions", queryset=events().order_by("date"), to_attr="public_editions"),
            )
        )


def partner_context(page):
    """Everything a partner page shows, drawn from the records of its country."""
    country = page.country
    return {
        "page": page,
        "sections": page.sections.all(),
        "figures": {
            "agreements": published(Agreement).filter(parties=country).count(),
            "visits": published(Visit)
            .filter(Q(origin_country=country) | Q(host_country=country))
            .count(),
            "events": published(Event).filter(countries=country).count(),
        },
        "key_agreements": agreements().filter(parties=country, is_key=True).order_by("signed_on"),
        "latest_events": events().filter(countries=country)[:6],
        "latest_visits": visits().filter(Q(origin_country=country) | Q(host_country=country))[:6],
        "joint_bodies": organisations().filter(
            countries=country, kind__in=[OrganisationKind.COUNCIL, OrganisationKind.COMMISSION]
        ),
        "offices": offices().filter(country=country),
    }


class PartnerDetailView(DetailView):
    template_name = "relations/partner_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return published(PartnerPage).select_related("country")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | partner_context(self.object)


class HomeView(TemplateView):
    """The featured partner page in full, and every partner page as a link."""

    template_name = "relations/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = list(published(PartnerPage).select_related("country"))
        context["partner_pages"] = pages
        if pages:
            context |= partner_context(pages[0])
        return context
