import csv
import io
import json
import re

import pytest
from django.urls import reverse
from openapi_spec_validator import validate

from relations.kinds import LISTED
from relations.models import Publication

pytestmark = pytest.mark.django_db

LISTS = {
    "events": "relations:event-list",
    "agreements": "relations:agreement-list",
    "visits": "relations:visit-list",
    "offices": "relations:office-list",
    "organisations": "relations:organisation-list",
}


def download_csv(client, url, **params):
    response = client.get(url, params | {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def shown_links(html):
    return re.findall(r'<h3><a href="([^"]+)">', html)


@pytest.fixture
def many_events(make_event):
    for n in range(25):
        make_event(title=f"Fair {n:02}", category="exhibition", date=f"20{n:02}-01-01")
    make_event(title="Talks", category="diplomatic")
    make_event(title="Hidden fair", category="exhibition", publication=Publication.DRAFT)


def test_the_csv_holds_every_page_of_the_filtered_list(client, many_events):
    url = reverse("relations:event-list")
    params = {"category": "exhibition", "sort": "date"}
    page_one = shown_links(client.get(url, params).text)
    page_two = shown_links(client.get(url, params | {"page": 2}).text)
    rows = download_csv(client, url, **params)
    assert len(rows) == 25 == len(page_one) + len(page_two)
    assert [row["url"].removeprefix("http://testserver") for row in rows] == page_one + page_two
    assert rows[0]["title"] == "Fair 00" and rows[0]["countries"] == "testland"


def test_the_json_matches_the_csv(client, many_events):
    url = reverse("relations:event-list")
    rows = download_csv(client, url, category="exhibition")
    response = client.get(url, {"category": "exhibition", "format": "json"})
    assert response.streaming
    data = json.loads(b"".join(response.streaming_content))
    assert data["count"] == 25 and data["next"] is None
    assert [item["slug"] for item in data["items"]] == [row["slug"] for row in rows]
    assert data["items"][0]["countries"] == ["testland"]


@pytest.mark.parametrize("kind", list(LISTS))
def test_every_list_downloads_with_its_documented_columns(client, seed, settings, kind):
    rows = download_csv(client, reverse(LISTS[kind]))
    columns = list(LISTED[kind].schema.model_fields)
    assert list(rows[0]) == columns
    documented = (settings.BASE_DIR / "docs" / "api.md").read_text()
    assert f"| {kind} | {', '.join(f'`{column}`' for column in columns)} |" in documented


def test_the_page_links_its_downloads_with_the_filters(client, seed):
    html = client.get(reverse("relations:agreement-list"), {"country": "turkey", "page": 1}).text
    assert 'href="?country=turkey&amp;format=csv"' in html
    assert 'href="?country=turkey&amp;format=json"' in html


def test_a_bad_filter_downloads_nothing_rather_than_everything(client, seed):
    rows = download_csv(client, reverse("relations:event-list"), year="abc")
    assert rows == []


def test_downloads_are_in_the_language_of_the_address(client, seed):
    rows = download_csv(client, "/tr/agreements/", country="turkey")
    assert "Moskova Antlaşması" in [row["title"] for row in rows]


def test_a_download_costs_a_fixed_number_of_queries(
    client, many_events, django_assert_max_num_queries
):
    # Events, their countries, the filter's country lookup, and whether more follow.
    with django_assert_max_num_queries(4):
        download_csv(client, reverse("relations:event-list"), country="testland")


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_a_download_holds_at_most_max_rows_and_links_the_next(
    client, many_events, monkeypatch, extension
):
    """A download of the whole list took every worker past its timeout (#16)."""
    from relations import exports

    monkeypatch.setattr(exports, "MAX_ROWS", 10)
    url = reverse("relations:event-list")
    slugs, params, pages = [], {"category": "exhibition", "format": extension}, 0
    while params is not None:
        response = client.get(url, params)
        assert response.streaming
        body = b"".join(response.streaming_content).decode()
        if extension == "csv":
            slugs += [row["slug"] for row in csv.DictReader(io.StringIO(body))]
        else:
            slugs += [item["slug"] for item in json.loads(body)["items"]]
        link = response.get("Link")
        params = None
        if link:
            next_url = re.fullmatch(r'<([^>]+)>; rel="next"', link)[1]
            assert "category=exhibition" in next_url
            params = dict(re.findall(r"[?&]([^=&]+)=([^&]*)", next_url))
        pages += 1
    assert pages == 3
    assert len(slugs) == len(set(slugs)) == 25
    assert client.get(url, {"format": extension, "page": "x"}).status_code == 404


def api_get(client, path, **params):
    return client.get(f"/api/{path}", params)


def test_the_api_lists_with_the_same_filters_and_pages(client, many_events):
    data = api_get(client, "events/", category="exhibition", sort="date").json()
    assert data["count"] == 25 and len(data["items"]) == 20
    second = api_get(client, "events/", category="exhibition", sort="date", page=2).json()
    assert [item["title"] for item in second["items"]] == [f"Fair {n}" for n in range(20, 25)]


def test_the_api_gives_one_entry_by_slug(client, seed):
    data = api_get(client, "agreements/treaty-of-brotherhood-1921/").json()
    assert data["when"] == "16 March 1921"
    assert data["parties"] == ["russia", "turkey"]
    assert data["url"] == "http://testserver/en/agreements/treaty-of-brotherhood-1921/"


def test_the_api_hides_drafts(client, make_event):
    event = make_event(publication=Publication.DRAFT)
    assert api_get(client, f"events/{event.slug}/").status_code == 404
    assert api_get(client, "events/").json()["count"] == 0


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("events/", {"year": "abc"}, 400),
        ("events/", {"country": "atlantis"}, 400),
        ("events/", {"page": "abc"}, 422),
        ("events/", {"page": "10000000000000000000000"}, 422),
        ("events/", {"page": "0"}, 422),
        ("visits/", {"page_size": "100000"}, 422),
        ("events/", {"page": "500"}, 200),
    ],
)
def test_bad_api_input_is_a_client_error(client, seed, path, params, status):
    assert api_get(client, path, **params).status_code == status


def test_the_api_speaks_the_language_asked_for(client, seed):
    response = client.get("/api/agreements/treaty-of-brotherhood-1921/", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.json()["title"] == "Договор о дружбе и братстве между Россией и Турцией"


def test_the_openapi_description_validates(client):
    schema = client.get("/api/openapi.json").json()
    validate(schema)
    paths = set(schema["paths"])
    for kind in LISTS:
        assert {f"/api/{kind}/", f"/api/{kind}/{{slug}}/"} <= paths
    parameters = {p["name"] for p in schema["paths"]["/api/events/"]["get"]["parameters"]}
    assert {"q", "year", "category", "country", "organisation", "sort", "page"} <= parameters


def test_csv_cells_never_run_as_formulas(client, make_event):
    formula = '=HYPERLINK("http://example.org/x","Click")'
    make_event(title=formula, summary="-2+3", place="\tTab")
    (row,) = download_csv(client, reverse("relations:event-list"))
    assert row["title"] == f"'{formula}"
    assert row["summary"] == "'-2+3"
    assert row["place"] == "'\tTab"
