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


@pytest.mark.parametrize(
    "query",
    ["format=csv&page=99999999999999999999", "format=json&page=9223372036854775807",
     "format=csv&page=100001", "format=json&page=-1", "format=csv&page=1e3", "format=json&page=0"],
)  # fmt: skip
def test_item_4_a_download_page_past_any_column_is_a_client_error(client, make_event, query):
    client.raise_request_exception = False
    make_event()
    assert client.get(f"/en/events/?{query}").status_code in {400, 404}


def test_item_6_a_drafts_preview_is_not_for_strangers(client, make_event, contributor_client):
    from relations.models import Publication

    draft = make_event(title="Secret draft", publication=Publication.DRAFT)
    url = f"/admin/relations/event/{draft.pk}/preview/"
    assert contributor_client.get(url).status_code == 200  # the address is right
    response = client.get(url)
    assert response.status_code in {302, 404} and b"Secret draft" not in response.content
    assert b"Secret draft" not in client.get(f"/en/events/{draft.slug}/").content
    assert b"Secret draft" not in client.get(f"/api/events/{draft.slug}/").content


def test_item_10_thousands_of_slow_connections_leave_nginx_answering(tmp_path):
    """Under a service's default limit of 1,024 open files, 3,000 connections holding half
    a request line made nginx refuse new ones (deploy/nginx.conf, worker_rlimit_nofile)."""
    import resource
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    if not shutil.which("nginx"):
        pytest.skip("nginx (Debian's package) is not installed")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 4_000:
        pytest.skip("cannot open 3,000 connections under this file limit")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8_000) if hard > 0 else 8_000, hard))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from front import nginx_config
    from gunicorn_server import free_port

    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "index.html").write_text("up")
    backend_port, port = free_port(), free_port()
    (tmp_path / "temp").mkdir()
    (tmp_path / "nginx.conf").write_text(nginx_config(port, backend_port))
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "http.server", str(backend_port), "-b", "127.0.0.1",
             "-d", str(tmp_path / "www")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            ["nginx", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf"), "-e",
             "error.log", "-g", "daemon off;"],
            # A service's default (systemd: 1,024 soft), which nginx must raise itself.
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard)),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ),
    ]  # fmt: skip
    slow = []
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(3_000):
            sock = socket.create_connection(("127.0.0.1", port), timeout=2)
            sock.sendall(b"GET / HT")
            slow.append(sock)
        time.sleep(0.5)
        answers = []
        for _ in range(10):
            try:
                answers.append(
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                )
            except OSError as error:
                answers.append(error)
        assert answers == [b"up"] * 10
    finally:
        for sock in slow:
            sock.close()
        for process in started:
            process.terminate()
            process.wait()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
