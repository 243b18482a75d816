"""Nothing is lost on restore, copies are drafts, one save makes one version (issue 15).

Every test logs in as a plain Editor or Contributor and posts what the admin's form contains.
"""

import datetime

import pytest
from django.urls import reverse

from relations.models import Agreement, AgreementAction, AgreementLink, Publication
from tests.conftest import admin_form, form_fields


def change_url(entry):
    return reverse(f"admin:relations_{entry._meta.model_name}_change", args=[entry.pk])


def form_data(response, form_id):
    data = {}
    for name, value in form_fields(response.content.decode(), form_id):
        data.setdefault(name, []).append(value)
    return data


def row_values(queryset, *exclude):
    return sorted(
        tuple(sorted((k, v) for k, v in row.items() if k not in exclude))
        for row in queryset.values()
    )


def delete_through_admin(client, entry):
    url = reverse(f"admin:relations_{entry._meta.model_name}_delete", args=[entry.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return page.content.decode()


@pytest.fixture
def agreement_with_children(make_agreement, make_action, make_link, make_source, russia):
    agreement = make_agreement(title="Treaty of Restoring", slug="treaty-of-restoring")
    agreement.sources.set([make_source()])
    make_action(agreement=agreement)
    make_action(agreement=agreement, party=russia, action="ratification")
    make_link(from_agreement=agreement, to_agreement=make_agreement())
    make_link(from_agreement=make_agreement(), to_agreement=agreement, kind="supersedes")
    return agreement


def test_a_deleted_agreement_comes_back_with_parties_actions_and_links_as_a_draft(
    editor_client, agreement_with_children
):
    agreement = agreement_with_children
    pk = agreement.pk
    fields = Agreement.objects.filter(pk=pk).values().get()
    parties = set(agreement.parties.values_list("pk", flat=True))
    sources = set(agreement.sources.values_list("pk", flat=True))
    actions = row_values(AgreementAction.objects.filter(agreement=agreement))
    links = row_values(AgreementLink.objects.filter(from_agreement=agreement)) + row_values(
        AgreementLink.objects.filter(to_agreement=agreement)
    )

    confirmation = delete_through_admin(editor_client, agreement)
    # The confirmation names the child rows the deletion takes with it.
    assert "Agreement action" in confirmation or "agreement action" in confirmation
    assert not Agreement.objects.filter(pk=pk).exists()
    assert not AgreementAction.objects.filter(agreement_id=pk).exists()

    deletion = Agreement.history.filter(id=pk, history_type="-").get()
    deleted_page = editor_client.get(reverse("admin:relations_agreement_deleted"))
    assert deletion.revert_url() in deleted_page.content.decode()
    form = editor_client.get(deletion.revert_url())
    data = form_data(form, None)
    # The parties are chosen in the restore form: nobody picks them again.
    assert set(map(int, data["parties"])) == parties
    response = editor_client.post(deletion.revert_url(), data)
    assert response.status_code == 302, response.context["errors"]

    restored = Agreement.objects.filter(pk=pk).values().get()
    assert restored.pop("publication") == Publication.DRAFT
    assert fields.pop("publication") == Publication.PUBLISHED
    for name in ("updated_at", "created_at", "status"):
        restored.pop(name), fields.pop(name)
    assert restored == fields
    agreement = Agreement.objects.get(pk=pk)
    assert set(agreement.parties.values_list("pk", flat=True)) == parties
    assert set(agreement.sources.values_list("pk", flat=True)) == sources
    assert row_values(AgreementAction.objects.filter(agreement=agreement)) == actions
    assert (
        row_values(AgreementLink.objects.filter(from_agreement=agreement))
        + row_values(AgreementLink.objects.filter(to_agreement=agreement))
        == links
    )
    record = agreement.history.latest()
    assert record.history_change_reason.startswith("Restored after deletion with 2 agreement")
    assert "parties" in record.history_change_reason
    assert record.history_user is not None


def test_reverting_brings_back_the_actions_deleted_since(editor_client, agreement_with_children):
    agreement = agreement_with_children
    agreement.save()  # a version with the actions, as an admin save with its inlines makes
    version = agreement.history.latest()
    actions = row_values(AgreementAction.objects.filter(agreement=agreement))
    AgreementAction.objects.filter(agreement=agreement).first().delete()
    url = reverse(
        "admin:relations_agreement_simple_history", args=[agreement.pk, version.history_id]
    )
    response = editor_client.post(url, form_data(editor_client.get(url), None))
    assert response.status_code == 302
    assert row_values(AgreementAction.objects.filter(agreement=agreement)) == actions
    agreement.refresh_from_db()
    assert agreement.publication == Publication.DRAFT


def test_one_admin_save_writes_one_version_with_its_many_to_many_choices(
    editor_client, make_agreement, make_source, turkey
):
    agreement = make_agreement()
    before = agreement.history.count()
    data = admin_form(editor_client.get(change_url(agreement)))
    data["parties"] = [str(turkey.pk)]
    data["sources"] = [str(make_source().pk)]
    data["title_en"] = ["A new title"]
    response = editor_client.post(change_url(agreement), data)
    assert response.status_code == 302, response.context["errors"]
    assert agreement.history.count() == before + 1
    record = agreement.history.latest()
    assert record.title_en == "A new title"
    assert list(record.parties.values_list("country_id", flat=True)) == [turkey.pk]
    assert record.sources.count() == 1


def test_save_as_new_makes_a_draft_with_its_own_slug(editor_client, agreement_with_children):
    agreement = agreement_with_children
    data = admin_form(editor_client.get(change_url(agreement)))
    data["_saveasnew"] = ["Save as new"]
    response = editor_client.post(change_url(agreement), data)
    assert response.status_code == 302, response.context["errors"]
    copy = Agreement.objects.exclude(pk=agreement.pk).get(title=agreement.title)
    assert copy.publication == Publication.DRAFT
    assert copy.slug == "treaty-of-restoring-copy"
    assert set(copy.parties.all()) == set(agreement.parties.all())
    # The inlines are copied too: the actions and the links to earlier agreements.
    assert copy.actions.count() == 2
    agreement.refresh_from_db()
    assert agreement.publication == Publication.PUBLISHED


def test_a_contributor_copies_a_published_entry_as_a_draft(contributor_client, make_agreement):
    agreement = make_agreement(title="Published Pact", slug="published-pact")
    page = contributor_client.get(change_url(agreement))
    assert page.status_code == 200
    assert 'name="_saveasnew"' in page.content.decode()
    response = contributor_client.post(
        change_url(agreement), {"_saveasnew": "Save as new", **form_data(page, "agreement_form")}
    )
    assert response.status_code == 302
    copy = Agreement.objects.get(slug="published-pact-copy")
    assert copy.publication == Publication.DRAFT
    assert set(copy.parties.all()) == set(agreement.parties.all())
    assert response["Location"] == change_url(copy)


def test_restoring_a_deleted_entry_stays_refused_without_the_right_to_publish(
    contributor_client, make_agreement
):
    agreement = make_agreement(publication=Publication.DRAFT, signed_on=datetime.date(2001, 1, 1))
    pk = agreement.pk
    agreement.delete()
    deletion = Agreement.history.filter(id=pk, history_type="-").get()
    assert contributor_client.post(deletion.revert_url(), {}).status_code == 403


def test_the_history_lists_each_translated_field_once_per_language_and_diffs_long_texts(
    editor_client, make_agreement
):
    long_text = " ".join(f"word{n}" for n in range(60))
    agreement = make_agreement(summary_en=long_text)
    data = admin_form(editor_client.get(change_url(agreement)))
    data["title_en"] = ["A title changed"]
    data["title_ru"] = ["Изменённое название"]
    data["summary_en"] = [long_text.replace("word30", "changed30")]
    assert editor_client.post(change_url(agreement), data).status_code == 302
    page = editor_client.get(
        reverse("admin:relations_agreement_history", args=[agreement.pk])
    ).content.decode()
    changes = page.split('id="change-history"')[1]
    assert changes.count("<strong>Title [en]:</strong>") == 1
    assert changes.count("<strong>Title [ru]:</strong>") == 1
    # modeltranslation's own "title" (the active language's column again) is not listed.
    assert "<strong>Title:</strong>" not in changes
    # The long text is shown whole, with the changed word marked, not cut with "[...]".
    assert "<del>word30</del>" in changes and "<ins>changed30</ins>" in changes
    assert "word59" in changes


def test_an_entry_deleted_restored_and_deleted_again_is_listed_once_by_its_last_deletion(
    editor_client, agreement_with_children
):
    agreement = agreement_with_children
    pk = agreement.pk
    delete_through_admin(editor_client, agreement)
    first = Agreement.history.filter(id=pk, history_type="-").get()
    response = editor_client.post(
        first.revert_url(), form_data(editor_client.get(first.revert_url()), None)
    )
    assert response.status_code == 302
    delete_through_admin(editor_client, Agreement.objects.get(pk=pk))
    last = Agreement.history.filter(id=pk, history_type="-").latest("history_date", "history_id")
    assert last.history_id != first.history_id

    page = editor_client.get(reverse("admin:relations_agreement_deleted")).content.decode()
    history = reverse("admin:relations_agreement_history", args=[pk])
    assert page.count(f'<td><a href="{history}">') == 1
    assert last.revert_url() in page and first.revert_url() not in page


@pytest.mark.parametrize(
    "language, draft", [("en", "It is a draft now"), ("ru", "Теперь это черновик")]
)
def test_the_restore_message_says_the_entry_is_a_draft_in_the_editors_language(
    editor_client, agreement_with_children, language, draft
):
    """The editor is told, in their language, what came back and that it is a draft."""
    agreement = agreement_with_children
    editor_client.cookies["django_language"] = language
    delete_through_admin(editor_client, agreement)
    deletion = Agreement.history.filter(id=agreement.pk, history_type="-").get()
    data = form_data(editor_client.get(deletion.revert_url()), None)
    response = editor_client.post(deletion.revert_url(), data, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any(draft in text and ": 2" in text for text in shown), shown
