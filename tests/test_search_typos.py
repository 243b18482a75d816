"""Near spellings on SQLite, "Did you mean …" on both databases, and a year with a word
answered from the index's rowid ranges with the same results as ``in_year()``."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import translation

from relations import search, search_index
from relations.models import Publication

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite index")


def slugs(language, query, **kwargs):
    with translation.override(language):
        return [result.item.slug for result in search.search(query, **kwargs)]


def did_you_mean(html):
    """The suggestion's text and the query of its link, or None."""
    found = re.search(r'class="did-you-mean">[^<]*<a href="\?([^"]*)">([^<]*)</a>', html)
    return (found.group(2), found.group(1)) if found else None


TYPOS = [
    ("en", "brotherhod", "treaty-of-brotherhood-1921", "brotherhood"),
    ("en", "Brotherhod", "treaty-of-brotherhood-1921", "Brotherhood"),
    ("en", "treaty brotherhod", "treaty-of-brotherhood-1921", "treaty brotherhood"),
    ("en", "Erdgan", "recep-tayyip-erdogan", "Erdoğan"),
    ("tr", "Moskva", "treaty-of-brotherhood-1921", "Moskova"),
    ("tr", "moskova antlsması", "treaty-of-brotherhood-1921", "moskova antlaşması"),
    ("ru", "договр", "treaty-of-brotherhood-1921", "договор"),
    ("ru", "Договр о братстве", "treaty-of-brotherhood-1921", "Договор о братстве"),
    ("en", "brotherhod treaty", "treaty-of-brotherhood-1921", "brotherhood treaty"),
]


@on_sqlite
@pytest.mark.parametrize(("language", "query", "slug", "_suggestion"), TYPOS)
def test_a_misspelled_word_finds_the_intended_title(seed, language, query, slug, _suggestion):
    assert slug in slugs(language, query)


@on_sqlite
@pytest.mark.parametrize(("language", "query", "_slug", "suggestion"), TYPOS)
def test_the_page_offers_the_corrected_search(client, seed, language, query, _slug, suggestion):
    html = client.get(f"/{language}/search/", {"q": query}).text
    shown, link = did_you_mean(html)
    assert shown == suggestion
    corrected = client.get(f"/{language}/search/?{link.replace('&amp;', '&')}").text
    assert did_you_mean(corrected) is None
    assert 'class="card search-result"' in corrected


def test_a_typo_is_corrected_on_both_databases(client, seed):
    html = client.get(reverse("relations:search"), {"q": "brotherhod"}).text
    assert did_you_mean(html)[0] == "brotherhood"
    assert "Treaty of Brotherhood" in html


def test_what_is_found_as_typed_offers_no_correction(client, seed):
    for query in ("brotherhood", "Erdoğan", "zzyzx", "brotherhood zzyzx"):
        assert did_you_mean(client.get(reverse("relations:search"), {"q": query}).text) is None


def test_a_word_with_no_near_spelling_still_finds_nothing(seed):
    assert slugs("en", "brotherhod zzyzx") == []
    assert slugs("en", "forum") == []  # "for" shares its start: not near enough
    assert slugs("en", "brothr") == []  # six letters, too far from "brotherhood"


def test_a_short_word_is_not_corrected(seed):
    assert slugs("en", "IDEF") and slugs("en", "IDFE") == []


@on_sqlite
def test_the_vocabulary_follows_saves(make_event):
    event = make_event(title="Pipeline negotiations")
    assert slugs("en", "negotiatons") == ["pipeline-negotiations"]
    event.title = "Gas talks"
    event.save()
    assert slugs("en", "negotiatons") == []  # a word no title holds any longer is not offered
    assert slugs("en", "talsk") == []  # four letters and a typo: too short
    make_event(title="Hidden negotiations", slug="hidden", publication=Publication.DRAFT)
    assert slugs("en", "negotiatons") == []


@on_sqlite
def test_a_near_spelling_comes_after_exact_matches_of_other_kinds(make_event, make_agreement):
    make_agreement(title="Protocol on tourism", slug="tourism-protocol")
    make_event(title="Tourisn fair", slug="tourisn-fair")  # misspelled in the content itself
    assert slugs("en", "tourisn") == ["tourisn-fair"]  # found as typed: nothing near offered
    assert slugs("en", "turism") == ["tourism-protocol"]


@on_sqlite
def test_the_vocabulary_is_rebuilt_with_the_index(seed):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {search_index.WORDS}")
        before = cursor.fetchone()[0]
        call_command("rebuild_search_index", stdout=io.StringIO())
        cursor.execute(f"SELECT count(*) FROM {search_index.WORDS}")
        assert cursor.fetchone()[0] == before > 0
        cursor.execute(f"SELECT 1 FROM {search_index.WORDS} WHERE word = 'antlasmasi'")
        assert cursor.fetchone()


def test_similarity_is_that_of_pg_trgm():
    # Ten trigrams shared of thirteen: "  b", " br", "bro", … "rho", "od " (not "hod",
    # "hoo", "ood"), as pg_trgm's similarity('brotherhod', 'brotherhood') counts them.
    assert search_index.similarity("brotherhod", "brotherhood") == 10 / 13
    assert search_index.similarity("forum", "for") < search_index.SIMILARITY


