"""Visitor pages: lists, details, the timeline and search, thin class-based views over the
models' published querysets. The home and partner pages are in relations/hub.py."""

from math import ceil

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from . import canonical, exports, kinds, search, structured_data, timeline
from .dates import decade_label
from .models import (
    Agreement,
    AgreementAction,
    AgreementLink,
    CoChair,
    Event,
    EventSeries,
    Office,
    Organisation,
    Person,
    Role,
    Visit,
    published_conditions,
    without_order_hints,
)


class CappedPaginator(Paginator):
    """Counts and pages through the first MAX_RESULTS results only.

    Counting 100,000 entries, or skipping to the 5,000th page, costs in proportion to the
    whole table; capped, a list page costs the same whatever the size of the data. Older
    entries are a filter or a "sort: oldest first" away.
    """

    MAX_RESULTS = 10_000

    @cached_property
    def count(self):
        if hasattr(self.object_list, "count_up_to"):  # search.IndexedMatches, PostgresMatches
            return self.object_list.count_up_to(self.MAX_RESULTS + 1)
        # Only the ids: an annotation the list shows (an agreement's "later steps
        # recorded", a subquery) is not computed for 10,001 rows.
        counted = without_order_hints(self.object_list.order_by()).values("pk")
        return counted[: self.MAX_RESULTS + 1].count()

    @property
    def is_capped(self):
        return self.count > self.MAX_RESULTS

    @cached_property
    def num_pages(self):
        return ceil(min(self.count, self.MAX_RESULTS) / self.per_page) or 1


class SearchPaginator(CappedPaginator):
    """A search's pages: its counts stop at search.COUNT_LIMIT ("more than 1,000")."""

    MAX_RESULTS = search.COUNT_LIMIT


class ListPaginator(CappedPaginator):
    """The lists' paginator: deep pages read by their ids first. (Search's pages stay with
    SearchPaginator, a CappedPaginator: a ranked queryset orders by its rank, which an id
    subquery would have to select.)"""

    def page(self, number):
        """Past the first pages, the page's ids first (read from the list's order index,
        which holds the schedule: models.SCHEDULE), then those rows with their joins, in
        the same query: an OFFSET of 9,980 then skips index entries, not rows joined to
        their countries and series (events, page 500: 17 -> 1 ms of SQL)."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < self.DEEP or not isinstance(self.object_list, QuerySet):
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)

    DEEP = 200  # from the 11th page of 20


class FilteredListView(FilterView):
    """A list with django-filter's form, a result count and pagination that keeps filters."""

    paginate_by = 20
    paginator_class = ListPaginator
    strict = True
    kind = None  # its entry in relations.kinds: what it downloads as, whether it has a feed
    # Read by the page cache (relations/cache.py), with the filters' names; others are dropped.
    query_parameters = ("page", "format")

    def get(self, request, *args, **kwargs):
        redirect = self.canonical_redirect(request)
        if redirect is not None:
            return redirect
        export_format = request.GET.get("format")
        if export_format in exports.FORMATS:
            filterset = self.get_filterset(self.get_filterset_class())
            queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
            return exports.export(self.kind, export_format, queryset, request)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # A download's rows carry what its columns read (kind.published(), then
        # kind.rows()); the page's, what its cards show.
        if self.request.GET.get("format") in exports.FORMATS:
            return self.kind.published()
        return self.kind.cards()

    def canonical_redirect(self, request):
        """A redirect to the list's canonical address when a value is invalid or spelt
        otherwise (relations/canonical.py): before any list query or rendering."""
        if not request.GET:
            return None
        if request.GET.get("format") in exports.FORMATS:
            # A download with a bad filter downloads nothing, as before: dropping the filter
            # would make it a download of everything.
            return None
        filterset = self.get_filterset(self.get_filterset_class())
        values = canonical.canonical_fields(filterset.form, request.GET)
        values["format"] = None  # not a format the list downloads as
        if "page" in request.GET:
            values["page"] = canonical.canonical_page(request.GET["page"])
        self.checked_filterset = filterset  # validated once: the list reuses it
        return canonical.redirect_for(request, values)

    def get_filterset(self, filterset_class):
        checked = getattr(self, "checked_filterset", None)
        if type(checked) is filterset_class:
            return checked
        return super().get_filterset(filterset_class)

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
        context["feed_kind"] = self.kind.name if self.kind.feed else None
        return context


class EventListView(FilteredListView):
    kind = kinds.EVENTS
    filterset_class = kind.filterset
    template_name = "relations/event_list.html"


