"""Import and export from every changelist; an import is all or nothing and lands in history."""

import csv
import io

import openpyxl
import pytest
import tablib
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from relations.models import Event, Publication
from relations.resources import IMPORT_REASON, EventResource

pytestmark = pytest.mark.django_db

PUBLISHABLE = [
    model
    for model in admin.site._registry
    if model._meta.app_label == "relations" and hasattr(model, "publication")
]

HEADERS = ["slug", "title", "date", "date_precision", "category", "countries", "publication"]


def url(model, name):
    return reverse(f"admin:relations_{model._meta.model_name}_{name}")


def csv_file(rows, headers=HEADERS):
    data = tablib.Dataset(*rows, headers=headers)
    return SimpleUploadedFile("events.csv", data.export("csv").encode(), "text/csv")


def xlsx_file(rows, headers=HEADERS):
    data = tablib.Dataset(*rows, headers=headers)
    return SimpleUploadedFile("events.xlsx", data.export("xlsx"))


def import_format(client, model, extension):
    choices = client.get(url(model, "import")).context["form"].fields["format"].choices
    return next(value for value, label in choices if label.lower() == extension)


def export(client, model, extension):
    form = client.get(url(model, "export")).context["form"]
    fields = {name: "on" for name, field in form.fields.items() if hasattr(field, "resource_name")}
    fmt = next(value for value, label in form.fields["format"].choices if label == extension)
    return client.post(url(model, "export"), {"format": fmt, "resource": "0", **fields})


@pytest.mark.parametrize("model", PUBLISHABLE, ids=lambda m: m.__name__)
def test_every_changelist_offers_import_and_export(editor_client, model):
    page = editor_client.get(url(model, "changelist")).content.decode()
    assert url(model, "import") in page and url(model, "export") in page


@pytest.mark.parametrize("extension", ["csv", "json", "xlsx"])
def test_export_writes_related_entries_as_slugs(editor_client, make_event, turkey, extension):
    make_event(title="Forum", slug="forum", publication=Publication.DRAFT)
    response = export(editor_client, Event, extension)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if extension == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        body = repr(list(sheet.values)).encode()
    assert b"forum" in body and b"testland" in body


def test_a_csv_import_shows_a_preview_then_saves_and_records_history(
    editor, editor_client, turkey, make_event
):
    make_event(title="Old title", slug="forum")
    rows = [
        ("forum", "New title", "2005-01-01", "day", "economic", "testland", "published"),
        ("expo", "Expo", "2006-06-01", "month", "exhibition", "testland", "draft"),
    ]
    fmt = import_format(editor_client, Event, "csv")
    response = editor_client.post(
        url(Event, "import"), {"format": fmt, "resource": "0", "import_file": csv_file(rows)}
    )
    assert response.status_code == 200
    result = response.context["result"]
    assert [row.import_type for row in result.rows] == ["update", "new"]
    assert "<del" in response.content.decode()  # the preview marks what a row changes
    confirm = response.context["confirm_form"]
    assert Event.objects.get(slug="forum").title == "Old title"  # nothing saved yet

    response = editor_client.post(
        reverse("admin:relations_event_process_import"),
        {name: confirm[name].value() for name in confirm.fields},
    )
    assert response.status_code == 302
    forum = Event.objects.get(slug="forum")
    assert forum.title == "New title"
    assert [c.slug for c in Event.objects.get(slug="expo").countries.all()] == ["testland"]
    change = forum.history.filter(history_change_reason=IMPORT_REASON).get()
    assert change.history_user == editor


def test_an_xlsx_import_with_one_bad_row_saves_nothing(editor_client, turkey):
    rows = [
        ("good", "Good", "2005-01-01", "day", "economic", "testland", "draft"),
        ("bad", "Bad", "2005-01-15", "month", "economic", "testland", "draft"),
    ]
    fmt = import_format(editor_client, Event, "xlsx")
    response = editor_client.post(
        url(Event, "import"), {"format": fmt, "resource": "0", "import_file": xlsx_file(rows)}
    )
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert "give the first day of the period" in response.content.decode()
    assert not Event.objects.exists()


def test_the_resource_rolls_back_every_row_when_one_is_invalid(turkey):
    rows = [
        ("good", "Good", "2005-01-01", "day", "economic", "testland", "draft"),
        ("bad", "Bad", "2005-01-01", "day", "no-such-category", "testland", "draft"),
    ]
    result = EventResource().import_data(
        tablib.Dataset(*rows, headers=HEADERS),
        dry_run=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    assert result.has_validation_errors()
    assert not Event.objects.exists()


FORMULA = '=HYPERLINK("http://example.org/x","Click")'


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_exported_cells_never_run_as_formulas(editor_client, make_event, extension):
    make_event(title=FORMULA, slug="formula", summary="@SUM(1+1)")
    response = export(editor_client, Event, extension)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if extension == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        cells = [cell for row in sheet.iter_rows() for cell in row]
        assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
        values = [cell.value for cell in cells]
    else:
        values = [value for row in csv.reader(io.StringIO(body.decode())) for value in row]
    assert f"'{FORMULA}" in values and "'@SUM(1+1)" in values
    assert FORMULA not in values


def rewritten_xlsx(rows, replace=None, extra=None):
    """An XLSX of ``rows`` with text replaced in its sheet, or one more member added."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx_file(rows).read()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if replace and member.filename.startswith("xl/worksheets/"):
                data = data.replace(*replace)
            target.writestr(member, data)
        if extra:
            target.writestr("xl/media/padding.xml", extra)
    return SimpleUploadedFile("people.xlsx", out.getvalue())


ROW = ("slug", "Title", "2005-01-01", "day", "economic", "testland", "draft")


@pytest.mark.parametrize(
    "upload, message",
    [
        # A zip that unpacks to 21 MB (the reported 1.6 KB file grew a worker to 3 GB).
        (
            lambda: rewritten_xlsx([ROW], extra=b" " * (21 * 1024 * 1024)),
            "Unpacked, the file would take more than 20.0",
        ),
        # A sheet that declares a million rows.
        (
            lambda: rewritten_xlsx([ROW], replace=(b'ref="A1:G2"', b'ref="A1:G1048576"')),
            "more than 5000 rows",
        ),
        (lambda: csv_file([ROW] * 5_001), "more than 5000 rows"),
        (lambda: csv_file([ROW * 38] * 1_000, headers=HEADERS * 38), "more than 250000 cells"),
        (
            lambda: SimpleUploadedFile("big.csv", b"slug\n" + b"x" * (5 * 1024 * 1024)),
            "at most 5.0\xa0MB can be imported at once",
        ),
    ],
    ids=["xlsx-zip-bomb", "xlsx-declared-rows", "csv-rows", "csv-cells", "file-size"],
)
def test_an_import_over_a_ceiling_is_a_form_error(editor_client, upload, message):
    """The ceilings hold for an Editor (the role that may import) as for everyone."""
    from relations.models import Person

    upload = upload()
    extension = upload.name.rpartition(".")[2]
    response = editor_client.post(
        url(Person, "import"),
        {"format": import_format(editor_client, Person, extension), "import_file": upload},
    )
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert message in response.content.decode()
    assert not Person.objects.exists()
