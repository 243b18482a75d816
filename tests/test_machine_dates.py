"""Machine-readable dates carry the precision that is known, never a made-up day."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def times(html):
    return dict(re.findall(r'<time datetime="([^"]*)">([^<]*)</time>', html))


def json_ld(html):
    return json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize(
    ("url", "datetime", "text"),
    [
        ("/en/events/textile-mills-kayseri-nazilli/", "1930", "1930s"),
        ("/en/events/idef-1993/", "1993", "1993"),
        ("/en/visits/suleyman-demirel-moscow-1992/", "1992-05", "May 1992"),
        ("/en/agreements/military-technical-cooperation-agreement-1994/", "1994-04", "April 1994"),
        ("/en/agreements/treaty-on-principles-of-relations-1992/", "1992-05-25", "25 May 1992"),
    ],
)
def test_time_elements_carry_the_true_precision(client, seed, url, datetime, text):
    assert times(client.get(url).text).get(datetime) == text


@pytest.mark.parametrize(
    "url", ["/en/", "/en/events/", "/en/visits/", "/en/agreements/", "/en/timeline/"]
)
def test_no_time_element_invents_a_first_day(client, seed, url):
    made_up = [value for value in times(client.get(url).text) if value.endswith("-01-01")]
    assert made_up == []


def test_a_span_ending_in_the_1980s_ends_in_1989(client, seed):
    data = json_ld(client.get("/en/events/industrial-facilities-built-with-ussr-assistance/").text)
    assert (data["startDate"], data["endDate"]) == ("1970", "1989")


def test_legal_force_uses_schema_org_values_or_is_left_out(client, seed, make_agreement):
    signed = json_ld(client.get("/en/agreements/joint-declaration-2009/").text)
    assert "legislationLegalForce" not in signed
    in_force = make_agreement(title="Treaty in force", status="in-force", status_set_by_hand=True)
    data = json_ld(client.get(in_force.get_absolute_url()).text)
    assert data["legislationLegalForce"] == "https://schema.org/InForce"


def test_signed_with_nothing_later_recorded_says_so(client, seed):
    text = client.get("/en/agreements/treaty-on-principles-of-relations-1992/").text
    assert "Signed (later steps not recorded)" in text
    assert (
        "Подписано (дальнейшие шаги не отмечены)"
        in client.get("/ru/agreements/treaty-on-principles-of-relations-1992/").text
    )
