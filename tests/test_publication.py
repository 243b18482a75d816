"""A publication a reader can trust and cite (#17, the items left after session 13).

Agreement statuses say what is known; Russian and Turkish read as their own official
usage; the About page says what the site is and how to cite it; the furniture
(typeface, breadcrumbs, header, footer) is that of a reference site.
"""

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from relations.models import Agreement

from .test_reading import visible_text

LANGUAGES = ("en", "ru", "tr")
LATER_STEPS = {
    "en": "Signed (later steps not recorded)",
    "ru": "Подписано (дальнейшие шаги не отмечены)",
    "tr": "İmzalandı (sonraki adımlar kayıtlı değil)",
}


def get(client, name, language, **kwargs):
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def text_of(html):
    return " ".join(visible_text(html).split())


# Item 1: "Signed" alone, where nothing later is recorded, reads as if nothing followed.


def statuses(html):
    """The text of every status shown beside an agreement."""
    return [
        " ".join(visible_text(span).split())
        for span in re.findall(r'<span class="status[ "][^>]*>(.*?)</span>', html, re.S)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("relations:home", {}),
        ("relations:agreement-list", {}),
        ("relations:partner-detail", {"slug": "turkey"}),
        ("relations:visit-detail", {"slug": "vladimir-putin-state-visit-2004"}),
        ("relations:agreement-detail", {"slug": "treaty-of-brotherhood-1921"}),
    ],
)
def test_every_status_shown_says_later_steps_are_not_recorded(client, seed, language, name, kwargs):
    # Every seed agreement is signed, with nothing later recorded.
    shown = statuses(get(client, name, language, **kwargs))
    assert shown, (language, name)
    assert set(shown) == {LATER_STEPS[language]}, (language, name, shown)


def test_json_ld_does_not_claim_a_signed_agreement_is_not_in_force(client, seed):
    for agreement in Agreement.objects.published():
        html = get(client, "relations:agreement-detail", "en", slug=agreement.slug)
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert data, agreement.slug
        assert "legislationLegalForce" not in json.loads(data.group(1)), agreement.slug


# Item 2: "since …" said of a role, a founding and a series are three phrases in Russian
# and Turkish, each with its own context.

SINCE = {
    # (context, language): the phrase around the date
    ("role", "ru"): "дата вступления в должность: 20 ноября 1991 г.",
    ("role", "tr"): "20 Kasım 1991 tarihinden bu yana görevde",
    ("founded", "ru"): "дата создания: май 2001 г.",
    ("founded", "tr"): "kuruluş: Mayıs 2001",
    ("series", "ru"): "первое проведение: 1993",
    ("series", "tr"): "ilk düzenlenme: 1993",
}


@pytest.mark.parametrize("language", ("ru", "tr"))
def test_a_role_held_since_a_date_is_not_a_founding(client, seed, language):
    from relations.models import Person, Role

    person = Person.objects.get(slug="boris-yeltsin")
    Role.objects.create(
        person=person, title="President of the Russian Federation", date="1991-11-20"
    )
    text = text_of(get(client, "relations:person-detail", language, slug=person.slug))
    assert SINCE["role", language] in text
    assert "дата создания" not in text


@pytest.mark.parametrize("language", ("ru", "tr"))
def test_a_founding_and_a_series_say_since_in_their_own_words(client, seed, language):
    text = text_of(get(client, "relations:organisation-list", language))
    assert SINCE["founded", language] in text
    hub = text_of(get(client, "relations:partner-detail", language, slug="turkey"))
    assert SINCE["founded", language] in hub
    series = text_of(get(client, "relations:series-detail", language, slug="idef"))
    assert SINCE["series", language] in series


# Item 3: every fact in the fixture comes from a source cited on its entry. The seed-only
# entries are listed in tests/test_fixture_sources.py; here, the entries that cite more,
# field by field with the source that gives it, and checks on the text the tables leave
# free (every number in a seed-only entry's text, in every language, is the seed's).

