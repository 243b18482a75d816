"""Contributors write drafts; Editors publish, delete and restore; superusers manage accounts."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from relations.models import Agreement, Event, Publication, Visit

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"admin:relations_event_{name}", args=args)


def test_setup_roles_is_idempotent(roles):
    before = {group.name: set(group.permissions.all()) for group in Group.objects.all()}
    call_command("setup_roles", verbosity=0)
    after = {group.name: set(group.permissions.all()) for group in Group.objects.all()}
    assert before == after
    assert set(after) == {"Contributors", "Editors"}


def test_contributors_hold_no_publish_delete_or_account_permission(roles):
    codenames = set(
        Group.objects.get(name="Contributors").permissions.values_list("codename", flat=True)
    )
    assert "add_event" in codenames and "change_event" in codenames
    assert not {c for c in codenames if c.startswith(("publish_", "delete_"))}
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"publish_event", "delete_event", "publish_visit"} <= editors
    for group in Group.objects.all():
        assert not group.permissions.filter(content_type__app_label="auth").exists()


def test_a_contributor_adds_a_draft_even_when_posting_published_by_hand(
    contributor_client, turkey, event_post, make_event
):
    template = make_event(title="Template")
    data = event_post(template, title="Hand-made", slug="hand-made", seen_version="")
    data["publication"] = Publication.PUBLISHED
    response = contributor_client.post(url("add"), data)
    assert response.status_code == 302
    assert Event.objects.get(slug="hand-made").publication == Publication.DRAFT


def test_a_contributor_cannot_publish_a_draft_by_changing_it(
    contributor_client, make_event, event_post
):
    event = make_event(publication=Publication.DRAFT)
    response = contributor_client.post(
        url("change", event.pk), event_post(event, publication=Publication.PUBLISHED, body="Hi")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.body, event.publication) == ("Hi", Publication.DRAFT)


def test_a_contributor_cannot_change_a_published_entry(contributor_client, make_event, event_post):
    event = make_event(publication=Publication.PUBLISHED, body="Before")
    response = contributor_client.post(url("change", event.pk), event_post(event, body="After"))
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.body == "Before"


def test_a_contributor_neither_sees_nor_runs_the_publish_actions(contributor_client, make_event):
    event = make_event(publication=Publication.DRAFT)
    page = contributor_client.get(url("changelist")).content.decode()
    assert 'value="publish"' not in page
    response = contributor_client.post(
        url("changelist"), {"action": "publish", "_selected_action": [event.pk]}
    )
    assert response.status_code in (200, 302)
    event.refresh_from_db()
    assert event.publication == Publication.DRAFT


def test_an_editor_publishes_in_bulk(editor_client, make_event):
    drafts = [make_event(publication=Publication.DRAFT) for _ in range(2)]
    page = editor_client.get(url("changelist")).content.decode()
    assert 'value="publish"' in page
    response = editor_client.post(
        url("changelist"), {"action": "publish", "_selected_action": [e.pk for e in drafts]}
    )
    assert response.status_code == 302
    assert Event.objects.published().count() == 2


def test_a_contributor_cannot_delete_and_an_editor_can(
    contributor_client, editor_client, make_event
):
    event = make_event(publication=Publication.DRAFT)
    assert contributor_client.get(url("delete", event.pk)).status_code == 403
    assert contributor_client.post(url("delete", event.pk), {"post": "yes"}).status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()
    assert editor_client.post(url("delete", event.pk), {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()


def test_a_contributor_cannot_restore_and_an_editor_can(
    contributor_client, editor_client, make_event, event_post
):
    event = make_event(publication=Publication.DRAFT, body="First")
    editor_client.post(url("change", event.pk), event_post(event, body="Second"))
    first = event.history.earliest()
    revert_url = url("simple_history", event.pk, first.history_id)

    page = contributor_client.get(revert_url)
    assert page.status_code == 200
    assert 'value="Revert"' not in page.content.decode()
    refused = contributor_client.post(revert_url, event_post(event, body="First"))
    assert refused.status_code == 403

    assert 'value="Revert"' in editor_client.get(revert_url).content.decode()
    assert editor_client.post(revert_url, event_post(event, body="First")).status_code == 302
    event.refresh_from_db()
    assert event.body == "First"


def test_only_editors_import_but_everyone_exports(contributor_client, editor_client):
    assert contributor_client.get(url("import")).status_code == 403
    assert editor_client.get(url("import")).status_code == 200
    assert contributor_client.get(url("export")).status_code == 200


@pytest.mark.parametrize("model", ["user", "group"])
def test_only_superusers_manage_accounts_and_groups(
    contributor_client, editor_client, staff_client, model
):
    changelist = reverse(f"admin:auth_{model}_changelist")
    assert contributor_client.get(changelist).status_code == 403
    assert editor_client.get(changelist).status_code == 403
    assert staff_client.get(changelist).status_code == 200


def test_a_contributor_cannot_publish_an_agreement_through_the_visit_inline(
    contributor_client, make_visit, make_person, turkey, russia
):
    person = make_person()
    data = {
        "title_en": "Working visit",
        "slug": "working-visit",
        "person": person.pk,
        "level": "working",
        "date": "2010-05-12",
        "date_precision": "day",
        "end_date": "",
        "end_precision": "",
        "origin_country": russia.pk,
        "host_country": turkey.pk,
        "place_en": "",
        "publication": Publication.PUBLISHED,
        "publish_at_0": "",
        "publish_at_1": "",
        "seen_version": "",
        "agreements-TOTAL_FORMS": "1",
        "agreements-INITIAL_FORMS": "0",
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "1000",
        "agreements-0-title_en": "Protocol",
        "agreements-0-slug": "protocol",
        "agreements-0-kind": "protocol",
        "agreements-0-signed_on": "2010-05-12",
        "agreements-0-signed_precision": "day",
        "agreements-0-parties": [turkey.pk, russia.pk],
        "agreements-0-status": "signed",
        "agreements-0-publication": Publication.PUBLISHED,
    }
    response = contributor_client.post(reverse("admin:relations_visit_add"), data)
    assert response.status_code == 302, response.context["errors"]
    assert Visit.objects.get(slug="working-visit").publication == Publication.DRAFT
    assert Agreement.objects.get(slug="protocol").publication == Publication.DRAFT


def test_a_contributor_is_not_offered_a_published_agreement_inside_a_draft_visit(
    contributor_client, editor_client, make_visit, make_agreement
):
    visit = make_visit(publication=Publication.DRAFT)
    make_agreement(title="Public treaty", visit=visit)
    make_agreement(title="Draft protocol", visit=visit, publication=Publication.DRAFT)
    change = reverse("admin:relations_visit_change", args=[visit.pk])
    page = contributor_client.get(change).content.decode()
    assert "Draft protocol" in page and "Public treaty" not in page
    page = editor_client.get(change).content.decode()
    assert "Draft protocol" in page and "Public treaty" in page


@pytest.mark.parametrize("group", ["Editors", "Contributors"])
def test_both_groups_get_the_records_inlines_and_the_sources_autocomplete(make_staff, seed, group):
    """The inlines of actions, links and roles and the sources autocomplete once needed a
    superuser: every model's permissions now come from setup_roles.roles()."""
    from django.test import Client

    client = Client()
    client.force_login(make_staff(group))
    page = client.get(reverse("admin:relations_agreement_add")).text
    assert 'name="actions-TOTAL_FORMS"' in page and 'name="links_from-TOTAL_FORMS"' in page
    assert 'name="roles-TOTAL_FORMS"' in client.get(reverse("admin:relations_person_add")).text
    answer = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "relations",
            "model_name": "event",
            "field_name": "sources",
            "term": "turkey",
        },
    )
    assert answer.status_code == 200 and answer.json()["results"]
