"""The partner page, built from keys first (issue #20, hub10), shows what the plain ORM
queries give: its chronology, "on this day" and side lists are compared with
straightforward queries over every entry, on the seed and on generated content, in the
three languages; drafts and scheduled entries stay out; the queries stay few and fixed.
"""

import datetime
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from relations import hub, timeline
from relations.dates import Precision
from relations.models import Agreement, Event, PartnerPage, Publication, Visit

pytestmark = pytest.mark.django_db

d = datetime.date
LANGUAGES = ("en", "ru", "tr")
# The kinds in the order the chronology merges them on one date.
ORDERED_KINDS = (
    (Event, "countries", "date", "date_precision"),
    (Visit, None, "date", "date_precision"),
    (Agreement, "parties", "signed_on", "signed_precision"),
)


def linked(model, field, country):
    published = model.objects.published()
    if field is None:
        return published.involving(country)
    return published.filter(**{field: country})


def expected_chronology(country):
    """Every published entry of the country, newest first (each kind as its list orders
    it, an earlier kind first on a date), the first CHRONOLOGY_LENGTH, oldest first."""
    entries = []
    for position, (model, field, date_field, _precision) in enumerate(ORDERED_KINDS):
        for entry in linked(model, field, country).order_by(f"-{date_field}", "title", "pk"):
            entries.append((getattr(entry, date_field), position, entry))
    # A stable sort keeps each kind's own order among entries of one date.
    entries.sort(key=lambda row: (-row[0].toordinal(), row[1]))
    shown = entries[: hub.CHRONOLOGY_LENGTH]
    return [(type(entry).__name__, entry.pk, date) for date, _position, entry in reversed(shown)]


def expected_on_this_day(country, today):
    """Every published entry known to the day, on today's day and month in an earlier
    year, ordered by date, title, kind and id."""
    found = []
    for (model, field, date_field, precision), kind in zip(
        ORDERED_KINDS, timeline.BY_SLUG, strict=True
    ):
        for entry in linked(model, field, country):
            date = getattr(entry, date_field)
            if (
                getattr(entry, precision) == Precision.DAY
                and (date.month, date.day) == (today.month, today.day)
                and date.year < today.year
            ):
                found.append(((date, str(entry.title), kind, entry.pk), entry))
    found.sort(key=lambda pair: pair[0])
    return [(type(entry).__name__, entry.pk) for _key, entry in found]


def shown(context):
    chronology = [
        (type(entry).__name__, entry.pk, date) for date, _l, entry in context["chronology"]
    ]
    on_this_day = [(type(entry.item).__name__, entry.item.pk) for entry in context["on_this_day"]]
    return chronology, on_this_day


def busiest_day(country):
    """A day of the year holding several of the country's entries known to the day."""
    counts = {}
    for model, field, date_field, precision in ORDERED_KINDS:
        for date in (
            linked(model, field, country)
            .filter(**{precision: Precision.DAY})
            .values_list(date_field, flat=True)
        ):
            if (date.month, date.day) != (2, 29):
                counts[date.month, date.day] = counts.get((date.month, date.day), 0) + 1
    (month, day), _count = max(counts.items(), key=lambda item: item[1])
    return d(timezone.localdate().year, month, day)


def check_every_partner_page(minimum_on_this_day):
    pages = list(PartnerPage.objects.published().select_related("country"))
    assert pages
    seen_on_this_day = 0
    for page in pages:
        today = busiest_day(page.country)
        for language in LANGUAGES:
            with translation.override(language):
                context = hub.partner_context(page, today)
                chronology, on_this_day = shown(context)
                assert chronology == expected_chronology(page.country), (page, language)
                assert on_this_day == expected_on_this_day(page.country, today), (page, language)
        seen_on_this_day += len(on_this_day)
    # Neither list is empty: the comparison compared something.
    assert seen_on_this_day >= minimum_on_this_day


def test_the_seed_partner_page_shows_what_plain_queries_give(seed):
    check_every_partner_page(minimum_on_this_day=1)


