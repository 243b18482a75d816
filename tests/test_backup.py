"""`make backup` then `make restore` into an empty database gives back the same content."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils.dateparse import parse_datetime

from relations.history import is_tracked
from relations.kinds import content_models
from relations.management.commands.backup_content import backup_labels
from relations.models import Country, Event
from tests.conftest import admin_form

pytestmark = pytest.mark.django_db


def same_instant(value):
    """Django's JSON keeps milliseconds: 12:00:01.000412 is written "12:00:01.000Z"
    and reads back as 12:00:01, which it writes "12:00:01Z". Compare the instants."""
    if isinstance(value, str) and DATETIME.fullmatch(value):
        return parse_datetime(value)
    return value


DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def everything():
    out = StringIO()
    call_command(
        "dumpdata", *backup_labels(), natural_foreign=True, natural_primary=True, stdout=out
    )
    return [
        {**row, "fields": {name: same_instant(value) for name, value in row["fields"].items()}}
        for row in json.loads(out.getvalue())
    ]


# Outside a test transaction: PostgreSQL will not empty tables with constraint checks pending.
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_the_same_content_into_an_empty_database(
    seed, tmp_path, django_user_model, make_event
):
    django_user_model.objects.create_user("editor", "editor@example.org", "pw-123456")
    make_event(title="Edited after the seed", body="**Bold** text")
    before = everything()
    out = StringIO()
    call_command("backup_content", output_dir=str(tmp_path), with_accounts=True, stdout=out)
    (backup,) = tmp_path.glob("content-*.json")
    assert str(backup) in out.getvalue()

    assert backup.stat().st_mode & 0o777 == 0o600  # it holds password hashes
    histories = own_histories()

    call_command("flush", interactive=False, verbosity=0)
    assert everything() == []
    call_command("load_content", str(backup), require_empty=True, quiet=True)
    assert everything() == before
    # Every entry has exactly its own history, under its own id.
    assert own_histories() == histories


# Outside a test transaction, as make restore runs.
@pytest.mark.django_db(transaction=True)
def test_after_a_restore_editors_add_change_and_delete_entries(seed, tmp_path, make_staff):
    """On PostgreSQL the restored ids left the sequences behind: every save was a 500."""
    call_command("backup_content", output_dir=str(tmp_path), stdout=StringIO())
    (backup,) = tmp_path.glob("content-*.json")
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_content", str(backup), require_empty=True, quiet=True)
    call_command("setup_roles", stdout=StringIO())  # as make restore does: no groups in a backup

    client = Client()
    client.force_login(make_staff("Editors"))
    add = reverse("admin:relations_event_add")
    form = admin_form(client.get(add))
    form |= {
        "title_en": ["After the restore"],
        "slug": ["after-the-restore"],
        "date": ["2026-11-29"],
        "date_precision": ["day"],
        "countries": [str(Country.objects.get(slug="turkey").pk)],
    }
    response = client.post(add, form)
    assert response.status_code == 302, response.context and response.context["errors"]
    event = Event.objects.get(slug="after-the-restore")
    assert event.history.exists()

    change = reverse("admin:relations_event_change", args=[event.pk])
    form = admin_form(client.get(change)) | {"summary_en": ["Changed."]}
    assert client.post(change, form).status_code == 302
    delete = reverse("admin:relations_event_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(slug="after-the-restore").exists()
    assert event.history.first().history_type == "-"


def own_histories():
    """{(model, entry id): [history ids]} for every tracked model."""
    histories = {}
    for model in content_models():
        if is_tracked(model):
            for entry_id, history_id in model.history.values_list("id", "history_id"):
                histories.setdefault((model._meta.label, entry_id), []).append(history_id)
    return {key: sorted(ids) for key, ids in histories.items()}


def test_restore_refuses_a_database_that_holds_content(seed, tmp_path):
    call_command("backup_content", output_dir=str(tmp_path), stdout=StringIO())
    (backup,) = tmp_path.glob("content-*.json")
    with pytest.raises(CommandError, match="already holds content"):
        call_command("load_content", str(backup), require_empty=True, quiet=True)
