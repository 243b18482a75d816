"""An optional date (founded, first held, relations established) and its precision are
given together or not at all, and the date is no more exact than the precision says: the
same rule and the same messages on every model that has one (relations.models,
``check_optional_date`` and ``optional_date_constraint``)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from relations.models import EventSeries, Organisation, PartnerPage

pytestmark = pytest.mark.django_db

OPTIONAL_DATES = [
    (Organisation, "founded"),
    (EventSeries, "first_held"),
    (PartnerPage, "relations_established"),
]


def entry(model, turkey, **dates):
    extra = {"country": turkey, "title": "Turkey"} if model is PartnerPage else {"name": "X"}
    return model(slug="x", **extra, **dates)


def error_fields(instance):
    with pytest.raises(ValidationError) as caught:
        instance.clean()
    return caught.value.message_dict


@pytest.mark.parametrize(
    ("model", "field"), OPTIONAL_DATES, ids=lambda v: getattr(v, "__name__", v)
)
def test_a_date_needs_its_precision(model, field, turkey):
    errors = error_fields(entry(model, turkey, **{field: datetime.date(1992, 1, 1)}))
    assert errors == {f"{field}_precision": ["Say how exactly the date is known."]}


@pytest.mark.parametrize(
    ("model", "field"), OPTIONAL_DATES, ids=lambda v: getattr(v, "__name__", v)
)
def test_a_precision_needs_its_date(model, field, turkey):
    errors = error_fields(entry(model, turkey, **{f"{field}_precision": "year"}))
    assert errors == {field: ["Give a date, or leave its precision empty."]}


@pytest.mark.parametrize(
    ("model", "field"), OPTIONAL_DATES, ids=lambda v: getattr(v, "__name__", v)
)
def test_a_date_is_no_more_exact_than_its_precision(model, field, turkey):
    dates = {field: datetime.date(1992, 3, 1), f"{field}_precision": "year"}
    assert list(error_fields(entry(model, turkey, **dates))) == [field]


@pytest.mark.parametrize(
    ("model", "field"), OPTIONAL_DATES, ids=lambda v: getattr(v, "__name__", v)
)
def test_both_or_neither_is_fine(model, field, turkey):
    entry(model, turkey).clean()
    entry(model, turkey, **{field: datetime.date(1992, 1, 1), f"{field}_precision": "year"}).clean()


@pytest.mark.parametrize(
    ("model", "field"), OPTIONAL_DATES, ids=lambda v: getattr(v, "__name__", v)
)
def test_the_database_refuses_a_date_without_its_precision(model, field, turkey):
    with pytest.raises(IntegrityError), transaction.atomic():
        entry(model, turkey, **{field: datetime.date(1992, 1, 1)}).save()
