"""The inline tables of the admin's change forms, for a plain Editor in Chromium (issue #15
item 10): at 1280 px every inline table fits the screen, its columns share all of the
table's width (no empty columns at its right edge) and each field is wide enough to read;
the changelists show "last changed" in view; at 360 px an inline row is a card of labelled
fields, nothing scrolls sideways, and a row added with "Add another" is labelled too.

Entries with several rows in each inline: an agreement with actions and links, a person
with roles, a council with co-chairs, a visit with agreements, a partner page with
sections (static/css/admin.css, static/js/admin_inlines.js)."""

import datetime

import pytest
from django.urls import reverse

from relations.models import Agreement, Publication, Visit
from tests.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = None  # a folder to keep the screenshots in, when looking at them by hand


@pytest.fixture
def entries(
    turkey,
    russia,
    make_agreement,
    make_action,
    make_link,
    make_person,
    make_role,
    make_cochair,
    make_organisation,
    make_visit,
    partner_page,
):
    agreement = make_agreement(title="Agreement on the Avoidance of Double Taxation")
    for party in (russia, turkey):
        make_action(agreement=agreement, party=party, note="Signed in Moscow")
    make_action(
        agreement=agreement, party=turkey, action="ratification", date=datetime.date(1998, 3, 2)
    )
    make_link(from_agreement=agreement, kind="supersedes")
    make_link(from_agreement=agreement, kind="amends")

    person = make_person(name="Recep Tayyip Erdoğan")
    make_role(
        person=person,
        title="Prime Minister of the Republic of Turkey",
        country=turkey,
        date=datetime.date(2003, 3, 14),
        end_date=datetime.date(2014, 8, 28),
        end_precision="day",
    )
    make_role(
        person=person,
        title="President of the Republic of Turkey",
        country=turkey,
        date=datetime.date(2014, 8, 28),
    )

    council = make_organisation(name="High-Level Cooperation Council", kind="council")
    for year, name, country in (
        (2010, "Dmitry Anatolyevich Medvedev", russia),
        (2014, "Ahmet Davutoğlu", turkey),
    ):
        make_cochair(
            body=council,
            person=make_person(name=name),
            country=country,
            date=datetime.date(year, 5, 12),
        )

    visit = make_visit(title="State visit of the President of Russia to Turkey")
    for title in (
        "Joint Declaration on the Deepening of Friendship and Multidimensional Partnership",
        "Agreement on Cooperation in Culture",
    ):
        make_agreement(title=title, visit=visit, kind="joint-declaration")

    partner_page.sections.create(title="Trade", slug="trade", position=1, body="Figures.")
    partner_page.sections.create(title="Energy", slug="energy", position=2, body="Pipelines.")
    return {
        "agreement": agreement,
        "person": person,
        "council": council,
        "visit": visit,
        "partner page": partner_page,
    }


def change_url(entry):
    return reverse(f"admin:relations_{entry._meta.model_name}_change", args=[entry.pk])


@pytest.fixture
def editor_page(site_url, make_staff, browser):
    make_staff("Editors", username="inline-editor")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, site_url, "inline-editor")
    page.site_url = site_url
    yield page
    context.close()


def open_form(page, path):
    page.goto(page.site_url + path)
    # admin_inlines.js runs in a task queued by the load event (after modeltranslation's
    # tabs): a timer set after the load event runs after it.
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(done => setTimeout(done, 50))")


def shoot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