class AgreementListView(FilteredListView):
    kind = kinds.AGREEMENTS
    filterset_class = kind.filterset
    template_name = "relations/agreement_list.html"


class VisitListView(FilteredListView):
    kind = kinds.VISITS
    filterset_class = kind.filterset
    template_name = "relations/visit_list.html"


class OfficeListView(FilteredListView):
    kind = kinds.OFFICES
    filterset_class = kind.filterset
    template_name = "relations/office_list.html"


class OrganisationListView(FilteredListView):
    kind = kinds.ORGANISATIONS
    filterset_class = kind.filterset
    template_name = "relations/organisation_list.html"


# How many of an entry's related events, visits or signatures its page shows, newest first;
# a link to the list filtered by the entry shows the rest. An organisation at 100,000 events
# has up to 95 events, and their cards were most of its page's time (issue #20).
RELATED_SHOWN = 10


class DetailPageMixin:
    """What every detail page adds: a permalink, a citation and schema.org JSON-LD.

    The admin's "Preview" serves the same view with ``preview=True`` to signed-in
    staff only: the entry may then be a draft, while everything it links to is
    still limited to what visitors see.
    """

    preview = False
    query_parameters = ()  # the page cache drops any (relations/cache.py)
    # No list: the entries shown are reached through the page's own entry, whose links
    # ban this page when they change (relations/cache.py, changed_keys).
    surrogate_lists = ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        permalink = self.request.build_absolute_uri(self.object.get_absolute_url())
        kind = kinds.BY_MODEL[type(self.object)]
        data = structured_data.json_ld(kind.schema_org(self.object), permalink)
        context |= {
            "breadcrumbs": breadcrumbs(self.object),
            "permalink": permalink,
            "json_ld": structured_data.as_script_text(data),
            "meta_title": data["name"],
            "meta_description": Truncator(data.get("description", "")).words(30),
            "cite_date": getattr(self.object, "when", ""),
            "accessed": timezone.localdate(),
            "preview": self.preview,
        }
        return context

    def entries(self, model):
        """The entries of ``model`` this page may show: drafts too in a preview."""
        return model.objects.all() if self.preview else model.objects.published()


def breadcrumbs(entry):
    """The pages above ``entry``, as (label, address): home, then its kind's list; the
    page itself closes the trail (base.html). A recurring event sits under the events."""
    trail = [(_("Home"), reverse("relations:home"))]
    kind = kinds.BY_MODEL.get(type(entry))
    if kind is kinds.SERIES:
        kind = kinds.EVENTS
    if kind is not None and kind.list_url_name:
        trail.append((kind.plural_label, reverse(kind.list_url_name)))
    return trail


class DocumentedDetailView(DetailPageMixin, DetailView):
    """A visitor's page for one entry, ending with its sources, last update and change note."""

    def get_queryset(self):
        return self.get_records().prefetch_related("sources")


class EventDetailView(DocumentedDetailView):
    template_name = "relations/event_detail.html"

    def get_records(self):
        return (
            self.entries(Event)
            .for_pages()
            .prefetch_related(
                "countries", Prefetch("organisations", queryset=Organisation.objects.published())
            )
        )


class AgreementDetailView(DocumentedDetailView):
    template_name = "relations/agreement_detail.html"

    def get_records(self):
        return (
            self.entries(Agreement)
            .for_pages()
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
                    "founded_bodies",
                    queryset=Organisation.objects.published(),
                    to_attr="public_bodies",
                ),
            )
        )


def public_links(relation, other_end):
    """An agreement's links whose other end visitors may see, as ``public_<relation>``."""
    links = AgreementLink.objects.filter(published_conditions(f"{other_end}__"))
    return Prefetch(
        relation, queryset=links.select_related(other_end), to_attr=f"public_{relation}"
    )


class VisitDetailView(DocumentedDetailView):
    template_name = "relations/visit_detail.html"

    def get_records(self):
        return (
            self.entries(Visit)
            .for_pages()
            .prefetch_related(
                Prefetch(
                    "agreements",
                    queryset=Agreement.objects.published().for_pages(),
                    to_attr="public_agreements",
                )
            )
        )


class OfficeDetailView(DocumentedDetailView):
    template_name = "relations/office_detail.html"

    def get_records(self):
        return (
            self.entries(Office)
            .for_pages()
            .prefetch_related(Prefetch("represents", queryset=Organisation.objects.published()))
        )


