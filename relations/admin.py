"""The editors' admin.

Every model is edited through ``EntryAdmin``: its full history with field-by-field
differences and one-step restore (django-simple-history), import and export
(django-import-export), who changed each entry last, and a form that never saves
over someone else's newer version (``forms.EntryForm``). ``PublishableAdmin`` adds
publication: the state in lists and filters, bulk publish and unpublish, a preview
of drafts, and the ``publish`` permission that separates Editors from Contributors
(see ``management/commands/setup_roles.py``).
"""

import datetime

import tablib
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import CSV, JSON, XLSX
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.translator import translator
from simple_history.admin import SimpleHistoryAdmin

from . import hub, resources, search, search_index, views
from .admin_widgets import HistoryIdsMixin, SafeAutocompleteAdminMixin
from .cache import SCHEDULE_FIELDS
from .dates import Precision, format_date
from .exports import neutralised
from .forms import AgreementForm, EntryForm, RowForm, RowFormSet
from .history import (
    DiffHelper,
    record_version,
    restore_children,
    restore_message,
    restore_reason,
    untranslated_names,
)
from .models import (
    Agreement,
    AgreementAction,
    AgreementLink,
    CoChair,
    Country,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Publication,
    Role,
    Section,
    Source,
    Visit,
)
from .status import refresh_status

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translated_fields(model):
    return translator.get_options_for_model(model).fields


def untranslated(model, language):
    """Entries with English text in a field that has none in ``language``."""
    query = Q()
    for field in translated_fields(model):
        query |= (~Q(**{f"{field}_en": ""}) & Q(**{f"{field}_en__isnull": False})) & (
            Q(**{f"{field}_{language}": ""}) | Q(**{f"{field}_{language}__isnull": True})
        )
    return query


def decade_filter(field_name):
    """Decades from 1900 to now, as fixed choices.

    Used instead of ``date_hierarchy``, whose list of years is a DISTINCT over every row of
    the table on each visit to the changelist (half a second at 100,000 events on SQLite).
    """

    class DecadeFilter(admin.SimpleListFilter):
        title = _("decade")
        parameter_name = "decade"

        def lookups(self, request, model_admin):
            decades = range(timezone.now().year // 10 * 10, 1890, -10)
            return [
                (str(d), format_date(datetime.date(d, 1, 1), Precision.DECADE)) for d in decades
            ]

        def queryset(self, request, queryset):
            if self.value() not in dict(self.lookup_choices):
                return queryset
            start = int(self.value())
            return queryset.filter(
                **{
                    f"{field_name}__gte": datetime.date(start, 1, 1),
                    f"{field_name}__lt": datetime.date(start + 10, 1, 1),
                }
            )

    return DecadeFilter


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "untranslated"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES if code in OTHER_LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in OTHER_LANGUAGES:
            return queryset.filter(untranslated(queryset.model, self.value()))
        return queryset


def every_language(model, lookup):
    """``lookup`` ("title", "person__name") as one lookup per language where its last field is
    translated: the admin's search then matches "Турция", "Türkiye" and "Turkey" alike."""
    *path, name = lookup.split("__")
    for step in path:
        model = model._meta.get_field(step).related_model
    options = (
        translator.get_options_for_model(model)
        if model in translator.get_registered_models()
        else None
    )
    if options is None or name not in options.fields:
        return [lookup]
    return ["__".join([*path, f"{name}_{code}"]) for code, _name in settings.LANGUAGES]


class EveryLanguageSearch:
    def get_search_fields(self, request):
        return [
            expanded
            for lookup in super().get_search_fields(request)
            for expanded in every_language(self.model, lookup)
        ]

    def get_search_results(self, request, queryset, search_term):
        """Django's ``icontains`` on every language, and also the site's search index (on
        PostgreSQL its stored vectors): "erdogan" finds "Erdoğan", "договора" finds
        "Договор" (docs/search.md)."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        kind = search.BY_MODEL.get(self.model)
        if kind and search_term.strip() and search_index.active():
            sql, params = search_index.matching(kind, search_term)
            if params[1] is not None:
                found = found | queryset.filter(pk__in=RawSQL(sql, params))
        elif kind and connection.vendor == "postgresql" and search.words_of(search_term):
            found = found | queryset.filter(search.Holds(kind, search_term))
        return found, duplicates


class TranslatedAdmin(EveryLanguageSearch, SafeAutocompleteAdminMixin, TabbedTranslationAdmin):
    """Every language side by side in tabs; lists show where English stands in."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_status")

    def get_form(self, request, obj=None, change=False, **kwargs):
        """Under each Russian and Turkish field, the English original being translated."""
        form = super().get_form(request, obj, change=change, **kwargs)
        for field in translated_fields(self.model) if obj is not None else ():
            original = getattr(obj, f"{field}_en", None)
            for code in OTHER_LANGUAGES if original else ():
                formfield = form.base_fields.get(f"{field}_{code}")
                if formfield is not None:  # the class is made per request: no one else's
                    formfield.help_text = format_html(
                        '{}<span class="english-original">{}: {}</span>',
                        formfield.help_text and format_html("{}<br>", formfield.help_text),
                        _("English original"),
                        Truncator(original).chars(300),
                    )
        return form

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter)

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        missing = [
            code.upper()
            for code in OTHER_LANGUAGES
            if any(
                getattr(obj, f"{field}_en", None) and not getattr(obj, f"{field}_{code}", None)
                for field in translated_fields(type(obj))
            )
        ]
        if not missing:
            return _("complete")
        return _("English shown in %(languages)s") % {"languages": ", ".join(missing)}


