"""An editor's whole round in a real browser: draft, preview, publish, find, edit, restore.

Runs headless Debian Chromium through Playwright against pytest-django's live
server. Without /usr/bin/chromium the test is skipped with the reason shown,
except under CI (CI=true), where a missing browser is a failure.
"""

import pytest
from django.urls import reverse

from relations.models import Agreement, Publication, Visit
from tests.conftest import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django would refuse ORM
    # calls. Set for this test only: a leaked variable fails `check --deploy` elsewhere.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_page()
        page.set_default_timeout(15_000)
        yield page


def choose(page, field, text):
    """Pick ``text`` in one of the admin's autocomplete (select2) fields."""
    page.locator(f"{field} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option--highlighted", has_text=text).click()


def save_and_continue(page):
    page.locator('input[name="_continue"]').click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()


def test_an_editor_drafts_previews_publishes_edits_and_restores_a_visit(
    page, site_url, make_staff, make_person, turkey, russia
):
    make_staff("Editors", username="selin")
    make_person(name="Vladimir Putin", slug="vladimir-putin")
    admin = f"{site_url}/admin/"

    page.goto(admin)
    page.fill("#id_username", "selin")
    page.fill("#id_password", "pw-123456")
    page.click('input[type="submit"]')
    page.wait_for_load_state()

    # A draft visit with an agreement signed during it; the admin fills in the slugs.
    page.goto(f"{admin}relations/visit/add/")
    page.fill("#id_title_en", "State visit to Testland")
    choose(page, "#id_person", "Vladimir Putin")
    page.fill("#id_date", "2004-12-05")
    choose(page, "#id_origin_country", "Homeland")
    choose(page, "#id_host_country", "Testland")
    page.locator("#agreements-group .add-row a").click()
    page.fill("#id_agreements-0-title_en", "Joint declaration on cooperation")
    page.select_option("#id_agreements-0-kind", "joint-declaration")
    page.fill("#id_agreements-0-signed_on", "2004-12-06")
    choose(page, "#id_agreements-0-parties", "Testland")
    save_and_continue(page)
    visit = Visit.objects.get(slug="state-visit-to-testland")
    assert visit.publication == Publication.DRAFT
    assert Agreement.objects.get(slug="joint-declaration-on-cooperation").visit == visit
    assert page.request.get(site_url + visit.get_absolute_url()).status == 404

    # Preview: the visitor's page, for the editor only.
    page.click("a.previewlink")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "State visit to Testland"
    assert page.locator(".preview-banner").is_visible()
    page.go_back()

    # Publish, and find it among the visits of 2004.
    page.select_option("#id_publication", "published")
    save_and_continue(page)
    page.goto(site_url + reverse("relations:visit-list") + "?year=2004")
    assert page.locator("h3", has_text="State visit to Testland").is_visible()

    # Edit, then see the difference in the history and restore the earlier title.
    page.goto(f"{admin}relations/visit/{visit.pk}/change/")
    page.fill("#id_title_en", "Official visit to Testland")
    save_and_continue(page)
    page.click("a.historylink")
    page.wait_for_load_state()
    changes = page.locator("#change-history").inner_text()
    assert "State visit to Testland" in changes and "Official visit to Testland" in changes

    published = visit.history.filter(publication=Publication.PUBLISHED).last()
    page.goto(f"{admin}relations/visit/{visit.pk}/history/{published.history_id}/")
    page.locator('input[value="Revert"]').first.click()
    page.wait_for_load_state()
    visit.refresh_from_db()
    # A reverted entry comes back as a draft, for review; the public page is gone meanwhile.
    assert (visit.title, visit.publication) == ("State visit to Testland", "draft")
    assert page.request.get(site_url + visit.get_absolute_url()).status == 404
    page.goto(f"{admin}relations/visit/{visit.pk}/change/")
    page.select_option("#id_publication", "published")
    save_and_continue(page)
    page.goto(site_url + visit.get_absolute_url())
    assert page.locator("h1").inner_text() == "State visit to Testland"
