"""Issue #15 items 4 and 5 as found by hand in Chromium (session 15), as plain Editors and
Contributors, each person in their own browser context:

- a save refused because someone saved first shows the changes it took in from their
  version in the fields themselves (the form had kept the old text while saying it was
  "taken in"), and names them;
- an Editor publishing an entry changed after the review is told what changed, sees the
  new version in the form, and publishes that one by saving again;
- two editors changing an agreement's actions: a row the other one changed is not put back
  silently by a save of the entry.
"""

import pytest

from relations.models import Publication
from tests.conftest import admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def submit(page, name):
    page.locator(f'input[name="{name}"]').click()
    page.wait_for_load_state()


def no_errors(page):
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()


def test_a_refused_save_shows_what_it_took_in_from_the_other_version(
    make_staff, make_event, sign_in
):
    event = make_event(title="Forum", summary="Original", publication=Publication.PUBLISHED)
    ayse = sign_in(make_staff("Editors", username="ayse"))
    boris = sign_in(make_staff("Editors", username="boris"))
    admin(ayse, "event_change", event.pk)
    admin(boris, "event_change", event.pk)

    ayse.fill("#id_summary_en", "Ayşe's summary")
    ayse.fill("#id_place_en", "Ankara")
    submit(ayse, "_continue")
    no_errors(ayse)

    boris.fill("#id_summary_en", "Boris's summary")
    submit(boris, "_continue")
    # Refused over the summary; her place, which he did not touch, is in his form now
    # (it said "taken in" while the field still showed the old, empty place).
    assert boris.input_value("#id_summary_en") == "Boris's summary"
    assert boris.input_value("#id_place_en") == "Ankara"
    errors = boris.locator("ul.errorlist.nonfield").inner_text()
    assert "Taken in from their version: Place [en]." in errors
    save_anyway = boris.locator(".form-row", has=boris.locator("#id_save_anyway"))
    assert "Replaces their version of: Summary [en]." in save_anyway.inner_text()

    boris.check("#id_save_anyway")
    submit(boris, "_continue")
    no_errors(boris)
    event.refresh_from_db()
    assert (event.summary_en, event.place_en) == ("Boris's summary", "Ankara")


def test_publishing_an_entry_changed_after_the_review_shows_the_change_first(
    make_staff, make_event, sign_in
):
    event = make_event(title="Gas forum", summary="As reviewed", publication=Publication.REVIEW)
    selin = sign_in(make_staff("Editors", username="selin"))
    kemal = sign_in(make_staff("Contributors", username="kemal"))
    admin(selin, "event_change", event.pk)  # the Editor reviews it...

    admin(kemal, "event_change", event.pk)  # ...while the Contributor adds a sentence
    kemal.fill("#id_summary_en", "As reviewed. Added after the review.")
    submit(kemal, "_continue")
    no_errors(kemal)

    selin.select_option("#id_publication", "published")
    submit(selin, "_continue")
    # Not published, and told why: what kemal changed, now in the form to be read. Not
    # "both of you changed Publication" (kemal did not), and no "Save anyway" to publish it
    # unseen.
    errors = selin.locator("ul.errorlist.nonfield").inner_text()
    assert "kemal changed Summary [en]" in errors, errors
    assert "not published" in errors
    assert "both of you changed" not in errors
    assert selin.input_value("#id_summary_en") == "As reviewed. Added after the review."
    assert not selin.locator("#id_save_anyway").is_visible()
    event.refresh_from_db()
    assert event.publication == Publication.REVIEW

    # Having read it, the Editor saves again: that version is published.
    submit(selin, "_continue")
    no_errors(selin)
    event.refresh_from_db()
    assert (event.summary_en, event.publication) == (
        "As reviewed. Added after the review.",
        Publication.PUBLISHED,
    )


def test_two_editors_on_an_agreements_actions_lose_nothing(
    make_staff, make_agreement, make_action, russia, sign_in
):
    agreement = make_agreement(title="Treaty of Rows", summary="Original")
    first = make_action(agreement=agreement, note="")
    make_action(agreement=agreement, party=russia, action="ratification")
    ayse = sign_in(make_staff("Editors", username="ayse"))
    boris = sign_in(make_staff("Editors", username="boris"))
    admin(ayse, "agreement_change", agreement.pk)
    admin(boris, "agreement_change", agreement.pk)
    # The row of the first action (the rows are in the order of their dates and kinds).
    prefix = ayse.locator(f"#actions-group input[name$='-id'][value='{first.pk}']").get_attribute(
        "name"
    )[: -len("-id")]
    note = f"#id_{prefix}-note_en"

    ayse.fill(note, "Signed in the Kremlin")
    submit(ayse, "_continue")
    no_errors(ayse)

    # Boris changes the summary only: his save used to put the old, empty note back.
    boris.fill("#id_summary_en", "Boris's summary")
    submit(boris, "_continue")
    no_errors(boris)
    first.refresh_from_db()
    agreement.refresh_from_db()
    assert (first.note_en, agreement.summary_en) == ("Signed in the Kremlin", "Boris's summary")
    assert boris.input_value(note) == "Signed in the Kremlin"

    # Both change the same row's note: refused at the row, her value shown, his kept in it,
    # and "Save anyway" names the row and the field.
    admin(ayse, "agreement_change", agreement.pk)
    ayse.fill(note, "Signed in the Kremlin by both ministers")
    submit(ayse, "_continue")
    no_errors(ayse)
    boris.fill(note, "Signed in Moscow")
    submit(boris, "_continue")
    row = boris.locator("#actions-group tr.has_original", has=boris.locator(note))
    assert "ayse saved: “Signed in the Kremlin by both ministers”." in row.inner_text()
    assert boris.input_value(note) == "Signed in Moscow"
    errors = boris.locator("ul.errorlist.nonfield").first.inner_text()
    assert "ayse changed" in errors and "Note [en]" in errors, errors
    save_anyway = boris.locator(".form-row", has=boris.locator("#id_save_anyway"))
    assert "Note [en]" in save_anyway.inner_text()
    first.refresh_from_db()
    assert first.note_en == "Signed in the Kremlin by both ministers"

    boris.check("#id_save_anyway")
    submit(boris, "_continue")
    no_errors(boris)
    first.refresh_from_db()
    assert first.note_en == "Signed in Moscow"


