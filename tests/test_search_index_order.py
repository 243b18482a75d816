"""The SQLite index answers counts and pages by itself (relations.search.IndexedMatches):
its answers must be exactly those of the plain query over the entries (ranked_sqlite),
page by page, with drafts, schedules and many entries on one day."""

import datetime
import random

import pytest
from django.db import connection
from django.utils import timezone

from relations import search, search_index
from relations.models import Event, Publication

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite index"),
]

EVENTS = search.BY_NAME["events"]
DAYS = [datetime.date(1992, 5, 1), datetime.date(2004, 12, 6), datetime.date(2009, 2, 13)]


@pytest.fixture
def events(make_event):
    """Sixty events on three days (titles and bodies with "forum" or not), a few drafts,
    one due later, one withdrawn, one whose schedule has passed, one undated-looking
    title tie."""
    chance = random.Random(7)
    now = timezone.now()
    made = []
    for n in range(60):
        words = chance.choice(["Forum", "Council", "Forum of business", "Meeting"])
        title = f"{words} {chance.choice('ABCDE')}{n:02}"
        fields = {
            "title": title,
            "date": chance.choice(DAYS),
            "body": chance.choice(["", "At the forum.", "Talks on trade."]),
        }
        if n % 11 == 0:
            fields["publication"] = Publication.DRAFT
        if n == 5:
            fields["publish_at"] = now + datetime.timedelta(days=3)
        if n == 6:
            fields["unpublish_at"] = now - datetime.timedelta(days=1)
            fields["publish_at"] = now - datetime.timedelta(days=9)
        if n == 7:
            fields["publish_at"] = now - datetime.timedelta(days=1)
        made.append(make_event(**fields))
    return made


@pytest.fixture(params=["all rows read", "newest rows read"])
def reading(request, monkeypatch):
    """Both ways IndexedMatches reads a part: all its rows (few matches), or the newest
    ones up to the page, with the day at the page's end read whole."""
    if request.param == "newest rows read":
        monkeypatch.setattr(search, "FEW", 0)
    return request.param


def truth(text):
    return list(search.ranked_sqlite(search.entries(EVENTS), EVENTS, text))


@pytest.mark.parametrize("text", ["forum", "forum business", "council", "meeting", "trade"])
def test_every_page_and_count_is_that_of_the_plain_query(events, text, reading):
    expected = truth(text)
    found = search.matches(EVENTS, text)
    assert isinstance(found, search.IndexedMatches)
    assert expected, "the data must hold matches"
    assert found.count_up_to(1000) == len(expected)
    assert found.count_up_to(3) == min(3, len(expected))
    for size in (1, 4, 7, 20):
        for start in range(0, len(expected) + size, size):
            page = found[start : start + size]
            assert [e.pk for e in page] == [e.pk for e in expected[start : start + size]], (
                start,
                size,
            )
    in_title = {e.pk for e in expected if e.in_title}
    assert [e.rank for e in found[:100]] == [1.0 if e.pk in in_title else 0.0 for e in expected]


def test_drafts_and_entries_the_clock_hides_are_left_out(events, reading):
    shown = {e.pk for e in search.matches(EVENTS, "forum")[:1000]}
    assert shown == {e.pk for e in truth("forum")}
    hidden = {events[n].pk for n in (0, 5, 6, 11)}
    assert not shown & hidden
    due = [e for e in events[1:10] if e.publication == Publication.PUBLISHED and e.pk not in hidden]
    assert {e.pk for e in due if "forum" in (e.title + e.body).lower()} <= shown


def test_an_entry_due_now_is_found_without_being_saved_again(make_event):
    later = timezone.now() + datetime.timedelta(hours=1)
    event = make_event(title="Forum due later", publish_at=later)
    assert search.count(search.matches(EVENTS, "forum due")) == 0
    # The clock moves on (an update sends no signal: the index is not written again).
    Event.objects.filter(pk=event.pk).update(publish_at=timezone.now())
    assert [e.pk for e in search.matches(EVENTS, "forum due")[:5]] == [event.pk]


def test_a_new_date_moves_the_entry_and_leaves_no_row_behind(make_event):
    event = make_event(title="Forum that moves", date=DAYS[0])
    event.date = DAYS[2]
    event.save()
    assert search.count(search.matches(EVENTS, "moves")) == 1
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH %s",
            [f"state : {search_index.key(EVENTS, event.pk)}"],
        )
        assert [row for (row,) in cursor.fetchall()] == [search_index.rowid(EVENTS, event)]
    event.delete()
    assert search.count(search.matches(EVENTS, "moves")) == 0


def test_a_word_is_not_found_by_a_short_stem_of_another_language(make_event):
    # Turkish stems "forum" to "for"; "forum" must not find every English "for".
    make_event(title="Talks for peace")
    forum = make_event(title="Forum of peace")
    assert [e.pk for e in search.matches(EVENTS, "forum")[:5]] == [forum.pk]


def test_the_search_page_pages_through_the_index(client, events):
    expected = truth("forum")
    response = client.get("/en/search/", {"q": "forum", "kind": "events", "page": 2})
    page = response.context["page_obj"]
    assert page.paginator.count == len(expected)
    assert [result.item.pk for result in response.context["results"]] == [
        e.pk for e in expected[20:40]
    ]
