"""get_FOO_display() of the entries reads relations.models.choice_labels, a dict per field
and language built once: it must say exactly what Django's own method says, in every
language, for every choice field of every documented model, and for a value that is not a
choice."""

import pytest
from django.apps import apps
from django.db.models import Model
from django.utils import translation

from relations.models import Documented

FIELDS = [
    (model, field)
    for model in apps.get_app_config("relations").get_models()
    if issubclass(model, Documented)
    for field in model._meta.fields
    if field.choices
]


@pytest.mark.parametrize(
    ("model", "field"), FIELDS, ids=lambda x: getattr(x, "name", getattr(x, "__name__", x))
)
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_the_label_is_djangos_in_each_language(model, field, language):
    entry = model()
    with translation.override(language):
        for value in [*(v for v, _label in field.flatchoices), "not-a-choice"]:
            setattr(entry, field.attname, value)
            shown = getattr(entry, f"get_{field.name}_display")()
            assert shown == Model._get_FIELD_display(entry, field)


def test_some_label_is_translated():
    from relations.models import Event

    event = Event(category=Event._meta.get_field("category").flatchoices[0][0])
    with translation.override("en"):
        english = event.get_category_display()
    with translation.override("ru"):
        assert event.get_category_display() != english
