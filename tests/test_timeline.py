import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from relations import timeline
from relations.models import Agreement, Event, Publication, Visit
from tests.test_views import page_text

pytestmark = pytest.mark.django_db

d = datetime.date


def entry_titles(html):
    return re.findall(r'<p class="timeline-title"><a href="[^"]+">([^<]+)</a>', html)


def test_the_chronology_mixes_kinds_in_date_order_at_their_precision(client, seed):
    html = client.get(reverse("relations:timeline")).text
    titles = entry_titles(html)
    assert titles.index("Diplomatic relations established") < titles.index("Treaty of Brotherhood")
    # "1930s" sorts at the start of its decade, before anything dated later in it.
    assert titles.index("Treaty of Brotherhood") < titles.index(
        "Textile mills built in Kayseri and Nazilli"
    )
    assert "Treaty on the Principles of Relations between the Republic of Turkey" in html
    text = page_text(html)
    assert "1930s" in text and "1970s–1980s" in text
    assert "May 1992" in text and "5 December 2004" in text


def test_entries_are_grouped_by_decade_and_year_with_jump_links(client, seed):
    html = client.get(reverse("relations:timeline")).text
    decades = re.findall(r'<section class="decade" id="decade-(\d+)"', html)
    assert decades == sorted(decades) and "1990" in decades and "1930" in decades
    assert '<a href="?decade=1990">1990s</a>' in html
    section_1990 = html.split('id="decade-1990"')[1].split('<section class="decade"')[0]
    assert [label for label in re.findall(r'class="period-label">([^<]+)<', section_1990)] == [
        "1992",
        "1993",
        "1994",
    ]
    # A decade-precision entry sits under its decade, not under a year nobody recorded.
    section_1930 = html.split('id="decade-1930"')[1].split('<section class="decade"')[0]
    assert re.findall(r'class="period-label">([^<]+)<', section_1930) == ["1930s"]


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ("kind=visit", {"timeline-visit"}),
        ("kind=agreement", {"timeline-agreement"}),
        ("category=exhibition", {"timeline-event"}),
        ("category=political", {"timeline-agreement"}),
    ],
)
def test_the_chronology_filters_by_kind_and_category(client, seed, query, kinds):
    html = client.get(f"{reverse('relations:timeline')}?{query}").text
    found = set(re.findall(r'class="timeline-entry (timeline-\w+)"', html))
    assert found == kinds


def test_the_chronology_filters_by_country(client, make_event, make_visit, country, russia):
    elsewhere = country(slug="elsewhere")
    make_event(title="Here", countries=[russia])
    make_event(title="There", countries=[elsewhere])
    make_visit(title="Visit here")
    html = client.get(f"{reverse('relations:timeline')}?country={russia.slug}").text
    assert entry_titles(html) == ["Here", "Visit here"]


@pytest.mark.parametrize("query", ["country=atlantis", "kind=rumour", "category=%00"])
def test_bad_filters_redirect_to_the_whole_chronology_not_a_server_error(client, seed, query):
    """Issue 16: an invalid value is dropped by a redirect (relations/canonical.py)."""
    response = client.get(f"{reverse('relations:timeline')}?{query}")
    assert response.status_code == 302
    assert response["Location"] == reverse("relations:timeline")


def test_drafts_stay_out_of_the_chronology(client, make_event):
    make_event(title="Secret", publication=Publication.DRAFT)
    assert "Secret" not in client.get(reverse("relations:timeline")).text


def test_the_chronology_costs_the_same_queries_however_many_entries(
    client, make_event, make_visit, make_agreement, django_assert_num_queries
):
    for n in range(3):
        make_event(title=f"Event {n}")
        make_visit(title=f"Visit {n}")
        make_agreement(title=f"Agreement {n}")
    # The first and last dates of each kind (decade links), then which of those decades
    # hold an entry (one query); the dates, titles and ids of each kind, then the entries
    # shown (their own rows only: timeline.rows_only); the filter form's countries.
    with django_assert_num_queries(14):
        client.get(reverse("relations:timeline"))
    for n in range(3, 10):
        make_event(title=f"Event {n}")
        make_visit(title=f"Visit {n}")
    with django_assert_num_queries(14):
        client.get(reverse("relations:timeline"))


