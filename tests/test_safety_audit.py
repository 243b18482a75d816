"""Issue 16: one new attack per item, beside each item's own tests (docs/reliability.md,
"Safety audit"). Run on SQLite and on PostgreSQL (scripts/with-postgres.sh)."""

import io
import json
import struct
import zipfile
from io import StringIO

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from relations.models import Person
from tests.conftest import admin_form

pytestmark = pytest.mark.django_db

RLO = "\u202e"


def import_people(client, upload):
    url = reverse("admin:relations_person_import")
    choices = client.get(url).context["form"].fields["format"].choices
    extension = upload.name.rpartition(".")[2]
    fmt = next(value for value, label in choices if label.lower() == extension)
    return client.post(url, {"format": fmt, "import_file": upload})


def people_xlsx(rows):
    return tablib.Dataset(*rows, headers=["slug", "name"]).export("xlsx")


def with_lying_sizes(data, factor=1000):
    """The XLSX with every member's declared unpacked size divided by ``factor``, in the
    local headers and the central directory: the sum check sees a tiny file."""
    source = zipfile.ZipFile(io.BytesIO(data))
    raw = bytearray(data)
    for member in source.infolist():
        small = max(1, member.file_size // factor)
        struct.pack_into("<I", raw, member.header_offset + 22, small)
    directory = raw.find(b"PK\x01\x02")
    while directory != -1:
        size = struct.unpack_from("<I", raw, directory + 24)[0]
        struct.pack_into("<I", raw, directory + 24, max(1, size // factor))
        directory = raw.find(b"PK\x01\x02", directory + 4)
    return bytes(raw)


def test_item_3_a_contributor_cannot_import_at_all(contributor_client):
    assert contributor_client.get(reverse("admin:relations_person_import")).status_code == 403


def test_item_3_an_xlsx_that_lies_about_its_unpacked_size_is_refused(editor_client):
    """A zip bomb that declares tiny members: the worker must not unpack what it hides."""
    editor_client.raise_request_exception = False
    rows = [(f"p{n}", "x" * 2_000) for n in range(4_000)]  # ~8 MB of sheet, declared 8 KB
    upload = SimpleUploadedFile("people.xlsx", with_lying_sizes(people_xlsx(rows)))
    response = import_people(editor_client, upload)
    assert response.status_code == 200
    assert "confirm_form" not in (response.context or {})
    assert not Person.objects.exists()


def test_item_7_an_imported_person_name_loses_its_bidi_controls(editor_client):
    upload = SimpleUploadedFile("people.xlsx", people_xlsx([("rlo-person", f"Ali{RLO}gpj.exe")]))
    response = import_people(editor_client, upload)
    assert response.status_code == 200 and "confirm_form" in response.context
    confirm = response.context["confirm_form"].initial
    response = editor_client.post(reverse("admin:relations_person_process_import"), confirm)
    assert response.status_code == 302
    assert Person.objects.get(slug="rlo-person").name == "Aligpj.exe"


def test_item_9_a_nul_in_the_login_form_is_not_a_server_error(client, editor):
    client.raise_request_exception = False
    for fields in ({"username": "a\x00b", "password": "x"}, {"username": editor.username,
                   "password": "pw\x00"}):  # fmt: skip
        response = client.post("/admin/login/?next=/admin/", fields)
        assert response.status_code == 200


def test_item_9_a_nul_in_an_inline_management_form_is_not_a_server_error(editor_client, seed):
    editor_client.raise_request_exception = False
    url = "/admin/relations/agreement/add/"
    form = admin_form(editor_client.get(url))
    totals = [key for key in form if key.endswith("-TOTAL_FORMS")]
    assert totals
    for key in totals:
        assert editor_client.post(url, form | {key: ["1\x00"]}).status_code in {200, 400}


def test_item_9_a_nul_in_non_text_admin_fields_is_a_form_error(editor_client, seed):
    editor_client.raise_request_exception = False
    url = "/admin/relations/event/add/"
    form = admin_form(editor_client.get(url))
    base = form | {"title_en": ["NUL"], "slug": ["nul"], "date_precision": ["day"]}
    for name, value in [
        ("date", "1994-04-01\x00"),
        ("countries", "1\x00"),
        ("category", "cultural\x00"),
        ("publish_at_0", "2030-01-01\x00"),
    ]:
        response = editor_client.post(url, base | {"date": ["1994-04-01"], name: [value]})
        assert response.status_code == 200, (name, response.status_code)


def test_item_2_a_deeply_nested_fixture_is_one_line_not_a_traceback(db, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(CommandError) as raised:
        call_command("load_content", str(path), quiet=True, stdout=StringIO())
    assert "deep.json" in str(raised.value)


def test_item_2_an_id_too_large_for_the_column_is_one_line(db, tmp_path):
    path = tmp_path / "huge-id.json"
    fields = {"name": "Huge", "slug": "huge-id", "kind": "ministry"}
    entry = {"model": "relations.organisation", "pk": 2**70, "fields": fields}
    path.write_text(json.dumps([entry]))
    with pytest.raises(CommandError) as raised:
        call_command("load_content", str(path), quiet=True, stdout=StringIO())
    assert "huge-id.json" in str(raised.value)
