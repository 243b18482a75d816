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
