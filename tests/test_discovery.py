import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from relations.models import Event, Publication
from relations.structured_data import iso_date

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
DETAIL_PAGES = {
    "events/idef-1993/": "Event",
    "visits/vladimir-putin-state-visit-2004/": "Event",
    "agreements/treaty-of-brotherhood-1921/": "Legislation",
    "offices/rostec-turkey/": "Organization",
    "organisations/rostec/": "Organization",
    "series/idef/": "EventSeries",
    "countries/turkey/": "WebPage",
    "people/vladimir-putin/": "Person",
}


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def sitemap_urls(client):
    """Every <url> of every sitemap the index at /sitemap.xml names, and the files' sizes."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    assert index.tag == f"{SITEMAP}sitemapindex"
    urls, sizes = [], {}
    for location in index.iter(f"{SITEMAP}loc"):
        response = client.get(location.text.removeprefix("http://testserver"))
        assert response.status_code == 200, location.text
        found = list(ET.fromstring(response.content))
        urls += found
        sizes[location.text] = len(found)
    return urls, sizes


def test_the_sitemap_lists_every_published_page_in_every_language(client, seed):
    Event.objects.filter(slug="idef-1993").update(publication=Publication.DRAFT)
    root, _sizes = sitemap_urls(client)
    locations = [url.find(f"{SITEMAP}loc").text for url in root]
    for language in ("en", "ru", "tr"):
        assert f"http://testserver/{language}/" in locations
        assert f"http://testserver/{language}/timeline/" in locations
        for page in DETAIL_PAGES:
            if page.startswith("people/"):
                continue  # people have no publication of their own
            if page != "events/idef-1993/":
                assert f"http://testserver/{language}/{page}" in locations
    assert "http://testserver/en/events/idef-1993/" not in locations
    treaty = next(url for url in root if url.find(f"{SITEMAP}loc").text.endswith("1921/"))
    alternates = {link.get("hreflang"): link.get("href") for link in treaty.iter(f"{XHTML}link")}
    assert alternates["tr"] == "http://testserver/tr/agreements/treaty-of-brotherhood-1921/"
    assert set(alternates) == {"en", "ru", "tr", "x-default"}


def test_a_sitemap_past_its_limit_is_split_into_files_the_index_names(
    client, make_event, monkeypatch
):
    """At 100,000 events (300,000 addresses) the files hold 5,000 each; here 10 each."""
    from relations.sitemaps import LanguagesSitemap

    monkeypatch.setattr(LanguagesSitemap, "limit", 10)
    events = [make_event() for _ in range(8)]  # 24 addresses: three files
    root, sizes = sitemap_urls(client)
    assert max(sizes.values()) <= 10
    assert len([name for name in sizes if "sitemap-event.xml" in name]) == 3
    locations = [url.find(f"{SITEMAP}loc").text for url in root]
    for event in events:
        for language in ("en", "ru", "tr"):
            path = f"/{language}/events/{event.slug}/"
            assert locations.count(f"http://testserver{path}") == 1, path


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "admin" not in response.text


@pytest.mark.parametrize(("page", "schema_type"), list(DETAIL_PAGES.items()))
def test_detail_pages_carry_json_ld_of_a_fitting_type(client, seed, page, schema_type):
    html = client.get(f"/en/{page}").text
    data = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["url"] == f"http://testserver/en/{page}"
    assert data["name"]
    assert not [key for key, value in data.items() if value in (None, "", [])]


def test_event_dates_in_json_ld_keep_their_precision(client, seed):
    visit = json_ld(client.get("/en/visits/vladimir-putin-state-visit-2004/").text)
    assert visit["startDate"] == "2004-12-05" and "endDate" not in visit
    assert visit["location"]["address"]["addressCountry"] == "TR"
    assert visit["attendee"]["name"] == "Vladimir Putin"
    assert json_ld(client.get("/en/events/idef-1993/").text)["startDate"] == "1993"
    agreement = json_ld(
        client.get("/en/agreements/military-technical-cooperation-agreement-1994/").text
    )
    assert agreement["legislationDate"] == "1994-04"
    assert iso_date(datetime.date(1930, 1, 1), "decade") == "1930"


def test_an_office_is_an_organization_with_a_contact_point(client, seed):
    data = json_ld(client.get("/en/offices/rostec-turkey/").text)
    assert data["contactPoint"]["@type"] == "ContactPoint"
    assert data["contactPoint"]["telephone"] == "(+90312) 418-67-26"
    assert "addressLocality" not in data.get("address", {})


def test_json_ld_cannot_close_its_script_block(client, make_event):
    event = make_event(title="</script><script>alert(1)</script>", summary="a & b")
    html = client.get(event.get_absolute_url()).text
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


def test_no_inline_script_runs_anywhere(client, seed):
    """JSON-LD data blocks and the site's own static files only (the header's menu button,
    static/js/site_menu.js): a CSP without 'unsafe-inline' must not break a page."""
    for url in ["/en/", "/en/timeline/", "/en/search/?q=treaty", "/en/events/idef-1993/"]:
        html = client.get(url).text
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        for attributes, body in scripts:
            if attributes != ' type="application/ld+json"':
                assert re.fullmatch(r' src="/static/js/[\w.-]+\.js"', attributes), attributes
                assert body == ""
        assert "<style" not in html and " style=" not in html and " on" + "click=" not in html


def test_pages_have_canonical_and_social_meta(client, seed):
    html = client.get("/ru/agreements/treaty-of-brotherhood-1921/?utm=x").text
    head = html.split("</head>")[0]
    url = "http://testserver/ru/agreements/treaty-of-brotherhood-1921/"
    assert f'<link rel="canonical" href="{url}">' in head
    assert f'<meta property="og:url" content="{url}">' in head
    title = "Договор о дружбе и братстве между Россией и Турцией"
    assert f'<meta property="og:title" content="{title}">' in head
    assert '<meta property="og:type" content="article">' in head
    assert '<meta name="twitter:card" content="summary">' in head
    home = client.get("/en/").text
    assert '<meta property="og:type" content="website">' in home
    assert '<link rel="canonical" href="http://testserver/en/">' in home


def test_detail_pages_offer_a_permalink_and_a_citation(client, seed):
    html = client.get("/en/agreements/treaty-of-brotherhood-1921/").text
    cite = html.split('class="cite"')[1].split("</aside>")[0]
    url = "http://testserver/en/agreements/treaty-of-brotherhood-1921/"
    assert f'<a href="{url}">{url}</a>' in cite
    today = timezone.localdate()
    accessed = f"accessed {today.day} {today:%B} {today.year}"
    citation = "“Treaty of Brotherhood”, 16 March 1921. <cite>Bilateral Cooperation</cite>."
    assert f"{citation} {url} ({accessed})." in cite


def test_lists_have_no_citation(client, seed):
    assert 'class="cite"' not in client.get("/en/events/").text
