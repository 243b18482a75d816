from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from relations.dates import iso_date

register = template.Library()


@register.filter
def machine_date(entry):
    """The ``datetime`` of an entry's ``<time>``: its start at the precision known."""
    start, precision = entry.date_fields[:2]
    return iso_date(getattr(entry, start), getattr(entry, precision)) or ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language: [(code, name, url, is_current)]."""
    request = context.get("request")
    if request is None:  # the 500 page renders without a request
        return []
    current = translation.get_language()
    path = request.get_full_path()
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "is_current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@register.filter
def fallback_lang(obj, field):
    """'en' when ``obj.field`` is shown in English for want of a translation, else ''."""
    language = translation.get_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return ""
    value = getattr(obj, f"{field}_{language}", None)
    return "" if value else settings.MODELTRANSLATION_DEFAULT_LANGUAGE
