"""Bidirectional control characters are stripped from single-line text on every save.

The right-to-left override (U+202E) and its kin reorder what a reader sees: a title can
show one text and hold another, and a file name or address can be disguised. The site's
languages (English, Russian, Turkish) are written left to right and never need them, so
every ``CharField`` of the content models loses them in ``pre_save`` -- one place that
covers the admin forms, the spreadsheet import and ``load_content`` (fixtures are saved
raw, but ``pre_save`` still runs). Multi-line Markdown bodies are left as written.
"""

from django.db import models

BIDI_CONTROLS = dict.fromkeys(
    [0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def strip_bidi(value):
    return value.translate(BIDI_CONTROLS) if isinstance(value, str) else value


def strip_bidi_controls(sender, instance, raw=False, **kwargs):
    if sender._meta.app_label != "relations":
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField) and not field.choices:
            value = getattr(instance, field.attname)
            cleaned = strip_bidi(value)
            if cleaned is not value and cleaned != value:
                setattr(instance, field.attname, cleaned)
