"""Editors read mistakes as messages in the form, never as a server error."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_end_before_the_start_is_a_form_error(editor_client, make_event, event_post):
    event = make_event()
    data = event_post(event, end_date="1999-01-01", end_precision="day")
    response = editor_client.post(reverse("admin:relations_event_change", args=[event.pk]), data)
    assert response.status_code == 200
    assert "The end cannot be before the start." in response.text


def test_save_as_new_with_the_same_slug_is_a_form_error(editor_client, make_event, event_post):
    event = make_event()
    data = event_post(event, _saveasnew="Save as new")
    response = editor_client.post(reverse("admin:relations_event_change", args=[event.pk]), data)
    assert response.status_code == 200
    assert "Event with this Slug already exists." in response.text
