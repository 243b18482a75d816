"""The content history, kept by django-simple-history, and what we add to it.

simple-history records every save, delete and many-to-many change made through
the ORM (the admin, imports, the shell), with the signed-in user from its
middleware. It deliberately skips "raw" saves, which is how ``loaddata`` writes
fixtures; :func:`record_fixture_load` records those too, so loading a fixture over
edited content never goes unnoticed.

History is registered here, from ``RelationsConfig.ready()``, rather than with a
``HistoricalRecords()`` field on each model: django-modeltranslation adds the
per-language columns (``title_ru``...) only when its own app is ready, and a
history table made earlier would miss them, losing every translation on restore.
"""

import datetime
import difflib
import re
from collections import defaultdict
from contextvars import ContextVar

from django.db.models import CASCADE
from django.utils import dateformat, timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField
from simple_history import register
from simple_history.models import SIMPLE_HISTORY_REVERSE_ATTR_NAME, HistoricalRecords
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_field_name, get_m2m_reverse_field_name

FIXTURE_REASON = "Loaded from a fixture"

# Off while a backup that carries its own history is restored: its records say it all.
recording_fixture_loads = ContextVar("recording_fixture_loads", default=True)


class Records(HistoricalRecords):
    """simple-history's records, reachable from the model as ``_history_records`` so a
    fixture load can write one record per entry once its many-to-many choices are saved."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        sender._history_records = self

    def copy_fields(self, model):
        """simple-history drops UNIQUE from a history table's columns (an entry has many
        records), but a translated column's options come from the original field
        (modeltranslation's ``deconstruct``): a country's second record with the same
        Turkish name failed. Those columns are indexed instead, as simple-history does."""
        fields = super().copy_fields(model)
        for field in fields.values():
            if isinstance(field, TranslationField) and field.translated_field.unique:
                field._field_options_kwargs = {
                    **getattr(field, "_field_options_kwargs", {}),
                    "unique": False,
                    "db_index": True,
                }
        return fields


def register_history():
    """Every model of the app keeps a history, many-to-many choices included (a changed
    citation is a change too): a new model is covered without a change here."""
    from .kinds import content_models  # the registry imports this module

    for model in content_models():
        fields = [f.name for f in model._meta.fields]
        register(
            model,
            records_class=Records,
            m2m_fields=[f.name for f in model._meta.many_to_many],
            # updated_at changes on every save: in the differences it would only be noise.
            excluded_fields=["updated_at"] if "updated_at" in fields else [],
        )


def is_history_record(model):
    """Whether ``model`` is one of simple-history's record models (an entry's or a
    many-to-many history), not content."""
    return hasattr(model, "instance_type")


def is_tracked(model):
    return hasattr(model._meta, "simple_history_manager_attribute")


def record_fixture_load(sender, instance, created, raw, **kwargs):
    """Connected to post_save in ``RelationsConfig.ready()``; only acts on raw saves.

    A fixture loaded again over unchanged entries adds nothing: only a change is one.
    """
    if not raw or not is_tracked(sender) or not recording_fixture_loads.get():
        return
    if getattr(instance, "record_after_load", False):
        # load_content records it with its many-to-many choices (record_loads below); until
        # then simple-history must not write a record for each many-to-many field it sets.
        instance.loaded_as_new = created
        instance.skip_history_when_saving = True
        return
    # A new row has nothing to compare with: no query for it.
    if not created and unchanged_since_last_record(instance):
        return
    manager = getattr(sender, sender._meta.simple_history_manager_attribute)
    manager.bulk_history_create(
        [instance], update=not created, default_change_reason=FIXTURE_REASON
    )


def record_loads(instances):
    """History for the entries load_content saved, written in bulk once they are all saved:
    one record each with its many-to-many choices, and an insert per model and field
    rather than a few queries per entry (loaddata gets a record at each save and one more
    per many-to-many field it sets)."""
    by_model = defaultdict(list)
    for instance in instances:
        if hasattr(instance, "loaded_as_new"):  # else history is off for this load
            del instance.skip_history_when_saving
            by_model[type(instance)].append(instance)
    for model, entries in by_model.items():
        manager = model.history
        for new in (True, False):
            changed = [
                entry
                for entry in entries
                if entry.loaded_as_new is new and (new or not unchanged_since_last_record(entry))
            ]
            if changed:
                records = manager.bulk_history_create(
                    changed, update=not new, default_change_reason=FIXTURE_REASON
                )
                record_m2m_choices(model, records)


def unchanged_since_last_record(entry):
    latest = latest_change(entry)
    return latest is not None and latest.history_type != "-" and same_values(latest, entry)


def record_m2m_choices(model, records):
    """The many-to-many rows of each entry, copied beside its new history record."""
    by_pk = {record.id: record for record in records}
    # simple-history keeps one mapping for every model's fields.
    for field, m2m_history_model in model._history_records.m2m_models.items():
        if field.model is not model:
            continue
        through = field.remote_field.through
        own_column = f"{get_m2m_field_name(field)}_id"
        names = [through_field.attname for through_field in through._meta.fields]
        rows = through.objects.filter(**{f"{own_column}__in": list(by_pk)}).values(*names)
        m2m_history_model.objects.bulk_create(
            m2m_history_model(history=by_pk[row[own_column]], **row) for row in rows
        )


def same_values(record, instance):
    return all(
        getattr(record, field.attname) == getattr(instance, field.attname)
        for field in record.tracked_fields
    )


def latest_change(entry):
    """The newest history record of a saved entry, or None."""
    if entry.pk is None or not is_tracked(type(entry)):
        return None
    return (
        type(entry)
        .history.filter(**{entry._meta.pk.attname: entry.pk})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )


def historical_record(entry):
    """The history record an entry was rebuilt from (on a revert page), or None."""
    return getattr(entry, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None)


def m2m_values(record):
    """The many-to-many choices as they were in ``record``: {field name: [pks]}."""
    values = {}
    for field in record._history_m2m_fields:
        target = get_m2m_reverse_field_name(field)
        rows = getattr(record, field.name).values_list(f"{target}_id", flat=True)
        values[field.name] = list(rows)
    return values


# One save, one version


def record_version(entry, history_type, reason=None):
    """The one history record of an admin save, written once its many-to-many choices and
    inlines are saved. simple-history would write one at the save and one more per
    many-to-many field set (its m2m_changed handler): three for an agreement with parties
    and sources. ``EntryAdmin.save_model`` turns those off with
    ``skip_history_when_saving``; this writes the single record that replaces them."""
    if hasattr(entry, "skip_history_when_saving"):
        del entry.skip_history_when_saving
    if reason:
        # simple-history's change reason column holds 100 characters.
        entry._change_reason = reason[:100]
    type(entry)._history_records.create_historical_record(entry, history_type)


# Restore

# Django deletes an entry's child rows in the same transaction, just before the entry: a
# child deleted this long before its entry was deleted by hand, not in the cascade.
CASCADE_WINDOW = datetime.timedelta(seconds=10)


def choices_record(record):
    """The record whose many-to-many choices an entry had at ``record``: a deletion's own
    record has none (the through rows are gone before it is written), the one before has."""
    if record.history_type == "-":
        return record.prev_record
    return record


def child_relations(model):
    """The tracked models pointing at ``model`` with a foreign key deleted in cascade."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many
        and relation.on_delete is CASCADE
        and is_tracked(relation.related_model)
    ]


