"""The cards written in Python (relations/card_html.py) are exactly what their templates
(templates/includes/<kind>_card.html) write: for every entry of the seed, for entries whose
text must be escaped or is Markdown, and in every language."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from relations import card_html
from relations.models import Agreement, Event, Office, Organisation, Visit

CARDS = {
    Event: ("event", card_html.event_card),
    Agreement: ("agreement", card_html.agreement_card),
    Visit: ("visit", card_html.visit_card),
    Office: ("office", card_html.office_card),
    Organisation: ("organisation", card_html.organisation_card),
}
HOSTILE = "<script>alert('x')</script> & \"quotes\" {{ braces }} %(name)s %s 100%"


def assert_same_cards(entries):
    checked = 0
    for entry in entries:
        name, write = CARDS[type(entry)]
        theirs = render_to_string(f"includes/{name}_card.html", {name: entry})
        assert write(entry) == theirs, f"{type(entry).__name__} {entry.pk}"
        checked += 1
    return checked


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_every_seed_entry_has_its_templates_card(seed, language):
    with translation.override(language):
        for model in CARDS:
            queryset = model.objects.all()
            if hasattr(queryset, "for_pages"):
                queryset = queryset.for_pages()
            assert assert_same_cards(queryset) == model.objects.count() > 0


@pytest.fixture
def hostile_entries(make_event, make_agreement, make_visit, make_office, make_organisation):
    day = datetime.date
    organisation = make_organisation(
        name=f"Org {HOSTILE}",
        founded=day(1990, 1, 1),
        founded_precision="decade",
        description="**Bold** and a [link](javascript:alert(1)) " + "word " * 60,
    )
    return [
        make_event(
            title=f"Event {HOSTILE}",
            place=HOSTILE,
            summary=f"A *summary* with {HOSTILE}\n\nand a second paragraph",
            date=day(1994, 4, 1),
            date_precision="month",
            end_date=day(1995, 1, 1),
            end_precision="year",
        ),
        make_event(title="Plain event", summary="Plain text.\nSecond line."),
        make_event(title="No summary", summary="", place=""),
        make_agreement(title=f"Agreement {HOSTILE}", place=HOSTILE, summary="- a\n- list"),
        make_agreement(title="Signed only", status="signed"),
        make_visit(title=f"Visit {HOSTILE}", place=HOSTILE, role=HOSTILE),
        make_visit(title="Visit without a role", role="", place=""),
        make_office(
            name=f"Office {HOSTILE}",
            city=HOSTILE,
            address=f"Street 1\n{HOSTILE}\n\nFloor 2",
            phone="+7 (495) 123-45-67",
            fax="+7 495 000",
            email="a&b@example.org",
            website="javascript:alert(1)",
        ),
        make_office(name="Office with nothing", city="", phone="", address=""),
        make_office(name="Office with a website", website="https://example.org/?a=1&b=2"),
        organisation,
        make_organisation(name="Org without a date", description=""),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_hostile_and_marked_up_entries_have_their_templates_card(hostile_entries, language):
    with translation.override(language):
        assert assert_same_cards(hostile_entries) == len(hostile_entries)
