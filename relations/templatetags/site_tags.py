from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

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


# Quotation marks of each language: Russian «ёлочки» with „лапки“ inside, Turkish and
# English “…” with ‘…’ inside.
QUOTES = {"ru": ("«", "»", "„", "“"), "tr": ("“", "”", "‘", "’"), "en": ("“", "”", "‘", "’")}
SENTENCE_ENDS = (".", "!", "?", "…")


@register.filter(needs_autoescape=True)
def quoted(value, autoescape=True):
    """``value`` in the quotation marks of the active language; quotes of the same kind
    inside it become the inner ones ("«Договор „Дружбы“»")."""
    text = str(value)
    language = (translation.get_language() or "en").split("-")[0]
    opening, closing, inner_opening, inner_closing = QUOTES.get(language, QUOTES["en"])
    text = text.replace(opening, inner_opening).replace(closing, inner_closing)
    escape = conditional_escape if autoescape else str
    return mark_safe(f"{opening}{escape(text)}{closing}")


@register.filter
def full_stop(value):
    """The full stop that ends a sentence after ``value``, or nothing when ``value`` ends one
    itself: a Russian date ends in "г." and "г.." is a fault."""
    return "" if str(value).rstrip().endswith(SENTENCE_ENDS) else "."


@register.filter(is_safe=True)
def single_full_stop(value):
    """A translated sentence whose last word already ends in a full stop ("… 2024 г..")
    ends in one, not two; an ellipsis is left alone."""
    text = str(value)
    if text.endswith("..") and not text.endswith("..."):
        text = text[:-1]
    return mark_safe(text) if hasattr(value, "__html__") else text
