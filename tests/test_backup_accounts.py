"""Issue 16, item 1: a backup holds content, not accounts, unless asked (--with-accounts).

Without the option each editor is a name alone, so every history record still says who
made the change, but the file holds no password hash, e-mail, group or right, and after
a restore nobody can log in with an old password.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from relations.models import Event

pytestmark = pytest.mark.django_db(transaction=True)  # as make restore runs: no test transaction


def backup(tmp_path, **options):
    call_command("backup_content", output_dir=str(tmp_path), stdout=StringIO(), **options)
    (path,) = tmp_path.glob("content-*.json")
    return path


def restore(path):
    call_command("flush", interactive=False, verbosity=0)
    call_command("load_content", str(path), require_empty=True, quiet=True)
    call_command("setup_roles", stdout=StringIO())


def logs_in(client, username):
    """Through the admin's login form, as an editor does: a redirect means signed in."""
    response = client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": "pw-123456"}
    )
    return response.status_code == 302


def edit_as(user, make_event):
    """An entry the editor changed: its history names them."""
    event = make_event(title="Edited by a named editor")
    event._history_user = user
    event.summary = "Changed."
    event.save()
    return event


def test_a_backup_holds_no_password_hash_email_or_group(seed, tmp_path, make_staff, make_event):
    editor = make_staff("Editors", username="named-editor")
    editor.email = "named@example.org"
    editor.save()
    event = edit_as(editor, make_event)
    path = backup(tmp_path)
    text = path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    assert editor.password not in text and editor.password.rsplit("$", 1)[1] not in text
    assert "named@example.org" not in text
    assert '"auth.group"' not in text and '"Editors"' not in text

    restore(path)
    restored = get_user_model().objects.get(username="named-editor")
    assert not restored.has_usable_password() and not restored.is_active
    assert not restored.is_staff and not restored.groups.exists()
    assert Event.objects.get(pk=event.pk).history.first().history_user == restored
    assert not logs_in(Client(), "named-editor")


def test_with_accounts_an_editor_logs_in_after_the_restore(seed, tmp_path, make_staff):
    editor = make_staff("Editors", username="kept-editor")
    path = backup(tmp_path, with_accounts=True)
    assert editor.password in path.read_text()
    restore(path)
    client = Client()
    assert logs_in(client, "kept-editor")
    assert client.get("/admin/relations/event/").status_code == 200


def test_a_backup_of_a_site_without_editors_restores(seed, tmp_path):
    get_user_model().objects.all().delete()
    path = backup(tmp_path)
    restore(path)
    assert Event.objects.exists() and not get_user_model().objects.exists()
