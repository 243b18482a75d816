"""The changelist's "Publish" action keeps the review rule (issue #15 item 5): it publishes
exactly the versions the Editor saw on the list; an entry changed after the list was opened
is not published and stays in review, and the message names it."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from relations.models import Event, Publication
from tests.conftest import form_fields

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:relations_event_changelist"


def change_url(event):
    return reverse("admin:relations_event_change", args=[event.pk])


def opened_list(client):
    """The changelist form as the Editor's browser would post it, nothing ticked yet."""
    page = client.get(reverse(CHANGELIST))
    assert page.status_code == 200
    data = {}
    for name, value in form_fields(page.content.decode(), "changelist-form"):
        data.setdefault(name, []).append(value)
    return data


def run_action(client, form, action, entries):
    data = form | {"action": action, "_selected_action": [entry.pk for entry in entries]}
    response = client.post(reverse(CHANGELIST), data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)] or [
        str(message) for message in response.context["messages"]
    ]


def test_bulk_publish_publishes_the_versions_on_the_list_and_not_one_changed_since(
    contributor_client, editor_client, make_event, event_post
):
    kept = make_event(title="Forum of regions", publication=Publication.REVIEW)
    changed = make_event(title="Joint commission", publication=Publication.REVIEW)
    form = opened_list(editor_client)  # the Editor reviews the list...
    # ...and a Contributor saves a change to one of them meanwhile, through the real form.
    assert (
        contributor_client.post(change_url(changed), event_post(changed, body="Late")).status_code
        == 302
    )
    messages = run_action(editor_client, form, "publish", [kept, changed])
    kept.refresh_from_db()
    changed.refresh_from_db()
    assert kept.publication == Publication.PUBLISHED
    assert (changed.body, changed.publication) == ("Late", Publication.REVIEW)
    assert any("Joint commission" in message and "review" in message for message in messages)
    # Opened again, the list shows the new version, and publishing it works.
    run_action(editor_client, opened_list(editor_client), "publish", [changed])
    changed.refresh_from_db()
    assert changed.publication == Publication.PUBLISHED


def test_a_publish_without_the_versions_seen_publishes_nothing(editor_client, make_event):
    """ "Select all N" or a forged post names entries whose version the Editor never saw."""
    drafts = [make_event(publication=Publication.REVIEW) for _ in range(2)]
    response = editor_client.post(
        reverse(CHANGELIST),
        {"action": "publish", "_selected_action": [entry.pk for entry in drafts]},
        follow=True,
    )
    assert response.status_code == 200
    assert not Event.objects.published().exists()
    assert any("not published" in str(message).lower() for message in response.context["messages"])


def test_unpublish_needs_no_review(editor_client, make_event):
    entries = [make_event(publication=Publication.PUBLISHED) for _ in range(2)]
    editor_client.post(
        reverse(CHANGELIST),
        {"action": "unpublish", "_selected_action": [entry.pk for entry in entries]},
    )
    assert not Event.objects.published().exists()
