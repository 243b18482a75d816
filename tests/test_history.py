"""Every change is kept, with who, when and what; any version can be restored."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from relations.history import FIXTURE_REASON
from relations.models import Event, Publication
from tests.conftest import bulk_action

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"admin:relations_event_{name}", args=args)


def test_an_admin_change_is_recorded_with_who_and_each_field(
    editor, editor_client, make_event, event_post
):
    event = make_event(title="Forum", place="Ankara")
    editor_client.post(url("change", event.pk), event_post(event, place="Istanbul"))

    newest = event.history.filter(history_user=editor).get()
    delta = newest.diff_against(newest.prev_record)
    # Fields created empty by code (NULL) and saved empty by the form ("") are no change.
    changes = [(c.field, c.old, c.new) for c in delta.changes if c.old or c.new]
    # The English column and the original it mirrors (django-modeltranslation).
    assert changes == [("place", "Ankara", "Istanbul"), ("place_en", "Ankara", "Istanbul")]


def test_many_to_many_changes_are_recorded(make_event, country):
    event = make_event()
    other = country()
    event.countries.add(other)
    newest, oldest = event.history.first(), event.history.last()
    delta = newest.diff_against(oldest)
    assert "countries" in delta.changed_fields


def test_the_history_page_shows_field_by_field_differences(editor_client, make_event, event_post):
    event = make_event(place="Ankara")
    editor_client.post(url("change", event.pk), event_post(event, place="Istanbul"))
    page = editor_client.get(url("history", event.pk)).content.decode()
    assert "Ankara" in page and "Istanbul" in page and "&rarr;" in page


def test_restoring_a_version_takes_one_post_and_brings_back_its_countries(
    editor_client, make_event, event_post, country
):
    event = make_event(body="First text")
    first = event.history.latest()
    first_countries = {c.pk for c in event.countries.all()}
    editor_client.post(
        url("change", event.pk), event_post(event, body="Second text", countries=[country().pk])
    )

    form = (
        editor_client.get(url("simple_history", event.pk, first.history_id))
        .context["adminform"]
        .form
    )
    assert set(form.initial["countries"]) == first_countries
    data = event_post(event, body=form.initial["body_en"], countries=form.initial["countries"])
    assert (
        editor_client.post(url("simple_history", event.pk, first.history_id), data).status_code
        == 302
    )

    event.refresh_from_db()
    assert event.body == "First text"
    assert {c.pk for c in event.countries.all()} == first_countries
    assert event.history.count() > 3  # the restore is itself a change in the history


def test_a_deleted_entry_is_listed_and_can_be_restored(editor_client, make_event, event_post):
    event = make_event(title="Lost forum", slug="lost-forum")
    pk, countries = event.pk, [c.pk for c in event.countries.all()]
    data = event_post(event)
    editor_client.post(url("delete", pk), {"post": "yes"})
    assert not Event.objects.filter(pk=pk).exists()

    page = editor_client.get(url("deleted")).content.decode()
    assert "Lost forum" in page
    deletion = Event.history.get(id=pk, history_type="-")
    assert deletion.revert_url() in page
    assert editor_client.get(url("history", pk)).status_code == 200

    form = editor_client.get(deletion.revert_url()).context["adminform"].form
    data["seen_version"] = form["seen_version"].value()  # as the page sends it back
    response = editor_client.post(deletion.revert_url(), data)
    assert response.status_code == 302
    restored = Event.objects.get(pk=pk)
    assert restored.title == "Lost forum"
    assert [c.pk for c in restored.countries.all()] == countries


def test_the_changelist_shows_who_changed_an_entry_last(
    editor, editor_client, make_event, event_post
):
    event = make_event(title="Forum")
    editor_client.post(url("change", event.pk), event_post(event, place="Ankara"))
    response = editor_client.get(url("changelist"))
    assert editor.username in response.content.decode()
    assert "column-last_changed" in response.content.decode()


def test_a_fixture_load_is_recorded_once(seed):
    assert Event.history.filter(history_change_reason=FIXTURE_REASON).count() == 5
    before = Event.history.count()
    call_command("loaddata", "seed", verbosity=0)
    assert Event.history.count() == before


def test_a_fixture_load_over_an_edited_entry_is_recorded(seed):
    event = Event.objects.first()
    title = event.title
    event.title = "Edited by hand"
    event.save()
    call_command("loaddata", "seed", verbosity=0, stdout=StringIO())
    newest = event.history.first()
    assert newest.history_change_reason == FIXTURE_REASON
    assert newest.title == title


def test_a_bulk_publish_is_recorded(editor, editor_client, make_event):
    event = make_event(publication=Publication.DRAFT)
    editor_client.post(url("changelist"), bulk_action("publish", [event]))
    newest = event.history.first()
    assert (newest.publication, newest.history_user) == (Publication.PUBLISHED, editor)