def test_a_contributor_reads_each_languages_note_at_360(
    make_staff, make_agreement, make_action, sign_in
):
    """A published agreement is read-only for a Contributor: its actions have one column per
    language, each headed "Note", and on a phone each card said "Note", "Note", "Note"."""
    agreement = make_agreement(title="Treaty of Cards", publication=Publication.PUBLISHED)
    make_action(agreement=agreement, note_en="In Moscow", note_ru="В Москве", note_tr="Moskova")
    kemal = sign_in(make_staff("Contributors", username="kemal"))
    kemal.set_viewport_size({"width": 360, "height": 740})
    admin(kemal, "agreement_change", agreement.pk)
    kemal.wait_for_load_state("load")
    kemal.evaluate("() => new Promise(done => setTimeout(done, 50))")
    labels = kemal.evaluate(
        """() => [...document.querySelectorAll("#actions-group tr.has_original > td")]
          .filter(td => td.getBoundingClientRect().height > 0)
          .map(td => getComputedStyle(td, "::before").content.replace(/^"|"$/g, ""))"""
    )
    notes = [label for label in labels if label.startswith("Note")]
    assert notes == ["Note [en]", "Note [ru]", "Note [tr]"], labels
    # And the table's headings at 1280 px ("NOTE", "NOTE", "NOTE").
    kemal.set_viewport_size({"width": 1280, "height": 900})
    headings = kemal.locator("#actions-group thead th[class*='column-note']").all_text_contents()
    assert [heading.strip() for heading in headings] == ["Note [en]", "Note [ru]", "Note [tr]"]

    # An Editor's columns are tabs, under one heading without a language.
    selin = sign_in(make_staff("Editors", username="selin"))
    admin(selin, "agreement_change", agreement.pk)
    selin.wait_for_load_state("load")
    selin.evaluate("() => new Promise(done => setTimeout(done, 50))")
    shown = selin.locator("#actions-group thead th[class*='column-note']:visible")
    assert [heading.strip() for heading in shown.all_text_contents()] == ["Note"]


def test_a_row_deleted_meanwhile_keeps_what_was_typed_and_can_come_back(
    make_staff, make_agreement, make_action, russia, sign_in
):
    agreement = make_agreement(title="Treaty of Gone Rows")
    gone = make_action(agreement=agreement, note="")
    kept = make_action(agreement=agreement, party=russia, action="ratification")
    ayse = sign_in(make_staff("Editors", username="ayse"))
    boris = sign_in(make_staff("Editors", username="boris"))
    admin(ayse, "agreement_change", agreement.pk)
    admin(boris, "agreement_change", agreement.pk)

    def row_prefix(page, action):
        name = page.locator(f"#actions-group input[name$='-id'][value='{action.pk}']")
        return name.get_attribute("name")[: -len("-id")]

    ayse.check(f"#id_{row_prefix(ayse, gone)}-DELETE")
    submit(ayse, "_continue")
    no_errors(ayse)

    note = f"#id_{row_prefix(boris, gone)}-note_en"
    boris.fill(note, "Signed at the Kremlin at noon")
    submit(boris, "_continue")
    # Refused, and said why (it was an error no one could see, on every save); his text
    # is still in the row.
    errors = boris.locator("ul.errorlist.nonfield").first.inner_text()
    assert "ayse deleted rows below" in errors, errors
    assert "ayse deleted this row" in boris.locator("#actions-group").inner_text()
    assert boris.input_value(note) == "Signed at the Kremlin at noon"
    save_anyway = boris.locator(".form-row", has=boris.locator("#id_save_anyway"))
    assert "(added again)" in save_anyway.inner_text()

    boris.check("#id_save_anyway")
    submit(boris, "_continue")
    no_errors(boris)
    rows = sorted(agreement.actions.values_list("pk", "note_en"))
    assert len(rows) == 2 and (kept.pk, "") in rows
    assert "Signed at the Kremlin at noon" in dict(rows).values()
