"""The admin form every entry is edited with.

Two editors may open the same entry. The form remembers which version of the
entry it was opened on (the id of its newest history record) and refuses to save
over a newer one: the editor sees who saved in between and when, keeps what they
typed, and either reloads the page or ticks "Save anyway".
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .history import historical_record, latest_change, m2m_values


def version_of(entry):
    change = latest_change(entry)
    return str(change.history_id) if change else ""


def describe_change(change):
    who = change.history_user or _("someone without an account (an import or a script)")
    when = timezone.localtime(change.history_date).strftime("%d %B %Y at %H:%M:%S %Z")
    return who, when


class EntryForm(forms.ModelForm):
    seen_version = forms.CharField(required=False, widget=forms.HiddenInput)
    save_anyway = forms.BooleanField(
        required=False,
        widget=forms.HiddenInput,
        label=_("Save anyway"),
        help_text=_("Replace the other editor's version with yours."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = version_of(self.instance)
        record = historical_record(self.instance)
        if record is not None:
            # Restoring a version: its many-to-many choices too, not today's.
            for name, pks in m2m_values(record).items():
                if name in self.fields:
                    self.initial[name] = pks

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None or cleaned_data.get("save_anyway"):
            return cleaned_data
        current = version_of(self.instance)
        if current != (cleaned_data.get("seen_version") or ""):
            self.fields["save_anyway"].widget = forms.CheckboxInput()
            who, when = describe_change(latest_change(self.instance))
            raise ValidationError(
                _(
                    "%(who)s changed this entry on %(when)s, after you opened it. Nothing has "
                    "been saved. Your changes are still in the form below: compare them with "
                    "the entry's history, then tick “Save anyway” to replace that version "
                    "with yours, or reload the page to start again from it."
                ),
                code="edit_conflict",
                params={"who": who, "when": when},
            )
        return cleaned_data
