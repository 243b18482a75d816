"""No 500 on NUL or other control characters (issue #16, item 9), walked over every admin model."""

import pytest
from django.contrib import admin

from tests.conftest import admin_form

pytestmark = pytest.mark.django_db

BAD_IDS = ["%00", "a%00b", "abc", "%01%1f", "-1"]


def _relations_models():
    return [m for m in admin.site._registry if m._meta.app_label == "relations"]


def test_admin_urls_with_a_bad_id_are_not_server_errors(editor_client, seed):
    editor_client.raise_request_exception = False
    failures = []
    for model in _relations_models():
        prefix = f"/admin/relations/{model._meta.model_name}"
        for bad in BAD_IDS:
            for tail in ("change/", "history/", "delete/", ""):
                path = f"{prefix}/{bad}/{tail}"
                status = editor_client.get(path).status_code
                if status >= 500:
                    failures.append((path, status))
        for query in ("q=%00", "q=%01", "o=%00", "p=%00", "_to_field=%00", "e=%00"):
            path = f"{prefix}/?{query}"
            status = editor_client.get(path).status_code
            if status >= 500:
                failures.append((path, status))
    assert failures == []


def test_every_autocomplete_answers_a_nul_term_without_a_server_error(editor_client, seed):
    editor_client.raise_request_exception = False
    failures = []
    for model, model_admin in admin.site._registry.items():
        for field_name in getattr(model_admin, "autocomplete_fields", ()):
            for term in ("%00", "a%00b", "%1b"):
                path = (
                    f"/admin/autocomplete/?term={term}&app_label={model._meta.app_label}"
                    f"&model_name={model._meta.model_name}&field_name={field_name}"
                )
                status = editor_client.get(path).status_code
                if status >= 500:
                    failures.append((path, status))
    assert failures == []


def test_a_nul_in_a_title_is_a_form_error_not_a_server_error(editor_client, seed):
    editor_client.raise_request_exception = False
    url = "/admin/relations/event/add/"
    data = admin_form(editor_client.get(url))
    title_fields = [key for key in data if key.startswith("title")]
    assert title_fields
    for key in title_fields:
        data[key] = ["Talks\x00 in Ankara"]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors


PUBLIC_LISTS = [
    "",
    "events/",
    "agreements/",
    "visits/",
    "offices/",
    "organisations/",
    "people/",
    "timeline/",
    "search/",
    "feeds/rss/",
    "feeds/atom/",
    "calendar.ics",
]
API_LISTS = ["events", "agreements", "visits", "offices", "organisations", "people"]
PARAMS = [
    "q", "year", "country", "body", "role", "kind", "category", "page", "format", "sort",
    "organisation", "type", "from", "to", "status", "series", "person", "partner", "limit",
    "offset", "lang",
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_control_characters_in_public_paths_and_queries_are_not_server_errors(
    client, seed, language
):
    client.raise_request_exception = False
    failures = []
    paths = [f"/{language}/{page}" for page in PUBLIC_LISTS]
    paths += [f"/{language}/{kind}/%00/" for kind in [*API_LISTS, "countries", "series"]]
    paths += [f"/{language}/agreements/a%00b/", f"/{language}/offices/%00/vcard.vcf"]
    if language == "en":
        paths += [f"/api/{kind}/" for kind in API_LISTS]
        paths += [f"/api/{kind}/%00/" for kind in API_LISTS]
    for path in paths:
        status = client.get(path).status_code
        if status >= 500:
            failures.append((path, status))
        if "%00" in path:
            continue
        for param in PARAMS:
            for value in ("%00", "a%00b", "%01%7f", "%1b[0m"):
                url = f"{path}?{param}={value}"
                status = client.get(url).status_code
                if status >= 500:
                    failures.append((url, status))
    assert failures == []