# A year with a word: answered from the index's rowid range of the year (and the few
# entries that touch it otherwise), with the results of the plain query over in_year().

YEARS = [1921, 1990, 1992, 1994, 1995, 2004, 2010, 2017]


def plain(kind, text, year):
    return list(search.ranked_sqlite(search.entries(kind).in_year(year), kind, text, year))


@pytest.fixture
def awkward(make_event, make_agreement):
    """Events touching 1995 (or not) in every way in_year() knows, all about a "forum"."""
    day = datetime.date
    made = [
        # The 1990s at decade precision, stored as 1990-01-01: they touch 1995; more than
        # ten of them, so that their day is read as a range.
        *(
            make_event(
                title=f"Forum of the nineties {n}", date=day(1990, 1, 1), date_precision="decade"
            )
            for n in range(12)
        ),
        # The same day at day, month or year precision: not in 1995.
        make_event(title="Forum on new year's day 1990", date=day(1990, 1, 1)),
        make_event(title="Forum in January 1990", date=day(1990, 1, 1), date_precision="month"),
        make_event(title="Forum of 1990", date=day(1990, 1, 1), date_precision="year"),
        # Spans that started before 1995 and end in it, after it, or at decade precision.
        make_event(
            title="Forum over new year",
            date=day(1994, 12, 20),
            end_date=day(1995, 1, 5),
            end_precision="day",
        ),
        make_event(
            title="Forum for years",
            date=day(1993, 3, 1),
            end_date=day(1997, 1, 1),
            end_precision="year",
        ),
        make_event(
            title="Forum of two decades",
            date=day(1985, 1, 1),
            date_precision="year",
            end_date=day(1990, 1, 1),
            end_precision="decade",
        ),
        make_event(
            title="Forum that ended before",
            date=day(1993, 1, 1),
            end_date=day(1994, 12, 31),
            end_precision="day",
        ),
        make_event(title="Forum of the eighties", date=day(1980, 1, 1), date_precision="decade"),
        make_event(title="Forum in 1995", date=day(1995, 6, 1)),
        make_event(title="Business forum in 1995", date=day(1995, 12, 31), body="Trade"),
        make_event(title="Meeting in 1995", date=day(1995, 1, 1), body="A forum too"),
        make_event(title="Forum later", date=day(1996, 1, 1)),
        make_event(title="Draft forum", date=day(1995, 3, 3), publication=Publication.DRAFT),
        make_agreement(
            title="Forum agreement of the nineties",
            signed_on=day(1990, 1, 1),
            signed_precision="decade",
        ),
        make_agreement(title="Forum agreement of 1995", signed_on=day(1995, 2, 2)),
    ]
    return made


def same_as_in_year(kind, text, year):
    expected = plain(kind, text, year)
    found = search.matches(kind, text, year)
    assert isinstance(found, search.IndexedMatches)
    assert found.count() == len(expected), (kind.name, text, year)
    results = found[0 : len(expected) + 5]
    assert {e.pk for e in results} == {e.pk for e in expected}, (kind.name, text, year)
    key = [(e.rank, getattr(e, kind.search.order)) for e in expected]
    assert [(e.rank, getattr(e, kind.search.order)) for e in results] == key
    return found, results


@on_sqlite
@pytest.mark.parametrize("text", ["forum", "forum 1995", "nineties", "trade", "meeting forum"])
def test_a_year_finds_what_in_year_finds(awkward, text):
    for year in (1990, 1994, 1995, 1996):
        for kind in search.KINDS[1:4]:
            found, results = same_as_in_year(kind, text, year)
            for size in (1, 3, 7):
                pages = [found[start : start + size] for start in range(0, len(results), size)]
                assert [e.pk for page in pages for e in page] == [e.pk for e in results]


@on_sqlite
def test_a_year_finds_the_span_and_decade_entries_touching_it(awkward):
    found = set(slugs("en", "forum", year=1995))
    assert {f"forum-of-the-nineties-{n}" for n in range(12)} <= found
    assert {"forum-over-new-year", "forum-for-years", "forum-of-two-decades"} <= found
    assert {"forum-in-1995", "business-forum-in-1995", "meeting-in-1995"} <= found
    assert {"forum-agreement-of-the-nineties", "forum-agreement-of-1995"} <= found
    assert not found & {
        "forum-on-new-years-day-1990",
        "forum-in-january-1990",
        "forum-of-1990",
        "forum-that-ended-before",
        "forum-of-the-eighties",
        "forum-later",
        "draft-forum",
    }


@on_sqlite
def test_a_year_finds_what_in_year_finds_in_the_seed_and_generated_content(seed):
    call_command("generate_content", scale="small", seed=3, verbosity=0)
    for text in ("treaty", "visit", "Erdoğan", "cooperation", "договор", "forum"):
        for year in YEARS:
            for kind in search.KINDS[1:4]:
                same_as_in_year(kind, text, year)