from .test_fixture_sources import SEED, SEED_FACTS, entries, facts, key  # noqa: E402

MFA_2009 = "mfa-joint-declaration-2009"
ARMRADIO, DUNYA = "armradio-medvedev-visit-2010", "dunya-strategic-partnership-2010"
# The editors' classification of an entry (its kind, sphere, level and status, derived
# from the recorded signatures), not a fact a source states.
FILED = "filed"

# For each entry citing a source besides the seed: each field, with its value where it
# is a date, a number or a choice, and the source that gives it.
SOURCED_FACTS = {
    ("person", "dmitry-medvedev"): {"name": (ARMRADIO, ...)},
    ("person", "suleyman-demirel"): {"name": (SEED, ...)},
    ("organisation", "high-level-cooperation-council"): {
        "name": (SEED, "High-Level Russian-Turkish Cooperation Council"),
        "kind": (FILED, "council"),
        "countries": (SEED, [["russia"], ["turkey"]]),
        "description": (SEED, ...),
        "founded": (DUNYA, "2010-05-01"),
        "founded_precision": (DUNYA, "month"),
        "founding_note": (ARMRADIO, ...),
    },
    ("visit", "dmitry-medvedev-visit-2010"): {
        "title": (ARMRADIO, ...),
        "summary": (DUNYA, ...),
        "person": (ARMRADIO, ["dmitry-medvedev"]),
        "role": (ARMRADIO, "President of the Russian Federation"),
        "origin_country": (ARMRADIO, ["russia"]),
        "host_country": (ARMRADIO, ["turkey"]),
        "place": (DUNYA, "Ankara"),
        "date": (ARMRADIO, "2010-05-11"),
        "date_precision": (ARMRADIO, "day"),
        "end_date": (ARMRADIO, "2010-05-12"),
        "end_precision": (ARMRADIO, "day"),
        "level": (ARMRADIO, "official"),
    },
    ("visit", "recep-tayyip-erdogan-visit-2014"): {
        "title": (SEED, ...),
        "summary": (SEED, ...),
        "person": (SEED, ["recep-tayyip-erdogan"]),
        "role": (SEED, "Prime Minister of Turkey"),
        "origin_country": (SEED, ["turkey"]),
        "host_country": (SEED, ["russia"]),
        "place": ("kremlin-erdogan-sochi-2014", "Sochi"),
        "date": (SEED, "2014-02-07"),
        "date_precision": (SEED, "day"),
        "level": ("kremlin-erdogan-sochi-2014", "meeting"),
    },
    ("visit", "recep-tayyip-erdogan-visit-2017"): {
        "title": (SEED, ...),
        "summary": (SEED, ...),
        "person": (SEED, ["recep-tayyip-erdogan"]),
        "role": (SEED, "President of the Republic of Turkey"),
        "origin_country": (SEED, ["turkey"]),
        "host_country": (SEED, ["russia"]),
        "place": ("sputnik-erdogan-moscow-2017", "Moscow"),
        "date": (SEED, "2017-03-09"),
        "date_precision": (SEED, "day"),
        "level": (FILED, "other"),
    },
    # The 1921 treaty's title, aliases and place are another helper's (typo7): its place
    # comes from the MFA's centenary statement, the rest as for any key document.
    ("agreement", "treaty-of-brotherhood-1921"): {
        "title": (SEED, ...),
        # Its other names (typo7's alias field, whatever it is called): any source it cites.
        **{name: (None, ...) for name in ("alias", "aliases", "other_names", "also_known_as")},
        "summary": ("mfa-moscow-treaty-centenary", ...),
        "kind": (FILED, "treaty"),
        "signed_on": (SEED, "1921-03-16"),
        "signed_precision": (SEED, "day"),
        "place": ("wikipedia-treaty-of-moscow-1921", "Moscow"),
        "place_country": ("wikipedia-treaty-of-moscow-1921", ["russia"]),
        "parties": (SEED, [["russia"], ["turkey"]]),
        "status": (FILED, "signed"),
        "sphere": (FILED, "political"),
        "is_key": (SEED, True),
    },
    ("agreement", "treaty-on-principles-of-relations-1992"): {
        "title": (SEED, ...),
        "summary": (SEED, ...),
        "kind": (FILED, "treaty"),
        "signed_on": (SEED, "1992-05-25"),
        "signed_precision": (SEED, "day"),
        "parties": (SEED, [["russia"], ["turkey"]]),
        "status": (FILED, "signed"),
        "sphere": (FILED, "political"),
        "is_key": (SEED, True),
    },
    ("agreement", "joint-declaration-2004"): {
        "title": (SEED, ...),
        "summary": (SEED, ...),
        "kind": (FILED, "joint-declaration"),
        # The seed dates the visit (5 December); the 2009 declaration dates this one.
        "signed_on": (MFA_2009, "2004-12-06"),
        "signed_precision": (MFA_2009, "day"),
        "parties": (SEED, [["russia"], ["turkey"]]),
        "status": (FILED, "signed"),
        "sphere": (FILED, "political"),
        "visit": (SEED, ["vladimir-putin-state-visit-2004"]),
    },
    ("agreement", "joint-declaration-2009"): {
        "title": (SEED, ...),
        "summary": (SEED, ...),
        "kind": (FILED, "joint-declaration"),
        "signed_on": (SEED, "2009-02-13"),
        "signed_precision": (SEED, "day"),
        "place": (MFA_2009, "Moscow"),
        "place_country": (MFA_2009, ["russia"]),
        "parties": (SEED, [["russia"], ["turkey"]]),
        "status": (FILED, "signed"),
        "sphere": (FILED, "political"),
        "is_key": (SEED, True),
    },
}


