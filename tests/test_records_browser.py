"""An editor records a ratification in the admin; a visitor finds it through the filters."""

import pytest

from tests.conftest import chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        yield browser.new_page()


def test_a_recorded_entry_into_force_reaches_the_visitor(page, site_url, seed, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-123456")
    page.goto(f"{site_url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-123456")
    page.click("input[type=submit]")

    page.goto(f"{site_url}/admin/relations/agreement/?q=brotherhood")
    page.click("text=Treaty of Brotherhood")
    rows = page.locator("#actions-group tr.dynamic-actions:not(.empty-form):not(.has_original)")
    for n, party in enumerate(("Russia", "Turkey")):
        page.click("#content h1")
        page.click("#actions-group .add-row a")
        row = rows.nth(n)
        # The party is an autocomplete: type a few letters, pick the match.
        row.locator("td.field-party .select2-selection").click()
        page.fill(".select2-search__field", party[:3])
        page.click(f".select2-results__option:text-is('{party}')")
        row.locator("select[name$='-action']").select_option("entry-into-force")
        row.locator("input[name$='-date']").fill("1921-01-01")
        row.locator("select[name$='-date_precision']").select_option("year")
    assert rows.count() == 2
    # A click elsewhere first closes the widgets the last row left open.
    page.click("#content h1")
    with page.expect_navigation():
        page.click("input[name=_save]")
    assert "was changed successfully" in page.content()

    page.goto(f"{site_url}/en/agreements/")
    page.select_option("#id_action", "entry-into-force")
    page.fill("#id_action_year", "1921")
    page.click("form.filters button[type=submit]")
    assert "1 result" in page.inner_text("main")
    page.click("text=Treaty of Brotherhood")
    text = page.inner_text("main")
    assert "In force" in text
    assert "1921" in text and "Entry into force" in text