@pytest.fixture
def generated(db):
    call_command("generate_content", scale="small", seed=1, verbosity=0, stdout=StringIO())


def test_generated_partner_pages_show_what_plain_queries_give(generated):
    check_every_partner_page(minimum_on_this_day=20)


def test_the_chronology_is_full_and_mixes_the_kinds(generated):
    page = PartnerPage.objects.published().select_related("country").first()
    chronology, _day = shown(hub.partner_context(page))
    assert len(chronology) == hub.CHRONOLOGY_LENGTH
    assert [date for _kind, _pk, date in chronology] == sorted(
        date for _kind, _pk, date in chronology
    )


@pytest.fixture
def record(make_event, make_visit, make_agreement, turkey, russia):
    """Testland's entries on 16 March, with drafts, scheduled and withdrawn ones."""
    later, earlier = timezone.now() + datetime.timedelta(days=1), timezone.now()
    for year in range(1990, 2030):
        make_event(title=f"Event {year}", date=d(year, 3, 16), countries=[turkey])
        make_agreement(title=f"Accord {year}", signed_on=d(year, 3, 16), parties=[turkey])
    make_event(title="Russian event", date=d(2024, 3, 16), countries=[russia])
    make_event(title="Draft event", date=d(2020, 3, 16), countries=[turkey], publication="draft")
    make_event(title="Scheduled event", date=d(2021, 3, 16), countries=[turkey], publish_at=later)
    make_event(
        title="Withdrawn event", date=d(2022, 3, 16), countries=[turkey], unpublish_at=earlier
    )
    make_agreement(
        title="Draft accord", signed_on=d(2023, 3, 16), parties=[turkey], publication="draft"
    )
    make_visit(title="Draft visit", date=d(2019, 3, 16), publication=Publication.DRAFT)
    make_visit(title="Visit", date=d(2018, 3, 16))
    make_event(title="Same day", date=d(2029, 3, 16), countries=[turkey])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_partner_page_matches_plain_queries_on_a_busy_day(record, partner_page, language):
    today = d(2026, 3, 16)
    with translation.override(language):
        chronology, on_this_day = shown(hub.partner_context(partner_page, today))
        assert chronology == expected_chronology(partner_page.country)
        assert on_this_day == expected_on_this_day(partner_page.country, today)
    assert len(on_this_day) == 2 * 36 + 1  # 1990–2025, events and accords, and the visit


def test_drafts_and_scheduled_entries_never_show(client, record, partner_page, monkeypatch):
    monkeypatch.setattr("relations.hub.timezone.localdate", lambda: d(2026, 3, 16))
    html = client.get(partner_page.get_absolute_url()).text
    for hidden in ("Draft", "Scheduled", "Withdrawn", "Russian event"):
        assert hidden not in html
    assert "Event 2029" in html and "Same day" in html and "Accord 1990" in html


def test_an_entry_withdrawn_between_the_keys_and_the_rows_is_left_out(record, partner_page):
    keyed = {"event": set(Event.objects.values_list("pk", flat=True)), "visit": set()}
    keyed["agreement"] = set()
    withdrawn = Event.objects.get(title="Event 2029")
    withdrawn.publication = Publication.DRAFT
    withdrawn.save()
    items = hub.shown_entries(keyed)
    assert withdrawn.pk not in items["event"]
    assert all(item.publication == Publication.PUBLISHED for item in items["event"].values())


def partner_queries(client, page):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.get_absolute_url()).status_code == 200
    return len(queries.captured_queries)


def test_the_partner_page_costs_the_same_queries_at_two_sizes(client, seed):
    page = PartnerPage.objects.published().select_related("country").first()
    small = partner_queries(client, page)
    call_command("generate_content", scale="small", seed=1, verbosity=0, stdout=StringIO())
    assert Event.objects.filter(countries=page.country).count() > hub.CHRONOLOGY_LENGTH
    assert partner_queries(client, page) == small
    assert small <= 13
