import importlib
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from relations import search_index
from relations.models import Publication
from relations.search import KINDS, highlight, ranked_postgres, search

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="typo tolerance needs PostgreSQL's pg_trgm"
)


def result_titles(html):
    return [
        re.sub(r"</?mark>", "", title)
        for title in re.findall(r'<h3><a href="[^"]+">(.+?)</a></h3>', html)
    ]


def test_brotherhood_finds_the_treaty_with_the_word_highlighted(client, seed):
    html = client.get(reverse("relations:search"), {"q": "brotherhood"}).text
    assert result_titles(html)[0] == "Treaty of Brotherhood"
    assert "Treaty of <mark>Brotherhood</mark>" in html
    article = html.split('class="card search-result"')[1]
    assert "Agreement" in article and "16 March 1921" in article


def test_every_kind_and_the_partner_page_can_be_found(client, seed):
    assert search("Cooperation with Turkey")[0].kind.label == "Partner page"
    labels = {str(result.kind.label) for result in search("Rostec")}
    assert {"Organisation", "Office"} <= labels
    assert {str(result.kind.label) for result in search("Putin")} >= {"Visit"}
    assert {str(result.kind.label) for result in search("IDEF")} >= {"Event", "Recurring event"}


def test_a_title_match_ranks_above_a_mention_in_the_text(make_event):
    make_event(title="A fair", summary="Trade talks on the side")
    make_event(title="Trade talks", summary="Held in Ankara")
    assert [result.item.title for result in search("trade")] == ["Trade talks", "A fair"]


def test_drafts_are_never_found(make_event):
    make_event(title="Secret trade talks", publication=Publication.DRAFT)
    assert search("secret") == []


def test_the_search_follows_the_language_of_the_page(client, seed):
    html = client.get("/ru/search/", {"q": "братстве"}).text
    assert "Договор о дружбе и <mark>братстве</mark>" in html
    with translation.override("tr"):
        assert search("Kardeşlik")[0].item.slug == "treaty-of-brotherhood-1921"


def test_matches_are_escaped_before_they_are_marked(make_event):
    assert highlight("<b>trade</b> & more", ["trade"]) == (
        "&lt;b&gt;<mark>trade</mark>&lt;/b&gt; &amp; more"
    )
    assert highlight("a <mark> b", ["mark"]) == "a &lt;<mark>mark</mark>&gt; b"


@pytest.mark.parametrize(
    "query", ["", "   ", "%", "' OR 1=1 --", "<script>", "a" * 5000, "\x00", "трактат*"]
)
def test_odd_queries_never_break_the_page(client, seed, query):
    # Spaces, control characters and length beyond the box's: one redirect to what is read.
    response = client.get(reverse("relations:search"), {"q": query}, follow=True)
    assert response.status_code == 200 and len(response.redirect_chain) <= 1
    assert "<script>" not in response.text.split("<main")[1]


def test_no_match_says_so(client, seed):
    html = client.get(reverse("relations:search"), {"q": "zzyzx"}).text
    assert "Nothing matches these words" in html


def test_the_header_has_a_search_box_on_every_page(client, seed):
    for url in ["/en/", "/en/events/", "/ru/agreements/treaty-of-brotherhood-1921/"]:
        html = client.get(url).text
        assert re.search(r'<form class="site-search" method="get" action="/\w\w/search/"', html)
        assert '<label for="site-search-q"' in html


def test_the_search_costs_two_queries_per_kind(client, seed, django_assert_max_num_queries):
    # Each kind's count, and the best of each kind that has any; on PostgreSQL also the
    # search's planner settings (set, and restored inside the test's transaction) and the
    # words' tsqueries (once per word: search.word_queries).
    extra = 3 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(2 * len(KINDS) + extra):
        client.get(reverse("relations:search"), {"q": "treaty"})


@on_postgresql
def test_a_typo_still_finds_the_treaty_on_postgresql(client, seed):
    html = client.get(reverse("relations:search"), {"q": "brotherhod"}).text
    assert result_titles(html)[0] == "Treaty of Brotherhood"


@on_postgresql
def test_full_text_search_matches_word_forms_on_postgresql(seed):
    # The English dictionary stems "treaties" to "treati", as it does "treaty".
    assert "treaty-of-brotherhood-1921" in [result.item.slug for result in search("treaties")]


@on_postgresql
def test_the_trigram_extension_is_installed():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)


def test_the_search_columns_hold_the_fields_search_reads():
    migration = importlib.import_module("relations.migrations.0022_agreement_aliases_searched")
    searched = {
        kind.model._meta.model_name: (kind.search.title, *kind.search.fields, *kind.search.more)
        for kind in KINDS
    }
    related = {
        kind.model._meta.get_field(accessor).related_model._meta.model_name: fields
        for kind in KINDS
        for accessor, fields in kind.search.related
    }
    assert searched == migration.KINDS
    assert related == migration.RELATED
    assert tuple(search_index.LANGUAGES) == migration.LANGUAGES


@on_postgresql
@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_the_search_reads_its_indexes_on_postgresql(seed, language):
    with translation.override(language), connection.cursor() as cursor:
        # Four rows would rather be read in full: forbid that to see the index is usable.
        cursor.execute("SET enable_seqscan = off")
        for kind, index in [(KINDS[2], "event"), (KINDS[5], "organisation")]:
            for text in ("brotherhood", "brotherhod"):
                queryset = ranked_postgres(kind.model.objects.all(), kind, text)
                plan = queryset.explain()
                assert f"{index}_search" in plan, plan
                assert f"{index}_trgm_{language}" in plan, plan
        cursor.execute("RESET enable_seqscan")


@on_postgresql
def test_the_stored_vector_follows_an_edit(make_event):
    event = make_event(title="Quiet meeting", summary="Nothing to see")
    assert "quiet-meeting" not in [result.item.slug for result in search("pipelines")]
    event.summary = "Talks on gas pipelines"
    event.save()
    assert "quiet-meeting" in [result.item.slug for result in search("pipelines")]


@on_postgresql
def test_a_very_long_body_is_saved_and_found(make_event):
    # 1.3 MB of distinct words: more than a full-text vector may hold, were all of it read.
    body = " ".join(f"word{number:07}x" for number in range(100_000))
    make_event(title="Long record", body=body)
    assert "long-record" in [result.item.slug for result in search("long record")]
