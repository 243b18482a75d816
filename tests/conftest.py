"""Shared fixtures: the seed content, and small factories for each kind of entry."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.text import slugify

from relations.models import (
    Agreement,
    Country,
    Event,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Publication,
    Visit,
)

_counter = itertools.count(1)


def _unique(prefix):
    return f"{prefix}-{next(_counter)}"


@pytest.fixture(autouse=True)
def english():
    """Each test starts in English, whatever language an earlier request activated."""
    with translation.override("en"):
        yield


@pytest.fixture
def seed(db):
    call_command("loaddata", "seed", verbosity=0)


@pytest.fixture
def country(db):
    def make(**kwargs):
        n = next(_counter)
        defaults = {
            "name": f"Country {n}",
            "slug": f"country-{n}",
            "iso_code": f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}",
        }
        return Country.objects.create(**(defaults | kwargs))

    return make


@pytest.fixture
def turkey(country):
    return country(name="Testland", slug="testland", iso_code="QT")


@pytest.fixture
def russia(country):
    return country(name="Homeland", slug="homeland", iso_code="QH")


@pytest.fixture
def make_event(db, turkey):
    def make(countries=None, organisations=(), **kwargs):
        defaults = {
            "title": _unique("Event"),
            "date": datetime.date(2000, 1, 1),
            "date_precision": "day",
            "category": "diplomatic",
            "publication": Publication.PUBLISHED,
        }
        fields = defaults | kwargs
        fields.setdefault("slug", slugify(fields["title"]))
        event = Event.objects.create(**fields)
        event.countries.set(countries if countries is not None else [turkey])
        event.organisations.set(organisations)
        return event

    return make


@pytest.fixture
def make_person(db):
    def make(**kwargs):
        name = kwargs.pop("name", _unique("Person"))
        return Person.objects.create(name=name, slug=kwargs.pop("slug", slugify(name)), **kwargs)

    return make


@pytest.fixture
def make_visit(db, turkey, russia, make_person):
    def make(**kwargs):
        defaults = {
            "title": _unique("Visit"),
            "date": datetime.date(2004, 12, 5),
            "date_precision": "day",
            "level": "state",
            "origin_country": russia,
            "host_country": turkey,
            "publication": Publication.PUBLISHED,
        }
        fields = defaults | kwargs
        fields.setdefault("person", make_person())
        fields.setdefault("slug", slugify(fields["title"]))
        return Visit.objects.create(**fields)

    return make


@pytest.fixture
def make_agreement(db, turkey, russia):
    def make(parties=None, **kwargs):
        defaults = {
            "title": _unique("Agreement"),
            "kind": "treaty",
            "signed_on": datetime.date(1992, 5, 25),
            "signed_precision": "day",
            "publication": Publication.PUBLISHED,
        }
        fields = defaults | kwargs
        fields.setdefault("slug", slugify(fields["title"]))
        agreement = Agreement.objects.create(**fields)
        agreement.parties.set(parties if parties is not None else [russia, turkey])
        return agreement

    return make


@pytest.fixture
def make_organisation(db):
    def make(countries=(), **kwargs):
        name = kwargs.pop("name", _unique("Organisation"))
        defaults = {"slug": slugify(name), "kind": "company", "publication": Publication.PUBLISHED}
        organisation = Organisation.objects.create(name=name, **(defaults | kwargs))
        organisation.countries.set(countries)
        return organisation

    return make


@pytest.fixture
def make_office(db, turkey, make_organisation):
    def make(represents=(), **kwargs):
        name = kwargs.pop("name", _unique("Office"))
        defaults = {
            "slug": slugify(name),
            "country": turkey,
            "city": "Ankara",
            "phone": "(+90312) 418-67-26",
            "publication": Publication.PUBLISHED,
        }
        fields = defaults | kwargs
        fields.setdefault("organisation", make_organisation())
        office = Office.objects.create(name=name, **fields)
        office.represents.set(represents)
        return office

    return make


@pytest.fixture
def partner_page(db, turkey):
    return PartnerPage.objects.create(
        country=turkey,
        title="Cooperation with Testland",
        slug="testland",
        publication=Publication.PUBLISHED,
    )


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-123456")
    client.force_login(user)
    return client


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Pages name hashed static files from collectstatic's manifest, so the suite collects
    them once into a folder of its own, as a release does: no stale or missing manifest."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


@pytest.fixture(autouse=True)
def empty_cache():
    """The database rolls back after each test; the page cache must start empty as well."""
    cache.clear()