class OrganisationDetailView(DocumentedDetailView):
    template_name = "relations/organisation_detail.html"

    def get_records(self):
        return (
            self.entries(Organisation)
            .for_pages()
            .select_related("founded_by")
            .prefetch_related(
                Prefetch(
                    "children", queryset=Organisation.objects.published(), to_attr="public_children"
                ),
                Prefetch(
                    "offices",
                    queryset=Office.objects.published().for_pages(),
                    to_attr="public_offices",
                ),
                Prefetch(
                    "represented_by",
                    queryset=Office.objects.published().for_pages(),
                    to_attr="public_represented_by",
                ),
                Prefetch(
                    "event_series",
                    queryset=EventSeries.objects.published(),
                    to_attr="public_series",
                ),
                Prefetch("co_chairs", queryset=CoChair.objects.select_related("person", "country")),
            )
        )

    def get_context_data(self, **kwargs):
        # The newest RELATED_SHOWN, and one more to know whether to link to the rest.
        events = list(
            Event.objects.published()
            .for_pages()
            .filter(organisations=self.object)[: RELATED_SHOWN + 1]
        )
        return super().get_context_data(**kwargs) | {
            "events": events[:RELATED_SHOWN],
            "more_events": len(events) > RELATED_SHOWN,
        }


class PersonDetailView(DocumentedDetailView):
    template_name = "relations/person_detail.html"

    def get_records(self):
        return Person.objects.prefetch_related(
            Prefetch("roles", queryset=Role.objects.select_related("country")),
            Prefetch(
                "visits", queryset=Visit.objects.published().for_pages(), to_attr="public_visits"
            ),
            Prefetch(
                "signatures",
                queryset=AgreementAction.objects.filter(published_conditions("agreement__"))
                .select_related("agreement", "party")
                .order_by("date"),
                to_attr="public_signatures",
            ),
        )


class SeriesDetailView(DocumentedDetailView):
    template_name = "relations/series_detail.html"

    def get_records(self):
        return (
            self.entries(EventSeries)
            .select_related("country")
            .prefetch_related(
                Prefetch("participants", queryset=Organisation.objects.published()),
            )
        )

    def get_context_data(self, **kwargs):
        series = self.object
        today = timezone.localdate()
        editions = Event.objects.published().for_pages().filter(series=series)
        # The newest RELATED_SHOWN past editions (a yearly forum has 60 at 100,000 events:
        # their cards were most of the page), shown oldest first as before, and as many
        # upcoming ones; one more of each says whether to link to the list of all.
        past = list(
            editions.filter(date__lte=today).order_by("-date", "title")[: RELATED_SHOWN + 1]
        )
        upcoming = list(
            editions.filter(date__gt=today).order_by("date", "title")[: RELATED_SHOWN + 1]
        )
        last_held = past[0].last_year if past else None
        return super().get_context_data(**kwargs) | {
            "past_editions": past[:RELATED_SHOWN][::-1],
            "upcoming_editions": upcoming[:RELATED_SHOWN],
            "more_editions": len(past) > RELATED_SHOWN or len(upcoming) > RELATED_SHOWN,
            "next_year": None if upcoming else series.next_edition_year(last_held, today.year),
            # Through the editions' ids, without a DISTINCT over every organisation.
            "edition_participants": Organisation.objects.published().filter(
                pk__in=Event.organisations.through.objects.filter(
                    event__in=Event.objects.published().filter(series=series)
                ).values("organisation_id")
            ),
        }


