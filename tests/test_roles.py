"""Contributors write drafts; Editors publish, delete and restore; superusers manage accounts."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from relations.models import Agreement, Event, Publication, Visit
from tests.conftest import bulk_action

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
    response = editor_client.post(url("changelist"), bulk_action("publish", drafts))
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


@pytest.mark.parametrize("model", ["event", "person", "source", "role"])
def test_only_editors_import_but_everyone_exports(contributor_client, editor_client, model):
    """People, sources and roles are live at once: Contributors once imported them."""
    name = f"admin:relations_{model}_%s"
    assert contributor_client.get(reverse(name % "import")).status_code == 403
    assert editor_client.get(reverse(name % "import")).status_code == 200
    assert contributor_client.get(reverse(name % "export")).status_code == 200


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


def registered():
    """Every admin of the app, read from the admin registry: a new model is walked too."""
    from django.contrib import admin

    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label == "relations"
    ]


def expected(group, model, obj=None):
    """What each role may do, stated apart from setup_roles: Editors everything; Contributors
    read everything, add all but countries, change drafts and unpublished kinds but neither
    countries nor people, and delete nothing."""
    editor = group == "Editors"
    name = model._meta.model_name
    published = getattr(obj, "publication", None) == Publication.PUBLISHED
    return {
        "add": editor or name != "country",
        "change": editor or (name not in ("country", "person") and not published),
        "delete": editor,
    }


def test_every_model_of_the_app_has_an_admin():
    from django.apps import apps

    from relations.history import is_history_record

    models = {m for m in apps.get_app_config("relations").get_models() if not is_history_record(m)}
    inlined = {inline.model for _m, a in registered() for inline in a.inlines}
    assert models == {m for m, _a in registered()} | inlined


@pytest.mark.parametrize("group", ["Editors", "Contributors"])
def test_each_role_walks_every_admin_page_it_should_and_none_it_should_not(
    make_staff, seed, make_link, make_cochair, make_event, group
):
    """Changelist, add, change (a draft and a published entry), delete, every inline and
    every autocomplete of every registered model, as a plain member of the group."""
    from django.forms.models import _get_foreign_key
    from django.test import Client

    make_link()
    make_cochair()
    make_event(publication=Publication.DRAFT)
    client = Client()
    client.force_login(make_staff(group))
    for model, model_admin in registered():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        label = f"{group} on {model._meta.model_name}"
        assert client.get(reverse(f"{info}_changelist")).status_code == 200, label
        may = expected(group, model)
        add = client.get(reverse(f"{info}_add"))
        assert add.status_code == (200 if may["add"] else 403), label
        for inline in model_admin.inlines:
            fk = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
            prefix = fk.remote_field.get_accessor_name(model=False)
            assert may["add"] <= (f'name="{prefix}-TOTAL_FORMS"' in add.text), (label, prefix)
        objects = model._default_manager.order_by("pk")
        samples = (
            {objects.first(), *objects.filter(publication=Publication.DRAFT)[:1]}
            if hasattr(model, "publication")
            else {objects.first()}
        )
        assert None not in samples, f"no {model._meta.model_name} to change"
        for obj in samples:
            may = expected(group, model, obj)
            change = client.get(reverse(f"{info}_change", args=[obj.pk]))
            assert change.status_code == 200, label
            assert ('name="_save"' in change.text) == may["change"], (label, obj.pk)
            delete = client.get(reverse(f"{info}_delete", args=[obj.pk]))
            assert delete.status_code == (200 if may["delete"] else 403), label
        for field in {*model_admin.autocomplete_fields} | {
            (inline.model, f) for inline in model_admin.inlines for f in inline.autocomplete_fields
        }:
            owner, name = field if isinstance(field, tuple) else (model, field)
            answer = client.get(
                reverse("admin:autocomplete"),
                {
                    "app_label": "relations",
                    "model_name": owner._meta.model_name,
                    "field_name": name,
                    "term": "",
                },
            )
            assert answer.status_code == 200, (label, owner, name)
            assert answer.json()["results"], (label, owner, name)
