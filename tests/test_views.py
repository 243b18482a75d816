import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from relations.models import Publication

pytestmark = pytest.mark.django_db

# Every fact of ../shared/seeds/cooperation-with-turkey.txt, as a visitor reads it on the site.
SEED_FACTS = [
    "Cooperation with Turkey",
    "2 June 1920",
    "Diplomatic relations between the Republic of Turkey and the Soviet Union were established",
    "5 December 2004",
    "6 December 2004",
    "State visit",
    "first in thirty years",
    "Joint Declaration between the Russian Federation and the Republic of Turkey on Deepening "
    "Friendship and Multidimensional Partnership",
    "agreements on the development of a number of key priority areas of cooperation "
    "(including the energy sector) were reached",
    "High-Level Russian-Turkish Cooperation Council",
    "interstate consultations at the highest level",
    "7 February 2014",
    "Prime Minister of Turkey",
    "9 March 2017",
    "President of the Republic of Turkey",
    "Recep Tayyip Erdoğan",
    "1930s",
    "Kayseri and Nazilli",
    "Soviet specialists",
    "concessional loans",
    "1970s–1980s",
    "12 industrial facilities were built in Turkey with the assistance of the USSR",
    "broad treaty legal framework",
    "more than 60 essential documents",
    "Treaty of Brotherhood",
    "16 March 1921",
    "Treaty on the Principles of Relations between the Republic of Turkey and the Russian "
    "Federation",
    "25 May 1992",
    "Progress towards a New Stage in Relations and Further Deepening of Friendship and "
    "Multidimensional Partnership",
    "13 February 2009",
    "Russian-Turkish Business Council",
    "36 regions of Russia",
    "more than 100 Turkish companies",
    "Joint Intergovernmental Russian-Turkish Commission on Trade and Economic Cooperation",
    "Military-technical cooperation between the countries has been carried out since 1992",
    "first NATO member country",
    "Boris Yeltsin",
    "Süleyman Demirel",
    "Head of the Turkish Government",
    "May 1992",
    "June 1992",
    "Moscow",
    "Istanbul",
    "April 1994",
    "intergovernmental agreement on military-technical and defence industry cooperation",
    "May 2001",
    "Joint Russian-Turkish Commission for Military-Technical Cooperation",
    "continues to be an important partner of the Russian Federation",
    "Rosoboronexport",
    "International Defence Industry Fair",
    "IDEF",
    "Every 2 years",
    "since 1993",
    "State Corporation Rostec",
    "ensures the interests of Rosoboronexport",
    "(+90312) 418-67-26",
    "(+90312) 425-87-12",
]

LINK = re.compile(r'href="([^"#]*)')


