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
