"""What a reader types, and what the search must find: one table, three languages.

Each row: the page's language, the query, slugs that must be among the results, and the
slug that must come first (or None where no one result is clearly the best).
"""

import pytest
from django.utils import translation

from relations import search

pytestmark = pytest.mark.django_db


TABLE = [
    # Case outside ASCII.
    ("en", "кайсери", ["textile-mills-kayseri-nazilli"], "textile-mills-kayseri-nazilli"),
    ("ru", "КАЙСЕРИ", ["textile-mills-kayseri-nazilli"], "textile-mills-kayseri-nazilli"),
    ("ru", "рособоронэкспорт", ["rosoboronexport"], "rosoboronexport"),
    ("en", "ROSOBORONEXPORT", ["rosoboronexport"], "rosoboronexport"),
    ("en", "istanbul", ["boris-yeltsin-istanbul-1992"], None),
    ("tr", "İSTANBUL", ["boris-yeltsin-istanbul-1992"], None),
    ("tr", "istanbul", ["boris-yeltsin-istanbul-1992"], None),
    # Diacritics, as the seed itself spells names.
    ("en", "Erdogan", ["recep-tayyip-erdogan", "recep-tayyip-erdogan-visit-2017"], None),
    ("en", "erdoğan", ["recep-tayyip-erdogan"], None),
    ("tr", "ERDOĞAN", ["recep-tayyip-erdogan-visit-2014"], None),
    ("en", "Suleyman", ["suleyman-demirel", "suleyman-demirel-moscow-1992"], None),
    ("en", "süleyman demirel", ["suleyman-demirel"], None),
    ("tr", "kardeslik", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
    ("tr", "KARDEŞLİK", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
    ("en", "turkiye", ["turkey"], "turkey"),
    ("tr", "Türkiye", ["turkey"], "turkey"),
    # Word forms.
    (
        "ru",
        "договора",
        ["treaty-of-brotherhood-1921", "treaty-on-principles-of-relations-1992"],
        None,
    ),
    ("ru", "договором", ["treaty-of-brotherhood-1921"], None),
    ("ru", "братство", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
    ("ru", "братстве", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
    ("en", "treaties", ["treaty-of-brotherhood-1921"], None),
    ("en", "visits", ["vladimir-putin-state-visit-2004"], None),
    ("ru", "визиты", ["vladimir-putin-state-visit-2004"], None),
    ("en", "declarations", ["joint-declaration-2009", "joint-declaration-2004"], None),
    # A word still being typed.
    ("en", "brother", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
    ("en", "Demir", ["suleyman-demirel"], None),
    ("ru", "Ельц", [], None),  # three letters and a soft sign: too short to be a prefix
    ("ru", "Ельцин", ["boris-yeltsin", "boris-yeltsin-istanbul-1992"], None),
    # Text that is not a title: page sections, descriptions, members, roles, places.
    ("en", "NATO", ["turkey"], "turkey"),
    ("en", "36 regions", ["russian-turkish-business-council"], "russian-turkish-business-council"),
    ("en", "Nazilli", ["textile-mills-kayseri-nazilli"], "textile-mills-kayseri-nazilli"),
    ("en", "ankara", ["dmitry-medvedev-visit-2010"], None),
    ("en", "IDEF", ["idef", "idef-1993"], None),
    ("en", "Rostec", ["rostec", "rostec-turkey"], "rostec"),
    ("en", "Putin", ["vladimir-putin", "vladimir-putin-state-visit-2004"], None),
    ("ru", "Путин", ["vladimir-putin"], None),
    ("tr", "Putin", ["vladimir-putin"], None),
    ("en", "Medvedev", ["dmitry-medvedev", "dmitry-medvedev-visit-2010"], None),
    # Phrases: every word, anywhere.
    ("en", "Treaty of Brotherhood", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
    ("en", "Cooperation with Turkey", ["turkey"], "turkey"),
    (
        "en",
        "military technical cooperation",
        ["military-technical-cooperation-agreement-1994"],
        None,
    ),
    (
        "ru",
        "военно-техническом сотрудничестве",
        ["military-technical-cooperation-agreement-1994"],
        None,
    ),
    # A query in another language than the page's.
    ("en", "братстве", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
    ("ru", "brotherhood", ["treaty-of-brotherhood-1921"], "treaty-of-brotherhood-1921"),
]


def slugs(language, query):
    with translation.override(language):
        return [result.item.slug for result in search.search(query)]


@pytest.mark.parametrize(("language", "query", "found", "first"), TABLE)
def test_what_a_reader_types_is_found(seed, language, query, found, first):
    results = slugs(language, query)
    assert set(found) <= set(results), results
    if first:
        assert results[0] == first, results


@pytest.mark.parametrize("query", ["zzyzx", "zzyzx qwxv", "1", "a b c"])
def test_what_matches_nothing_finds_nothing(seed, query):
    assert slugs("en", query) == []


def test_an_unknown_word_beside_a_known_one_finds_nothing(seed):
    # Every word must be found (a near spelling of it at least, on PostgreSQL).
    assert slugs("en", "brotherhood zzyzx") == []


def test_a_title_with_every_word_comes_before_a_mention(seed):
    results = slugs("en", "Brotherhood")
    assert results[0] == "treaty-of-brotherhood-1921"


def test_the_index_follows_saves_and_deletions(make_event):
    event = make_event(title="Quiet meeting", summary="Nothing to see")
    assert "quiet-meeting" not in slugs("en", "pipelines")
    event.summary = "Talks on gas pipelines"
    event.save()
    assert "quiet-meeting" in slugs("en", "pipelines")
    event.delete()
    assert slugs("en", "pipelines") == []


def test_a_section_of_the_partner_page_is_found_through_its_page(seed):
    from relations.models import PartnerPage

    page = PartnerPage.objects.get(slug="turkey")
    page.sections.create(title="Pipelines", slug="pipelines", body="Blue Stream and TurkStream")
    assert slugs("en", "turkstream") == ["turkey"]


def test_rebuild_gives_the_same_answers(seed):
    before = {query: slugs(language, query) for language, query, _found, _first in TABLE}
    search.rebuild_index()
    assert before == {query: slugs(language, query) for language, query, _found, _first in TABLE}


def test_a_kind_is_paged_through_to_its_last_result(client, make_event):
    for number in range(45):
        make_event(title=f"Pipeline talks {number}")
    html = client.get("/en/search/", {"q": "pipeline"}).text
    assert "Events (45)" in html
    assert "to see them all" in html
    page = client.get("/en/search/", {"q": "pipeline", "kind": "events", "page": 3}).text
    assert "Events: 45 results" in page and "Page 3 of 3" in page
    assert page.count('class="card search-result"') == 5


def test_the_year_filter_keeps_dated_kinds_of_that_year(client, seed):
    html = client.get("/en/search/", {"q": "visit", "year": "2004"}).text
    assert "/en/visits/vladimir-putin-state-visit-2004/" in html
    assert "/en/visits/dmitry-medvedev-visit-2010/" not in html
    assert "Organisations (" not in html


def test_highlighting_marks_folded_whole_words(seed):
    with translation.override("en"):
        result = next(r for r in search.search("erdogan") if r.kind.name == "people")
    assert "<mark>Erdoğan</mark>" in result.title


@pytest.mark.parametrize(
    ("path", "term", "slug"),
    [
        ("/admin/relations/person/", "erdogan", "recep-tayyip-erdogan"),
        ("/admin/relations/agreement/", "договора", "treaty-of-brotherhood-1921"),
        ("/admin/relations/organisation/", "36 regions", "russian-turkish-business-council"),
        ("/admin/relations/event/", "KAYSERI", "textile-mills-kayseri-nazilli"),
    ],
)
def test_the_admin_changelist_finds_through_the_search(seed, editor_client, path, term, slug):
    from django.apps import apps

    model = apps.get_model("relations", path.rstrip("/").rsplit("/", 1)[1])
    entry = model.objects.get(slug=slug)
    html = editor_client.get(path, {"q": term}).text
    assert f"{path}{entry.pk}/change/" in html


def test_an_admin_autocomplete_finds_through_the_search(seed, editor_client):
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "term": "Erdogan",
            "app_label": "relations",
            "model_name": "visit",
            "field_name": "person",
        },
    )
    assert "Erdoğan" in response.json()["results"][0]["text"]


@pytest.mark.parametrize(
    ("language", "query"),
    [("tr", "başbakanı"), ("en", "cumhurbaskani"), ("ru", "премьер-министра"), ("en", "prime")],
)
def test_a_person_is_found_by_a_role_held(seed, language, query):
    assert "suleyman-demirel" in slugs(language, query)


def test_a_word_sharing_only_its_start_with_a_title_word_is_no_near_spelling(seed):
    # "forum" and the "for" of "Commission for Military-Technical Cooperation".
    assert slugs("en", "forum") == []


def test_a_near_spelling_is_not_offered_beside_an_exact_match(seed):
    # Three agreements' titles are near "Antlaşması" (PostgreSQL's trigram similarity);
    # one holds the word, and only it is found.
    assert slugs("tr", "Antlaşması") == ["treaty-of-brotherhood-1921"]


def test_the_order_is_title_then_most_recent_then_title(make_event):
    import datetime

    for title, year in [("Gas talks", 1995), ("Gas forum", 2001), ("Fair", 2010), ("Expo", 2010)]:
        make_event(title=title, summary="Gas", date=datetime.date(year, 1, 1))
    assert slugs("en", "gas") == ["gas-forum", "gas-talks", "expo", "fair"]
