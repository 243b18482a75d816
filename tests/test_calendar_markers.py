"""The events calendar (#17): a date known only to its year or decade is a one-day marker on
the first day with its precision in the summary, never a year- or decade-long banner; a
recurring series shows its next expected edition only, never "expected" editions past."""

import datetime

import icalendar
import pytest
from django.utils import timezone, translation

from relations.models import EventSeries, Publication

pytestmark = pytest.mark.django_db

d = datetime.date


def calendar(client, language="en"):
    response = client.get(f"/{language}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    events = {str(event["UID"]).split("@")[0]: event for event in parsed.walk("VEVENT")}
    return events, response.content.decode().replace("\r\n ", "")


def span(event):
    return event.decoded("DTSTART"), event.decoded("DTEND")


@pytest.mark.parametrize(
    ("language", "year", "decade", "decades"),
    [
        ("en", "(year 1993)", "(1990s)", "(1970s–1980s)"),
        ("ru", "(1993 год)", "(1990-е годы)", "(1970–1980-е годы)"),
        ("tr", "(1993 yılı)", "(1990'lar)", "(1970'ler–1980'ler)"),
    ],
)
def test_a_year_or_a_decade_is_a_one_day_marker_with_its_precision(
    client, make_event, language, year, decade, decades
):
    make_event(title="Fair", slug="fair", date=d(1993, 1, 1), date_precision="year")
    make_event(title="Talks", slug="talks", date=d(1990, 1, 1), date_precision="decade")
    make_event(
        title="Works",
        slug="works",
        date=d(1970, 1, 1),
        date_precision="decade",
        end_date=d(1980, 1, 1),
        end_precision="decade",
    )
    events, text = calendar(client, language)
    assert span(events["event-fair"]) == (d(1993, 1, 1), d(1993, 1, 2))
    assert span(events["event-talks"]) == (d(1990, 1, 1), d(1990, 1, 2))
    assert span(events["event-works"]) == (d(1970, 1, 1), d(1970, 1, 2))
    assert str(events["event-fair"]["SUMMARY"]) == f"Fair {year}"
    assert str(events["event-talks"]["SUMMARY"]) == f"Talks {decade}"
    assert str(events["event-works"]["SUMMARY"]) == f"Works {decades}"
    assert "DTSTART;VALUE=DATE:19930101" in text
    assert "DTEND;VALUE=DATE:19930102" in text


def test_a_span_of_years_is_a_marker_named_with_its_years(client, make_event):
    make_event(
        slug="build",
        title="Build",
        date=d(1993, 1, 1),
        date_precision="year",
        end_date=d(1995, 1, 1),
        end_precision="year",
    )
    events, _text = calendar(client)
    assert span(events["event-build"]) == (d(1993, 1, 1), d(1993, 1, 2))
    assert str(events["event-build"]["SUMMARY"]) == "Build (1993–1995)"


def test_days_and_months_keep_their_spans_and_titles(client, make_event):
    make_event(slug="day", title="Day", date=d(2004, 12, 5))
    make_event(
        slug="days",
        title="Days",
        date=d(2004, 12, 5),
        end_date=d(2004, 12, 6),
        end_precision="day",
    )
    make_event(slug="month", title="Month", date=d(2001, 5, 1), date_precision="month")
    events, _text = calendar(client)
    assert span(events["event-day"]) == (d(2004, 12, 5), d(2004, 12, 6))
    assert span(events["event-days"]) == (d(2004, 12, 5), d(2004, 12, 7))
    assert span(events["event-month"]) == (d(2001, 5, 1), d(2001, 6, 1))
    assert [str(events[f"event-{slug}"]["SUMMARY"]) for slug in ("day", "days", "month")] == [
        "Day",
        "Days",
        "Month",
    ]


def test_no_event_of_the_seed_is_longer_than_a_month(client, seed):
    events, _text = calendar(client)
    for uid, event in events.items():
        start, end = span(event)
        assert (end - start).days <= 31, (uid, start, end)


def expected(events):
    return {uid: event for uid, event in events.items() if str(event["STATUS"]) == "TENTATIVE"}


def test_the_seed_calendar_expects_the_next_idef_only_and_as_its_page_does(client, seed):
    events, _text = calendar(client)
    tentative = expected(events)
    assert list(tentative) == [uid for uid in tentative if uid.startswith("series-idef-")]
    assert len(tentative) == 1
    (event,) = tentative.values()
    year = event.decoded("DTSTART").year
    assert year >= timezone.localdate().year
    assert span(event) == (d(year, 1, 1), d(year, 1, 2))
    assert str(event["SUMMARY"]) == f"IDEF {year} (expected)"
    with translation.override("en"):
        page = client.get(EventSeries.objects.get(slug="idef").get_absolute_url()).text
    assert f"Expected in {year}, following the cycle" in page


def test_no_expected_edition_while_a_coming_one_is_recorded(client, make_event):
    series = EventSeries.objects.create(
        name="Fair",
        slug="fair",
        interval_years=2,
        first_held=d(2001, 1, 1),
        first_held_precision="year",
        publication=Publication.PUBLISHED,
    )
    make_event(slug="fair-2001", date=d(2001, 1, 1), date_precision="year", series=series)
    this_year = timezone.localdate().year
    events, _text = calendar(client)
    (uid,) = expected(events)
    assert int(uid.rsplit("-", 1)[1]) in (this_year, this_year + 1)
    make_event(slug="fair-next", date=d(this_year + 1, 9, 1), series=series)
    events, _text = calendar(client)
    assert expected(events) == {}
    assert "event-fair-next" in events
