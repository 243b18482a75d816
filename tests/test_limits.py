"""Every input has a ceiling, and going over it is a clear answer, not a busy worker."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_form_body_over_the_limit_is_refused(editor_client, make_event):
    url = reverse("admin:relations_event_change", args=[make_event().pk])
    response = editor_client.post(url, {"title_en": "x" * 2_700_000})
    assert response.status_code == 400


def test_a_form_with_too_many_fields_is_refused(editor_client, make_event):
    url = reverse("admin:relations_event_change", args=[make_event().pk])
    response = editor_client.post(url, {f"field{n}": "x" for n in range(1_001)})
    assert response.status_code == 400
