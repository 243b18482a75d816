"""One address for every kind of visitor page, with real slugs from the database.

The benchmark (scripts/bench.py) drives these under load and the query-count tests request
them at two sizes of data, so both always cover the same pages.
"""

from urllib.parse import urlencode

from django.urls import reverse

from .models import Agreement, Event, EventSeries, Office, Organisation, PartnerPage, Visit
from .timeline import MAX_PAGES
from .views import CappedPaginator, FilteredListView

# For each list: its model, then one and three filters drawn from an entry of the list, so
# the filtered pages show results at any size of data.
LISTS = [
    (
        "events",
        Event,
        lambda e: {"year": e.date.year},
        lambda e: {"category": e.category, "country": e.countries.last().slug, "year": e.date.year},
    ),
    (
        "agreements",
        Agreement,
        lambda a: {"kind": a.kind},
        lambda a: {"kind": a.kind, "status": a.status, "country": a.parties.last().slug},
    ),
    (
        "visits",
        Visit,
        lambda v: {"level": v.level},
        lambda v: {"level": v.level, "origin": v.origin_country.slug, "person": v.person.slug},
    ),
    (
        "offices",
        Office,
        lambda o: {"country": o.country.slug},
        lambda o: {"country": o.country.slug, "q": o.city, "organisation": o.organisation.slug},
    ),
    (
        "organisations",
        Organisation,
        lambda o: {"kind": o.kind},
        lambda o: {"kind": o.kind, "country": o.countries.last().slug, "q": o.name[:4]},
    ),
]
DETAILS = [
    ("event", Event),
    ("agreement", Agreement),
    ("visit", Visit),
    ("office", Office),
    ("organisation", Organisation),
    ("series", EventSeries),
]


def middle(queryset):
    """An entry from the middle of the table: neither the newest nor the oldest."""
    queryset = queryset.order_by("pk")
    return queryset[queryset.count() // 2]


def last_page(model):
    """The deepest page a visitor can reach in the unfiltered list."""
    results = min(model.objects.published().count(), CappedPaginator.MAX_RESULTS)
    return max(1, -(-results // FilteredListView.paginate_by))


def sample_pages():
    """(name, path) for the home page, each partner, list and detail page type."""
    partner = middle(PartnerPage.objects.published())
    yield "home", reverse("relations:home")
    yield "partner page", partner.get_absolute_url()
    for name, model, one, three in LISTS:
        path = reverse(f"relations:{model._meta.model_name}-list")
        entry = middle(model.objects.published())
        yield f"{name} list", path
        yield f"{name}, 1 filter", f"{path}?{urlencode(one(entry))}"
        yield f"{name}, 3 filters", f"{path}?{urlencode(three(entry))}"
        page = last_page(model)
        yield f"{name}, page {page}", f"{path}?page={page}"
    for name, model in DETAILS:
        yield name, middle(model.objects.published()).get_absolute_url()
    yield "person", middle(Visit.objects.published()).person.get_absolute_url()
    timeline = reverse("relations:timeline")
    yield "timeline", timeline
    decade = middle(Event.objects.published()).date.year // 10 * 10
    yield "timeline, a decade", f"{timeline}?decade={decade}"
    yield "timeline, deepest page", f"{timeline}?page={MAX_PAGES}"
    search = reverse("relations:search")
    yield "search", f"{search}?q=forum"  # a word in a fifth of all entries
    yield (
        "search, a rare word",
        f"{search}?{urlencode({'q': middle(Event.objects.published()).title})}",
    )
    yield "search, 3rd page of events", f"{search}?q=forum&kind=events&page=3"