def page_text(html):
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def walk(client, start="/en/", limit=200):
    """Every public page reachable from ``start`` by following the site's own links."""
    seen, queue, texts = set(), [start], {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            continue  # feeds, calendars, vCards and downloads have tests of their own
        html = response.content.decode()
        texts[url] = page_text(html)
        for href in LINK.findall(unescape(html)):
            target = urljoin(url, href)
            parts = urlsplit(target)
            # Stay in the starting language; other languages have their own walk.
            if parts.netloc or parts.scheme or not parts.path.startswith(start):
                continue
            queue.append(target)
    return texts


def test_every_fact_of_the_seed_is_reachable_from_the_home_page(client, seed):
    texts = walk(client)
    everything = " ".join(texts.values())
    missing = [fact for fact in SEED_FACTS if fact not in everything]
    assert not missing


def test_the_office_shows_no_empty_email_label(client, seed):
    html = client.get(reverse("relations:office-detail", args=["rostec-turkey"])).content.decode()
    assert "E-mail" not in html and "mailto:" not in html
    assert 'href="tel:+903124186726"' in html


def test_the_partner_page_is_the_hub(client, seed):
    # The home page says what the site is and links here (tests/test_publication.py).
    text = page_text(client.get("/en/countries/turkey/").content.decode())
    for part in ["Treaty framework", "Key document", "Chronology", "Councils and commissions"]:
        assert part in text
    assert "Representative office of Rostec in Turkey" in text


def test_detail_pages_link_both_ways(client, seed):
    visit = client.get(reverse("relations:visit-detail", args=["vladimir-putin-state-visit-2004"]))
    assert reverse("relations:agreement-detail", args=["joint-declaration-2004"]) in visit.text
    agreement = client.get(reverse("relations:agreement-detail", args=["joint-declaration-2004"]))
    assert (
        reverse("relations:visit-detail", args=["vladimir-putin-state-visit-2004"])
        in agreement.text
    )
    office = client.get(reverse("relations:office-detail", args=["rostec-turkey"]))
    assert reverse("relations:organisation-detail", args=["rosoboronexport"]) in office.text
    organisation = client.get(reverse("relations:organisation-detail", args=["rosoboronexport"]))
    assert reverse("relations:office-detail", args=["rostec-turkey"]) in organisation.text


def test_drafts_are_invisible_to_visitors(client, make_event, make_visit, make_agreement):
    draft_visit = make_visit(title="Secret trip", publication=Publication.DRAFT)
    make_agreement(title="Open treaty", visit=draft_visit)
    draft = make_event(title="Hidden plan", publication=Publication.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(draft_visit.get_absolute_url()).status_code == 404
    assert "Hidden plan" not in client.get("/en/events/").text
    treaty = client.get(reverse("relations:agreement-detail", args=["open-treaty"]))
    assert "Secret trip" not in treaty.text


def test_unknown_pages_get_the_sites_404(client, seed):
    response = client.get("/en/events/no-such-event/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'class="site-header"' in response.text


@pytest.mark.parametrize(
    "name",
    ["event-detail", "agreement-detail", "visit-detail", "office-detail", "organisation-detail"],
)
def test_detail_pages_run_a_fixed_number_of_queries(
    client, seed, name, django_assert_max_num_queries
):
    from relations import models

    model = {
        "event-detail": models.Event,
        "agreement-detail": models.Agreement,
        "visit-detail": models.Visit,
        "office-detail": models.Office,
        "organisation-detail": models.Organisation,
    }[name]
    for obj in model.objects.all():
        with django_assert_max_num_queries(10):
            assert client.get(reverse(f"relations:{name}", args=[obj.slug])).status_code == 200


def test_dates_never_show_a_made_up_day(client, seed):
    text = page_text(client.get("/en/events/").text)
    assert "1930s" in text and "1 January 1930" not in text
    text = page_text(client.get("/en/agreements/").text)
    assert "April 1994" in text and "1 April 1994" not in text


def test_the_stylesheet_is_served_by_whitenoise(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert b"--accent" in b"".join(response.streaming_content)


def test_a_visit_shows_the_role_held_on_its_date(client, seed):
    text = page_text(
        client.get(reverse("relations:visit-detail", args=["recep-tayyip-erdogan-visit-2014"])).text
    )
    assert "Visitor Recep Tayyip Erdoğan , Prime Minister of Turkey" in text
    assert "7 February 2014" in text


def test_long_lists_count_and_page_through_a_capped_number_of_results(
    client, make_event, monkeypatch
):
    from relations.views import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "MAX_RESULTS", 30)
    for category in ["diplomatic"] * 30 + ["economic"] * 5:
        make_event(category=category)
    text = page_text(client.get("/en/events/").text)
    assert "More than 30 results" in text
    assert "Page 1 of 2" in text
    assert client.get("/en/events/?page=2").status_code == 200
    assert client.get("/en/events/?page=3").status_code == 404
    assert "5 results" in page_text(client.get("/en/events/?category=economic").text)


@pytest.mark.urls("tests.urls_failing")
def test_a_server_error_shows_the_sites_500_page(client, seed):
    client.raise_request_exception = False
    response = client.get("/failing/")
    assert response.status_code == 500
    text = page_text(response.text)
    assert "Something went wrong" in text
    assert "It has been logged; please try again in a moment." in text
    assert "a bug" not in response.text and "Traceback" not in response.text
