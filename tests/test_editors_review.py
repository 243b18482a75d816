"""Issue #15, as Editors and Contributors meet it: searching in every language, messages
they understand, the site's time zone, scheduling and the review workflow."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("term", ["Turkey", "Турция", "Türkiye"])
def test_admin_search_matches_every_language(editor_client, seed, term):
    page = editor_client.get(reverse("admin:relations_country_changelist"), {"q": term})
    assert page.status_code == 200
    assert page.context["cl"].result_count == 1


@pytest.mark.parametrize("term", ["Erdoğan", "Эрдоган"])
def test_autocomplete_matches_every_language(contributor_client, seed, term):
    answer = contributor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "relations", "model_name": "visit", "field_name": "person", "term": term},
    )
    assert answer.status_code == 200
    assert [row["text"] for row in answer.json()["results"]] == ["Recep Tayyip Erdoğan"]


def test_search_through_a_relation_matches_every_language(editor_client, seed):
    page = editor_client.get(reverse("admin:relations_visit_changelist"), {"q": "Эрдоган"})
    assert page.context["cl"].result_count > 0
