import pytest
from django.core.management import call_command
from django.db import transaction

from relations.models import (
    Agreement,
    Event,
    Office,
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


def generated(seed):
    """What ``seed`` generates in an empty database, which is left empty again."""
    with transaction.atomic():
        call_command("generate_content", scale="small", seed=seed, verbosity=0)
        content = snapshot()
        transaction.set_rollback(True)
    return content


def test_the_same_seed_gives_the_same_content():
    first = generated(7)
    assert len(first) == 1_000
    assert generated(7) == first
    assert generated(8) != first
