"""Autocomplete widgets that survive a tampered form.

Django's autocomplete widgets look up the submitted ids to redisplay a form with
errors; an id that is not a number ("' OR 1=1 --") or does not fit the column
makes that lookup raise, and the editor gets a server error instead of the form
error. These widgets drop such ids before the lookup: the form still says the
choice is invalid.
"""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError

# A 64-bit signed integer column, the largest any of our keys uses.
BIGGEST_ID = 2**63 - 1


def is_possible_id(model, value):
    try:
        key = model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return not isinstance(key, int) or -BIGGEST_ID <= key <= BIGGEST_ID


class PossibleIdsMixin:
    def optgroups(self, name, value, attr=None):
        model = self.field.remote_field.model
        return super().optgroups(name, [v for v in value if is_possible_id(model, v)], attr)


class SafeAutocompleteSelect(PossibleIdsMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(PossibleIdsMixin, AutocompleteSelectMultiple):
    pass


SAFE_WIDGETS = {
    AutocompleteSelect: SafeAutocompleteSelect,
    AutocompleteSelectMultiple: SafeAutocompleteSelectMultiple,
}


class SafeAutocompleteAdminMixin:
    """For ModelAdmin and inlines: autocomplete fields use the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return make_safe(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return make_safe(super().formfield_for_manytomany(db_field, request, **kwargs))


def make_safe(formfield):
    if formfield is not None and type(formfield.widget) in SAFE_WIDGETS:
        formfield.widget.__class__ = SAFE_WIDGETS[type(formfield.widget)]
    return formfield
