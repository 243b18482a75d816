"""Search at 100,000 events in under 20 ms on PostgreSQL (issue 18, item 5): a search's
counts stop at search.COUNT_LIMIT ("more than 1,000"), on both databases; on PostgreSQL no
query of a search scans a table."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from relations import search, search_index
from relations.models import Event, Publication
from relations.search import PostgresMatches, ranked_postgres
from tests.test_search_typos import awkward  # noqa: F401 (the fixture, used by name)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans")


def counts(html):
    return re.findall(r"Events \(([^)]*)\)", html)


@pytest.fixture
def many_harbours(turkey):
    """COUNT_LIMIT + 5 events with "harbour" in the title, written as generate_content does."""
    Event.objects.bulk_create(
        Event(
            title=f"Harbour talks {number}",
            slug=f"harbour-talks-{number}",
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=number),
            category="diplomatic",
            publication=Publication.PUBLISHED,
        )
        for number in range(search.COUNT_LIMIT + 5)
    )
    if search_index.active():
        search.rebuild_index()


def test_a_count_past_the_limit_reads_more_than_1000(client, many_harbours):
    html = client.get(reverse("relations:search"), {"q": "harbour"}).text
    assert counts(html) == ["more than 1,000"]
    assert "1,000 results" in html or "1000 results" in html
    ru = client.get("/ru/search/", {"q": "harbour"}).text
    assert "более 1000" in ru


def test_the_pages_of_a_capped_search_reach_the_limit(client, many_harbours):
    def page(number):
        query = {"q": "harbour", "kind": "events", "page": number}
        return client.get(reverse("relations:search"), query).text

    last = search.COUNT_LIMIT // 20
    # Newest first: page 50 ends with the 1,000th newest (number 1004 - 999 = 5).
    assert "Harbour talks 5<" in page(last).replace("</mark>", "")
    assert "Harbour talks 4<" not in page(last + 1).replace("</mark>", "")


def test_a_count_under_the_limit_is_the_real_number(client, make_event):
    for number in range(3):
        make_event(title=f"Quay meeting {number}")
    assert counts(client.get(reverse("relations:search"), {"q": "quay"}).text) == ["3"]


def plans(client, query):
    """The plan of every query a search request makes, as the request planned it."""
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("relations:search"), query)
    found = []
    settings = [q["sql"] for q in queries.captured_queries if "set_config" in q["sql"]]
    assert settings, "the search ran without search.indexed()"
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        for captured in queries.captured_queries:
            sql = captured["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")) or "set_config" in sql:
                continue
            cursor.execute(f"EXPLAIN {sql}")
            found.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
        cursor.execute("RESET enable_seqscan")
    return found


@on_postgresql
@pytest.mark.parametrize(
    "query",
    [
        {"q": "harbour"},
        {"q": "harb"},
        {"q": "harbour", "kind": "events", "page": 3},
        {"q": "harbour", "year": 2001},
        {"q": "harbuor"},
        {"q": "Istanbul"},
    ],
)
def test_no_query_of_a_search_scans_a_table(client, seed, many_harbours, query):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    scanned = {
        table
        for _sql, plan in plans(client, query)
        for table in re.findall(r"Seq Scan on (\w+)", plan)
    }
    # The partner pages are one per partner country (20 at 100,000 events): a typo's test
    # of a page or its sections ("OR") is read from the page's rows.
    assert scanned <= {"relations_partnerpage"}, scanned


@on_postgresql
def test_the_settings_are_the_search_s_own(client, seed):
    client.get(reverse("relations:search"), {"q": "harbour"})
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
        with search.indexed():
            cursor.execute("SHOW enable_seqscan")
            assert cursor.fetchone() == ("off",)
            cursor.execute("SHOW jit")
            assert cursor.fetchone() == ("off",)
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)


# A year with a word: the side table's rows of the year (its date index) and the few
# entries that touch the year otherwise, with ranked_postgres's results over in_year().


@on_postgresql
@pytest.mark.usefixtures("awkward")
@pytest.mark.parametrize("text", ["forum", "forum 1995", "nineties", "trade", "meeting forum"])
def test_a_year_is_read_from_the_side_table_with_in_year_s_results(text):
    for year in (1990, 1994, 1995, 1996):
        for kind in search.KINDS[1:4]:
            expected = ranked_postgres(search.entries(kind).in_year(year), kind, text)
            expected = [(e.pk, e.rank) for e in expected]
            found = search.matches(kind, text, year)
            assert isinstance(found, PostgresMatches)
            assert found.count() == len(expected), (kind.name, text, year)
            for size in (1, 3, 7, 25):
                pages = [found[start : start + size] for start in range(0, len(expected), size)]
                assert [(e.pk, e.rank) for page in pages for e in page] == expected


@on_postgresql
def test_a_year_reads_its_rows_through_the_date_index(many_harbours):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE relations_event_search")
    matches = search.matches(search.BY_NAME["events"], "harbour", year=2001)
    where, params = matches.where("all")
    with search.indexed(), connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN SELECT 1 FROM relations_event_search WHERE {where}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "relations_event_search_day" in plan and "Seq Scan" not in plan, plan
    assert "relations_event_search_words" not in plan, plan
    assert search.count(matches) == 365
