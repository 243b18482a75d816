"""Nothing a visitor may not see leaks into any output (issue 16, item 6).

For every kind of publishable entry, four hidden entries are made (a draft, one ready for
review, one scheduled for tomorrow and one whose "unpublish at" has passed), each with the
marker word in its slug and in every language of every translated text field, and each
linked from published entries the way editors link them: a hidden organisation runs a
published office and is one of a published event's organisations, a hidden agreement was
signed during a published visit, a hidden recurring event holds a published event, hidden
events, visits and agreements of the partner country fill its chronology, and so on.

The test then walks every public address in English, Russian and Turkish: the pages found
from the home page, the lists and the sitemap, every feed, the calendar, the vCards, the
API (list and detail, the OpenAPI description) and the CSV/JSON downloads, following every
link it finds. The marker must appear in no body and no header. Filters and searches that
name a hidden entry (its slug, part of its name, the marker word) must answer exactly as
for a value that names nothing, and the hidden entries' own addresses as for an unknown one.
"""

import datetime
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from modeltranslation.translator import translator

from relations import cache as page_cache
from relations.models import (
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

pytestmark = pytest.mark.django_db

MARKER = "leakmark"
UNKNOWN = "nomatchq"  # as long as the marker, found nowhere
LANGUAGES = ("en", "ru", "tr")
STATES = ("draft", "review", "scheduled", "expired")
# How long the walk may grow: far above what the small world below links to.
MAX_URLS = 4_000


def hidden_state(state):
    now = timezone.now()
    return {
        "draft": {"publication": Publication.DRAFT},
        "review": {"publication": Publication.REVIEW},
        "scheduled": {
            "publication": Publication.PUBLISHED,
            "publish_at": now + datetime.timedelta(days=1),
        },
        "expired": {
            "publication": Publication.PUBLISHED,
            "publish_at": now - datetime.timedelta(days=30),
            "unpublish_at": now - datetime.timedelta(hours=1),
        },
    }[state]


PUBLISHED = {"publication": Publication.PUBLISHED}


def on_this_day(today, year):
    """Today's date in ``year`` (28 February for the 29th): the partner page's "on this
    day" lists entries of this day in earlier years."""
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


# Where a field is short, the marker and little else.
SHORT_FIELDS = {"acronym": 50}


def marked_text(model, state, field):
    """{field_en: ..., field_ru: ..., field_tr: ...}, each holding the marker."""
    words = {"en": "hidden", "ru": "скрытый", "tr": "gizli"}
    values = {}
    for language in LANGUAGES:
        if field in SHORT_FIELDS:
            text = f"Leakmark {state[:3]}{language}"
        else:
            text = f"Leakmark {words[language]} {state} {model.__name__.lower()} {field}"
        values[f"{field}_{language}"] = text
    return values


def marked(model, state, **fields):
    """Every translated text field of ``model``, in every language, with the marker."""
    values = {}
    for field in translator.get_options_for_model(model).fields:
        values |= marked_text(model, state, field)
    if hasattr(model, "publication"):
        values |= hidden_state(state)
    values["slug"] = f"{MARKER}-{state}-{model.__name__.lower()}"
    return values | fields


def create(model, m2m=None, **fields):
    entry = model.objects.create(**fields)
    for name, values in (m2m or {}).items():
        getattr(entry, name).set(values)
    return entry


@pytest.fixture
def world(db):
    """Published entries, and for each state one hidden entry of every kind linked to them."""
    today = timezone.localdate()
    turkey = create(Country, name="Testland", slug="testland", iso_code="QT")
    russia = create(Country, name="Homeland", slug="homeland", iso_code="QH")
    create(
        PartnerPage,
        country=turkey,
        title="Cooperation with Testland",
        slug="testland",
        summary="The relations.",
        **PUBLISHED,
    )
    source = create(Source, title="A public source", slug="public-source")
    person = create(Person, name="Anna Public", slug="anna-public")
    create(Role, person=person, title="Foreign minister", date=datetime.date(1990, 1, 1))
    council = create(
        Organisation,
        name="Public council",
        slug="public-council",
        kind="council",
        m2m={"countries": [turkey]},
        **PUBLISHED,
    )
    series = create(
        EventSeries, name="Public fair", slug="public-fair", interval_years=2, **PUBLISHED
    )
    series.first_held, series.first_held_precision = datetime.date(2001, 1, 1), "year"
    series.save()
    hidden = {}
    for n, state in enumerate(STATES):
        # The hidden entries, linked to published ones.
        organisation = create(
            Organisation,
            kind="council",
            parent=council,
            website=f"https://{MARKER}-{state}.example.org/",
            m2m={"countries": [turkey], "sources": [source]},
            **marked(Organisation, state, name=f"Leakmark {state} organisation"),
        )
        agreement = create(
            Agreement,
            kind="treaty",
            signed_on=on_this_day(today, 1995 + n),
            is_key=True,
            text_url=f"https://{MARKER}-{state}.example.org/text",
            m2m={"parties": [russia, turkey]},
            **marked(Agreement, state),
        )
        visit = create(
            Visit,
            person=person,
            origin_country=russia,
            host_country=turkey,
            date=on_this_day(today, 1996 + n),
            level="state",
            **marked(Visit, state),
        )
        event = create(
            Event,
            date=on_this_day(today, 1997 + n),
            series=series,
            m2m={"countries": [turkey], "organisations": [council]},
            **marked(Event, state),
        )
        hidden_series = create(
            EventSeries,
            country=turkey,
            interval_years=1,
            first_held=datetime.date(2000, 1, 1),
            first_held_precision="year",
            m2m={"participants": [council]},
            **marked(EventSeries, state),
        )
        office = create(
            Office,
            organisation=council,
            country=turkey,
            email=f"{MARKER}-{state}@example.org",
            m2m={"represents": [council]},
            **marked(Office, state),
        )
        country = create(Country, name=f"Faraway {n}", slug=f"faraway-{n}", iso_code=f"Q{n}")
        page = create(PartnerPage, country=country, **marked(PartnerPage, state))
        create(Section, page=page, position=1, **marked(Section, state, slug=MARKER))
        create(
            AgreementAction,
            agreement=agreement,
            party=turkey,
            action="signature",
            date=agreement.signed_on,
            signatory=person,
            **marked_text(AgreementAction, state, "note"),
        )
        create(
            CoChair,
            body=organisation,
            person=person,
            country=turkey,
            date=datetime.date(2010, 1, 1),
            **marked_text(CoChair, state, "role"),
        )
        # Published entries that point at the hidden ones.
        create(
            Office,
            name=f"Public office {n}",
            slug=f"public-office-{n}",
            organisation=organisation,
            country=turkey,
            city="Ankara",
            phone="+90 312 418 67 26",
            m2m={"represents": [organisation, council]},
            **PUBLISHED,
        )
        create(
            Organisation,
            name=f"Public body {n}",
            slug=f"public-body-{n}",
            kind="commission",
            parent=organisation,
            founded_by=agreement,
            m2m={"countries": [turkey]},
            **PUBLISHED,
        )
        create(
            Event,
            title=f"Public event {n}",
            slug=f"public-event-{n}",
            date=on_this_day(today, 2001 + n),
            series=hidden_series,
            m2m={"countries": [turkey], "organisations": [organisation, council]},
            **PUBLISHED,
        )
        public_visit = create(
            Visit,
            title=f"Public visit {n}",
            slug=f"public-visit-{n}",
            person=person,
            origin_country=russia,
            host_country=turkey,
            date=on_this_day(today, 2002 + n),
            **PUBLISHED,
        )
        agreement.visit = public_visit
        agreement.save()
        public_agreement = create(
            Agreement,
            title=f"Public agreement {n}",
            slug=f"public-agreement-{n}",
            kind="protocol",
            signed_on=on_this_day(today, 2003 + n),
            visit=visit,
            is_key=True,
            m2m={"parties": [russia, turkey]},
            **PUBLISHED,
        )
        create(
            AgreementAction,
            agreement=public_agreement,
            party=turkey,
            action="signature",
            date=public_agreement.signed_on,
            signatory=person,
        )
        create(
            AgreementLink, from_agreement=public_agreement, to_agreement=agreement, kind="amends"
        )
        create(
            AgreementLink,
            from_agreement=agreement,
            to_agreement=public_agreement,
            kind="supersedes",
        )
        series.participants.add(organisation)
        hidden[state] = {
            "organisation": organisation,
            "agreement": agreement,
            "visit": visit,
            "event": event,
            "series": hidden_series,
            "office": office,
            "page": page,
        }
    return hidden


# ---------------------------------------------------------------------------
# Reading every output


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.found.append(value)


def links_in(response):
    """Addresses an output gives: HTML links, sitemap locations, JSON urls, Link headers."""
    content_type = response.get("Content-Type", "")
    text = body(response)
    found = re.findall(r"<([^>]+)>;\s*rel=", response.get("Link", ""))
    if "html" in content_type:
        parser = Links()
        parser.feed(text)
        found += parser.found
    elif "xml" in content_type:
        found += re.findall(r"<loc>([^<]+)</loc>", text)
        found += re.findall(r'href="([^"]+)"', text)
        found += re.findall(r"<link>([^<]+)</link>", text)
    elif "json" in content_type:
        found += re.findall(r'"(?:url|next)":\s*"([^"]+)"', text)
    elif "calendar" in content_type:
        found += re.findall(r"^URL:(\S+)", text, re.MULTILINE)
    return found


def body(response):
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode("utf-8", "replace")
    # iCalendar and vCard fold long lines: a word may be cut across a fold.
    return content.replace("\r\n ", "").replace("\r\n\t", "")


def internal_path(url, base="/"):
    """The site-relative address of a link (``?page=2`` read against ``base``), or None for
    another site, the admin or files."""
    parts = urlsplit(urljoin(f"http://testserver{base}", url.replace("&amp;", "&")))
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(("/static/", "/admin")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def marker_in(response, text):
    """Where the marker shows in a response: its headers and its body."""
    found = []
    for name, value in response.headers.items():
        if MARKER in f"{name}: {value}".lower():
            found.append(f"header {name}: {value}")
    for match in re.finditer(MARKER, text, re.IGNORECASE):
        found.append(text[max(0, match.start() - 150) : match.end() + 80])
    return found


def get(client, path, language):
    # The API and other addresses without a language prefix read Accept-Language.
    return client.get(path, HTTP_ACCEPT_LANGUAGE=language)


def start_paths(hidden):
    """Every output named in relations/urls.py and config/urls.py, in every language."""
    paths = ["/sitemap.xml", "/robots.txt", "/healthz", "/ping"]
    for language in LANGUAGES:
        # The API's text follows Accept-Language.
        paths += [("/api/", language), ("/api/openapi.json", language)]
        for kind in ("events", "agreements", "visits", "offices", "organisations"):
            paths += [(f"/api/{kind}/", language), (f"/api/{kind}/?page_size=100", language)]
        with translation.override(language):
            names = ("home", "timeline", "search", "feed-rss", "feed-atom", "calendar")
            paths += [reverse(f"relations:{name}") for name in names]
            for kind in ("events", "agreements", "visits"):
                paths += [
                    reverse("relations:kind-feed-rss", args=[kind]),
                    reverse("relations:kind-feed-atom", args=[kind]),
                ]
            for name in ("event", "agreement", "visit", "office", "organisation"):
                url = reverse(f"relations:{name}-list")
                paths += [url, f"{url}?format=csv", f"{url}?format=json"]
            paths += [
                reverse("relations:timeline") + f"?kind={kind}" for kind in ("event", "visit")
            ]
            timeline = reverse("relations:timeline")
            # The years and decades the hidden entries are in, which hold no published one.
            paths += [f"{timeline}?country=testland", f"{timeline}?decade=1990"]
            for name in ("event", "agreement", "visit"):
                url = reverse(f"relations:{name}-list")
                paths += [f"{url}?year=1997", f"{url}?sort=title", f"{url}?country=testland"]
            paths.append(reverse("relations:search") + "?q=Public")
            paths += [
                Office.objects.get(slug=f"public-office-{n}").get_absolute_url() + "vcard.vcf"
                for n in range(len(STATES))
            ]
            paths += [
                reverse("relations:person-detail", args=["anna-public"]),
                reverse("relations:series-detail", args=["public-fair"]),
            ]
    return paths


def walk(client, paths):
    """Every address reachable from ``paths``: {path: (language, response, text)}."""
    queue = [path if isinstance(path, tuple) else (path, "en") for path in paths]
    seen = {}
    while queue:
        path, language = queue.pop(0)
        prefix = path.split("/")[1]
        language = prefix if prefix in LANGUAGES else language
        if (path, language) in seen:
            continue
        assert len(seen) < MAX_URLS, "the walk does not end: a link grows without bound"
        response = get(client, path, language)
        text = body(response)
        seen[path, language] = (response, text)
        if response.status_code in (301, 302):
            queue.append((internal_path(response["Location"]), language))
            continue
        for link in links_in(response):
            target = internal_path(link, path)
            if target:
                # API addresses are read in each language: their text follows the request's.
                for other in LANGUAGES if target.startswith("/api/") else (language,):
                    if (target, other) not in seen:
                        queue.append((target, other))
    return seen


def test_no_output_in_any_language_shows_a_hidden_entry(client, world):
    pages = walk(client, start_paths(world))
    leaks = {
        f"{language} {path} ({response.status_code})": found
        for (path, language), (response, text) in pages.items()
        if (found := marker_in(response, text))
    }
    assert not leaks, "\n".join(leaks) + json.dumps(leaks, ensure_ascii=False, indent=1)[:20_000]
    # Nor does the shared cache's Surrogate-Key name a hidden entry ("organisation-17"): a
    # site without Varnish in front, which removes the header, would say it exists.
    hidden_keys = {
        page_cache.entry_key(type(entry), entry.pk)
        for entries in world.values()
        for entry in entries.values()
    }
    tagged = [response for response, _text in pages.values() if "Surrogate-Key" in response]
    assert len(tagged) > 100
    named = {
        f"{language} {path}": keys
        for (path, language), (response, _text) in pages.items()
        if (keys := hidden_keys & set(response.get("Surrogate-Key", "").split()))
    }
    assert not named
    errors = [
        f"{language} {path} {response.status_code}"
        for (path, language), (response, _text) in pages.items()
        if response.status_code >= 500
    ]
    assert not errors
    # The walk did reach every kind of page, feed, download and API answer.
    reached = " ".join(path for path, _language in pages)
    for piece in (
        "/events/public-event-0/",
        "/agreements/public-agreement-3/",
        "/visits/public-visit-2/",
        "/offices/public-office-1/",
        "/organisations/public-body-0/",
        "/organisations/public-council/",
        "/series/public-fair/",
        "/countries/testland/",
        "/people/anna-public/",
        "/sitemap-event.xml",
        "/sitemap-person.xml",
        "/api/offices/",
        "vcard.vcf",
        "calendar.ics",
        "format=csv",
        "/feeds/visits/atom/",
    ):
        assert piece in reached, piece
    assert len(pages) > 250


def unknown_for(text):
    """``text`` with the marker swapped for a word of the same length that names nothing."""
    return re.sub(MARKER, UNKNOWN, text, flags=re.IGNORECASE)


def answers_alike(client, path, language):
    """The answer to ``path``, which names hidden entries by the marker, must be the answer
    to the same address naming nothing, once the words asked for are swapped back (a search
    page shows the words it was asked for). The unknown answer cannot hold hidden text, so
    any hidden entry found, counted or linked makes the two differ."""
    named = get(client, path, language)
    unknown = get(client, unknown_for(path), language)
    assert named.status_code == unknown.status_code, path
    assert unknown_for(body(named)) == body(unknown), path
    for name, value in named.headers.items():
        if name not in ("Content-Length", "ETag"):
            assert unknown_for(value) == unknown.get(name), (path, name)
    return named


def filter_paths(hidden):
    """Lists, downloads, API lists and searches with filters naming hidden entries."""
    queries = []
    for state, entries in hidden.items():
        slug = entries["organisation"].slug
        name = entries["organisation"].name_en
        for value in (slug, name, f"Leakmark {state}"):
            queries += [
                ("event", "organisation", value),
                ("event", "body", value),
                ("office", "organisation", value),
            ]
    queries += [
        (kind, "q", MARKER) for kind in ("event", "agreement", "visit", "office", "organisation")
    ]
    paths = []
    for kind, name, value in queries:
        query = urlencode({name: value})
        paths.append(f"/api/{kind}s/?{query}")
        for language in LANGUAGES:
            with translation.override(language):
                url = reverse(f"relations:{kind}-list")
            paths += [f"{url}?{query}", f"{url}?{query}&format=csv", f"{url}?{query}&format=json"]
    return paths


def test_filters_naming_a_hidden_entry_answer_as_for_an_unknown_one(client, world):
    for path in filter_paths(world):
        prefix = path.split("/")[1]
        for language in LANGUAGES if prefix == "api" else (prefix,):
            answers_alike(client, path, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_searching_for_a_hidden_entry_finds_and_counts_nothing(client, world, language):
    with translation.override(language):
        url = reverse("relations:search")
    kinds = [
        "",
        "partner-pages",
        "agreements",
        "events",
        "visits",
        "recurring-events",
        "organisations",
        "offices",
        "people",
    ]
    for kind in kinds:
        for words in (MARKER, f"{MARKER} hidden", "Leakmark скрытый", "Leakmark gizli"):
            query = urlencode({"q": words, "kind": kind} if kind else {"q": words})
            response = answers_alike(client, f"{url}?{query}", language)
            assert not response.context["results"]
            assert not response.context["counts"]
    response = client.get(url, {"q": "Public"})
    assert response.context["counts"], "search finds the published entries"


def hidden_addresses(hidden):
    """The hidden entries' own addresses: pages, vCards and API details."""
    api_kinds = {
        "organisation": "organisations",
        "agreement": "agreements",
        "visit": "visits",
        "event": "events",
        "office": "offices",
    }
    paths = []
    for entries in hidden.values():
        for name, entry in entries.items():
            for language in LANGUAGES:
                with translation.override(language):
                    paths.append((entry.get_absolute_url(), language))
                    if name == "office":
                        paths.append((entry.get_absolute_url() + "vcard.vcf", language))
            if name in api_kinds:
                for language in LANGUAGES:
                    paths.append((f"/api/{api_kinds[name]}/{entry.slug}/", language))
    return paths


def test_a_hidden_entrys_own_address_answers_as_an_unknown_one(client, world):
    for path, language in hidden_addresses(world):
        response = answers_alike(client, path, language)
        assert response.status_code == 404, path


def test_the_world_holds_what_the_walk_must_not_show(world):
    """The hidden entries exist, are linked, and carry the marker in every language."""
    assert len(world) == len(STATES)
    for entries in world.values():
        for entry in entries.values():
            assert not entry.is_public
            for language in LANGUAGES:
                with translation.override(language):
                    assert MARKER in str(entry).lower()
    for kind in (Event, Agreement, Office, Organisation, EventSeries, PartnerPage):
        assert kind.objects.published().exists(), kind
        assert not kind.objects.published().filter(slug__contains=MARKER).exists(), kind


def test_publishing_a_hidden_organisation_still_bans_the_page_that_will_show_it(client, world):
    """The office page does not carry its hidden organisation's key, and needs not: the
    organisation's publication bans the pages of everything linked to it."""
    organisation = world["draft"]["organisation"]
    office = Office.objects.get(organisation=organisation)
    keys = set(client.get(office.get_absolute_url())["Surrogate-Key"].split())
    assert page_cache.entry_key(Organisation, organisation.pk) not in keys
    organisation.publication = Publication.PUBLISHED
    assert page_cache.entry_key(Office, office.pk) in keys & page_cache.changed_keys(organisation)