def child_records(entry, record):
    """For each child row ``entry`` had at ``record``, the history record of its state then."""
    moment = record.history_date
    found = []
    for relation in child_relations(type(entry)):
        child_model = relation.related_model
        pk_name = child_model._meta.pk.attname
        latest = {}
        rows = child_model.history.filter(
            **{relation.field.attname: entry.pk, "history_date__lte": moment}
        ).order_by("-history_date", "-history_id")
        for child_record in rows:
            latest.setdefault(getattr(child_record, pk_name), child_record)
        for child_record in latest.values():
            if child_record.history_type == "-":
                in_cascade = (
                    record.history_type == "-"
                    and moment - child_record.history_date <= CASCADE_WINDOW
                )
                child_record = child_record.prev_record if in_cascade else None
            if child_record is not None:
                found.append(child_record)
    return found


def restore_children(entry, record):
    """Bring back the child rows (agreement actions, links, roles, co-chairs...) ``entry`` had
    at ``record`` and has no longer. Rows it has now are left as they are; a row whose other
    end (a linked agreement, a person) is gone too cannot come back and is skipped.

    Returns {model: number restored}."""
    restored = defaultdict(int)
    for child_record in child_records(entry, record):
        child = child_record.instance
        child_model = type(child)
        if child_model.objects.filter(pk=child.pk).exists():
            continue
        if not all(
            field.related_model.objects.filter(pk=getattr(child, field.attname)).exists()
            for field in child_model._meta.concrete_fields
            if field.many_to_one and getattr(child, field.attname) is not None
        ):
            continue
        child._change_reason = f"Restored with {entry}"[:100]
        child.save(force_insert=True)
        restored[child_model] += 1
    return restored