CONFLICT_FIELDS = ("seen_version", "save_anyway")
# The change form's "Save and send to review" button (templates/admin/relations/change_form.html).
REVIEW_BUTTON = "_send_to_review"
# A changelist row's version stamp, posted beside its action checkbox.
SEEN_VERSION_PREFIX = "_seen_version-"


def unique_slug(model, slug):
    """``slug`` with "-copy", "-copy-2"... added until no entry of ``model`` has it."""
    base = f"{slug[:180]}-copy"
    candidate, n = base, 1
    while model._default_manager.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def as_draft_copy(post, model):
    """A "Save as new" POST made into an unpublished copy with a slug of its own: the copy
    is reviewed before it is published, and the original's slug is taken."""
    post = post.copy()
    if "publication" in post:
        post["publication"] = Publication.DRAFT
    if post.get("slug") and model._default_manager.filter(slug=post["slug"]).exists():
        post["slug"] = unique_slug(model, post["slug"])
    return post


def when_column(ordering, description):
    """A changelist column showing an entry's date at its precision, sorted by ``ordering``."""

    @admin.display(description=description, ordering=ordering)
    def when(obj):
        return obj.when

    return when


def has_model_permission(request, action, model):
    opts = model._meta
    return request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def neutralised_format(base):
    """An export format whose text cells cannot run as spreadsheet formulas."""

    class Format(base):
        def export_data(self, dataset, **kwargs):
            safe = tablib.Dataset(headers=dataset.headers, title=dataset.title)
            for row in dataset:
                safe.append([neutralised(value) for value in row])
            return super().export_data(safe, **kwargs)

    Format.__name__ = base.__name__
    return Format


