"""List furniture (#17): each sort order offered once."""

import re

import pytest

pytestmark = pytest.mark.django_db


def sort_options(html):
    menu = html.split('name="sort"')[1].split("</select>")[0]
    return re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', menu)


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
@pytest.mark.parametrize("kind", ["events", "agreements", "visits"])
def test_each_sort_order_is_offered_once(client, seed, language, kind):
    options = sort_options(client.get(f"/{language}/{kind}/").text)
    labels = [label for _value, _attrs, label in options]
    values = [value for value, _attrs, _label in options]
    assert len(labels) == len(set(labels)) == 4, labels
    assert "" not in values
    # With no sort asked for, the menu shows the list's own order: newest first.
    assert values[0].startswith("-")
    assert not any("selected" in attrs for _value, attrs, _label in options[1:])


def test_the_default_order_is_the_first_option(client, seed):
    def titles(path):
        return re.findall(r'<h3><a href="/en/events/[^"]+">([^<]+)</a>', client.get(path).text)

    assert len(titles("/en/events/")) > 1
    assert titles("/en/events/") == titles("/en/events/?sort=-date")
    assert titles("/en/events/?sort=date") == list(reversed(titles("/en/events/")))


def test_a_chosen_order_is_selected(client, seed):
    options = sort_options(client.get("/en/events/?sort=title").text)
    selected = [value for value, attrs, _label in options if "selected" in attrs]
    assert selected == ["title"]


# Numbered pages with the first and the last always offered.


@pytest.fixture
def many_events(make_event):
    # 20 a page: 205 events are 11 pages.
    from relations.models import Event

    Event.objects.bulk_create(
        Event(
            title=f"Event {i:03}",
            slug=f"event-{i:03}",
            date=f"{1900 + i % 100}-01-01",
            date_precision="day",
            category="diplomatic",
            publication="published",
        )
        for i in range(205)
    )


def page_links(html):
    nav = html.split('class="pagination"')[1].split("</nav>")[0]
    numbers = nav.split('class="page-numbers">')[1].split("</ul>")[0]
    return re.findall(
        r'<li(?: class="gap")?[^>]*>(?:<a href="\?page=(\d+)"([^>]*)>\d+</a>|…)</li>', numbers
    ), nav


def test_a_list_numbers_its_pages_with_the_first_and_the_last(client, many_events):
    links, nav = page_links(client.get("/en/events/?page=6").text)
    assert [number or "…" for number, _attrs in links] == [
        "1", "…", "4", "5", "6", "7", "8", "…", "11"
    ]  # fmt: skip
    current = [number for number, attrs in links if 'aria-current="page"' in attrs]
    assert current == ["6"]
    assert 'aria-label="First page, 1"' in nav and 'aria-label="Last page, 11"' in nav
    assert 'rel="prev" href="?page=5"' in nav and 'rel="next" href="?page=7"' in nav
    assert "Page 6 of 11" in nav


def test_the_first_and_last_pages_need_no_gap_near_them(client, many_events):
    links, nav = page_links(client.get("/en/events/").text)
    assert [number or "…" for number, _attrs in links] == ["1", "2", "3", "…", "11"]
    assert 'rel="prev"' not in nav
    links, nav = page_links(client.get("/en/events/?page=11").text)
    assert [number or "…" for number, _attrs in links] == ["1", "…", "9", "10", "11"]
    assert 'rel="next"' not in nav


def test_page_numbers_keep_the_filters(client, many_events):
    html = client.get("/en/events/?category=diplomatic&sort=title&page=3").text
    nav = html.split('class="pagination"')[1].split("</nav>")[0]
    assert 'href="?category=diplomatic&amp;sort=title&amp;page=11"' in nav
    assert 'href="?category=diplomatic&amp;sort=title&amp;page=1"' in nav


def test_page_numbers_in_russian_and_turkish(client, many_events):
    ru = client.get("/ru/events/?page=2").text
    assert 'aria-label="Последняя страница, 11"' in ru and "Страница 2 из 11" in ru
    tr = client.get("/tr/events/?page=2").text
    assert 'aria-label="Son sayfa, 11"' in tr


def test_one_page_shows_no_page_numbers(client, seed):
    assert 'class="page-numbers"' not in client.get("/en/events/").text
