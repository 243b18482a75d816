"""Create or refresh the editors' groups. Safe to run again: it sets, never adds.

Contributors write drafts: they add and change entries that are not published,
and can neither publish, delete nor restore. Editors do everything to content,
including publishing, deleting and restoring from the history. Neither group
may touch accounts or groups: that stays with superusers.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

from relations.models import (
    Agreement,
    Country,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Section,
    Visit,
)

CONTENT = (Organisation, PartnerPage, Section, EventSeries, Event, Visit, Agreement, Office)
PUBLISHABLE = (Organisation, PartnerPage, EventSeries, Event, Visit, Agreement, Office)
REFERENCE = (Country, Person)

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"


def codenames(models, actions):
    return [f"{action}_{model._meta.model_name}" for model in models for action in actions]


ROLES = {
    CONTRIBUTORS: [
        *codenames(CONTENT, ("view", "add", "change")),
        *codenames((Person,), ("view", "add", "change")),
        *codenames((Country,), ("view",)),
    ],
    EDITORS: [
        *codenames(CONTENT + REFERENCE, ("view", "add", "change", "delete")),
        *codenames(PUBLISHABLE, ("publish",)),
    ],
}


class Command(BaseCommand):
    help = "Create or refresh the Contributors and Editors groups and their permissions."

    def handle(self, *args, **options):
        for name, wanted in ROLES.items():
            permissions = Permission.objects.filter(
                content_type__app_label="relations", codename__in=wanted
            )
            missing = set(wanted) - set(permissions.values_list("codename", flat=True))
            if missing:
                raise CommandError(f"Unknown permissions for {name}: {sorted(missing)}")
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.set(permissions)
            self.stdout.write(f"{name}: {len(wanted)} permissions")