class EntryAdmin(HistoryIdsMixin, ImportExportModelAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    """History, restore, import and export, safe concurrent edits and every language side by
    side, for every model."""

    form = EntryForm
    change_list_template = "admin/relations/change_list.html"
    # Ceilings on size, rows, cells and unpacked size (relations/resources.py).
    import_formats = (resources.BoundedCSV, resources.BoundedXLSX)
    import_form_class = resources.BoundedImportForm
    export_formats = (neutralised_format(CSV), JSON, neutralised_format(XLSX))

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, resources.ImportTooLarge):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        deleted = path(
            "deleted/",
            self.admin_site.admin_view(self.deleted_view),
            name="{}_{}_deleted".format(*info),
        )
        # Before the admin's own patterns, whose "<object_id>/" would take "deleted/".
        return [deleted, *super().get_urls()]

    def get_queryset(self, request):
        changes = self.model.history.model.objects.filter(id=OuterRef("pk")).order_by(
            "-history_date", "-history_id"
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                last_changed_at=Subquery(changes.values("history_date")[:1]),
                last_changed_by=Subquery(changes.values("history_user__username")[:1]),
                # The version stamp (forms.version_of) of each row, for the "Publish" action.
                last_version=Subquery(changes.values("history_id")[:1]),
            )
        )

    def get_list_display(self, request):
        return (*super().get_list_display(request), "last_changed", "changed_by")

    @admin.display(description=_("last changed"), ordering="last_changed_at")
    def last_changed(self, obj):
        # Short ("2026-11-27 03:00", the site's time zone): the column stays in view at 1280 px.
        if obj.last_changed_at is None:
            return "—"
        return timezone.localtime(obj.last_changed_at).strftime("%Y-%m-%d %H:%M")

    @admin.display(description=_("by"), ordering="last_changed_by")
    def changed_by(self, obj):
        return obj.last_changed_by or "—"

    def get_fieldsets(self, request, obj=None):
        # The form's version stamp and its "Save anyway" box go first, beside any
        # conflict message at the top of the form.
        (name, options), *rest = super().get_fieldsets(request, obj)
        fields = [field for field in options["fields"] if field not in CONFLICT_FIELDS]
        return [(name, {**options, "fields": (*CONFLICT_FIELDS, *fields)}), *rest]

    # Restore

    def has_restore_permission(self, request):
        """Restoring can bring back a deleted entry, so it takes the right to delete."""
        return self.has_delete_permission(request)

    def revert_disabled(self, request, obj=None):
        return super().revert_disabled(request, obj) or not self.has_restore_permission(request)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history only hides the Revert button; refuse the POST as well.
        if request.method == "POST" and self.revert_disabled(request):
            raise PermissionDenied
        if request.method == "POST":
            restored = self.restore(request, object_id, version_id)
            if restored is not None:
                return restored
        # The form with its errors, or the page to restore from.
        return super().history_form_view(request, object_id, version_id, extra_context)

    def restore(self, request, object_id, version_id):
        """Save a restore form: the entry as a draft with the many-to-many choices the form
        shows, its child rows as they were (``history.restore_children``) and one history
        record saying what came back. None if the form has errors."""
        record = get_object_or_404(
            self.model.history, **{self.opts.pk.attname: object_id, "history_id": version_id}
        )
        obj = record.instance
        obj._state.adding = False
        form = self.get_form(request, obj)(request.POST, request.FILES, instance=obj)
        if not form.is_valid():
            return None
        with transaction.atomic():
            new_object = self.save_form(request, form, change=True)
            self.save_model(request, new_object, form, change=True)
            created = getattr(record, "created_at", None)
            if created is not None and new_object.created_at != created:
                # A deleted entry is inserted again, and auto_now_add would date its
                # creation to the restore: it keeps the date it was first created.
                self.model.objects.filter(pk=new_object.pk).update(created_at=created)
                new_object.created_at = created
            form.save_m2m()
            children = restore_children(new_object, record)
            chosen = {
                field.name: form.cleaned_data.get(field.name)
                for field in self.opts.many_to_many
                if field.name in form.cleaned_data
            }
            reason = restore_reason(record, children, chosen)
            record_version(new_object, "~", reason)
        self.log_change(request, new_object, [{"changed": {"fields": [str(reason)]}}])
        message = restore_message(record, children, chosen, self.opts)
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
        )

    # The differences on the history page: each translated field once per language (not
    # also modeltranslation's original, which repeats one of them), long texts diffed.

    def get_historical_record_context_helper(self, request, historical_record):
        return DiffHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        excluded = untranslated_names(self.model)
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    current, excluded_fields=excluded, foreign_keys_are_objs=foreign_keys_are_objs
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current

    # One save, one version (history.record_version)

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)
        if getattr(form, "merged", None):
            self.message_user(
                request,
                _(
                    "Someone saved this entry while you edited it; their changes to %(fields)s "
                    "were kept beside yours."
                )
                % {"fields": ", ".join(form.merged)},
                messages.WARNING,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.related_saved(request, form, formsets)
        record_version(form.instance, "~" if change else "+")

    def related_saved(self, request, form, formsets):
        """After the inlines, before the history record: for what a save changes from them."""

    # Copies

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        deletion = self.deleted_meanwhile(request, object_id)
        if deletion is not None:
            # Posted to an entry deleted since the form was opened: the add form, with what
            # was typed, offers to save it as a new draft (EntryForm.clean_deleted_meanwhile).
            request.POST = as_draft_copy(request.POST, self.model)
            request.POST["_saveasnew"] = "1"  # the inlines' rows become new rows too
            request.deleted_meanwhile = deletion
            # Django hides "Save" on a "Save as new" form; here it is the way on. The
            # entry's own links (preview, history) lead nowhere now, and its breadcrumb said
            # "None".
            extra_context = {
                key: value
                for key, value in (extra_context or {}).items()
                if key not in ("preview_url", "preview_languages")
            } | {"show_save": True, "deleted_meanwhile": deletion}
            return super().changeform_view(request, None, form_url, extra_context)
        if request.method == "POST" and "_saveasnew" in request.POST and object_id:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and not self.has_change_permission(request, obj):
                # A page the user may only read posts no fields: copy the entry itself.
                if not self.has_add_permission(request):
                    raise PermissionDenied
                return self.copy_read_only(request, obj)
            request.POST = as_draft_copy(request.POST, self.model)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def deleted_meanwhile(self, request, object_id):
        """The deletion record of the entry a change form was posted to, if it is gone."""
        if request.method != "POST" or not object_id or not self.has_add_permission(request):
            return None
        if self.get_object(request, unquote(object_id)) is not None:
            return None
        try:
            return (
                self.model.history.filter(
                    **{self.opts.pk.attname: unquote(object_id), "history_type": "-"}
                )
                .select_related("history_user")
                .order_by("-history_date")
                .first()
            )
        except (ValueError, ValidationError):
            return None

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        deletion = getattr(request, "deleted_meanwhile", None)
        if deletion is not None:
            form = type(form.__name__, (form,), {"deleted_meanwhile": deletion})
        return form

    def copy_read_only(self, request, obj):
        """A draft copy of an entry the user may read but not change, with its many-to-many
        choices (not its child rows), opened for editing."""
        m2m = {field.name: list(getattr(obj, field.name).all()) for field in obj._meta.many_to_many}
        copy = self.model.objects.get(pk=obj.pk)
        copy.pk = copy.id = None
        copy._state.adding = True
        if hasattr(copy, "slug"):
            copy.slug = unique_slug(self.model, copy.slug)
        if hasattr(copy, "publication"):
            copy.publication = Publication.DRAFT
        with transaction.atomic():
            copy.skip_history_when_saving = True
            copy.save()
            for name, values in m2m.items():
                getattr(copy, name).set(values)
            record_version(copy, "+", f"Copied from {obj}")
        self.log_addition(request, copy, [{"added": {}}])
        self.message_user(request, _("A draft copy was made: edit it below."), messages.SUCCESS)
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[copy.pk])
        )

    def deleted_view(self, request):
        """Deleted entries, newest first, each with a link to restore it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        deletions = self.model.history.model.objects.filter(history_type="-")
        # An entry deleted, restored and deleted again is listed once, by its last deletion:
        # restoring an earlier one would bring back an older version.
        last = deletions.filter(id=OuterRef("id")).order_by("-history_date", "-history_id")
        records = (
            deletions.exclude(id__in=self.model.objects.values("pk"))
            .filter(history_id=Subquery(last.values("history_id")[:1]))
            .select_related("history_user")
            .order_by("-history_date")[:100]
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            "opts": self.opts,
            "records": records,
            "can_restore": self.has_restore_permission(request),
        }
        return TemplateResponse(request, "admin/relations/deleted_entries.html", context)

    # Import and export

    def has_import_permission(self, request):
        # An import adds and overwrites entries wholesale, live: it is the Editors' (they
        # alone may delete), never the Contributors'.
        return (
            self.has_add_permission(request)
            and self.has_change_permission(request)
            and self.has_delete_permission(request)
        )

    def get_import_data_kwargs(self, **kwargs):
        # The confirmed import validates every row again: one bad row and nothing is saved.
        return super().get_import_data_kwargs(**kwargs) | {"rollback_on_validation_errors": True}


class PublicationPermissionMixin:
    """Only users with the model's ``publish`` permission may set its publication."""

    def has_publish_permission(self, request, obj=None):
        return has_model_permission(request, "publish", self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        if self.has_publish_permission(request):
            return fields
        return (*fields, "publication")


class PublishableAdmin(PublicationPermissionMixin, EntryAdmin):
    """Shared by every model visitors read: publication state in lists, filters and actions."""

    # A filtered changelist counts its matches only: a second COUNT(*) of the whole table
    # for "N total" costs as much as the page at 100,000 entries.
    show_full_result_count = False

    actions = ("send_to_review", "publish", "unpublish")
    # Editors paste addresses without a scheme; https is the right guess today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ("created_at", "updated_at")
    publication_fieldset = (
        _("Publication"),
        {
            "fields": (
                "publication",
                ("publish_at", "unpublish_at"),
                ("created_at", "updated_at"),
                "change_note",
                "sources",
            )
        },
    )
    preview_view_class = None

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        preview = path(
            "<path:object_id>/preview/",
            never_cache(self.preview_view),
            name="{}_{}_preview".format(*info),
        )
        return [preview, *super().get_urls()]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in SCHEDULE_FIELDS and field is not None:
            # The zone itself, not "the site's": editors in Moscow and Istanbul differ.
            field.help_text = format_lazy(
                "{} {}", field.help_text, _("Time zone: %(zone)s.") % {"zone": settings.TIME_ZONE}
            )
        return field

    def get_list_display(self, request):
        # The publication straight after the entry's name: listed last, it scrolled beneath
        # the pinned "last changed" and "by" columns at 1280 px (static/css/admin.css).
        names = list(super().get_list_display(request))
        if "publication" not in names:
            return names
        names.remove("publication")
        return [names[0], "publication_state", *names[1:]]

    @admin.display(description=_("publication"), ordering="publication")
    def publication_state(self, obj):
        """Draft, published, or scheduled (with its moment, in the site's time zone)."""
        local = timezone.localtime
        if obj.is_scheduled:
            return _("Scheduled for %(moment)s") % {
                "moment": local(obj.publish_at).strftime("%Y-%m-%d %H:%M")
            }
        if obj.publication == Publication.PUBLISHED and obj.unpublish_at:
            key = _("Published until %(moment)s") if obj.is_public else _("Withdrawn at %(moment)s")
            return key % {"moment": local(obj.unpublish_at).strftime("%Y-%m-%d %H:%M")}
        return obj.get_publication_display()

    def has_change_permission(self, request, obj=None):
        # Contributors change drafts only: a published entry is the Editors' to change.
        if (
            obj is not None
            and obj.publication == Publication.PUBLISHED
            and not self.has_publish_permission(request)
        ):
            return False
        return super().has_change_permission(request, obj)

    def has_restore_permission(self, request):
        return super().has_restore_permission(request) and self.has_publish_permission(request)

    def has_import_permission(self, request):
        # An import can publish, so it is for those who may publish.
        return super().has_import_permission(request) and self.has_publish_permission(request)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Those who may not publish send their draft to review instead.
        extra_context = (extra_context or {}) | {
            "can_send_to_review": not self.has_publish_permission(request)
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if REVIEW_BUTTON in request.POST and obj.publication == Publication.DRAFT:
            obj.publication = Publication.REVIEW
        super().save_model(request, obj, form, change)
        if REVIEW_BUTTON in request.POST and obj.publication == Publication.REVIEW:
            # Django's "was changed successfully" does not say where the draft went.
            self.message_user(
                request,
                _("“%(entry)s” is now waiting for an Editor's review.") % {"entry": obj},
                messages.INFO,
            )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        info = self.opts.app_label, self.opts.model_name
        preview_url = reverse("admin:{}_{}_preview".format(*info), args=[object_id])
        extra_context = (extra_context or {}) | {
            "preview_url": preview_url,
            "preview_languages": [
                (code, name, f"{preview_url}?language={code}") for code, name in settings.LANGUAGES
            ],
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def preview_view(self, request, object_id):
        """The visitor's page for a draft, for staff who may see the entry; 404 for others."""
        if not (request.user.is_active and request.user.is_staff):
            raise Http404
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_permission(request, obj):
            raise Http404
        # Any language, whatever the admin's: ?language=ru shows the Russian page.
        language = request.GET.get("language")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.preview_view_class.as_view(preview=True)(request, slug=obj.slug)
            if hasattr(response, "render"):
                response.render()  # a TemplateResponse renders late: in this language
        response["X-Robots-Tag"] = "noindex"
        response["Content-Language"] = language
        return response

    @admin.action(description=_("Send the selected drafts to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        self._set_publication(
            request, queryset.filter(publication=Publication.DRAFT), Publication.REVIEW
        )

    def action_checkbox(self, obj):
        """The row's box, and the version of the entry the list shows: "Publish" publishes
        that version only (``publish``)."""
        return format_html(
            '{}<input type="hidden" name="{}" value="{}">',
            super().action_checkbox(obj),
            f"{SEEN_VERSION_PREFIX}{obj.pk}",
            "" if obj.last_version is None else obj.last_version,
        )

    @admin.action(description=_("Publish the selected entries"), permissions=["publish"])
    def publish(self, request, queryset):
        """Publish exactly the versions the Editor had on the list: an entry saved since (or
        one the list did not show, as with "select all") stays as it is, for review."""
        reviewed, changed = [], []
        for entry in queryset.exclude(publication=Publication.PUBLISHED):
            seen = request.POST.get(f"{SEEN_VERSION_PREFIX}{entry.pk}")
            current = "" if entry.last_version is None else str(entry.last_version)
            (reviewed if seen == current else changed).append(entry)
        if changed:
            self.message_user(
                request,
                _(
                    "Not published, because they changed after you opened the list or were "
                    "not shown on it: %(entries)s. They stay in review: open them to see the "
                    "changes, or reload the list and publish again."
                )
                % {"entries": "; ".join(f"“{entry}”" for entry in changed)},
                messages.WARNING,
            )
        self._set_publication(
            request, queryset.filter(pk__in=[e.pk for e in reviewed]), Publication.PUBLISHED
        )

    @admin.action(
        description=_("Unpublish the selected entries (back to draft)"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._set_publication(request, queryset, Publication.DRAFT)

    def _set_publication(self, request, queryset, state):
        # Saving one by one keeps auto_now stamps and records each change in the history.
        changed = 0
        for entry in queryset.exclude(publication=state):
            entry.publication = state
            entry.save(update_fields=["publication", "updated_at"])
            changed += 1
        self.message_user(
            request,
            ngettext("%(count)d entry changed.", "%(count)d entries changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )


@admin.register(Country)
class CountryAdmin(EntryAdmin):
    resource_classes = (resources.CountryResource,)
    list_display = ("name", "iso_code", "slug")
    search_fields = ("name", "iso_code", "slug")
    prepopulated_fields = {"slug": ("name",)}


class BoundedInline(SafeAutocompleteAdminMixin):
    """An inline of at most ``max_num`` rows, and a form that builds no more than that.

    Django builds as many forms as the posted TOTAL_FORMS says, up to ``max_num`` + 1,000:
    a forged count made one request render 2,000 rows for half a minute. No entry has
    anywhere near this many actions, links, roles, co-chairs, sections or agreements; a
    larger post is refused with "Please submit at most 100 forms"."""

    max_num = 100
    # Each row keeps the version it was opened on: a save does not put back what another
    # editor changed in it meanwhile.
    form = RowForm
    formset = RowFormSet

    def get_fields(self, request, obj=None):
        # The stamp is hidden, but a field left out of ``fields`` is not rendered at all.
        fields = [name for name in super().get_fields(request, obj) if name != "seen_version"]
        if not self.has_change_permission(request, obj):
            return fields  # a read-only inline would show it as a column
        return [*fields, "seen_version"]

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.max_num)
        return super().get_formset(request, obj, **kwargs)


class RoleInline(BoundedInline, TranslationTabularInline):
    model = Role
    extra = 0
    fields = ("title", "country", "date", "date_precision", "end_date", "end_precision")
    autocomplete_fields = ("country",)


@admin.register(Person)
class PersonAdmin(EntryAdmin):
    resource_classes = (resources.PersonResource,)
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("sources",)
    readonly_fields = ("updated_at",)
    fields = ("name", "slug", "summary", "updated_at", "change_note", "sources")
    inlines = (RoleInline,)


class CoChairInline(BoundedInline, TranslationTabularInline):
    model = CoChair
    extra = 0
    fields = ("person", "country", "role", "date", "date_precision", "end_date", "end_precision")
    autocomplete_fields = ("person", "country")


@admin.register(Organisation)
class OrganisationAdmin(PublishableAdmin):
    resource_classes = (resources.OrganisationResource,)
    preview_view_class = views.OrganisationDetailView
    list_display = ("name", "acronym", "kind", "country_list", "parent", "publication")
    list_filter = ("publication", "kind", "countries")
    list_select_related = ("parent",)
    search_fields = ("name", "acronym", "slug", "description")
    autocomplete_fields = ("countries", "parent", "founded_by", "sources")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CoChairInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "acronym", "kind", "countries", "parent")}),
        (_("About"), {"fields": ("description", "website", ("founded", "founded_precision"))}),
        (
            _("Joint body"),
            {"fields": ("founded_by", "founding_note", "members_note")},
        ),
        PublishableAdmin.publication_fieldset,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(country.name for country in obj.countries.all())


class SectionInline(BoundedInline, TranslationStackedInline):
    model = Section
    extra = 0
    prepopulated_fields = {"slug": ("title",)}
    fields = (("title", "slug", "position"), "body")


@admin.register(PartnerPage)
class PartnerPageAdmin(PublishableAdmin):
    resource_classes = (resources.PartnerPageResource,)
    preview_view_class = hub.PartnerDetailView
    list_display = ("title", "country", "established", "position", "publication")
    list_filter = ("publication",)
    list_select_related = ("country",)
    search_fields = ("title", "summary", "country__name")
    autocomplete_fields = ("country", "sources")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (SectionInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "country", "position", "summary")}),
        (
            _("Relations"),
            {"fields": (("relations_established", "relations_established_precision"),)},
        ),
        PublishableAdmin.publication_fieldset,
    )

    @admin.display(description=_("relations since"), ordering="relations_established")
    def established(self, obj):
        return obj.relations_established_display


@admin.register(EventSeries)
class EventSeriesAdmin(PublishableAdmin):
    resource_classes = (resources.EventSeriesResource,)
    preview_view_class = views.SeriesDetailView
    list_display = (
        "name",
        "acronym",
        "interval_years",
        "first_held_display",
        "place",
        "publication",
    )
    list_filter = ("publication",)
    search_fields = ("name", "acronym", "description")
    autocomplete_fields = ("country", "participants", "sources")
    prepopulated_fields = {"slug": ("name",)}

    @admin.display(description=_("first held"), ordering="first_held")
    def first_held_display(self, obj):
        return obj.first_held_display


dates_fieldset = (
    _("Date"),
    {
        "description": _(
            "Give the first day of the period and say how exactly it is known: "
            "1994-04-01 with “Month” shows as “April 1994”."
        ),
        "fields": (("date", "date_precision"), ("end_date", "end_precision")),
    },
)


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    resource_classes = (resources.EventResource,)
    preview_view_class = views.EventDetailView
    save_as = True
    list_display = (
        "title",
        when_column("date", _("date")),
        "category",
        "place",
        "series",
        "publication",
    )
    list_filter = ("publication", decade_filter("date"), "category", "date_precision", "countries")
    list_select_related = ("series",)
    search_fields = ("title", "summary", "body", "place", "slug")
    autocomplete_fields = ("countries", "organisations", "series", "place_country", "sources")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "summary", "body")}),
        dates_fieldset,
        (
            _("Where and who"),
            {"fields": (("place", "place_country"), "countries", "organisations", "series")},
        ),
        PublishableAdmin.publication_fieldset,
    )