def restore_reason(record, restored, m2m):
    """What a restore brought back, for its history record: "Restored the version of
    5 December 2026 13:02 with 2 agreement actions, 1 agreement link; parties, sources"."""
    when = record.history_date.strftime("%d %B %Y %H:%M")
    start = "Restored after deletion" if record.history_type == "-" else f"Restored version {when}"
    parts = [
        f"{count} {model._meta.verbose_name_plural if count > 1 else model._meta.verbose_name}"
        for model, count in restored.items()
    ]
    chosen = [name for name, pks in m2m.items() if pks]
    text = start
    if parts:
        text += " with " + ", ".join(parts)
    if chosen:
        text += "; " + ", ".join(chosen)
    return text


def restore_message(record, restored, m2m, opts):
    """What a restore brought back, for the editor who did it, in their language, and that
    the entry is a draft now (a restore never publishes)."""
    if record.history_type == "-":
        text = _("The deleted entry is back")
    else:
        when = dateformat.format(timezone.localtime(record.history_date), "j E Y H:i")
        text = _("The version of %(when)s is back") % {"when": when}
    rows = [f"{model._meta.verbose_name_plural}: {count}" for model, count in restored.items()]
    rows += [str(opts.get_field(name).verbose_name) for name, pks in m2m.items() if pks]
    if rows:
        text = _("%(text)s, with %(rows)s") % {"text": text, "rows": ", ".join(rows)}
    return _("%(text)s. It is a draft now: visitors see it once it is published.") % {"text": text}


# The differences on a history page


def word_diff(old, new):
    """``old`` and ``new`` as HTML, each whole, with the words taken out of ``old`` in
    <del> and those put into ``new`` in <ins>: a long text's change is seen, not cut."""
    old_words, new_words = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    old_html, new_html = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = escape("".join(old_words[i1:i2])), escape("".join(new_words[j1:j2]))
        if tag == "equal":
            old_html.append(before)
            new_html.append(after)
            continue
        if before:
            old_html.append(f"<del>{before}</del>")
        if after:
            new_html.append(f"<ins>{after}</ins>")
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))  # escaped above


class DiffHelper(HistoricalRecordContextHelper):
    """simple-history's differences, with texts longer than a line diffed word by word
    instead of shortened to their first and last characters, and many-to-many choices
    listed in full (simple-history cut "[Cooperation with Turkey, No: 104, the 1[180
    chars]921)]": which source was added could not be read)."""

    LONG = 80

    def stringify_delta_change_values(self, change, old, new):
        if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > self.LONG:
            return word_diff(old, new)
        if isinstance(old, list) and isinstance(new, list):
            return tuple(
                format_html("[{}]", format_html_join(", ", "{}", ((item,) for item in value)))
                for value in (old, new)
            )
        return super().stringify_delta_change_values(change, old, new)


def untranslated_names(model):
    """modeltranslation's original field (``title``) beside its per-language columns
    (``title_en``...): it repeats one of them, so the differences leave it out."""
    from modeltranslation.translator import NotRegistered, translator

    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []
