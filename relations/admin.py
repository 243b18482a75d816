import datetime

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.translator import translator

from .dates import Precision, format_date
from .models import (
    Agreement,
    Country,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Publication,
    Section,
    Visit,
)

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


class TranslatedAdmin(TabbedTranslationAdmin):
    """Every language side by side in tabs; lists show where English stands in."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_status")

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


class PublishableAdmin(TranslatedAdmin):
    """Shared by every model visitors read: publication state in lists, filters and actions."""

    # A filtered changelist counts its matches only: a second COUNT(*) of the whole table
    # for "N total" costs as much as the page at 100,000 entries.
    show_full_result_count = False

    actions = ("publish", "unpublish")
    # Editors paste addresses without a scheme; https is the right guess today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ("created_at", "updated_at")
    publication_fieldset = (
        _("Publication"),
        {"fields": ("publication", "publish_at", ("created_at", "updated_at"))},
    )

    @admin.action(description=_("Publish the selected entries"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_publication(request, queryset, Publication.PUBLISHED)

    @admin.action(
        description=_("Unpublish the selected entries (back to draft)"), permissions=["change"]
    )
    def unpublish(self, request, queryset):
        self._set_publication(request, queryset, Publication.DRAFT)

    def _set_publication(self, request, queryset, state):
        # Saving one by one keeps auto_now stamps and anything hooked on save.
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
class CountryAdmin(TranslatedAdmin):
    list_display = ("name", "iso_code", "slug")
    search_fields = ("name", "iso_code", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Person)
class PersonAdmin(TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Organisation)
class OrganisationAdmin(PublishableAdmin):
    list_display = (
        "name",
        "acronym",
        "kind",
        "country_list",
        "parent",
        "publication",
        "updated_at",
    )
    list_filter = ("publication", "kind", "countries")
    list_select_related = ("parent",)
    search_fields = ("name", "acronym", "slug", "description")
    autocomplete_fields = ("countries", "parent")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "acronym", "kind", "countries", "parent")}),
        (_("About"), {"fields": ("description", "website", ("founded", "founded_precision"))}),
        PublishableAdmin.publication_fieldset,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    @admin.display(description=_("countries"))
    def country_list(self, obj):
        return ", ".join(country.name for country in obj.countries.all())


class SectionInline(TranslationStackedInline):
    model = Section
    extra = 0
    prepopulated_fields = {"slug": ("title",)}
    fields = (("title", "slug", "position"), "body")


@admin.register(PartnerPage)
class PartnerPageAdmin(PublishableAdmin):
    list_display = ("title", "country", "established", "position", "publication", "updated_at")
    list_filter = ("publication",)
    list_select_related = ("country",)
    search_fields = ("title", "summary", "country__name")
    autocomplete_fields = ("country",)
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
    autocomplete_fields = ("country", "participants")
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
    list_display = ("title", "when", "category", "place", "series", "publication", "updated_at")
    list_filter = ("publication", decade_filter("date"), "category", "date_precision", "countries")
    list_select_related = ("series",)
    search_fields = ("title", "summary", "body", "place", "slug")
    autocomplete_fields = ("countries", "organisations", "series", "place_country")
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

    @admin.display(description=_("date"), ordering="date")
    def when(self, obj):
        return obj.when


class AgreementInline(TranslationTabularInline):
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


@admin.register(Visit)
class VisitAdmin(PublishableAdmin):
    list_display = ("title", "person", "role", "when", "level", "host_country", "publication")
    list_filter = ("publication", decade_filter("date"), "level", "host_country", "origin_country")
    list_select_related = ("person", "host_country")
    search_fields = ("title", "summary", "role", "place", "person__name", "slug")
    autocomplete_fields = ("person", "origin_country", "host_country")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (AgreementInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "person", "role", "level", "summary")}),
        dates_fieldset,
        (_("Where"), {"fields": (("origin_country", "host_country"), "place")}),
        PublishableAdmin.publication_fieldset,
    )

    @admin.display(description=_("date"), ordering="date")
    def when(self, obj):
        return obj.when


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    list_display = ("title", "kind", "when", "status", "is_key", "publication", "updated_at")
    list_filter = (
        "publication",
        decade_filter("signed_on"),
        *("kind", "status", "sphere", "is_key", "parties"),
    )
    search_fields = ("title", "summary", "place", "slug")
    autocomplete_fields = ("parties", "visit", "place_country")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "kind",
                    "sphere",
                    "status",
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

    @admin.display(description=_("signed"), ordering="signed_on")
    def when(self, obj):
        return obj.when


@admin.register(Office)
class OfficeAdmin(PublishableAdmin):
    list_display = ("name", "organisation", "country", "city", "phone", "publication")
    list_filter = ("publication", "country")
    list_select_related = ("organisation", "country")
    search_fields = ("name", "city", "address", "organisation__name", "slug")
    autocomplete_fields = ("organisation", "represents", "country")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "organisation", "represents", "summary")}),
        (
            _("Contacts"),
            {"fields": (("country", "city"), "address", ("phone", "fax"), "email", "website")},
        ),
        PublishableAdmin.publication_fieldset,
    )
