"""One address for every kind of visitor page, with real slugs from the database.

The benchmark (scripts/bench.py) drives these under load and the query-count tests request
them at two sizes of data, so both always cover the same pages.
"""

from itertools import chain
from urllib.parse import urlencode

from django.urls import reverse

from . import kinds
from .models import Event, PartnerPage, Visit
from .timeline import MAX_PAGES
from .views import CappedPaginator, FilteredListView

# For each list: one and three filters drawn from an entry of the list, so the filtered
# pages show results at any size of data (sample_entry: one that has every value).
FILTERS = {
    kinds.EVENTS: (
        lambda e: {"year": e.date.year},
        lambda e: {"category": e.category, "country": e.countries.last().slug, "year": e.date.year},
    ),
    kinds.AGREEMENTS: (
        lambda a: {"kind": a.kind},
        lambda a: {"kind": a.kind, "status": a.status, "country": a.parties.last().slug},
    ),
    kinds.VISITS: (
        lambda v: {"level": v.level},
        lambda v: {"level": v.level, "origin": v.origin_country.slug, "person": v.person.slug},
    ),
    kinds.OFFICES: (
        lambda o: {"country": o.country.slug},
        # The city, or a word of the name where none is recorded (the seed's office).
        lambda o: {
            "country": o.country.slug,
            "q": o.city or o.name.split()[-1],
            "organisation": o.organisation.slug,
        },
    ),
    kinds.ORGANISATIONS: (
        lambda o: {"kind": o.kind},
        lambda o: {"kind": o.kind, "country": o.countries.last().slug, "q": o.name[:4]},
    ),
}
# Detail pages reached otherwise: the partner page after the home page, a person through
# a visit.
OTHER_DETAILS = {kinds.PARTNER_PAGES, kinds.PEOPLE}


def middle(queryset):
    """An entry from the middle of the table: neither the newest nor the oldest."""
    queryset = queryset.order_by("pk")
    return queryset[queryset.count() // 2]


def sample_entry(queryset, *samples):
    """The middle entry, or the first after it (then before it) for which every sample
    gives every value: a filter on an empty city or a missing country is no sample of a
    filtered page, and the seed's few entries lack some of what generated ones all have."""
    queryset = queryset.order_by("pk")
    half = queryset.count() // 2
    for entry in chain(queryset[half:], queryset[:half]):
        try:
            values = [value for sample in samples for value in sample(entry).values()]
        except AttributeError:  # a related entry that is not there (None)
            continue
        if all(value not in (None, "") for value in values):
            return entry
    return middle(queryset)


def last_page(model):
    """The deepest page a visitor can reach in the unfiltered list."""
    results = min(model.objects.published().count(), CappedPaginator.MAX_RESULTS)
    return max(1, -(-results // FilteredListView.paginate_by))


def sample_pages():
    """(name, path) for the home page, each partner, list and detail page type."""
    partner = middle(PartnerPage.objects.published())
    yield "home", reverse("relations:home")
    yield "partner page", partner.get_absolute_url()
    for kind in kinds.LISTED.values():
        one, three = FILTERS[kind]
        name, model = kind.name, kind.model
        path = reverse(kind.list_url_name)
        entry = sample_entry(model.objects.published(), one, three)
        yield f"{name} list", path
        yield f"{name}, 1 filter", f"{path}?{urlencode(one(entry))}"
        yield f"{name}, 3 filters", f"{path}?{urlencode(three(entry))}"
        page = last_page(model)
        yield f"{name}, page {page}", f"{path}?page={page}"
    for kind in kinds.ALL:
        if kind not in OTHER_DETAILS:
            yield kind.singular, middle(kind.model.objects.published()).get_absolute_url()
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