def test_a_long_chronology_comes_in_pages_and_decades(client, make_event, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 4)
    for year in range(1990, 2010):
        make_event(title=f"Event of {year}", date=d(year, 1, 1))
    url = reverse("relations:timeline")

    first = client.get(url).text
    assert entry_titles(first) == [f"Event of {year}" for year in range(1990, 1994)]
    assert "Entries 1–4, oldest first" in page_text(first)
    assert 'rel="next" href="?page=2"' in first and 'rel="prev"' not in first

    second = client.get(f"{url}?page=2").text
    assert entry_titles(second) == [f"Event of {year}" for year in range(1994, 1998)]
    assert 'rel="prev" href="?page=1"' in second

    # A decade link keeps the other filters and starts that decade at its first page.
    decade = client.get(f"{url}?category=diplomatic&decade=2000").text
    assert entry_titles(decade) == [f"Event of {year}" for year in range(2000, 2004)]
    assert '<a href="?category=diplomatic&amp;decade=1990">1990s</a>' in decade
    assert 'href="?category=diplomatic&amp;decade=2000" aria-current="page"' in decade


@pytest.mark.parametrize("page", ["51", "9" * 18])
def test_a_page_that_does_not_exist_is_a_404(client, seed, page):
    assert client.get(f"{reverse('relations:timeline')}?page={page}").status_code == 404


@pytest.mark.parametrize("page", ["0", "abc", "-1", "9" * 30])
def test_what_is_not_a_page_number_redirects_to_the_first_page(client, seed, page):
    """Issue 16: not a whole number from 1, so dropped (relations/canonical.py)."""
    response = client.get(f"{reverse('relations:timeline')}?page={page}")
    assert (response.status_code, response["Location"]) == (302, reverse("relations:timeline"))


def test_an_unknown_decade_is_dropped(client, seed):
    response = client.get(f"{reverse('relations:timeline')}?decade=1850&kind=event")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('relations:timeline')}?kind=event"


def test_the_partner_page_shows_its_chronology(client, seed):
    html = client.get(reverse("relations:partner-detail", args=["turkey"])).text
    chronology = html.split('id="chronology-heading"')[1].split("</section>")[0]
    # Oldest first, every kind of entry.
    assert chronology.index("Diplomatic relations established") < chronology.index(
        "State visit of Vladimir Putin to Turkey"
    )


def test_on_this_day_picks_entries_known_to_the_day():
    def entry(date, precision):
        return timeline.Entry("event", None, date, precision)

    entries = [
        entry(d(1920, 6, 2), "day"),
        entry(d(1994, 6, 1), "month"),  # only the month is known: not "on" 1 June
        entry(d(2004, 6, 2), "day"),
        entry(d(2026, 6, 2), "day"),  # today itself is news, not history
    ]
    assert timeline.on_this_day(entries, d(2026, 6, 2)) == [entries[0], entries[2]]
    assert timeline.on_this_day(entries, d(2026, 6, 1)) == []


def test_the_partner_page_shows_on_this_day_when_something_happened(client, seed, monkeypatch):
    monkeypatch.setattr("relations.hub.timezone.localdate", lambda: d(2026, 3, 16))
    html = client.get(reverse("relations:partner-detail", args=["turkey"])).text
    assert "On this day" in html
    on_this_day = html.split('id="on-this-day-heading"')[1].split("</section>")[0]
    assert entry_titles(on_this_day) == ["Treaty of Brotherhood"]
    monkeypatch.setattr("relations.hub.timezone.localdate", lambda: d(2026, 3, 17))
    cache.clear()  # the page cache keeps a page until content changes or it expires
    assert (
        "On this day" not in client.get(reverse("relations:partner-detail", args=["turkey"])).text
    )


def test_the_seed_counts_match_the_chronology(client, seed):
    html = client.get(reverse("relations:timeline")).text
    total = (
        Event.objects.published().count()
        + Visit.objects.published().count()
        + Agreement.objects.published().count()
    )
    assert len(entry_titles(html)) == total