class AgreementInline(BoundedInline, PublicationPermissionMixin, TranslationTabularInline):
    """Agreements signed during a visit, edited on the visit's page."""

    model = Agreement
    extra = 0
    fields = (
        "title",
        "slug",
        "kind",
        "signed_on",
        "signed_precision",
        "parties",
        "status",
        "publication",
    )
    autocomplete_fields = ("parties",)
    prepopulated_fields = {"slug": ("title",)}
    show_change_link = True

    def get_queryset(self, request):
        # A contributor may change drafts only, so the published agreements of a visit
        # are not offered to them as editable rows (they stay on the agreements list).
        queryset = super().get_queryset(request)
        if self.has_publish_permission(request):
            return queryset
        return queryset.exclude(publication=Publication.PUBLISHED)


@admin.register(Visit)
class VisitAdmin(PublishableAdmin):
    resource_classes = (resources.VisitResource,)
    preview_view_class = views.VisitDetailView
    list_display = (
        "title",
        "person",
        "role",
        when_column("date", _("date")),
        "level",
        "host_country",
        "publication",
    )
    list_filter = ("publication", decade_filter("date"), "level", "host_country", "origin_country")
    list_select_related = ("person", "host_country")
    search_fields = ("title", "summary", "role", "place", "person__name", "slug")
    autocomplete_fields = ("person", "origin_country", "host_country", "sources")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (AgreementInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "person", "role", "level", "summary")}),
        dates_fieldset,
        (_("Where"), {"fields": (("origin_country", "host_country"), "place")}),
        PublishableAdmin.publication_fieldset,
    )


