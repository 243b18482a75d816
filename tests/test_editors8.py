"""Issue #15: what a by-hand round in Chromium (session 15) found outside the forms' merge,
as plain Editors and Contributors."""

import pytest
from django.urls import reverse
from django.utils.html import escape

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


def test_the_history_lists_the_sources_added_in_full(editor_client, make_agreement, make_source):
    agreement = make_agreement(title="Treaty of Sources")
    long_title = (
        "Cooperation with Turkey: the Ministry's page on the treaties, visits and "
        "commissions of the two countries since 1920, with their texts"
    )
    agreement.sources.set([make_source(title=long_title), make_source(title="Izvestia, 1921")])
    page = editor_client.get(reverse("admin:relations_agreement_history", args=[agreement.pk]))
    assert page.status_code == 200
    # simple-history cut the list: "Cooperation with Turkey: the Mi[120 chars]1921)]".
    assert "chars]" not in page.text
    assert escape(long_title) in page.text and "Izvestia, 1921" in page.text


def test_a_form_posted_to_an_entry_deleted_meanwhile_links_to_nothing_gone(
    editor_client, make_event, event_post
):
    event = make_event(title="Talks in Sochi")
    data = event_post(event, summary="Typed while it was deleted")
    url = reverse("admin:relations_event_change", args=[event.pk])
    event.delete()
    page = editor_client.post(url, data)
    assert page.status_code == 200
    assert "Typed while it was deleted" in page.text
    # The breadcrumb said "None"; "Preview" and "History" led to a 404.
    breadcrumbs = page.text.split('<div class="breadcrumbs">', 1)[1].split("</div>", 1)[0]
    assert "None" not in breadcrumbs and "Deleted meanwhile" in breadcrumbs
    assert "previewlink" not in page.text and "historylink" not in page.text
