"""An Editor's changelists at 1280 px show each entry's publication (review8).

The "last changed" and "by" columns are pinned at the table's right edge; the publication
column, listed after the others, scrolled beneath them: a Contributor could not see that a
draft was waiting for review, nor an Editor what was published, without scrolling the table
sideways."""

import pytest

from tests.test_browser_admin_layout import changelists, editor_page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COVERED = """() => {
    const header = document.querySelector("th.column-publication_state");
    if (!header) return "no publication column";
    const box = header.getBoundingClientRect();
    const found = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return found && header.contains(found) ? "" : (found ? found.textContent.trim() : "nothing");
}"""


def test_the_publication_column_is_in_view_beside_the_pinned_columns(editor_page):  # noqa: F811
    page = editor_page
    covered = {}
    for name, path in changelists().items():
        page.goto(page.site_url + path)
        if page.locator("th.column-publication_state").count() == 0:
            continue
        found = page.evaluate(COVERED)
        if found:
            covered[name] = found
    assert covered == {}


CUT_OFF = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("main dd, main dt, main dd a")]
        .filter(e => e.getBoundingClientRect().right > width + 0.5)
        .map(e => e.tagName + " " + e.textContent.trim().slice(0, 30));
}"""


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_no_fact_on_a_detail_page_is_cut_off_at_360(site_url, browser, language):
    # The facts' two columns were "max-content 1fr": a long label ("Представляет
    # интересы", "Temsil ettiği kuruluşlar") left the value less room than one of its words
    # ("Рособоронэкспорт"), which ran past the screen's edge and was cut off.
    from django.core.management import call_command

    from tests.test_browser import PAGES

    call_command("loaddata", "seed", verbosity=0)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    cut = {}
    for name, path in PAGES.items():
        page.goto(f"{site_url}/{language}/{path}")
        found = page.evaluate(CUT_OFF)
        if found:
            cut[name] = found
    page.close()
    assert cut == {}
