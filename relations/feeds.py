"""Feeds of newly published entries, the events calendar and office vCards.

Feeds carry the newest entries by when they went public (``publish_at``, else
when they were created). The calendar gives every dated event as an all-day
event: a day or a month fills its span, a date known only to its year or decade is a
one-day marker on the first day with its precision in the summary; and, for each
recurring series with no coming edition recorded, the next edition it is expected to
hold, marked as such (TENTATIVE).
"""

import datetime
import heapq
import re

import icalendar
from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .context_processors import site_name
from .dates import Precision, period_end
from .kinds import FEEDS
from .markup import render_markdown
from .models import Event, EventSeries, Office
from .templatetags.site_tags import full_stop

# A number and "." or ")" opening a line: Markdown reads it as an ordered list's item.
LIST_MARKER = re.compile(r"^(\d+)([.)])")

LATEST = 30


def newest(model):
    return (
        model.objects.published()
        .annotate(published_at=Coalesce("publish_at", "created_at"))
        .order_by("-published_at", "-pk")[:LATEST]
    )


class LatestEntriesFeed(Feed):
    """RSS 2.0 of the newest entries, all kinds or one (``/feeds/<kind>/rss/``)."""

    def get_object(self, request, kind=None):
        if kind is not None and kind not in FEEDS:
            raise Http404
        return FEEDS[kind] if kind else None

    def title(self, kind):
        name = site_name()
        return f"{name}: {kind.plural_label}" if kind else name

    def link(self, kind):
        return reverse(kind.list_url_name if kind else "relations:home")

    def description(self, kind):
        return _("Newly published events, agreements and visits.")

    def items(self, kind):
        streams = [newest(each.model) for each in ([kind] if kind else FEEDS.values())]
        merged = heapq.merge(*streams, key=lambda item: item.published_at, reverse=True)
        return list(merged)[:LATEST]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers show the description as HTML: the summary's Markdown sanitised as on
        # the pages, never the editor's raw text.
        # A Russian date ends in "г.": it ends the sentence without a second full stop.
        when = capfirst(item.when)
        text = f"{when}{full_stop(when)} {item.summary}".strip()
        # A date that is a year alone ("1993. The fair ...") would begin an ordered list.
        return render_markdown(LIST_MARKER.sub(r"\1\\\2", text, count=1))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"{type(item).__name__.lower()}:{item.slug}"

    item_guid_is_permalink = False


class LatestEntriesAtomFeed(LatestEntriesFeed):
    feed_type = Atom1Feed
    subtitle = LatestEntriesFeed.description


def calendar_event(uid, summary, start, end, stamp, url="", status="CONFIRMED"):
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("summary", summary)
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    vevent.add("dtstamp", stamp)
    vevent.add("status", status)
    vevent.add("transp", "TRANSPARENT")
    if url:
        vevent.add("url", url)
    return vevent


# A date known only to its year or decade is not a year- or decade-long banner in a calendar
# client: it is a one-day marker on the period's first day, its precision in the summary.
MARKER_PRECISIONS = {Precision.YEAR, Precision.DECADE}


def calendar_span(event):
    """(DTSTART, DTEND, summary) of an event in the calendar."""
    end_precision = event.end_precision or event.date_precision
    if {event.date_precision, end_precision} & MARKER_PRECISIONS:
        if event.end_date is None and event.date_precision == Precision.YEAR:
            known = _("year %(year)s") % {"year": event.date.year}
        else:
            known = event.when  # "1990s", "1970s–1980s", "1993–1995"
        summary = _("%(title)s (%(precision)s)") % {"title": event.title, "precision": known}
        return event.date, event.date + datetime.timedelta(days=1), summary
    return event.date, period_end(event.end_date or event.date, end_precision), event.title


def next_expected_edition(series, editions, today):
    """The one edition a series is next expected to hold, as its page says: none while a
    coming edition is recorded, else the first year from this one on in the cycle of the
    last edition held. Never an "expected" edition in the past."""
    if any(edition.date > today for edition in editions):
        return None
    held = [edition.last_year for edition in editions]
    return series.next_edition_year(max(held, default=None), today.year)


def calendar(request):
    host = request.get_host().split(":")[0]
    now = timezone.now()
    today = timezone.localdate()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Bilateral cooperation//Events calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{site_name()}: {_('Events')}")
    events = Event.objects.published().select_related("series").order_by("date", "pk")
    editions = {}
    for event in events:
        start, end, summary = calendar_span(event)
        url = request.build_absolute_uri(event.get_absolute_url())
        cal.add_component(
            calendar_event(f"event-{event.slug}@{host}", summary, start, end, now, url)
        )
        if event.series_id:
            editions.setdefault(event.series_id, []).append(event)
    for series in EventSeries.objects.published().order_by("name"):
        year = next_expected_edition(series, editions.get(series.pk, []), today)
        if year is None:
            continue
        url = request.build_absolute_uri(series.get_absolute_url())
        name = series.acronym or series.name
        start = datetime.date(year, 1, 1)
        summary = _("%(name)s %(year)s (expected)") % {"name": name, "year": year}
        cal.add_component(
            calendar_event(
                f"series-{series.slug}-{year}@{host}",
                summary,
                start,
                start + datetime.timedelta(days=1),
                now,
                url,
                status="TENTATIVE",
            )
        )
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def vcard_text(value):
    return (
        value.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line):
    """RFC 6350 lines are at most 75 octets; longer ones continue after CRLF and a space."""
    encoded = line.encode()
    parts = []
    while len(encoded) > 75:
        cut = 75
        while cut and (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut])
        encoded = b" " + encoded[cut:]
    parts.append(encoded)
    return b"\r\n".join(parts).decode()


def vcard(request, slug):
    office = get_object_or_404(
        Office.objects.published().select_related("organisation", "country"), slug=slug
    )
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{vcard_text(office.name)}",
        f"ADR;TYPE=work:;;{vcard_text(office.address)};{vcard_text(office.city)};;;{vcard_text(office.country.name)}",
    ]
    if office.organisation.is_public:  # a draft organisation is named nowhere
        lines.insert(3, f"ORG:{vcard_text(office.organisation.name)}")
    if office.phone:
        lines.append(f"TEL;TYPE=work,voice;VALUE=uri:{office.phone_uri}")
    if office.fax:
        lines.append(f"TEL;TYPE=work,fax;VALUE=uri:{office.fax_uri}")
    if office.email:
        lines.append(f"EMAIL;TYPE=work:{office.email}")
    if office.website:
        lines.append(f"URL:{office.website}")
    lines += [f"SOURCE:{request.build_absolute_uri()}", "END:VCARD"]
    body = "\r\n".join(fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{office.slug}.vcf"'
    return response
