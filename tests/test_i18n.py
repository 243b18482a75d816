import datetime
import re
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from relations.dates import format_date, format_range
from relations.models import Event, Publication
from tests.test_views import page_text, walk

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = [
    "",
    "countries/turkey/",
    "events/",
    "events/?year=1993&category=exhibition",
    "events/idef-1993/",
    "series/idef/",
    "agreements/",
    "agreements/joint-declaration-2004/",
    "visits/",
    "visits/vladimir-putin-state-visit-2004/",
    "offices/",
    "offices/rostec-turkey/",
    "organisations/",
    "organisations/russian-turkish-business-council/",
    "people/recep-tayyip-erdogan/",
    "events/?year=1992&sort=title",
    "events/?q=nothing-at-all",
    "timeline/",
    "timeline/?kind=agreement&country=turkey",
    "search/?q=treaty",
    "search/?q=zzyzx",
]


def read_po(language):
    """{msgid: msgstr} of a catalogue, plus the ids of fuzzy entries."""
    text = (settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po").read_text()
    entries, fuzzy = {}, []
    for block in text.split("\n\n"):
        head = block.split("msgstr")[0].split("msgid_plural")[0]
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', head, re.M))
        msgstrs = re.findall(r'msgstr(?:\[\d\])? ((?:".*"\n?)+)', block)
        if not msgid:
            continue
        values = ["".join(re.findall(r'"(.*)"', m)) for m in msgstrs]
        entries[msgid] = values
        if "#, fuzzy" in block:
            fuzzy.append(msgid)
    return entries, fuzzy


@pytest.mark.parametrize("language", ["ru", "tr"])
def test_the_catalogue_translates_every_string(language):
    entries, fuzzy = read_po(language)
    assert entries
    assert not fuzzy
    assert not [msgid for msgid, values in entries.items() if not all(values)]


def test_the_catalogue_holds_every_string_in_the_code(tmp_path):
    """makemessages on the current code finds nothing the committed catalogue lacks."""
    for folder in ["config", "relations", "templates"]:
        shutil.copytree(settings.BASE_DIR / folder, tmp_path / folder)
    (tmp_path / "locale").mkdir()
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        import os

        cwd = os.getcwd()
        os.chdir(tmp_path)
        try:
            call_command("makemessages", locale=["ru"], no_location=True, verbosity=0)
        finally:
            os.chdir(cwd)
    fresh = set(
        re.findall(
            r'^msgid "(.+)"$', (tmp_path / "locale/ru/LC_MESSAGES/django.po").read_text(), re.M
        )
    )
    committed, _fuzzy = read_po("ru")
    assert fresh - set(committed) == set()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_every_language(client, seed, language, page):
    response = client.get(f"/{language}/{page}")
    assert response.status_code == 200
    html = response.text
    assert f'<html lang="{language}">' in html
    for other in LANGUAGES:
        assert f'hreflang="{other}" href="http://testserver/{other}/{page}' in html.replace(
            "&amp;", "&"
        )


@pytest.mark.parametrize("language", ["ru", "tr"])
@pytest.mark.parametrize("page", PAGES)
def test_no_english_interface_string_is_left(client, seed, language, page):
    catalogue, _fuzzy = read_po(language)
    # Addresses shown as text (the permalink of "cite this") are not interface strings.
    text = re.sub(r"https?://\S+", " ", page_text(client.get(f"/{language}/{page}").text))
    english = [
        msgid
        for msgid, values in catalogue.items()
        if "%" not in msgid
        and len(msgid) > 3
        and values[0] != msgid
        and re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text)
    ]
    assert not english


def test_the_root_sends_visitors_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").url == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr").url == "/tr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").url == "/en/"
    assert (
        client.get("/events/?year=1992", HTTP_ACCEPT_LANGUAGE="tr").url == "/tr/events/?year=1992"
    )


