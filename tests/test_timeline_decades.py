"""The timeline offers no empty decade (#17): its decade links and its decade menu name only
decades that hold an entry, and the links only those holding one the filters keep."""

import datetime
import re

import pytest
from django.urls import reverse

from relations.timeline import filled_decades, published

pytestmark = pytest.mark.django_db

d = datetime.date


def links(html):
    nav = html.split('class="decade-links"')[1].split("</nav>")[0]
    return re.findall(r'decade=(\d+)"[^>]*>', nav)


def menu(html):
    select = html.split('name="decade"')[1].split("</select>")[0]
    return re.findall(r'<option value="(\d+)"', select)


@pytest.fixture
def gappy(make_event, make_visit, make_agreement):
    """Entries in the 1920s, 1990s and 2010s, nothing in between."""
    make_event(title="Treaty talks", date=d(1921, 3, 16), category="diplomatic")
    make_visit(title="Summit", date=d(1992, 5, 25))
    make_agreement(title="Accord", signed_on=d(2014, 2, 7))


def test_no_empty_decade_is_linked_or_in_the_menu(client, gappy):
    html = client.get(reverse("relations:timeline")).text
    assert links(html) == ["1920", "1990", "2010"]
    assert menu(html) == ["1920", "1990", "2010"]


def test_the_links_follow_the_filters_and_the_menu_keeps_every_filled_decade(client, gappy):
    html = client.get(f"{reverse('relations:timeline')}?kind=visit").text
    assert links(html) == ["1990"]
    assert menu(html) == ["1920", "1990", "2010"]
    # Visits have no category: a category keeps events and agreements only.
    html = client.get(f"{reverse('relations:timeline')}?category=diplomatic").text
    assert "1990" not in links(html) and "1920" in links(html)


def test_a_chosen_decade_stays_chosen(client, gappy):
    html = client.get(f"{reverse('relations:timeline')}?decade=1990").text
    assert re.search(r'<option value="1990" selected>', html)
    assert 'href="?decade=1990" aria-current="page"' in html


def test_an_empty_decade_between_filled_ones_is_not_offered_but_still_answers(client, gappy):
    # Typed by hand, an empty decade inside the record is no error: it holds nothing.
    response = client.get(f"{reverse('relations:timeline')}?decade=1950")
    assert response.status_code == 200
    assert "Nothing in the chronology matches these filters." in response.text
    assert "1950" not in links(response.text)


def test_the_seed_timeline_offers_only_filled_decades(client, seed):
    html = client.get("/en/timeline/").text
    offered = [int(decade) for decade in links(html)]
    sections = []
    for decade in offered:
        page = client.get(f"/en/timeline/?decade={decade}").text
        sections.append(len(re.findall(r'<section class="decade"', page)))
    assert all(count == 1 for count in sections), dict(zip(offered, sections, strict=True))
    assert 1940 not in offered and 1950 not in offered


def test_filled_decades_is_one_query_however_many_decades(
    gappy, make_event, django_assert_num_queries
):
    candidates = list(range(1900, 2030, 10))
    everything = published()
    events, visits, agreements = published()
    only_visits = (events.none(), visits, agreements.none())
    with django_assert_num_queries(1):
        filled, visited = filled_decades(candidates, everything, only_visits)
    assert (filled, visited) == ([1920, 1990, 2010], [1990])
    for year in (1901, 1935, 1977):
        make_event(date=d(year, 1, 1))
    with django_assert_num_queries(1):
        filled, _visited = filled_decades(candidates, everything, only_visits)
    assert filled == [1900, 1920, 1930, 1970, 1990, 2010]
