"""Generated hostile input for every page and every admin form: never a 5xx, never unescaped.

Hypothesis makes query strings and form data from unknown and repeated keys, huge
and negative numbers, malformed dates, unicode, control characters (NUL too), very
long values and SQL and HTML fragments. Each example runs in a savepoint rolled back
after it, so every example starts from the seed, and has a deadline: a request that
takes seconds (an admin form asked for 2,000 inline rows did) is a failure.

Profiles (HYPOTHESIS_PROFILE):
- "default" (`make test`): 25 examples per address and form, the same ones every run.
- "fuzz" (`make fuzz`): 300 new random examples per address and form each run; a failure
  is stored in .hypothesis/ and replayed first next time.
"""

import datetime
import os
import re
from contextlib import contextmanager
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from relations import models
from tests.test_admin import MODELS, admin_url

pytestmark = pytest.mark.django_db

settings.register_profile(
    "default",
    # A fixed set, enough to cross every field with a hostile value in each language
    # (make test); `make fuzz` runs 300 new ones.
    max_examples=12,
    # Generous for a loaded 2-core machine; the slowest example takes about a tenth of it.
    deadline=datetime.timedelta(seconds=3),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    parent=settings.get_profile("default"),
    max_examples=300,
    derandomize=False,
    database=DirectoryBasedExampleDatabase(".hypothesis/examples"),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@contextmanager
def rolled_back():
    """One example's writes, undone before the next one starts."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


KNOWN_KEYS = [
    "q", "year", "page", "sort", "category", "kind", "status", "sphere", "level", "country",
    "person", "origin", "host", "organisation", "o", "p", "e", "all", "_popup", "_to_field",
    "publication__exact", "date__year", "date__month", "untranslated", "countries__id__exact",
    "format", "page_size", "role", "body", "action", "action_year",
]  # fmt: skip
FRAGMENTS = [
    "' OR 1=1 --",
    "1; DROP TABLE relations_event;",
    "%' UNION SELECT password FROM auth_user --",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
    "\x00",
    "\r\nSet-Cookie: x=1",
    "1994-13-45",
    "31/02/2004",
    "0000-00-00",
    "-1",
    "1e309",
    "NaN",
    "9" * 40,
    "тест Türkiye 中文 🇹🇷",
    "csv",
    "json",
]
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
texts = st.text(max_size=30)
values = st.one_of(
    st.sampled_from(FRAGMENTS),
    numbers,
    texts,
    st.dates().map(str),
    st.text(min_size=1000, max_size=2000),
    st.tuples(texts, st.sampled_from(FRAGMENTS), texts).map("".join),
)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=20))
pairs = st.lists(st.tuples(keys, values), max_size=8)


def assert_escaped(response, sent):
    """No value that could be markup comes back as it was sent."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode(errors="replace")
    for value in sent:
        if len(value) >= 6 and re.search(r"[<>\"']", value):
            assert value not in body, f"reflected unescaped: {value!r}"


@pytest.fixture(autouse=True)
def server_errors_as_responses(client):
    """Answer as a real server would: SuspiciousOperation is a 400, a crash a 500."""
    client.raise_request_exception = False


def check(client, path, query_pairs):
    with rolled_back():
        response = client.get(f"{path}?{urlencode(query_pairs)}")
    assert response.status_code < 500, (path, query_pairs)
    assert_escaped(response, [value for _key, value in query_pairs])


LISTS = [
    "home", "event-list", "agreement-list", "visit-list", "office-list", "organisation-list",
    "timeline", "search", "feed-rss", "feed-atom", "calendar",
]  # fmt: skip
DETAILS = {
    "event-detail": models.Event,
    "agreement-detail": models.Agreement,
    "visit-detail": models.Visit,
    "office-detail": models.Office,
    "organisation-detail": models.Organisation,
    "partner-detail": models.PartnerPage,
    "person-detail": models.Person,
    "series-detail": models.EventSeries,
    "office-vcard": models.Office,
}
API_KINDS = ["events", "agreements", "visits", "offices", "organisations"]
LANGUAGES = ("en", "ru", "tr")


def first_slug(model):
    return model.objects.order_by("pk").values_list("slug", flat=True)[0]


def public_path(name, language):
    """The page's address in ``language``; a detail page shows the first seed entry."""
    if name.startswith("api:"):
        kind, view = name[4:].split("-")
        args = [first_slug(getattr(models, KIND_MODELS[kind]))] if view == "detail" else []
        return reverse(f"api:{kind}-{view}", args=args)
    kwargs = {"slug": first_slug(DETAILS[name])} if name in DETAILS else {}
    if name.startswith("kind-feed"):
        kwargs = {"kind": "agreements"}
    with translation.override(language):
        return reverse(f"relations:{name}", kwargs=kwargs)


KIND_MODELS = {
    "events": "Event",
    "agreements": "Agreement",
    "visits": "Visit",
    "offices": "Office",
    "organisations": "Organisation",
}
PUBLIC = [
    *LISTS,
    "kind-feed-rss",
    *DETAILS,
    *(f"api:{kind}-{view}" for kind in API_KINDS for view in ("list", "detail")),
]


@pytest.mark.parametrize("name", PUBLIC)
def test_public_addresses_survive_generated_query_strings(client, seed, name):
    """Each address gets the profile's full count, spread over the three languages."""
    paths = {language: public_path(name, language) for language in LANGUAGES}
    for path in set(paths.values()):
        assert client.get(path).status_code == 200, path

    @given(language=st.sampled_from(LANGUAGES), query_pairs=pairs)
    def run(language, query_pairs):
        check(client, paths[language], query_pairs)

    run()


def add_one(model):
    """A row of a kind the seed has none of, so that its change form is fuzzed too."""
    if model is models.AgreementLink:
        older, newer = models.Agreement.objects.order_by("signed_on")[:2]
        return model.objects.create(from_agreement=newer, kind="amends", to_agreement=older)
    if model is models.CoChair:
        return model.objects.create(
            body=models.Organisation.objects.get(slug="high-level-cooperation-council"),
            person=models.Person.objects.get(slug="dmitry-medvedev"),
            date=datetime.date(2010, 5, 12),
            date_precision="day",
        )
    raise AssertionError(f"the seed has no {model._meta.verbose_name}: add one here")


def form_names(html):
    return sorted(set(re.findall(r'name="([^"]+)"', html)) - {"csrfmiddlewaretoken"})


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_admin_changelists_survive_generated_query_strings(staff_client, seed, model):
    path = admin_url(model, "changelist")

    @given(query_pairs=pairs)
    def run(query_pairs):
        check(staff_client, path, query_pairs)

    run()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("view", ["add", "change"])
def test_admin_forms_survive_generated_form_data(staff_client, seed, model, view):
    first = model.objects.order_by("pk").first() or (view == "change" and add_one(model))
    args = (first.pk,) if view == "change" else ()
    path = admin_url(model, view, *args)
    names = form_names(staff_client.get(path).content.decode())
    assert names, path

    @given(
        data=st.dictionaries(st.sampled_from(names), values, max_size=len(names)),
        extra=pairs,
    )
    def run(data, extra):
        form = [*data.items(), *extra]
        with rolled_back():
            response = staff_client.post(path, urlencode(form), "application/x-www-form-urlencoded")
        assert response.status_code < 500, (path, form)
        assert_escaped(response, [value for _key, value in form])

    run()
