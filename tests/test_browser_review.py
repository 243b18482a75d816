"""Issue #15's rounds in a real browser, each as plain Editors and Contributors (never a
superuser), driving the admin's own forms and JavaScript:

- a Contributor writes an event in three languages and sends it to review; an Editor finds
  it on the dashboard, previews it in Russian, publishes it and sees it on the public pages;
- two Editors on one entry: the second save is refused field by field, "Save anyway" names
  what it overwrites;
- an Editor publishes from the list: an entry a Contributor changed meanwhile stays in review;
- an Editor deletes an agreement (the confirmation lists its actions and links) and restores
  it from "Deleted entries": it comes back as a draft with its parties, actions and links.

One Debian Chromium (Playwright) for the whole module; each person is a browser context.
"""

import pytest
from django.urls import reverse

from relations.models import Agreement, AgreementAction, AgreementLink, Event, Publication
from tests.conftest import admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, field, text):
    """Pick ``text`` in one of the admin's autocomplete (select2) fields."""
    page.locator(f"{field} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option--highlighted", has_text=text).click()


def show_language(page, code):
    """The admin's language switch beside the title: every translated field shows ``code``."""
    switch = page.locator("#modeltranslation-main-switch")
    value = switch.locator("option", has_text=code).get_attribute("value")
    switch.select_option(value)


def submit(page, name):
    page.locator(f'input[name="{name}"]').click()
    page.wait_for_load_state()


def no_errors(page):
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()


def test_a_contributor_sends_a_translated_event_to_review_and_an_editor_publishes_it(
    make_staff, turkey, russia, sign_in
):
    kemal = sign_in(make_staff("Contributors", username="kemal"))
    admin(kemal, "event_add")
    kemal.fill("#id_title_en", "Energy forum in Testland")
    kemal.fill("#id_summary_en", "Ministers met to discuss gas supplies.")
    show_language(kemal, "ru")
    kemal.fill("#id_title_ru", "Энергетический форум в Тестландии")
    kemal.fill("#id_summary_ru", "Министры обсудили поставки газа.")
    show_language(kemal, "tr")
    kemal.fill("#id_title_tr", "Testland'de enerji forumu")
    show_language(kemal, "en")
    assert kemal.input_value("#id_slug") == "energy-forum-in-testland"
    kemal.select_option("#id_category", "economic")
    kemal.fill("#id_date", "2025-05-14")
    choose(kemal, "#id_countries", "Testland")
    choose(kemal, "#id_countries", "Homeland")
    # A Contributor has no publication field to set: the button sends the draft to review.
    assert kemal.locator("#id_publication").count() == 0
    submit(kemal, "_send_to_review")
    no_errors(kemal)
    event = Event.objects.get(slug="energy-forum-in-testland")
    assert event.publication == Publication.REVIEW
    assert (event.title_ru, event.title_tr) == (
        "Энергетический форум в Тестландии",
        "Testland'de enerji forumu",
    )
    assert {c.slug for c in event.countries.all()} == {"testland", "homeland"}
    assert kemal.request.get(kemal.site_url + event.get_absolute_url()).status == 404

    # The Editor finds it on the dashboard, under "ready for review".
    selin = sign_in(make_staff("Editors", username="selin"))
    selin.goto(selin.site_url + reverse("admin:index"))
    dashboard = selin.locator("#review-dashboard")
    review_list = dashboard.locator("h3", has_text="review").locator(
        "xpath=following-sibling::ul[1]"
    )
    review_list.get_by_role("link", name="Energy forum in Testland").click()
    selin.wait_for_load_state()
    assert selin.input_value("#id_title_en") == "Energy forum in Testland"

    # Previews it in Russian (the admin stays in English), then publishes what it reviewed.
    selin.locator("a.previewlink-ru").click()
    selin.wait_for_load_state()
    assert selin.locator("h1").inner_text() == "Энергетический форум в Тестландии"
    assert selin.locator(".preview-banner").is_visible()
    selin.go_back()
    selin.wait_for_load_state()
    selin.select_option("#id_publication", "published")
    submit(selin, "_continue")
    no_errors(selin)
    event.refresh_from_db()
    assert event.publication == Publication.PUBLISHED

    # Visitors see it: its page in English and Russian, and the list of events of 2025.
    public = selin.context.browser.new_context().new_page()
    public.goto(selin.site_url + event.get_absolute_url())
    assert public.locator("h1").inner_text() == "Energy forum in Testland"
    public.goto(selin.site_url + event.get_absolute_url().replace("/en/", "/ru/", 1))
    assert public.locator("h1").inner_text() == "Энергетический форум в Тестландии"
    public.goto(selin.site_url + reverse("relations:event-list") + "?year=2025")
    assert public.get_by_role("link", name="Energy forum in Testland").count() >= 1
    public.context.close()


