"""A dump of all content that ``load_content --require-empty`` restores.

Generic on purpose: the relations app (with any history models it holds), the
editors' accounts and groups, and the history models of django-simple-history
wherever they live, when it is installed.
"""

from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _


def backup_labels():
    labels = ["auth.group", "auth.user", "relations"]
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

    def handle(self, *args, output_dir, **options):
        directory = Path(output_dir)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"content-{timezone.now():%Y%m%dT%H%M%SZ}.json"
        # The file holds the editors' password hashes: readable by its owner only, from
        # the moment it exists.
        path.touch(mode=0o600, exist_ok=False)
        path.chmod(0o600)
        # Entries keep their ids (and name what they refer to by natural key): each
        # history record names its entry by id, so a restore that numbered the entries
        # anew would hand one entry's history to another.
        call_command(
            "dumpdata",
            *backup_labels(),
            natural_foreign=True,
            natural_primary=False,
            indent=2,
            output=str(path),
            verbosity=0,
        )
        self.stdout.write(_("Backup written to %(path)s") % {"path": path})