def cited(entry):
    return [slug for (slug,) in entry["fields"].get("sources", [])]


def with_sources_besides_the_seed():
    return [entry for entry in entries() if set(cited(entry)) - {SEED}]


@pytest.mark.parametrize(
    "entry", with_sources_besides_the_seed(), ids=lambda entry: "/".join(key(entry))
)
def test_each_fact_of_an_entry_with_more_sources_names_a_source_it_cites(entry):
    assert key(entry) in SOURCED_FACTS, f"{key(entry)}: list its facts and their sources"
    table = SOURCED_FACTS[key(entry)]
    given = facts(entry["fields"])
    unlisted = set(given) - set(table)
    assert not unlisted, f"{key(entry)}: no source named for {sorted(unlisted)}"
    for name, (source, value) in table.items():
        if name not in given:
            continue
        if source is None:
            assert set(cited(entry)) - {SEED}, (key(entry), name)
        else:
            assert source == FILED or source in cited(entry), (key(entry), name, source)
        if value is not ...:
            assert given[name] == value, (key(entry), name)


def test_the_table_of_sourced_facts_names_only_entries_of_the_fixture():
    assert set(SOURCED_FACTS) >= {key(entry) for entry in with_sources_besides_the_seed()}
    assert not set(SOURCED_FACTS) & set(SEED_FACTS)


# Every number the seed text says (its dates, counts and the office's phone and fax).
SEED_NUMBERS = set(
    [
        "2",
        "5",
        "7",
        "9",
        "12",
        "13",
        "16",
        "25",
        "26",
        "36",
        "60",
        "67",
        "87",
        "100",
        "418",
        "425",
        "1920",
        "1921",
        "1930",
        "1970",
        "1980",
        "1992",
        "1993",
        "1994",
        "2001",
        "2004",
        "2009",
        "2014",
        "2017",
        "90312",
    ]
)
SEED_TEXT = Path("/work/shared/seeds/cooperation-with-turkey.txt")


@pytest.mark.skipif(not SEED_TEXT.exists(), reason="the seed text is not in the repository")
def test_the_seeds_numbers_are_those_of_the_seed_text():
    assert set(re.findall(r"\d+", SEED_TEXT.read_text())) == SEED_NUMBERS