def test_the_language_switcher_keeps_the_page_and_its_filters(client, seed):
    html = client.get("/ru/events/?year=1993&category=exhibition").text
    assert 'href="/tr/events/?year=1993&amp;category=exhibition" hreflang="tr"' in html
    assert 'href="/en/events/?year=1993&amp;category=exhibition" hreflang="en"' in html


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        (
            "ru",
            [
                "Сотрудничество с Турцией",
                "2 июня 1920 г.",
                "1930-е годы",
                "Эрдоган",
                "Рособоронэкспорт",
                "Турция",
                "Апрель 1994 г.",
                "36 регионов России",
                "более 60 основополагающих документов",
                "5 декабря 2004 г.",
                "Договор о дружбе и братстве",
            ],
        ),
        (
            "tr",
            [
                "Türkiye ile İşbirliği",
                "2 Haziran 1920",
                "1930'lar",
                "1970'ler–1980'ler",
                "Erdoğan",
                "Rosoboronexport",
                "Türkiye",
                "Nisan 1994",
                "36 bölgesi",
                "60'tan fazla temel belge",
                "5 Aralık 2004",
                "Moskova Antlaşması",
            ],
        ),
    ],
)
def test_the_seed_reads_in_each_language(client, seed, language, facts):
    everything = " ".join(walk(client, start=f"/{language}/").values())
    assert [fact for fact in facts if fact not in everything] == []


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("ru", ["2 июня 1920 г.", "апрель 1994 г.", "1992", "1930-е годы"]),
        ("tr", ["2 Haziran 1920", "Nisan 1994", "1992", "1930'lar"]),
        ("en", ["2 June 1920", "April 1994", "1992", "1930s"]),
    ],
)
def test_dates_are_formatted_in_each_language(language, shown):
    d = datetime.date
    with translation.override(language):
        assert [
            format_date(d(1920, 6, 2), "day"),
            format_date(d(1994, 4, 1), "month"),
            format_date(d(1992, 1, 1), "year"),
            format_date(d(1930, 1, 1), "decade"),
        ] == shown


def test_turkish_decades_follow_vowel_harmony():
    d = datetime.date
    with translation.override("tr"):
        assert [
            format_date(d(year, 1, 1), "decade") for year in (1920, 1930, 1960, 1990, 2000)
        ] == ["1920'ler", "1930'lar", "1960'lar", "1990'lar", "2000'ler"]
        assert format_range(d(1970, 1, 1), "decade", d(1980, 1, 1), "decade") == "1970'ler–1980'ler"


def test_a_missing_translation_falls_back_to_english_visibly(client, make_event):
    event = make_event(title_en="Only in English", title_ru="", title_tr="")
    html = client.get(f"/ru/events/{event.slug}/").text
    assert '<h1 lang="en">Only in English</h1>' in html
    translated = make_event(title_en="Talks", title_ru="Переговоры")
    assert "<h1>Переговоры</h1>" in client.get(f"/ru/events/{translated.slug}/").text


def test_editors_see_where_english_stands_in(staff_client, make_event):
    make_event(title_en="Only in English", title_ru="", title_tr="Sadece İngilizce")
    html = staff_client.get("/admin/relations/event/").text
    assert "English shown in RU" in html
    filtered = staff_client.get("/admin/relations/event/?untranslated=tr").text
    assert "Only in English" not in filtered
    assert "Only in English" in staff_client.get("/admin/relations/event/?untranslated=ru").text


def test_filters_and_search_work_in_each_language(client, seed):
    for language in LANGUAGES:
        response = client.get(f"/{language}/events/?category=industrial&sort=date")
        assert [e.slug for e in response.context["object_list"]] == [
            "textile-mills-kayseri-nazilli",
            "industrial-facilities-built-with-ussr-assistance",
        ]
    assert client.get("/ru/events/?q=Кайсери").context["object_list"].count() == 1
    assert client.get("/tr/events/?q=Nazilli'de").context["object_list"].count() == 1
    assert client.get("/ru/agreements/?q=братстве").context["object_list"].count() == 1


def test_an_entry_keeps_its_slug_in_every_language(client, seed):
    for language in LANGUAGES:
        assert client.get(f"/{language}/events/idef-1993/").status_code == 200


def test_fallback_titles_are_still_published_only(client, make_event):
    make_event(title_en="Draft only", publication=Publication.DRAFT)
    assert "Draft only" not in client.get("/ru/events/").text
    assert Event.objects.count() == 1
