"""Entries' addresses are formatted from one reverse() per page type and language
(relations/reversing.py), and are what reverse() gives."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, include, path, reverse
from django.utils import translation

from relations.reversing import slug_url

NAMES = [
    "relations:event-detail",
    "relations:agreement-detail",
    "relations:visit-detail",
    "relations:office-detail",
    "relations:organisation-detail",
    "relations:person-detail",
    "relations:series-detail",
    "relations:partner-detail",
]


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
@pytest.mark.parametrize("name", NAMES)
def test_the_address_is_reverses(name, language):
    with translation.override(language):
        for slug in ("a", "visit-1992_x", "Z9"):
            assert slug_url(name, slug) == reverse(name, kwargs={"slug": slug})
        assert slug_url(name, "a").startswith(f"/{language}/")


def test_a_slug_the_converter_refuses_still_raises():
    with pytest.raises(NoReverseMatch):
        slug_url("relations:event-detail", "two words")
    with pytest.raises(NoReverseMatch):
        slug_url("relations:event-detail", "")


def test_a_script_prefix_is_kept(client):
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()
    set_script_prefix("/site/")
    try:
        assert slug_url("relations:event-detail", "a") == "/site/en/events/a/"
    finally:
        set_script_prefix(before)


def view(request, slug):
    raise AssertionError("never requested")


# Another URLconf, for the test below: the same names at other addresses.
urlpatterns = [
    path("other/", include(([path("events/<slug:slug>/", view, name="event-detail")], "relations")))
]


def test_another_urlconf_is_asked_afresh():
    assert slug_url("relations:event-detail", "a") == "/en/events/a/"
    with override_settings(ROOT_URLCONF=__name__):
        assert slug_url("relations:event-detail", "a") == "/other/events/a/"
    assert slug_url("relations:event-detail", "a") == "/en/events/a/"