# Fields that are not prose: dates and numbers already pinned by the tables above.
NOT_PROSE = {"date", "end_date", "signed_on", "founded", "first_held", "relations_established"}


def prose(fields):
    for name, value in fields.items():
        base = re.sub(r"_(en|ru|tr)$", "", name)
        if isinstance(value, str) and base not in NOT_PROSE and not name.endswith("_at"):
            yield name, value


def test_no_seed_only_entry_says_a_number_the_seed_does_not():
    """A day, a year or a count in any language's text of a seed-only entry is the seed's
    (the tables leave prose free: this is what keeps a translation from adding a date)."""
    numbers = SEED_NUMBERS
    for entry in entries():
        model = entry["model"]
        if model == "relations.source":
            continue
        # Sections and the page's parts have no sources of their own: the page's is the seed.
        if cited(entry) not in ([SEED], []):
            continue
        for name, text in prose(entry["fields"]):
            extra = set(re.findall(r"\d+", text)) - numbers
            assert not extra, (key(entry), name, sorted(extra))


def test_the_seed_records_signatures_only():
    # The seed says when documents were signed, never that one was ratified or in force.
    for entry in entries():
        if entry["model"] == "relations.agreementaction":
            assert entry["fields"]["action"] == "signature", entry["fields"]["agreement"]


# Item 4: official titles in each language's own usage.


def fixture_entry(slug, model="relations.agreement"):
    return next(
        entry["fields"]
        for entry in entries()
        if entry["model"] == model and entry["fields"].get("slug") == slug
    )


def test_russian_titles_name_the_russian_party_first():
    for entry in entries():
        fields = entry["fields"]
        for name in ("title_ru", "name_ru"):
            text = fields.get(name) or ""
            russian = re.search(r"Росси|Российск", text, re.I)
            turkish = re.search(r"Турци|Турецк", text, re.I)
            if entry["model"] != "relations.source" and russian and turkish:
                assert russian.start() < turkish.start(), (key(entry), text)


def test_turkish_titles_follow_turkish_usage():
    for entry in entries():
        if entry["model"] == "relations.source":
            continue  # a source keeps the title its publisher gave it
        for name, text in entry["fields"].items():
            if not name.endswith("_tr") or not isinstance(text, str):
                continue
            assert "Rus-Türk" not in text, (key(entry), name)
            assert "Hükümeti Başkanı" not in text, (key(entry), name)  # Başbakan
            if name in ("title_tr", "name_tr"):
                turkish, russian = text.find("Türk"), text.find("Rus")
                if turkish >= 0 and russian >= 0:
                    assert turkish < russian, (key(entry), text)


def test_the_1921_treaty_goes_by_its_usual_names():
    treaty = fixture_entry("treaty-of-brotherhood-1921")
    assert treaty["title_ru"].startswith("Договор о дружбе и братстве")
    assert "Московский договор" in treaty["summary_ru"]
    assert treaty["title_tr"] == "Moskova Antlaşması"
    assert "Dostluk ve Kardeşlik Antlaşması" in treaty["summary_tr"]


