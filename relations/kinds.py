"""Every kind of entry with pages of its own, described once.

Each entry names what the rest of the site needs to know about a kind: its model, its
URL names, the FilterSet of its list, the schema of its API and downloads, whether it
has a feed and a sitemap, and its schema.org description. Views, the API, downloads,
feeds, sitemaps, the timeline and the benchmark's sample pages read this registry rather
than keeping lists of their own, so adding a kind is one model, one entry here, one set
of templates and a migration (docs/architecture.md). The entries with pages come from
``published()`` and ``for_pages()`` on the model's QuerySet, a list's cards from
``published()`` and ``for_cards()``: the registry says which kinds there are, the models
say what visitors see of them.

What site search reads of a kind (the fields it searches, its number in the SQLite
index) is its ``search`` part, a ``Searched``: ``relations.search.KINDS`` is this
registry's kinds in index order.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from . import filters, schemas, structured_data
from .history import is_history_record
from .models import Agreement, Event, EventSeries, Office, Organisation, PartnerPage, Person, Visit


@dataclass(frozen=True)
class Searched:
    """What site search (relations/search.py) reads of a kind."""

    # Its number in the SQLite index (search_index.rowid); never reuse one.
    number: int
    title: str
    # Fields searched besides the title, most telling first.
    fields: tuple
    # The date shown, and the column the most recent are found by.
    date: str | None = None
    order: str | None = None
    # More fields, and (accessor, fields) of related rows. PostgreSQL's stored vectors
    # (migration 0015) hold the title, fields and more; related rows have their own.
    more: tuple = ()
    related: tuple = ()


# Compared and hashed by identity: each kind is one object, used as a key.
@dataclass(frozen=True, eq=False)
class EntryKind:
    # In addresses of the API, downloads, feeds and search: /api/events/, events.csv.
    name: str
    # In URL names ("event-list", "event-detail") and the timeline's ``?kind=event``.
    singular: str
    model: type
    label: str
    plural_label: str
    # A list page filtered by this FilterSet, with downloads and an API in this schema.
    filterset: type | None = None
    schema: type | None = None
    # Related rows the schema reads besides the page's, so that a download or an API page
    # costs a fixed number of queries.
    schema_select: tuple = ()
    schema_prefetch: tuple = ()
    feed: bool = False  # a feed of its newest entries at /feeds/<plural>/
    sitemap: bool = True
    search: Searched | None = None
    # Its detail page's schema.org description: a function of an entry giving a dict
    # (relations/structured_data.py), wrapped by ``structured_data.json_ld``.
    schema_org: object = None

    def __str__(self):
        return self.name

    @property
    def detail_url_name(self):
        return f"relations:{self.singular}-detail"

    @property
    def list_url_name(self):
        return f"relations:{self.singular}-list" if self.filterset else None

    @property
    def date_fields(self):
        """The columns of the date it is known by and that date's precision."""
        return self.model.date_fields[:2]

    def published(self):
        """What visitors see of a listed kind, with the related rows its pages show."""
        return self.model.objects.published().for_pages()

    def cards(self):
        """What visitors see of a listed kind, with the related rows its list's cards show
        and no others (the detail pages' and downloads' are ``published()``'s)."""
        return self.model.objects.published().for_cards()

    def rows(self, queryset):
        """``queryset`` with the related rows the schema reads."""
        return queryset.select_related(*self.schema_select).prefetch_related(*self.schema_prefetch)


EVENTS = EntryKind(
    "events",
    "event",
    Event,
    _("Event"),
    _("Events"),
    filters.EventFilter,
    schemas.EventOut,
    ("place_country", "series"),
    ("countries",),
    feed=True,
    search=Searched(3, "title", ("summary", "body", "place"), "when", "date"),
    schema_org=structured_data.event_data,
)
AGREEMENTS = EntryKind(
    "agreements",
    "agreement",
    Agreement,
    _("Agreement"),
    _("Agreements"),
    filters.AgreementFilter,
    schemas.AgreementOut,
    schema_prefetch=("parties",),
    feed=True,
    search=Searched(2, "title", ("aliases", "summary", "place"), "when", "signed_on"),
    schema_org=structured_data.agreement_data,
)
VISITS = EntryKind(
    "visits",
    "visit",
    Visit,
    _("Visit"),
    _("Visits"),
    filters.VisitFilter,
    schemas.VisitOut,
    ("person", "origin_country", "host_country"),
    feed=True,
    search=Searched(4, "title", ("summary", "role", "place"), "when", "date"),
    schema_org=structured_data.visit_data,
)
OFFICES = EntryKind(
    "offices",
    "office",
    Office,
    _("Office"),
    _("Offices"),
    filters.OfficeFilter,
    schemas.OfficeOut,
    ("organisation", "country"),
    search=Searched(7, "name", ("city", "address", "summary")),
    schema_org=structured_data.office_data,
)
ORGANISATIONS = EntryKind(
    "organisations",
    "organisation",
    Organisation,
    _("Organisation"),
    _("Organisations"),
    filters.OrganisationFilter,
    schemas.OrganisationOut,
    ("parent",),
    ("countries",),
    search=Searched(6, "name", ("acronym", "description"), more=("members_note", "founding_note")),
    schema_org=structured_data.organisation_data,
)
SERIES = EntryKind(
    "recurring-events",
    "series",
    EventSeries,
    _("Recurring event"),
    _("Recurring events"),
    search=Searched(5, "name", ("acronym", "description", "place")),
    schema_org=structured_data.series_data,
)
PARTNER_PAGES = EntryKind(
    "partner-pages",
    "partner",
    PartnerPage,
    _("Partner page"),
    _("Partner pages"),
    search=Searched(1, "title", ("summary",), related=(("sections", ("title", "body")),)),
    schema_org=structured_data.partner_data,
)
# People are not drafts (relations.models.Person): their sitemap is of those a published
# entry names (sitemaps.PersonSitemap), not of published people.
PEOPLE = EntryKind(
    "people",
    "person",
    Person,
    _("Person"),
    _("People"),
    sitemap=False,
    search=Searched(8, "name", ("summary",), related=(("roles", ("title",)),)),
    schema_org=structured_data.person_data,
)

ALL = (EVENTS, AGREEMENTS, VISITS, OFFICES, ORGANISATIONS, SERIES, PARTNER_PAGES, PEOPLE)
BY_MODEL = {kind.model: kind for kind in ALL}
# The kinds with a list page, its downloads and an API.
LISTED = {kind.name: kind for kind in ALL if kind.filterset}
FEEDS = {kind.name: kind for kind in ALL if kind.feed}


def content_models():
    """Every model of the app, history records aside: roles, history, backups and the
    tests that guard them read this, so a new model is covered without a change to them."""
    return [
        model
        for model in apps.get_app_config("relations").get_models()
        if not is_history_record(model)
    ]