class AgreementActionInline(BoundedInline, TranslationTabularInline):
    model = AgreementAction
    extra = 0
    fields = ("party", "action", "date", "date_precision", "signatory", "note")
    autocomplete_fields = ("party", "signatory")


class AgreementLinkInline(BoundedInline, admin.TabularInline):
    model = AgreementLink
    fk_name = "from_agreement"
    extra = 0
    verbose_name = _("link to an earlier agreement")
    verbose_name_plural = _("links to earlier agreements")
    autocomplete_fields = ("to_agreement",)


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    form = AgreementForm
    resource_classes = (resources.AgreementResource,)
    preview_view_class = views.AgreementDetailView
    save_as = True
    list_display = (
        "title",
        "kind",
        when_column("signed_on", _("signed")),
        "status",
        "is_key",
        "publication",
    )
    list_filter = (
        "publication",
        decade_filter("signed_on"),
        "kind",
        "status",
        "status_set_by_hand",
        "sphere",
        "is_key",
        "parties",
    )
    search_fields = ("title", "summary", "place", "slug")
    autocomplete_fields = ("parties", "visit", "place_country", "sources")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (AgreementActionInline, AgreementLinkInline)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "aliases",
                    "slug",
                    "kind",
                    "sphere",
                    ("status", "status_set_by_hand"),
                    "is_key",
                    "summary",
                    "text_url",
                )
            },
        ),
        (
            _("Signature"),
            {
                "fields": (
                    ("signed_on", "signed_precision"),
                    ("place", "place_country"),
                    "parties",
                    "visit",
                )
            },
        ),
        PublishableAdmin.publication_fieldset,
    )

    def related_saved(self, request, form, formsets):
        # A "supersedes" link changes the status of the agreement it points to, too.
        linked = {
            link_form.instance.to_agreement_id
            for formset in formsets
            if formset.model is AgreementLink
            for link_form in formset.forms
            if link_form.instance.to_agreement_id
        }
        for agreement in [form.instance, *Agreement.objects.filter(pk__in=linked)]:
            refresh_status(agreement)


