"""Which content fields exist in every language (django-modeltranslation).

Each field listed here gets one column per language (title_en, title_ru,
title_tr); reading ``title`` gives the active language, falling back to English.
Slugs, dates and choices are shared by all languages, so an entry keeps one
address in every language.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    Agreement,
    Country,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Section,
    Visit,
)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "acronym", "description")


@register(PartnerPage)
class PartnerPageTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "body")


@register(EventSeries)
class EventSeriesTranslation(TranslationOptions):
    fields = ("name", "acronym", "description", "place")


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "place")


@register(Visit)
class VisitTranslation(TranslationOptions):
    fields = ("title", "role", "summary", "place")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "summary", "place")


@register(Office)
class OfficeTranslation(TranslationOptions):
    fields = ("name", "city", "address", "summary")
