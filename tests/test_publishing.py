"""Visitors see published, due entries only; editors preview drafts as visitors will see them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from relations.models import Event, EventSeries, Publication
from tests.conftest import bulk_action

pytestmark = pytest.mark.django_db

DRAFT = {"publication": Publication.DRAFT}


def future():
    return {
        "publication": Publication.PUBLISHED,
        "publish_at": timezone.now() + datetime.timedelta(days=1),
    }


@pytest.mark.parametrize("hidden", [DRAFT, "future"], ids=["draft", "not-yet-due"])
def test_hidden_entries_are_on_no_list_detail_or_count(
    client, partner_page, make_event, make_visit, make_agreement, hidden
):
    state = future() if hidden == "future" else hidden
    event = make_event(title="Hidden event", **state)
    visit = make_visit(title="Hidden visit", **state)
    agreement = make_agreement(title="Hidden agreement", is_key=True, **state)
    make_event(title="Shown event")

    home = reverse("relations:home")
    lists = [reverse(f"relations:{name}-list") for name in ("event", "visit", "agreement")]
    figures = client.get(partner_page.get_absolute_url()).context["figures"]
    about = reverse("relations:about")
    for url in (home, about, *lists, partner_page.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Hidden" not in response.content.decode(), url
    for entry in (event, visit, agreement):
        assert client.get(entry.get_absolute_url()).status_code == 404
    assert figures == {"agreements": 0, "visits": 0, "events": 1}


def test_a_draft_visit_is_not_linked_from_its_published_agreement(
    client, make_visit, make_agreement
):
    visit = make_visit(title="Secret visit", **DRAFT)
    agreement = make_agreement(visit=visit)
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Secret visit" not in page
    assert visit.get_absolute_url() not in page


def test_a_draft_agreement_is_not_listed_on_its_published_visit(client, make_visit, make_agreement):
    visit = make_visit()
    make_agreement(title="Secret protocol", visit=visit, **DRAFT)
    assert "Secret protocol" not in client.get(visit.get_absolute_url()).content.decode()


def test_a_draft_partner_page_leaves_the_home_page(client, partner_page):
    partner_page.publication = Publication.DRAFT
    partner_page.save()
    assert partner_page.title not in client.get(reverse("relations:home")).content.decode()
    assert client.get(partner_page.get_absolute_url()).status_code == 404


def preview_url(entry):
    name = f"admin:relations_{entry._meta.model_name}_preview"
    return reverse(name, args=[entry.pk])


def test_an_editor_previews_a_draft_on_the_visitors_page(editor_client, make_visit):
    visit = make_visit(title="Draft visit", **DRAFT)
    change_page = editor_client.get(reverse("admin:relations_visit_change", args=[visit.pk]))
    assert preview_url(visit) in change_page.content.decode()

    response = editor_client.get(preview_url(visit))
    assert response.status_code == 200
    assert response.templates[0].name == "relations/visit_detail.html"
    page = response.content.decode()
    assert "<h1>Draft visit</h1>" in page
    assert "Preview for editors" in page
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize(
    "fixture", ["make_event", "make_agreement", "make_office", "make_organisation"]
)
def test_every_kind_of_entry_has_a_preview(editor_client, request, fixture):
    entry = request.getfixturevalue(fixture)(**DRAFT)
    assert editor_client.get(preview_url(entry)).status_code == 200


def test_a_draft_partner_page_and_recurring_event_have_a_preview(editor_client, partner_page):
    partner_page.publication = Publication.DRAFT
    partner_page.save()
    series = EventSeries.objects.create(name="Fair", slug="fair")
    for entry in (partner_page, series):
        response = editor_client.get(preview_url(entry))
        assert response.status_code == 200
        assert "Preview for editors" in response.content.decode()


def test_visitors_and_non_staff_get_404_on_a_preview(client, django_user_model, make_event):
    event = make_event(**DRAFT)
    assert client.get(preview_url(event)).status_code == 404
    client.force_login(django_user_model.objects.create_user("reader", password="pw-123456"))
    assert client.get(preview_url(event)).status_code == 404


def test_the_changelist_filters_and_shows_the_publication_state(editor_client, make_event):
    make_event(title="Draft one", **DRAFT)
    make_event(title="Public one")
    changelist = reverse("admin:relations_event_changelist")
    page = editor_client.get(changelist, {"publication__exact": "draft"}).content.decode()
    assert "Draft one" in page and "Public one" not in page
    assert editor_client.get(changelist).context["cl"].result_count == 2
    assert "column-publication" in editor_client.get(changelist).content.decode()


def test_publishing_from_the_admin_makes_the_entry_visible(editor_client, client, make_event):
    event = make_event(**DRAFT)
    assert client.get(event.get_absolute_url()).status_code == 404
    editor_client.post(
        reverse("admin:relations_event_changelist"),
        bulk_action("publish", [event]),
    )
    assert client.get(event.get_absolute_url()).status_code == 200
    assert Event.objects.published().get() == event
