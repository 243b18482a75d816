"""Visitor pages: thin class-based views over the models' published querysets."""

import heapq
from math import ceil

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import exports, feeds, filters, schemas, search, structured_data, timeline
from .models import (
    JOINT_BODY_KINDS,
    Agreement,
    AgreementAction,
    AgreementLink,
    CoChair,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Role,
    Visit,
)

# How many of the latest dated records the partner page's chronology shows, and how
# many people it names: the page stays readable however large the record grows.
CHRONOLOGY_LENGTH = 30
PEOPLE_SHOWN = 30
# The visits whose dates give a person's roles beside their name on the partner page.
PEOPLE_VISITS_SHOWN = 5
# The side column's councils and offices: the first few, then a link to the whole list.
SIDE_LIST_LENGTH = 10


def published(model, drafts=False):
    """What visitors see. ``drafts=True`` is for an editor's preview of one entry only."""
    return model.objects.all() if drafts else model.objects.published()


# Querysets with the related rows each page shows, fetched in a fixed number of queries.


def events(drafts=False):
    return published(Event, drafts).select_related("place_country", "series")


def agreements(drafts=False):
    return published(Agreement, drafts).select_related("place_country").prefetch_related("parties")


def visits(drafts=False):
    # The people's roles give the role held on each visit's date (Visit.role_held).
    return (
        published(Visit, drafts)
        .select_related("person", "origin_country", "host_country")
        .prefetch_related("person__roles")
    )


def offices(drafts=False):
    return published(Office, drafts).select_related("organisation", "country")


def organisations(drafts=False):
    return published(Organisation, drafts).prefetch_related("countries")


class CappedPaginator(Paginator):
    """Counts and pages through the first MAX_RESULTS results only.

    Counting 100,000 entries, or skipping to the 5,000th page, costs in proportion to the
    whole table; capped, a list page costs the same whatever the size of the data. Older
    entries are a filter or a "sort: oldest first" away.
    """

    MAX_RESULTS = 10_000

    @cached_property
    def count(self):
        if hasattr(self.object_list, "count_up_to"):  # search.IndexedMatches
            return self.object_list.count_up_to(self.MAX_RESULTS + 1)
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
    export = None  # the kind in schemas.KINDS this list downloads as
    # Read by the page cache (relations/cache.py), with the filters' names; others are dropped.
    query_parameters = ("page", "format")

    def get(self, request, *args, **kwargs):
        export_format = request.GET.get("format")
        if export_format in exports.FORMATS:
            filterset = self.get_filterset(self.get_filterset_class())
            queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
            return exports.export(schemas.KINDS[self.export], export_format, queryset, request)
        return super().get(request, *args, **kwargs)

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

    query_parameters = ()  # the page cache drops any (relations/cache.py)
    # No list: the entries shown are reached through the page's own entry, whose links
    # ban this page when they change (relations/cache.py, changed_keys).
    surrogate_lists = ()

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


class DocumentedDetailView(DetailPageMixin, DetailView):
    """A visitor's page for one entry, ending with its sources, last update and change note.

    The admin's "Preview" serves the same view with ``preview=True`` to signed-in
    staff only: the entry may then be a draft, while everything it links to is
    still limited to what visitors see.
    """

    preview = False

    def get_queryset(self):
        return self.get_records().prefetch_related("sources")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"preview": self.preview}


class EventDetailView(DocumentedDetailView):
    template_name = "relations/event_detail.html"

    def get_records(self):
        return events(self.preview).prefetch_related(
            "countries", Prefetch("organisations", queryset=published(Organisation))
        )


class AgreementDetailView(DocumentedDetailView):
    template_name = "relations/agreement_detail.html"

    def get_records(self):
        return (
            agreements(self.preview)
            .select_related("visit", "visit__person")
            .prefetch_related(
                Prefetch(
                    "actions",
                    queryset=AgreementAction.objects.select_related(
                        "party", "signatory"
                    ).prefetch_related("signatory__roles"),
                ),
                public_links("links_from", "to_agreement"),
                public_links("links_to", "from_agreement"),
                Prefetch(
                    "founded_bodies", queryset=published(Organisation), to_attr="public_bodies"
                ),
            )
        )


def public_links(relation, other_end):
    """An agreement's links whose other end visitors may see, as ``public_<relation>``."""
    links = AgreementLink.objects.filter(**{f"{other_end}__in": published(Agreement)})
    return Prefetch(
        relation, queryset=links.select_related(other_end), to_attr=f"public_{relation}"
    )


class VisitDetailView(DocumentedDetailView):
    template_name = "relations/visit_detail.html"

    def get_records(self):
        return visits(self.preview).prefetch_related(
            Prefetch("agreements", queryset=agreements(), to_attr="public_agreements")
        )


class OfficeDetailView(DocumentedDetailView):
    template_name = "relations/office_detail.html"

    def get_records(self):
        return offices(self.preview).prefetch_related(
            Prefetch("represents", queryset=published(Organisation))
        )


