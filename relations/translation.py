"""Which content fields exist in every language (django-modeltranslation).

Each field listed here gets one column per language (title_en, title_ru,
title_tr); reading ``title`` gives the active language, falling back to English.
Slugs, dates and choices are shared by all languages, so an entry keeps one
address in every language.
"""

from django.db.models.signals import pre_save
from modeltranslation.fields import TranslationField
from modeltranslation.translator import TranslationOptions, register, translator

from .models import (
    Agreement,
    AgreementAction,
    CoChair,
    Country,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Role,
    Section,
    Source,
    Visit,
)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "summary", "change_note")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "acronym", "description", "founding_note", "members_note", "change_note")


@register(PartnerPage)
class PartnerPageTranslation(TranslationOptions):
    fields = ("title", "summary", "change_note")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "body")


@register(EventSeries)
class EventSeriesTranslation(TranslationOptions):
    fields = ("name", "acronym", "description", "place", "change_note")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "place", "change_note")


@register(Visit)
class VisitTranslation(TranslationOptions):
    fields = ("title", "role", "summary", "place", "change_note")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "aliases", "summary", "place", "change_note")


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "city", "address", "summary", "change_note")


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "publisher")


@register(AgreementAction)
class AgreementActionTranslation(TranslationOptions):
    fields = ("note",)


@register(Role)
class RoleTranslation(TranslationOptions):
    fields = ("title",)


@register(CoChair)
class CoChairTranslation(TranslationOptions):
    fields = ("role",)


def empty_text_is_empty(sender, instance, **kwargs):
    """An empty translation is stored as empty text, whichever way it came in.

    modeltranslation makes every language column nullable: a fixture that leaves a
    language out writes None, a form writes what its box held. Two spellings of "empty"
    made a form saved untouched record changes nobody made. The fallback to English
    reads both the same; the database now holds one. Unique columns (country names) keep
    None: two countries without a Turkish name would otherwise collide."""
    for field in sender._meta.concrete_fields:
        if (
            isinstance(field, TranslationField)
            and not field.translated_field.null
            and not field.unique  # a unique name missing in two languages is two NULLs
            and getattr(instance, field.attname) is None
        ):
            setattr(instance, field.attname, "")


for model in translator.get_registered_models(abstract=False):
    pre_save.connect(
        empty_text_is_empty, sender=model, dispatch_uid=f"empty-text-{model._meta.label}"
    )