# For every tabular inline: how wide the table is, how far its cells reach, whether its box
# or the page scrolls sideways, and the fields too narrow to read.
MEASURE = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll(".inline-group .tabular table")].map(table => {
        const group = table.closest(".inline-group").id;
        const box = table.getBoundingClientRect();
        const cells = [...table.querySelectorAll("tbody tr.form-row:not(.empty-form) > td")]
            .filter(cell => cell.getBoundingClientRect().width > 0);
        const reach = Math.max(...cells.map(cell => cell.getBoundingClientRect().right));
        const narrow = [];
        for (const control of table.querySelectorAll(
            "tr.form-row:not(.empty-form) td input.vDateField, " +
            "tr.form-row:not(.empty-form) td select:not([multiple]):not(.admin-autocomplete), " +
            "tr.form-row:not(.empty-form) td .select2-container, " +
            "tr.form-row:not(.empty-form) td input.vTextField:not([type=hidden])"
        )) {
            const w = control.getBoundingClientRect().width;
            if (w === 0) continue;  // a language tab not shown
            const cut = control.matches("input.vDateField") &&
                control.scrollWidth > control.clientWidth;
            if (w < 64 || cut)
                narrow.push(`${control.closest("td").className.split(" ")[0]} ${Math.round(w)}px`);
        }
        return {
            group,
            width: Math.round(box.width),
            right: Math.round(box.right),
            scroll: table.scrollWidth,
            boxScrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth,
            emptyAtRight: Math.round(box.right - reach),
            narrow,
            viewport: width,
            pageScrolls: document.documentElement.scrollWidth > width,
        };
    });
}"""


def problems_at(page, name):
    found = []
    for table in page.evaluate(MEASURE):
        where = f"{name} {table['group']}"
        if table["right"] > table["viewport"] or table["scroll"] > table["viewport"]:
            found.append(f"{where}: {table['width']} px wide in {table['viewport']}")
        if table["boxScrolls"] or table["pageScrolls"]:
            found.append(f"{where}: scrolls sideways")
        if table["emptyAtRight"] > 12:
            found.append(f"{where}: {table['emptyAtRight']} px of empty columns")
        if table["narrow"]:
            found.append(f"{where}: too narrow {table['narrow']}")
    return found


def test_every_inline_table_fits_and_is_readable_at_1280(editor_page, entries):
    page = editor_page
    found, seen = [], []
    for name, entry in entries.items():
        open_form(page, change_url(entry))
        groups = page.locator(".inline-group")
        assert groups.count() > 0, name
        seen.append(page.locator(".inline-group .tabular tr.has_original").count())
        found += problems_at(page, name)
        shoot(page, f"inline-{name.replace(' ', '-')}-1280")
    # agreement: 3 actions + 2 links; person: 2 roles; council: 2 co-chairs; visit: 2
    # agreements; partner page: stacked sections (no table)
    assert seen == [5, 2, 2, 2, 0]
    assert found == []


LAST_CHANGED = """() => {
    const width = document.documentElement.clientWidth;
    const cells = [...document.querySelectorAll("th.column-last_changed, td.field-last_changed")];
    return cells.length > 1 &&
        cells.every(cell => {
            const box = cell.getBoundingClientRect();
            return box.width > 0 && box.left >= 0 && box.right <= width;
        });
}"""


def test_the_changelists_show_last_changed_at_1280(editor_page, entries):
    page = editor_page
    hidden = []
    for name, entry in entries.items():
        page.goto(page.site_url + reverse(f"admin:relations_{entry._meta.model_name}_changelist"))
        if not page.evaluate(LAST_CHANGED):
            hidden.append(name)
    assert hidden == []


def test_an_inline_row_is_a_card_of_labelled_fields_at_360(editor_page, entries):
    page = editor_page
    page.set_viewport_size({"width": 360, "height": 740})
    found = []
    for name, entry in entries.items():
        open_form(page, change_url(entry))
        found += problems_at(page, name)
        shoot(page, f"inline-{name.replace(' ', '-')}-360")
        # Every visible field has its column's heading above it.
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll(
                ".inline-group .tabular tr.form-row:not(.empty-form) > td:not(.original)")]
              .filter(td => td.getBoundingClientRect().height > 0 &&
                  (!td.dataset.label ||
                   getComputedStyle(td, "::before").content !== `"${td.dataset.label}"`))
              .map(td => td.className)"""
        )
        if unlabelled:
            found.append(f"{name}: unlabelled {unlabelled}")
    assert found == []

    # A row added with "Add another" is a labelled card too, and the form still fits.
    open_form(page, change_url(entries["agreement"]))
    page.click("#actions-group .add-row a")
    row = page.locator("#actions-group tr.dynamic-actions:not(.has_original)").last
    row.locator("td.field-party").wait_for()
    page.evaluate("() => new Promise(done => setTimeout(done, 50))")
    labels = row.evaluate("r => [...r.children].map(td => td.dataset.label || '')")
    assert labels[1:4] == ["Party", "Action", "Date"]
    assert "Note" in labels
    assert problems_at(page, "agreement with a new action") == []


def test_a_contributor_sees_the_same_fitted_tables(site_url, make_staff, browser, entries):
    """A Contributor changes drafts only (a published entry's form is read-only for them,
    without inline rows to type into): on a draft agreement and a draft visit with draft
    agreements the tables fit all the same."""
    Agreement.objects.filter(visit=entries["visit"]).update(publication=Publication.DRAFT)
    Agreement.objects.filter(pk=entries["agreement"].pk).update(publication=Publication.DRAFT)
    Visit.objects.filter(pk=entries["visit"].pk).update(publication=Publication.DRAFT)
    make_staff("Contributors", username="inline-contributor")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, site_url, "inline-contributor")
    page.site_url = site_url
    found = []
    for name in ("agreement", "visit"):
        open_form(page, change_url(entries[name]))
        assert page.locator(".inline-group .tabular tr.has_original").count() >= 2, name
        assert page.locator(".inline-group .tabular .add-row a").count() >= 1, name
        found += problems_at(page, name)
    context.close()
    assert found == []


def test_the_measure_finds_empty_columns_and_narrow_fields(browser):
    """The measure can fail: a table whose last two columns are empty (what a colspan of
    ten in a table of eight shown columns did) and a 40 px date field."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_content(
        '<div class="inline-group" id="g"><div class="tabular"><table style="table-layout:'
        'fixed;width:900px"><tbody><tr class="form-row"><td>a</td><td>'
        '<input class="vDateField" value="1921-03-16" style="width:40px"></td></tr>'
        '<tr class="add-row"><td colspan="4">add</td></tr></tbody></table></div></div>'
    )
    found = problems_at(page, "made up")
    assert len(found) == 2
    assert found[0].endswith("px of empty columns")
    assert int(found[0].split()[3]) > 400
    assert found[1] == "made up g: too narrow [' 40px']"
    context.close()