@admin.register(Office)
class OfficeAdmin(PublishableAdmin):
    resource_classes = (resources.OfficeResource,)
    preview_view_class = views.OfficeDetailView
    save_as = True
    list_display = ("name", "organisation", "country", "city", "phone", "publication")
    list_filter = ("publication", "country")
    list_select_related = ("organisation", "country")
    search_fields = ("name", "city", "address", "organisation__name", "slug")
    autocomplete_fields = ("organisation", "represents", "country", "sources")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "organisation", "represents", "summary")}),
        (
            _("Contacts"),
            {
                "fields": (
                    ("country", "city"),
                    "address",
                    ("phone", "fax"),
                    "email",
                    "website",
                    "contacts_verified",
                )
            },
        ),
        PublishableAdmin.publication_fieldset,
    )


@admin.register(Source)
class SourceAdmin(EntryAdmin):
    list_display = ("title", "publisher", "url", "accessed_on")
    search_fields = ("title", "publisher", "url", "slug")
    prepopulated_fields = {"slug": ("title",)}
    formfield_overrides = PublishableAdmin.formfield_overrides


@admin.register(AgreementAction)
class AgreementActionAdmin(EntryAdmin):
    list_display = ("agreement", "party", "action", when_column("date", _("date")), "signatory")
    list_filter = ("action", "party")
    list_select_related = ("agreement", "party", "signatory")
    search_fields = ("agreement__title", "party__name", "signatory__name", "note")
    autocomplete_fields = ("agreement", "party", "signatory")


