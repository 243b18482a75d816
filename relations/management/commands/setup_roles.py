"""Create or refresh the editors' groups. Safe to run again: it sets, never adds.

Contributors write drafts: they add and change entries that are not published,
and can neither publish, delete, restore nor import. People are not drafts (a change
is live at once), so Contributors add people and Editors change them. Editors do
everything to content, including publishing, deleting and restoring from the history. Neither group
may touch accounts or groups: that stays with superusers.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

from relations.kinds import content_models

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"


def codenames(models, actions):
    return [f"{action}_{model._meta.model_name}" for model in models for action in actions]


def roles():
    """{group: codenames}. Countries are reference data: Contributors only read them."""
    models = content_models()
    publishable = [m for m in models if any(f.name == "publication" for f in m._meta.fields)]
    writable = [m for m in models if m._meta.model_name != "country"]
    changeable = [m for m in writable if m._meta.model_name != "person"]
    return {
        CONTRIBUTORS: [
            *codenames(models, ("view",)),
            *codenames(writable, ("add",)),
            *codenames(changeable, ("change",)),
        ],
        EDITORS: [
            *codenames(models, ("view", "add", "change", "delete")),
            *codenames(publishable, ("publish",)),
        ],
    }


class Command(BaseCommand):
    help = "Create or refresh the Contributors and Editors groups and their permissions."

    def handle(self, *args, **options):
        for name, wanted in roles().items():
            permissions = Permission.objects.filter(
                content_type__app_label="relations", codename__in=wanted
            )
            missing = set(wanted) - set(permissions.values_list("codename", flat=True))
            if missing:
                raise CommandError(f"Unknown permissions for {name}: {sorted(missing)}")
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.set(permissions)
            self.stdout.write(f"{name}: {len(wanted)} permissions")