# A title in Russian or Turkish that is not the seed's (English) words translated is the
# document's official title, as a source cited on the entry gives it.
RIA = "ria-russia-turkey-relations"
MFA_TR = "mfa-ortak-deklarasyon-2009"
OFFICIAL_TITLES = {
    ("joint-declaration-2004", "ru"): (
        RIA,
        "Совместная декларация об углублении дружбы и многопланового партнерства между "
        "Российской Федерацией и Турецкой Республикой",
    ),
    ("joint-declaration-2004", "tr"): (
        MFA_TR,
        "Türkiye Cumhuriyeti ile Rusya Federasyonu Arasında Dostluğun ve Çok Boyutlu "
        "Ortaklığın Derinleştirilmesine İlişkin Ortak Deklarasyon",
    ),
    ("joint-declaration-2009", "ru"): (
        "cntd-joint-declaration-2009",
        "Совместная декларация о продвижении к новому этапу отношений между Российской "
        "Федерацией и Турецкой Республикой и дальнейшем углублении дружбы и многопланового "
        "партнерства",
    ),
    ("treaty-on-principles-of-relations-1992", "tr"): (
        MFA_TR,
        "Türkiye Cumhuriyeti ile Rusya Federasyonu Arasındaki İlişkilerin Esasları Hakkındaki "
        "Antlaşma",
    ),
    ("joint-declaration-2009", "tr"): (
        MFA_TR,
        "Türkiye Cumhuriyeti ile Rusya Federasyonu Arasındaki İlişkilerin Yeni Bir Aşamaya "
        "Doğru İlerlemesi ve Dostluğun ve Çok Boyutlu Ortaklığın Daha da Derinleştirilmesine "
        "İlişkin Ortak Deklarasyon",
    ),
}


@pytest.mark.parametrize(("slug", "language"), sorted(OFFICIAL_TITLES))
def test_an_official_title_is_the_one_its_cited_source_gives(slug, language):
    source, title = OFFICIAL_TITLES[slug, language]
    entry = fixture_entry(slug)
    assert entry[f"title_{language}"] == title
    assert [source] in entry["sources"], (slug, source)


# A source's title is the headline its publisher gave it, read on the page; where the
# stored copy shows none, a description in square brackets (as a bibliography does for an
# untitled item), never a headline made up. Sputnik's report of 14 March 2017 is stored
# without its headline.
DESCRIBED_SOURCES = {"sputnik-erdogan-moscow-2017"}


def test_a_source_without_a_known_headline_is_described_in_brackets():
    for entry in entries():
        if entry["model"] != "relations.source":
            continue
        fields = entry["fields"]
        for language in LANGUAGES:
            title = fields[f"title_{language}"]
            bracketed = title.startswith("[") and title.endswith("]")
            assert bracketed == (fields["slug"] in DESCRIBED_SOURCES), (fields["slug"], title)


def test_demirel_is_basbakan_in_turkish(client, seed):
    html = get(client, "relations:visit-detail", "tr", slug="suleyman-demirel-moscow-1992")
    assert "Türkiye Başbakanı" in text_of(html)


# Item 5: a publication, not a prototype.


