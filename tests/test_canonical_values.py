"""Issue 16: a new spelling of a value a page reads costs no rendering (relations/canonical.py).

An invalid value (``?year=abc``, ``?sort=nonsense``, ``?page=x``) or a valid one spelt
otherwise (``?year=01992``, a key given twice) is answered with a redirect to the page's
canonical address, before any list query or template, and Varnish may keep that redirect
(public, s-maxage, the keys every change purges). What is already canonical is served as
before.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relations import cache as page_cache

pytestmark = pytest.mark.django_db

REDIRECTS = [
    # (asked for, its canonical address)
    ("/en/events/?year=abc", "/en/events/"),
    ("/en/events/?year=01992", "/en/events/?year=1992"),
    ("/en/events/?year=+1992", "/en/events/?year=1992"),
    ("/en/events/?year=%201992%20", "/en/events/?year=1992"),
    ("/en/events/?year=99999&q=forum", "/en/events/?q=forum"),
    ("/en/events/?sort=nonsense", "/en/events/"),
    ("/en/events/?sort=date&sort=-date", "/en/events/?sort=-date"),
    ("/en/events/?page=x", "/en/events/"),
    ("/en/events/?page=0", "/en/events/"),
    ("/en/events/?page=-3&category=cultural", "/en/events/?category=cultural"),
    ("/en/events/?page=001", "/en/events/?page=1"),
    ("/en/events/?category=nonsense", "/en/events/"),
    ("/en/events/?country=atlantis", "/en/events/"),
    ("/en/events/?q=%20forum%20", "/en/events/?q=forum"),
    ("/en/events/?q=" + "x" * 300, "/en/events/?q=" + "x" * 200),
    ("/en/events/?q=for%00um", "/en/events/?q=forum"),
    ("/en/events/?format=xml&year=1992", "/en/events/?year=1992"),
    ("/en/agreements/?kind=nonsense&action_year=1921.0", "/en/agreements/?action_year=1921"),
    ("/en/visits/?level=z&sort=-date", "/en/visits/?sort=-date"),
    ("/en/organisations/?kind=x", "/en/organisations/"),
    ("/en/offices/?country=nowhere&q=a", "/en/offices/?q=a"),
    ("/en/timeline/?kind=rumour", "/en/timeline/"),
    ("/en/timeline/?decade=1234&page=02", "/en/timeline/?page=2"),
    ("/en/timeline/?country=atlantis&category=cultural", "/en/timeline/?category=cultural"),
    ("/en/search/?q=forum&year=abc", "/en/search/?q=forum"),
    ("/en/search/?q=forum&kind=nonsense&page=x", "/en/search/?q=forum"),
    ("/en/search/?q=%20forum&year=01995", "/en/search/?q=forum&year=1995"),
]


@pytest.mark.parametrize(("asked", "canonical"), REDIRECTS)
def test_a_value_spelt_otherwise_or_invalid_redirects_to_the_canonical_address(
    client, seed, asked, canonical
):
    response = client.get(asked)
    assert response.status_code == 302
    assert response["Location"] == canonical
    assert client.get(canonical).status_code == 200


CANONICAL = [
    "/en/events/",
    "/en/events/?year=1992&sort=date",
    "/en/events/?q=forum&page=1",
    "/en/events/?country=turkey&category=cultural",
    "/en/events/?sort=title,-date",
    "/en/agreements/?kind=treaty&year=1921",
    "/en/visits/?person=vladimir-putin",
    "/en/timeline/?kind=agreement&country=turkey",
    "/en/search/?q=treaty&kind=agreements&year=1921",
    "/en/search/?q=%D0%B4%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80",
]


@pytest.mark.parametrize("path", CANONICAL)
def test_a_canonical_address_is_served_as_before(client, seed, path):
    assert client.get(path).status_code == 200


def test_a_page_past_the_last_is_still_a_404(client, seed):
    assert client.get("/en/events/?page=400").status_code == 404


def test_a_download_keeps_its_bad_filter_and_downloads_nothing(client, seed):
    """Dropping the filter would turn a cheap empty download into a download of everything."""
    response = client.get("/en/events/?format=csv&year=abc")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert client.get("/en/events/?format=csv&page=x").status_code == 404


def test_the_redirect_renders_nothing_and_shared_caches_keep_it(client, seed, settings):
    settings.SHARED_CACHE_SECONDS = 600
    client.get("/en/events/")  # the page cache's generation, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/events/?year=abc&sort=nonsense&page=x")
    assert response.status_code == 302
    assert not response.templates
    assert len(queries) == 0
    assert "public" in response["Cache-Control"] and "s-maxage=600" in response["Cache-Control"]
    assert set(response["Surrogate-Key"].split()) == {page_cache.ALL_KEY, page_cache.SITE_KEY}
    # A country filter is checked against the database: one query, still nothing rendered.
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/events/?country=atlantis")
    assert response.status_code == 302 and not response.templates and len(queries) == 1


def test_a_signed_in_editor_is_redirected_the_same_way(editor_client, seed):
    response = editor_client.get("/en/events/?year=abc")
    assert (response.status_code, response["Location"]) == (302, "/en/events/")


PATHS = ["/en/events/", "/en/agreements/", "/en/visits/", "/en/timeline/", "/en/search/"]
NAMES = ["q", "year", "sort", "page", "kind", "category", "country", "format", "decade"]
SPELLINGS = ["", " ", "0", "1", "01", "1992", "01992", " 1992", "abc", "date", "-date", "title",
             "turkey", "csv", "json", "cultural", "treaty", "events", "1990", "last", "x" * 250,
             "\x00", "+5", "1e3"]  # fmt: skip
VALUES = st.one_of(st.sampled_from(SPELLINGS), st.text(max_size=12))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.sampled_from(PATHS),
    pairs=st.lists(st.tuples(st.sampled_from(NAMES), VALUES), max_size=4),
)
def test_the_canonical_address_is_canonical(client, seed, path, pairs):
    """One redirect at most: the address it names is answered, not redirected again."""
    from urllib.parse import urlencode

    response = client.get(f"{path}?{urlencode(pairs)}")
    if response.status_code == 302:
        again = client.get(response["Location"])
        assert again.status_code in {200, 404}, (pairs, response["Location"])
    else:
        assert response.status_code in {200, 404}, pairs