def test_two_editors_on_one_entry_see_the_conflict_field_by_field(make_staff, make_event, sign_in):
    event = make_event(title="Forum", summary="Original", publication=Publication.PUBLISHED)
    ayse = sign_in(make_staff("Editors", username="ayse"))
    boris = sign_in(make_staff("Editors", username="boris"))
    admin(ayse, "event_change", event.pk)
    admin(boris, "event_change", event.pk)  # both have the form open

    ayse.fill("#id_summary_en", "Ayşe's summary")
    ayse.fill("#id_place_en", "Ankara")
    submit(ayse, "_continue")
    no_errors(ayse)

    boris.fill("#id_summary_en", "Boris's summary")
    boris.fill("#id_title_en", "Boris's title")
    submit(boris, "_continue")
    # Refused: who saved and when, at the top; at the field both changed, her value; his
    # text still in it; "Save anyway" names exactly that field.
    assert "ayse changed this entry on" in boris.locator("ul.errorlist.nonfield").inner_text()
    summary_row = boris.locator(".form-row", has=boris.locator("#id_summary_en"))
    assert "ayse saved: “Ayşe's summary”. Yours is in the field." in summary_row.inner_text()
    assert boris.input_value("#id_summary_en") == "Boris's summary"
    assert boris.input_value("#id_title_en") == "Boris's title"
    title_row = boris.locator(".form-row", has=boris.locator("#id_title_en"))
    assert "ayse saved" not in title_row.inner_text()  # only he changed the title
    save_anyway = boris.locator(".form-row", has=boris.locator("#id_save_anyway"))
    assert "Replaces their version of: Summary [en]." in save_anyway.inner_text()
    event.refresh_from_db()
    assert (event.summary_en, event.title_en) == ("Ayşe's summary", "Forum")

    boris.check("#id_save_anyway")
    submit(boris, "_continue")
    no_errors(boris)
    event.refresh_from_db()
    # His summary and title, her place: only the field named was overwritten.
    assert (event.summary_en, event.title_en, event.place_en) == (
        "Boris's summary",
        "Boris's title",
        "Ankara",
    )


def test_a_deleted_agreement_is_restored_with_its_actions_and_links(
    make_staff, make_agreement, make_action, make_link, russia, turkey, sign_in
):
    agreement = make_agreement(title="Treaty of Restoring", slug="treaty-of-restoring")
    make_action(agreement=agreement, party=turkey)
    make_action(agreement=agreement, party=russia, action="ratification")
    earlier = make_agreement(title="Earlier accord", slug="earlier-accord")
    make_link(from_agreement=agreement, to_agreement=earlier, kind="amends")
    make_link(from_agreement=make_agreement(title="Later accord"), to_agreement=agreement)
    actions = sorted(agreement.actions.values_list("party__slug", "action", "date"))
    links = sorted(
        AgreementLink.objects.filter(from_agreement=agreement).values_list(
            "kind", "to_agreement__slug"
        )
    ) + sorted(
        AgreementLink.objects.filter(to_agreement=agreement).values_list(
            "kind", "from_agreement__slug"
        )
    )
    parties = {party.slug for party in agreement.parties.all()}
    pk = agreement.pk

    selin = sign_in(make_staff("Editors", username="selin"))
    admin(selin, "agreement_delete", pk)
    # The confirmation says what goes with it.
    summary = selin.locator("#content").inner_text()
    assert "Agreement actions: 2" in summary and "Agreement links: 2" in summary
    selin.locator('input[type="submit"]').click()
    selin.wait_for_load_state()
    assert not Agreement.objects.filter(pk=pk).exists()
    assert not AgreementAction.objects.filter(agreement_id=pk).exists()

    admin(selin, "agreement_changelist")
    selin.get_by_role("link", name="Deleted entries").click()
    selin.wait_for_load_state()
    row = selin.locator("#deleted-entries tr", has_text="Treaty of Restoring")
    row.get_by_role("link", name="Restore").click()
    selin.wait_for_load_state()
    # The restore form shows what will come back, its parties already chosen.
    assert selin.input_value("#id_title_en") == "Treaty of Restoring"
    assert set(selin.locator("#id_parties option:checked").all_inner_texts()) == {
        "Homeland",
        "Testland",
    }
    selin.locator('input[value="Revert"]').first.click()
    selin.wait_for_load_state()
    no_errors(selin)
    assert "it is a draft now" in selin.locator(".messagelist").inner_text().lower()

    restored = Agreement.objects.get(pk=pk)
    assert restored.publication == Publication.DRAFT
    assert {party.slug for party in restored.parties.all()} == parties
    assert sorted(restored.actions.values_list("party__slug", "action", "date")) == actions
    assert (
        sorted(
            AgreementLink.objects.filter(from_agreement=restored).values_list(
                "kind", "to_agreement__slug"
            )
        )
        + sorted(
            AgreementLink.objects.filter(to_agreement=restored).values_list(
                "kind", "from_agreement__slug"
            )
        )
        == links
    )
    # And the Editor sees them on its change form, as rows of the inlines.
    admin(selin, "agreement_change", pk)
    assert selin.locator("#actions-group tr.has_original").count() == 2
    assert selin.locator("#links_from-group tr.has_original").count() == 1


def test_bulk_publish_from_the_list_leaves_an_entry_changed_meanwhile_in_review(
    make_staff, make_event, sign_in
):
    kept = make_event(title="Forum of regions", publication=Publication.REVIEW)
    changed = make_event(title="Joint commission", publication=Publication.REVIEW)
    selin = sign_in(make_staff("Editors", username="selin"))
    admin(selin, "event_changelist")  # the Editor reviews the list...

    kemal = sign_in(make_staff("Contributors", username="kemal"))
    admin(kemal, "event_change", changed.pk)  # ...while a Contributor saves a change
    kemal.fill("#id_summary_en", "Added after the review")
    submit(kemal, "_continue")
    no_errors(kemal)

    for event in (kept, changed):
        selin.locator(f'input[name="_selected_action"][value="{event.pk}"]').check()
    selin.select_option('select[name="action"]', "publish")
    selin.locator('button[name="index"]').click()
    selin.wait_for_load_state()
    messages = selin.locator(".messagelist").inner_text()
    assert "“Joint commission”" in messages and "1 entry changed." in messages
    kept.refresh_from_db()
    changed.refresh_from_db()
    assert kept.publication == Publication.PUBLISHED
    assert (changed.summary_en, changed.publication) == (
        "Added after the review",
        Publication.REVIEW,
    )
