"""Faults found by trying the site as a newcomer (review8)."""

import datetime

import feedparser
import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_a_feed_item_dated_to_a_year_is_a_paragraph_not_a_numbered_list(
    client, make_event, language
):
    # "1993. The fair ..." read as Markdown is an ordered list starting at 1993: feed
    # readers showed the summary as item "1." of a list, without its year.
    make_event(
        title="A fair",
        date=datetime.date(1993, 1, 1),
        date_precision="year",
        summary="The fair has been held every two years since 1993.",
    )
    response = client.get(f"/{language}/feeds/rss/")
    assert response.status_code == 200
    description = feedparser.parse(response.content).entries[0].description
    assert "<ol" not in description and "<li" not in description
    assert description.startswith("<p>1993")


@pytest.mark.parametrize(
    ("language", "query", "facet", "label"),
    [
        ("tr", "antlaşma", "Partner ülke sayfaları (1)", "Partner ülke sayfası"),
        ("ru", "договор", "Страницы стран-партнёров (1)", "Страница страны-партнёра"),
    ],
)
def test_the_search_facet_for_partner_pages_names_them_as_each_result_does(
    client, seed, language, query, facet, label
):
    # Turkish said "Ortak sayfaları" ("the partner's pages", and "ortak" also reads as
    # "joint") above results labelled "Partner ülke sayfası"; Russian "Страницы партнёров".
    text = client.get(f"/{language}/search/", {"q": query}).content.decode()
    assert facet in text
    assert label in text


def test_a_deleted_agreement_restored_keeps_the_date_it_was_created(editor_client, make_agreement):
    # A restore re-inserted the row, and auto_now_add stamped it as created at the moment
    # of the restore: the admin showed "Created at" today, and the feeds (which date an
    # entry without a publication time by its creation) would list it as new.
    from django.utils import timezone

    from relations.models import Agreement
    from tests.test_restore import delete_through_admin, form_data

    agreement = make_agreement(title="Treaty of Old Times", slug="treaty-of-old-times")
    created = timezone.now() - datetime.timedelta(days=400)
    Agreement.objects.filter(pk=agreement.pk).update(created_at=created)
    agreement.refresh_from_db()
    agreement.history.all().update(created_at=created)
    delete_through_admin(editor_client, agreement)
    deletion = Agreement.history.filter(id=agreement.pk, history_type="-").get()
    data = form_data(editor_client.get(deletion.revert_url()), None)
    response = editor_client.post(deletion.revert_url(), data)
    assert response.status_code == 302
    assert Agreement.objects.get(pk=agreement.pk).created_at == created
    assert Agreement.history.filter(id=agreement.pk).latest().created_at == created


def test_a_contributor_is_told_their_draft_went_to_review(
    contributor_client, make_event, event_post
):
    # "Save and send to review" said only "The event ... was changed successfully": nothing
    # told the Contributor that it now waits for an Editor.
    from django.urls import reverse

    from relations.models import Publication

    event = make_event(publication=Publication.DRAFT, title="Gas talks")
    url = reverse("admin:relations_event_change", args=[event.pk])
    data = event_post(event) | {"_send_to_review": "1"}
    page = contributor_client.post(url, data, follow=True)
    messages = [str(message) for message in page.context["messages"]]
    assert "“Gas talks” is now waiting for an Editor's review." in messages
    # A save without the button says nothing about review.
    page = contributor_client.post(url, event_post(event), follow=True)
    assert not any("review" in str(message) for message in page.context["messages"])
