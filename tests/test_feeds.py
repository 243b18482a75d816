import datetime

import feedparser
import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from relations.dates import period_end
from relations.feeds import fold, next_expected_edition
from relations.models import Event, EventSeries, Publication

pytestmark = pytest.mark.django_db

d = datetime.date


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize(
    ("name", "mime", "version"),
    [("feed-atom", "application/atom+xml", "atom10"), ("feed-rss", "application/rss+xml", "rss20")],
)
def test_the_feeds_parse_and_list_the_newest_entries_first(
    client, make_event, make_agreement, make_visit, name, mime, version
):
    now = timezone.now()
    make_event(title="Old event", publish_at=now - datetime.timedelta(days=3))
    make_agreement(title="Newer agreement", publish_at=now - datetime.timedelta(days=2))
    make_visit(title="Newest visit", publish_at=now - datetime.timedelta(days=1))
    make_event(title="Draft event", publication=Publication.DRAFT)
    make_event(title="Not yet", publish_at=now + datetime.timedelta(days=1))
    response, feed = parse(client, reverse(f"relations:{name}"))
    assert response["Content-Type"].startswith(mime)
    assert feed.version == version and not feed.bozo
    assert [entry.title for entry in feed.entries] == [
        "Newest visit",
        "Newer agreement",
        "Old event",
    ]
    assert feed.entries[0].link == "http://testserver/en/visits/newest-visit/"


def test_a_feed_per_kind(client, make_event, make_agreement):
    make_event(title="An event")
    make_agreement(title="An agreement")
    _response, feed = parse(client, reverse("relations:kind-feed-atom", args=["agreements"]))
    assert [entry.title for entry in feed.entries] == ["An agreement"]
    assert client.get(reverse("relations:kind-feed-rss", args=["rumours"])).status_code == 404


def test_feeds_speak_the_language_of_their_address(client, seed):
    _response, feed = parse(client, "/ru/feeds/agreements/rss/")
    titles = [entry.title for entry in feed.entries]
    assert "Договор о дружбе и братстве между Россией и Турцией" in titles


def test_every_page_links_its_feeds_in_the_head(client, seed):
    for url in ["/en/", "/ru/events/", "/tr/offices/rostec-turkey/"]:
        head = client.get(url).text.split("</head>")[0]
        language = url[1:3]
        assert 'type="application/atom+xml" title="' in head
        assert f'href="/{language}/feeds/atom/"' in head
        assert f'href="/{language}/feeds/rss/"' in head
        assert f'href="/{language}/calendar.ics"' in head


def test_lists_link_the_feed_of_their_kind(client, seed):
    head = client.get("/tr/agreements/").text.split("</head>")[0]
    assert 'href="/tr/feeds/agreements/atom/"' in head
    assert 'href="/tr/feeds/agreements/rss/"' in head
    assert "/feeds/offices/" not in client.get("/en/offices/").text


def calendar_events(client, url="/en/calendar.ics"):
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}


def test_the_calendar_gives_all_day_events_at_their_precision(client, seed):
    events = calendar_events(client)
    day = events["event-diplomatic-relations-established"]
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (d(1920, 6, 2), d(1920, 6, 3))
    month = events["event-military-technical-cooperation-commission-established"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (d(2001, 5, 1), d(2001, 6, 1))
    # Decades are one-day markers on their first day (tests/test_calendar_markers.py).
    span = events["event-industrial-facilities-built-with-ussr-assistance"]
    assert (span.decoded("DTSTART"), span.decoded("DTEND")) == (d(1970, 1, 1), d(1970, 1, 2))
    assert str(day["URL"]) == "http://testserver/en/events/diplomatic-relations-established/"


def test_the_calendar_holds_the_next_expected_edition_only(client, seed):
    events = calendar_events(client)
    today = timezone.localdate()
    editions = sorted(uid for uid in events if uid.startswith("series-idef-"))
    # 1993 is recorded as an event of its own; the next in its two-year cycle is expected.
    assert "event-idef-1993" in events
    year = 1993 + 2 * -(-(today.year - 1993) // 2)
    assert editions == [f"series-idef-{year}"]
    expected = events[editions[0]]
    assert str(expected["STATUS"]) == "TENTATIVE"
    assert str(expected["SUMMARY"]) == f"IDEF {year} (expected)"


def test_the_next_expected_edition_follows_the_last_one_held():
    series = EventSeries(interval_years=2, first_held=d(1993, 1, 1))
    held = [Event(date=d(1993, 1, 1), date_precision="year")]
    assert next_expected_edition(series, held, d(2001, 6, 1)) == 2001
    assert next_expected_edition(series, held, d(2002, 6, 1)) == 2003
    coming = [*held, Event(date=d(2003, 9, 1), date_precision="day")]
    assert next_expected_edition(series, coming, d(2002, 6, 1)) is None
    assert next_expected_edition(EventSeries(first_held=d(1993, 1, 1)), held, d(2001, 1, 1)) is None


def test_period_ends_are_exclusive():
    assert period_end(d(2001, 12, 1), "month") == d(2002, 1, 1)
    assert period_end(d(2004, 2, 1), "month") == d(2004, 3, 1)
    assert period_end(d(2004, 12, 31), "day") == d(2005, 1, 1)
    assert period_end(d(1930, 1, 1), "decade") == d(1940, 1, 1)


def test_the_vcard_of_an_office(client, make_office):
    office = make_office(
        name="Office in Ankara, Turkey; main",
        email="office@example.org",
        address="Kızılay, Ankara",
        fax="(+90312) 425-87-12",
    )
    response = client.get(reverse("relations:office-vcard", args=[office.slug]))
    assert response["Content-Type"].startswith("text/vcard")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and text.endswith("END:VCARD\r\n")
    lines = text.replace("\r\n ", "").split("\r\n")
    assert "FN:Office in Ankara\\, Turkey\\; main" in lines
    assert "TEL;TYPE=work,voice;VALUE=uri:tel:+903124186726" in lines
    assert "TEL;TYPE=work,fax;VALUE=uri:tel:+903124258712" in lines
    assert "EMAIL;TYPE=work:office@example.org" in lines
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_the_office_page_links_its_vcard_and_dials(client, seed):
    html = client.get(reverse("relations:office-detail", args=["rostec-turkey"])).text
    assert 'href="/en/offices/rostec-turkey/vcard.vcf"' in html
    assert 'href="tel:+903124186726"' in html


def test_drafts_have_no_vcard(client, make_office):
    office = make_office(publication=Publication.DRAFT)
    assert client.get(reverse("relations:office-vcard", args=[office.slug])).status_code == 404


def test_long_lines_fold_without_splitting_characters():
    line = "ADR:" + "Kızılay " * 20
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@pytest.mark.parametrize("name", ["relations:feed-rss", "relations:feed-atom"])
def test_feeds_carry_the_sanitised_summary_not_the_raw_text(client, make_event, name):
    import xml.etree.ElementTree as ET

    make_event(
        summary='**Bold** <script>alert(1)</script><img src=x onerror="alert(2)"> '
        "[link](javascript:alert(3))"
    )
    root = ET.fromstring(client.get(reverse(name)).content)
    (text,) = [
        element.text
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in {"description", "summary"}
        and element.text
        and "Bold" in element.text
    ]
    assert "<strong>Bold</strong>" in text
    for raw in ("<script", "onerror", "javascript:"):
        assert raw not in text
