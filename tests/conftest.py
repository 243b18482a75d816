"""Shared fixtures: the seed content, and small factories for each kind of entry."""

import datetime
import itertools
import os
from contextlib import contextmanager
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.test import Client, override_settings
from django.test.testcases import LiveServerThread
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

from relations import cache as page_cache
from relations import search
from relations.forms import version_of
from relations.loading import reset_sequences
from relations.models import (
    Agreement,
    AgreementAction,
    AgreementLink,
    CoChair,
    Country,
    Event,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Publication,
    Role,
    Source,
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


def load_seed():
    # One new page-cache generation for the whole load, as load_content draws.
    with page_cache.one_invalidation():
        call_command("loaddata", "seed", verbosity=0)


@pytest.fixture(scope="session")
def seed_rows(django_db_setup, django_db_blocker):
    """[(model, columns, rows)]: every row ``loaddata seed`` writes (entries, their history
    and many-to-many rows), read once per test process and rolled back.

    Loading the seed took about 800 queries and half a second, in more than half the tests;
    writing these rows back takes one insert per table."""
    models = apps.get_app_config("relations").get_models(include_auto_created=True)
    tables = []
    with django_db_blocker.unblock(), transaction.atomic():
        load_seed()
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for model in models:
                # The model's own columns: PostgreSQL computes its search columns itself.
                columns = [field.column for field in model._meta.concrete_fields]
                cursor.execute(
                    f"SELECT {', '.join(quote(column) for column in columns)} "
                    f"FROM {quote(model._meta.db_table)}"
                )
                rows = cursor.fetchall()
                if rows:
                    tables.append((model, columns, rows))
        transaction.set_rollback(True)
    return tables


@pytest.fixture
def seed(db, seed_rows):
    """The seed content, exactly as ``loaddata seed`` leaves it."""
    if any(model._default_manager.exists() for model, _columns, _rows in seed_rows):
        load_seed()  # rows made before this fixture could hold the seed's ids
        return
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for model, columns, rows in seed_rows:
            cursor.executemany(
                f"INSERT INTO {quote(model._meta.db_table)} "
                f"({', '.join(quote(column) for column in columns)}) "
                f"VALUES ({', '.join(['%s'] * len(columns))})",
                rows,
            )
    reset_sequences([model for model, _columns, _rows in seed_rows])
    search.rebuild_index()  # rows written without save(), so without the index's receivers
    page_cache.invalidate()


# Codes the fixed test countries and the seed use: a made-up country never takes one.
TAKEN_CODES = {"QT", "QH", "RU", "SU", "TR"}


LETTERS = [chr(code) for code in range(65, 91)]
FREE_CODES = [a + b for a in LETTERS for b in LETTERS if a + b not in TAKEN_CODES]


def made_up_code(n):
    """The n-th free two-letter code (n from a counter: distinct within any test)."""
    return FREE_CODES[n % len(FREE_CODES)]


@pytest.fixture
def country(db):
    def make(**kwargs):
        n = next(_counter)
        defaults = {"name": f"Country {n}", "slug": f"country-{n}", "iso_code": made_up_code(n)}
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
def make_action(db, turkey, make_agreement):
    def make(**kwargs):
        defaults = {
            "party": turkey,
            "action": "signature",
            "date": datetime.date(1992, 5, 25),
            "date_precision": "day",
        }
        fields = defaults | kwargs
        fields.setdefault("agreement", make_agreement())
        return AgreementAction.objects.create(**fields)

    return make


@pytest.fixture
def make_link(db, make_agreement):
    def make(**kwargs):
        fields = {"kind": "amends"} | kwargs
        fields.setdefault("from_agreement", make_agreement())
        fields.setdefault("to_agreement", make_agreement())
        return AgreementLink.objects.create(**fields)

    return make


@pytest.fixture
def make_role(db, make_person):
    def make(**kwargs):
        defaults = {"title": _unique("Minister"), "date": datetime.date(2000, 1, 1)}
        fields = defaults | kwargs
        fields.setdefault("person", make_person())
        return Role.objects.create(**fields)

    return make


@pytest.fixture
def make_cochair(db, make_person, make_organisation):
    def make(**kwargs):
        fields = {"date": datetime.date(2010, 5, 12), "role": "Co-chair"} | kwargs
        fields.setdefault("person", make_person())
        fields.setdefault("body", make_organisation(kind="council"))
        return CoChair.objects.create(**fields)

    return make


@pytest.fixture
def make_source(db):
    def make(**kwargs):
        title = kwargs.pop("title", _unique("Source"))
        return Source.objects.create(title=title, slug=kwargs.pop("slug", slugify(title)), **kwargs)

    return make


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-123456")
    client.force_login(user)
    return client


def redis_database(url, number):
    """The same Redis server, another database: ``?db=`` wins over a path in redis-py."""
    base, _, query = url.partition("?")
    params = [param for param in query.split("&") if param and not param.startswith("db=")]
    return f"{base}?{'&'.join([*params, f'db={number}'])}"


@pytest.fixture(scope="session", autouse=True)
def test_settings(worker_id):
    """A fast password hasher (the default one is slow on purpose), and under pytest-xdist
    a Redis database of each worker's own: clearing the cache in one must not empty the
    other's. Programs a test starts inherit it through REDIS_URL."""
    overrides = {"PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}
    cache_settings = settings.CACHES["default"]
    saved_url = os.environ.get("REDIS_URL")
    if cache_settings["BACKEND"].endswith("RedisCache") and worker_id != "master":
        location = redis_database(cache_settings["LOCATION"], int(worker_id.lstrip("gw")) + 1)
        overrides["CACHES"] = {"default": cache_settings | {"LOCATION": location}}
        os.environ["REDIS_URL"] = location
    with override_settings(**overrides):
        yield
    if saved_url is not None:
        os.environ["REDIS_URL"] = saved_url


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


@pytest.fixture
def roles(db):
    call_command("setup_roles", stdout=StringIO())


@pytest.fixture
def make_staff(roles, django_user_model):
    """A staff account in one of the groups `setup_roles` creates."""

    def make(group, username=None):
        user = django_user_model.objects.create_user(
            username or _unique(group.lower()), password="pw-123456", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def _client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor(make_staff):
    return make_staff("Editors")


@pytest.fixture
def contributor(make_staff):
    return make_staff("Contributors")


@pytest.fixture
def editor_client(editor):
    return _client_for(editor)


@pytest.fixture
def contributor_client(contributor):
    return _client_for(contributor)


def bulk_action(action, entries):
    """What a changelist posts to run ``action`` on ``entries``: their boxes ticked, and beside
    each the version of the entry the list showed ("Publish" publishes that version only)."""
    return {
        "action": action,
        "_selected_action": [entry.pk for entry in entries],
        **{f"_seen_version-{entry.pk}": version_of(entry) for entry in entries},
    }


@pytest.fixture
def event_post():
    """What the admin's event form posts for ``event``, with ``changes`` applied.

    The version stamp is the one the form carries when opened now.
    """

    translated = ("title", "summary", "body", "place")

    def post(event, **changes):
        # The admin edits each translated field once per language: title_en, title_ru, ...
        data = {
            f"{field}_{code}": getattr(event, f"{field}_{code}") or ""
            for field in translated
            for code, _name in settings.LANGUAGES
        }
        data |= {
            "slug": event.slug,
            "category": event.category,
            "date": event.date.isoformat(),
            "date_precision": event.date_precision,
            "end_date": event.end_date.isoformat() if event.end_date else "",
            "end_precision": event.end_precision,
            "place_country": event.place_country_id or "",
            "countries": [country.pk for country in event.countries.all()],
            "organisations": [organisation.pk for organisation in event.organisations.all()],
            "series": event.series_id or "",
            "publication": event.publication,
            "publish_at_0": "",
            "publish_at_1": "",
            "seen_version": version_of(event),
        }
        return data | {
            (f"{key}_en" if key in translated else key): value for key, value in changes.items()
        }

    return post


@pytest.fixture
def site_url(transactional_db):
    """A live server whose static files come from whitenoise, as in production (Django's own
    live server would look for unhashed names and miss every hashed one)."""
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    with override_settings(ALLOWED_HOSTS=["127.0.0.1"]):
        thread = LiveServerThread(
            "127.0.0.1", static_handler=lambda app: app, connections_override=shared, port=0
        )
        thread.daemon = True
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        yield f"http://127.0.0.1:{thread.port}"
        thread.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


CHROMIUM = Path("/usr/bin/chromium")


@contextmanager
def chromium():
    """Debian's Chromium driven by Playwright (never a downloaded browser). Without it the
    test is skipped, except under CI=true, where it fails: CI must run the browser tests.

    Playwright's sync API runs an event loop in this thread, where Django refuses ORM
    calls: callers set DJANGO_ALLOW_ASYNC_UNSAFE for their test (monkeypatch.setenv)."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


def log_in(page, site_url, username, password="pw-123456"):
    """Sign in through the admin's login form, as an editor does (``make_staff`` accounts
    have this password)."""
    page.goto(site_url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click('input[type="submit"]')
    page.wait_for_load_state()


@pytest.fixture
def sign_in(site_url, browser):
    """sign_in(user) -> a page of that user's own browser context, signed in (the browser
    tests of editors at work: two editors are two contexts)."""
    contexts = []

    def sign_in(user):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        log_in(page, site_url, user.username)
        assert page.locator("#user-tools").count() == 1, "not signed in"
        page.site_url = site_url
        return page

    yield sign_in
    for context in contexts:
        context.close()


def admin(page, name, *args):
    """Open the admin page ``admin:relations_<name>`` in a ``sign_in`` page."""
    page.goto(page.site_url + reverse(f"admin:relations_{name}", args=args))


@pytest.fixture(scope="module")
def browser():
    """One Chromium for a module's tests (tests/test_browser*.py); ORM calls allowed while
    Playwright's loop runs in this thread (see ``chromium``)."""
    with pytest.MonkeyPatch.context() as patch, chromium() as launched:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield launched


class _FormReader(HTMLParser):
    """The fields of one HTML form, as a browser would submit it untouched."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.pairs = form_id, False, []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
        elif not self.inside or "disabled" in attrs:
            return
        elif tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            default = "on" if kind == "checkbox" else ""
            self.pairs.append((attrs["name"], attrs.get("value", default)))
        elif tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.select["options"].append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and attrs.get("name"):
            self.textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.pairs.append((name, text.removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = [value for value, selected in self.select["options"] if selected]
            if not chosen and not self.select["multiple"] and self.select["options"]:
                chosen = [self.select["options"][0][0]]
            self.pairs += [(self.select["name"], value) for value in chosen]
            self.select = None


def form_fields(html, form_id=None):
    """[(name, value)] of the form ``form_id`` (or every form) in ``html``, as submitted."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.pairs


def admin_form(response):
    """The admin add or change form a response shows, as a dict of lists for a POST."""
    model_name = response.context["opts"].model_name
    data = {}
    for name, value in form_fields(response.content.decode(), f"{model_name}_form"):
        data.setdefault(name, []).append(value)
    return data
