"""Visitor pages: thin class-based views over the models' published querysets."""

from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import exports, feeds, filters, schemas, search, structured_data, timeline
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


class FilteredListView(FilterView):
    """A list with django-filter's form, a result count and pagination that keeps filters."""

    paginate_by = 20
    strict = True
    export = None  # the kind in schemas.KINDS this list downloads as

    def get(self, request, *args, **kwargs):
        export_format = request.GET.get("format")
        if export_format in exports.FORMATS:
            filterset = self.get_filterset(self.get_filterset_class())
            queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
            return exports.export(schemas.KINDS[self.export], export_format, queryset, request)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["result_count"] = (
            context["paginator"].count if context["paginator"] else len(context["object_list"])
        )
        context["is_filtered"] = any(
            value for key, value in self.request.GET.items() if key not in {"page", "format"}
        )
        context["feed_kind"] = self.export if self.export in feeds.KINDS else None
        return context


class EventListView(FilteredListView):
    export = "events"
    filterset_class = filters.EventFilter
    template_name = "relations/event_list.html"

    def get_queryset(self):
        return events()


class AgreementListView(FilteredListView):
    export = "agreements"
    filterset_class = filters.AgreementFilter
    template_name = "relations/agreement_list.html"

    def get_queryset(self):
        return agreements()


class VisitListView(FilteredListView):
    export = "visits"
    filterset_class = filters.VisitFilter
    template_name = "relations/visit_list.html"

    def get_queryset(self):
        return visits()


class OfficeListView(FilteredListView):
    export = "offices"
    filterset_class = filters.OfficeFilter
    template_name = "relations/office_list.html"

    def get_queryset(self):
        return offices().prefetch_related(Prefetch("represents", queryset=published(Organisation)))


class OrganisationListView(FilteredListView):
    export = "organisations"
    filterset_class = filters.OrganisationFilter
    template_name = "relations/organisation_list.html"

    def get_queryset(self):
        return organisations().select_related("parent")


class DetailPageMixin:
    """What every detail page adds: a permalink, a citation and schema.org JSON-LD."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        permalink = self.request.build_absolute_uri(self.object.get_absolute_url())
        data = structured_data.json_ld(self.object, permalink)
        context |= {
            "permalink": permalink,
            "json_ld": structured_data.as_script_text(data),
            "meta_title": data["name"],
            "meta_description": Truncator(data.get("description", "")).words(30),
            "cite_date": getattr(self.object, "when", ""),
            "accessed": timezone.localdate(),
        }
        return context


class EventDetailView(DetailPageMixin, DetailView):
    template_name = "relations/event_detail.html"

    def get_queryset(self):
        return events().prefetch_related(
            "countries", Prefetch("organisations", queryset=published(Organisation))
        )


class AgreementDetailView(DetailPageMixin, DetailView):
    template_name = "relations/agreement_detail.html"

    def get_queryset(self):
        return agreements().select_related("visit", "visit__person")


class VisitDetailView(DetailPageMixin, DetailView):
    template_name = "relations/visit_detail.html"

    def get_queryset(self):
        return visits().prefetch_related(
            Prefetch("agreements", queryset=agreements(), to_attr="public_agreements")
        )


class OfficeDetailView(DetailPageMixin, DetailView):
    template_name = "relations/office_detail.html"

    def get_queryset(self):
        return offices().prefetch_related(Prefetch("represents", queryset=published(Organisation)))


class OrganisationDetailView(DetailPageMixin, DetailView):
    template_name = "relations/organisation_detail.html"

    def get_queryset(self):
        return organisations().prefetch_related(
            Prefetch("children", queryset=published(Organisation), to_attr="public_children"),
            Prefetch("offices", queryset=offices(), to_attr="public_offices"),
            Prefetch("represented_by", queryset=offices(), to_attr="public_represented_by"),
            Prefetch("events", queryset=events(), to_attr="public_events"),
            Prefetch("event_series", queryset=published(EventSeries), to_attr="public_series"),
        )


class PersonDetailView(DetailPageMixin, DetailView):
    model = Person
    template_name = "relations/person_detail.html"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch("visits", queryset=visits(), to_attr="public_visits")
        )


class SeriesDetailView(DetailPageMixin, DetailView):
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


class PartnerDetailView(DetailPageMixin, DetailView):
    template_name = "relations/partner_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return published(PartnerPage).select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs) | partner_context(self.object)
        entries = timeline.chronology(
            *timeline.filter_by(events(), visits(), agreements(), country=self.object.country)
        )
        context["decades"] = timeline.by_decade(entries)
        context["on_this_day"] = timeline.on_this_day(entries, timezone.localdate())
        return context


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


class TimelineView(TemplateView):
    """Events, visits and agreements in one chronology, by decade and year."""

    template_name = "relations/timeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = filters.TimelineForm(self.request.GET or None)
        if form.is_bound and not form.is_valid():
            entries = []
        else:
            choices = form.cleaned_data if form.is_bound else {}
            querysets = timeline.filter_by(
                events(), visits(), agreements(), choices.get("category"), choices.get("country")
            )
            entries = timeline.chronology(*querysets, kind=choices.get("kind"))
        context |= {
            "form": form,
            "decades": timeline.by_decade(entries),
            "result_count": len(entries),
            "is_filtered": bool(self.request.GET),
        }
        return context


class SearchView(TemplateView):
    template_name = "relations/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[: search.MAX_QUERY_LENGTH]
        context |= {"query": query, "results": search.search(query) if query else []}
        return context


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # The admin is left out on purpose: DJANGO_ADMIN_URL may be a secret address.
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
