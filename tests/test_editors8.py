"""Issue #15: what a by-hand round in Chromium (session 15) found outside the forms' merge,
as plain Editors and Contributors."""

import pytest
from django.urls import reverse

from relations.models import Publication

pytestmark = pytest.mark.django_db


def test_a_contributor_is_offered_send_to_review_only_where_they_may_save(
    contributor_client, make_event
):
    # A published entry is read-only for a Contributor: its button led to a 403 page.
    published = make_event(publication=Publication.PUBLISHED)
    page = contributor_client.get(reverse("admin:relations_event_change", args=[published.pk]))
    assert page.status_code == 200
    assert 'name="_saveasnew"' in page.text  # a draft copy they may make
    assert 'name="_send_to_review"' not in page.text
    draft = make_event(publication=Publication.DRAFT)
    page = contributor_client.get(reverse("admin:relations_event_change", args=[draft.pk]))
    assert 'name="_send_to_review"' in page.text
