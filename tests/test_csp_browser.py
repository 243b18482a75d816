"""The Content-Security-Policy in a real browser: nothing on the site or in the admin is
refused, and the admin's JavaScript still runs (Debian's Chromium through Playwright)."""

import pytest
from django.urls import reverse

from tests.conftest import chromium

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def page(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        page.refused = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and page.refused.append(message.text)
            ),
        )
        yield page


# Playwright's sync API runs an event loop, where Django refuses database calls: the
# database fixtures come before `page` in each signature.


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-1")


def test_public_pages_load_everything_they_name(site_url, seed, page):
    for name in ["relations:home", "relations:event-list", "relations:agreement-list"]:
        path = reverse(name)
        response = page.goto(site_url + path)
        assert response.status == 200
        # The stylesheet applied: the header is not the browser's default transparent.
        background = page.eval_on_selector(
            ".site-header", "element => getComputedStyle(element).backgroundColor"
        )
        assert background != "rgba(0, 0, 0, 0)"
    assert page.refused == []


def test_admin_javascript_runs_under_the_policy(site_url, editor, page):
    page.goto(site_url + reverse("admin:login"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-1")
    page.click("input[type=submit]")
    page.goto(site_url + reverse("admin:relations_event_add"))
    # With translated fields the English title is title_en.
    page.locator("#id_title, #id_title_en").first.press_sequentially("Joint Commission Meeting")

    # prepopulate.js fills the slug as the title is typed, and the date widget adds its
    # calendar link: both are the admin's own JavaScript, loaded from static files.
    assert page.input_value("#id_slug") == "joint-commission-meeting"
    assert page.locator(".datetimeshortcuts").count() > 0
    assert page.refused == []
