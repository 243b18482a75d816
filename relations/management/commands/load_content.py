import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from relations.loading import LoadError, Progress, load_files


class Command(BaseCommand):
    help = (
        "Load fixture files all or nothing: every object is validated and every reference "
        "resolved before the one transaction commits. The way to load content."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Paths, or fixture names in FIXTURE_DIRS.")
        parser.add_argument(
            "--require-empty",
            action="store_true",
            help=(
                "Restore a backup: refuse unless the database holds no content yet, and load "
                "the backup's history records, accounts and groups too (a plain load takes "
                "content only)."
            ),
        )
        parser.add_argument(
            "--quiet", action="store_true", help="No progress bar or summary (for scripts)."
        )

    def handle(self, *args, files, quiet, require_empty, verbosity, **options):
        quiet = quiet or verbosity == 0
        if require_empty and any(
            model.objects.exists() for model in apps.get_app_config("relations").get_models()
        ):
            raise CommandError(_("The database already holds content; restore into an empty one."))
        started = time.monotonic()
        try:
            count = load_files(
                files, progress=None if quiet else Progress(self.stderr), restore=require_empty
            )
        except LoadError as error:
            raise CommandError(
                _("Nothing was loaded.") + "\n" + "\n".join(error.problems)
            ) from error
        if not quiet:
            elapsed = time.monotonic() - started
            self.stdout.write(
                _(
                    "Loaded %(count)d objects from %(files)d files in %(seconds).1f s "
                    "(%(rate).0f objects/s)."
                )
                % {
                    "count": count,
                    "files": len(files),
                    "seconds": elapsed,
                    "rate": count / max(elapsed, 1e-9),
                }
            )
