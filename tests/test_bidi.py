"""Bidi control characters are stripped from titles and names (issue #16, item 7)."""

import json

import pytest
from django.core.management import call_command

from relations.models import Event, Organisation
from tests.conftest import admin_form

pytestmark = pytest.mark.django_db

RLO = "\u202e"
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def test_an_editor_cannot_save_a_right_to_left_override_in_a_title(editor_client, seed):
    url = "/admin/relations/event/add/"
    data = admin_form(editor_client.get(url))
    data.update(
        {
            "title_en": [f"Talks{RLO}fdp.exe in Ankara{CONTROLS}"],
            "slug": ["bidi-talks"],
            "date": ["1994-04-01"],
            "date_precision": ["day"],
            "category": ["cultural"],
        }
    )
    response = editor_client.post(url, data)
    if response.status_code == 200:
        pytest.fail(str(response.context["adminform"].form.errors))
    event = Event.objects.get(slug="bidi-talks")
    assert event.title_en == "Talksfdp.exe in Ankara"


def test_load_content_strips_bidi_controls_from_names(seed, tmp_path):
    path = tmp_path / "bidi.json"
    fields = {"name": f"{RLO}Ministry{CONTROLS}", "slug": "bidi-ministry", "kind": "ministry"}
    path.write_text(json.dumps([{"model": "relations.organisation", "fields": fields}]))
    call_command("load_content", str(path), quiet=True)
    organisation = Organisation.objects.get(slug="bidi-ministry")
    assert organisation.name == "Ministry"
    assert organisation.name_en in (None, "Ministry")
