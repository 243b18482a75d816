"""Every page costs the same number of SQL queries however much content there is.

One dataset of every kind serves the whole module, at two sizes: generate_content's small
scale (1,000 events with organisations, visits, agreements, offices, people, series,
sources, roles, co-chairs, actions and links), then a second run that doubles it, plus
countries, partner pages and sections, which it makes only once. Every page is requested
at both sizes with an empty page cache; a page may not run more queries at the larger
size. Each case first checks that the rows its page shows did grow, so none can pass
because nothing changed; a page with an absolute ceiling checks that too.
"""

import datetime
import fcntl
import json
from dataclasses import astuple, dataclass
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from relations import kinds, models
from relations.sample_pages import sample_pages

pytestmark = pytest.mark.django_db

ADMIN_MODELS = [model for model in admin.site._registry if model._meta.app_label == "relations"]

# What each visitor page lists: the rows that must grow for its case to mean anything.
PAGE_MODELS = {
    "home": models.Event,
    "partner page": models.Event,
    "events": models.Event,
    "agreements": models.Agreement,
    "visits": models.Visit,
    "offices": models.Office,
    "organisations": models.Organisation,
    "timeline": models.Event,
    "search": models.Event,
    "event": models.Organisation,  # a detail page: its related rows grow, the page does not
    "agreement": models.AgreementAction,
    "visit": models.Agreement,
    "office": models.Organisation,
    "organisation": models.Event,
    "series": models.Event,
    "person": models.Visit,
    "records": models.Role,
    "api": models.Event,
    "feeds": models.Event,
    "calendar": models.Event,
    "sitemap": models.Event,
    "sitemap people": models.Person,
}
# Absolute ceilings, as the pages are written today.
LIMITS = {
    "home": 24,
    "partner page": 25,
    "timeline": 16,  # one of them finds which decades hold an entry (no empty one offered)
    "sitemap": 16,  # the index counts each kind's pages: two queries a kind
    "list": 8,
    "detail": 10,
    "admin": 12,
    # The schedule's rows, each kind's count from the index, and each kind with matches
    # its index rows and its entries: about two queries a kind (tests/test_search.py). On
    # PostgreSQL also the search's planner settings (search.indexed(): set, and restored
    # inside a test's transaction) and, once per word, its tsqueries (search.word_queries).
    "search": 17,
}


@dataclass(frozen=True)
class Cost:
    queries: int
    rows: int  # the rows of the model the page lists, when it was requested


def page_model(name):
    """The model of a page named "events, 1 filter", "api events list", "partner page"..."""
    return PAGE_MODELS.get(name) or PAGE_MODELS[name.split(",")[0].split(" ")[0]]


def other_pages():
    """Pages outside sample_pages(): the records' filters, API, feeds, calendar, sitemap."""
    council = models.Organisation.objects.filter(kind="council").order_by("pk").first()
    office = models.Office.objects.published().order_by("pk").first()
    yield "records, visits by role", f"{reverse('relations:visit-list')}?role=Minister"
    yield (
        "records, agreements by action",
        f"{reverse('relations:agreement-list')}?action=signature&action_year=2020",
    )
    yield "records, events of a body", f"{reverse('relations:event-list')}?body={council.slug}"
    yield "events, sorted", f"{reverse('relations:event-list')}?sort=-date&category=diplomatic"
    for kind in kinds.LISTED:
        entry = kinds.LISTED[kind].model.objects.published().order_by("pk").first()
        yield f"api {kind} list", reverse(f"api:{kind}-list")
        yield f"api {kind} detail", reverse(f"api:{kind}-detail", args=[entry.slug])
    yield "feeds rss", reverse("relations:feed-rss")
    yield "feeds atom", reverse("relations:feed-atom")
    yield "feeds agreements", reverse("relations:kind-feed-rss", kwargs={"kind": "agreements"})
    yield "feeds vcard", reverse("relations:office-vcard", args=[office.slug])
    yield "calendar", reverse("relations:calendar")
    yield "sitemap", reverse("sitemap")
    yield "sitemap events", reverse("sitemap-section", kwargs={"section": "event"})
    yield "sitemap people", reverse("sitemap-section", kwargs={"section": "person"})


def admin_pages():
    for model in ADMIN_MODELS:
        name = model._meta.model_name
        yield f"admin {name}", reverse(f"admin:relations_{name}_changelist"), model


