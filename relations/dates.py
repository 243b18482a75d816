"""Dates known to a day, a month, a year or a decade.

The seed speaks of "June 2, 1920", "April 1994", "1992" and "the 1930s". We
store such a date as the first day of its period plus a precision, so it sorts
and filters like any date, and we never show a day nobody recorded.
"""

import datetime

from django.db import models
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Turkish plural suffixes follow the last vowel of the spoken number (vowel harmony):
# otuz → 1930'lar, yetmiş → 1970'ler. Keyed by the decade's tens digit; 00 ends in
# "yüz" or "bin", both -ler.
TURKISH_DECADE_SUFFIX = {
    0: "ler",
    1: "lar",
    2: "ler",
    3: "lar",
    4: "lar",
    5: "ler",
    6: "lar",
    7: "ler",
    8: "ler",
    9: "lar",
}


class Precision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")
    DECADE = "decade", _("Decade")


def period_start(value, precision):
    """The first day of the period that contains ``value`` at ``precision``."""
    if precision == Precision.MONTH:
        return value.replace(day=1)
    if precision == Precision.YEAR:
        return value.replace(month=1, day=1)
    if precision == Precision.DECADE:
        return datetime.date(value.year - value.year % 10, 1, 1)
    return value


def last_year(value, precision):
    """The last calendar year a date at this precision may stand for."""
    return value.year + 9 if precision == Precision.DECADE else value.year


def precision_error(value, precision):
    """A message for an editor when ``value`` is more exact than ``precision`` says."""
    start = period_start(value, precision)
    if start == value:
        return None
    message = _(
        "With precision “%(precision)s”, give the first day of the period: "
        "%(start)s, not %(value)s."
    )
    return message % {
        "precision": Precision(precision).label,
        "start": start.isoformat(),
        "value": value.isoformat(),
    }


def format_date(value, precision):
    """'2 June 1920', 'April 1994', '1992' or '1930s', in the active language."""
    if value is None:
        return ""
    if precision == Precision.DECADE:
        if (get_language() or "").startswith("tr"):
            return f"{value.year}'{TURKISH_DECADE_SUFFIX[value.year // 10 % 10]}"
        return _("%(decade)ss") % {"decade": value.year}
    if precision == Precision.YEAR:
        return str(value.year)
    if precision == Precision.MONTH:
        text = formats.date_format(value, "YEAR_MONTH_FORMAT")
        if (get_language() or "").startswith("ru"):
            # Django names the month in the nominative with a capital ("Апрель 1994 г."), as
            # for a calendar heading; inside a phrase Russian writes it lower-case. Where a
            # date opens a line, the template capitalises it (|capfirst).
            text = text[:1].lower() + text[1:]
        return text
    return formats.date_format(value, "DATE_FORMAT")


def format_range(start, start_precision, end=None, end_precision=None):
    """A date or a span: '1970s–1980s', '5–6 December 2004', 'May 1992'."""
    first = format_date(start, start_precision)
    if end is None:
        return first
    both_decades = start_precision == end_precision == Precision.DECADE
    if both_decades and not (get_language() or "").startswith("tr"):
        # "1970s–1980s" in English, "1970–1980-е годы" in Russian.
        return _("%(start)ss–%(end)ss") % {"start": start.year, "end": end.year}
    if start_precision == end_precision == Precision.DAY and (start.year, start.month) == (
        end.year,
        end.month,
    ):
        return f"{start.day}–{format_date(end, end_precision)}"
    return f"{first}–{format_date(end, end_precision)}"


def iso_date(value, precision):
    """'2004-12-05', '1994-04', '1992' or, for the 1930s, '1930': ISO 8601 at the precision
    we know, for ``<time datetime>`` and JSON-LD. A decade is its first year; the text
    beside it says "1930s"."""
    if value is None:
        return None
    if precision == Precision.DAY:
        return value.isoformat()
    if precision == Precision.MONTH:
        return value.strftime("%Y-%m")
    return str(value.year)