def main_text(html):
    return text_of(html.split('<main id="content"', 1)[1].split(">", 1)[1].split("</main>", 1)[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_says_what_the_site_is_who_publishes_it_and_its_partners(
    client, seed, settings, language
):
    settings.SITE_PUBLISHER = "The Example Institute"
    html = get(client, "relations:home", language)
    text = main_text(html)
    assert "The Example Institute" in text
    with translation.override(language):
        from relations.models import PartnerPage

        for partner in PartnerPage.objects.published():
            assert f'href="{partner.get_absolute_url()}"' in html
            assert partner.title in text
        about = reverse("relations:about")
    assert f'href="{about}"' in html


def test_the_home_page_is_not_a_copy_of_the_partner_page(client, seed):
    home = main_text(get(client, "relations:home", "en"))
    partner = main_text(get(client, "relations:partner-detail", "en", slug="turkey"))
    assert home != partner
    # The partner page's narrative is on the partner page only.
    assert "broad treaty legal framework" in partner
    assert "broad treaty legal framework" not in home


def entry_links(html):
    """How often each event, agreement and visit is linked, the "on this day" box aside."""
    html = re.sub(r'<section class="on-this-day".*?</section>', "", html, flags=re.S)
    links = re.findall(r'href="(/en/(?:events|agreements|visits)/[\w-]+/)"', html)
    return {link: links.count(link) for link in links}


def test_the_partner_page_shows_each_entry_once(client, seed):
    html = get(client, "relations:partner-detail", "en", slug="turkey")
    links = entry_links(html)
    assert len(links) >= 10  # the chronology names them all
    assert {link: count for link, count in links.items() if count > 1} == {}
    # The key documents are marked in the chronology rather than listed twice.
    assert text_of(html).count("Key document") == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_about_page_covers_sources_dates_and_citing(client, seed, language):
    html = get(client, "relations:about", language)
    for anchor in ("coverage", "sources", "dates", "cite"):
        assert f'id="{anchor}"' in html
    text = main_text(html)
    from relations.models import Source

    for source in Source.objects.all():  # every seed source is cited by something public
        with translation.override(language):
            assert source.title in text, source.slug
    assert "http://roe.ru/eng/export/turtsiya/" in html
    # The dates are shown at each precision, in the page's language, with their ISO form.
    for machine in ("1920-06-02", "1992-05", "1993"):
        assert f'<time datetime="{machine}">' in html
    assert {"en": "May 1992", "ru": "Май 1992 г.", "tr": "Mayıs 1992"}[language] in text
    assert LATER_STEPS[language] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_about_page_says_how_the_api_and_downloads_give_a_date(client, seed, language):
    """The About page describes the API's dates as the API gives them: a date and its
    precision beside it (May 1992 is 1992-05-01 with "month"), not as a shortened ISO
    date it does not send."""
    with translation.override(language):
        visit = reverse("api:visits-detail", kwargs={"slug": "suleyman-demirel-moscow-1992"})
        csv = reverse("relations:visit-list") + "?format=csv"
    data = client.get(visit).json()
    assert (data["date"], data["date_precision"]) == ("1992-05-01", "month")
    assert "1992-05-01,month," in b"".join(client.get(csv).streaming_content).decode()
    text = main_text(get(client, "relations:about", language))
    assert "1992-05-01" in text and "date_precision" in text
    assert "the API and the downloads carry the same precision" not in text


def test_the_about_page_names_no_source_of_a_draft(client, seed):
    from relations.models import Event, Publication, Source

    secret = Source.objects.create(slug="secret-memo", title="A secret memo", publisher="Nobody")
    draft = Event.objects.filter(slug="idef-1993").get()
    draft.pk = None
    draft.slug = "a-draft"
    draft.publication = Publication.DRAFT
    draft.save()
    draft.sources.add(secret)
    assert "A secret memo" not in get(client, "relations:about", "en")
    published = Event.objects.get(slug="idef-1993")
    published.sources.add(secret)
    assert "A secret memo" in get(client, "relations:about", "en")


DETAIL_PAGES = [
    ("relations:agreement-detail", "treaty-of-brotherhood-1921", "relations:agreement-list"),
    ("relations:event-detail", "idef-1993", "relations:event-list"),
    ("relations:visit-detail", "vladimir-putin-state-visit-2004", "relations:visit-list"),
    ("relations:office-detail", "rostec-turkey", "relations:office-list"),
    ("relations:organisation-detail", "rostec", "relations:organisation-list"),
    ("relations:series-detail", "idef", "relations:event-list"),
    ("relations:person-detail", "vladimir-putin", None),
    ("relations:partner-detail", "turkey", None),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "slug", "parent"), DETAIL_PAGES)
def test_detail_pages_have_breadcrumbs(client, seed, language, name, slug, parent):
    html = get(client, name, language, slug=slug)
    trail = re.search(r'<nav class="breadcrumbs" aria-label="[^"]+"><ol>(.*?)</ol></nav>', html)
    assert trail, (name, language)
    links = re.findall(r'<a href="([^"]+)">', trail.group(1))
    with translation.override(language):
        expected = [reverse("relations:home")] + ([reverse(parent)] if parent else [])
    assert links == expected
    assert '<li aria-current="page">' in trail.group(1)


def header_shape(html):
    """The header's elements and classes, without its words."""
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    return re.findall(r"<(\w+)(?:[^>]*?class=\"([^\"]*)\")?", header)


def test_the_header_is_laid_out_the_same_in_every_language(client, seed):
    shapes = {
        language: header_shape(get(client, "relations:agreement-list", language))
        for language in LANGUAGES
    }
    assert shapes["ru"] == shapes["en"] == shapes["tr"]


def test_the_footer_links_about_sources_feeds_and_api_before_the_editors(client, seed):
    html = get(client, "relations:home", "en")
    footer = html.split('<footer class="site-footer">', 1)[1]
    about = reverse("relations:about")
    for link in (
        about,
        f"{about}#sources",
        reverse("relations:feed-atom"),
        reverse("relations:calendar"),
        reverse("api:index"),
    ):
        assert f'href="{link}"' in footer, link
    admin = reverse("admin:index")
    assert footer.index(f'href="{admin}"') > footer.index(f'href="{reverse("api:index")}"')
    assert 'class="footer-editors"' in footer


def test_the_typeface_is_served_with_the_site_under_its_licence():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text()
    faces = re.findall(r"@font-face\s*{[^}]*}", css)
    assert len(faces) >= 2
    for face in faces:
        (url,) = re.findall(r'url\("([^"]+)"\)', face)
        assert url.startswith("../fonts/") and url.endswith(".woff2"), url
        assert finders.find(url.removeprefix("../")), url
    assert "http://" not in css and "https://" not in css  # no CDN
    licence = Path(finders.find("fonts/OFL.txt")).read_text()
    assert "SIL OPEN FONT LICENSE" in licence
    assert re.search(r"body\s*{[^}]*font-family:\s*var\(--text\)", css)


def test_dates_are_not_the_palest_text():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text()
    assert re.search(r"(^|\n)time\s*{[^}]*color:\s*var\(--ink\)", css)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_header_keeps_one_shape_in_every_language_at_both_widths(site_url, browser):
    """The same header height in English, Russian and Turkish, the sections on one line
    (behind the menu button on a phone: tests/test_browser_header.py), and the text set in
    the site's own typeface."""
    from django.core.management import call_command

    call_command("loaddata", "seed", verbosity=0)
    context = browser.new_context()
    page = context.new_page()
    try:
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            heights = {}
            for language in LANGUAGES:
                page.goto(f"{site_url}/{language}/agreements/")
                heights[language] = page.evaluate(
                    "document.querySelector('.site-header').getBoundingClientRect().height"
                )
                rows = page.evaluate(
                    """() => new Set([...document.querySelectorAll('.header-nav li')]
                        .map(item => Math.round(item.getBoundingClientRect().top))).size"""
                )
                assert rows == 1, (width, language, rows)
                assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert len(set(heights.values())) == 1, (width, heights)
        page.goto(f"{site_url}/ru/about/")
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('1rem \"Bilateral Book\"', 'Дружба')")
        loaded = page.evaluate(
            "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
        )
        assert any("Bilateral Book" in family for family in loaded), loaded
    finally:
        context.close()


@pytest.mark.parametrize(
    ("language", "words"),
    [("ru", "Московский договор"), ("tr", "Kardeşlik Antlaşması"), ("en", "Treaty of Moscow")],
)
def test_search_finds_the_1921_treaty_by_its_other_name(seed, language, words):
    from relations.search import search

    with translation.override(language):
        found = [match.item.slug for match in search(words)]
    assert "treaty-of-brotherhood-1921" in found[:3], found


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_names_no_canonical_address_or_translations(client, seed, language):
    """A 404 is no page: it claims no canonical address and offers no "same page" in the
    other languages (an address that does not exist there either)."""
    response = client.get(f"/{language}/events/no-such-event/")
    assert response.status_code == 404
    head = response.content.decode().split("</head>", 1)[0]
    assert 'rel="canonical"' not in head
    assert "hreflang" not in head
    assert 'property="og:url"' not in head
    # A page that exists keeps them.
    page = get(client, "relations:event-detail", language, slug="idef-1993")
    assert 'rel="canonical"' in page and 'hreflang="ru"' in page
