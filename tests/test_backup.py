"""`make backup` then `make restore` into an empty database gives back the same content."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils.dateparse import parse_datetime

from relations.management.commands.backup_content import backup_labels

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
    call_command("backup_content", output_dir=str(tmp_path), stdout=out)
    (backup,) = tmp_path.glob("content-*.json")
    assert str(backup) in out.getvalue()

    call_command("flush", interactive=False, verbosity=0)
    assert everything() == []
    call_command("load_content", str(backup), require_empty=True, quiet=True)
    assert everything() == before


def test_restore_refuses_a_database_that_holds_content(seed, tmp_path):
    call_command("backup_content", output_dir=str(tmp_path), stdout=StringIO())
    (backup,) = tmp_path.glob("content-*.json")
    with pytest.raises(CommandError, match="already holds content"):
        call_command("load_content", str(backup), require_empty=True, quiet=True)
