"""/api/ is an index of the API in JSON, and any unknown address under it answers a JSON 404
(#17), not the site's HTML page."""

import pytest
from openapi_spec_validator import validate

from relations.schemas import KINDS

pytestmark = pytest.mark.django_db


def test_the_api_root_lists_every_kind_and_the_docs(client, seed):
    response = client.get("/api/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    index = response.json()
    assert index["docs"] == "http://testserver/api/openapi.json"
    assert [kind["name"] for kind in index["kinds"]] == list(KINDS)
    for kind in index["kinds"]:
        listed = client.get(kind["list"])
        assert listed.status_code == 200, kind
        first = listed.json()["items"][0]
        assert kind["detail"].replace("{slug}", first["slug"]) == (
            f"http://testserver/api/{kind['name']}/{first['slug']}/"
        )
        assert client.get(kind["detail"].replace("{slug}", first["slug"])).status_code == 200
    assert client.get(index["docs"]).status_code == 200
    assert index["languages"] == ["en", "ru", "tr"]


def test_the_index_is_in_the_openapi_description(client):
    schema = client.get("/api/openapi.json").json()
    validate(schema)
    assert "/api/" in schema["paths"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/nothing/",
        "/api/events/nope/",
        "/api/events/nope/extra/",
        "/api/events/treaty/../x/y/",
        "/api/openapi.json/extra/",
    ],
)
def test_an_unknown_api_address_is_a_json_404(client, seed, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not Found"}


def test_a_post_to_an_unknown_api_address_is_a_json_404_too(client):
    response = client.post("/api/nothing/", {"a": "b"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


@pytest.mark.parametrize(
    ("path", "target"), [("/api/events", "/api/events/"), ("/api/nothing", "/api/nothing/")]
)
def test_an_address_without_its_slash_is_sent_to_it(client, path, target):
    response = client.get(path)
    assert (response.status_code, response["Location"]) == (301, target)


def test_pages_outside_the_api_keep_the_html_404(client):
    response = client.get("/en/nothing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
