import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from relations.models import Event, Publication
from tests.conftest import admin_form, bulk_action

pytestmark = pytest.mark.django_db

MODELS = [model for model in admin.site._registry if model._meta.app_label == "relations"]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_changelist_add_and_change_page_loads(staff_client, seed, model):
    assert staff_client.get(admin_url(model, "changelist")).status_code == 200
    assert staff_client.get(admin_url(model, "changelist") + "?q=turkey").status_code == 200
    assert staff_client.get(admin_url(model, "add")).status_code == 200
    for obj in model.objects.all()[:3]:
        assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_the_admin_refuses_a_day_where_the_precision_is_a_month(editor_client, seed):
    event = Event.objects.get(slug="military-technical-cooperation-commission-established")
    url = admin_url(Event, "change", event.pk)
    data = admin_form(editor_client.get(url))
    data |= {"date": ["2001-05-15"], "date_precision": ["month"]}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "first day of the period: 2001-05-01" in response.text
    event.refresh_from_db()
    assert event.date == datetime.date(2001, 5, 1)


def test_a_duplicate_slug_is_a_form_error(staff_client, seed):
    response = staff_client.post(
        admin_url(Event, "add"),
        {
            "title": "Copy",
            "slug": "idef-1993",
            "category": "exhibition",
            "date": "1993-01-01",
            "date_precision": "year",
            "publication": "draft",
        },
    )
    assert response.status_code == 200
    assert "Event with this Slug already exists." in response.text


def test_bulk_publish_and_unpublish(staff_client, make_event):
    drafts = [make_event(publication=Publication.DRAFT) for _ in range(3)]
    url = admin_url(Event, "changelist")
    staff_client.post(url, bulk_action("publish", drafts))
    assert Event.objects.published().count() == 3
    staff_client.post(url, {"action": "unpublish", "_selected_action": [drafts[0].pk]})
    assert Event.objects.published().count() == 2


def test_view_on_site_links_to_the_public_page(staff_client, seed):
    event = Event.objects.get(slug="idef-1993")
    html = staff_client.get(admin_url(Event, "change", event.pk)).text
    assert "View on site" in html


def test_agreements_are_edited_inside_their_visit(staff_client, seed):
    from relations.models import Visit

    visit = Visit.objects.get(slug="vladimir-putin-state-visit-2004")
    html = staff_client.get(admin_url(Visit, "change", visit.pk)).text
    assert "Joint Declaration between the Russian Federation" in html


@pytest.mark.parametrize("value", ["' OR 1=1 --", "9" * 40, "-1"])
def test_a_tampered_autocomplete_choice_is_a_form_error(staff_client, seed, value):
    from relations.models import Organisation

    response = staff_client.post(
        admin_url(Organisation, "add"),
        {"name_en": "X", "slug": "x", "kind": "company", "publication": "draft", "parent": value},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
