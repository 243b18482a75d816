"""PostgreSQL's public search of the dated kinds reads their side tables (migration 0016):
the tables follow every write, and give what the entries' own query gives, in its order.
Skipped on SQLite (its index is tests/test_search_index_order.py's)."""

import datetime
import importlib
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from relations import search
from relations.models import Event, Publication
from relations.search import KINDS, PostgresMatches, ranked_postgres

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the side tables are PostgreSQL's"
)

EVENTS = search.BY_NAME["events"]


def found(text, kind=EVENTS):
    return [item.slug for item in search.matches(kind, text)[:1000]]


def side_rows(event):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT published, title_en, day FROM relations_event_search WHERE id = %s",
            [event.pk],
        )
        return cursor.fetchall()


@pytest.mark.django_db
def test_the_side_table_follows_every_write(make_event):
    event = make_event(title="Quiet meeting", summary="Nothing to see")
    assert found("quiet") == ["quiet-meeting"]
    assert found("pipelines") == []
    event.summary = "Talks on gas pipelines"
    event.save()
    assert found("pipelines") == ["quiet-meeting"]
    # Writes that bypass save(): an update and raw SQL.
    Event.objects.filter(pk=event.pk).update(title_en="Loud meeting")
    assert found("quiet") == [] and found("loud") == ["quiet-meeting"]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE relations_event SET date = '1999-03-04' WHERE id = %s", [event.pk])
    assert side_rows(event) == [(True, "Loud meeting", datetime.date(1999, 3, 4))]
    event.delete()
    assert side_rows(event) == []


@pytest.mark.django_db
def test_drafts_and_timed_entries_are_found_only_when_visitors_may_see_them(make_event):
    now = timezone.now()
    make_event(title="Harvest draft", publication=Publication.DRAFT)
    make_event(title="Harvest soon", publish_at=now + datetime.timedelta(hours=1))
    make_event(title="Harvest gone", unpublish_at=now - datetime.timedelta(hours=1))
    make_event(title="Harvest due", publish_at=now - datetime.timedelta(hours=1))
    make_event(title="Harvest until", unpublish_at=now + datetime.timedelta(hours=1))
    make_event(title="Harvest shown")
    assert sorted(found("harvest")) == ["harvest-due", "harvest-shown", "harvest-until"]
    assert search.count(search.matches(EVENTS, "harvest")) == 3


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_the_side_table(make_event):
    make_event(title="Flushed away")
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE relations_event CASCADE")
        cursor.execute("SELECT count(*) FROM relations_event_search")
        assert cursor.fetchone() == (0,)


def compare(kind, text, slices):
    """PostgresMatches and ranked_postgres: the same counts, entries and order."""
    queryset = search.entries(kind)
    new, old = PostgresMatches(queryset, kind, text), ranked_postgres(queryset, kind, text)
    assert search.count(new, 10_001) == search.count(old, 10_001)
    assert new.count() == old.count()
    for window in slices:
        expected = [(item.pk, item.rank) for item in old[window]]
        assert [(item.pk, item.rank) for item in new[window]] == expected, (text, window)