class OrganisationDetailView(DocumentedDetailView):
    template_name = "relations/organisation_detail.html"

    def get_records(self):
        return (
            organisations(self.preview)
            .select_related("founded_by")
            .prefetch_related(
                Prefetch("children", queryset=published(Organisation), to_attr="public_children"),
                Prefetch("offices", queryset=offices(), to_attr="public_offices"),
                Prefetch("represented_by", queryset=offices(), to_attr="public_represented_by"),
                Prefetch("events", queryset=events(), to_attr="public_events"),
                Prefetch("event_series", queryset=published(EventSeries), to_attr="public_series"),
                Prefetch("co_chairs", queryset=CoChair.objects.select_related("person", "country")),
            )
        )


class PersonDetailView(DocumentedDetailView):
    template_name = "relations/person_detail.html"

    def get_records(self):
        return Person.objects.prefetch_related(
            Prefetch("roles", queryset=Role.objects.select_related("country")),
            Prefetch("visits", queryset=visits(), to_attr="public_visits"),
            Prefetch(
                "signatures",
                queryset=AgreementAction.objects.filter(agreement__in=published(Agreement))
                .select_related("agreement", "party")
                .order_by("date"),
                to_attr="public_signatures",
            ),
        )


class SeriesDetailView(DocumentedDetailView):
    template_name = "relations/series_detail.html"

    def get_records(self):
        return (
            published(EventSeries, self.preview)
            .select_related("country")
            .prefetch_related(
                Prefetch("participants", queryset=published(Organisation)),
                Prefetch("editions", queryset=events().order_by("date"), to_attr="public_editions"),
            )
        )

    def get_context_data(self, **kwargs):
        series = self.object
        today = timezone.localdate()
        past = [event for event in series.public_editions if event.date <= today]
        last_held = past[-1].last_year if past else None
        return super().get_context_data(**kwargs) | {
            "past_editions": past,
            "upcoming_editions": series.public_editions[len(past) :],
            "next_year": None
            if len(past) < len(series.public_editions)
            else series.next_edition_year(last_held, today.year),
            # Through the editions' ids, without a DISTINCT over every organisation.
            "edition_participants": published(Organisation).filter(
                pk__in=Event.organisations.through.objects.filter(
                    event__in=published(Event).filter(series=series)
                ).values("organisation_id")
            ),
        }


def chronology(recent_events, recent_visits, recent_agreements):
    """The latest dated records of a country, oldest first: (date, label, entry) triples.

    Each kind comes from the database newest first and already cut to length, so
    merging them reads a fixed number of rows however long the record grows.
    """
    merged = heapq.merge(
        ((event.date, _("Event"), event) for event in recent_events),
        ((visit.date, _("Visit"), visit) for visit in recent_visits),
        ((agreement.signed_on, _("Agreement"), agreement) for agreement in recent_agreements),
        key=lambda item: item[0],
        reverse=True,
    )
    return list(reversed(list(merged)[:CHRONOLOGY_LENGTH]))


def partner_people(country):
    """People who visited or received visits, held an office or signed for the country.

    Three subqueries of person ids rather than joins with DISTINCT: a person with a
    thousand visits costs one row, not a thousand."""
    visits_made = published(Visit).involving(country).values("person_id")
    roles = Role.objects.filter(country=country).values("person_id")
    signatures = AgreementAction.objects.filter(
        party=country, agreement__in=published(Agreement)
    ).values("signatory_id")
    # Each person is named with the role held at their visits with the country (Demirel
    # came to Moscow in 1992 as head of government, years before he was President).
    partner_visits = Prefetch(
        "visits",
        queryset=published(Visit).involving(country).order_by("date")[:PEOPLE_VISITS_SHOWN],
        to_attr="partner_visits",
    )
    return Person.objects.filter(
        Q(pk__in=visits_made) | Q(pk__in=roles) | Q(pk__in=signatures)
    ).prefetch_related("roles", partner_visits)[:PEOPLE_SHOWN]


def partner_context(page):
    """Everything a partner page shows, drawn from the records of its country."""
    country = page.country
    # Newest first, read once for the chronology and the latest of each kind.
    recent_events = list(events().filter(countries=country)[:CHRONOLOGY_LENGTH])
    recent_visits = list(visits().involving(country)[:CHRONOLOGY_LENGTH])
    recent_agreements = list(agreements().filter(parties=country)[:CHRONOLOGY_LENGTH])
    return {
        "page": page,
        "sections": page.sections.all(),
        "figures": {
            "agreements": published(Agreement).filter(parties=country).count(),
            "visits": published(Visit).involving(country).count(),
            "events": published(Event).filter(countries=country).count(),
        },
        "key_agreements": agreements().filter(parties=country, is_key=True).order_by("signed_on"),
        "latest_agreements": recent_agreements[:10],
        "chronology": chronology(recent_events, recent_visits, recent_agreements),
        "people": partner_people(country),
        "latest_events": recent_events[:6],
        "latest_visits": recent_visits[:6],
        **first_few(
            "joint_bodies", organisations().filter(countries=country, kind__in=JOINT_BODY_KINDS)
        ),
        **first_few("offices", offices().filter(country=country)),
    }


