import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from relations.dates import Precision, format_date, format_range
from relations.models import Agreement, Country, Event, Office, Publication, Section

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        (datetime.date(1920, 6, 2), Precision.DAY, "2 June 1920"),
        (datetime.date(1994, 4, 1), Precision.MONTH, "April 1994"),
        (datetime.date(1992, 1, 1), Precision.YEAR, "1992"),
        (datetime.date(1930, 1, 1), Precision.DECADE, "1930s"),
    ],
)
def test_a_date_is_shown_at_its_precision(value, precision, shown):
    assert format_date(value, precision) == shown


def test_ranges_read_naturally():
    d = datetime.date
    assert format_range(d(1970, 1, 1), "decade", d(1980, 1, 1), "decade") == "1970s–1980s"
    assert format_range(d(2004, 12, 5), "day", d(2004, 12, 6), "day") == "5–6 December 2004"
    assert format_range(d(2010, 5, 31), "day", d(2010, 6, 1), "day") == "31 May 2010–1 June 2010"


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        (datetime.date(1994, 4, 15), "month"),
        (datetime.date(1992, 3, 1), "year"),
        (datetime.date(1935, 1, 1), "decade"),
    ],
)
def test_a_date_more_exact_than_its_precision_is_refused(make_event, value, precision):
    event = make_event()
    event.date, event.date_precision = value, precision
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "first day of the period" in str(error.value.message_dict["date"])


def test_an_end_before_the_start_is_refused_in_forms_and_in_the_database(make_event):
    event = make_event(date=datetime.date(2004, 12, 5))
    event.end_date, event.end_precision = datetime.date(2004, 12, 1), "day"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "before the start" in str(error.value.message_dict["end_date"])
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_an_end_date_needs_its_precision(make_event):
    event = make_event()
    event.end_date = datetime.date(2001, 1, 1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end_precision" in error.value.message_dict


def test_a_choice_outside_the_list_cannot_be_saved(make_event):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=make_event().pk).update(category="gossip")


def test_a_visit_goes_to_another_country(make_visit, turkey):
    visit = make_visit()
    visit.origin_country = turkey
    with pytest.raises(ValidationError):
        visit.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        visit.save()


def test_iso_codes_are_two_capital_letters():
    with pytest.raises(ValidationError):
        Country(name="Nowhere", slug="nowhere", iso_code="n1").full_clean()


def test_published_hides_drafts_and_entries_not_yet_due(make_event):
    from django.utils import timezone

    shown = make_event()
    make_event(publication=Publication.DRAFT)
    make_event(publish_at=timezone.now() + datetime.timedelta(days=1))
    due = make_event(publish_at=timezone.now() - datetime.timedelta(minutes=1))
    assert set(Event.objects.published()) == {shown, due}


def test_in_year_reaches_into_decades_and_ranges(make_event):
    d = datetime.date
    thirties = make_event(date=d(1930, 1, 1), date_precision="decade")
    seventies_eighties = make_event(
        date=d(1970, 1, 1),
        date_precision="decade",
        end_date=d(1980, 1, 1),
        end_precision="decade",
    )
    day = make_event(date=d(1935, 6, 2))
    assert set(Event.objects.in_year(1935)) == {thirties, day}
    assert set(Event.objects.in_year(1989)) == {seventies_eighties}
    assert set(Event.objects.in_year(1940)) == set()


def test_new_entries_start_as_drafts():
    assert Event._meta.get_field("publication").default == Publication.DRAFT


def test_natural_keys_are_slugs(seed):
    agreement = Agreement.objects.get(slug="treaty-of-brotherhood-1921")
    assert agreement.natural_key() == ("treaty-of-brotherhood-1921",)
    assert Agreement.objects.get_by_natural_key("treaty-of-brotherhood-1921") == agreement
    section = Section.objects.get(slug="treaty-framework")
    assert Section.objects.get_by_natural_key(*section.natural_key()) == section


def test_phone_numbers_become_dialable_links(make_office):
    office = make_office(phone="(+90312) 418-67-26", fax="(+90312) 425-87-12")
    assert office.phone_uri == "tel:+903124186726"
    assert office.fax_uri == "tel:+903124258712"
    assert Office(phone="").phone_uri == ""


def test_every_model_reads_well_as_text(seed):
    from django.apps import apps

    for model in apps.get_app_config("relations").get_models():
        for obj in model.objects.all()[:3]:
            assert str(obj) and "object (" not in str(obj)
