"""The hub pages' speed-ups (#20) give what the slower code gave.

The timeline's chronology keys, the labels beside its entries and its decade menu, and the
partner page's figures, are each checked against the ORM's own answer, in the three
languages, on entries whose translations are missing (modeltranslation's fallback).
"""

import datetime

import pytest
from django.utils import translation

from relations import hub, timeline
from relations.models import Agreement, Event, Visit

pytestmark = pytest.mark.django_db

d = datetime.date
LANGUAGES = ("en", "ru", "tr")


@pytest.fixture
def mixed(make_event, make_visit, make_agreement):
    """Entries with and without Russian and Turkish titles, on shared dates and titles."""
    make_event(title="Alpha talks", title_ru="Переговоры", date=d(1921, 3, 16), category="economic")
    make_event(title="Beta forum", title_tr="Forum", date=d(1921, 3, 16), category="energy")
    make_event(title="Alpha talks", slug="alpha-talks-2", date=d(1935, 1, 1), category="other")
    make_event(title="Zeta", title_ru="", title_tr="Zeta tr", date=d(1992, 5, 25))
    make_visit(title="Summit", title_ru="Саммит", date=d(1992, 5, 25), level="state")
    make_visit(title="Working visit", date=d(2001, 1, 1), level="working")
    make_agreement(title="Accord", title_tr="Anlaşma", signed_on=d(1921, 3, 16), kind="treaty")
    make_agreement(title="Memorandum", signed_on=d(2014, 2, 7), kind="memorandum")


