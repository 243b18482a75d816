"""Import and export of every kind of entry (django-import-export).

Rows are matched by slug, and related entries are written as their slugs, so a
spreadsheet reads as it would to a person and moves between databases. Every
row is validated like the admin form (``clean_model_instances``), and the admin
imports nothing unless every row is valid.
"""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget

from .models import (
    Agreement,
    Country,
    Event,
    EventSeries,
    Office,
    Organisation,
    PartnerPage,
    Person,
    Visit,
)

IMPORT_REASON = "Imported from a file"


def by_slug(name, model, many=False):
    widget = ManyToManyWidget(model, field="slug") if many else ForeignKeyWidget(model, "slug")
    return fields.Field(attribute=name, column_name=name, widget=widget)


class EntryResource(resources.ModelResource):
    def before_save_instance(self, instance, row, **kwargs):
        # For the history: why this version exists, and who imported it.
        instance._change_reason = IMPORT_REASON
        if kwargs.get("user") is not None:
            instance._history_user = kwargs["user"]

    class Meta:
        import_id_fields = ("slug",)
        exclude = ("id", "created_at", "updated_at")
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class CountryResource(EntryResource):
    class Meta(EntryResource.Meta):
        model = Country


class PersonResource(EntryResource):
    class Meta(EntryResource.Meta):
        model = Person


class OrganisationResource(EntryResource):
    countries = by_slug("countries", Country, many=True)
    parent = by_slug("parent", Organisation)

    class Meta(EntryResource.Meta):
        model = Organisation


class PartnerPageResource(EntryResource):
    country = by_slug("country", Country)

    class Meta(EntryResource.Meta):
        model = PartnerPage


class EventSeriesResource(EntryResource):
    country = by_slug("country", Country)
    participants = by_slug("participants", Organisation, many=True)

    class Meta(EntryResource.Meta):
        model = EventSeries


class EventResource(EntryResource):
    place_country = by_slug("place_country", Country)
    countries = by_slug("countries", Country, many=True)
    organisations = by_slug("organisations", Organisation, many=True)
    series = by_slug("series", EventSeries)

    class Meta(EntryResource.Meta):
        model = Event


class VisitResource(EntryResource):
    person = by_slug("person", Person)
    origin_country = by_slug("origin_country", Country)
    host_country = by_slug("host_country", Country)

    class Meta(EntryResource.Meta):
        model = Visit


class AgreementResource(EntryResource):
    place_country = by_slug("place_country", Country)
    parties = by_slug("parties", Country, many=True)
    visit = by_slug("visit", Visit)

    class Meta(EntryResource.Meta):
        model = Agreement


class OfficeResource(EntryResource):
    organisation = by_slug("organisation", Organisation)
    represents = by_slug("represents", Organisation, many=True)
    country = by_slug("country", Country)

    class Meta(EntryResource.Meta):
        model = Office
