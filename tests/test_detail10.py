"""Detail pages at 100,000 events (issue #20, branch detail10): each page shows the same
facts as before, or its newest related entries and a link to the list filtered by the
entry, which shows every one of them; drafts never show."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from relations.models import EventSeries, Publication
from relations.views import RELATED_SHOWN

pytestmark = pytest.mark.django_db


def titles(response):
    """The titles of the cards on a page, in order."""
    html = response.content.decode()
    return re.findall(r'<h3><a href="[^"]*">([^<]*)</a>', html)


def hrefs(response, text):
    """The addresses of the links whose text is ``text``."""
    html = response.content.decode()
    return re.findall(rf'<a href="([^"]*)">{re.escape(text)}</a>', html)


def dated_events(make_event, organisation, count, **kwargs):
    """``count`` published events of ``organisation``, one a year from 1990, oldest first."""
    return [
        make_event(
            title=f"Meeting of {1990 + n}",
            date=datetime.date(1990 + n, 3, 1),
            organisations=[organisation],
            **kwargs,
        )
        for n in range(count)
    ]


# The organisation page


def test_an_organisation_shows_its_newest_events_and_links_to_the_rest(
    client, make_organisation, make_event
):
    organisation = make_organisation(name="Steel Union", kind="company")
    events = dated_events(make_event, organisation, RELATED_SHOWN + 3)
    make_event(
        title="Draft meeting",
        date=datetime.date(2030, 1, 1),
        organisations=[organisation],
        publication=Publication.DRAFT,
    )

    page = client.get(organisation.get_absolute_url())

    newest = [event.title for event in reversed(events)][:RELATED_SHOWN]
    assert titles(page) == newest
    assert "Draft meeting" not in page.content.decode()
    (link,) = hrefs(page, "All events of Steel Union")
    assert link == f"{reverse('relations:event-list')}?organisation={organisation.slug}"
    # The list it leads to shows every event of the organisation, the draft still not.
    listed = client.get(link)
    assert listed.status_code == 200
    assert sorted(titles(listed)) == sorted(event.title for event in events)


def test_an_organisation_with_few_events_shows_them_all_without_the_link(
    client, make_organisation, make_event
):
    organisation = make_organisation(name="Small Works")
    events = dated_events(make_event, organisation, RELATED_SHOWN)

    page = client.get(organisation.get_absolute_url())

    assert titles(page) == [event.title for event in reversed(events)]
    assert "All events of" not in page.content.decode()


def test_a_joint_body_keeps_its_link_to_all_its_meetings(client, make_organisation, make_event):
    council = make_organisation(name="Joint Council", kind="council")
    events = dated_events(make_event, council, RELATED_SHOWN + 1)

    page = client.get(council.get_absolute_url())

    assert len(titles(page)) == RELATED_SHOWN
    (link,) = hrefs(page, "All meetings and sessions")
    assert sorted(titles(client.get(link))) == sorted(event.title for event in events)
    assert "All events of" not in page.content.decode()


def test_the_link_to_an_organisations_events_is_translated(client, make_organisation, make_event):
    organisation = make_organisation(name="Steel Union")
    dated_events(make_event, organisation, RELATED_SHOWN + 1)

    for language, text in (
        ("ru", "Steel Union: все события"),
        ("tr", "Steel Union ile ilgili tüm etkinlikler"),
    ):
        with translation.override(language):
            page = client.get(organisation.get_absolute_url())
        assert page.status_code == 200
        assert text in page.content.decode()


# The recurring event's page


@pytest.fixture
def forum(db):
    return EventSeries.objects.create(
        name="Energy Forum",
        slug="energy-forum",
        interval_years=1,
        publication=Publication.PUBLISHED,
    )


def editions(make_event, series, years):
    return [
        make_event(title=f"Forum {year}", date=datetime.date(year, 6, 1), series=series)
        for year in years
    ]


def test_a_series_shows_its_newest_past_editions_in_order_and_links_to_all(
    client, forum, make_event
):
    past = editions(make_event, forum, range(2000, 2000 + RELATED_SHOWN + 3))
    next_year = datetime.date.today().year + 1
    upcoming = editions(make_event, forum, [next_year])
    make_event(
        title="Forum draft",
        date=datetime.date(2019, 6, 1),
        series=forum,
        publication=Publication.DRAFT,
    )

    page = client.get(forum.get_absolute_url())

    shown = [event.title for event in past[-RELATED_SHOWN:]]
    # The upcoming edition first (its own section), then the newest past ones, oldest first.
    assert titles(page) == [upcoming[0].title, *shown]
    assert "Forum draft" not in page.content.decode()
    assert "Expected in" not in page.content.decode()
    (link,) = hrefs(page, "All editions of Energy Forum")
    assert link == f"{reverse('relations:event-list')}?series=energy-forum"
    listed = client.get(link)
    assert listed.status_code == 200
    assert sorted(titles(listed)) == sorted(event.title for event in past + upcoming)


def test_a_series_with_few_editions_shows_them_all_and_the_next_expected(client, forum, make_event):
    past = editions(make_event, forum, range(2010, 2010 + RELATED_SHOWN))

    page = client.get(forum.get_absolute_url())

    assert titles(page) == [event.title for event in past]
    assert "All editions of" not in page.content.decode()
    assert f"Expected in {datetime.date.today().year}" in page.content.decode()


def test_the_series_filter_hides_a_draft_series(client, make_event):
    draft = EventSeries.objects.create(name="Hidden Fair", slug="hidden-fair")
    editions(make_event, draft, [2001])

    listed = client.get(reverse("relations:event-list"), {"series": "hidden-fair"})

    assert titles(listed) == []


# Agreement links and a person's signatures: only what visitors may see (published_conditions)

HIDDEN = {
    "draft": {"publication": Publication.DRAFT},
    "review": {"publication": Publication.REVIEW},
    "scheduled": {"publish_at": timezone.now() + datetime.timedelta(days=1)},
    "expired": {"unpublish_at": timezone.now() - datetime.timedelta(days=1)},
}
SHOWN = {
    "published": {},
    "due": {"publish_at": timezone.now() - datetime.timedelta(days=1)},
    "not yet withdrawn": {"unpublish_at": timezone.now() + datetime.timedelta(days=1)},
}


def agreements_in_every_state(make_agreement, prefix):
    return {
        state: make_agreement(title=f"{prefix} {state}", **fields)
        for state, fields in (HIDDEN | SHOWN).items()
    }


def test_an_agreement_links_only_to_agreements_visitors_may_see(client, make_agreement, make_link):
    agreement = make_agreement(title="Main treaty")
    for other in agreements_in_every_state(make_agreement, "Amended").values():
        make_link(from_agreement=agreement, to_agreement=other, kind="amends")
    for other in agreements_in_every_state(make_agreement, "Amending").values():
        make_link(from_agreement=other, to_agreement=agreement, kind="amends")

    text = client.get(agreement.get_absolute_url()).content.decode()

    for prefix in ("Amended", "Amending"):
        for state in SHOWN:
            assert f"{prefix} {state}" in text
        for state in HIDDEN:
            assert f"{prefix} {state}" not in text


def test_a_person_shows_only_signatures_of_agreements_visitors_may_see(
    client, make_person, make_agreement, make_action
):
    person = make_person(name="Signing Minister")
    for agreement in agreements_in_every_state(make_agreement, "Signed").values():
        make_action(agreement=agreement, signatory=person)

    text = client.get(person.get_absolute_url()).content.decode()

    for state in SHOWN:
        assert f"Signed {state}" in text
    for state in HIDDEN:
        assert f"Signed {state}" not in text


def test_links_and_signatures_test_the_joined_row_not_a_subquery_of_every_agreement(
    client, make_agreement, make_link, make_person, make_action
):
    """``agreement__in=published()`` made SQLite scan every published agreement for each
    page (9 ms at 100,000 events); the joined row's own columns are tested instead."""
    agreement = make_agreement()
    make_link(from_agreement=agreement)
    make_link(to_agreement=agreement)
    person = make_person()
    make_action(agreement=agreement, signatory=person)

    for url, table in (
        (agreement.get_absolute_url(), "relations_agreementlink"),
        (person.get_absolute_url(), "relations_agreementaction"),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        selects = [q["sql"] for q in queries if q["sql"].startswith(f'SELECT "{table}"')]
        assert selects, url
        assert not any("IN (SELECT" in sql for sql in selects), url
