import pytest
from django.core.management import call_command

from relations.models import (
    Agreement,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Visit,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return list(
        Event.objects.order_by("slug").values_list(
            "slug", "title_en", "title_ru", "date", "date_precision", "category"
        )
    )


def test_small_scale_has_its_counts_and_20_partner_pages():
    call_command("generate_content", scale="small", seed=1, verbosity=0)
    assert Event.objects.count() == 1_000
    assert Agreement.objects.count() == 100
    assert Visit.objects.count() == 200
    assert Office.objects.count() == 40
    assert PartnerPage.objects.published().count() == 20
    # Mostly published, a share in other languages, every precision present.
    assert Event.objects.published().count() > 900
    assert 0 < Event.objects.exclude(title_ru="").count() < 1_000
    assert set(Event.objects.values_list("date_precision", flat=True)) == {
        "day",
        "month",
        "year",
        "decade",
    }


def test_generated_entries_pass_the_editors_validation():
    call_command("generate_content", scale="small", seed=3, verbosity=0)
    for model in (Event, Agreement, Visit, Office, Person):
        for entry in model.objects.order_by("?")[:50]:
            entry.full_clean()


def test_the_same_seed_gives_the_same_content():
    call_command("generate_content", scale="small", seed=7, verbosity=0)
    first = snapshot()
    for model in (Office, Agreement, Visit, Event, EventSeries, Organisation, Person):
        model.objects.all().delete()
    call_command("generate_content", scale="small", seed=7, verbosity=0)
    assert snapshot() == first
