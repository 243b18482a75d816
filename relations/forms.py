"""The admin form every entry is edited with.

Two editors may open the same entry. The form remembers which version of the
entry it was opened on (the id of its newest history record) and refuses to save
over a newer one: the editor sees who saved in between and when, keeps what they
typed, and either reloads the page or ticks "Save anyway".
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .history import choices_record, historical_record, latest_change, m2m_values
from .markup import MARKDOWN_FIELDS, validate_markdown
from .models import Publication


def version_of(entry):
    change = latest_change(entry)
    return str(change.history_id) if change else ""


def describe_change(change):
    who = change.history_user or _("someone without an account (an import or a script)")
    when = timezone.localtime(change.history_date).strftime("%d %B %Y at %H:%M:%S %Z")
    return who, when


class EntryBoundField(forms.BoundField):
    """A field of a refused form shows the value taken in from the other version, not the
    stale one posted: what the form says it took in is what the editor sees and saves."""

    def value(self):
        taken_in = getattr(self.form, "taken_in", {})
        if self.name in taken_in:
            return self.field.prepare_value(taken_in[self.name])
        return super().value()


class EntryForm(forms.ModelForm):
    bound_field_class = EntryBoundField
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
        # The inlines' formsets share the instance: their rows' conflicts are told here.
        self.instance._entry_form = self
        for name, field in self.fields.items():
            markdown = name in MARKDOWN_FIELDS or name.rpartition("_")[0] in MARKDOWN_FIELDS
            # (A co-chair's ``body`` is an organisation, not text.)
            if markdown and isinstance(field, forms.CharField):
                field.validators.append(validate_markdown)
        record = historical_record(self.instance)
        if record is not None:
            # Restoring a version: its many-to-many choices too, not today's (a deleted
            # entry's: those it had before its deletion), and as a draft to review.
            chosen = choices_record(record)
            for name, pks in (m2m_values(chosen) if chosen else {}).items():
                if name in self.fields:
                    self.initial[name] = pks
            if hasattr(self.instance, "publication"):
                self.instance.publication = Publication.DRAFT
                self.initial["publication"] = Publication.DRAFT

    # Set by the admin on a form posted to an entry deleted meanwhile: its deletion record.
    deleted_meanwhile = None
    # Set by merge(): {field name: value taken in from the other version}, and whether
    # publishing would publish changes the Editor has not seen.
    taken_in = {}
    unreviewed = False

    def clean(self):
        cleaned_data = super().clean()
        if self.deleted_meanwhile is not None:
            return self.clean_deleted_meanwhile(cleaned_data)
        if self.instance.pk is None:
            return cleaned_data
        current = version_of(self.instance)
        seen = cleaned_data.get("seen_version") or ""
        if current == seen:
            return cleaned_data
        theirs = type(self.instance)._default_manager.get(pk=self.instance.pk)
        conflicts = self.merge(cleaned_data, opened_record(self.instance, seen), theirs)
        refuse = bool(conflicts) and not cleaned_data.get("save_anyway")
        if not refuse and not self.unreviewed:
            return cleaned_data
        who, when = describe_change(latest_change(self.instance))
        taken = {"fields": ", ".join(self.merged)}
        errors = []
        if refuse:
            labels = [str(self.fields[name].label) for name in conflicts]
            self.offer_save_anyway(labels)
            for name, their_value in conflicts.items():
                self.add_error(
                    name,
                    ValidationError(
                        _("%(who)s saved: “%(value)s”. Yours is in the field."),
                        code="edit_conflict",
                        params={"who": who, "value": their_value},
                    ),
                )
            errors.append(
                ValidationError(
                    _(
                        "%(who)s changed this entry on %(when)s, after you opened it. Nothing "
                        "has been saved. Their changes to fields you did not change are taken "
                        "in; both of you changed %(fields)s: their value is shown at each "
                        "field, yours is still in it. Tick “Save anyway” to replace theirs "
                        "with yours, or reload the page to start again from their version."
                    ),
                    code="edit_conflict",
                    params={"who": who, "when": when, "fields": ", ".join(labels)},
                )
            )
        if self.unreviewed:
            errors.append(
                ValidationError(
                    _(
                        "%(who)s changed %(fields)s on %(when)s, after you opened this entry: "
                        "it is not published. Their version is in the form now: read it, "
                        "then save again to publish it."
                    ),
                    code="unreviewed",
                    params={"who": who, "when": when} | taken,
                )
            )
        elif self.merged:
            errors.append(
                ValidationError(
                    _("Taken in from their version: %(fields)s."), code="taken_in", params=taken
                )
            )
        raise ValidationError(errors)

    def offer_save_anyway(self, labels):
        """Show "Save anyway", naming everything it overwrites (fields, then rows below)."""
        self.overwrites = [*getattr(self, "overwrites", []), *labels]
        save_anyway = self.fields["save_anyway"]
        save_anyway.widget = forms.CheckboxInput()
        save_anyway.help_text = _("Replaces their version of: %(fields)s.") % {
            "fields": ", ".join(self.overwrites)
        }
        # The bound field, made while the form was cleaned, keeps its own copy.
        self["save_anyway"].help_text = save_anyway.help_text

    def refuse_for_rows(self, who, when, labels):
        """Called by an inline's formset (``RowFormSet``) whose rows someone else changed
        since this form was opened, in the fields this editor changed too."""
        self.offer_save_anyway(labels)
        self.add_error(
            None,
            ValidationError(
                _(
                    "%(who)s changed rows below on %(when)s, after you opened this entry: "
                    "%(fields)s. Nothing has been saved. Their value is shown at each of "
                    "those fields, yours is still in it. Tick “Save anyway” to replace "
                    "theirs with yours, or reload the page to start again from their version."
                ),
                code="edit_conflict",
                params={"who": who, "when": when, "fields": ", ".join(labels)},
            ),
        )

    def refuse_for_deleted_rows(self, who, when, rows):
        """Called by ``RowFormSet`` for rows deleted since this form was opened."""
        self.offer_save_anyway([_("%(row)s (added again)") % {"row": row} for row in rows])
        self.add_error(
            None,
            ValidationError(
                _(
                    "%(who)s deleted rows below on %(when)s, after you opened this entry: "
                    "%(rows)s. Nothing has been saved; what you typed in them is still there. "
                    "Tick “Save anyway” to add them again as new rows, or tick their "
                    "“Delete?” box to let them go."
                ),
                code="deleted_meanwhile",
                params={"who": who, "when": when, "rows": "; ".join(rows)},
            ),
        )

    def merge(self, cleaned_data, opened, theirs):
        """Three-way merge of the form's values with a version saved since it was opened.

        A field only they changed takes their value (into ``cleaned_data`` and, should the
        form be refused, into the field shown: ``self.taken_in``; its label in
        ``self.merged``); one only you changed keeps yours. Returns the fields both changed
        differently, {name: their value as text}. Without the opened version (an unknown
        stamp) every field where theirs and yours differ is such a field.

        Publishing with changes taken in sets ``self.unreviewed``: an Editor publishes the
        version they read, so the form is refused and shows that version first."""
        self.merged = []
        self.taken_in = {}
        conflicts = {}
        for name, field in self.model_fields():
            if name not in cleaned_data:
                continue
            mine = comparable(field, cleaned_data[name])
            their = comparable(field, stored_value(theirs, field))
            if their == mine:
                continue
            base = comparable(field, recorded_value(opened, field)) if opened else object()
            if their == base:
                continue
            if mine == base:
                cleaned_data[name] = self.taken_in[name] = form_value(theirs, field)
                self.merged.append(str(self.fields[name].label))
            else:
                conflicts[name] = shown(theirs, field)
        publishing = cleaned_data.get("publication") == Publication.PUBLISHED
        # An editor publishes what they reviewed: changes taken in unseen are not that.
        self.unreviewed = bool(
            self.merged and publishing and theirs.publication != Publication.PUBLISHED
        )
        return conflicts

    def model_fields(self):
        opts = self._meta.model._meta
        for name in self.fields:
            if name in ("seen_version", "save_anyway"):
                continue
            try:
                field = opts.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.concrete or field.many_to_many:
                yield name, field

    def clean_deleted_meanwhile(self, cleaned_data):
        if cleaned_data.get("save_anyway"):
            return cleaned_data
        self.fields["save_anyway"].widget = forms.CheckboxInput()
        self.fields["save_anyway"].label = _("Save as a new draft")
        self.fields["save_anyway"].help_text = _("Saves what you typed as a new draft entry.")
        self["save_anyway"].label = self.fields["save_anyway"].label
        self["save_anyway"].help_text = self.fields["save_anyway"].help_text
        who, when = describe_change(self.deleted_meanwhile)
        raise ValidationError(
            _(
                "%(who)s deleted this entry on %(when)s, while you were editing it. Nothing has "
                "been saved, and what you typed is still in the form below: tick “Save as a "
                "new draft” and save to keep it as a new entry."
            ),
            code="deleted_meanwhile",
            params={"who": who, "when": when},
        )


def opened_record(entry, seen):
    """The history record the form was opened on, or None."""
    if not seen.isdigit():
        return None
    return type(entry).history.filter(history_id=int(seen)).first()


def stored_value(entry, field):
    if field.many_to_many:
        return list(getattr(entry, field.name).values_list("pk", flat=True))
    return getattr(entry, field.attname)


def recorded_value(record, field):
    if field.many_to_many:
        return m2m_values(record).get(field.name, [])
    return getattr(record, field.attname)


def form_value(entry, field):
    if field.many_to_many:
        return getattr(entry, field.name).all()
    return getattr(entry, field.name)


def comparable(field, value):
    """A value of ``field`` as stored, as recorded or as cleaned by the form, in one shape."""
    if field.many_to_many:
        return frozenset(getattr(item, "pk", item) for item in value or ())
    if field.many_to_one:
        return getattr(value, "pk", value)
    if value is None and isinstance(field, (models.CharField, models.TextField)):
        return ""
    return value


def shown(entry, field):
    value = getattr(entry, field.name)
    if field.many_to_many:
        return ", ".join(str(item) for item in value.all()) or "—"
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


class RowForm(forms.ModelForm):
    """A row edited inside an entry's form (an agreement's actions and links, a person's
    roles, co-chairs, sections, a visit's agreements), with the version it was opened on.

    Saving the entry saves every row whose posted values differ from the stored ones, so
    an editor's save put back the old values of a row another editor had changed
    meanwhile, without a word. As for the entry (``EntryForm.merge``): a field only they
    changed keeps their value, one only you changed takes yours, and one both changed
    refuses the save (their value shown at the field) until "Save anyway" is ticked."""

    bound_field_class = EntryBoundField
    seen_version = forms.CharField(required=False, widget=forms.HiddenInput)
    taken_in = {}
    refused = {}
    # Set by RowFormSet on a row deleted since the form was opened: its deletion record.
    deleted_meanwhile = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = version_of(self.instance)

    def clean(self):
        cleaned_data = super().clean()
        if self.deleted_meanwhile is not None:
            if not (cleaned_data.get("DELETE") or save_anyway_ticked(self.data)):
                who, when = describe_change(self.deleted_meanwhile)
                self.add_error(
                    None,
                    ValidationError(
                        _(
                            "%(who)s deleted this row on %(when)s, after you opened the entry. "
                            "What you typed is still in it."
                        ),
                        code="deleted_meanwhile",
                        params={"who": who, "when": when},
                    ),
                )
            return cleaned_data
        seen = cleaned_data.get("seen_version") or ""
        # (A post without a stamp, from a page made before rows had one, is not checked.)
        if self.instance.pk is None or not seen or seen == version_of(self.instance):
            return cleaned_data
        theirs = self.instance  # as stored: the form's values are put in after clean()
        opened = opened_record(theirs, seen)
        self.taken_in, conflicts, mine = {}, {}, False
        opts = self._meta.model._meta
        for name in self.fields:
            try:
                field = opts.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.primary_key or not field.concrete or name not in cleaned_data:
                continue
            yours = comparable(field, cleaned_data[name])
            their = comparable(field, stored_value(theirs, field))
            if yours == their:
                continue
            base = comparable(field, recorded_value(opened, field)) if opened else object()
            if their == base:
                mine = True
            elif yours == base:
                cleaned_data[name] = self.taken_in[name] = form_value(theirs, field)
            else:
                conflicts[name] = shown(theirs, field)
        if not (mine or conflicts):
            self.__dict__["changed_data"] = []  # nothing of yours to save in this row
        if conflicts and not save_anyway_ticked(self.data):
            who, when = describe_change(latest_change(theirs))
            self.refused = {"who": who, "when": when, "fields": list(conflicts)}
            for name, their_value in conflicts.items():
                self.add_error(
                    name,
                    ValidationError(
                        _("%(who)s saved: “%(value)s”. Yours is in the field."),
                        code="edit_conflict",
                        params={"who": who, "value": their_value},
                    ),
                )
        return cleaned_data


def save_anyway_ticked(data):
    """Whether the entry's form was posted with "Save anyway" ticked."""
    return forms.BooleanField().to_python(data.get("save_anyway"))


