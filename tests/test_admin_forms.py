"""Editors read mistakes as messages in the form, never as a server error."""

import pytest
from django.urls import reverse

from tests.conftest import admin_form

pytestmark = pytest.mark.django_db


def test_an_end_before_the_start_is_a_form_error(editor_client, make_event, event_post):
    event = make_event()
    data = event_post(event, end_date="1999-01-01", end_precision="day")
    response = editor_client.post(reverse("admin:relations_event_change", args=[event.pk]), data)
    assert response.status_code == 200
    assert "The end cannot be before the start." in response.text


def test_save_as_new_with_the_same_slug_gives_the_copy_a_slug_of_its_own(
    editor_client, make_event, event_post
):
    from relations.models import Event, Publication

    event = make_event()
    data = event_post(event, _saveasnew="Save as new")
    response = editor_client.post(reverse("admin:relations_event_change", args=[event.pk]), data)
    assert response.status_code == 302
    copy = Event.objects.get(slug=f"{event.slug}-copy")
    assert copy.publication == Publication.DRAFT


def test_every_inline_builds_at_most_its_row_limit():
    from django.contrib import admin

    from relations.admin import BoundedInline

    inlines = [
        inline
        for model_admin in admin.site._registry.values()
        for inline in getattr(model_admin, "inlines", ())
    ]
    assert inlines
    for inline in inlines:
        assert issubclass(inline, BoundedInline), inline
        assert inline.max_num <= 100, inline


def test_a_forged_row_count_is_refused_without_building_the_rows(editor_client, seed):
    from relations.models import PartnerPage

    page = PartnerPage.objects.get(slug="turkey")
    url = reverse("admin:relations_partnerpage_change", args=[page.pk])
    data = admin_form(editor_client.get(url))
    data["sections-TOTAL_FORMS"] = ["2000"]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Please submit at most 100 forms." in response.text
    # The page shows the rows that exist, not 2,000 empty ones.
    assert response.text.count('name="sections-1999-title_en"') == 0
    assert len(response.context["inline_admin_formsets"][0].formset.forms) <= 100


def test_a_change_form_saved_as_shown_changes_nothing(editor_client, seed):
    """What the form contains, posted back untouched: saved, and the entry is the same."""
    from django.forms.models import model_to_dict

    from relations.models import Agreement

    treaty = Agreement.objects.get(slug="treaty-on-principles-of-relations-1992")
    before = model_to_dict(treaty)
    url = reverse("admin:relations_agreement_change", args=[treaty.pk])
    response = editor_client.post(url, admin_form(editor_client.get(url)))
    assert response.status_code == 302, response.context["adminform"].form.errors
    treaty.refresh_from_db()
    assert model_to_dict(treaty) == before
