"""The list pages read what their cards show, through each kind's ``for_cards()``, and show
the same cards as before (issue #20, session 17).

A list's rows are ``kind.cards()`` (``published().for_cards()``); the detail pages,
downloads and API keep ``for_pages()``. A card rendered from ``for_cards()`` rows runs no
query of its own and is the same HTML as one rendered from ``for_pages()`` rows, which
read everything the card could need.
"""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from relations import kinds, models

pytestmark = pytest.mark.django_db

CARDS = {
    kinds.EVENTS: ("includes/event_card.html", "event"),
    kinds.AGREEMENTS: ("includes/agreement_card.html", "agreement"),
    kinds.VISITS: ("includes/visit_card.html", "visit"),
    kinds.OFFICES: ("includes/office_card.html", "office"),
    kinds.ORGANISATIONS: ("includes/organisation_card.html", "organisation"),
}
# Tables a list's SQL must not name: related rows no card shows.
NOT_READ = {
    kinds.EVENTS: ('"relations_eventseries"', 'JOIN "relations_country"'),
    kinds.AGREEMENTS: ("relations_agreement_parties", 'JOIN "relations_country"'),
    kinds.OFFICES: ('"relations_organisation"', "relations_office_represents"),
    kinds.ORGANISATIONS: ("relations_organisation_countries", 'JOIN "relations_organisation"'),
}


@pytest.fixture
def entries(
    make_event, make_agreement, make_visit, make_office, make_organisation, make_role, russia
):
    """Two published entries of each listed kind, with every related row a page shows, and
    a draft of each."""
    series = models.EventSeries.objects.create(name="Forum", slug="forum")
    parent = make_organisation(name="Parent body")
    for n in range(2):
        make_event(
            title=f"Event {n}",
            place="Sochi",
            place_country=russia,
            series=series,
            summary="A *meeting*.",
            end_date=datetime.date(2000, 1, 3),
            end_precision="day",
        )
        make_agreement(
            title=f"Agreement {n}", place="Ankara", place_country=russia, status="signed"
        )
        visit = make_visit(title=f"Visit {n}", place="Ankara")
        make_role(person=visit.person, title="Minister", date=datetime.date(1990, 1, 1))
        member = make_organisation(
            name=f"Member {n}",
            countries=[russia],
            parent=parent,
            founded=datetime.date(1991, 1, 1),
            founded_precision="year",
            description="A *body*.",
        )
        make_office(name=f"Office {n}", represents=[member], address="Street 1", email="a@b.org")
    draft = models.Publication.DRAFT
    make_event(title="Draft event", publication=draft)
    make_agreement(title="Draft agreement", publication=draft)
    make_visit(title="Draft visit", publication=draft)
    make_office(name="Draft office", publication=draft)
    make_organisation(name="Draft organisation", publication=draft)


def test_every_listed_kind_names_what_its_cards_read():
    assert set(CARDS) == set(kinds.LISTED.values())
    for kind in kinds.LISTED.values():
        assert hasattr(kind.model.objects.all(), "for_cards"), kind


@pytest.mark.parametrize("kind", CARDS, ids=str)
def test_a_card_from_for_cards_rows_is_the_card_from_for_pages_rows_without_a_query(
    entries, kind, django_assert_num_queries
):
    template, name = CARDS[kind]
    order = kind.model._meta.ordering or ["pk"]
    pages = list(kind.published().order_by(*order, "pk"))
    cards = list(kind.cards().order_by(*order, "pk"))
    assert [entry.pk for entry in cards] == [entry.pk for entry in pages]
    assert len(cards) >= 2
    expected = [render_to_string(template, {name: entry}) for entry in pages]
    with django_assert_num_queries(0):
        html = [render_to_string(template, {name: entry}) for entry in cards]
    assert html == expected
    assert "Draft" not in "".join(html)


@pytest.mark.parametrize("kind", CARDS, ids=str)
def test_a_list_shows_its_published_cards_and_no_draft(entries, kind):
    response = Client().get(reverse(kind.list_url_name))
    assert response.status_code == 200
    text = response.text
    published = kind.model.objects.published().count()
    assert published >= 2
    assert text.count('<article class="card">') == published
    assert "Draft" not in text
    assert response.context["result_count"] == published


@pytest.mark.parametrize("kind", NOT_READ, ids=str)
def test_a_list_reads_no_related_table_its_cards_do_not_show(entries, kind):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(reverse(kind.list_url_name))
    assert response.status_code == 200
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    for table in NOT_READ[kind]:
        assert table not in sql, table


@pytest.mark.parametrize("kind", CARDS, ids=str)
def test_a_lists_download_still_reads_the_pages_rows(entries, kind):
    response = Client().get(reverse(kind.list_url_name) + "?format=json")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "Draft" not in text
    assert text.count('"slug"') >= 2
