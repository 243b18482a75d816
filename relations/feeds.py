"""Feeds of newly published entries, the events calendar and office vCards.

Feeds carry the newest entries by when they went public (``publish_at``, else
when they were created). The calendar gives every dated event as an all-day
event spanning its precision (a month-precision event fills its month) and the
editions that recurring series are due to hold, up to next year, marked as
expected where no edition is recorded.
"""

import datetime
import heapq

import icalendar
from django.contrib.syndication.views import Feed
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .context_processors import site_name
from .dates import Precision
from .kinds import FEEDS
from .markup import render_markdown
from .models import Event, EventSeries, Office

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
        return render_markdown(f"{item.when}. {item.summary}".strip())

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


def period_end(start, precision):
    """The day after the period that starts on ``start``: DTEND is exclusive."""
    if precision == Precision.DAY:
        return start + datetime.timedelta(days=1)
    if precision == Precision.MONTH:
        return (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    if precision == Precision.YEAR:
        return start.replace(year=start.year + 1)
    return start.replace(year=start.year + 10)


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


def expected_editions(series, recorded_years, until_year):
    """Years a series is due to be held, from its first edition to ``until_year``, unrecorded."""
    if not (series.interval_years and series.first_held):
        return []
    years = range(series.first_held.year, until_year + 1, series.interval_years)
    return [year for year in years if year not in recorded_years]


def calendar(request):
    host = request.get_host().split(":")[0]
    now = timezone.now()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Bilateral cooperation//Events calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{site_name()}: {_('Events')}")
    events = Event.objects.published().select_related("series").order_by("date", "pk")
    recorded = {}
    for event in events:
        last_start = event.end_date or event.date
        end = period_end(last_start, event.end_precision or event.date_precision)
        url = request.build_absolute_uri(event.get_absolute_url())
        cal.add_component(
            calendar_event(f"event-{event.slug}@{host}", event.title, event.date, end, now, url)
        )
        if event.series_id:
            recorded.setdefault(event.series_id, set()).add(event.date.year)
    for series in EventSeries.objects.published().order_by("name"):
        url = request.build_absolute_uri(series.get_absolute_url())
        name = series.acronym or series.name
        for year in expected_editions(series, recorded.get(series.pk, set()), now.year + 1):
            start = datetime.date(year, 1, 1)
            summary = _("%(name)s %(year)s (expected)") % {"name": name, "year": year}
            cal.add_component(
                calendar_event(
                    f"series-{series.slug}-{year}@{host}",
                    summary,
                    start,
                    period_end(start, Precision.YEAR),
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
        f"ORG:{vcard_text(office.organisation.name)}",
        f"ADR;TYPE=work:;;{vcard_text(office.address)};{vcard_text(office.city)};;;{vcard_text(office.country.name)}",
    ]
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