class TimelineView(TemplateView):
    """Events, visits and agreements in one chronology, by decade and year.

    A page holds timeline.PAGE_SIZE entries, oldest first; the decade links narrow it to
    ten years, so any period is a click away however long the record grows.
    """

    template_name = "relations/timeline.html"
    query_parameters = (*timeline.TimelineForm.base_fields, "page")
    surrogate_lists = ("event", "visit", "agreement")

    def get(self, request, *args, **kwargs):
        if request.GET:
            # An invalid or otherwise spelt value: its canonical address (relations/canonical.py).
            # The decades and the validated form are kept for the page (no query twice).
            self.candidates = timeline.decades(*timeline.rows_only())
            self.form = form = timeline.TimelineForm(request.GET, decades=self.candidates)
            values = canonical.canonical_fields(form, request.GET)
            if "page" in request.GET:
                values["page"] = canonical.canonical_page(request.GET["page"])
            redirect = canonical.redirect_for(request, values)
            if redirect is not None:
                return redirect
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Built once: querysets are never changed in place, and building one costs.
        everything = timeline.rows_only()
        candidates = getattr(self, "candidates", None)
        if candidates is None:
            candidates = timeline.decades(*everything)
        form = getattr(self, "form", None)
        if form is None:
            form = timeline.TimelineForm(None, decades=candidates)
        page = self.page_number()
        entries, has_next = [], False
        kept = None  # what the filters keep, when they are valid and narrow anything
        if not form.is_bound or form.is_valid():
            choices = form.cleaned_data if form.is_bound else {}
            querysets = timeline.filter_by(
                *everything, choices.get("category"), choices.get("country")
            )
            kind = choices.get("kind")
            if kind or choices.get("category") or choices.get("country"):
                kept = [
                    queryset if not kind or each == kind else queryset.none()
                    for each, queryset in zip(timeline.BY_SLUG, querysets, strict=True)
                ]
            if choices.get("decade") is not None:
                querysets = timeline.in_decade(*querysets, choices["decade"])
            skip = (page - 1) * timeline.PAGE_SIZE
            entries = timeline.chronology(
                *querysets, kind=choices.get("kind"), skip=skip, limit=timeline.PAGE_SIZE + 1
            )
            has_next = len(entries) > timeline.PAGE_SIZE and page < timeline.MAX_PAGES
            entries = entries[: timeline.PAGE_SIZE]
        # No empty decade is offered: the menu offers the decades holding any entry, the
        # links those holding one the filters keep (one query for both).
        filled, *linked = timeline.filled_decades(candidates, everything, *([kept] if kept else []))
        linked = linked[0] if linked else filled
        chosen = form.cleaned_data.get("decade") if form.is_bound and form.is_valid() else None
        form.fields["decade"].choices = [
            choice
            for choice in form.fields["decade"].choices
            if choice[0] == "" or choice[0] in filled or choice[0] == chosen
        ]
        context |= {
            "form": form,
            "decades": timeline.by_decade(entries),
            "decade_links": [(decade, decade_label(decade)) for decade in linked],
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

    def get(self, request, *args, **kwargs):
        redirect = canonical.redirect_for(request, self.canonical_values(request.GET))
        return redirect or super().get(request, *args, **kwargs)

    @staticmethod
    def canonical_values(get):
        """What the page reads, as it reads it (relations/canonical.py)."""
        values = {}
        if "q" in get:
            query = canonical.CONTROL.sub("", get["q"]).strip()
            values["q"] = query[: search.MAX_QUERY_LENGTH].strip() or None
        if "kind" in get:
            values["kind"] = get["kind"] if get["kind"] in search.BY_NAME else None
        if "year" in get:
            match = canonical.WHOLE_NUMBER.fullmatch(get["year"])
            year = int(match[1]) if match else 0
            values["year"] = str(year) if 1000 <= year <= 2999 else None
        if "page" in get:
            values["page"] = canonical.canonical_page(get["page"])
        return values

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        get = self.request.GET
        query = get.get("q", "").strip()[: search.MAX_QUERY_LENGTH]
        kind = search.BY_NAME.get(get.get("kind", ""))
        year = get.get("year", "").strip()
        year = int(year) if year.isdigit() and 1000 <= int(year) <= 2999 else None
        context |= {"query": query, "kind": kind, "year": year, "results": [], "counts": []}
        if not query:
            return context
        with search.indexed():
            return self.found(context, query, kind, year)

    def found(self, context, query, kind, year):
        get = self.request.GET
        counted = search.counted(query, year=year, limit=SearchPaginator.MAX_RESULTS)
        context["counts"] = [
            {"kind": k, "count": n, "capped": n > SearchPaginator.MAX_RESULTS}
            for k, n, _entries in counted
        ]
        context["total"] = sum(
            min(n, SearchPaginator.MAX_RESULTS) for k, n, _entries in counted if kind in (None, k)
        )
        if kind:
            entries = next((e for k, _n, e in counted if k == kind), None)
            if entries is None:
                entries = search.matches(kind, query, year)
            paginator = SearchPaginator(entries, self.per_page)
            page = paginator.get_page(get.get("page"))
            words = search.words_of(query)
            context["page_obj"] = page
            context["results"] = [
                search.Result(kind, item, getattr(item, "rank", 0), words) for item in page
            ]
        else:
            context["results"] = search.best(query, [(k, e) for k, _n, e in counted])
            context["more"] = [k for k, n, _e in counted if n > search.PER_KIND]
            context["per_kind"] = search.PER_KIND
        context["suggestion"] = search.suggestion(query, context["results"])
        return context


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # The admin is left out on purpose: DJANGO_ADMIN_URL may be a secret address.
    lines = ["User-agent: *", "Allow: /", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
