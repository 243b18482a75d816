"""The sitemap lists person pages (#17): everyone the site names on something published, in
every language, and no one named only on a draft."""

import datetime

import pytest

from relations.models import Publication
from tests.test_discovery import SITEMAP, XHTML, sitemap_urls

pytestmark = pytest.mark.django_db


def locations(client):
    urls, _sizes = sitemap_urls(client)
    return {url.find(f"{SITEMAP}loc").text: url for url in urls}


def test_the_index_names_the_people_sitemap(client, seed):
    response = client.get("/sitemap.xml")
    assert "http://testserver/sitemap-person.xml" in response.text


def test_the_people_of_the_seed_are_listed_in_every_language(client, seed):
    found = locations(client)
    for language in ("en", "ru", "tr"):
        for slug in ("vladimir-putin", "suleyman-demirel", "boris-yeltsin"):
            assert f"http://testserver/{language}/people/{slug}/" in found
    putin = found["http://testserver/en/people/vladimir-putin/"]
    alternates = {link.get("hreflang"): link.get("href") for link in putin.iter(f"{XHTML}link")}
    assert alternates["ru"] == "http://testserver/ru/people/vladimir-putin/"
    assert set(alternates) == {"en", "ru", "tr", "x-default"}
    assert putin.find(f"{SITEMAP}lastmod") is not None


def test_every_listed_person_page_is_there(client, seed):
    people = [url for url in locations(client) if "/people/" in url]
    assert people
    for url in people:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_a_person_named_only_on_drafts_is_not_listed(
    client, make_visit, make_person, make_agreement, make_action, make_organisation, make_cochair
):
    draft = {"publication": Publication.DRAFT}
    visitor = make_person(name="Draft Visitor")
    make_visit(person=visitor, **draft)
    signer = make_person(name="Draft Signer")
    make_action(agreement=make_agreement(**draft), signatory=signer)
    chair = make_person(name="Draft Chair")
    make_cochair(person=chair, body=make_organisation(**draft))
    make_person(name="Nobody Named")
    listed = [url for url in locations(client) if "/people/" in url]
    assert listed == []


def test_a_person_named_on_something_published_is_listed(
    client, make_visit, make_person, make_agreement, make_action, make_organisation, make_cochair
):
    visitor = make_person(name="Public Visitor")
    make_visit(person=visitor, date=datetime.date(2001, 1, 1))
    make_visit(person=visitor, date=datetime.date(2002, 1, 1))  # listed once, not twice
    signer = make_person(name="Public Signer")
    make_action(agreement=make_agreement(), signatory=signer)
    chair = make_person(name="Public Chair")
    make_cochair(person=chair, body=make_organisation())
    listed = sorted(url for url in locations(client) if "/en/people/" in url)
    assert listed == [
        f"http://testserver/en/people/{person.slug}/" for person in (chair, signer, visitor)
    ]
