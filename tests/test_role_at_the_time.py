"""A person named for a visit or a signature is named with the office held then.

Süleyman Demirel met Boris Yeltsin in 1992 as head of the Turkish government; he became
President only in 1993. The partner page, the visit and agreement pages, the API and
the JSON-LD all give the role held on the date, not the latest one.
"""

import datetime
import json
import re

import pytest
from django.urls import reverse

from tests.test_views import page_text

pytestmark = pytest.mark.django_db

d = datetime.date


@pytest.fixture
def demirel(make_person, make_role, turkey):
    person = make_person(name="Süleyman Demirel", slug="demirel")
    common = {"person": person, "country": turkey, "date_precision": "day", "end_precision": "day"}
    make_role(
        title="Prime Minister of Turkey", date=d(1991, 11, 20), end_date=d(1993, 5, 16), **common
    )
    make_role(
        title="President of the Republic of Turkey",
        date=d(1993, 5, 16),
        end_date=d(2000, 5, 16),
        **common,
    )
    return person


def people_section(html):
    return page_text(html.split('id="people-heading"')[1].split("</section>")[0])


def test_the_hub_names_demirel_as_head_of_government_in_1992(client, seed):
    people = people_section(client.get("/en/countries/turkey/").text)
    assert "Süleyman Demirel Head of the Turkish Government (May 1992)" in people
    assert "President" not in people.split("Süleyman Demirel")[1].split("(")[0]


def test_the_hub_gives_the_role_held_at_each_visit(
    client, partner_page, demirel, make_visit, turkey, russia
):
    trip = {"person": demirel, "origin_country": turkey, "host_country": russia}
    make_visit(title="Moscow talks", date=d(1992, 5, 1), date_precision="month", **trip)
    make_visit(title="Later talks", date=d(1996, 3, 4), **trip)
    people = people_section(client.get(partner_page.get_absolute_url()).text)
    assert "Prime Minister of Turkey (May 1992)" in people
    assert "President of the Republic of Turkey (4 March 1996)" in people
    assert people.index("Prime Minister") < people.index("President")


def test_the_agreement_page_names_the_signatory_with_the_role_held_that_day(
    client, demirel, make_action, make_agreement
):
    agreement = make_agreement(title="Treaty of 1992")
    make_action(agreement=agreement, signatory=demirel, date=d(1992, 5, 25))
    text = page_text(client.get(agreement.get_absolute_url()).text)
    assert "Süleyman Demirel , Prime Minister of Turkey" in text
    assert "President of the Republic of Turkey" not in text


def test_the_persons_page_gives_the_role_held_at_each_signature(
    client, demirel, make_action, make_agreement
):
    make_action(agreement=make_agreement(title="Late deal"), signatory=demirel, date=d(1999, 1, 5))
    text = page_text(client.get(demirel.get_absolute_url()).text)
    assert "Late deal 5 January 1999 · President of the Republic of Turkey, for" in text


def test_the_api_shows_the_visits_derived_role_as_the_page_does(client, demirel, make_visit):
    visit = make_visit(title="Moscow talks", person=demirel, date=d(1992, 5, 25), role="")
    data = client.get(reverse("api:visits-detail", args=[visit.slug])).json()
    assert data["role"] == "Prime Minister of Turkey"
    listed = client.get(reverse("api:visits-list")).json()["items"]
    assert [item["role"] for item in listed] == ["Prime Minister of Turkey"]


def test_json_ld_gives_the_visitors_role_on_the_date(client, demirel, make_visit):
    visit = make_visit(title="Moscow talks", person=demirel, date=d(1992, 5, 25), role="")
    html = client.get(visit.get_absolute_url()).text
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["attendee"]["jobTitle"] == "Prime Minister of Turkey"