@admin.register(AgreementLink)
class AgreementLinkAdmin(
    EveryLanguageSearch, HistoryIdsMixin, SafeAutocompleteAdminMixin, SimpleHistoryAdmin
):
    # Links are not translated, so they use the plain history admin, with no deleted-entries page.
    change_list_template = "admin/change_list.html"
    list_display = ("from_agreement", "kind", "to_agreement")
    list_filter = ("kind",)
    list_select_related = ("from_agreement", "to_agreement")
    search_fields = ("from_agreement__title", "to_agreement__title")
    autocomplete_fields = ("from_agreement", "to_agreement")
    # The same refusal to save over a newer version as every other kind.
    form = EntryForm
    fields = (*CONFLICT_FIELDS, "from_agreement", "kind", "to_agreement")


@admin.register(Role)
class RoleAdmin(EntryAdmin):
    list_display = ("person", "title", "country", when_column("date", _("period")))
    list_filter = ("country",)
    list_select_related = ("person", "country")
    search_fields = ("person__name", "title")
    autocomplete_fields = ("person", "country")


@admin.register(CoChair)
class CoChairAdmin(EntryAdmin):
    list_display = ("body", "person", "country", "role", when_column("date", _("period")))
    list_filter = ("country",)
    list_select_related = ("body", "person", "country")
    search_fields = ("body__name", "person__name", "role")
    autocomplete_fields = ("body", "person", "country")
