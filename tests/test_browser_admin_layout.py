"""The admin's layout for an Editor in a real browser (issue #15 item 10): at 1280 px no
inline table is wider than the screen and every changelist shows its "last changed" and
"by" columns without scrolling; at 360 px no page scrolls sideways; the export page's
"Select all" works under the site's Content-Security-Policy.

One Chromium for the whole module (Debian's, through Playwright)."""

import pytest
from django.urls import reverse

from relations import admin as relations_admin
from relations.models import Agreement, Organisation, PartnerPage, Person, Visit
from tests.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_page(site_url, seed, make_staff, make_cochair, browser):
    """A page signed in as a plain Editor (not a superuser), console errors collected. The
    seed, and a co-chair (the seed has none): every changelist has rows."""
    make_cochair(body=Organisation.objects.get(slug="rostec"))
    make_staff("Editors", username="selin")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.refused = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.refused.append(message.text)
        ),
    )
    log_in(page, site_url, "selin")
    page.site_url = site_url
    yield page
    context.close()


def with_most_rows(model, related):
    """The seed entry with the most rows in the inline ``related``."""
    from django.db.models import Count

    return model.objects.annotate(n=Count(related)).order_by("-n").first()


def change_forms_with_inlines():
    entries = [
        with_most_rows(Agreement, "actions"),
        with_most_rows(Visit, "agreements"),
        with_most_rows(Person, "roles"),
        with_most_rows(Organisation, "co_chairs"),
        with_most_rows(PartnerPage, "sections"),
    ]
    return {
        type(entry).__name__: reverse(
            f"admin:relations_{entry._meta.model_name}_change", args=[entry.pk]
        )
        for entry in entries
    }


WIDER_THAN_THE_SCREEN = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    if (document.documentElement.scrollWidth > width) wide.push("the page");
    for (const table of document.querySelectorAll(".inline-group table")) {
        const box = table.getBoundingClientRect();
        const wrapper = table.parentElement;
        if (box.right > width + 0.5 || wrapper.scrollWidth > wrapper.clientWidth)
            wide.push(table.closest(".inline-group").id + " " + Math.round(box.width) + "px");
    }
    return wide;
}"""


def test_no_inline_table_is_wider_than_the_screen_at_1280(editor_page):
    page = editor_page
    wide = {}
    for name, path in change_forms_with_inlines().items():
        page.goto(page.site_url + path)
        assert page.locator(".inline-group").count() > 0, name
        found = page.evaluate(WIDER_THAN_THE_SCREEN)
        if found:
            wide[name] = found
    assert wide == {}


def changelists():
    return {
        model.__name__: reverse(f"admin:relations_{model._meta.model_name}_changelist")
        for model, model_admin in relations_admin.admin.site._registry.items()
        if isinstance(model_admin, relations_admin.EntryAdmin)
    }


LAST_COLUMNS_OUT_OF_VIEW = """() => {
    const width = document.documentElement.clientWidth;
    const results = document.querySelector(".results");
    if (!results) return ["no rows"];
    const out = [];
    const edge = Math.min(width, results.getBoundingClientRect().right) + 0.5;
    for (const name of ["last_changed", "changed_by"]) {
        const cells = [...document.querySelectorAll(`th.column-${name}, td.field-${name}`)];
        if (cells.length < 2) { out.push(name + " missing"); continue; }
        const right = Math.max(...cells.map(cell => cell.getBoundingClientRect().right));
        const left = Math.min(...cells.map(cell => cell.getBoundingClientRect().left));
        if (right > edge || left < results.getBoundingClientRect().left)
            out.push(`${name} at ${Math.round(left)}-${Math.round(right)}px`);
    }
    return out;
}"""


def test_the_last_changed_columns_show_without_scrolling_at_1280(editor_page):
    page = editor_page
    hidden = {}
    for name, path in changelists().items():
        page.goto(page.site_url + path)
        found = page.evaluate(LAST_COLUMNS_OUT_OF_VIEW)
        if found:
            hidden[name] = found
    assert hidden == {}


def test_no_admin_page_scrolls_sideways_at_360(editor_page):
    page = editor_page
    page.set_viewport_size({"width": 360, "height": 740})
    paths = {
        **{f"{name} form": path for name, path in change_forms_with_inlines().items()},
        **{f"{name} list": path for name, path in changelists().items()},
        "dashboard": reverse("admin:index"),
    }
    sideways, unreachable = [], []
    for name, path in paths.items():
        page.goto(page.site_url + path)
        if page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth"
        ):
            sideways.append(name)
        save = page.locator('input[name="_save"]')
        if save.count():
            box = save.bounding_box()
            if box["x"] < 0 or box["x"] + box["width"] > 360:
                unreachable.append(name)
    assert (sideways, unreachable) == ([], [])


def test_select_all_on_the_export_page_works_under_the_policy(editor_page):
    page = editor_page
    page.goto(page.site_url + reverse("admin:relations_event_export"))
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]:visible')
    assert fields.count() > 5
    assert all(box.is_checked() for box in fields.all())
    page.get_by_label("Select all").uncheck()
    assert not any(box.is_checked() for box in fields.all())
    page.get_by_label("Select all").check()
    assert all(box.is_checked() for box in fields.all())
    assert page.refused == []


def test_the_measures_do_find_a_table_wider_than_the_screen(browser):
    """The checks above can fail: a page with a 2,000 px inline table and a narrow list."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_content(
        '<div class="inline-group" id="wide-group"><div><table style="width:2000px">'
        "<tr><td>x</td></tr></table></div></div>"
        '<div class="results" style="width:300px;overflow-x:auto"><table style="width:900px">'
        '<tr><th class="column-last_changed" style="width:100px">a</th>'
        '<th class="column-changed_by">b</th></tr>'
        '<tr><td class="field-last_changed">1</td><td class="field-changed_by">2</td></tr>'
        "</table></div>"
    )
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == ["the page", "wide-group 2000px"]
    assert page.evaluate(LAST_COLUMNS_OUT_OF_VIEW) != []
    context.close()