def first_few(name, queryset):
    """``name``: the first SIDE_LIST_LENGTH entries; ``name_more``: whether there are more."""
    entries = list(queryset[: SIDE_LIST_LENGTH + 1])
    return {name: entries[:SIDE_LIST_LENGTH], f"{name}_more": len(entries) > SIDE_LIST_LENGTH}


class PartnerDetailView(DetailPageMixin, DetailView):
    template_name = "relations/partner_detail.html"
    context_object_name = "page"
    preview = False

    def get_queryset(self):
        return published(PartnerPage, self.preview).select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs) | {"preview": self.preview}
        today = timezone.localdate()
        country = self.object.country
        querysets = timeline.filter_by(events(), visits(), agreements(), country=country)
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
        pages = list(published(PartnerPage).select_related("country"))
        context["partner_pages"] = pages
        if pages:
            context |= partner_context(pages[0])
        return context


class TimelineView(TemplateView):
    """Events, visits and agreements in one chronology, by decade and year.

    A page holds timeline.PAGE_SIZE entries, oldest first; the decade links narrow it to
    ten years, so any period is a click away however long the record grows.
    """

    template_name = "relations/timeline.html"
    query_parameters = (*filters.TimelineForm.base_fields, "page")
    surrogate_lists = ("event", "visit", "agreement")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        decades = timeline.decades(events(), visits(), agreements())
        form = filters.TimelineForm(self.request.GET or None, decades=decades)
        page = self.page_number()
        entries, has_next = [], False
        if not form.is_bound or form.is_valid():
            choices = form.cleaned_data if form.is_bound else {}
            querysets = timeline.filter_by(
                events(), visits(), agreements(), choices.get("category"), choices.get("country")
            )
            if choices.get("decade") is not None:
                querysets = timeline.in_decade(*querysets, choices["decade"])
            skip = (page - 1) * timeline.PAGE_SIZE
            entries = timeline.chronology(
                *querysets, kind=choices.get("kind"), skip=skip, limit=timeline.PAGE_SIZE + 1
            )
            has_next = len(entries) > timeline.PAGE_SIZE and page < timeline.MAX_PAGES
            entries = entries[: timeline.PAGE_SIZE]
        context |= {
            "form": form,
            "decades": timeline.by_decade(entries),
            "decade_links": [(decade, timeline.decade_label(decade)) for decade in decades],
            "current_decade": form.cleaned_data.get("decade") if form.is_bound else None,
            "page": page,
            "has_next": has_next,
            "first_number": (page - 1) * timeline.PAGE_SIZE + 1,
            "last_number": (page - 1) * timeline.PAGE_SIZE + len(entries),
            "is_filtered": bool(self.request.GET),
        }
        return context

    def page_number(self):
        """The page asked for, as list pages do: anything but 1 to MAX_PAGES is a 404."""
        try:
            page = int(self.request.GET.get("page") or 1)
        except ValueError:
            raise Http404(_("There is no such page.")) from None
        if not 1 <= page <= timeline.MAX_PAGES:
            raise Http404(_("There is no such page."))
        return page


class SearchView(TemplateView):
    """Every kind's best matches with each kind's real count, or one kind's matches page by
    page (``?kind=events&page=2``), optionally in one year (``?year=1992``)."""

    template_name = "relations/search.html"
    query_parameters = ("q", "kind", "year", "page")
    surrogate_lists = tuple(kind.model._meta.model_name for kind in search.KINDS)
    per_page = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        get = self.request.GET
        query = get.get("q", "").strip()[: search.MAX_QUERY_LENGTH]
        kind = search.BY_SLUG.get(get.get("kind", ""))
        year = get.get("year", "").strip()
        year = int(year) if year.isdigit() and 1000 <= int(year) <= 2999 else None
        context |= {"query": query, "kind": kind, "year": year, "results": [], "counts": []}
        if not query:
            return context
        counted = search.counted(query, year=year, limit=CappedPaginator.MAX_RESULTS)
        context["counts"] = [
            {"kind": k, "count": n, "capped": n > CappedPaginator.MAX_RESULTS}
            for k, n, _entries in counted
        ]
        context["total"] = sum(
            min(n, CappedPaginator.MAX_RESULTS) for k, n, _entries in counted if kind in (None, k)
        )
        if kind:
            entries = next((e for k, _n, e in counted if k == kind), None)
            if entries is None:
                entries = search.matches(kind, query, year)
            paginator = CappedPaginator(entries, self.per_page)
            page = paginator.get_page(get.get("page"))
            words = search.words_of(query)
            context["page_obj"] = page
            context["results"] = [search.Result(kind, item, 0, words) for item in page]
        else:
            context["results"] = search.best(query, [(k, e) for k, _n, e in counted])
            context["more"] = [k for k, n, _e in counted if n > search.PER_KIND]
            context["per_kind"] = search.PER_KIND
        return context


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # The admin is left out on purpose: DJANGO_ADMIN_URL may be a secret address.
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