def orm_keys(queryset, date_field):
    """The keys as modeltranslation's values_list gives them (the code before)."""
    return list(queryset.order_by(date_field, "title", "pk").values_list(date_field, "title", "pk"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_keys_are_modeltranslations_values_list(mixed, language):
    with translation.override(language):
        for queryset, (date_field, _precision) in zip(
            timeline.published(), (kind.date_fields for kind in timeline.KINDS), strict=True
        ):
            ordered = queryset.order_by(date_field, "title", "pk")
            assert list(timeline.translated_keys(ordered, date_field)) == orm_keys(
                queryset, date_field
            )
            assert (
                list(timeline.translated_keys(ordered[1:3], date_field))
                == orm_keys(queryset, date_field)[1:3]
            )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chronology_orders_as_before(mixed, language):
    with translation.override(language):
        keys = []
        for slug, queryset, kind in zip(
            timeline.BY_SLUG, timeline.published(), timeline.KINDS, strict=True
        ):
            date_field = kind.date_fields[0]
            keys += [
                (date, str(title), slug, pk) for date, title, pk in orm_keys(queryset, date_field)
            ]
        expected = [(slug, pk) for _date, _title, slug, pk in sorted(keys)]
        entries = timeline.chronology(*timeline.published())
        assert [(entry.kind, entry.item.pk) for entry in entries] == expected
        page = timeline.chronology(*timeline.published(), skip=2, limit=3)
        assert [(entry.kind, entry.item.pk) for entry in page] == expected[2:5]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_detail_beside_an_entry_is_get_foo_display(mixed, language):
    methods = {
        "event": "get_category_display",
        "visit": "get_level_display",
        "agreement": "get_kind_display",
    }
    with translation.override(language):
        entries = timeline.chronology(*timeline.published())
        assert len(entries) == 8
        for entry in entries:
            expected = getattr(entry.item, methods[entry.kind])()
            assert entry.detail == expected
            assert type(entry.detail) is str


def naive_filled_decades(candidates, *groups):
    """The decades holding an entry, one ORM query per decade and kind."""
    found = []
    for querysets in groups:
        decades = []
        for decade in candidates:
            inside = timeline.in_decade(*querysets, decade)
            if any(queryset.exists() for queryset in inside):
                decades.append(decade)
        found.append(decades)
    return found


def test_filled_decades_agrees_with_a_query_per_decade(mixed, turkey, django_assert_num_queries):
    candidates = list(range(1900, 2030, 10))
    everything = timeline.published()
    by_country = timeline.filter_by(*everything, country=turkey)
    by_category = timeline.filter_by(*everything, category="economic")
    events, visits, agreements = everything
    only_visits = (events.none(), visits, agreements.none())
    groups = (everything, by_country, by_category, only_visits)
    expected = naive_filled_decades(candidates, *groups)
    with django_assert_num_queries(1):
        assert timeline.filled_decades(candidates, *groups) == expected
    assert expected[0] == [1920, 1930, 1990, 2000, 2010]
    assert expected[2] == [1920]
    assert expected[3] == [1990, 2000]


def test_filled_decades_with_every_kind_left_out_reads_nothing(mixed, django_assert_num_queries):
    events, visits, agreements = timeline.published()
    with django_assert_num_queries(0):
        assert timeline.filled_decades(
            [1990], (events.none(), visits.none(), agreements.none())
        ) == [[]]


# ---------------------------------------------------------------------------
# The partner page


@pytest.fixture
def partner_record(make_event, make_agreement, make_visit, turkey, russia):
    """Turkey's entries among others', some drafts, some on 16 March of earlier years."""
    for year in range(1990, 2030):
        make_event(title=f"Turkish event {year}", date=d(year, 3, 16), countries=[turkey])
        make_event(title=f"Russian event {year}", date=d(year, 3, 16), countries=[russia])
        make_agreement(title=f"Turkish accord {year}", signed_on=d(year, 3, 16), parties=[turkey])
    make_event(title="Draft", date=d(2020, 3, 16), countries=[turkey], publication="draft")
    make_event(title="Both", date=d(1921, 3, 16), countries=[turkey, russia])
    make_visit(title="Visit", date=d(2000, 3, 16))


@pytest.mark.parametrize("walk", [True, False])
def test_the_latest_linked_entries_are_the_same_whichever_way_they_are_read(
    partner_record, turkey, walk
):
    for model, field in ((Event, "countries"), (Agreement, "parties")):
        queryset = model.objects.published().for_pages().filter(**{field: turkey})
        expected = [entry.pk for entry in queryset[: hub.CHRONOLOGY_LENGTH]]
        count, total = (1000, 1) if walk else (1, 1000)
        latest = hub.latest_linked(model, field, turkey, count, total)
        assert [entry.pk for entry in latest] == expected
        assert len(expected) == hub.CHRONOLOGY_LENGTH


def test_the_figures_and_largest_ids_in_one_query(
    partner_record, turkey, russia, django_assert_num_queries
):
    counts = {
        "events": Event.objects.published().filter(countries=turkey),
        "russian events": Event.objects.published().filter(countries=russia),
        "agreements": Agreement.objects.published().filter(parties=turkey),
        "visits": Visit.objects.published().involving(turkey),
        "none": Event.objects.published().filter(title="nothing"),
    }
    last = Event._base_manager.order_by("-pk").values("pk")[:1]
    nothing = Event._base_manager.filter(title="nothing").order_by("-pk").values("pk")[:1]
    with django_assert_num_queries(1):
        found = hub.scalars(counts, {"last": last, "nothing": nothing})
    expected = {name: queryset.count() for name, queryset in counts.items()}
    assert found == expected | {"last": Event.objects.order_by("pk").last().pk, "nothing": None}
    assert (found["events"], found["russian events"]) == (41, 41)  # a draft among Turkey's


def test_the_partner_page_shows_the_figures(client, partner_record, partner_page):
    html = client.get(partner_page.get_absolute_url()).text
    figures = html.split('class="figures"')[1].split("</section>")[0]
    assert "<strong>41</strong>" in figures  # events: 40 + "Both", not the draft
    assert "<strong>1</strong>" in figures  # the visit


@pytest.mark.parametrize("language", LANGUAGES)
def test_few_gives_what_chronology_gives(partner_record, turkey, language):
    today = d(2026, 3, 16)
    with translation.override(language):
        querysets = timeline.filter_by(*timeline.published(), country=turkey)
        days = timeline.same_day_in_earlier_years(*querysets, today)
        expected = [(e.kind, e.item.pk, e.date, e.precision) for e in timeline.chronology(*days)]
        found = [(e.kind, e.item.pk, e.date, e.precision) for e in timeline.few(*days)]
        assert found == expected
        assert len(found) == 2 * 36 + 2  # 1990–2025 twice, 1921 and the visit


def test_on_this_day_on_the_partner_page(client, partner_record, partner_page, monkeypatch):
    monkeypatch.setattr("relations.hub.timezone.localdate", lambda: d(2026, 3, 16))
    html = client.get(partner_page.get_absolute_url()).text
    on_this_day = html.split('id="on-this-day-heading"')[1].split("</section>")[0]
    assert "Turkish event 1990" in on_this_day and "Turkish accord 2025" in on_this_day
    assert "Both" in on_this_day and "Visit" in on_this_day
    assert "Russian event" not in on_this_day and "Draft" not in on_this_day
    assert "Turkish event 2026" not in on_this_day  # today is news, not history


def test_the_people_who_signed_are_those_of_published_agreements(
    client, partner_page, turkey, make_action, make_agreement, make_person
):
    signed, drafted = make_person(name="Signed Person"), make_person(name="Drafted Person")
    make_action(signatory=signed, party=turkey)
    make_action(signatory=drafted, party=turkey, agreement=make_agreement(publication="draft"))
    names = [person.name for person in hub.partner_people(turkey)]
    assert names == ["Signed Person"]