class RowFormSet(forms.BaseInlineFormSet):
    """Tells the entry's form about rows refused by ``RowForm``, which offers "Save anyway".

    A row deleted since the form was opened made Django refuse every save with an error no
    one saw (its hidden id was "not one of the available choices"): the row is kept as
    typed, said to be deleted, and "Save anyway" adds it again as a new row."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        pk = self.model._meta.pk
        if not (self.is_bound and i < self.initial_form_count()) or not form.instance._state.adding:
            return form
        posted = form.data.get(form.add_prefix(pk.name))
        try:
            deletion = (
                self.model.history.filter(**{pk.attname: posted, "history_type": "-"})
                .select_related("history_user")
                .order_by("-history_date")
                .first()
            )
        except (ValueError, ValidationError):
            deletion = None
        if deletion is not None:
            form.deleted_meanwhile = deletion
            # Its id names no row now (and is posted again, to be recognised again): the
            # form is for a new row.
            form.fields[pk.name] = forms.CharField(required=False, widget=forms.HiddenInput)
            self.rows_deleted_meanwhile = True
        return form

    def get_queryset(self):
        """The rows the forms are for, in their order: the admin pairs each form with the
        row at its place, and a row deleted meanwhile put every later form beside the
        wrong row, the last one dropped from the page with what was typed in it."""
        queryset = super().get_queryset()
        if getattr(self, "rows_deleted_meanwhile", False) and "forms" in self.__dict__:
            return [form.instance for form in self.initial_forms]
        return queryset

    def save(self, commit=True):
        saved = super().save(commit)
        for form in self.initial_forms:
            if form.deleted_meanwhile is not None and not self._should_delete_form(form):
                row = self.save_new(form, commit=commit)
                self.new_objects.append(row)
                saved.append(row)
        return saved

    def clean(self):
        super().clean()
        entry_form = getattr(self.instance, "_entry_form", None)
        if entry_form is None:
            return
        rows = capfirst(self.model._meta.verbose_name_plural)
        gone = [
            form
            for form in self.initial_forms
            if form.deleted_meanwhile is not None
            and not self._should_delete_form(form)
            and not save_anyway_ticked(self.data)
        ]
        if gone:
            entry_form.refuse_for_deleted_rows(
                *describe_change(gone[0].deleted_meanwhile),
                [_("%(rows)s, “%(row)s”") % {"rows": rows, "row": form.instance} for form in gone],
            )
        refused = [form for form in self.forms if form.refused]
        if not refused:
            return
        labels = [
            _("%(rows)s, “%(row)s”: %(field)s")
            % {
                "rows": rows,
                "row": form.instance,
                "field": form.fields[name].label,
            }
            for form in refused
            for name in form.refused["fields"]
        ]
        first = refused[0].refused
        entry_form.refuse_for_rows(first["who"], first["when"], labels)


class AgreementForm(EntryForm):
    def clean(self):
        # The action rows below the form are validated after it, against the parties
        # chosen here (saved only once every row is valid).
        if "parties" in self.cleaned_data:
            self.instance.pending_parties = list(self.cleaned_data["parties"])
        return super().clean()