@pytest.fixture
def crowd(make_event, make_visit, make_agreement):
    """Events where "harbour" is in most titles (a dense part), in some bodies only, on
    days shared by several (ordered by title), some without a Russian title; visits and
    agreements."""
    day = datetime.date(2001, 5, 1)
    for number in range(70):
        title = f"Harbour talks {number:02}" if number % 7 else f"Quay talks {number:02}"
        body = "On the harbour" if number % 7 == 0 and number % 2 else "Elsewhere"
        make_event(
            title=title,
            # One a day without a Russian title (put last of its day, as NULLs sort).
            title_ru=f"Переговоры в порту {number:02}" if number % 3 else None,
            title_tr=f"Liman görüşmeleri {number:02}",
            body=body,
            date=day - datetime.timedelta(days=number // 3),
        )
    make_event(title="Harbour mystery", date=datetime.date(1990, 1, 1), date_precision="year")
    for number in range(5):
        make_visit(title=f"Harbour visit {number}", date=day - datetime.timedelta(days=number))
        make_agreement(title=f"Harbour accord {number}")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_the_side_table_gives_the_entries_query_results_in_its_order(crowd, language):
    windows = [slice(0, 25), slice(20, 40), slice(40, 60), slice(55, 80), slice(0, 5)]
    with translation.override(language):
        for text in ["harbour", "harb", "talks", "harbour talks", "quay", "порту", "zzyzx"]:
            for kind in KINDS:
                if search.side_table(kind):
                    compare(kind, text, windows)


@pytest.mark.django_db
def test_a_typo_is_still_found_through_the_entries(seed):
    matches = search.matches(EVENTS, "brotherhod")
    assert isinstance(matches, PostgresMatches)
    compare(search.BY_NAME["agreements"], "brotherhod", [slice(0, 25)])
    html = search.search("brotherhod")
    assert next(result.item.slug for result in html) == "treaty-of-brotherhood-1921"


@pytest.mark.django_db
def test_a_year_is_searched_in_the_entries(make_event):
    make_event(title="Harbour in 1995", date=datetime.date(1995, 6, 1))
    make_event(title="Harbour in 1996", date=datetime.date(1996, 6, 1))
    matches = search.matches(EVENTS, "harbour", year=1995)
    assert isinstance(matches, PostgresMatches)  # the side table's rows of the year
    assert [item.slug for item in matches[:10]] == ["harbour-in-1995"]


@pytest.mark.django_db
def test_the_search_page_pages_through_the_side_table(client, crowd):
    def page(number):
        query = {"q": "harbour", "kind": "events", "page": number}
        return re.sub(r"<[^>]+>", "", client.get(reverse("relations:search"), query).text)

    assert "Harbour talks 01" in page(1) and "66 results" in page(1)
    # 61 title matches (the oldest last), then the five in a body only.
    assert "Harbour mystery" in page(4) and "Quay talks 07" in page(4)
    assert "Harbour talks 01" not in page(4)


def plan(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db
def test_the_counts_and_pages_read_the_side_tables_indexes(turkey):
    Event.objects.bulk_create(
        Event(
            title=f"{'Zanzibar' if number % 1000 == 0 else 'Routine'} meeting {number}",
            slug=f"meeting-{number}",
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=number),
            category="diplomatic",
            publication=Publication.PUBLISHED,
        )
        for number in range(5000)
    )
    table = "relations_event_search"
    with connection.cursor() as cursor:
        # What autovacuum does after so many rows (the test runs in one transaction).
        cursor.execute(f"SELECT gin_clean_pending_list('{table}_words')")
        cursor.execute(f"ANALYZE {table}")
    # A rare word: its count and its entries come from the word index.
    where, params = PostgresMatches(search.entries(EVENTS), EVENTS, "zanzibar").where("all")
    count = plan(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where}) AS found", params)
    assert f"{table}_words" in count and "Seq Scan" not in count, count
    # A common word's newest entries: the first rows of the date index.
    where, params = PostgresMatches(search.entries(EVENTS), EVENTS, "routine").where(
        "title", dense=True
    )
    newest = plan(
        f"SELECT id FROM {table} WHERE {where} ORDER BY day DESC NULLS LAST, title_en, id LIMIT 25",
        params,
    )
    assert f"{table}_day" in newest and "Seq Scan" not in newest, newest
    matches = search.matches(EVENTS, "routine")
    assert [item.slug for item in matches[:2]] == ["meeting-4999", "meeting-4998"]
    assert search.count(matches, 10_001) == 4995


def test_the_side_tables_are_the_dated_kinds():
    migration = importlib.import_module("relations.migrations.0016_pgsearch7_side_tables")
    assert {
        kind.model._meta.model_name: (kind.search.title, kind.search.order)
        for kind in KINDS
        if kind.search.order
    } == migration.KINDS
    assert tuple(search.search_index.LANGUAGES) == migration.LANGUAGES


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["Йошкар-Ола", "йошкар", "ИОШКАР", "иошкар ола"])
def test_short_i_is_folded_as_on_sqlite(make_event, text):
    # unaccent keeps "й"; SQLite's folding (every combining mark removed) makes it "и".
    make_event(title="Fair in Йошкар-Ола", slug="fair")
    make_event(title="Fair in Иошкар", slug="other-fair")
    assert "fair" in found(text)


@pytest.mark.django_db
def test_a_stem_that_cuts_a_word_short_is_not_stored(make_event):
    # Turkish stems "forum" and "forumu" to "for": "for" found every forum.
    make_event(title="Energy forum", slug="forum", summary="Forumu açtı")
    make_event(title="Talks for peace", slug="talks")
    assert found("for") == ["talks"]
    assert found("forum") == ["forum"] and found("forumu") == ["forum"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT search FROM relations_event WHERE slug = 'forum'")
        assert "'for'" not in cursor.fetchone()[0]