def measure(visitor, editor):
    """{case: Cost} for every page, each requested with an empty page cache."""
    pages = [
        (name.split(", page")[0], path, page_model(name))
        for name, path in (*sample_pages(), *other_pages())
    ]
    pages += [(name, path, model) for name, path, model in admin_pages()]
    costs = {}
    for name, path, model in pages:
        client = editor if name.startswith("admin") else visitor
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        costs[name] = Cost(len(queries.captured_queries), model.objects.count())
    return costs


def grow_what_generate_content_makes_once(n=20):
    """Countries, their partner pages and sections: the generator makes 21 and keeps them."""
    for i in range(n):
        code = f"X{chr(65 + i)}"
        country = models.Country.objects.create(
            name_en=f"Extra {code}", slug=f"extra-{code.lower()}", iso_code=code
        )
        page = models.PartnerPage.objects.create(
            country=country,
            slug=country.slug,
            title_en=f"Cooperation with {country.name_en}",
            relations_established=datetime.date(2000, 1, 1),
            relations_established_precision="year",
            publication=models.Publication.PUBLISHED,
        )
        for position in range(3):
            models.Section.objects.create(
                page=page, slug=f"part-{position}", position=position, title_en="Part", body_en="x"
            )


@pytest.fixture(scope="module")
def costs(django_db_setup, django_db_blocker, tmp_path_factory, worker_id):
    """(small, grown): each page's cost at both sizes; the data is rolled back after.

    Measured once for the whole run: pytest-xdist spreads this module's cases over its
    workers (and may set a module fixture up more than once), so the first to get here
    measures and writes the figures where the others find them."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the run's folder, above each worker's own
    figures = shared / "query-costs.json"
    with (shared / "query-costs.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not figures.exists():
            with django_db_blocker.unblock():
                small, grown = measured_twice()
            figures.write_text(
                json.dumps(
                    [
                        {name: astuple(cost) for name, cost in size.items()}
                        for size in (small, grown)
                    ]
                )
            )
    return tuple(
        {name: Cost(*cost) for name, cost in size.items()}
        for size in json.loads(figures.read_text())
    )


def measured_twice():
    with translation.override("en"), transaction.atomic():
        call_command("setup_roles", stdout=StringIO())
        user = get_user_model().objects.create_user("counter", is_staff=True)
        user.groups.add(Group.objects.get(name="Editors"))
        editor, visitor = Client(), Client()
        editor.force_login(user)
        call_command("generate_content", scale="small", seed=1, verbosity=0)
        small = measure(visitor, editor)
        call_command("generate_content", scale="small", seed=2, verbosity=0)
        grow_what_generate_content_makes_once()
        grown = measure(visitor, editor)
        transaction.set_rollback(True)
    cache.clear()
    return small, grown


def case_names():
    """The cases, known before any data exists (the slugs in the paths are not)."""
    lists = ("events", "agreements", "visits", "offices", "organisations")
    names = ["home", "partner page", "timeline", "timeline, a decade", "timeline, deepest page"]
    names += ["search", "search, a rare word", "search, 3rd page of events"]
    names += ["person", "event", "agreement", "visit", "office", "organisation"]
    names += ["series", "events, sorted"]
    names += [f"{kind}{suffix}" for kind in lists for suffix in (" list", ", 1 filter")]
    names += [f"{kind}, 3 filters" for kind in lists] + list(lists)  # lists: the last page
    names += ["records, visits by role", "records, agreements by action"]
    names += ["records, events of a body"]
    names += [f"api {kind} {view}" for kind in lists for view in ("list", "detail")]
    names += ["feeds rss", "feeds atom", "feeds agreements", "feeds vcard", "calendar", "sitemap"]
    names += ["sitemap events", "sitemap people"]
    names += [f"admin {model._meta.model_name}" for model in ADMIN_MODELS]
    return names


def limit_of(name):
    if name.startswith(("admin", "timeline", "sitemap", "search")):
        return LIMITS[name.split(",")[0].split(" ")[0]]
    if name in LIMITS:
        return LIMITS[name]
    if name.endswith((" list", "filter", "filters", "sorted")) or name.startswith("records"):
        return LIMITS["list"]
    return LIMITS["detail"]


@pytest.mark.parametrize("name", case_names())
def test_a_page_runs_no_more_queries_with_twice_the_content(costs, name):
    small, grown = costs
    assert grown[name].rows > small[name].rows, f"{name}: its rows did not grow"
    assert grown[name].queries <= small[name].queries, (name, small[name], grown[name])
    assert small[name].queries <= limit_of(name), (name, small[name])


def test_every_page_and_changelist_is_a_case(costs):
    small, _grown = costs
    assert set(small) == set(case_names())
