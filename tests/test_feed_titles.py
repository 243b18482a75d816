"""Feeds and the calendar are titled with the site's name, as the pages are."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "title"),
    [
        (reverse("relations:kind-feed-atom", args=["events"]), "<title>Bilateral Cooperation: "),
        (reverse("relations:kind-feed-rss", args=["events"]), "<title>Bilateral Cooperation: "),
    ],
)
def test_a_feed_is_titled_with_the_site_name(client, seed, settings, url, title):
    settings.SITE_NAME = ""
    body = client.get(url).content.decode()
    assert title in body and "<title/>" not in body and "<title>: " not in body


def test_the_calendar_is_named_with_the_site_name(client, seed, settings):
    settings.SITE_NAME = ""
    body = client.get(reverse("relations:calendar")).content.decode()
    assert "X-WR-CALNAME:Bilateral Cooperation: Events" in body
