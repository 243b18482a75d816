"""The lists' result counts (issue #20): the same numbers, read the cheap way."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from relations.filters import EventFilter
from relations.models import Event, Visit, without_order_hints
from relations.views import CappedPaginator, ListPaginator

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")


@pytest.fixture
def year_mix(make_event, make_visit):
    """Entries that touch 1981 in each way in_year() knows, and some that do not."""
    day = datetime.date
    make_event(title="In the year", date=day(1981, 5, 1))
    make_event(title="The decade", date=day(1980, 1, 1), date_precision="decade")
    make_event(
        title="Span across", date=day(1979, 6, 1), end_date=day(1982, 1, 1), end_precision="day"
    )
    make_event(
        title="Span to a decade",
        date=day(1975, 1, 1),
        end_date=day(1980, 1, 1),
        end_precision="decade",
    )
    make_event(title="Before", date=day(1979, 1, 1))
    make_event(title="After", date=day(1983, 1, 1))
    make_event(
        title="Span before", date=day(1970, 1, 1), end_date=day(1975, 1, 1), end_precision="day"
    )
    make_visit(title="Visit in the year", date=day(1981, 3, 3))
    make_visit(title="Visit before", date=day(1977, 3, 3))


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1975, 1979, 1980, 1981, 1982, 1983, 1990])
def test_a_count_without_the_order_hint_finds_the_same_entries(year_mix, year):
    for model in (Event, Visit):
        hinted = model.objects.published().in_year(year)
        plain = without_order_hints(hinted)
        assert str(plain.query) != str(hinted.query)
        assert sorted(plain.values_list("pk", flat=True)) == sorted(
            hinted.values_list("pk", flat=True)
        )
        assert CappedPaginator(hinted.order_by("-date", "pk"), 20).count == hinted.count()


@pytest.mark.django_db
def test_the_year_filter_counts_what_it_lists(year_mix, client):
    response = client.get("/en/events/?year=1981")
    assert response.context["result_count"] == 4
    assert {event.title for event in response.context["object_list"]} == {
        "In the year",
        "The decade",
        "Span across",
        "Span to a decade",
    }


@pytest.mark.django_db
def test_a_queryset_without_hints_is_left_as_it_is(year_mix):
    queryset = Event.objects.published().filter(category="diplomatic")
    assert without_order_hints(queryset) is queryset


@sqlite_only
@pytest.mark.django_db
def test_the_count_of_a_year_reads_the_branches_indexes(year_mix, client):
    """Beside "starts before the year's end", SQLite read every row that starts before the
    year's end (85 ms for 1981 at 100,000 events); the branches alone are index ranges."""
    assert "MULTI-INDEX OR" in count_plan(client, "/en/events/?year=1981")


def count_plan(client, path):
    """SQLite's plan of the result count of the list at ``path``."""
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    (count,) = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT")]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {count}")
        return " ".join(str(row[-1]) for row in cursor.fetchall())


@sqlite_only
@pytest.mark.django_db
def test_a_year_with_a_category_is_counted_from_the_category_index(year_mix, client):
    """Where an equality leads a (column, date) index, the hint stays in the count: the
    index is read from the year's end down (14 ms at 100,000 events, 36 without)."""
    assert "(category=? AND date<?)" in count_plan(
        client, "/en/events/?year=1981&category=diplomatic"
    )
    filtered = EventFilter(QueryDict("year=1981&category=diplomatic"), Event.objects.published())
    assert CappedPaginator(filtered.qs, 20).count == 4


@sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, index",
    [
        ("/en/events/", "event_visible"),
        ("/en/visits/", "visit_visible"),
        ("/en/agreements/", "agreement_visible"),
    ],
)
def test_a_lists_count_reads_an_index_not_the_table(year_mix, client, path, index):
    """Whether a visitor may see an entry is in an index of its own (10,001 whole rows read
    for the capped count: 4.8 ms CPU at 100,000 events; the index: 1.0)."""
    assert f"COVERING INDEX {index}" in count_plan(client, path)


@pytest.mark.django_db
def test_a_count_computes_no_annotation(make_agreement, client):
    """The agreements' "later steps recorded" is a subquery per row: not for counting."""
    make_agreement(title="Counted")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/agreements/")
    assert response.context["result_count"] == 1
    (count,) = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT")]
    assert "EXISTS" not in count


@sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
@pytest.mark.parametrize("path", ["/offices/", "/organisations/"])
def test_the_offices_and_organisations_are_read_in_order_not_sorted(
    make_office, client, path, language
):
    for _ in range(25):
        make_office()
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/{language}{path}")
    (page,) = [
        q["sql"]
        for q in queries.captured_queries
        if "ORDER BY" in q["sql"] and " LIMIT " in q["sql"] and "COUNT" not in q["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {page}")
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "_name-" in plan and "TEMP B-TREE" not in plan


@pytest.mark.django_db
@pytest.mark.parametrize("order", ["-date", "date", "title", "-title"])
def test_a_deep_page_holds_the_entries_an_offset_gives(make_event, order, monkeypatch):
    """Past ListPaginator.DEEP a page is read by its ids first: the same entries in the
    same order as Django's paginator gives, ties (one date, one title) included."""
    for n in range(23):
        make_event(title=f"Same {n % 3}", slug=f"same-{n}", date=datetime.date(1990 + n % 4, 1, 1))
    monkeypatch.setattr(ListPaginator, "DEEP", 0)
    events = Event.objects.published().order_by(order, "pk")
    ours, django = ListPaginator(events, 5), Paginator(events, 5)
    assert ours.num_pages == django.num_pages == 5
    for number in django.page_range:
        assert list(ours.page(number)) == list(django.page(number))


@sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_a_deep_page_skips_index_entries_not_rows(make_event, client, language, monkeypatch):
    """A deep page's ids are read from the list's order index alone (it holds the
    schedule), the rows and their joins for those 20 only (events, page 500: 25 -> 12 ms
    CPU at 100,000 events)."""
    for n in range(25):
        make_event(date=datetime.date(2000 + n, 1, 1))
    monkeypatch.setattr(ListPaginator, "DEEP", 0)
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/{language}/events/?page=2")
    (page,) = [
        q["sql"]
        for q in queries.captured_queries
        if " OFFSET " in q["sql"] and not q["sql"].startswith("SELECT COUNT")
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {page}")
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert f"COVERING INDEX event_date_title-{language}" in plan
