"""Months in Russian (#17): lower-case inside a phrase, capitalised where a date opens a line.

Django names a month in the nominative with a capital ("Апрель 1994 г."), as a calendar
heading does; Russian writes "в апреле", "(май 1992 г.)", "…, апрель 1994 г." in running text.
"""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from relations.dates import format_date, format_range
from tests.test_views import page_text

pytestmark = pytest.mark.django_db

d = datetime.date
DEMIREL_VISIT = "/ru/visits/suleyman-demirel-moscow-1992/"


@pytest.mark.parametrize(
    ("language", "month", "span"),
    [
        ("ru", "апрель 1994 г.", "май 1992 г.–июнь 1992 г."),
        ("en", "April 1994", "May 1992–June 1992"),
        ("tr", "Nisan 1994", "Mayıs 1992–Haziran 1992"),
    ],
)
def test_a_month_is_lower_case_in_russian_only(language, month, span):
    with translation.override(language):
        assert format_date(d(1994, 4, 1), "month") == month
        assert format_range(d(1992, 5, 1), "month", d(1992, 6, 1), "month") == span


def test_a_month_inside_a_phrase_is_lower_case(client, seed):
    visit = page_text(client.get(DEMIREL_VISIT).text)
    assert "Москве”, май 1992 г." in visit or "Москве», май 1992 г." in visit  # the citation
    hub = page_text(client.get("/ru/countries/turkey/").text)
    assert "Глава правительства Турции (май 1992 г.)" in hub
    assert "(Май 1992 г.)" not in hub


def test_a_date_that_opens_a_line_keeps_its_capital(client, seed):
    html = client.get(DEMIREL_VISIT).text
    assert '<time datetime="1992-05">Май 1992 г.</time>' in html
    listed = client.get("/ru/visits/?person=suleyman-demirel").text
    assert '<time datetime="1992-05">Май 1992 г.</time> ·' in listed
    timeline = client.get("/ru/timeline/?decade=1990").text
    assert '<time datetime="1992-05">Май 1992 г.</time> ·' in timeline
    agreement = client.get("/ru/agreements/military-technical-cooperation-agreement-1994/").text
    assert '<td><time datetime="1994-04">Апрель 1994 г.</time></td>' in agreement


def test_a_feed_item_begins_with_a_capital(client, seed):
    feed = ET.fromstring(client.get("/ru/feeds/visits/rss/").content)
    descriptions = [item.findtext("description") for item in feed.iter("item")]
    assert any(text.startswith("<p>Май 1992 г.") for text in descriptions), descriptions
    assert not any(text[3:4].islower() for text in descriptions), descriptions
