"""A dump of all content that ``load_content --require-empty`` restores.

Generic on purpose: the relations app (with any history models it holds) and the history
models of django-simple-history wherever they live, when it is installed. Accounts only
when asked (``--with-accounts``: password hashes, groups, permissions); otherwise each
editor is written as a name alone (no password, e-mail, groups or rights, not active), so
that every history record still says who made the change. After such a restore no one can
log in until `createsuperuser` or `changepassword` gives someone a password again, and
`setup_roles` writes the groups anew.
"""

import json
import shutil
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

ACCOUNT_LABELS = ["auth.group", "auth.user"]


def backup_labels(with_accounts=True):
    labels = [*(ACCOUNT_LABELS if with_accounts else []), "relations"]
    if apps.is_installed("simple_history"):
        from simple_history.models import HistoricalChanges

        labels += sorted(
            model._meta.label
            for model in apps.get_models()
            if issubclass(model, HistoricalChanges) and model._meta.app_label != "relations"
        )
    return labels


class Command(BaseCommand):
    help = "Write all content to a timestamped JSON file with natural keys."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default="backups", help="Where to write the file.")
        parser.add_argument(
            "--with-accounts",
            action="store_true",
            help="Also write the editors' accounts: password hashes, groups and rights.",
        )

    def handle(self, *args, output_dir, with_accounts, **options):
        directory = Path(output_dir)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"content-{timezone.now():%Y%m%dT%H%M%SZ}.json"
        # Unpublished drafts, editors' names (and with --with-accounts their password
        # hashes): readable by its owner only, from the moment it exists.
        path.touch(mode=0o600, exist_ok=False)
        path.chmod(0o600)
        # Entries keep their ids (and name what they refer to by natural key): each
        # history record names its entry by id, so a restore that numbered the entries
        # anew would hand one entry's history to another.
        with tempfile.NamedTemporaryFile("w+", dir=directory, suffix=".part") as dump:
            call_command(
                "dumpdata",
                *backup_labels(with_accounts),
                natural_foreign=True,
                natural_primary=False,
                indent=2,
                output=dump.name,
                verbosity=0,
            )
            with path.open("w") as out, open(dump.name) as source:
                if with_accounts:
                    shutil.copyfileobj(source, out)
                else:
                    write_with_names(out, source)
        self.stdout.write(_("Backup written to %(path)s") % {"path": path})


def name_only_users():
    """Every account as its name alone, for the history records that point at it."""
    from django.contrib.auth import get_user_model

    model = get_user_model()
    return [
        {
            "model": model._meta.label_lower,
            "pk": pk,
            "fields": {
                model.USERNAME_FIELD: name,
                "password": "!",  # an unusable password: nobody logs in with it
                "is_active": False,
                "date_joined": joined.isoformat(),
            },
        }
        for pk, name, joined in model._default_manager.order_by("pk").values_list(
            "pk", model.USERNAME_FIELD, "date_joined"
        )
    ]


def write_with_names(out, dump):
    """The dump (a JSON array, streamed) with the name-only accounts in front of it."""
    users = name_only_users()
    body = dump.read(1)
    while body and body.isspace():
        body = dump.read(1)
    if body != "[":
        raise ValueError("dumpdata did not write a JSON array")
    out.write("[\n")
    rest = dump.read(1 << 16)
    empty = rest.strip() == "]"
    for index, user in enumerate(users):
        separator = "," if index < len(users) - 1 or not empty else ""
        out.write(json.dumps(user, indent=2) + separator + "\n")
    if empty:
        out.write("]\n")
        return
    while rest:
        out.write(rest)
        rest = dump.read(1 << 16)
