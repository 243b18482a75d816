"""Citations and full stops in each language (#17).

A Russian citation quotes a title in «ёлочки», a Turkish or English one in “…”; a Russian
date ends in "г.", which ends the sentence without a second full stop ("г.." is a fault),
and no page, feed or office card shows a doubled full stop.
"""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from tests.test_views import page_text, walk

pytestmark = pytest.mark.django_db

TREATY = "agreements/treaty-of-brotherhood-1921/"


def citation(html):
    return html.split('class="citation">')[1].split("</p>")[0]


def doubled_stops(text):
    """Each ".." that is not part of an ellipsis or an address, with what surrounds it."""
    text = re.sub(r"https?://\S+", "", text)
    return [m.group(0) for m in re.finditer(r".{0,30}(?<!\.)\.\s*\.(?!\.).{0,10}", text)]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ru",
            "«Договор о дружбе и братстве между Россией и Турцией», 16 марта 1921 г. "
            "<cite>Двустороннее сотрудничество</cite>.",
        ),
        ("tr", "“Moskova Antlaşması”, 16 Mart 1921. <cite>"),
        ("en", "“Treaty of Brotherhood”, 16 March 1921. <cite>Bilateral Cooperation</cite>."),
    ],
)
def test_a_citation_quotes_the_title_as_its_language_does(client, seed, language, expected):
    cite = citation(client.get(f"/{language}/{TREATY}").text)
    assert cite.startswith(expected)
    assert ".." not in cite.replace("...", "")


def test_a_russian_month_date_ends_the_citation_with_one_full_stop(client, seed):
    cite = citation(client.get("/ru/visits/suleyman-demirel-moscow-1992/").text)
    assert "в Москве», май 1992 г. <cite>" in cite


def test_quotes_inside_a_title_become_the_inner_quotes(client, make_event):
    event = make_event(
        title="The “Blue Stream” pipeline opens",
        title_ru="Открыт газопровод «Голубой поток»",
        title_tr="“Mavi Akım” boru hattı açıldı",
    )
    pages = {}
    for language in ("en", "ru", "tr"):
        with translation.override(language):
            pages[language] = citation(client.get(event.get_absolute_url()).text)
    assert pages["en"].startswith("“The ‘Blue Stream’ pipeline opens”, 1 January 2000.")
    assert pages["ru"].startswith("«Открыт газопровод „Голубой поток“», 1 января 2000 г. <cite>")
    assert pages["tr"].startswith("“‘Mavi Akım’ boru hattı açıldı”, 1 Ocak 2000.")


def test_a_title_is_escaped_inside_its_quotes(client, make_event):
    event = make_event(title="<b>Bold</b> & co")
    cite = citation(client.get(event.get_absolute_url()).text)
    assert cite.startswith("“&lt;b&gt;Bold&lt;/b&gt; &amp; co”, 1 January 2000.")


@pytest.mark.parametrize("language", ["ru", "tr", "en"])
def test_no_page_shows_a_doubled_full_stop(client, seed, language):
    texts = walk(client, start=f"/{language}/", limit=1000)
    found = {url: doubled_stops(text) for url, text in texts.items() if doubled_stops(text)}
    assert found == {}


def test_the_office_card_ends_its_russian_date_with_one_full_stop(client, make_office):
    office = make_office(contacts_verified=datetime.date(2024, 3, 5))
    with translation.override("ru"):
        text = page_text(client.get(office.get_absolute_url()).text)
    assert "Контакты последний раз проверены 5 марта 2024 г. " in text
    assert doubled_stops(text) == []


def test_feed_descriptions_have_no_doubled_full_stop(client, seed):
    for language in ("ru", "tr", "en"):
        feed = ET.fromstring(client.get(f"/{language}/feeds/rss/").content)
        descriptions = [item.findtext("description") for item in feed.iter("item")]
        assert descriptions
        assert [text for text in descriptions if doubled_stops(text)] == [], language


def test_english_citations_are_unchanged(client, seed):
    html = client.get(f"/en/{TREATY}").text
    today = timezone.localdate()
    assert f"(accessed {today.day} {today:%B} {today.year})." in citation(html)
