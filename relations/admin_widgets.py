"""Choice fields and autocomplete widgets that survive a tampered form.

Django looks up submitted ids twice: the form field to validate them, and the
autocomplete widget to redisplay a form with errors. An id that does not fit the
column (9223372036854775808) makes either lookup raise in the database driver,
and the editor gets a server error instead of the form error. The fields and
widgets here turn such ids into the ordinary "not one of the available choices".

PostgreSQL also refuses a NUL character in any text comparison, so a list filter
given one (``?action=%00``) would end in a database error; the changelist answers
it as Django answers any lookup it cannot run: the list again, with "?e=1".
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ERROR_FLAG
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect

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


class SafeModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not is_possible_id(self.queryset.model, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not is_possible_id(self.queryset.model, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


SAFE_FIELDS = {
    forms.ModelChoiceField: SafeModelChoiceField,
    forms.ModelMultipleChoiceField: SafeModelMultipleChoiceField,
}

SAFE_WIDGETS = {
    AutocompleteSelect: SafeAutocompleteSelect,
    AutocompleteSelectMultiple: SafeAutocompleteSelectMultiple,
}


def require_history_ids(model, object_id, version_id="0"):
    """A 404 for an entry id or history version id that cannot be one (``abc``): the
    history pages looked them up as they were and failed with a 500."""
    try:
        model._meta.pk.to_python(unquote(object_id))
        int(version_id)
    except (ValidationError, ValueError) as error:
        raise Http404 from error


class HistoryIdsMixin:
    """Before SimpleHistoryAdmin: its history pages answer a malformed id with a 404."""

    def history_view(self, request, object_id, extra_context=None):
        require_history_ids(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        require_history_ids(self.model, object_id, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class SafeAutocompleteAdminMixin:
    """For ModelAdmin and inlines: choice fields and autocomplete widgets are the safe ones,
    a changelist refuses NUL characters in its filters, and an empty ``_to_field`` is none."""

    def get_object(self, request, object_id, from_field=None):
        # An empty ``_to_field`` passes Django's check for allowed fields, then fails as a
        # field named "": it means no field at all.
        return super().get_object(request, object_id, from_field or None)

    def changelist_view(self, request, extra_context=None):
        if "\x00" in "".join(key + "".join(values) for key, values in request.GET.lists()):
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        return super().changelist_view(request, extra_context)

    def get_search_results(self, request, queryset, search_term):
        # The changelist refuses a NUL (above); the autocomplete's search must not pass one
        # to PostgreSQL, which answers with an error (a 500). No text holds one.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # modeltranslation makes every translation column nullable, so Django's form field
        # turns an empty box into None: a form saved as shown changed '' to None in every
        # empty translation, and the history showed changes nobody made. An empty text
        # field of a non-nullable original stays empty text (a unique one stays None: two empty
        # unique names must not collide).
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        original = getattr(db_field, "translated_field", None)
        if (
            isinstance(formfield, forms.CharField)
            and original is not None
            and not (original.null or db_field.unique)
        ):
            formfield.empty_value = ""
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return make_safe(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return make_safe(super().formfield_for_manytomany(db_field, request, **kwargs))


def make_safe(formfield):
    if formfield is None:
        return None
    if type(formfield) in SAFE_FIELDS:
        formfield.__class__ = SAFE_FIELDS[type(formfield)]
    if type(formfield.widget) in SAFE_WIDGETS:
        formfield.widget.__class__ = SAFE_WIDGETS[type(formfield.widget)]
    return formfield
